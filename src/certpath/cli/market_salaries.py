"""``certpath market ingest salaries``, ``salary``, ``premium`` and ``trend``: what the market pays.

Registered on the ``market`` group by :mod:`certpath.cli.market`. Each command parses its
options into a :class:`~certpath.market.salaries.SalaryFilter`, asks
:mod:`certpath.market.salaries` (or :mod:`certpath.market.trend`) over ``nav.market`` and renders
the answer with Rich or as JSON. Every output states n and where the figures come from; a group
with too few records says "not enough data" and shows no figure.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

import typer
from rich.markup import escape

from certpath.api import Navigator
from certpath.cli.render import emit_json, print_error, stdout, table
from certpath.errors import InputError
from certpath.market.salaries import (
    MIN_N,
    IngestReport,
    SalaryFilter,
)

_SHOWN_BAD_ROWS = 20
_TOP_SKILLS = 5

ROLE = typer.Option(None, "--role", help="A catalog role id or title, e.g. ml-engineer.")
LEVEL = typer.Option(None, "--level", help="Experience level: EN, MI, SE, EX (or entry, mid...).")
COUNTRY = typer.Option(
    None, "--country", help="ISO 3166 alpha-2 code of the company's location, e.g. US."
)
RESIDENCE = typer.Option(
    False, "--residence", help="Read --country as the employee's residence instead."
)
REMOTE = typer.Option(None, "--remote", help="Remote ratio: 0, 50 or 100.")
SIZE = typer.Option(None, "--size", help="Company size: S, M or L.")
YEAR = typer.Option(None, "--year", help="Work year, e.g. 2024.")
MIN_N_OPTION = typer.Option(
    MIN_N, "--min-n", min=1, help="Fewest records that give a figure; fewer say 'not enough data'."
)
JSON = typer.Option(False, "--json", help="Print JSON.")
PLOT = typer.Option(
    None, "--plot", help="Also draw a chart to FILE.png or FILE.svg (needs the 'plot' extra)."
)


def register(app: typer.Typer, ingest: typer.Typer) -> None:
    """Add the salary commands to ``certpath market`` and ``certpath market ingest``."""
    ingest.command("salaries")(ingest_command)
    app.command("salary")(salary_command)
    app.command("premium")(premium_command)
    app.command("trend")(trend_command)


def ingest_command(
    ctx: typer.Context,
    paths: list[Path] = typer.Argument(
        ..., metavar="FILE", help="aijobs.net-format CSV files, plain or gzipped."
    ),
    json_: bool = JSON,
) -> None:
    """Load aijobs.net-format salary records into the market database.

    Rows repeated exactly count once; the low and high ends of a salary range are two records.
    Re-ingesting a file adds nothing. Bad rows are listed with their line numbers and reasons.
    Exit code 1 when a file cannot be read at all.

    Example:

        certpath market ingest salaries salaries.csv more-salaries.csv.gz
    """
    nav: Navigator = ctx.obj
    reports: list[IngestReport] = []
    errors: list[str] = []
    for path in paths:
        try:
            reports.append(nav.ingest_salaries(path))
        except InputError as exc:
            errors.append(str(exc))
    if json_:
        emit_json({"files": [report.to_dict() for report in reports], "errors": errors})
    else:
        _render_ingest(reports)
    if errors:
        if not json_:
            for message in errors:
                print_error(message)
        raise typer.Exit(code=1)


def salary_command(
    ctx: typer.Context,
    role: str | None = ROLE,
    level: str | None = LEVEL,
    country: str | None = COUNTRY,
    residence: bool = RESIDENCE,
    remote: int | None = REMOTE,
    size: str | None = SIZE,
    year: int | None = YEAR,
    min_n: int = MIN_N_OPTION,
    json_: bool = JSON,
    plot: Path | None = PLOT,
) -> None:
    """Salary percentiles (p10, p25, median, p75, p90) in USD, with n and the median's 95% CI.

    Filters combine; fewer than --min-n records give "not enough data", never a figure.

    Example:

        certpath market salary --role ml-engineer --level SE --country US
    """
    nav: Navigator = ctx.obj
    where = SalaryFilter(
        role=_role(nav, role),
        level=level,
        country=country,
        residence=residence,
        remote=remote,
        size=size,
        year=year,
    )
    answer = nav.salary(where, min_n=min_n)
    if plot is not None and answer["enough_data"]:
        from certpath.market.salary_charts import plot_salary

        answer["plot"] = str(plot_salary(answer, plot))
    if json_:
        emit_json(answer)
        return
    console = stdout()
    if not answer["enough_data"]:
        _not_enough(answer["label"], answer["n"], min_n)
    else:
        p = answer["percentiles"]
        console.print(
            table(
                f"Salary in USD: {escape(str(answer['label']))} (n={answer['n']:,})",
                ["p10", "p25", "median", "p75", "p90", "median 95% CI"],
                [
                    (
                        *(_usd(p[name]) for name in ("p10", "p25", "median", "p75", "p90")),
                        _usd_range(answer["median_ci95"]),
                    )
                ],
            )
        )
    _footer(answer, plot)


def premium_command(
    ctx: typer.Context,
    role: str | None = ROLE,
    country: str | None = COUNTRY,
    residence: bool = RESIDENCE,
    group: str | None = typer.Option(
        None, "--group", help="Experience level of the group (default SE)."
    ),
    baseline: str | None = typer.Option(
        None, "--baseline", help="Experience level it is compared with (default MI)."
    ),
    genai: bool = typer.Option(
        False,
        "--genai",
        help="Compare generative-AI titles with the other ML roles instead of two levels.",
    ),
    level: str | None = typer.Option(
        None, "--level", help="With --genai: only this experience level on both sides."
    ),
    year: int | None = YEAR,
    min_n: int = MIN_N_OPTION,
    json_: bool = JSON,
) -> None:
    """The salary premium of one group over another: the ratio of their median USD salaries.

    By default senior (SE) over mid-level (MI) for the same role and country; with --genai,
    generative-AI titles over the other ML engineering and research roles. Both groups need
    --min-n records.

    Example:

        certpath market premium --role ml-engineer --country US --group SE --baseline MI
        certpath market premium --genai --country US
    """
    nav: Navigator = ctx.obj
    common = SalaryFilter(country=country, residence=residence, year=year)
    if genai:
        if group or baseline or role:
            raise InputError("--genai compares fixed groups; drop --group, --baseline and --role")
        where = replace(common, level=level)
        answer = nav.genai_premium(where, min_n=min_n)
    else:
        if level:
            raise InputError(
                "--level goes with --genai; compare levels with --group and --baseline"
            )
        common = replace(common, role=_role(nav, role))
        answer = nav.premium(
            replace(common, level=group or "SE"),
            replace(common, level=baseline or "MI"),
            min_n=min_n,
        )
    if json_:
        emit_json(answer)
        return
    console = stdout()
    sides = {"group": answer["group"], "baseline": answer["baseline"]}
    if not answer["enough_data"]:
        shortfall = answer["message"].removeprefix("not enough data ")
        console.print(
            f"[yellow]not enough data[/] for a premium {shortfall}; "
            "widen the filters or lower --min-n."
        )
        console.print(
            table(
                None,
                ["", "group", "n"],
                (
                    (name, escape(str(side["label"])), f"{side['n']:,}")
                    for name, side in sides.items()
                ),
            )
        )
    else:
        console.print(
            table(
                "Premium: ratio of median salaries (USD)",
                ["", "group", "n", "median"],
                [
                    (name, escape(str(side["label"])), f"{side['n']:,}", _usd(side["median"]))
                    for name, side in sides.items()
                ],
            )
        )
        low, high = answer["ratio_ci95"]
        console.print(
            f"Premium: [bold]{answer['ratio']:.2f}×[/] ({answer['premium_pct']:+.1f}%), "
            f"95% CI {low:.2f}×–{high:.2f}×"
        )
    _footer(answer, None)


def trend_command(
    ctx: typer.Context,
    role: str | None = ROLE,
    level: str | None = LEVEL,
    country: str | None = COUNTRY,
    residence: bool = RESIDENCE,
    min_n: int = MIN_N_OPTION,
    json_: bool = JSON,
    plot: Path | None = PLOT,
) -> None:
    """Median salary by work year (with n and 95% CI), and skill-demand shares by year.

    Years with fewer than --min-n records say "not enough data".

    Example:

        certpath market trend --role data-scientist --country US --plot trend.png
    """
    nav: Navigator = ctx.obj
    where = SalaryFilter(role=_role(nav, role), level=level, country=country, residence=residence)
    answer = nav.trend(where, min_n=min_n)
    if plot is not None and any(row["enough_data"] for row in answer["salary"]):
        from certpath.market.salary_charts import plot_trend

        answer["plot"] = str(plot_trend(answer, plot))
    if json_:
        emit_json(answer)
        return
    console = stdout()
    console.print(
        table(
            f"Median salary by year (USD): {escape(str(answer['label']))}",
            ["year", "n", "median", "median 95% CI"],
            (
                (row["year"], f"{row['n']:,}", _usd(row["median"]), _usd_range(row["median_ci95"]))
                if row["enough_data"]
                else (row["year"], f"{row['n']:,}", "not enough data", "")
                for row in answer["salary"]
            ),
        )
    )
    if answer["demand"]:
        console.print(_demand_table(answer["demand"]))
        if answer.get("demand_source"):
            source = escape(str(answer["demand_source"]))
            console.print(f"[dim]Demand source: {source}.[/]", soft_wrap=True)
    for note in answer["notes"]:
        console.print(f"[dim]Note: {escape(str(note))}.[/]")
    _footer(answer, plot)


# --------------------------------------------------------------------------- rendering


def _role(nav: Navigator, role: str | None) -> str | None:
    """A catalog role id from an id or title (NotFoundError with suggestions otherwise)."""
    return nav.role(role).id if role else None


def _usd(value: float) -> str:
    return f"${value:,.0f}"


def _usd_range(bounds: list[float]) -> str:
    return f"{_usd(bounds[0])}–{_usd(bounds[1])}"


def _demand_table(rows: list[dict[str, Any]]) -> Any:
    """One line per year: the postings counted and the most asked-for skills with their share."""
    years: dict[Any, list[dict[str, Any]]] = {}
    for row in rows:
        years.setdefault(row.get("year"), []).append(row)
    lines = []
    for year, skills in sorted(years.items(), key=lambda item: str(item[0])):
        top = sorted(skills, key=lambda r: -(r.get("share") or 0))[:_TOP_SKILLS]
        total = skills[0].get("postings_total")
        lines.append(
            (
                year,
                f"{total:,}" if isinstance(total, int) else total,
                escape(", ".join(f"{r.get('skill')} {(r.get('share') or 0):.0%}" for r in top)),
            )
        )
    return table(
        f"Skill demand by year: top {_TOP_SKILLS} skills (--json lists every skill)",
        ["year", "postings", "share of postings asking for the skill"],
        lines,
    )


def _not_enough(label: str, n: int, min_n: int) -> None:
    stdout().print(
        f"[yellow]not enough data[/] for {escape(label)}: n={n:,} < {min_n} records; "
        "widen the filters or lower --min-n."
    )


def _footer(answer: dict[str, Any], plot: Path | None) -> None:
    console = stdout()
    if plot is not None:
        if "plot" in answer:
            console.print(f"Chart written to {escape(str(answer['plot']))}.")
        else:
            console.print("[dim]No chart: not enough data.[/]")
    console.print(f"[dim]Source: {escape(str(answer['source']))}.[/]", soft_wrap=True)


def _render_ingest(reports: list[IngestReport]) -> None:
    console = stdout()
    if not reports:
        return
    console.print(
        table(
            "Salary records ingested",
            ["file", "rows read", "added", "duplicates", "bad rows"],
            (
                (
                    report.path + (" (ingested before)" if report.already_ingested else ""),
                    f"{report.rows_read:,}",
                    f"{report.added:,}",
                    f"{report.duplicates:,}",
                    f"{report.bad_count:,}",
                )
                for report in reports
            ),
        )
    )
    for report in reports:
        if not report.bad_count:
            continue
        shown = report.bad_rows[:_SHOWN_BAD_ROWS]
        console.print(
            table(
                f"{report.bad_count:,} bad row(s) in {report.path}, not ingested",
                ["line", "reason"],
                ((row.line, row.reason) for row in shown),
            )
        )
        if report.bad_count > len(shown):
            console.print(f"... and {report.bad_count - len(shown):,} more (--json lists them all)")
