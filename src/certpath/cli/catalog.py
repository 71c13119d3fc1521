"""``certpath catalog``: validate the catalog, list stale facts, show an overview."""

from __future__ import annotations

from pathlib import Path

import typer
from rich.markup import escape

from certpath.api import Navigator
from certpath.cli.render import emit_json, stdout, table

app = typer.Typer(help="Check and summarise the curated catalog.", no_args_is_help=True)


@app.command()
def validate(
    ctx: typer.Context,
    directory: Path | None = typer.Option(
        None, "--dir", help="Catalog folder to check (default: the configured or packaged one)."
    ),
    json_: bool = typer.Option(False, "--json", help="Print JSON: problems and counts."),
) -> None:
    """Report every problem in the catalog at once, with file, line and path.

    Exit code 1 when there is any problem.

    Example:

        certpath catalog validate --dir ./my-catalog --json
    """
    nav: Navigator = ctx.obj
    report = nav.validate(directory)
    if json_:
        emit_json(report.to_dict())
    else:
        console = stdout()
        if report.problems:
            console.print(
                table(
                    f"{len(report.problems)} problem(s) in {escape(str(report.directory))}",
                    ["where", "path", "problem", "code"],
                    (
                        (
                            escape(f"{p.file}:{p.line}" if p.line else str(p.file)),
                            escape(str(p.path)),
                            escape(str(p.message)),
                            p.code,
                        )
                        for p in report.problems
                    ),
                )
            )
        else:
            console.print(f"[green]The catalog is valid[/] ({escape(str(report.directory))}).")
        console.print(", ".join(f"{count} {name}" for name, count in report.counts.items()))
    if report.problems:
        raise typer.Exit(code=1)


@app.command()
def stale(
    ctx: typer.Context,
    days: int | None = typer.Option(
        None, "--days", min=0, help="Age in days (default: CERTPATH_STALE_DAYS, 180)."
    ),
    json_: bool = typer.Option(False, "--json", help="Print JSON."),
) -> None:
    """List certification facts verified more than N days ago (or never).

    Example:

        certpath catalog stale --days 90
    """
    nav: Navigator = ctx.obj
    facts = nav.stale(days)
    limit = nav.settings.stale_days if days is None else days
    if json_:
        emit_json(
            {"days": limit, "today": nav.today.isoformat(), "stale": [f.to_dict() for f in facts]}
        )
        return
    console = stdout()
    if not facts:
        console.print(f"No fact is older than {limit} days.")
        return
    console.print(
        table(
            f"{len(facts)} fact group(s) verified more than {limit} days ago",
            ["certification", "facts", "verified on", "age (days)", "sources"],
            (
                (f.certification, f.group, f.verified_on or "never", f.age_days, len(f.sources))
                for f in facts
            ),
        )
    )


@app.command()
def overview(
    ctx: typer.Context,
    since: int | None = typer.Option(
        None, "--since", help="Show exams retired in this year or later (default: this year)."
    ),
    json_: bool = typer.Option(False, "--json", help="Print JSON."),
) -> None:
    """Summarise the catalog: counts by category, ecosystem and status, and recent retirements.

    Example:

        certpath catalog overview --since 2025
    """
    nav: Navigator = ctx.obj
    data = nav.overview(since)
    if json_:
        emit_json(data)
        return
    console = stdout()
    counts = data["counts"]
    assert isinstance(counts, dict)
    console.print(
        "[bold]certpath catalog[/]: "
        + ", ".join(f"{count} {name}" for name, count in counts.items())
    )
    for key, title in (
        ("by_category", "Certifications by category"),
        ("by_ecosystem", "by ecosystem"),
        ("by_status", "by status (unknown = listed without verified facts)"),
    ):
        values = data[key]
        assert isinstance(values, dict)
        console.print(f"{title}: " + ", ".join(f"{name} {n}" for name, n in values.items()))
    retired = data["retired"]
    assert isinstance(retired, list)
    console.print(
        table(
            f"Retired since {data['retired_since']}, and what replaces them",
            ["retired on", "exam", "certification", "replaced by"],
            (
                (item["retired_on"], item["exam_code"], item["name"], _successor(item))
                for item in retired
            ),
        )
    )
    for item in retired:
        if item["successor_note"]:
            console.print(f"{item['exam_code'] or item['id']}: {item['successor_note']}")
    console.print(
        "Every fact has its sources: certpath certs show EXAM (e.g. certpath certs show mls-c01)."
    )


def _successor(item: dict[str, object]) -> str:
    if item["successor"]:
        code = item["successor_exam_code"]
        return f"{code} ({item['successor']})" if code else str(item["successor"])
    return "no successor announced"
