"""The whole plan: projects, transition path, dated schedule, salary, assumptions; and the
three example journeys (career changer, mid-level data scientist, engineering manager)."""

from __future__ import annotations

import datetime as dt
import itertools
from collections import defaultdict

import pytest

from certpath import Navigator
from certpath.plan.models import CertChoice, Plan, ProjectChoice
from certpath.plan.schedule import build_schedule
from certpath.plan.transitions import transition_path

CHANGER = {
    "skills": ["python", "sql"],
    "current_title": "Operations Analyst",
    "years_experience": 5,
}
SCIENTIST = {
    "skills": [
        "python",
        "sql",
        "pandas",
        "scikit-learn",
        "statistics",
        "machine-learning",
        "supervised-learning",
        "feature-engineering",
        "evaluation-metrics",
        "docker",
        "git",
    ],
    "current_title": "Data Scientist",
    "years_experience": 4,
    "location": "DE",
}
MANAGER = {
    "skills": [
        "python",
        "leadership",
        "stakeholder-management",
        "budgeting",
        "roadmapping",
        "mentoring",
        "communication",
        "machine-learning",
        "cloud-computing",
        "aws",
    ],
    "current_title": "Engineering Manager",
    "years_experience": 12,
    "location": "US",
}


@pytest.fixture(scope="module")
def changer(nav: Navigator) -> Plan:
    return nav.plan(CHANGER, target="ml-engineer", cloud="aws", hours=10, budget=400)


def test_career_changer_plan(changer: Plan) -> None:
    assert changer.assessment.stage.value == "early"
    assert [c.cert for c in changer.certifications] == ["aws-aif-c01", "aws-mla-c01"]
    assert sum(c.cost_usd or 0 for c in changer.certifications) <= 400
    assert 2 <= len(changer.projects) <= 3
    assert all(any(d.startswith("deployment:") for d in p.deliverables) for p in changer.projects)
    assert [(s.source, s.target) for s in changer.transition_path] == [
        ("data-analyst", "junior-ml-engineer"),
        ("junior-ml-engineer", "ml-engineer"),
    ]
    assert changer.salary is not None
    assert changer.salary.level == "entry"
    assert changer.salary.enough_data
    assert changer.salary.n >= 30
    assert changer.salary.ci_low_usd is not None
    assert changer.salary.premium_note
    assert any(a.startswith("budget") is False for a in changer.assumptions)


def test_mid_level_data_scientist_to_ai_engineer_on_azure(nav: Navigator) -> None:
    plan = nav.plan(SCIENTIST, target="ai-engineer", cloud="azure", budget=600)
    assert plan.assessment.stage.value == "mid"
    assert plan.certifications
    assert {c.cert.split("-")[0] for c in plan.certifications} == {"microsoft"}
    assert plan.projects[0].project == "production-rag-app"  # required at the mid stage
    assert [(s.source, s.target) for s in plan.transition_path] == [
        ("data-scientist", "ai-engineer")
    ]
    assert plan.salary is not None
    assert plan.salary.country is None
    assert plan.salary.note
    assert any(a.startswith("salary: not enough data") for a in plan.assumptions)


def test_engineering_manager_to_chief_ai_officer(nav: Navigator) -> None:
    plan = nav.plan(MANAGER, target="chief-ai-officer", budget=1500, hours=6)
    assert plan.assessment.stage.value == "leadership"
    certs = [nav.catalog.certifications[c.cert] for c in plan.certifications]
    assert any(cert.ecosystem.value == "vendor-neutral" for cert in certs)
    assert plan.projects[0].project == "ai-governance-case-study"
    assert plan.transition_path == []  # "Engineering Manager" is no catalog role
    assert plan.salary is not None
    assert plan.salary.level == "executive"


def test_plans_are_deterministic(nav: Navigator, changer: Plan) -> None:
    again = nav.plan(CHANGER, target="ml-engineer", cloud="aws", hours=10, budget=400)
    assert again.model_dump() == changer.model_dump()


def test_the_schedule_stays_within_the_weekly_hours(changer: Plan) -> None:
    per_week: dict[int, float] = defaultdict(float)
    for item in changer.schedule:
        per_week[item.week] += item.hours
        assert item.start.weekday() == 0
        assert item.end - item.start == dt.timedelta(days=6)
    assert max(per_week.values()) <= 10 + 1e-6
    assert list(per_week) == list(range(1, len(per_week) + 1))
    exams = [m for m in changer.milestones if m.kind == "exam"]
    assert [m.ref for m in exams] == [c.cert for c in changer.certifications]
    done = [m for m in changer.milestones if m.kind == "project-done"]
    assert [m.ref for m in done] == [p.project for p in changer.projects]
    assert changer.milestones[-1].kind == "plan-done"
    assert [m.date for m in changer.milestones] == sorted(m.date for m in changer.milestones)


def _cert(hours: float) -> CertChoice:
    return CertChoice(
        cert="demo-cert",
        name="Demo",
        exam_code="D-01",
        order=1,
        closes=[],
        covered_weight=0,
        cost_usd=None,
        prep_hours=hours,
        prep_hours_source="test",
        validity="",
        why="",
        sources=[],
    )


def _project(hours: float) -> ProjectChoice:
    return ProjectChoice(
        project="demo-project",
        title="Demo project",
        closes=[],
        hours=hours,
        why="",
        deliverables=["data-sourcing: d", "evaluation: e", "deployment: f", "documentation: g"],
    )


def test_schedule_is_deterministic_and_warns_past_the_deadline() -> None:
    start = dt.date(2027, 1, 4)
    first = build_schedule([_cert(40)], [_project(40)], start, 8, dt.date(2027, 2, 1))
    second = build_schedule([_cert(40)], [_project(40)], start, 8, dt.date(2027, 2, 1))
    assert first == second
    assert first.end == dt.date(2027, 3, 21)  # 86 h at 8 h/week: 11 weeks
    assert any(note.startswith("warning: the plan ends 2027-03-21") for note in first.notes)
    kinds = [m.kind for m in first.milestones]
    assert kinds == [
        "exam",
        "project-checkpoint",
        "project-checkpoint",
        "project-checkpoint",
        "project-done",
        "plan-done",
    ]
    roomy = build_schedule([_cert(40)], [], start, 8, dt.date(2027, 12, 1))
    assert any("before the deadline" in note for note in roomy.notes)


def test_a_deadline_limits_the_plan(nav: Navigator) -> None:
    plan = nav.plan(CHANGER, target="ml-engineer", cloud="aws", hours=5, deadline="2027-03-01")
    hours = sum(c.prep_hours for c in plan.certifications)
    assert hours <= (dt.date(2027, 3, 1) - dt.date(2026, 11, 30)).days / 7 * 5
    assert any("kept for projects" in a for a in plan.assumptions)


def test_transition_paths(nav: Navigator) -> None:
    catalog = nav.catalog
    assert transition_path(catalog, None, "ml-engineer") == []
    assert transition_path(catalog, "ml-engineer", "ml-engineer") == []
    path = transition_path(catalog, "data-analyst", "chief-ai-officer")
    assert path[0].source == "data-analyst"
    assert path[-1].target == "chief-ai-officer"
    assert all(a.target == b.source for a, b in itertools.pairwise(path))
    assert all(step.skills for step in path)
    assert transition_path(catalog, "chief-ai-officer", "data-analyst") == []
