"""Every error certpath raises on purpose, so callers can catch one family at a time.

The library never prints or exits: it raises these, and the CLI (short red message, exit 1) and
the web app (a status code per family) render them for people. Hierarchy::

    CertpathError                 root: anything certpath raises deliberately
    ├── CatalogError              the curated catalog
    │   ├── CatalogInvalid        files that do not load or do not agree (carries every problem)
    │   └── NotFoundError         an id, exam code or name that is not in the catalog
    ├── InputError                a user's argument or file that cannot be used as given
    │   └── DocumentError         a file that cannot be read as a resume or posting
    └── MissingExtraError         an optional feature whose extra is not installed
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from certpath.catalog.problems import Problem


class CertpathError(Exception):
    """Root of every error certpath raises deliberately.

    Each one crosses a process boundary whole (``extract_many`` over processes raises a
    worker's error as it is): pickled as its message and attributes, not as the arguments of
    a subclass's own ``__init__``, which pickle would otherwise call with the message alone.
    """

    def __reduce__(self) -> tuple[object, ...]:
        return _rebuilt, (type(self), self.args, dict(self.__dict__))


def _rebuilt(
    cls: type[CertpathError], args: tuple[object, ...], state: dict[str, object]
) -> CertpathError:
    error = cls.__new__(cls)
    Exception.__init__(error, *args)
    error.__dict__.update(state)
    return error


class CatalogError(CertpathError):
    """A problem with the curated catalog."""


class CatalogInvalid(CatalogError):
    """The catalog files do not load, or do not agree with each other.

    Attributes:
        problems: every problem found, each with its file and path.
    """

    def __init__(self, problems: Sequence[Problem]) -> None:
        self.problems = list(problems)
        lines = [f"the catalog has {len(self.problems)} problem(s):"]
        lines += [f"  {problem}" for problem in self.problems[:20]]
        if len(self.problems) > 20:
            lines.append(
                f"  ... and {len(self.problems) - 20} more (run `certpath catalog validate`)"
            )
        super().__init__("\n".join(lines))


class NotFoundError(CatalogError):
    """A key that names nothing in the catalog.

    Attributes:
        kind: what was looked up ("certification", "skill", "role", ...).
        key: the key as given.
        suggestions: the closest existing keys, best first.
    """

    def __init__(self, kind: str, key: str, suggestions: Sequence[str] = ()) -> None:
        self.kind = kind
        self.key = key
        self.suggestions = list(suggestions)
        message = f"no {kind} {key!r} in the catalog"
        if self.suggestions:
            message += "; did you mean " + ", ".join(repr(s) for s in self.suggestions) + "?"
        else:
            message += f"; list them with `certpath {_LIST_COMMAND.get(kind, kind + 's list')}`"
        super().__init__(message)


_LIST_COMMAND = {"certification": "certs list", "skill": "skills list", "role": "roles list"}


class InputError(CertpathError):
    """An argument or file that cannot be used as given; the message says how to fix it."""


class DocumentError(InputError):
    """A file or text that cannot be read as a resume or job posting.

    Attributes:
        source: the path or a short description of what was read.
        reason: a stable code: ``empty``, ``no-text-layer``, ``too-large``, ``encoding``,
            ``format-mismatch``, ``unsupported``, ``corrupt``, ``not-found``.
    """

    def __init__(self, source: str, reason: str, message: str) -> None:
        self.source = source
        self.reason = reason
        super().__init__(f"{source}: {message}")


class MissingExtraError(CertpathError):
    """An optional feature whose dependencies are not installed.

    Attributes:
        extra: the name of the extra that provides it.
    """

    def __init__(self, feature: str, extra: str) -> None:
        self.extra = extra
        super().__init__(f"{feature} needs the '{extra}' extra: pip install 'certpath[{extra}]'")
