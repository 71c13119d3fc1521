"""Look-ups and filters over a loaded catalog: find by id, exam code or name, list with filters.

Read-only queries used by the façade; unknown keys raise :class:`NotFoundError` carrying the
closest matches, so every interface can say "did you mean ...".
"""

from __future__ import annotations

import difflib
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from certpath.catalog.checks import normalize_form
from certpath.catalog.loader import Catalog
from certpath.catalog.models import Certification, CertState, Role, Skill
from certpath.errors import NotFoundError


def _suggest(key: str, candidates: Iterable[str], limit: int = 3) -> list[str]:
    pool = list(dict.fromkeys(candidates))
    lowered = {c.casefold(): c for c in pool}
    hits = difflib.get_close_matches(key.casefold(), list(lowered), n=limit, cutoff=0.6)
    if not hits:  # a fragment of a longer id: "pmle" -> "google-pmle"
        hits = [c for c in lowered if key.casefold() in c][:limit]
    return list(dict.fromkeys(lowered[hit] for hit in hits))


def find_certification(catalog: Catalog, key: str) -> Certification:
    """A certification by id, exam code or alias, in any case (``mls-c01``, ``AWS-MLS-C01``)."""
    wanted = normalize_form(key)
    for cert in catalog.certifications.values():
        names = [cert.id, *([cert.exam_code] if cert.exam_code else []), *cert.aliases]
        if any(normalize_form(name) == wanted for name in names):
            return cert
    pool = [c.id for c in catalog.certifications.values()]
    pool += [c.exam_code for c in catalog.certifications.values() if c.exam_code]
    raise NotFoundError("certification", key, _suggest(key, pool))


def find_skill(catalog: Catalog, key: str) -> Skill:
    """A skill by id, label or alias, in any case."""
    if key in catalog.skills:
        return catalog.skills[key]
    wanted = normalize_form(key)
    for skill in catalog.skills.values():
        if normalize_form(skill.id) == wanted or any(
            normalize_form(alias.text) == wanted for alias in skill.surface_forms()
        ):
            return skill
    raise NotFoundError("skill", key, _suggest(key, catalog.skills))


def find_role(catalog: Catalog, key: str) -> Role:
    """A role by id or title, in any case."""
    if key in catalog.roles:
        return catalog.roles[key]
    wanted = normalize_form(key)
    for role in catalog.roles.values():
        if wanted in (normalize_form(role.id), normalize_form(role.title)):
            return role
    raise NotFoundError("role", key, _suggest(key, catalog.roles))


@dataclass(frozen=True, slots=True)
class CertFilter:
    """Filters for :func:`filter_certifications`; ``None`` means any."""

    ecosystem: str | None = None
    category: str | None = None
    level: str | None = None
    status: str | None = None
    role: str | None = None
    skill: str | None = None


def filter_certifications(catalog: Catalog, where: CertFilter) -> list[Certification]:
    """Certifications matching every given filter, in catalog order.

    ``role`` matches a certification that targets the role or that the role recommends;
    ``skill`` matches one whose domains (or extra skills) cover the skill or a narrower one.
    ``status="current"`` matches active and beta exams.
    """
    role = find_role(catalog, where.role) if where.role else None
    skill = find_skill(catalog, where.skill) if where.skill else None
    recommended = {c for pick in role.certifications for c in pick.certs} if role else set()
    narrower = _descendants(catalog, skill.id) if skill else set()
    result = []
    for cert in catalog.certifications.values():
        if where.ecosystem and cert.ecosystem.value != where.ecosystem:
            continue
        if where.category and cert.category.value != where.category:
            continue
        if where.level and (cert.level is None or cert.level.value != where.level):
            continue
        if where.status and not _status_matches(cert, where.status):
            continue
        if role and role.id not in cert.target_roles and cert.id not in recommended:
            continue
        if skill and not narrower & set(cert.all_skills()):
            continue
        result.append(cert)
    return result


def _status_matches(cert: Certification, status: str) -> bool:
    if status == "current":
        return cert.current
    return cert.status.state == CertState(status)


def _descendants(catalog: Catalog, skill_id: str) -> set[str]:
    """The skill and every skill whose parent chain reaches it."""
    found = {skill_id}
    changed = True
    while changed:
        changed = False
        for skill in catalog.skills.values():
            if skill.parent in found and skill.id not in found:
                found.add(skill.id)
                changed = True
    return found


def search_skills(catalog: Catalog, text: str, limit: int = 20) -> list[tuple[Skill, str, float]]:
    """Skills whose label or an alias matches ``text``, best first.

    Returns:
        (skill, the surface form that matched, score in 0..1); exact matches score 1, prefix
        matches 0.9, substring matches 0.7, and close spellings their similarity ratio x 0.6.
    """
    wanted = normalize_form(text)
    if not wanted:
        return []
    scored: dict[str, tuple[Skill, str, float]] = {}
    for skill in catalog.skills.values():
        for form in [skill.id, *(alias.text for alias in skill.surface_forms())]:
            norm = normalize_form(form)
            if norm == wanted:
                score = 1.0
            elif norm.startswith(wanted):
                score = 0.9
            elif wanted in norm:
                score = 0.7
            else:
                ratio = difflib.SequenceMatcher(None, wanted, norm).ratio()
                score = ratio * 0.6 if ratio >= 0.75 else 0.0
            if score and score > scored.get(skill.id, (skill, form, 0.0))[2]:
                scored[skill.id] = (skill, form, score)
    ranked = sorted(scored.values(), key=lambda item: (-item[2], item[0].label.casefold()))
    return ranked[:limit]


def overview(catalog: Catalog, since_year: int) -> dict[str, object]:
    """Counts by category, ecosystem and status, and the exams retired from ``since_year`` on."""
    certs = list(catalog.certifications.values())
    retired = [
        {
            "id": cert.id,
            "name": cert.name,
            "exam_code": cert.exam_code,
            "retired_on": cert.status.date.isoformat() if cert.status.date else None,
            "successor": cert.status.successor,
            "successor_name": _name(catalog, cert.status.successor),
            "successor_exam_code": _exam_code(catalog, cert.status.successor),
            "successor_note": cert.status.successor_note,
            "sources": cert.status.sources,
        }
        for cert in certs
        if cert.status.state in (CertState.RETIRED, CertState.RETIRING)
        and cert.status.date is not None
        and cert.status.date.year >= since_year
    ]
    retired.sort(key=lambda item: (str(item["retired_on"]), str(item["id"])))
    return {
        "counts": catalog.counts(),
        "by_category": dict(Counter(cert.category.value for cert in certs).most_common()),
        "by_ecosystem": dict(Counter(cert.ecosystem.value for cert in certs).most_common()),
        "by_status": dict(Counter(cert.status.state.value for cert in certs).most_common()),
        "retired_since": since_year,
        "retired": retired,
    }


def _name(catalog: Catalog, cert_id: str | None) -> str | None:
    cert = catalog.certifications.get(cert_id) if cert_id else None
    return cert.name if cert else None


def _exam_code(catalog: Catalog, cert_id: str | None) -> str | None:
    cert = catalog.certifications.get(cert_id) if cert_id else None
    return cert.exam_code if cert else None
