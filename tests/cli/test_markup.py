"""Text from users and their data is printed as text: brackets are not console markup."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from certpath.cli import app

runner = CliRunner()


def test_a_query_with_brackets_is_echoed_not_parsed() -> None:
    # "[/foo]" as markup is a closing tag with no opening one: it used to crash with a traceback
    result = runner.invoke(app, ["skills", "search", "[/foo]"])
    assert result.exit_code == 1
    assert "[/foo]" in result.stdout


def test_an_error_quotes_a_file_name_with_brackets(tmp_path: Path) -> None:
    missing = tmp_path / "[bold]resume.txt"
    result = runner.invoke(app, ["extract", str(missing)])
    assert result.exit_code == 1
    assert "[bold]resume.txt" in result.stderr
    result = runner.invoke(app, ["certs", "show", "[/x]"])
    assert result.exit_code == 1
    assert "[/x]" in result.stderr


def test_help_reflows_its_paragraphs_and_keeps_examples_whole() -> None:
    # docstrings are wrapped at 100 columns in the source; help at 80 must not leave ragged
    # half-lines, and an example command stays on a line of its own
    result = runner.invoke(app, ["extract", "--help"], env={"COLUMNS": "80"}, terminal_width=80)
    assert result.exit_code == 0
    lines = [line.strip() for line in result.stdout.splitlines()]
    assert "certpath extract resume.pdf posting.html --json" in lines
    paragraph = " ".join(
        lines[lines.index("Find the skills in resumes and job postings, with evidence.") + 2 :]
    )
    assert "whether the posting requires or prefers it" in paragraph
    short = [line for line in lines if 0 < len(line) < 30 and line[0].islower()]
    assert not short, short
