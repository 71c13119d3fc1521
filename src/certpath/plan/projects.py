"""Which portfolio projects to build: the stage's templates that prove what certificates cannot.

Second step of planning, after :mod:`.certs`: from the stage guidance's ``project_kinds``,
the required projects come first, then, greedily, the template that covers the most gap
weight the chosen certifications leave open per hour (ties: the target role's own templates,
then the most total gap weight, then id), up to the stage's ``project_count``. At the early
stage templates with a deployment come first: each early project ships a minimal deployment.
Past the lower count a project is added only when it closes something still open and fits the
hours left.
"""

from __future__ import annotations

import statistics
from collections.abc import Collection, Sequence
from typing import TYPE_CHECKING

from certpath.assess.fit import implied_by
from certpath.assess.models import Assessment, Gap
from certpath.catalog.models import Project, Stage, StageGuidance
from certpath.plan.models import ProjectChoice

if TYPE_CHECKING:
    from certpath.catalog.loader import Catalog


def project_hours(project: Project) -> float:
    """Planned hours: the midpoint of the template's range."""
    return (project.hours_low + project.hours_high) / 2


def reserve_hours(guidance: StageGuidance, catalog: Catalog) -> float:
    """Hours to keep free for projects when fitting certifications before a deadline: the
    required projects, plus the median template of the stage for the rest of the lower count."""
    kinds = [catalog.projects[kind] for kind in guidance.project_kinds if kind in catalog.projects]
    required = [
        catalog.projects[kind] for kind in guidance.required_projects if kind in catalog.projects
    ]
    hours = sum(project_hours(project) for project in required)
    others = [project_hours(p) for p in kinds if p.id not in guidance.required_projects]
    missing = max(guidance.project_count[0] - len(required), 0)
    if missing and others:
        hours += missing * float(statistics.median(others))
    return hours


def _deploys(project: Project) -> bool:
    return any(deliverable.kind == "deployment" for deliverable in project.deliverables)


def _covers(project: Project, gap_ids: Collection[str], catalog: Catalog) -> list[str]:
    shown = implied_by(catalog, project.skills)
    return [skill for skill in gap_ids if skill in shown]


def choose_projects(
    assessment: Assessment,
    catalog: Catalog,
    closed_by_certs: Collection[str],
    hours_available: float | None = None,
) -> list[ProjectChoice]:
    """The projects of the plan, in the order to build them.

    Args:
        assessment: gaps (weights) and stage.
        catalog: the templates and the stage guidance.
        closed_by_certs: gap skills the chosen certifications already close.
        hours_available: hours left for projects before the deadline, or None.
    """
    guidance = catalog.stages[assessment.stage]
    gaps: Sequence[Gap] = assessment.gaps
    weights = {gap.skill: gap.weight for gap in gaps}
    labels = {gap.skill: gap.label for gap in gaps}
    target = assessment.target_role
    templates = [catalog.projects[k] for k in guidance.project_kinds if k in catalog.projects]
    low, high = guidance.project_count
    open_gaps = {skill for skill in weights if skill not in closed_by_certs}
    chosen: list[ProjectChoice] = []
    used = 0.0
    needs_deployment = assessment.stage == Stage.EARLY

    def pick(project: Project, required: bool) -> None:
        nonlocal used
        closes = [s for s in _covers(project, weights, catalog) if s in open_gaps]
        proves = [s for s in _covers(project, weights, catalog) if s not in closes]
        hours = project_hours(project)
        open_gaps.difference_update(closes)
        used += hours
        chosen.append(_choice(project, closes, proves, hours, required, weights, labels, target))

    for kind in guidance.required_projects:
        if kind in catalog.projects and len(chosen) < high:
            pick(catalog.projects[kind], required=True)
    while len(chosen) < high:
        taken = {choice.project for choice in chosen}
        options = [p for p in templates if p.id not in taken]
        if not options:
            break

        def key(project: Project) -> tuple[bool, float, bool, float, str]:
            covered = _covers(project, weights, catalog)
            fresh = sum(weights[s] for s in covered if s in open_gaps)
            total = sum(weights[s] for s in covered)
            undeployed = needs_deployment and not _deploys(project)
            rate = -fresh / project_hours(project)
            return (undeployed, rate, target not in project.roles, -total, project.id)

        best = min(options, key=key)
        fresh = [s for s in _covers(best, weights, catalog) if s in open_gaps]
        if len(chosen) >= low:
            fits = hours_available is None or used + project_hours(best) <= hours_available
            if not fresh or not fits:
                break
        pick(best, required=False)
    return chosen


def _choice(
    project: Project,
    closes: list[str],
    proves: list[str],
    hours: float,
    required: bool,
    weights: dict[str, float],
    labels: dict[str, str],
    target: str,
) -> ProjectChoice:
    parts = []
    if required:
        parts.append("the stage guidance includes it in every plan")
    if closes:
        named = ", ".join(f"{labels[s]} ({weights[s]:.2f})" for s in closes[:6])
        more = f" and {len(closes) - 6} more" if len(closes) > 6 else ""
        parts.append(
            f"proves {len(closes)} gap(s) no chosen certification closes, worth "
            f"{sum(weights[s] for s in closes):.2f}: {named}{more}"
        )
    if proves:
        named = ", ".join(labels[s] for s in proves[:4])
        parts.append(f"shows in practice what the certifications test: {named}")
    if not closes and not proves:
        parts.append("rounds out the portfolio the stage asks for")
    if target in project.roles:
        parts.append("a template written for the target role")
    parts.append(f"~{hours:g} h (template range {project.hours_low:g}-{project.hours_high:g} h)")
    return ProjectChoice(
        project=project.id,
        title=project.title,
        closes=closes,
        deliverables=[f"{d.kind}: {d.text}" for d in project.deliverables],
        hours=hours,
        why=_sentence("; ".join(parts)),
    )


def _sentence(text: str) -> str:
    return text[:1].upper() + text[1:] + "."
