"""Read the catalog's YAML files into models, collecting every problem with its file, path and line.

First step of the flow: ``data/*.yaml`` -> :class:`Catalog`. YAML is parsed with a loader that
keeps dates and yes/no/on/off as strings (the models decide their types), refuses duplicate keys,
and remembers where each node sits so that a problem names its line. Each entry is validated on
its own, so one bad entry yields its own messages and the rest of the catalog is still checked.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from importlib.resources import files
from pathlib import Path
from typing import Any, Generic, TypeVar

import yaml
from pydantic import BaseModel, TypeAdapter, ValidationError

from certpath.catalog.models import (
    SCHEMA_VERSION,
    Certification,
    Project,
    Role,
    Skill,
    Stage,
    StageGuidance,
    Transition,
)
from certpath.catalog.problems import Problem, ProblemCollector
from certpath.errors import CatalogInvalid

M = TypeVar("M", bound=BaseModel)

_BOOL_TAG = "tag:yaml.org,2002:bool"
_TIMESTAMP_TAG = "tag:yaml.org,2002:timestamp"


_SAFE_LOADER: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
"""PyYAML's loader over libyaml where its wheel has it (every common platform's does): it
parses the catalog several times faster than the pure-Python one, with the same nodes and
line marks."""


class CatalogYamlLoader(_SAFE_LOADER):  # type: ignore[valid-type,misc]
    """A safe YAML loader that leaves typing to the models.

    YAML 1.1 turns ``2026-06-30`` into a date and ``no``/``on`` into booleans; here only
    ``true``/``false`` are booleans and dates stay strings (pydantic parses them where a field
    is a date). Duplicate keys are recorded instead of silently keeping the last one.
    """

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self.duplicate_keys: list[tuple[str, int]] = []

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        seen: set[object] = set()
        for key_node, _ in node.value:
            key = key_node.value
            if key in seen:
                self.duplicate_keys.append((str(key), key_node.start_mark.line + 1))
            seen.add(key)
        mapping: dict[Any, Any] = super().construct_mapping(node, deep=deep)
        return mapping


CatalogYamlLoader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag not in (_BOOL_TAG, _TIMESTAMP_TAG)]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
CatalogYamlLoader.add_implicit_resolver(
    _BOOL_TAG, re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)


@dataclass(frozen=True, slots=True)
class Origin:
    """Where an entry was read from."""

    file: str
    path: str
    line: int | None


@dataclass
class Catalog:
    """The whole curated catalog, indexed by id.

    Attributes:
        certifications, skills, roles, projects: entries by id, in file order.
        transitions: the career graph's edges, in file order.
        stages: stage guidance by stage.
        origins: where each entry came from, keyed by (kind, id); transitions by their index.
        invalid: (kind, id) of entries that failed validation, so that references to them are
            not reported a second time as dangling.
        directory: the folder the catalog was read from.
    """

    certifications: dict[str, Certification] = field(default_factory=dict)
    skills: dict[str, Skill] = field(default_factory=dict)
    roles: dict[str, Role] = field(default_factory=dict)
    transitions: list[Transition] = field(default_factory=list)
    projects: dict[str, Project] = field(default_factory=dict)
    stages: dict[Stage, StageGuidance] = field(default_factory=dict)
    origins: dict[tuple[str, str], Origin] = field(default_factory=dict)
    invalid: set[tuple[str, str]] = field(default_factory=set)
    directory: Path | None = None

    def origin(self, kind: str, key: str) -> Origin:
        return self.origins.get((kind, key), Origin(f"{kind}.yaml", "", None))

    def counts(self) -> dict[str, int]:
        """How many entries of each kind, and how many skill surface forms."""
        return {
            "certifications": len(self.certifications),
            "skills": len(self.skills),
            "aliases": sum(len(skill.surface_forms()) for skill in self.skills.values()),
            "roles": len(self.roles),
            "transitions": len(self.transitions),
            "projects": len(self.projects),
            "stages": len(self.stages),
        }


@dataclass(frozen=True)
class _Kind(Generic[M]):
    name: str  # kind and top-level list key
    location: str  # file, or folder of files
    model: type[M]
    key: str | None  # attribute holding the id; None for transitions


_KINDS: tuple[_Kind[Any], ...] = (
    _Kind("certifications", "certifications.yaml", Certification, "id"),
    _Kind("skills", "skills", Skill, "id"),
    _Kind("roles", "roles.yaml", Role, "id"),
    _Kind("transitions", "transitions.yaml", Transition, None),
    _Kind("projects", "projects.yaml", Project, "id"),
    _Kind("stages", "stages.yaml", StageGuidance, "stage"),
)


def packaged_catalog_dir() -> Path:
    """The catalog folder shipped inside the package."""
    return Path(str(files("certpath.catalog") / "data"))


def read_catalog(directory: Path | None = None) -> tuple[Catalog, list[Problem]]:
    """Read every catalog file; return what loaded and every problem met on the way.

    Only file-level problems (YAML syntax, schema) are found here; cross-reference checks live
    in :func:`certpath.catalog.checks.check_catalog`.
    """
    root = directory or packaged_catalog_dir()
    catalog = Catalog(directory=root)
    problems = ProblemCollector()
    if not root.is_dir():
        problems.add(str(root), "", "missing-file", "catalog folder does not exist")
        return catalog, problems.problems
    for kind in _KINDS:
        for path in _files_of(root, kind, problems):
            _read_file(root, path, kind, catalog, problems)
    return catalog, problems.problems


def _files_of(root: Path, kind: _Kind[Any], problems: ProblemCollector) -> list[Path]:
    location = root / kind.location
    if location.suffix == ".yaml":
        if not location.is_file():
            problems.add(kind.location, "", "missing-file", f"the {kind.name} file is missing")
            return []
        return [location]
    found = sorted(location.glob("*.yaml")) if location.is_dir() else []
    if not found:
        problems.add(kind.location, "", "missing-file", f"no {kind.name} files (*.yaml) found")
    return found


def _read_file(
    root: Path, path: Path, kind: _Kind[Any], catalog: Catalog, problems: ProblemCollector
) -> None:
    name = path.relative_to(root).as_posix()
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        problems.add(name, "", "unreadable", f"cannot read the file: {exc}")
        return
    loader = CatalogYamlLoader(text)
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else None
        problems.add(name, "", "yaml", f"not valid YAML: {exc}".replace("\n", " "), line)
        return
    finally:
        loader.dispose()
    for key, line in loader.duplicate_keys:
        problems.add(name, "", "duplicate-key", f"key {key!r} appears twice in one mapping", line)

    if not isinstance(data, dict):
        problems.add(
            name, "", "schema", f"expected a mapping with '{kind.name}', found {_kind_of(data)}"
        )
        return
    version = data.get("schema_version")
    if version != SCHEMA_VERSION:
        problems.add(
            name,
            "schema_version",
            "schema-version",
            f"schema_version is {version!r}; this certpath reads version {SCHEMA_VERSION}",
            _line_of(node, ("schema_version",)),
        )
        return
    for extra in sorted(set(data) - {"schema_version", kind.name}, key=str):
        problems.add(
            name, str(extra), "schema", f"unknown top-level key {extra!r}", _line_of(node, (extra,))
        )
    items = data.get(kind.name)
    if not isinstance(items, list):
        problems.add(
            name, kind.name, "schema", f"'{kind.name}' must be a list, found {_kind_of(items)}"
        )
        return

    adapter: TypeAdapter[Any] = _adapter(kind.model)
    registry: dict[Any, Any] | list[Any] = getattr(catalog, kind.name)
    for index, raw in enumerate(items):
        raw_key = str(raw.get(kind.key)) if kind.key and isinstance(raw, dict) else str(index)
        label = f"{kind.name}[{index}]" + (f"({raw_key})" if kind.key else "")
        try:
            entry = adapter.validate_python(raw)
        except ValidationError as exc:
            catalog.invalid.add((kind.name, raw_key))
            for error in exc.errors(include_url=False):
                loc = (kind.name, index, *error["loc"])
                problems.add(
                    name,
                    _render_path(label, error["loc"], raw),
                    "schema",
                    _message(error),
                    _line_of(node, loc),
                )
            continue
        key = str(getattr(entry, kind.key)) if kind.key else str(len(registry))
        origin = Origin(name, label, _line_of(node, (kind.name, index)))
        if kind.key is None:
            assert isinstance(registry, list)
            registry.append(entry)
        elif key in registry:
            first = catalog.origins[(kind.name, key)]
            problems.add(
                name,
                label,
                "duplicate-id",
                f"{kind.name[:-1]} id {key!r} is already defined at {first.file}:{first.line}",
                origin.line,
            )
            continue
        else:
            assert isinstance(registry, dict)
            registry[entry.stage if kind.name == "stages" else key] = entry
        catalog.origins[(kind.name, key)] = origin


_ADAPTERS: dict[type[BaseModel], TypeAdapter[Any]] = {}


def _adapter(model: type[BaseModel]) -> TypeAdapter[Any]:
    if model not in _ADAPTERS:
        _ADAPTERS[model] = TypeAdapter(model)
    return _ADAPTERS[model]


def _kind_of(value: object) -> str:
    return "nothing" if value is None else type(value).__name__


def _message(error: Any) -> str:
    message = str(error["msg"])
    if error["type"] == "extra_forbidden":
        return "unknown field (check its spelling against the schema)"
    if error["type"] == "missing":
        return "required field is missing"
    return message.removeprefix("Value error, ")


def _render_path(label: str, loc: tuple[Any, ...], raw: object) -> str:
    """``certifications[3](aws-mla-c01).exam.minutes`` from a pydantic location."""
    parts = [label]
    value = raw
    for part in loc:
        if isinstance(part, int):
            parts.append(f"[{part}]")
            value = value[part] if isinstance(value, list) and part < len(value) else None
        elif isinstance(value, dict) and part in value:
            parts.append(f".{part}")
            value = value[part]
        elif isinstance(value, dict):
            parts.append(f".{part}")  # a missing field still names where it belongs
            value = None
    return "".join(parts)


def _line_of(node: yaml.Node | None, loc: tuple[Any, ...]) -> int | None:
    """The 1-based line of the deepest node along ``loc`` that exists."""
    if node is None:
        return None
    line = node.start_mark.line + 1
    for part in loc:
        child = _child(node, part)
        if child is None:
            break
        node = child
        line = node.start_mark.line + 1
    return line


def _child(node: yaml.Node, part: object) -> yaml.Node | None:
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            if key_node.value == part:
                return value_node  # type: ignore[no-any-return]
    elif isinstance(node, yaml.SequenceNode) and isinstance(part, int) and part < len(node.value):
        return node.value[part]  # type: ignore[no-any-return]
    return None


def iter_yaml_files(directory: Path | None = None) -> Iterator[Path]:
    """Every catalog data file, in the order the loader reads them."""
    root = directory or packaged_catalog_dir()
    for kind in _KINDS:
        location = root / kind.location
        yield from [location] if location.suffix == ".yaml" else sorted(location.glob("*.yaml"))


@lru_cache(maxsize=4)
def _load_cached(directory: Path) -> Catalog:
    from certpath.catalog.checks import check_catalog

    catalog, problems = read_catalog(directory)
    problems = problems + check_catalog(catalog)
    if problems:
        raise CatalogInvalid(problems)
    return catalog


def load_catalog(directory: Path | None = None) -> Catalog:
    """Load and check the catalog; raise :class:`CatalogInvalid` listing every problem.

    The result is cached per folder, so repeated calls are free.

    Examples:
        >>> catalog = load_catalog()
        >>> catalog.certifications["aws-mla-c01"].exam_code
        'MLA-C01'
    """
    return _load_cached((directory or packaged_catalog_dir()).resolve())
