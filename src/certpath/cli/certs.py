"""``certpath certs``: list certifications with filters, show one with every fact and its source."""

from __future__ import annotations

from enum import StrEnum

import typer
from rich.console import Group
from rich.panel import Panel
from rich.text import Text

from certpath.api import Navigator
from certpath.catalog.models import CertCategory, Certification, CertLevel, Ecosystem, Sourced
from certpath.catalog.query import CertFilter
from certpath.cli.render import emit_json, money, provenance, stdout, table, validity_text

app = typer.Typer(help="Browse certifications.", no_args_is_help=True)


class StatusChoice(StrEnum):
    CURRENT = "current"
    ACTIVE = "active"
    BETA = "beta"
    RETIRING = "retiring"
    RETIRED = "retired"
    UNKNOWN = "unknown"


@app.command("list")
def list_(
    ctx: typer.Context,
    ecosystem: Ecosystem | None = typer.Option(None, "--ecosystem", help="Provider ecosystem."),
    category: CertCategory | None = typer.Option(None, "--category"),
    level: CertLevel | None = typer.Option(None, "--level"),
    status: StatusChoice | None = typer.Option(
        None, "--status", help="Lifecycle state; 'current' means active or beta."
    ),
    role: str | None = typer.Option(
        None, "--role", help="Role id: certs it targets or recommends."
    ),
    skill: str | None = typer.Option(None, "--skill", help="Skill id or name the exam covers."),
    json_: bool = typer.Option(False, "--json", help="Print JSON (every fact)."),
) -> None:
    """List certifications, filtered.

    Example:

        certpath certs list --ecosystem aws --status current
    """
    nav: Navigator = ctx.obj
    where = CertFilter(
        ecosystem=ecosystem.value if ecosystem else None,
        category=category.value if category else None,
        level=level.value if level else None,
        status=status.value if status else None,
        role=role,
        skill=skill,
    )
    certs = nav.certifications(where)
    if json_:
        emit_json([cert.model_dump(mode="json") for cert in certs])
        return
    stdout().print(
        table(
            f"{len(certs)} certification(s)",
            ["id", "exam", "name", "ecosystem", "category", "level", "status", "cost"],
            (
                (
                    cert.id,
                    cert.exam_code,
                    cert.name,
                    cert.ecosystem.value,
                    cert.category.value,
                    cert.level.value if cert.level else None,
                    _status(cert),
                    money(cert.exam.cost_usd),
                )
                for cert in certs
            ),
        )
    )


@app.command()
def show(
    ctx: typer.Context,
    key: str = typer.Argument(..., help="Certification id, exam code or name, any case."),
    json_: bool = typer.Option(False, "--json", help="Print JSON (every fact and source)."),
) -> None:
    """Show every fact of one certification, with its sources and verification date.

    Example:

        certpath certs show mls-c01
    """
    nav: Navigator = ctx.obj
    cert = nav.certification(key)
    if json_:
        emit_json(cert.model_dump(mode="json"))
        return
    console = stdout()
    header = Text(cert.name, style="bold")
    header.append(f"  ({cert.id}" + (f", exam {cert.exam_code})" if cert.exam_code else ")"))
    console.print(header)
    console.print(
        f"{cert.provider} · {cert.ecosystem.value} · {cert.category.value}"
        + (f" · {cert.level.value}" if cert.level else "")
        + f" · {cert.credential_type.value} · confidence {cert.confidence}"
    )
    if not cert.verified:
        console.print(
            "[yellow]Unverified: no facts about this programme were found in any source.[/]"
        )
    console.print(_status_panel(nav, cert))
    exam = cert.exam
    facts = [
        ("cost", money(exam.cost_usd) + (f" ({exam.cost_note})" if exam.cost_note else "")),
        ("duration", f"{exam.minutes} min" if exam.minutes else None),
        ("questions", _questions(cert)),
        ("passing score", exam.passing_score),
        ("formats", ", ".join(exam.formats) or None),
        ("delivery", exam.delivery),
    ]
    console.print(_facts_panel("Exam", facts, exam))
    validity = cert.validity
    console.print(
        _facts_panel(
            "Validity",
            [
                ("valid for", validity_text(cert)),
                ("renewal", validity.renewal_method),
                (
                    "renewal cost",
                    money(validity.renewal_cost_usd)
                    if validity.renewal_cost_usd is not None
                    else None,
                ),
            ],
            validity,
        )
    )
    experience = cert.recommended_experience
    if experience:
        console.print(_facts_panel("Recommended experience", [("", experience.text)], experience))
    if cert.prerequisites:
        console.print("Prerequisites: " + ", ".join(cert.prerequisites))
    if cert.domains and cert.domains.items:
        rows = [
            (
                d.name,
                _weight(d.weight_min, d.weight_max, d.scored_items),
                ", ".join(d.skills),
            )
            for d in cert.domains.items
        ]
        console.print(
            table(
                f"Exam domains ({cert.domains.as_of or 'version not stated'}; "
                f"{provenance(cert.domains)})",
                ["domain", "weight", "skills"],
                rows,
            )
        )
        for line in _source_lines(cert.domains):
            console.print(line)
    if cert.prep_hours:
        p = cert.prep_hours
        console.print(
            _facts_panel("Preparation", [("hours", f"{p.low:g}–{p.high:g}"), ("note", p.note)], p)
        )
    if cert.target_roles:
        console.print("Target roles: " + ", ".join(cert.target_roles))
    if cert.official_url:
        console.print(f"Official page: {cert.official_url}")


def _status(cert: Certification) -> str:
    state = cert.status.state.value
    if cert.status.date and not cert.current:
        state += f" {cert.status.date.isoformat()}"
    if cert.status.successor:
        state += f" → {cert.status.successor}"
    return state


def _status_panel(nav: Navigator, cert: Certification) -> Panel:
    status = cert.status
    lines = [
        f"state: {status.state.value}" + (f" ({status.date.isoformat()})" if status.date else "")
    ]
    if not cert.current and status.state.value != "unknown":
        lines[0] = (
            f"[bold red]{status.state.value.upper()}[/] on {status.date}: "
            "this exam can no longer be taken."
        )
    if status.successor:
        successor = nav.catalog.certifications.get(status.successor)
        name = successor.name if successor else status.successor
        lines.append(f"successor: {name} ({status.successor})")
    if status.successor_note:
        lines.append(f"successor note: {status.successor_note}")
    if status.note:
        lines.append(f"note: {status.note}")
    return Panel(Group(*lines, *_source_lines(status)), title="Status", title_align="left")


def _facts_panel(title: str, facts: list[tuple[str, str | None]], group: Sourced) -> Panel:
    lines = [
        f"{name}: {value}" if name else str(value)
        for name, value in facts
        if value not in (None, "—")
    ]
    if not lines:
        lines = ["not published or not verified"]
    return Panel(Group(*lines, *_source_lines(group)), title=title, title_align="left")


def _source_lines(group: Sourced) -> list[str]:
    lines = []
    if group.conflict:
        lines.append(f"[yellow]conflict:[/] {group.conflict}")
    if group.verified_on or group.sources:
        lines.append(f"[dim]verified {group.verified_on or 'never'}; sources:[/]")
        lines += [f"[dim]  {url}[/]" for url in group.sources]
    return lines


def _questions(cert: Certification) -> str | None:
    exam = cert.exam
    text = str(exam.questions) if exam.questions else None
    if exam.questions_range:
        text = f"{exam.questions_range[0]}–{exam.questions_range[1]}"
    if exam.questions_note:
        text = f"{text} ({exam.questions_note})" if text else exam.questions_note
    return text


def _weight(low: float | None, high: float | None, items: tuple[int, int] | None) -> str:
    if low is None and high is None:
        if items is None:
            return "—"
        return (
            f"{items[0]} scored items"
            if items[0] == items[1]
            else f"{items[0]}–{items[1]} scored items"
        )
    if low == high or high is None:
        return f"{low:g}%"
    return f"{low:g}–{high:g}%"
