"""The certification optimiser: current exams only, budget, hours, one ecosystem, stage rules,
prerequisites, and an explanation for every choice and alternative."""

from __future__ import annotations

import dataclasses
from typing import Any

import pytest

from certpath import Navigator
from certpath.assess.models import Assessment
from certpath.catalog.loader import Catalog
from certpath.catalog.models import CertCategory, CertLevel, CertState, Ecosystem
from certpath.plan.certs import (
    EXAM_HOURS,
    SINGLE_ECOSYSTEMS,
    choose_certifications,
    is_governance,
    prep_hours,
)

CHANGER = {
    "skills": ["python", "sql"],
    "current_title": "Operations Analyst",
    "years_experience": 5,
}
MANAGER = {
    "skills": ["python", "leadership", "stakeholder-management", "budgeting", "communication"],
    "current_title": "Engineering Manager",
    "years_experience": 12,
}


def _assess(nav: Navigator, data: dict[str, Any] | None = None, **overrides: Any) -> Assessment:
    return nav.assess(data or CHANGER, **overrides)


def _with_cert(catalog: Catalog, cert_id: str, **update: Any) -> Catalog:
    certs = dict(catalog.certifications)
    certs[cert_id] = certs[cert_id].model_copy(update=update)
    return dataclasses.replace(catalog, certifications=certs)


def test_a_retired_exam_is_never_chosen_even_when_it_would_score_best(nav: Navigator) -> None:
    assessment = _assess(nav, target="ml-engineer", cloud="aws", budget=1000)
    everything = [gap.skill for gap in assessment.gaps]
    # the retired MLS-C01 now tests every gap: it would win if it could be taken
    rigged = _with_cert(nav.catalog, "aws-mls-c01", skills=everything)
    plan = choose_certifications(assessment, rigged, None)
    assert "aws-mls-c01" not in [c.cert for c in plan.choices]
    assert all(rigged.certifications[c.cert].current for c in plan.choices)
    reason = next(a.reason for a in plan.alternatives if a.cert == "aws-mls-c01")
    assert "retired on 2026-03-31" in reason
    assert "aws-mla-c01" in reason
    # control: the same certification, active and at an early-stage level, is chosen
    status = rigged.certifications["aws-mls-c01"].status.model_copy(
        update={"state": CertState.ACTIVE, "date": None, "successor": None}
    )
    active = _with_cert(
        rigged,
        "aws-mls-c01",
        status=status,
        level=CertLevel.ASSOCIATE,
        category=CertCategory.ROLE_BASED,
    )
    assert "aws-mls-c01" in [
        c.cert for c in choose_certifications(assessment, active, None).choices
    ]


@pytest.mark.parametrize("budget", [0, 99, 150, 260, 400, 2000])
def test_the_budget_is_respected(nav: Navigator, budget: float) -> None:
    assessment = _assess(nav, target="ml-engineer", cloud="aws", budget=budget)
    plan = choose_certifications(assessment, nav.catalog, None)
    assert sum(c.cost_usd or 0 for c in plan.choices) <= budget
    if budget == 0:
        assert plan.choices == []
        assert any("over budget" in a.reason for a in plan.alternatives)


@pytest.mark.parametrize("hours", [10, 30, 90, 400])
def test_prep_hours_fit_the_hours_available(nav: Navigator, hours: float) -> None:
    assessment = _assess(nav, target="ml-engineer", cloud="aws")
    plan = choose_certifications(assessment, nav.catalog, hours)
    assert sum(c.prep_hours + EXAM_HOURS for c in plan.choices) <= hours
    if hours == 10:
        assert plan.choices == []
        assert any("does not fit before the deadline" in a.reason for a in plan.alternatives)


@pytest.mark.parametrize(
    "target", ["ml-engineer", "ai-engineer", "data-scientist", "mlops-engineer"]
)
def test_any_ecosystem_goes_deep_in_one(nav: Navigator, target: str) -> None:
    assessment = _assess(nav, target=target, budget=2000)
    plan = choose_certifications(assessment, nav.catalog, None)
    ecosystems = {nav.catalog.certifications[c.cert].ecosystem.value for c in plan.choices}
    assert len(ecosystems) == 1
    assert ecosystems <= set(SINGLE_ECOSYSTEMS)
    assert plan.ecosystem in ecosystems
    assert any(note.startswith("ecosystem not chosen") for note in plan.notes)


def test_a_chosen_ecosystem_is_kept(nav: Navigator) -> None:
    assessment = _assess(nav, target="ai-engineer", cloud="azure", budget=2000)
    plan = choose_certifications(assessment, nav.catalog, None)
    assert plan.choices
    assert {nav.catalog.certifications[c.cert].ecosystem for c in plan.choices} == {Ecosystem.AZURE}
    assert any("(aws)" in a.reason for a in plan.alternatives if a.cert.startswith("aws-"))


@pytest.mark.parametrize("cloud", [*SINGLE_ECOSYSTEMS, "any"])
def test_early_stage_takes_fundamentals_or_associate_up_to_the_limit(
    nav: Navigator, cloud: str
) -> None:
    assessment = _assess(nav, target="ml-engineer", cloud=cloud, budget=5000)
    guidance = nav.catalog.stages[assessment.stage]
    assert assessment.stage.value == "early"
    plan = choose_certifications(assessment, nav.catalog, None)
    assert len(plan.choices) <= guidance.max_certs
    for choice in plan.choices:
        assert nav.catalog.certifications[choice.cert].level in {
            CertLevel.FUNDAMENTALS,
            CertLevel.ASSOCIATE,
        }
    assert [c.order for c in plan.choices] == list(range(1, len(plan.choices) + 1))


def test_leadership_gets_a_governance_credential(nav: Navigator) -> None:
    assessment = _assess(nav, MANAGER, target="chief-ai-officer", budget=1500)
    assert assessment.stage.value == "leadership"
    plan = choose_certifications(assessment, nav.catalog, None)
    certs = [nav.catalog.certifications[c.cert] for c in plan.choices]
    assert sum(is_governance(cert) for cert in certs) == 1
    assert len(certs) <= 2
    technical = [cert for cert in certs if not is_governance(cert)]
    assert len({cert.ecosystem for cert in technical}) <= 1


def test_prerequisites_come_first_or_the_dependant_is_dropped(nav: Navigator) -> None:
    assessment = _assess(nav, target="ml-engineer", cloud="aws", budget=1000)
    rigged = _with_cert(nav.catalog, "aws-mla-c01", prerequisites=["aws-aif-c01"])
    plan = choose_certifications(assessment, rigged, None)
    chosen = [c.cert for c in plan.choices]
    if "aws-mla-c01" in chosen:
        assert chosen.index("aws-aif-c01") < chosen.index("aws-mla-c01")
    # with a prerequisite that is not a candidate, the dependant cannot be taken
    stuck = _with_cert(nav.catalog, "aws-mla-c01", prerequisites=["aws-mls-c01"])
    plan = choose_certifications(assessment, stuck, None)
    assert "aws-mla-c01" not in [c.cert for c in plan.choices]
    reason = next(a.reason for a in plan.alternatives if a.cert == "aws-mla-c01")
    assert "needs aws-mls-c01 first" in reason


def test_every_choice_and_alternative_is_explained(nav: Navigator) -> None:
    for data, overrides in (
        (CHANGER, {"target": "ml-engineer", "cloud": "aws", "budget": 400, "hours": 10}),
        (MANAGER, {"target": "chief-ai-officer", "budget": 1500}),
        (CHANGER, {"target": "ai-engineer", "budget": 0}),
    ):
        assessment = _assess(nav, data, **overrides)
        plan = choose_certifications(assessment, nav.catalog, None)
        for choice in plan.choices:
            assert choice.why
            assert choice.closes
            assert choice.covered_weight > 0
            assert choice.sources
            assert all(s.startswith("http") for s in choice.sources)
            assert choice.validity
            assert choice.prep_hours_source
        assert plan.alternatives
        for alternative in plan.alternatives:
            assert alternative.reason
            assert "gap(s)" in alternative.reason
        assert plan.notes


def test_recommended_experience_is_stated_as_a_warning(nav: Navigator) -> None:
    assessment = _assess(nav, CHANGER | {"years_experience": 0}, target="ml-engineer", cloud="aws")
    plan = choose_certifications(assessment, nav.catalog, None)
    mla = next(c for c in plan.choices if c.cert == "aws-mla-c01")
    assert "warning: recommends 1 year(s) of experience" in mla.why


def test_prep_hours_come_from_the_catalog_or_the_level(nav: Navigator) -> None:
    hours, source = prep_hours(nav.catalog.certifications["aws-aif-c01"])
    assert (hours, source.startswith("estimated from level (fundamentals")) == (20, True)
    hours, source = prep_hours(nav.catalog.certifications["iapp-aigp"])
    assert (hours, source) == (30, "catalog: 30 h")
