"""Golden plans: the three bundled examples produce exactly the plans checked in.

A change to the catalog, the packaged market data or the planner shows up here as a diff to
review. After a deliberate change, regenerate with::

    UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/plan/test_golden.py
"""

from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path

import pytest

from certpath import Navigator, Settings

REPO = Path(__file__).resolve().parents[2]
GOLDEN = REPO / "tests" / "data" / "golden"
TODAY = dt.date(2026, 11, 25)

EXAMPLES = {
    "career-changer": (
        "examples/career-changer-resume.md",
        {"target": "ml-engineer", "cloud": "aws", "hours": 6, "location": "US"},
    ),
    "mid-data-scientist": ("examples/mid-data-scientist.yaml", {}),
    "engineering-manager": ("examples/engineering-manager.yaml", {}),
}


@pytest.fixture(scope="module")
def nav(tmp_path_factory: pytest.TempPathFactory) -> Navigator:
    return Navigator(Settings(data_dir=tmp_path_factory.mktemp("data")), today=TODAY)


@pytest.mark.parametrize("name", list(EXAMPLES))
def test_example_plan_matches_golden(nav: Navigator, name: str) -> None:
    source, overrides = EXAMPLES[name]
    plan = nav.plan(str(REPO / source), **overrides)
    produced = json.loads(plan.model_dump_json())
    produced["assessment"]["profile"]["source"] = source  # independent of the checkout path
    path = GOLDEN / f"{name}.json"
    if os.environ.get("UPDATE_GOLDEN"):
        path.write_text(json.dumps(produced, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    expected = json.loads(path.read_text(encoding="utf-8"))
    assert produced == expected


@pytest.mark.parametrize("name", list(EXAMPLES))
def test_example_plans_never_recommend_a_retired_exam(nav: Navigator, name: str) -> None:
    source, overrides = EXAMPLES[name]
    plan = nav.plan(str(REPO / source), **overrides)
    assert plan.certifications
    for choice in plan.certifications:
        assert nav.catalog.certifications[choice.cert].current
        assert choice.why
        assert choice.sources
