"""Cross-reference checks over a loaded catalog: the rules no single file can enforce.

Second step of the flow, after the loader: every id a file names must exist; prerequisites and
parents must not form cycles; roles must not recommend exams that can no longer be taken; no
surface form may name two skills; every verified fact must carry its source. Each check returns
all of its problems; :func:`check_catalog` runs them all.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from certpath.catalog.loader import Catalog
from certpath.catalog.models import Certification, CertState, Sourced, Stage
from certpath.catalog.problems import Problem

_SEPARATORS = re.compile(r"[\s\-_]+")


def normalize_form(text: str) -> str:
    """The key under which two surface forms count as the same (case, hyphens, spaces)."""
    return _SEPARATORS.sub(" ", text.casefold()).strip()


def check_catalog(catalog: Catalog) -> list[Problem]:
    """Run every check and return every problem found."""
    problems: list[Problem] = []
    for check in CHECKS:
        problems.extend(check(catalog))
    return problems


# --------------------------------------------------------------------------- references


def _dangling(catalog: Catalog) -> Iterator[Problem]:
    ids = {
        "certification": set(catalog.certifications),
        "skill": set(catalog.skills),
        "role": set(catalog.roles),
        "project": set(catalog.projects),
    }
    invalid = {key for _, key in catalog.invalid}

    def refs(
        kind: str, key: str, field: str, target: str, values: Iterable[str | None]
    ) -> Iterator[Problem]:
        for value in values:
            if value is None or value in ids[target] or value in invalid:
                continue
            origin = catalog.origin(kind, key)
            yield Problem(
                origin.file,
                f"{origin.path}.{field}",
                "dangling-id",
                f"names {target} {value!r}, which is not in the catalog",
                origin.line,
            )

    for key, cert in catalog.certifications.items():
        yield from refs("certifications", key, "prerequisites", "certification", cert.prerequisites)
        yield from refs(
            "certifications", key, "status.successor", "certification", [cert.status.successor]
        )
        yield from refs("certifications", key, "domains.skills", "skill", cert.all_skills())
        yield from refs("certifications", key, "target_roles", "role", cert.target_roles)
    for key, skill in catalog.skills.items():
        yield from refs("skills", key, "parent", "skill", [skill.parent])
        yield from refs("skills", key, "includes", "skill", skill.includes)
    for key, role in catalog.roles.items():
        yield from refs("roles", key, "skills", "skill", [item.skill for item in role.skills])
        for pick in role.certifications:
            yield from refs("roles", key, "certifications", "certification", pick.certs)
    for index, edge in enumerate(catalog.transitions):
        yield from refs(
            "transitions", str(index), "source/target", "role", [edge.source, edge.target]
        )
        yield from refs("transitions", str(index), "skills", "skill", edge.skills)
    for key, project in catalog.projects.items():
        yield from refs("projects", key, "skills", "skill", project.skills)
        yield from refs("projects", key, "roles", "role", project.roles)
    for stage, guidance in catalog.stages.items():
        projects = [*guidance.project_kinds, *guidance.required_projects]
        yield from refs("stages", str(stage), "project_kinds", "project", projects)


# --------------------------------------------------------------------------- cycles


def _find_cycles(graph: dict[str, list[str]]) -> list[list[str]]:
    """Every elementary cycle reachable by depth-first search, each reported once."""
    cycles: list[list[str]] = []
    seen_cycles: set[frozenset[str]] = set()
    state: dict[str, int] = {}  # 1 = on the stack, 2 = done

    def visit(node: str, stack: list[str]) -> None:
        state[node] = 1
        stack.append(node)
        for nxt in graph.get(node, []):
            if state.get(nxt) == 1:
                cycle = stack[stack.index(nxt) :]
                if frozenset(cycle) not in seen_cycles:
                    seen_cycles.add(frozenset(cycle))
                    cycles.append([*cycle, nxt])
            elif nxt in graph and state.get(nxt) is None:
                visit(nxt, stack)
        stack.pop()
        state[node] = 2

    for node in graph:
        if state.get(node) is None:
            visit(node, [])
    return cycles


def _cycles(catalog: Catalog) -> Iterator[Problem]:
    prerequisites = {key: list(cert.prerequisites) for key, cert in catalog.certifications.items()}
    for cycle in _find_cycles(prerequisites):
        origin = catalog.origin("certifications", cycle[0])
        yield Problem(
            origin.file,
            f"{origin.path}.prerequisites",
            "prerequisite-cycle",
            "prerequisites form a cycle: " + " -> ".join(cycle),
            origin.line,
        )
    parents = {key: [skill.parent] if skill.parent else [] for key, skill in catalog.skills.items()}
    for cycle in _find_cycles(parents):
        origin = catalog.origin("skills", cycle[0])
        yield Problem(
            origin.file,
            f"{origin.path}.parent",
            "parent-cycle",
            "skill parents form a cycle: " + " -> ".join(cycle),
            origin.line,
        )


# --------------------------------------------------------------------------- recommendations


def _recommendations(catalog: Catalog) -> Iterator[Problem]:
    for key, role in catalog.roles.items():
        origin = catalog.origin("roles", key)
        for pick in role.certifications:
            for cert_id in pick.certs:
                cert = catalog.certifications.get(cert_id)
                if cert is None:
                    continue
                reason = _not_recommendable(cert, catalog)
                if reason:
                    yield Problem(
                        origin.file,
                        f"{origin.path}.certifications[{pick.ecosystem}/{pick.stage}]",
                        "retired-recommended"
                        if cert.status.state in (CertState.RETIRED, CertState.RETIRING)
                        else "unverified-recommended",
                        f"recommends {cert_id!r}, which {reason}",
                        origin.line,
                    )


def _not_recommendable(cert: Certification, catalog: Catalog) -> str | None:
    if cert.status.state is CertState.UNKNOWN:
        return "has an unknown status"
    if not cert.current:
        successor = cert.status.successor
        hint = f"; recommend its successor {successor!r} instead" if successor else ""
        when = f" on {cert.status.date}" if cert.status.date else ""
        return f"is {cert.status.state.value}{when}{hint}"
    if not cert.verified:
        return "has no verified facts"
    return None


def _successors(catalog: Catalog) -> Iterator[Problem]:
    for key, cert in catalog.certifications.items():
        origin = catalog.origin("certifications", key)
        if cert.status.successor == key:
            yield Problem(
                origin.file,
                f"{origin.path}.status.successor",
                "self-successor",
                "a certification cannot succeed itself",
                origin.line,
            )
        if cert.current and cert.status.successor:
            yield Problem(
                origin.file,
                f"{origin.path}.status.successor",
                "successor-of-current",
                f"is {cert.status.state.value} but names a successor; set the state to "
                "'retiring' or 'retired' with its date",
                origin.line,
            )


# --------------------------------------------------------------------------- skills


def _aliases(catalog: Catalog) -> Iterator[Problem]:
    owners: dict[str, dict[str, str]] = defaultdict(dict)  # form -> {skill id: text}
    for key, skill in catalog.skills.items():
        listed: set[str] = set()
        for alias in skill.aliases:
            if alias.text in listed:
                origin = catalog.origin("skills", key)
                yield Problem(
                    origin.file,
                    f"{origin.path}.aliases",
                    "repeated-alias",
                    f"alias {alias.text!r} is listed twice; remove one",
                    origin.line,
                )
            listed.add(alias.text)
        for alias in skill.surface_forms():
            owners[normalize_form(alias.text)].setdefault(key, alias.text)
    for _form, by_skill in owners.items():
        if len(by_skill) < 2:
            continue
        keys = list(by_skill)  # load order: the first definition owns the form
        for key in keys[1:]:
            origin = catalog.origin("skills", key)
            yield Problem(
                origin.file,
                f"{origin.path}.aliases",
                "duplicate-alias",
                f"surface form {by_skill[key]!r} also names skill {keys[0]!r} "
                f"({catalog.origin('skills', keys[0]).file}); a form may name one skill only",
                origin.line,
            )


def _role_skills(catalog: Catalog) -> Iterator[Problem]:
    for key, role in catalog.roles.items():
        origin = catalog.origin("roles", key)
        seen: set[str] = set()
        for item in role.skills:
            if item.skill in seen:
                yield Problem(
                    origin.file,
                    f"{origin.path}.skills",
                    "duplicate-skill",
                    f"skill {item.skill!r} is listed twice",
                    origin.line,
                )
            seen.add(item.skill)
        for pattern in role.title_patterns:
            try:
                re.compile(pattern)
            except re.error as exc:
                yield Problem(
                    origin.file,
                    f"{origin.path}.title_patterns",
                    "bad-pattern",
                    f"title pattern {pattern!r} is not a valid regular expression: {exc}",
                    origin.line,
                )
        low, high = role.seniority
        order = list(type(low))
        if order.index(low) > order.index(high):
            yield Problem(
                origin.file,
                f"{origin.path}.seniority",
                "bad-range",
                f"seniority band starts at {low.value} but ends at {high.value}",
                origin.line,
            )


def _graph(catalog: Catalog) -> Iterator[Problem]:
    seen: set[tuple[str, str]] = set()
    for index, edge in enumerate(catalog.transitions):
        origin = catalog.origin("transitions", str(index))
        if edge.source == edge.target:
            yield Problem(
                origin.file,
                origin.path,
                "self-transition",
                f"transition from {edge.source!r} to itself",
                origin.line,
            )
        if (edge.source, edge.target) in seen:
            yield Problem(
                origin.file,
                origin.path,
                "duplicate-transition",
                f"transition {edge.source} -> {edge.target} is listed twice",
                origin.line,
            )
        seen.add((edge.source, edge.target))
        if edge.years_low > edge.years_high:
            yield Problem(
                origin.file,
                origin.path,
                "bad-range",
                "years_low is greater than years_high",
                origin.line,
            )
    for key, project in catalog.projects.items():
        if project.hours_low > project.hours_high:
            origin = catalog.origin("projects", key)
            yield Problem(
                origin.file,
                origin.path,
                "bad-range",
                "hours_low is greater than hours_high",
                origin.line,
            )
    missing = [stage.value for stage in Stage if stage not in catalog.stages]
    if missing and not any(kind == "stages" for kind, _ in catalog.invalid):
        yield Problem(
            "stages.yaml",
            "stages",
            "missing-stage",
            "no guidance for stage(s): " + ", ".join(missing),
        )


# --------------------------------------------------------------------------- provenance


@dataclass(frozen=True, slots=True)
class Fact:
    """A sourced group of facts of one certification, for provenance and staleness checks."""

    cert: str
    group: str
    facts: Sourced


def fact_groups(cert: Certification) -> Iterator[Fact]:
    """Every sourced fact group of a certification that states at least one fact."""
    groups: list[tuple[str, Sourced | None]] = [
        ("status", cert.status),
        ("exam", cert.exam),
        ("validity", cert.validity),
        ("recommended_experience", cert.recommended_experience),
        ("domains", cert.domains),
        ("prep_hours", cert.prep_hours),
    ]
    for name, group in groups:
        if group is not None and _states_a_fact(group):
            yield Fact(cert.id, name, group)


_NOT_FACTS = frozenset({"sources", "verified_on", "conflict", "note", "kind"})


def _states_a_fact(group: Sourced) -> bool:
    for name in type(group).model_fields:
        if name in _NOT_FACTS:
            continue
        value = getattr(group, name)
        if name == "state" and value.value == "unknown":
            continue
        if value not in (None, [], ()):
            return True
    return getattr(group, "kind", None) in ("period", "lifetime")


def _provenance(catalog: Catalog) -> Iterator[Problem]:
    for key, cert in catalog.certifications.items():
        if not cert.verified:
            continue
        origin = catalog.origin("certifications", key)
        for fact in fact_groups(cert):
            if not fact.facts.sources:
                yield Problem(
                    origin.file,
                    f"{origin.path}.{fact.group}",
                    "unsourced-fact",
                    "states facts but lists no sources",
                    origin.line,
                )
            if fact.facts.verified_on is None:
                yield Problem(
                    origin.file,
                    f"{origin.path}.{fact.group}",
                    "unsourced-fact",
                    "states facts but has no verified_on date",
                    origin.line,
                )


CHECKS: tuple[Callable[[Catalog], Iterable[Problem]], ...] = (
    _dangling,
    _cycles,
    _recommendations,
    _successors,
    _aliases,
    _role_skills,
    _graph,
    _provenance,
)


def stale_facts(catalog: Catalog, days: int, today: dt.date) -> list[tuple[Fact, int | None]]:
    """Fact groups verified more than ``days`` days before ``today`` (or never), oldest first.

    Returns:
        (fact, age in days) pairs; the age is None for a fact with no verified_on date.
    """
    found: list[tuple[Fact, int | None]] = []
    for cert in catalog.certifications.values():
        for fact in fact_groups(cert):
            verified = fact.facts.verified_on
            age = (today - verified).days if verified else None
            if age is None or age > days:
                found.append((fact, age))
    return sorted(
        found, key=lambda item: (-(item[1] if item[1] is not None else 10**9), item[0].cert)
    )
