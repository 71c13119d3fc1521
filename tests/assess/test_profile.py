"""Reading profiles: YAML/JSON files and mappings, resumes, overrides, defaults and errors."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from certpath import InputError, Navigator, NotFoundError, Settings
from certpath.assess.profile import load_profile, years_of_experience


@pytest.fixture(scope="module")
def nav(tmp_path_factory: pytest.TempPathFactory) -> Navigator:
    """The packaged catalog and a market store seeded once for the module (a few seconds)."""
    data_dir = tmp_path_factory.mktemp("certpath-data")
    return Navigator(Settings(data_dir=data_dir, catalog_dir=None), today=dt.date(2026, 11, 25))


TODAY = dt.date(2026, 11, 25)


def test_yaml_profile_resolves_ids_labels_and_aliases(nav: Navigator, tmp_path: Path) -> None:
    path = tmp_path / "me.yaml"
    path.write_text(
        "name: Ana\n"
        "skills: [python, SQL, {skill: scikit-learn, years: 2}, Machine Learning]\n"
        "current_title: Data Analyst\n"
        "years_experience: 3\n"
        "location: no\n"  # Norway, not a boolean
        "target_role: ml-engineer\n"
        "deadline: 2027-06-30\n",
        encoding="utf-8",
    )
    profile = load_profile(path, nav)
    assert [s.skill for s in profile.skills] == [
        "python",
        "sql",
        "scikit-learn",
        "machine-learning",
    ]
    assert profile.skills[2].years == 2
    assert profile.skills[0].evidence == "stated in the profile: python"
    assert profile.location == "NO"
    assert profile.deadline == dt.date(2027, 6, 30)
    assert profile.current_role == "data-analyst"
    assert profile.source == str(path)


def test_defaults_are_stated_in_words(nav: Navigator) -> None:
    profile = load_profile({"skills": ["python"]}, nav)
    assert profile.hours_per_week == 8
    assert profile.budget_usd == 500
    assert profile.start == dt.date(2026, 11, 30)  # the Monday after 2026-11-25
    notes = " | ".join(profile.defaults_applied)
    assert "hours per week not given: 8 assumed" in notes
    assert "budget not given: $500 assumed" in notes
    assert "cloud ecosystem not given" in notes
    assert "target role not given" in notes


def test_overrides_win_over_the_file_and_drop_their_defaults(nav: Navigator) -> None:
    data = {
        "skills": ["python"],
        "hours_per_week": 5,
        "ecosystem": "gcp",
        "target_role": "ai-engineer",
    }
    profile = load_profile(
        data,
        nav,
        target="Machine Learning Engineer",
        cloud="AWS",
        hours=10,
        budget=400,
        stage="mid",
    )
    assert (profile.target_role, profile.ecosystem) == ("ml-engineer", "aws")
    assert (profile.hours_per_week, profile.budget_usd) == (10, 400)
    assert profile.stage is not None
    assert profile.stage.value == "mid"
    assert not any("hours per week" in note for note in profile.defaults_applied)
    again = load_profile(profile, nav, deadline="2027-03-01", location="de")
    assert again.deadline == dt.date(2027, 3, 1)
    assert again.location == "DE"
    assert not any(note.startswith("deadline") for note in again.defaults_applied)


def test_unknown_skills_are_listed_together_with_suggestions(nav: Navigator) -> None:
    with pytest.raises(InputError) as caught:
        load_profile({"skills": ["pyton", "sckit-learn", "python", "qwertyuiop"]}, nav)
    message = str(caught.value)
    assert "'pyton'" in message
    assert "did you mean python" in message
    assert "'sckit-learn'" in message
    assert "scikit-learn" in message
    assert "'qwertyuiop'" in message


def test_unknown_keys_and_bad_values_are_reported_at_once(nav: Navigator) -> None:
    with pytest.raises(InputError) as caught:
        load_profile({"skills": ["python"], "hours_per_wek": 3, "budget": 10}, nav)
    assert "'hours_per_wek'" in str(caught.value)
    assert "hours_per_week" in str(caught.value)
    assert "'budget'" in str(caught.value)
    with pytest.raises(InputError, match="ecosystem 'ibm'"):
        load_profile({"skills": ["python"], "ecosystem": "ibm"}, nav)
    with pytest.raises(InputError, match="not after the start"):
        load_profile({"skills": ["python"], "start": "2027-01-04", "deadline": "2027-01-01"}, nav)
    with pytest.raises(InputError, match="unknown profile option"):
        load_profile({"skills": ["python"]}, nav, cloudy="aws")  # type: ignore[call-arg]
    with pytest.raises(NotFoundError, match="did you mean"):
        load_profile({"skills": ["python"]}, nav, target="ml-enginer")


def test_bad_yaml_is_an_input_error(nav: Navigator, tmp_path: Path) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text("skills: [python\n", encoding="utf-8")
    with pytest.raises(InputError, match="not valid YAML"):
        load_profile(path, nav)
    path.write_text("skills: [python]\nskills: [sql]\n", encoding="utf-8")
    with pytest.raises(InputError, match="duplicate key"):
        load_profile(path, nav)
    with pytest.raises(InputError, match="no such file"):
        load_profile(tmp_path / "missing.yaml", nav)


def test_json_profile_and_json_resume_are_told_apart(nav: Navigator, tmp_path: Path) -> None:
    profile_path = tmp_path / "profile.json"
    profile_path.write_text(json.dumps({"skills": ["python", "docker"], "hours_per_week": 6}))
    assert [s.skill for s in load_profile(profile_path, nav).skills] == ["python", "docker"]
    resume_path = tmp_path / "resume.json"
    resume = {
        "basics": {"name": "Ana", "label": "Data Analyst", "location": {"countryCode": "PT"}},
        "work": [
            {
                "position": "Data Analyst",
                "name": "Acme",
                "startDate": "2020-01-01",
                "summary": "Built dashboards in SQL and Python.",
            }
        ],
    }
    resume_path.write_text(json.dumps(resume))
    profile = load_profile(resume_path, nav)
    assert profile.current_title == "Data Analyst"
    assert profile.location == "PT"
    assert {"sql", "python"} <= {s.skill for s in profile.skills}
    assert profile.years_experience is not None
    assert profile.years_experience >= 6


RESUME = """Jordan Lee
Operations Analyst | Lisbon
jordan@example.com

Experience
Operations Analyst, Acme Logistics (2019 – present)
- Automated weekly reports with Python and pandas; wrote SQL against the warehouse.
Shift Supervisor, Beta Retail (2016 - 2019)
- Ran a team of 8.

Education
BSc Economics (2012 - 2016)
"""


def test_resume_text_gives_title_years_and_skills_with_lines(nav: Navigator) -> None:
    profile = load_profile(RESUME, nav, target="ml-engineer")
    assert profile.current_title == "Operations Analyst"
    assert profile.years_experience == 11.0  # 2016 to 2026-11; education excluded
    by_skill = {s.skill: s for s in profile.skills}
    assert "Python and pandas" in (by_skill["python"].evidence or "")
    assert "pandas" in by_skill
    assert profile.source == "<text>"


def test_a_resume_is_extracted_as_a_resume(nav: Navigator) -> None:
    kinds = []

    class Spy:
        catalog, today = nav.catalog, nav.today

        def extract(self, source: object, *, name: object = None, kind: object = None) -> object:
            kinds.append(kind)
            return nav.extract(source, name=name, kind=kind)  # type: ignore[arg-type]

    load_profile(RESUME, Spy())  # type: ignore[arg-type]
    assert kinds == ["resume"]


@pytest.mark.parametrize(
    ("text", "years"),
    [
        ("Analyst (2019 – 2023)", 4.0),
        ("Engineer, Jan 2020 - Jul 2022", 2.5),
        ("A (2015-2020)\nB (2018-2021)", 6.0),  # overlapping jobs count once
        ("Lead 2024-present", 3.0),  # 2024-01 to 2026-11, to half a year
        ("2019-03 – 2021-03", 2.0),
        ("Over 7 years of experience in analytics", 7.0),
        ("Worked with Python", None),
    ],
)
def test_years_of_experience_heuristic(text: str, years: float | None) -> None:
    assert years_of_experience(text, [(0, len(text))], TODAY) == years
