"""The loader reads YAML safely and reports every file-level problem with its location."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from certpath.catalog import load_catalog, read_catalog
from certpath.errors import CatalogInvalid
from certpath.testing import tiny_catalog_data, write_catalog


def test_tiny_catalog_loads_with_no_problems(tiny_dir: Path) -> None:
    catalog, problems = read_catalog(tiny_dir)
    assert problems == []
    assert catalog.counts() == {
        "certifications": 3,
        "skills": 6,
        "aliases": 13,
        "roles": 2,
        "transitions": 1,
        "projects": 1,
        "stages": 3,
    }


def test_dates_are_parsed_by_the_models_not_by_yaml(tiny_dir: Path) -> None:
    catalog = load_catalog(tiny_dir)
    status = catalog.certifications["acme-ml-specialty"].status
    assert status.date == dt.date(2026, 3, 31)


def test_yes_no_on_off_stay_strings(tmp_path: Path) -> None:
    data = tiny_catalog_data()
    data["skills/core.yaml"]["skills"][0]["aliases"] = ["no", "on"]
    write_catalog(tmp_path, data)
    catalog = load_catalog(tmp_path)
    assert [a.text for a in catalog.skills["python"].aliases] == ["no", "on"]


def test_quoted_exam_code_is_not_a_number(tmp_path: Path) -> None:
    data = tiny_catalog_data()
    data["certifications.yaml"]["certifications"][0]["exam_code"] = "003"
    write_catalog(tmp_path, data)
    assert load_catalog(tmp_path).certifications["acme-ml-associate"].exam_code == "003"


def test_schema_errors_name_file_path_and_line(tmp_path: Path) -> None:
    data = tiny_catalog_data()
    cert = data["certifications.yaml"]["certifications"][0]
    cert["exam"]["minutes"] = -5
    cert["category"] = "expert-level"
    write_catalog(tmp_path, data)
    _, problems = read_catalog(tmp_path)
    paths = {p.path for p in problems}
    assert "certifications[0](acme-ml-associate).exam.minutes" in paths
    assert "certifications[0](acme-ml-associate).category" in paths
    assert all(p.file == "certifications.yaml" and p.line for p in problems)


def test_an_invalid_entry_does_not_hide_the_others(tmp_path: Path) -> None:
    data = tiny_catalog_data()
    data["skills/core.yaml"]["skills"][0]["type"] = "wizardry"
    write_catalog(tmp_path, data)
    catalog, problems = read_catalog(tmp_path)
    assert len(problems) == 1
    assert "docker" in catalog.skills
    assert ("skills", "python") in catalog.invalid


def test_unknown_field_is_reported(tmp_path: Path) -> None:
    data = tiny_catalog_data()
    data["roles.yaml"]["roles"][0]["salary"] = 1
    write_catalog(tmp_path, data)
    _, problems = read_catalog(tmp_path)
    assert [p.path for p in problems] == ["roles[0](ml-engineer).salary"]
    assert "unknown field" in problems[0].message


def test_yaml_syntax_error_names_the_line(tmp_path: Path) -> None:
    write_catalog(tmp_path)
    (tmp_path / "roles.yaml").write_text(
        "schema_version: 1\nroles: [\n  - oops: {\n", encoding="utf-8"
    )
    _, problems = read_catalog(tmp_path)
    [problem] = [p for p in problems if p.file == "roles.yaml"]
    assert problem.code == "yaml"
    assert problem.line is not None


def test_duplicate_keys_are_reported(tmp_path: Path) -> None:
    write_catalog(tmp_path)
    path = tmp_path / "stages.yaml"
    path.write_text("schema_version: 1\nschema_version: 1\n" + path.read_text().split("\n", 1)[1])
    _, problems = read_catalog(tmp_path)
    assert any(p.code == "duplicate-key" and p.line == 2 for p in problems)


def test_wrong_schema_version_is_reported(tmp_path: Path) -> None:
    data = tiny_catalog_data()
    data["projects.yaml"]["schema_version"] = 2
    write_catalog(tmp_path, data)
    _, problems = read_catalog(tmp_path)
    assert any(p.code == "schema-version" and "version 1" in p.message for p in problems)


def test_missing_files_are_each_reported(tmp_path: Path) -> None:
    _, problems = read_catalog(tmp_path)
    assert {p.file for p in problems if p.code == "missing-file"} == {
        "certifications.yaml",
        "skills",
        "roles.yaml",
        "transitions.yaml",
        "projects.yaml",
        "stages.yaml",
    }


def test_load_catalog_raises_with_every_problem(tmp_path: Path) -> None:
    data = tiny_catalog_data()
    data["roles.yaml"]["roles"][0]["skills"].append({"skill": "cobol", "importance": "essential"})
    data["roles.yaml"]["roles"][1]["skills"].append({"skill": "fortran", "importance": "essential"})
    write_catalog(tmp_path, data)
    with pytest.raises(CatalogInvalid) as info:
        load_catalog(tmp_path)
    assert len(info.value.problems) == 2
    assert "cobol" in str(info.value)
    assert "fortran" in str(info.value)
