"""``certpath plan`` and ``certpath assess``: the main job, from a resume or profile to a plan.

Parse the options, call :meth:`Navigator.plan` / :meth:`Navigator.assess`, and render the
result: a Rich rendering for people, or one of the exports (Markdown, HTML, JSON, iCalendar)
from :mod:`certpath.plan.exporters`, to standard output or a file.
"""

from __future__ import annotations

import datetime as dt
import re
import sys
from collections.abc import Callable, Iterable
from enum import StrEnum
from pathlib import Path

import typer
from rich.console import Console, Group, RenderableType
from rich.markup import escape
from rich.table import Table
from rich.text import Text

from certpath.api import Navigator
from certpath.assess.models import Assessment, RoleFit
from certpath.catalog.models import Stage
from certpath.cli.render import emit_json, stderr, stdout, table
from certpath.errors import InputError
from certpath.plan import exporters
from certpath.plan.models import Plan


class Cloud(StrEnum):
    AWS = "aws"
    AZURE = "azure"
    GCP = "gcp"
    DATABRICKS = "databricks"
    ANY = "any"


class Format(StrEnum):
    TEXT = "text"
    MD = "md"
    HTML = "html"
    JSON = "json"
    ICS = "ics"


ALTERNATIVES_SHOWN = 5
"""How many rejected certifications the text output lists (the exports list all)."""

_COUNTRY = re.compile(r"^[A-Za-z]{2}$")

_SOURCE_HELP = (
    "A resume (text, Markdown, PDF, DOCX, HTML, JSON Resume, LinkedIn export) or a "
    "YAML/JSON profile."
)


SOURCE = typer.Argument(
    ...,
    exists=True,
    dir_okay=False,
    readable=True,
    metavar="RESUME|PROFILE",
    help=_SOURCE_HELP,
)
TARGET = typer.Option(
    None, "--target", help="Target role id or title (default: the best-fitting role)."
)


def plan(
    ctx: typer.Context,
    source: Path = SOURCE,
    target: str | None = TARGET,
    cloud: Cloud | None = typer.Option(
        None, "--cloud", help="Cloud ecosystem to go deep in (default: the profile's, else any)."
    ),
    hours: float | None = typer.Option(
        None, "--hours", min=0.5, max=80, help="Hours per week for study and projects."
    ),
    budget: float | None = typer.Option(
        None, "--budget", min=0, help="Money for exam fees, in US dollars."
    ),
    deadline: str | None = typer.Option(
        None, "--deadline", metavar="DATE", help="Finish by this date (YYYY-MM-DD)."
    ),
    location: str | None = typer.Option(
        None, "--location", metavar="CC", help="Country for the salary, ISO code (e.g. US, DE)."
    ),
    stage: Stage | None = typer.Option(
        None, "--stage", help="Career stage, instead of the one inferred from the profile."
    ),
    start: str | None = typer.Option(
        None, "--start", metavar="DATE", help="First day of the plan (YYYY-MM-DD; default today)."
    ),
    format_: Format = typer.Option(Format.TEXT, "--format", "-f", help="Output format."),
    out: Path | None = typer.Option(
        None, "--out", "-o", dir_okay=False, help="Write the output to this file."
    ),
    json_: bool = typer.Option(
        False, "--json", help="Print the full plan as JSON (--format json)."
    ),
) -> None:
    """Build a career plan: role fit, gaps, certifications, projects, schedule and salary.

    Reads a resume or a profile, assesses it against every role, and plans the move to the
    target role within the weekly hours, budget and deadline. Every figure says where it comes
    from; the defaults applied are stated. --format md/html/json/ics export the plan (ics: a
    calendar of the schedule and milestones), --out writes it to a file.

    Example:

        certpath plan examples/career-changer-resume.md --target ml-engineer --cloud aws --hours 6
        certpath plan examples/mid-data-scientist.yaml --format ics --out plan.ics
    """
    if json_:
        if format_ not in (Format.TEXT, Format.JSON):
            raise InputError(f"--json conflicts with --format {format_.value}; use one of them")
        format_ = Format.JSON
    first, last = _date("--start", start), _date("--deadline", deadline)
    if first is not None and last is not None and last <= first:
        raise InputError(f"--deadline {last} is not after --start {first}; give a later deadline")
    nav: Navigator = ctx.obj
    # None means "not given": the engine takes the value from the profile, else its default,
    # and lists the defaults it applied.
    result = nav.plan(
        source,
        target=target,
        cloud=cloud.value if cloud else None,
        hours=hours,
        budget=budget,
        deadline=last,
        location=_country(location),
        stage=stage,
        start=first,
    )
    _emit(result, format_, out)


def assess(
    ctx: typer.Context,
    source: Path = SOURCE,
    target: str | None = TARGET,
    top: int = typer.Option(15, "--top", min=1, help="How many roles to list (text output)."),
    json_: bool = typer.Option(False, "--json", help="Print the full assessment as JSON."),
) -> None:
    """Assess a resume or profile: fit to every role, and the gaps for the target role.

    Each fit lists the weighted skills the profile shows (with the line that shows each) and
    those it lacks; each gap carries the market evidence behind its weight.

    Example:

        certpath assess examples/career-changer-resume.md --target ml-engineer --json
    """
    nav: Navigator = ctx.obj
    assessment = nav.assess(source, target=target)
    if json_:
        emit_json(assessment.model_dump(mode="json"))
        return
    console = stdout()
    for part in _assessment_parts(assessment, top):
        console.print(part)


# ---------------------------------------------------------------------------- options


def _date(option: str, value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError:
        raise InputError(f"{option} {value!r} is not a date; write it as YYYY-MM-DD") from None


def _country(value: str | None) -> str | None:
    if value is None:
        return None
    if not _COUNTRY.match(value.strip()):
        raise InputError(
            f"--location {value!r} is not a two-letter country code (ISO 3166), e.g. US or DE"
        )
    return value.strip().upper()


# ---------------------------------------------------------------------------- output


_EXPORTERS: dict[Format, Callable[[Plan], str | bytes]] = {
    Format.MD: exporters.to_markdown,
    Format.HTML: exporters.to_html,
    Format.JSON: exporters.to_json,
    Format.ICS: exporters.to_ics,
}


def _emit(result: Plan, format_: Format, out: Path | None) -> None:
    if format_ == Format.TEXT:
        if out is None:
            _print_plan(stdout(), result)
            return
        with out.open("w", encoding="utf-8") as handle:
            console = Console(
                file=handle, width=100, color_system=None, highlight=False, soft_wrap=False
            )
            _print_plan(console, result)
    else:
        data = _EXPORTERS[format_](result)
        if out is None:
            if isinstance(data, bytes):
                sys.stdout.flush()
                sys.stdout.buffer.write(data)
                sys.stdout.buffer.flush()
            else:
                sys.stdout.write(data if data.endswith("\n") else data + "\n")
            return
        if isinstance(data, bytes):
            out.write_bytes(data)
        else:
            out.write_text(data if data.endswith("\n") else data + "\n", encoding="utf-8")
    stderr().print(f"Wrote the plan ({format_.value}) to {escape(str(out))}")


def _heading(text: str) -> Text:
    return Text("\n" + text, style="bold underline")


def _note(text: str) -> Text:
    return Text(text, style="dim")


def _facts(rows: Iterable[tuple[str, str]]) -> Table:
    grid = Table.grid(padding=(0, 2))
    grid.add_column(style="bold", no_wrap=True)
    grid.add_column(overflow="fold")
    for label, value in rows:
        grid.add_row(Text(label), Text(value))
    return grid


def _bullets(items: Iterable[str], indent: int = 2) -> list[RenderableType]:
    """Bulleted lines whose wrapped continuation lines hang under the text."""
    grid = Table.grid(padding=(0, 1, 0, 0))
    grid.add_column(width=indent + 1, justify="right", no_wrap=True)
    grid.add_column(overflow="fold")
    for item in items:
        grid.add_row("•", Text(item))
    return [grid] if grid.row_count else []


def _bar(score: float, width: int = 10) -> str:
    filled = round(max(0.0, min(100.0, score)) / 100 * width)
    return "█" * filled + "░" * (width - filled)


def _fit_table(fits: list[RoleFit], target: str) -> Table:
    return table(
        None,
        ["role", "fit", "shown", "top missing"],
        (
            (
                escape(fit.title) + (" [bold](target)[/]" if fit.role == target else ""),
                f"{_bar(fit.score)} {fit.score:.0f}",
                f"{len(fit.present)}/{len(fit.present) + len(fit.missing)}",
                escape(", ".join(v.label for v in fit.missing[:3]) or "—"),
            )
            for fit in fits
        ),
    )


def _assessment_parts(assessment: Assessment, top: int) -> list[RenderableType]:
    profile = assessment.profile
    title = next((f.title for f in assessment.fits if f.role == assessment.target_role), None)
    parts: list[RenderableType] = [
        Text(f"Assessment of {profile.name or profile.source}", style="bold"),
        Text(f"Stage: {assessment.stage.value} ({assessment.stage_reason})"),
        Text(f"Target: {title or assessment.target_role} ({assessment.target_reason})"),
    ]
    if profile.defaults_applied:
        parts.append(_note("Defaults applied: " + "; ".join(profile.defaults_applied)))
    parts += [
        _heading("Fit by role"),
        _note(exporters.FIT_BASIS),
        _fit_table(assessment.fits[:top], assessment.target_role),
    ]
    parts += _evidence_parts(assessment)
    parts += _gap_parts(assessment)
    return parts


def _evidence_parts(assessment: Assessment) -> list[RenderableType]:
    """The target role's skills the profile shows, each with the line that shows it."""
    target_fit = next((f for f in assessment.fits if f.role == assessment.target_role), None)
    if target_fit is None or not target_fit.present:
        return []
    return [
        Text(f"What shows the fit for {target_fit.title}:"),
        *_bullets(
            f"{v.label} ({v.importance.value})"
            + (f" via {v.via}" if v.via else "")
            + (f': "{v.evidence}"' if v.evidence else "")
            for v in target_fit.present
        ),
    ]


def _gap_parts(assessment: Assessment) -> list[RenderableType]:
    parts: list[RenderableType] = [_heading("Gaps for the target role")]
    if not assessment.gaps:
        return [*parts, Text("The profile shows every skill of the target role.")]
    sources = exporters.gap_sources(assessment)
    return [
        *parts,
        _note(exporters.GAP_BASIS),
        table(
            None,
            ["#", "skill", "importance", "weight", "market evidence", "source"],
            (
                (
                    rank,
                    escape(gap.label),
                    gap.importance.value,
                    f"{gap.weight:.2f}",
                    escape(gap.evidence),
                    f"\\[{sources[gap.source]}]",
                )
                for rank, gap in enumerate(assessment.gaps, 1)
            ),
        ),
        Text("Sources:"),
        *_bullets(f"[{number}] {source}" for source, number in sources.items()),
    ]


def _print_plan(console: Console, result: Plan) -> None:
    for part in _plan_parts(result):
        console.print(part)


def _plan_parts(result: Plan) -> list[RenderableType]:
    assessment = result.assessment
    profile = assessment.profile
    parts: list[RenderableType] = [
        Text(exporters.plan_title(result), style="bold"),
        _note(f"Generated by certpath on {result.generated_on.isoformat()}."),
        _heading("Summary"),
        _facts(exporters.summary_facts(result)),
    ]
    if profile.defaults_applied:
        parts.append(Text("Defaults applied:"))
        parts += _bullets(profile.defaults_applied)

    parts += [
        _heading("Fit by role"),
        _note(f"Top {exporters.TOP_FITS}; {exporters.FIT_BASIS}."),
        _fit_table(exporters.top_fits(result), assessment.target_role),
        *_evidence_parts(assessment),
    ]
    parts += _gap_parts(assessment)

    parts.append(_heading("Certifications"))
    if not result.certifications:
        parts.append(Text("No certification is recommended (see the assumptions)."))
    for cert in sorted(result.certifications, key=lambda c: c.order):
        code = f" ({cert.exam_code})" if cert.exam_code else ""
        rows = [
            *exporters.cert_facts(cert),
            ("Closes", exporters.labelled(result, cert.closes)),
            ("Sources", "\n".join(cert.sources) or "none"),
        ]
        parts += [Text(f"{cert.order}. {cert.name}{code}", style="bold"), _facts(rows)]

    parts.append(_heading("Alternatives considered"))
    shown = result.alternatives[:ALTERNATIVES_SHOWN]
    parts += _bullets(f"{alt.name} ({alt.cert}): {alt.reason}" for alt in shown) or [Text("None.")]
    if len(result.alternatives) > len(shown):
        parts.append(
            _note(
                f"… and {len(result.alternatives) - len(shown)} more; "
                "--format md, html or json lists them all."
            )
        )

    parts.append(_heading("Portfolio projects"))
    if not result.projects:
        parts.append(Text("None."))
    for number, project in enumerate(result.projects, 1):
        rows = [
            ("Why", project.why),
            ("Proves", exporters.labelled(result, project.closes)),
            ("Time", f"{exporters.hours(project.hours)} ({exporters.PROJECT_HOURS_BASIS})"),
        ]
        parts += [
            Text(f"{number}. {project.title}", style="bold"),
            _facts(rows),
            Group(Text("Deliverables:"), *_bullets(project.deliverables, indent=4)),
        ]

    parts.append(_heading("Transition path"))
    if result.transition_path:
        parts.append(_note(exporters.TRANSITION_BASIS))
        parts += [
            Text(
                f"  {number}. {exporters.role_title(result, step.source)} → "
                f"{exporters.role_title(result, step.target)}: "
                f"{step.years_low:g}–{step.years_high:g} years; adds "
                f"{exporters.labelled(result, step.skills)}"
            )
            for number, step in enumerate(result.transition_path, 1)
        ]
    else:
        parts.append(Text(exporters.no_path_text(result)))

    parts += [
        _heading("Schedule"),
        _note(
            f"Weeks grouped by activity; within {exporters.hours(profile.hours_per_week)} per "
            "week. The md, html and ics formats list every week."
        ),
        table(
            None,
            ["weeks", "dates", "kind", "activity", "hours"],
            (
                (
                    block.weeks,
                    f"{block.start.isoformat()} – {block.end.isoformat()}",
                    block.kind,
                    escape(block.activity),
                    f"{block.hours:g}",
                )
                for block in exporters.schedule_blocks(result.schedule)
            ),
        ),
        _heading("Milestones"),
        table(
            None,
            ["date", "kind", "milestone"],
            (
                (m.date.isoformat(), m.kind, escape(m.text))
                for m in sorted(result.milestones, key=lambda m: (m.date, m.kind))
            ),
        ),
        _heading("Salary"),
    ]
    if result.salary is None:
        parts.append(Text("No salary figure: the market layer has no records for this role."))
    else:
        title = exporters.role_title(result, result.salary.role)
        parts.append(_facts(exporters.salary_facts(result.salary, title)))

    parts.append(_heading("Assumptions"))
    if profile.defaults_applied:
        parts.append(_note("The defaults applied are listed with the summary."))
    parts += _bullets(exporters.other_assumptions(result)) or [Text("None.")]
    return parts
