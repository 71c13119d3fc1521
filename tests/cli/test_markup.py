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
