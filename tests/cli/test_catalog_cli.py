"""The catalog, certs, skills and roles commands over the tiny catalog: output, exit codes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from certpath.cli import app
from certpath.testing import tiny_catalog_data, write_catalog

runner = CliRunner()


@pytest.fixture
def tiny_env(tiny_dir: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("CERTPATH_CATALOG_DIR", str(tiny_dir))
    return tiny_dir


def run(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_validate_clean_catalog_exits_0(tiny_env: Path) -> None:
    code, out, _ = run("catalog", "validate")
    assert code == 0
    assert "The catalog is valid" in out


def test_validate_json_has_problems_and_counts(tiny_env: Path) -> None:
    code, out, _ = run("catalog", "validate", "--json")
    assert code == 0
    data = json.loads(out)
    assert data["problems"] == []
    assert set(data["counts"]) >= {
        "certifications",
        "skills",
        "aliases",
        "roles",
        "transitions",
        "projects",
    }


def test_validate_broken_catalog_exits_1_listing_every_problem(tmp_path: Path) -> None:
    data = tiny_catalog_data()
    data["roles.yaml"]["roles"][0]["skills"].append({"skill": "cobol", "importance": "essential"})
    data["transitions.yaml"]["transitions"][0]["skills"] = ["fortran"]
    write_catalog(tmp_path, data)
    code, out, _ = run("catalog", "validate", "--dir", str(tmp_path), "--json")
    assert code == 1
    problems = json.loads(out)["problems"]
    assert [p["code"] for p in problems] == ["dangling-id", "dangling-id"]
    assert {p["file"] for p in problems} == {"roles.yaml", "transitions.yaml"}
    code, out, _ = run("catalog", "validate", "--dir", str(tmp_path))
    assert code == 1
    assert "2 problem(s)" in out
    assert "cobol" in out


def test_stale_lists_old_facts(tiny_env: Path) -> None:
    code, out, _ = run("catalog", "stale", "--days", "365", "--json")
    assert code == 0
    stale = json.loads(out)["stale"]
    assert [(s["certification"], s["group"]) for s in stale] == [("acme-ml-specialty", "exam")]
    assert stale[0]["verified_on"] == "2024-01-01"


def test_overview_shows_retirements_with_successors(tiny_env: Path) -> None:
    code, out, _ = run("catalog", "overview", "--since", "2026", "--json")
    assert code == 0
    data = json.loads(out)
    assert data["by_status"] == {"active": 2, "retired": 1}
    assert [(r["exam_code"], r["successor"]) for r in data["retired"]] == [
        ("AMS-C01", "acme-ml-associate")
    ]
    code, out, _ = run("catalog", "overview")
    assert code == 0
    assert "AMS-C01" in out


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (
            ["--ecosystem", "aws"],
            ["acme-ml-associate", "acme-ai-fundamentals", "acme-ml-specialty"],
        ),
        (["--category", "foundational"], ["acme-ai-fundamentals"]),
        (["--level", "associate"], ["acme-ml-associate"]),
        (["--status", "retired"], ["acme-ml-specialty"]),
        (["--status", "current"], ["acme-ml-associate", "acme-ai-fundamentals"]),
        (["--role", "ml-engineer"], ["acme-ml-associate", "acme-ai-fundamentals"]),
        (["--skill", "docker"], ["acme-ml-associate"]),
        (["--skill", "ML"], ["acme-ml-associate", "acme-ai-fundamentals"]),
        (["--ecosystem", "gcp"], []),
    ],
)
def test_certs_list_filters(tiny_env: Path, args: list[str], expected: list[str]) -> None:
    code, out, _ = run("certs", "list", *args, "--json")
    assert code == 0
    assert [c["id"] for c in json.loads(out)] == expected


def test_certs_list_rejects_unknown_choice(tiny_env: Path) -> None:
    code, _, err = run("certs", "list", "--ecosystem", "ibmcloud")
    assert code == 2
    assert "ibmcloud" in err


@pytest.mark.parametrize("key", ["ams-c01", "AMS-C01", "acme-ml-specialty", "Acme ML Specialty"])
def test_certs_show_by_id_or_code_any_case(tiny_env: Path, key: str) -> None:
    code, out, _ = run("certs", "show", key)
    assert code == 0
    assert "RETIRED on 2026-03-31" in out
    assert "successor: Acme Certified ML Associate (acme-ml-associate)" in out
    assert "https://example.org/exam-guide" in out


def test_certs_show_json_has_every_fact_and_source(tiny_env: Path) -> None:
    code, out, _ = run("certs", "show", "aml-c01", "--json")
    assert code == 0
    cert = json.loads(out)
    assert cert["exam"]["cost_usd"] == 150
    assert cert["exam"]["sources"] == ["https://example.org/exam-guide"]
    assert cert["validity"] == {
        "kind": "period",
        "months": 36,
        "renewal_method": "Pass the current exam.",
        "renewal_cost_usd": None,
        "sources": ["https://example.org/exam-guide"],
        "verified_on": "2026-01-15",
        "conflict": None,
    }


def test_unknown_cert_suggests_closest(tiny_env: Path) -> None:
    code, out, err = run("certs", "show", "acme-ml-asociate")
    assert code == 1
    assert out == ""
    assert "no certification 'acme-ml-asociate'" in err
    assert "did you mean 'acme-ml-associate'" in err
    assert "Traceback" not in err


def test_debug_shows_the_traceback(tiny_env: Path) -> None:
    result = runner.invoke(app, ["--debug", "certs", "show", "nothing-like-it"])
    assert result.exit_code == 1
    assert result.exception is not None


def test_skills_list_json_fields(tiny_env: Path) -> None:
    code, out, _ = run("skills", "list", "--group", "cloud", "--json")
    assert code == 0
    assert json.loads(out) == [
        {
            "id": "aws",
            "label": "AWS",
            "group": "cloud",
            "type": "platform",
            "aliases": ["Amazon Web Services"],
            "parent": None,
        },
        {
            "id": "amazon-sagemaker",
            "label": "Amazon SageMaker",
            "group": "cloud",
            "type": "platform",
            "aliases": ["SageMaker"],
            "parent": "aws",
        },
    ]


def test_skills_list_by_type(tiny_env: Path) -> None:
    _code, out, _ = run("skills", "list", "--type", "language", "--json")
    assert [s["id"] for s in json.loads(out)] == ["python", "r"]


@pytest.mark.parametrize(
    ("text", "first"),
    [
        ("sagemaker", "amazon-sagemaker"),
        ("py3", "python"),
        ("amazon web", "aws"),
        ("dokcer", "docker"),
    ],
)
def test_skills_search(tiny_env: Path, text: str, first: str) -> None:
    code, out, _ = run("skills", "search", text, "--json")
    assert code == 0
    assert json.loads(out)[0]["id"] == first


def test_skills_search_nothing_exits_1(tiny_env: Path) -> None:
    code, out, _ = run("skills", "search", "zzzzqqq")
    assert code == 1
    assert "No skill matches" in out


def test_skills_show_context_rules_and_children(tiny_env: Path) -> None:
    code, out, _ = run("skills", "show", "r")
    assert code == 0
    assert "needs one of python, sql" in out
    assert "'&D'" in out
    code, out, _ = run("skills", "show", "aws", "--json")
    assert json.loads(out)["children"] == ["amazon-sagemaker"]


def test_unknown_skill_suggests(tiny_env: Path) -> None:
    code, _, err = run("skills", "show", "dockr")
    assert code == 1
    assert "did you mean 'docker'" in err


def test_roles_list_and_show(tiny_env: Path) -> None:
    code, out, _ = run("roles", "list", "--json")
    assert code == 0
    assert [r["id"] for r in json.loads(out)] == ["ml-engineer", "data-scientist"]
    code, out, _ = run("roles", "show", "Machine Learning Engineer")
    assert code == 0
    assert "essential" in out
    assert "acme-ai-fundamentals → acme-ml-associate" in out
    assert "15-2051.00" in out
    code, out, _ = run("roles", "show", "ml-engineer", "--json")
    role = json.loads(out)
    assert role["transitions"][0]["source"] == "data-scientist"


def test_unknown_role_suggests(tiny_env: Path) -> None:
    code, _, err = run("roles", "show", "ml-enginer")
    assert code == 1
    assert "did you mean 'ml-engineer'" in err


def test_invalid_catalog_gives_short_error_not_traceback(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CERTPATH_CATALOG_DIR", str(tmp_path))
    code, _, err = run("certs", "list")
    assert code == 1
    assert "the catalog has" in err
    assert "Traceback" not in err


def test_bad_setting_is_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CERTPATH_STALE_DAYS", "soon")
    code, _, err = run("catalog", "stale")
    assert code == 1
    assert "CERTPATH_STALE_DAYS" in err


def test_skills_show_names_what_a_stack_spells_out(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = tiny_catalog_data()
    skills = data["skills/core.yaml"]["skills"]
    skills.append(
        {
            "id": "py-stack",
            "label": "Py stack",
            "group": "programming",
            "type": "framework",
            "includes": [skills[0]["id"], skills[1]["id"]],
        }
    )
    write_catalog(tmp_path, data)
    monkeypatch.setenv("CERTPATH_CATALOG_DIR", str(tmp_path))
    code, out, _ = run("skills", "show", "py-stack")
    assert code == 0
    assert f"names each of: {skills[0]['id']}, {skills[1]['id']}" in out


def test_skills_show_the_phrases_that_name_it_before_a_list() -> None:
    code, out, _ = run("skills", "show", "cross-functional-collaboration")
    assert code == 0
    assert "'collaborating with'" in out
    assert "followed by a list of 2 or more of" in out
