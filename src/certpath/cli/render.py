"""Rendering shared by the CLI commands: JSON output, Rich consoles, tables and error messages."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Sequence
from typing import Any

from rich.console import Console
from rich.markup import escape
from rich.table import Table
from rich.text import Text

from certpath.catalog.models import Certification, Sourced


def stdout() -> Console:
    return Console(highlight=False, soft_wrap=False)


def stderr() -> Console:
    return Console(stderr=True, highlight=False)


def print_error(message: object) -> None:
    """``Error: message`` in red on standard error; the message is text, not markup (it may
    quote a file name or a value with brackets in it)."""
    stderr().print(f"[bold red]Error:[/] {escape(str(message))}", soft_wrap=True)


def emit_json(data: Any) -> None:
    """Write ``data`` as indented JSON to standard output."""
    sys.stdout.write(json.dumps(data, indent=2, ensure_ascii=False, default=str) + "\n")


def table(title: str | None, columns: Sequence[str], rows: Iterable[Sequence[object]]) -> Table:
    """A table; a ``str`` cell is Rich markup, a :class:`~rich.text.Text` cell is shown as it
    is (use one for text read from a user's document, whose brackets are not markup)."""
    grid = Table(title=title, title_justify="left", header_style="bold", expand=False)
    for column in columns:
        grid.add_column(column, overflow="fold")
    for row in rows:
        grid.add_row(*(_cell(cell) for cell in row))
    return grid


def _cell(cell: object) -> str | Text:
    if cell is None:
        return "—"
    return cell if isinstance(cell, Text) else str(cell)


def money(value: float | None) -> str:
    if value is None:
        return "—"
    return f"${value:,.0f}" if float(value).is_integer() else f"${value:,.2f}"


def validity_text(cert: Certification) -> str:
    validity = cert.validity
    if validity.kind == "lifetime":
        return "does not expire"
    if validity.kind == "period" and validity.months:
        years, months = divmod(validity.months, 12)
        return f"{years} year(s)" if not months else f"{validity.months} months"
    return "unknown"


def provenance(group: Sourced | None) -> str:
    """A one-line source note for a fact group: the date verified and the sources."""
    if group is None:
        return ""
    parts = []
    if group.verified_on:
        parts.append(f"verified {group.verified_on.isoformat()}")
    if group.sources:
        parts.append(f"{len(group.sources)} source(s)")
    return ", ".join(parts)
