"""Which certifications to take: an explicit optimisation over gaps, hours, dollars and stage.

First step of planning, after assessment. Candidates are the current (active/beta), verified
certifications of one ecosystem whose level and category fit the stage guidance (plus
vendor-neutral governance credentials when the stage includes governance) and that close at
least one gap. Every subset of at most ``max_certs`` candidates that meets the constraints
(budget, hours before the deadline after the projects' share, prerequisites inside the set,
every member adding coverage, at most one technical and one governance credential where the
stage says so) is scored, and the best one wins:

    score = covered / total gap weight
            - 0.2 x mean(hours / reference hours, dollars / budget)

where "covered" counts each gap's weight once and the reference hours are the hours available
for certifications before the deadline (without one: half a year of the weekly hours). The
second term is the efficiency term: a price per hour and per dollar, so that a certification
joins the set only when the gap weight it adds is worth the time and money it takes, and the
set that closes the most per hour and per dollar wins among sets of similar coverage. For
ecosystem "any", each of aws, azure, gcp and databricks is tried and the best-scoring one is
kept: depth in one ecosystem. Every
certification that would have closed a gap and was not chosen becomes an alternative with the
reason (retired -> successor, wrong ecosystem, stage level, over budget, lower score ...).
"""

from __future__ import annotations

import itertools
import statistics
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from certpath.assess.fit import implied_by
from certpath.assess.models import Assessment, Gap
from certpath.catalog.models import (
    Certification,
    CertLevel,
    CertState,
    CredentialType,
    Ecosystem,
    StageGuidance,
)
from certpath.plan.models import Alternative, CertChoice

if TYPE_CHECKING:
    from certpath.catalog.loader import Catalog

SINGLE_ECOSYSTEMS = ("aws", "azure", "gcp", "databricks")
"""The ecosystems tried, in this order, when the person chose "any"."""

EFFICIENCY_WEIGHT = 0.2
"""The price of using all the reference hours and the whole budget, in shares of the total gap
weight: spending everything costs a fifth of the gaps."""

NO_DEADLINE_WEEKS = 26
"""Without a deadline, the reference hours are this many weeks at the weekly hours."""

EXAM_HOURS = 3.0
"""Hours of an exam sitting (with check-in and travel), planned after the study hours."""

PREP_HOURS_BY_LEVEL: dict[CertLevel, float] = {
    CertLevel.FUNDAMENTALS: 20,
    CertLevel.ASSOCIATE: 60,
    CertLevel.PROFESSIONAL: 100,
    CertLevel.SPECIALTY: 80,
    CertLevel.EXPERT: 120,
}
"""Preparation hours assumed when the catalog publishes none."""

COURSE_CERTIFICATE_HOURS = 40.0

GOVERNANCE_SKILLS = frozenset({"ai-governance", "ai-regulation", "model-risk-management"})
"""A vendor-neutral credential testing any of these counts as a governance credential."""

MAX_ALTERNATIVES = 10


@dataclass(frozen=True)
class Candidate:
    """A certification with what it would close and what it costs in hours and dollars."""

    cert: Certification
    covers: frozenset[str]
    weight: float
    hours: float
    hours_source: str
    cost: float | None
    cost_source: str
    governance: bool

    @property
    def id(self) -> str:
        return self.cert.id

    @property
    def total_hours(self) -> float:
        return self.hours + EXAM_HOURS

    @property
    def budget_cost(self) -> float:
        return self.cost or 0.0


@dataclass(frozen=True)
class Limits:
    """The constraints of the optimisation, from the profile and the stage guidance."""

    guidance: StageGuidance
    budget_usd: float
    hours_available: float | None  # for certifications, after projects; None: no deadline
    years_experience: float | None
    reference_hours: float


@dataclass(frozen=True)
class ScoredSet:
    members: tuple[Candidate, ...]
    ecosystem: str
    covered: frozenset[str]
    weight: float
    hours: float
    cost: float
    score: float
    coverage: float
    hours_share: float
    budget_share: float


@dataclass
class CertPlan:
    """The optimiser's answer: the chosen certifications in order and why, the alternatives."""

    ecosystem: str | None
    choices: list[CertChoice]
    alternatives: list[Alternative]
    closed: frozenset[str]
    hours: float
    cost: float
    notes: list[str] = field(default_factory=list)


# --------------------------------------------------------------------------- facts


def prep_hours(cert: Certification) -> tuple[float, str]:
    """Planned preparation hours and where the figure comes from.

    Examples:
        >>> from certpath.catalog import load_catalog
        >>> prep_hours(load_catalog().certifications["aws-mla-c01"])
        (60, 'estimated from level (associate: 60 h); the catalog publishes no figure')
    """
    if cert.prep_hours is not None:
        low, high = cert.prep_hours.low, cert.prep_hours.high
        hours = (low + high) / 2
        span = f"{low:g} h" if low == high else f"{low:g}-{high:g} h, midpoint"
        return hours, f"catalog: {span}"
    if cert.credential_type == CredentialType.COURSE_CERTIFICATE:
        return COURSE_CERTIFICATE_HOURS, (
            f"estimated from level (course certificate: {COURSE_CERTIFICATE_HOURS:g} h); "
            "the catalog publishes no figure"
        )
    if cert.level is not None:
        hours = PREP_HOURS_BY_LEVEL[cert.level]
        return hours, (
            f"estimated from level ({cert.level.value}: {hours:g} h); "
            "the catalog publishes no figure"
        )
    return PREP_HOURS_BY_LEVEL[CertLevel.ASSOCIATE], "estimated (no level published): 60 h"


def exam_cost(cert: Certification, catalog: Catalog) -> tuple[float | None, str]:
    """The exam cost in USD and where it comes from: the catalog, else the exam it replaced,
    else the median of the same provider's exams at that level, else unknown."""
    if cert.exam.cost_usd is not None:
        return cert.exam.cost_usd, "catalog"
    for other in catalog.certifications.values():
        if other.status.successor == cert.id and other.exam.cost_usd is not None:
            return other.exam.cost_usd, (
                f"not published; estimated from the exam it replaces, {other.id} "
                f"(${other.exam.cost_usd:,.0f})"
            )
    peers = [
        other.exam.cost_usd
        for other in catalog.certifications.values()
        if other.provider == cert.provider
        and other.level == cert.level
        and other.exam.cost_usd is not None
    ]
    if peers:
        cost = float(statistics.median(peers))
        return cost, (
            f"not published; estimated as the median of {cert.provider}'s "
            f"{_level(cert)} exams (${cost:,.0f})"
        )
    # never count an unknown cost as free: that would favour it over every priced exam
    level = [
        other.exam.cost_usd
        for other in catalog.certifications.values()
        if other.level == cert.level and other.exam.cost_usd is not None and other.current
    ]
    if level:
        cost = float(statistics.median(level))
        return cost, (
            f"not published; estimated as the median of current {_level(cert)} exams (${cost:,.0f})"
        )
    return None, "not published; not counted against the budget"


def _level(cert: Certification) -> str:
    return f"{cert.level.value}-level" if cert.level else "unlevelled"


def validity_text(cert: Certification) -> str:
    """How long the credential lasts and how it is renewed, in words."""
    validity = cert.validity
    if validity.kind == "lifetime":
        text = "does not expire"
    elif validity.kind == "period" and validity.months:
        months = validity.months
        count, unit = (months // 12, "year") if months % 12 == 0 else (months, "month")
        text = f"{count} {unit}{'s' if count != 1 else ''}"
    else:
        text = "validity not published"
    if validity.renewal_method:
        text += f"; renew: {validity.renewal_method.rstrip('.')}"
    if validity.renewal_cost_usd is not None:
        text += f" (${validity.renewal_cost_usd:,.0f})"
    return text


def is_governance(cert: Certification) -> bool:
    return cert.ecosystem == Ecosystem.VENDOR_NEUTRAL and bool(
        GOVERNANCE_SKILLS & set(cert.all_skills())
    )


def _sources(cert: Certification) -> list[str]:
    groups = [cert.exam, cert.validity, cert.status, cert.domains, cert.prep_hours]
    urls = [url for group in groups if group is not None for url in group.sources]
    if cert.official_url:
        urls.append(cert.official_url)
    return list(dict.fromkeys(urls))


def _covered(cert: Certification, gap_ids: Iterable[str], catalog: Catalog) -> frozenset[str]:
    shown = implied_by(catalog, cert.all_skills())
    return frozenset(skill for skill in gap_ids if skill in shown)


# --------------------------------------------------------------------------- eligibility


def _ineligible(
    cert: Certification, limits: Limits, ecosystems: Sequence[str]
) -> tuple[str, str] | None:
    """Why a certification cannot be a candidate (kind, reason), or None when it can."""
    guidance = limits.guidance
    if cert.status.state in (CertState.RETIRED, CertState.RETIRING):
        when = cert.status.date.isoformat() if cert.status.date else "a published date"
        verb = "retired" if cert.status.state == CertState.RETIRED else "retiring"
        reason = f"{verb} on {when}: never recommended"
        if cert.status.successor:
            reason += f"; its successor {cert.status.successor} was considered instead"
        elif cert.status.successor_note:
            reason += f"; {cert.status.successor_note.rstrip('.')}"
        return "retired", reason
    if not cert.current:
        return "retired", "status unknown: not confirmed as currently offered"
    if not cert.verified:
        return "unverified", "listed without verified facts (exam, cost, validity)"
    governance = guidance.governance and is_governance(cert)
    if cert.ecosystem.value not in ecosystems and not governance:
        return "ecosystem", f"{cert.ecosystem.value} ecosystem"
    if cert.level is None or cert.level not in guidance.cert_levels:
        level = cert.level.value if cert.level else "unstated"
        allowed = ", ".join(level.value for level in guidance.cert_levels)
        return "stage", f"{level} level does not fit the {guidance.label} stage (takes {allowed})"
    if cert.category not in guidance.cert_categories:
        allowed = ", ".join(category.value for category in guidance.cert_categories)
        return "stage", (
            f"{cert.category.value} category does not fit the {guidance.label} stage "
            f"(takes {allowed})"
        )
    return None


def _candidate(
    cert: Certification, gaps: Sequence[Gap], catalog: Catalog, limits: Limits
) -> Candidate:
    weights = {gap.skill: gap.weight for gap in gaps}
    covers = _covered(cert, weights, catalog)
    hours, hours_source = prep_hours(cert)
    cost, cost_source = exam_cost(cert, catalog)
    return Candidate(
        cert=cert,
        covers=covers,
        weight=sum(weights[skill] for skill in covers),
        hours=hours,
        hours_source=hours_source,
        cost=cost,
        cost_source=cost_source,
        governance=limits.guidance.governance and is_governance(cert),
    )


# --------------------------------------------------------------------------- optimisation


def _violation(
    members: Sequence[Candidate], limits: Limits, weights: dict[str, float]
) -> str | None:
    """The first constraint a set breaks, in words, or None when it meets them all."""
    cost = sum(member.budget_cost for member in members)
    if cost > limits.budget_usd + 1e-9:
        return f"over budget: ${cost:,.0f} against the ${limits.budget_usd:,.0f} budget"
    hours = sum(member.total_hours for member in members)
    if limits.hours_available is not None and hours > limits.hours_available + 1e-9:
        return (
            f"does not fit before the deadline: ~{hours:g} h needed, "
            f"{max(limits.hours_available, 0):g} h available for certifications"
        )
    ids = {member.id for member in members}
    for member in members:
        missing = [p for p in member.cert.prerequisites if p not in ids]
        if missing:
            return f"needs {', '.join(missing)} first"
    if limits.guidance.governance:
        governance = sum(member.governance for member in members)
        if governance > 1 or len(members) - governance > 1:
            return "the stage takes at most one technical and one governance credential"
    covered = _union(members)
    for member in members:  # every member must add something the others do not close
        rest = _union([m for m in members if m is not member])
        if _weight(covered, weights) - _weight(rest, weights) <= 1e-9:
            return f"{member.id} adds no gap the others do not already close"
    return None


def _union(members: Iterable[Candidate]) -> frozenset[str]:
    covered: set[str] = set()
    for member in members:
        covered |= member.covers
    return frozenset(covered)


def _weight(skills: Iterable[str], weights: dict[str, float]) -> float:
    return sum(weights[skill] for skill in skills)


def _score(
    members: tuple[Candidate, ...], ecosystem: str, weights: dict[str, float], limits: Limits
) -> ScoredSet:
    covered = _union(members)
    weight = _weight(covered, weights)
    hours = sum(member.total_hours for member in members)
    cost = sum(member.budget_cost for member in members)
    total = sum(weights.values())
    coverage = weight / total if total else 0.0
    hours_share = hours / limits.reference_hours if limits.reference_hours > 0 else 1.0
    budget_share = cost / limits.budget_usd if limits.budget_usd > 0 else (1.0 if cost else 0.0)
    score = coverage - EFFICIENCY_WEIGHT * (hours_share + budget_share) / 2
    return ScoredSet(
        members, ecosystem, covered, weight, hours, cost, score, coverage, hours_share, budget_share
    )


def _rank(scored: ScoredSet) -> tuple[float, float, float, tuple[str, ...]]:
    return (-round(scored.score, 9), scored.hours, scored.cost, tuple(m.id for m in scored.members))


def _order(members: Sequence[Candidate], guidance: StageGuidance) -> list[Candidate]:
    """Prerequisites first, then the stage's level order, then governance, then catalog order."""
    levels = {level: index for index, level in enumerate(guidance.cert_levels)}
    pending = sorted(
        members,
        key=lambda m: (m.governance, levels.get(m.cert.level, 99) if m.cert.level else 99),
    )
    ordered: list[Candidate] = []
    while pending:
        for member in pending:
            done = {m.id for m in ordered}
            if all(
                p in done or p not in {m.id for m in pending} for p in member.cert.prerequisites
            ):
                ordered.append(member)
                pending.remove(member)
                break
        else:  # a prerequisite cycle in a bad catalog: keep the remaining order
            ordered += pending
            break
    return ordered


def choose_certifications(
    assessment: Assessment, catalog: Catalog, hours_available: float | None
) -> CertPlan:
    """Run the optimisation for an assessment (see the module docstring).

    Args:
        assessment: the person's gaps, stage and preferences.
        catalog: the certifications and the stage guidance.
        hours_available: hours for certification study and exams before the deadline (after
            the projects' share), or None when there is no deadline.
    """
    profile = assessment.profile
    guidance = catalog.stages[assessment.stage]
    reference = (
        hours_available
        if hours_available is not None
        else NO_DEADLINE_WEEKS * profile.hours_per_week
    )
    limits = Limits(
        guidance, profile.budget_usd, hours_available, profile.years_experience, reference
    )
    gaps = assessment.gaps
    weights = {gap.skill: gap.weight for gap in gaps}
    gap_total = sum(weights.values())
    ecosystems = SINGLE_ECOSYSTEMS if profile.ecosystem == "any" else (profile.ecosystem,)

    relevant: list[Candidate] = []
    rejected: dict[str, tuple[str, str]] = {}
    for cert in catalog.certifications.values():
        candidate = _candidate(cert, gaps, catalog, limits)
        if not candidate.covers:
            continue
        relevant.append(candidate)
        why_not = _ineligible(cert, limits, ecosystems)
        if why_not is not None:
            rejected[cert.id] = why_not
    eligible = [c for c in relevant if c.id not in rejected]
    feasible: list[ScoredSet] = []
    infeasible: dict[tuple[str, ...], str] = {}
    for ecosystem in ecosystems:
        pool = [c for c in eligible if c.cert.ecosystem.value == ecosystem or c.governance]
        for size in range(1, guidance.max_certs + 1):
            for members in itertools.combinations(pool, size):
                problem = _violation(members, limits, weights)
                if problem is None:
                    feasible.append(_score(members, ecosystem, weights, limits))
                else:
                    infeasible.setdefault(tuple(sorted(m.id for m in members)), problem)
    feasible.sort(key=_rank)
    best = feasible[0] if feasible else None
    notes = _notes(limits, gap_total, best, profile.ecosystem, feasible, ecosystems)

    choices: list[CertChoice] = []
    if best is not None:
        closed: set[str] = set()
        picks = _catalog_picks(catalog, assessment)
        for order, member in enumerate(_order(best.members, guidance), start=1):
            new = [gap for gap in gaps if gap.skill in member.covers and gap.skill not in closed]
            closed |= member.covers
            choices.append(_choice(member, order, new, best, gap_total, limits, picks))
    chosen_ecosystem = best.ecosystem if best else (ecosystems[0] if len(ecosystems) == 1 else None)
    alternatives = _alternatives(
        relevant, rejected, best, feasible, infeasible, limits, weights, chosen_ecosystem
    )
    return CertPlan(
        ecosystem=chosen_ecosystem,
        choices=choices,
        alternatives=alternatives,
        closed=best.covered if best else frozenset(),
        hours=best.hours if best else 0.0,
        cost=best.cost if best else 0.0,
        notes=notes,
    )


def _catalog_picks(catalog: Catalog, assessment: Assessment) -> set[str]:
    role = catalog.roles[assessment.target_role]
    return {
        cert
        for pick in role.certifications
        if pick.stage == assessment.stage
        for cert in pick.certs
    }


def _notes(
    limits: Limits,
    gap_total: float,
    best: ScoredSet | None,
    choice: str,
    feasible: list[ScoredSet],
    ecosystems: Sequence[str],
) -> list[str]:
    notes = []
    guidance = limits.guidance
    notes.append(
        f"certifications: at most {guidance.max_certs} at the {guidance.label} stage, levels "
        f"{', '.join(level.value for level in guidance.cert_levels)}; current exams only"
    )
    if limits.hours_available is None:
        notes.append("no deadline: certification hours are not limited")
    if gap_total == 0:
        notes.append("no gaps for the target role: no certification is needed")
        return notes
    if best is None:
        notes.append(
            "no certification fits the constraints (budget, deadline, stage); the alternatives "
            "say what each would need"
        )
        return notes
    notes.append(
        f"certification set score {best.score:.2f} = {best.coverage:.0%} of the gap weight "
        f"covered - {EFFICIENCY_WEIGHT:g} x mean({best.hours_share:.0%} of the reference "
        f"{limits.reference_hours:g} h, {best.budget_share:.0%} of the budget)"
    )
    if choice == "any":
        best_by_ecosystem: dict[str, ScoredSet] = {}
        for scored in feasible:
            best_by_ecosystem.setdefault(scored.ecosystem, scored)
        ranking = ", ".join(
            f"{eco} {best_by_ecosystem[eco].score:.3f}"
            if eco in best_by_ecosystem
            else f"{eco} none"
            for eco in ecosystems
        )
        notes.append(
            f"ecosystem not chosen: {best.ecosystem} gives the best-scoring set ({ranking}); "
            "the plan goes deep in one ecosystem"
        )
    return notes


def _choice(
    member: Candidate,
    order: int,
    new: list[Gap],
    best: ScoredSet,
    gap_total: float,
    limits: Limits,
    picks: set[str],
) -> CertChoice:
    cert = member.cert
    weight = sum(gap.weight for gap in new)
    named = ", ".join(f"{gap.label} ({gap.weight:.2f})" for gap in new[:6])
    more = f" and {len(new) - 6} more" if len(new) > 6 else ""
    cost = (
        f"${member.cost:,.0f} exam ({member.cost_source})"
        if member.cost is not None
        else f"exam cost {member.cost_source}"
    )
    if member.cost is not None and member.cost_source != "catalog":
        cost = f"~${member.cost:,.0f} exam (cost {member.cost_source})"
    parts = [
        f"Closes {len(new)} gap(s) worth {weight:.2f} of the {gap_total:.2f} total: {named}{more}"
        if new
        else "Closes gaps the earlier certification also covers",
        f"{cost}; ~{member.hours:g} h of preparation ({member.hours_source})",
        f"valid: {validity_text(cert)}",
    ]
    if member.governance:
        parts.append("the governance credential the leadership stage asks for")
    if cert.id in picks:
        parts.append("also the catalog's recommendation for this role at this stage")
    if cert.status.state == CertState.BETA:
        parts.append("in beta: dates and content may still change")
    experience = cert.recommended_experience
    if experience is not None and experience.years is not None:
        have = limits.years_experience or 0.0
        if have < experience.years:
            parts.append(
                f"warning: recommends {experience.years:g} year(s) of experience "
                f"({experience.text.rstrip('.')}); you show {have:g}, so plan hands-on practice "
                "(the projects) before the exam"
            )
    parts.append(f"part of the best-scoring set (score {best.score:.2f})")
    return CertChoice(
        cert=cert.id,
        name=cert.name,
        exam_code=cert.exam_code,
        order=order,
        closes=[gap.skill for gap in new],
        covered_weight=round(weight, 4),
        cost_usd=member.cost,
        prep_hours=member.hours,
        prep_hours_source=member.hours_source,
        validity=validity_text(cert),
        why="; ".join(parts) + ".",
        sources=_sources(cert),
    )


def _alternatives(
    relevant: list[Candidate],
    rejected: dict[str, tuple[str, str]],
    best: ScoredSet | None,
    feasible: list[ScoredSet],
    infeasible: dict[tuple[str, ...], str],
    limits: Limits,
    weights: dict[str, float],
    ecosystem: str | None,
) -> list[Alternative]:
    chosen = {m.id for m in best.members} if best else set()
    ranked: list[tuple[tuple[int, float, str], Alternative]] = []
    best_with: dict[str, ScoredSet] = {}
    for scored in feasible:  # sorted best first
        for member in scored.members:
            best_with.setdefault(member.id, scored)
    for candidate in relevant:
        if candidate.id in chosen:
            continue
        cert = candidate.cert
        summary = (
            f"closes {len(candidate.covers)} gap(s) worth {candidate.weight:.2f} in "
            f"~{candidate.total_hours:g} h"
            + (f" for ${candidate.cost:,.0f}" if candidate.cost is not None else "")
        )
        if candidate.id in rejected:
            kind, reason = rejected[candidate.id]
            if kind == "ecosystem":
                reason = _ecosystem_reason(candidate, ecosystem, feasible)
            rank = {"retired": 1, "stage": 2, "ecosystem": 3, "unverified": 4}[kind]
            if kind == "retired" and cert.ecosystem.value != ecosystem:
                rank = 3  # a retired exam of another ecosystem matters as much as that ecosystem
            text = f"{reason}; {summary}"
        elif best is not None and cert.ecosystem.value != ecosystem and not candidate.governance:
            rank = 3  # eligible in an ecosystem that lost to the chosen one ("any")
            text = f"{_ecosystem_reason(candidate, ecosystem, feasible)}; {summary}"
        else:
            rank = 0
            text = _eligible_reason(candidate, best, best_with, infeasible, limits, weights)
            text = f"{text}; {summary}"
        ranked.append(
            (
                (rank, -candidate.weight, candidate.id),
                Alternative(cert=cert.id, name=cert.name, reason=text),
            )
        )
    ranked.sort(key=lambda item: item[0])
    keep = [alt for key, alt in ranked[:MAX_ALTERNATIVES]]
    # a retired exam of the chosen ecosystem is always shown: people ask for it by name
    for key, alt in ranked[MAX_ALTERNATIVES:]:
        if key[0] == 1:
            keep.append(alt)
    return keep


def _ecosystem_reason(
    candidate: Candidate, ecosystem: str | None, feasible: list[ScoredSet]
) -> str:
    other = candidate.cert.ecosystem.value
    if ecosystem is None:
        return f"{other} ecosystem"
    scores = {s.ecosystem: s.score for s in reversed(feasible)}
    if other in scores and ecosystem in scores:
        return (
            f"other ecosystem ({other}): the plan goes deep in {ecosystem}, whose best set "
            f"scores {scores[ecosystem]:.3f} against {scores[other]:.3f} in {other}"
        )
    return f"wrong ecosystem ({other}): the plan stays in {ecosystem}"


def _eligible_reason(
    candidate: Candidate,
    best: ScoredSet | None,
    best_with: dict[str, ScoredSet],
    infeasible: dict[tuple[str, ...], str],
    limits: Limits,
    weights: dict[str, float],
) -> str:
    alone = infeasible.get((candidate.id,))
    if alone is not None:
        return alone
    if best is None:
        return "no set with it meets the constraints"
    extra = candidate.covers - best.covered
    if not extra:
        return "adds no gap the chosen certifications do not already close"
    extra_weight = _weight(extra, weights)
    members = list(best.members)
    if len(members) < limits.guidance.max_certs:
        problem = _violation([*members, candidate], limits, weights)
        if problem is not None:
            return f"adding it to the chosen set: {problem}"
        joined = _score((*members, candidate), best.ecosystem, weights, limits)
        return (
            f"adding it closes only {len(extra)} more gap(s) worth {extra_weight:.2f}, not worth "
            f"its ~{candidate.total_hours:g} h and ${candidate.budget_cost:,.0f} (the set would "
            f"score {joined.score:.3f} against {best.score:.3f})"
        )
    with_it = best_with.get(candidate.id)
    if with_it is None:
        return (
            f"the stage allows {limits.guidance.max_certs}, and no set of that size with it "
            "meets the constraints"
        )
    return (
        f"lower score: the stage allows {limits.guidance.max_certs}, and the best set with it "
        f"scores {with_it.score:.3f} against {best.score:.3f}"
    )
