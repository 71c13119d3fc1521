"""Validation finds each kind of planted mistake, all at once, with file and path."""

from __future__ import annotations

from pathlib import Path

from certpath.catalog import check_catalog, read_catalog
from certpath.catalog.problems import Problem
from certpath.testing import tiny_catalog_data, write_catalog


def _problems(tmp_path: Path, data: dict) -> list[Problem]:  # type: ignore[type-arg]
    write_catalog(tmp_path, data)
    catalog, problems = read_catalog(tmp_path)
    return problems + check_catalog(catalog)


def test_broken_catalog_reports_every_planted_mistake_at_once(tmp_path: Path) -> None:
    data = tiny_catalog_data()
    certs = data["certifications.yaml"]["certifications"]
    # 1. dangling id: a prerequisite that does not exist
    certs[1]["prerequisites"] = ["acme-nonexistent"]
    # 2. prerequisite cycle: fundamentals <-> associate
    certs[1]["prerequisites"].append("acme-ml-associate")
    # 3. a role recommends a retired certification
    data["roles.yaml"]["roles"][0]["certifications"].append(
        {"ecosystem": "aws", "stage": "mid", "certs": ["acme-ml-specialty"]}
    )
    # 4. one alias names two skills ("ML" is machine-learning's)
    data["skills/core.yaml"]["skills"][3]["aliases"].append("ml")
    # 5. facts without a source
    del certs[0]["exam"]["sources"]
    problems = _problems(tmp_path, data)
    codes = sorted(p.code for p in problems)
    assert codes == [
        "dangling-id",
        "duplicate-alias",
        "prerequisite-cycle",
        "retired-recommended",
        "unsourced-fact",
    ]
    by_code = {p.code: p for p in problems}
    assert by_code["dangling-id"].path == "certifications[1](acme-ai-fundamentals).prerequisites"
    assert "acme-nonexistent" in by_code["dangling-id"].message
    assert (
        "acme-ai-fundamentals -> acme-ml-associate -> acme-ai-fundamentals"
        in by_code["prerequisite-cycle"].message
        or "acme-ml-associate -> acme-ai-fundamentals -> acme-ml-associate"
        in by_code["prerequisite-cycle"].message
    )
    assert "successor 'acme-ml-associate'" in by_code["retired-recommended"].message
    assert by_code["duplicate-alias"].file == "skills/core.yaml"
    assert by_code["unsourced-fact"].path.endswith(".exam")
    assert all(p.line for p in problems)


def test_dangling_references_of_every_kind(tmp_path: Path) -> None:
    data = tiny_catalog_data()
    data["certifications.yaml"]["certifications"][0]["target_roles"] = ["wizard"]
    data["certifications.yaml"]["certifications"][0]["domains"]["items"][0]["skills"].append(
        "magic"
    )
    data["skills/core.yaml"]["skills"][0]["parent"] = "snake"
    data["skills/core.yaml"]["skills"][1]["includes"] = ["unicorn"]
    data["transitions.yaml"]["transitions"][0]["target"] = "astronaut"
    data["projects.yaml"]["projects"][0]["skills"].append("alchemy")
    data["stages.yaml"]["stages"][0]["project_kinds"].append("moonshot")
    problems = _problems(tmp_path, data)
    assert {p.code for p in problems} == {"dangling-id"}
    named = " ".join(p.message for p in problems)
    for ghost in ("wizard", "magic", "snake", "unicorn", "astronaut", "alchemy", "moonshot"):
        assert repr(ghost) in named
    assert {p.file for p in problems} == {
        "certifications.yaml",
        "skills/core.yaml",
        "transitions.yaml",
        "projects.yaml",
        "stages.yaml",
    }


def test_parent_cycle_is_reported(tmp_path: Path) -> None:
    data = tiny_catalog_data()
    data["skills/core.yaml"]["skills"][4]["parent"] = "amazon-sagemaker"
    problems = _problems(tmp_path, data)
    assert [p.code for p in problems] == ["parent-cycle"]


def test_alias_collision_ignores_case_hyphens_and_spaces(tmp_path: Path) -> None:
    data = tiny_catalog_data()
    data["skills/core.yaml"]["skills"][3]["aliases"].append("Python-3")
    problems = _problems(tmp_path, data)
    assert [p.code for p in problems] == ["duplicate-alias"]
    assert "'python'" in problems[0].message


def test_an_alias_listed_twice_for_one_skill_is_a_problem(tmp_path: Path) -> None:
    data = tiny_catalog_data()
    aliases = data["skills/core.yaml"]["skills"][3]["aliases"]
    aliases.append(aliases[0])
    problems = _problems(tmp_path, data)
    assert [p.code for p in problems] == ["repeated-alias"]
    assert "listed twice" in problems[0].message


def test_duplicate_ids_across_skill_files(tmp_path: Path) -> None:
    data = tiny_catalog_data()
    data["skills/more.yaml"] = {
        "schema_version": 1,
        "skills": [{"id": "docker", "label": "Docker engine", "group": "mlops", "type": "tool"}],
    }
    problems = _problems(tmp_path, data)
    assert [(p.code, p.file) for p in problems] == [("duplicate-id", "skills/more.yaml")]
    assert "skills/core.yaml" in problems[0].message


def test_ambiguous_alias_needs_context(tmp_path: Path) -> None:
    data = tiny_catalog_data()
    data["skills/core.yaml"]["skills"][1]["aliases"][0].pop("context")
    problems = _problems(tmp_path, data)
    assert [p.code for p in problems] == ["schema"]
    assert "needs a 'context'" in problems[0].message


def test_two_aliases_written_on_one_line_are_refused(tmp_path: Path) -> None:
    data = tiny_catalog_data()
    data["skills/core.yaml"]["skills"][0]["aliases"].append("docker engine      - containers")
    problems = _problems(tmp_path, data)
    assert [p.code for p in problems] == ["schema"]
    assert "item of its own" in problems[0].message


def test_retired_status_needs_a_date(tmp_path: Path) -> None:
    data = tiny_catalog_data()
    data["certifications.yaml"]["certifications"][2]["status"].pop("date")
    problems = _problems(tmp_path, data)
    assert any("needs a 'date'" in p.message for p in problems)


def test_unverified_programme_may_have_no_sources_but_is_not_recommendable(tmp_path: Path) -> None:
    data = tiny_catalog_data()
    certs = data["certifications.yaml"]["certifications"]
    certs.append(
        {
            "id": "gtc-example",
            "name": "Example council track",
            "provider": "Example council",
            "ecosystem": "vendor-neutral",
            "category": "foundational",
            "credential_type": "online-exam",
            "confidence": "low",
            "verified": False,
            "status": {"state": "unknown"},
            "exam": {},
            "validity": {"kind": "unknown"},
        }
    )
    data["roles.yaml"]["roles"][1]["certifications"] = [
        {"ecosystem": "vendor-neutral", "stage": "early", "certs": ["gtc-example"]}
    ]
    problems = _problems(tmp_path, data)
    assert [p.code for p in problems] == ["unverified-recommended"]


def test_bad_title_pattern_and_self_transition(tmp_path: Path) -> None:
    data = tiny_catalog_data()
    data["roles.yaml"]["roles"][0]["title_patterns"].append("ml (engineer")
    data["transitions.yaml"]["transitions"].append(
        {
            "source": "ml-engineer",
            "target": "ml-engineer",
            "years_low": 1,
            "years_high": 2,
            "skills": ["python"],
        }
    )
    problems = _problems(tmp_path, data)
    assert sorted(p.code for p in problems) == ["bad-pattern", "self-transition"]
