"""A problem found in the catalog, located by file, path and line, and the collector of them.

Loading and checking never stop at the first mistake: each step adds every problem it sees to a
:class:`ProblemCollector`, and the caller raises once with all of them (as pypa/packaging does
for metadata).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import asdict, dataclass, field


@dataclass(frozen=True, slots=True)
class Problem:
    """One problem in one catalog file.

    Attributes:
        file: file name relative to the catalog folder, e.g. ``skills/cloud.yaml``.
        path: where in the file, e.g. ``certifications[3](aws-mla-c01).exam.minutes``.
        code: the kind of problem, stable for scripts (``schema``, ``dangling-id``, ...).
        message: what is wrong and, where it helps, how to fix it.
        line: 1-based line number in the file, when known.
    """

    file: str
    path: str
    code: str
    message: str
    line: int | None = None

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        path = f" {self.path}" if self.path else ""
        return f"{where}{path}: {self.message} [{self.code}]"

    def to_dict(self) -> dict[str, object]:
        return asdict(self)


@dataclass
class ProblemCollector:
    """Collects problems from every step; iterate it or read :attr:`problems`."""

    problems: list[Problem] = field(default_factory=list)

    def add(self, file: str, path: str, code: str, message: str, line: int | None = None) -> None:
        self.problems.append(Problem(file, path, code, message, line))

    def extend(self, problems: list[Problem]) -> None:
        self.problems.extend(problems)

    def __iter__(self) -> Iterator[Problem]:
        return iter(self.problems)

    def __len__(self) -> int:
        return len(self.problems)

    def __bool__(self) -> bool:
        return bool(self.problems)
