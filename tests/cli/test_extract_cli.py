"""``certpath extract``: output, JSON shape, errors and exit codes."""

from __future__ import annotations

import json
from pathlib import Path

from pypdf import PdfWriter
from typer.testing import CliRunner

from certpath.cli import app

runner = CliRunner()


def test_extract_text_output(tmp_path: Path) -> None:
    path = tmp_path / "posting.txt"
    path.write_text("Requirements\n- 3+ years of Python\n- Docker is a plus\n", encoding="utf-8")
    result = runner.invoke(app, ["extract", str(path)])
    assert result.exit_code == 0
    assert "Python (python)" in result.stdout
    assert "required" in result.stdout
    assert "preferred" in result.stdout
    assert "- 3+ years of Python" in result.stdout


def test_extract_table_shows_document_text_literally_and_near_the_mention(tmp_path: Path) -> None:
    path = tmp_path / "posting.txt"
    # brackets from a document are not console markup; a long line shows the words around
    path.write_text(
        "Stack: [python, sql] [/] " + "filler words " * 30 + "and Kubernetes at scale.\n",
        encoding="utf-8",
    )
    result = runner.invoke(app, ["extract", str(path)], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    assert "[python, sql] [/]" in result.stdout
    assert "Kubernetes at scale." in result.stdout


def test_extract_json_shape(tmp_path: Path) -> None:
    path = tmp_path / "resume.md"
    path.write_text("# Skills\nSageMaker, SQL\n", encoding="utf-8")
    result = runner.invoke(app, ["extract", str(path), "--json"])
    assert result.exit_code == 0
    [document] = json.loads(result.stdout)["documents"]
    assert document["source"] == str(path)
    mention = document["mentions"][0]
    assert set(mention) == {
        "skill",
        "label",
        "text",
        "start",
        "end",
        "section",
        "strength",
        "years",
        "confidence",
        "inferred",
    }
    assert {m["skill"] for m in document["mentions"] if m["inferred"]} >= {"aws"}
    assert [s["skill"] for s in document["skills"] if not s["inferred"]] == [
        "amazon-sagemaker",
        "sql",
    ]


def test_extract_min_confidence_keeps_likely_skills_and_their_mentions(tmp_path: Path) -> None:
    path = tmp_path / "posting.txt"
    path.write_text(
        "Skills: Python, PyTorch\nRequirements: Python\n\nAbout us\nTeamwork matters to us.\n",
        encoding="utf-8",
    )
    everything = runner.invoke(app, ["extract", str(path), "--json"])
    [all_skills] = json.loads(everything.stdout)["documents"]
    loose = {s["skill"]: s["confidence"] for s in all_skills["skills"]}
    assert loose["python"] > 0.9 > loose["collaboration"]
    result = runner.invoke(app, ["extract", str(path), "--json", "--min-confidence", "0.9"])
    [document] = json.loads(result.stdout)["documents"]
    kept = {s["skill"] for s in document["skills"]}
    assert "python" in kept
    assert "collaboration" not in kept
    assert {m["skill"] for m in document["mentions"]} <= kept


def test_extract_no_inferred(tmp_path: Path) -> None:
    path = tmp_path / "resume.txt"
    path.write_text("SageMaker", encoding="utf-8")
    result = runner.invoke(app, ["extract", str(path), "--no-inferred", "--json"])
    assert [m["skill"] for m in json.loads(result.stdout)["documents"][0]["mentions"]] == [
        "amazon-sagemaker"
    ]


def test_extract_stdin() -> None:
    result = runner.invoke(app, ["extract", "-", "--json"], input="Python and R\n")
    assert result.exit_code == 0
    document = json.loads(result.stdout)["documents"][0]
    assert document["source"] == "<stdin>"
    assert [s["skill"] for s in document["skills"]] == ["python", "r"]


def test_unreadable_file_reports_and_exits_1_but_keeps_the_others(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text("Python", encoding="utf-8")
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    result = runner.invoke(app, ["extract", str(good), str(empty), "--json"])
    assert result.exit_code == 1
    documents = json.loads(result.stdout)["documents"]
    assert documents[0]["skills"][0]["skill"] == "python"
    assert documents[1]["error"]["reason"] == "empty"
    result = runner.invoke(app, ["extract", str(empty)])
    assert result.exit_code == 1
    assert "Error:" in result.stderr
    assert "Traceback" not in result.stderr
    # the same over processes, where an error must cross back from a worker
    result = runner.invoke(app, ["extract", "--jobs", "2", str(good), str(empty), "--json"])
    assert result.exit_code == 1
    assert [d.get("error", {}).get("reason") for d in json.loads(result.stdout)["documents"]] == [
        None,
        "empty",
    ]
    # an empty name is not the current folder
    result = runner.invoke(app, ["extract", ""])
    assert result.exit_code == 1
    assert "an empty file name" in result.stderr


def test_scanned_pdf_is_a_clear_error(tmp_path: Path) -> None:
    pdf = tmp_path / "scan.pdf"
    writer = PdfWriter()
    writer.add_blank_page(width=612, height=792)  # a page with no text layer, like a scan
    with pdf.open("wb") as handle:
        writer.write(handle)
    result = runner.invoke(app, ["extract", str(pdf)])
    assert result.exit_code == 1
    assert "text layer" in result.stderr


def test_stdin_is_text_even_when_it_names_a_file(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("Kubernetes", encoding="utf-8")
    result = runner.invoke(app, ["extract", "-", "--json"], input=str(secret))
    document = json.loads(result.stdout)["documents"][0]
    assert "kubernetes" not in [s["skill"] for s in document["skills"]]


def test_extract_kind_says_what_the_files_are(tmp_path: Path) -> None:
    path = tmp_path / "cv.txt"
    path.write_text("Expertise in Python is required.\n", encoding="utf-8")
    as_read = json.loads(runner.invoke(app, ["extract", str(path), "--json"]).stdout)
    [document] = as_read["documents"]
    assert (document["kind"], document["skills"][0]["strength"]) == ("unknown", "required")
    result = runner.invoke(app, ["extract", str(path), "--kind", "resume", "--json"])
    [document] = json.loads(result.stdout)["documents"]
    assert (document["kind"], document["skills"][0]["strength"]) == ("resume", "mentioned")
    shown = runner.invoke(app, ["extract", str(path), "--kind", "resume"], env={"COLUMNS": "200"})
    assert "(text, resume): 1 skill(s)" in shown.stdout
    wrong = runner.invoke(app, ["extract", str(path), "--kind", "cv"])
    assert wrong.exit_code == 2
    assert "resume" in wrong.output
    assert "posting" in wrong.output
