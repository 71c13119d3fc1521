"""Role fit, weighted gaps with market evidence, career stage, and the whole assessment."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from certpath import Navigator, Settings
from certpath.assess import gaps as gaps_module
from certpath.assess.assessment import assess
from certpath.assess.fit import fit_all, role_fit
from certpath.assess.gaps import FLOOR_SHARE, find_gaps
from certpath.assess.models import Profile, ProfileSkill
from certpath.assess.stage import infer_stage
from certpath.catalog.models import IMPORTANCE_WEIGHT, Stage


@pytest.fixture(scope="module")
def nav(tmp_path_factory: pytest.TempPathFactory) -> Navigator:
    """The packaged catalog and a market store seeded once for the module (a few seconds)."""
    data_dir = tmp_path_factory.mktemp("certpath-data")
    return Navigator(Settings(data_dir=data_dir, catalog_dir=None), today=dt.date(2026, 11, 25))


def test_fit_is_the_weighted_share_of_role_skills_present(nav: Navigator) -> None:
    profile = Profile(skills=[ProfileSkill(skill="python", evidence="- Python daily")])
    role = nav.role("ml-engineer")
    fit = role_fit(profile, role, nav.catalog)
    total = sum(IMPORTANCE_WEIGHT[s.importance] for s in role.skills)
    python = next(s for s in role.skills if s.skill == "python")
    assert fit.score == round(100 * IMPORTANCE_WEIGHT[python.importance] / total, 1)
    assert [v.skill for v in fit.present] == ["python"]
    assert fit.present[0].evidence == "- Python daily"
    assert len(fit.present) + len(fit.missing) == len(role.skills)
    assert all(v.evidence is None and not v.present for v in fit.missing)


def test_a_narrower_skill_shows_its_parents_via(nav: Navigator) -> None:
    profile = Profile(skills=[ProfileSkill(skill="amazon-sagemaker", evidence="SageMaker line")])
    fit = role_fit(profile, nav.role("ml-engineer"), nav.catalog)
    cloud = next(v for v in fit.present if v.skill == "cloud-computing")
    assert cloud.via == "amazon-sagemaker"
    assert cloud.evidence == "SageMaker line"


def test_every_role_is_scored_best_first(nav: Navigator) -> None:
    profile = Profile(skills=[ProfileSkill(skill=s) for s in ("sql", "excel", "tableau", "python")])
    fits = fit_all(profile, nav.catalog)
    assert {f.role for f in fits} == set(nav.catalog.roles)
    assert [f.score for f in fits] == sorted((f.score for f in fits), reverse=True)
    assert fits[0].role in {"data-analyst", "bi-analyst"}


def test_gaps_carry_market_evidence_and_rank_by_weight(nav: Navigator) -> None:
    role = nav.role("ml-engineer")
    fit = role_fit(Profile(skills=[ProfileSkill(skill="python")]), role, nav.catalog)
    gaps = find_gaps(fit, role, nav.market)
    assert {g.skill for g in gaps} == {v.skill for v in fit.missing}
    assert [g.weight for g in gaps] == sorted((g.weight for g in gaps), reverse=True)
    measured = [g for g in gaps if g.demand_share is not None]
    assert measured
    for gap in measured:
        assert re.fullmatch(
            r"asked in \d+% of [\d,]+ Machine Learning Engineer postings.*", gap.evidence
        )
        assert gap.weight == pytest.approx(
            gap.importance_weight * max(gap.demand_share or 0, FLOOR_SHARE), abs=1e-4
        )
        assert "posting" in gap.source


def test_a_skill_without_a_market_figure_gets_the_floor(
    nav: Navigator, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(gaps_module, "demand_shares", lambda store, role: ({}, 0, "none"))
    role = nav.role("ai-engineer")
    fit = role_fit(Profile(), role, nav.catalog)
    gaps = find_gaps(fit, role, nav.market)
    assert all(g.evidence == "no market figure; weight from the role profile only" for g in gaps)
    assert all(g.weight == pytest.approx(g.importance_weight * FLOOR_SHARE) for g in gaps)


@pytest.mark.parametrize(
    ("title", "years", "stage"),
    [
        ("Engineering Manager", 12, Stage.LEADERSHIP),
        ("Head of Data", 3, Stage.LEADERSHIP),
        ("VP Engineering", None, Stage.LEADERSHIP),
        ("Data Scientist", 1, Stage.EARLY),
        ("Operations Analyst", 8, Stage.EARLY),  # a career changer
        ("Software Engineer", 6, Stage.EARLY),
        ("Data Scientist", 4, Stage.MID),
        ("Senior Machine Learning Engineer", 7, Stage.MID),
        (None, None, Stage.EARLY),
    ],
)
def test_stage_rules(nav: Navigator, title: str | None, years: float | None, stage: Stage) -> None:
    profile = nav.profile({"skills": ["python"], "current_title": title, "years_experience": years})
    found, reason = infer_stage(profile, nav.catalog)
    assert found == stage
    assert reason


def test_a_stated_stage_overrides_the_rules(nav: Navigator) -> None:
    profile = nav.profile(
        {"skills": ["python"], "current_title": "Engineering Manager"}, stage="mid"
    )
    stage, reason = infer_stage(profile, nav.catalog)
    assert stage == Stage.MID
    assert reason.startswith("stated")


def test_assessment_targets_the_best_fit_when_none_is_stated(nav: Navigator) -> None:
    profile = nav.profile({"skills": ["sql", "excel", "tableau", "power-bi", "dashboards"]})
    result = assess(profile, nav.catalog, nav.market, nav.today)
    assert result.target_role == result.fits[0].role
    assert result.target_reason.startswith("not stated: best fit")
    stated = nav.assess(profile, target="ml-engineer")
    assert stated.target_role == "ml-engineer"
    assert stated.target_reason == "stated: Machine Learning Engineer"
    assert stated.gaps
    assert stated.gaps[0].weight >= stated.gaps[-1].weight
