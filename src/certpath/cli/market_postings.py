"""``certpath market``: ingest postings, and ask for skill demand, co-occurrence, certifications.

Parses options, calls the façade (:class:`~certpath.api.Navigator`: the DuckDB store, or a Spark
engine with ``--engine spark``), and renders Rich tables, JSON or a chart (``--plot``, matplotlib
from the ``plot`` extra).
"""

from __future__ import annotations

import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path
from typing import Any

import typer
from rich.markup import escape
from rich.progress import BarColumn, Progress, TaskID, TextColumn, TimeElapsedColumn

from certpath.api import Navigator
from certpath.cli.render import emit_json, stderr, stdout, table
from certpath.errors import InputError, MissingExtraError
from certpath.market.demand import Answer
from certpath.market.postings import ColumnMapping, FileReport
from certpath.market.queries import QueryRunner


class EngineChoice(StrEnum):
    duckdb = "duckdb"
    spark = "spark"


ENGINE_HELP = "duckdb (embedded, the default) or spark (Apache Spark; the 'spark' extra)."
MASTER_HELP = "Where Spark runs: local[*] (all cores), local[N], or a cluster URL."

ENGINE = typer.Option(EngineChoice.duckdb, "--engine", help=ENGINE_HELP)
MASTER = typer.Option("local[*]", "--master", help=MASTER_HELP)
PARQUET = typer.Option(
    None,
    "--parquet",
    help="With --engine spark: the Parquet folder written by ingest (default: <data dir>/"
    "market-parquet).",
)


def _parquet_dir(nav: Navigator, folder: Path | None) -> Path:
    return folder if folder is not None else nav.settings.data_dir / "market-parquet"


@contextmanager
def _answering(
    nav: Navigator, engine: EngineChoice, parquet: Path | None, master: str
) -> Iterator[QueryRunner]:
    """The DuckDB store, or a Spark engine over the Parquet folder (stopped afterwards)."""
    if engine is EngineChoice.duckdb:
        if parquet is not None:
            raise InputError("--parquet goes with --engine spark")
        yield nav.market
        return
    with nav.spark_engine(_parquet_dir(nav, parquet), master) as spark:
        yield spark


def register(app: typer.Typer, ingest: typer.Typer) -> None:
    """Add the postings commands to ``certpath market`` and ``certpath market ingest``."""
    ingest.command("postings")(postings)
    app.command("demand")(demand_command)
    app.command("cooccur")(cooccur_command)
    app.command("certs")(certs_command)


def postings(
    ctx: typer.Context,
    files: list[Path] = typer.Argument(..., help="CSV, TSV, JSONL, Parquet or JobPosting files."),
    map_: list[str] = typer.Option(
        [], "--map", help="field=Header: which column holds a field (repeatable)."
    ),
    mapping_file: Path | None = typer.Option(
        None, "--mapping", help="A YAML or JSON file of field: Header entries."
    ),
    jobs: int | None = typer.Option(
        None, "--jobs", min=1, help="Extraction processes (default: all cores)."
    ),
    json_: bool = typer.Option(False, "--json", help="Print JSON reports."),
    engine: EngineChoice = ENGINE,
    master: str = MASTER,
    out: Path | None = typer.Option(
        None,
        "--out",
        help="With --engine spark: the Parquet folder to write (default: <data dir>/"
        "market-parquet).",
    ),
) -> None:
    """Load job postings: de-duplicate, classify titles, extract skills and certifications.

    Fields: title, description, company, location, date, id, seniority (and period: a
    YYYY or YYYY-MM date for files without one). Re-ingesting a file adds nothing; bad rows
    are reported with their line numbers. With --engine spark the work runs on Apache Spark,
    which writes Parquet (postings/, posting_skills/, posting_certs/ under --out) that is then
    loaded into the market database, so every question answers from it.

    Example:

        certpath market ingest postings jobs.csv --map title="Job Title" --map date=posted
        certpath market ingest postings jobs.csv --engine spark --master "local[*]" --out pq/
    """
    nav: Navigator = ctx.obj
    mapping = ColumnMapping.from_file(mapping_file) if mapping_file else None
    mapping = ColumnMapping.from_pairs(map_, mapping)
    if engine is EngineChoice.spark:
        _ingest_spark(nav, files, mapping, _parquet_dir(nav, out), master, json_)
        return
    if out is not None:
        raise InputError("--out goes with --engine spark")
    reports = []
    started = time.perf_counter()
    with Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        TextColumn("{task.completed}/{task.total} postings"),
        TextColumn("{task.fields[rate]}"),
        TimeElapsedColumn(),
        console=stderr(),
        transient=json_,
    ) as bar:
        for path in files:
            task: TaskID = bar.add_task(path.name, total=None, rate="")
            clock = time.perf_counter()

            def update(done: int, total: int, task: TaskID = task, clock: float = clock) -> None:
                rate = done / max(time.perf_counter() - clock, 1e-9)
                bar.update(task, completed=done, total=total, rate=f"{rate:,.0f} postings/s")

            reports += nav.ingest_postings([path], mapping=mapping, processes=jobs, progress=update)
    elapsed = time.perf_counter() - started
    if json_:
        emit_json({"seconds": round(elapsed, 2), "files": [r.to_dict() for r in reports]})
        return
    _print_reports(f"Ingested {len(reports)} file(s) in {elapsed:.1f} s", "added", reports)


def _print_reports(title: str, added: str, reports: Sequence[FileReport]) -> None:
    """The per-file ingest table, then the first bad rows of each file with their lines."""
    console = stdout()
    console.print(
        table(
            title,
            ["file", "rows", added, "duplicates", "bad rows", "classified", "note"],
            (
                (
                    escape(str(r.path)),
                    r.rows_read,
                    r.added,
                    r.duplicates,
                    len(r.bad_rows),
                    r.classified,
                    "already ingested: nothing added"
                    if r.already_ingested
                    else escape("; ".join(r.notes)),
                )
                for r in reports
            ),
        )
    )
    for r in reports:
        for bad in r.bad_rows[:20]:
            console.print(f"[red]{escape(str(r.path))}:{bad.line}[/]: {escape(str(bad.reason))}")
        if len(r.bad_rows) > 20:
            console.print(
                f"{escape(str(r.path))}: ... and {len(r.bad_rows) - 20} more bad row(s) (--json)"
            )


def _ingest_spark(
    nav: Navigator,
    files: list[Path],
    mapping: ColumnMapping,
    out: Path,
    master: str,
    json_: bool,
) -> None:
    with stderr().status(f"Ingesting {len(files)} file(s) on Spark ({master})..."):
        report = nav.ingest_postings_spark(files, out, mapping=mapping, master=master)
    if json_:
        emit_json(report.to_dict())
        return
    _print_reports(
        f"Ingested {len(report.files)} file(s) on Spark in {report.seconds:.1f} s",
        "kept",
        report.files,
    )
    if all(r.already_ingested for r in report.files):
        stdout().print("Every file was ingested before: nothing written, nothing added.")
    else:
        stdout().print(
            f"Parquet written to {out}; {report.added:,} posting(s) added to the market "
            "database"
            + (f", {report.already_stored:,} already there." if report.already_stored else ".")
        )


def demand_command(
    ctx: typer.Context,
    role: str | None = typer.Option(None, "--role", help="A role id (certpath roles list)."),
    seniority: str | None = typer.Option(None, "--seniority", help="entry ... executive."),
    period: str | None = typer.Option(None, "--period", help="YYYY or YYYY-MM."),
    top: int = typer.Option(25, "--top", min=1, help="How many skills."),
    inferred: bool = typer.Option(
        False, "--inferred", help="Also count skills implied by more specific ones."
    ),
    json_: bool = typer.Option(False, "--json", help="Print JSON."),
    plot: Path | None = typer.Option(None, "--plot", help="Write a bar chart (.png or .svg)."),
    engine: EngineChoice = ENGINE,
    parquet: Path | None = PARQUET,
    master: str = MASTER,
) -> None:
    """The share of postings that mention each skill, with counts.

    From your ingested postings when any match the filters, else from the packaged aggregates.
    With --engine spark the same named queries run on Apache Spark over the Parquet folder.

    Example:

        certpath market demand --role ml-engineer --seniority senior --top 15
        certpath market demand --engine spark --parquet pq/ --top 15
    """
    nav: Navigator = ctx.obj
    if role:
        role = nav.role(role).id
    with _answering(nav, engine, parquet, master) as runner:
        result = nav.demand(
            runner, role=role, seniority=seniority, period=period, top=top, inferred=inferred
        )
    labels = _labels(nav)
    _output(
        result,
        json_,
        plot,
        "Skill demand" + _where(role, seniority, period),
        ["skill", "share", "postings with skill", "postings"],
        [
            (
                labels.get(r["skill"], r["skill"]),
                _pct(r["share"]),
                r["postings_with_skill"],
                r["postings_total"],
            )
            for r in result.rows
        ],
        [(labels.get(r["skill"], r["skill"]), r["share"]) for r in result.rows],
        "share of postings",
    )


def cooccur_command(
    ctx: typer.Context,
    skill: str = typer.Argument(..., help="A skill id, label or alias."),
    role: str | None = typer.Option(None, "--role", help="A role id."),
    top: int = typer.Option(20, "--top", min=1, help="How many skills."),
    min_support: int = typer.Option(
        5, "--min-support", min=1, help="Leave out pairs seen in fewer postings."
    ),
    by_count: bool = typer.Option(False, "--by-count", help="Order by count instead of lift."),
    inferred: bool = typer.Option(False, "--inferred", help="Count inferred skills too."),
    json_: bool = typer.Option(False, "--json", help="Print JSON."),
    plot: Path | None = typer.Option(None, "--plot", help="Write a bar chart of lift."),
    engine: EngineChoice = ENGINE,
    parquet: Path | None = PARQUET,
    master: str = MASTER,
) -> None:
    """The skills most often asked together with SKILL: count, share and lift.

    Lift = P(other | SKILL) / P(other): above 1 means asked together more than chance.

    Example:

        certpath market cooccur pytorch --min-support 10 --top 10
        certpath market cooccur python --engine spark --parquet pq/
    """
    nav: Navigator = ctx.obj
    skill_id = nav.skill(skill).id
    if role:
        role = nav.role(role).id
    with _answering(nav, engine, parquet, master) as runner:
        result = nav.cooccurrence(
            skill_id,
            runner,
            role=role,
            top=top,
            min_support=min_support,
            inferred=inferred,
            sort="count" if by_count else "lift",
        )
    labels = _labels(nav)
    _output(
        result,
        json_,
        plot,
        f"Asked together with {labels.get(skill_id, skill_id)}" + _where(role, None, None),
        ["skill", "postings with both", "share", "lift"],
        [
            (
                labels.get(r["skill"], r["skill"]),
                r["postings_with_both"],
                _pct(r["share"]),
                f"{r['lift']:.2f}",
            )
            for r in result.rows
        ],
        [(labels.get(r["skill"], r["skill"]), r["lift"]) for r in result.rows],
        "lift",
    )


def certs_command(
    ctx: typer.Context,
    role: str | None = typer.Option(None, "--role", help="A role id."),
    by_role: bool = typer.Option(False, "--by-role", help="Break the counts down by role."),
    json_: bool = typer.Option(False, "--json", help="Print JSON."),
    plot: Path | None = typer.Option(None, "--plot", help="Write a bar chart (.png or .svg)."),
    engine: EngineChoice = ENGINE,
    parquet: Path | None = PARQUET,
    master: str = MASTER,
) -> None:
    """Certifications named in postings (and generic "AWS certification"-style mentions).

    Example:

        certpath market certs --by-role
        certpath market certs --by-role --engine spark --parquet pq/
    """
    nav: Navigator = ctx.obj
    if role:
        role = nav.role(role).id
    with _answering(nav, engine, parquet, master) as runner:
        result = nav.cert_mentions(runner, role=role, by_role=by_role)
    names = {c.id: c.name for c in nav.catalog.certifications.values()}

    def name(cert: str) -> str:
        if cert.startswith("ecosystem:"):
            return f"any {cert.split(':', 1)[1]} certification"
        return names.get(cert, cert)

    _output(
        result,
        json_,
        plot,
        "Certifications named in postings" + _where(role, None, None),
        ["role", "certification", "postings naming it", "share", "postings"],
        [
            (
                r["role"] or "all",
                name(r["cert"]),
                r["postings_with_cert"],
                _pct(r["share"]),
                r["postings_total"],
            )
            for r in result.rows
        ],
        [(name(r["cert"]), r["share"]) for r in result.rows if not r["role"]][:25]
        or [(f"{r['role']}: {name(r['cert'])}", r["share"]) for r in result.rows][:25],
        "share of postings",
    )


# --------------------------------------------------------------------------- rendering


def _labels(nav: Navigator) -> dict[str, str]:
    return {key: skill.label for key, skill in nav.catalog.skills.items()}


def _pct(share: float | None) -> str:
    return "—" if share is None else f"{share:.1%}"


def _where(role: str | None, seniority: str | None, period: str | None) -> str:
    parts = [p for p in (role, seniority, period) if p]
    return f" ({', '.join(parts)})" if parts else ""


def _output(
    result: Answer,
    json_: bool,
    plot: Path | None,
    title: str,
    columns: list[str],
    rows: list[tuple[Any, ...]],
    bars: list[tuple[str, float]],
    axis: str,
) -> None:
    if plot is not None:
        _plot(plot, title, bars, axis, result.source_note)
    if json_:
        emit_json(result.to_dict())
        return
    console = stdout()
    title = escape(title)  # data (titles, skills, places) are text, not markup
    if rows:
        cells = [tuple(escape(c) if isinstance(c, str) else c for c in row) for row in rows]
        console.print(table(title, columns, cells))
    else:
        console.print(f"{title}: nothing found.")
    for note in result.notes:
        console.print(f"[yellow]Note:[/] {escape(str(note))}")
    console.print(f"Source: {escape(str(result.source_note))}.")
    if plot is not None:
        console.print(f"Chart written to {escape(str(plot))}.")


def _plot(path: Path, title: str, bars: list[tuple[str, float]], axis: str, note: str) -> None:
    if path.suffix.lower() not in (".png", ".svg"):
        raise InputError(f"--plot {path}: give a .png or .svg file")
    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        raise MissingExtraError("plots", "plot") from None
    labels = [label for label, _ in reversed(bars)]
    values = [value or 0.0 for _, value in reversed(bars)]
    figure, axes = plt.subplots(figsize=(8, max(2.5, 0.3 * len(bars) + 1.2)))
    axes.barh(labels, values, color="#4c72b0")
    axes.set_xlabel(axis)
    axes.set_title(title, loc="left")
    figure.text(0.01, 0.01, f"Source: {note}", fontsize=7, color="#555555")
    figure.tight_layout(rect=(0, 0.03, 1, 1))
    try:
        figure.savefig(path)
    except OSError as error:
        raise InputError(f"--plot {path}: cannot write ({error})") from None
    finally:
        plt.close(figure)
