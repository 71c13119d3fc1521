"""The whole plan: assessment -> certifications -> projects -> transition path -> schedule ->
salary, with every assumption stated.

Last step of planning, the one the façade calls. Hours before the deadline are split first:
the projects' share (:func:`certpath.plan.projects.reserve_hours`) is kept, the rest bounds the
certification optimiser; the projects then get what is left.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from certpath.assess.models import Assessment
from certpath.assess.profile import next_monday
from certpath.plan.certs import choose_certifications
from certpath.plan.models import Plan
from certpath.plan.projects import choose_projects, reserve_hours
from certpath.plan.salary import target_salary
from certpath.plan.schedule import build_schedule
from certpath.plan.transitions import transition_path

if TYPE_CHECKING:
    from certpath.catalog.loader import Catalog
    from certpath.market.store import MarketStore


def make_plan(
    assessment: Assessment, catalog: Catalog, market_store: MarketStore, today: dt.date
) -> Plan:
    """Build the plan for an assessment.

    Args:
        assessment: from :func:`certpath.assess.assessment.assess`.
        catalog: the catalog the assessment was made with.
        market_store: salary records (and the demand figures behind the gaps).
        today: the plan's date; the schedule starts on the profile's start date, else on the
            Monday on or after today.
    """
    profile = assessment.profile
    guidance = catalog.stages[assessment.stage]
    start = profile.start or next_monday(today)
    assumptions = list(profile.defaults_applied)
    assumptions.append(f"stage {assessment.stage.value}: {assessment.stage_reason}")
    assumptions.append(f"target {assessment.target_role}: {assessment.target_reason}")

    total_hours: float | None = None
    cert_hours: float | None = None
    if profile.deadline is not None:
        total_hours = (profile.deadline - start).days / 7 * profile.hours_per_week
        reserve = reserve_hours(guidance, catalog)
        cert_hours = max(total_hours - reserve, 0.0)
        assumptions.append(
            f"{total_hours:g} h before the deadline at {profile.hours_per_week:g} h/week; "
            f"{reserve:g} h kept for projects, {cert_hours:g} h for certifications"
        )
    certs = choose_certifications(assessment, catalog, cert_hours)
    assumptions += certs.notes
    project_hours = None if total_hours is None else max(total_hours - certs.hours, 0.0)
    projects = choose_projects(assessment, catalog, certs.closed, project_hours)
    steps = transition_path(catalog, profile.current_role, assessment.target_role)
    if profile.current_role is None:
        assumptions.append("transition path: the current title matches no catalog role")
    elif profile.current_role != assessment.target_role and not steps:
        assumptions.append(
            f"transition path: the career graph has no route from {profile.current_role} to "
            f"{assessment.target_role}"
        )
    schedule = build_schedule(
        certs.choices, projects, start, profile.hours_per_week, profile.deadline
    )
    assumptions += schedule.notes
    salary = target_salary(assessment, catalog, market_store, today)
    if salary.note:
        assumptions.append(f"salary: {salary.note}")
    return Plan(
        assessment=assessment,
        certifications=certs.choices,
        alternatives=certs.alternatives,
        projects=projects,
        transition_path=steps,
        schedule=schedule.items,
        milestones=schedule.milestones,
        salary=salary,
        assumptions=assumptions,
        generated_on=today,
    )
