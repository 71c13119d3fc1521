"""The docs stay true: every command has help and is in the README; every setting is documented."""

from __future__ import annotations

from pathlib import Path

import pytest
import typer
from typer.main import get_command
from typer.testing import CliRunner

from certpath.cli import app
from certpath.settings import Settings

REPO = Path(__file__).resolve().parent.parent
README = (REPO / "README.md").read_text(encoding="utf-8")


def _commands() -> list[tuple[str, object]]:
    """Every leaf command, by its full name (groups such as `market ingest` are walked)."""
    found: list[tuple[str, object]] = []

    def walk(prefix: str, command: object) -> None:
        children = getattr(command, "commands", None)
        if children is None:
            found.append((prefix, command))
            return
        for name, child in children.items():
            walk(f"{prefix} {name}", child)

    walk("certpath", get_command(app))
    return found


def test_every_command_has_help_and_an_example() -> None:
    for name, command in _commands():
        assert command.help, name  # type: ignore[attr-defined]
        assert "Example:" in command.help, name  # type: ignore[attr-defined]


def test_every_command_is_in_the_readme() -> None:
    missing = [name for name, _ in _commands() if name not in README]
    assert missing == []


def test_every_setting_is_documented() -> None:
    for name, field in Settings.model_fields.items():
        variable = f"CERTPATH_{name.upper()}"
        assert field.description, name
        assert field.description.startswith(variable), name
        assert variable in README, variable


def test_typer_is_used_for_the_cli() -> None:
    assert isinstance(app, typer.Typer)


def test_readme_quick_start_output_is_real(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """The README shows what `make run` prints, for the date the README was written."""
    monkeypatch.setenv("COLUMNS", "80")
    monkeypatch.setenv("CERTPATH_TODAY", "2026-11-25")
    monkeypatch.setenv("CERTPATH_DATA_DIR", str(tmp_path / "data"))
    makefile = (REPO / "Makefile").read_text(encoding="utf-8")
    command = makefile.split("\nrun:", 1)[1].split("certpath ", 1)[1].split("\n", 1)[0]
    monkeypatch.chdir(REPO)
    result = CliRunner().invoke(app, command.split())
    assert result.exit_code == 0, result.stdout
    block = (
        README.split("the whole plan, as printed", 1)[1].split("```text\n", 1)[1].split("```", 1)[0]
    )
    assert result.stdout.strip() == block.strip()
