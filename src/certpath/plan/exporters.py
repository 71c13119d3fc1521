"""Exports of a plan: Markdown, a self-contained HTML page, JSON and an iCalendar file.

The last step of the planning flow (assessment -> plan -> exports): pure functions from a
:class:`~certpath.plan.models.Plan` to text or bytes, called by the CLI, the web app and the
golden tests. Every figure is written next to where it comes from.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import html
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from urllib.parse import urlsplit

from icalendar import Calendar, Event

from certpath.assess.models import Assessment, RoleFit
from certpath.plan.models import CertChoice, Milestone, Plan, SalaryFigure, ScheduleItem

PRODID = "-//certpath//plan//EN"
"""The iCalendar product id of every exported calendar."""

TOP_FITS = 5
"""How many roles the fit sections show (the JSON export has every role)."""

FIT_BASIS = (
    "score = weighted share of the role's catalog skills the profile shows "
    "(weights: the catalog's importance levels)"
)
GAP_BASIS = "weight = the role's importance of the skill × its market demand for the role"
TRANSITION_BASIS = "years and skills per move from the catalog's career graph"
PROJECT_HOURS_BASIS = "planned hours, from the catalog's project template"


# ---------------------------------------------------------------------------- shared pieces


@dataclass(frozen=True, slots=True)
class ScheduleBlock:
    """Consecutive weeks spent on the same activity kind and reference, for compact views."""

    kind: str
    ref: str | None
    first_week: int
    last_week: int
    start: dt.date
    end: dt.date
    hours: float
    activities: tuple[str, ...]

    @property
    def weeks(self) -> str:
        if self.first_week == self.last_week:
            return str(self.first_week)
        return f"{self.first_week}–{self.last_week}"

    @property
    def activity(self) -> str:
        """The first activity, with how many others follow when they differ."""
        more = len(self.activities) - 1
        return self.activities[0] + (f" (+{more} more)" if more else "")


def schedule_blocks(schedule: Sequence[ScheduleItem]) -> list[ScheduleBlock]:
    """Group consecutive weeks of the same kind and reference into blocks, by first week.

    Two items of the same kind and reference are in one block when the later one starts in the
    same week as the block's last week or the week after it.
    """
    open_blocks: dict[tuple[str, str | None], ScheduleBlock] = {}
    closed: list[ScheduleBlock] = []
    for item in sorted(schedule, key=lambda item: (item.week, item.start)):
        key = (item.kind, item.ref)
        block = open_blocks.get(key)
        if block is not None and item.week <= block.last_week + 1:
            activities = block.activities
            if item.activity not in activities:
                activities = (*activities, item.activity)
            open_blocks[key] = ScheduleBlock(
                item.kind,
                item.ref,
                block.first_week,
                item.week,
                min(block.start, item.start),
                max(block.end, item.end),
                block.hours + item.hours,
                activities,
            )
            continue
        if block is not None:
            closed.append(block)
        open_blocks[key] = ScheduleBlock(
            item.kind,
            item.ref,
            item.week,
            item.week,
            item.start,
            item.end,
            item.hours,
            (item.activity,),
        )
    closed.extend(open_blocks.values())
    return sorted(closed, key=lambda block: (block.first_week, block.start, block.kind))


def usd(value: float | None) -> str:
    """Dollars for people: ``$1,204`` or ``$99.50``; an em dash when unknown."""
    if value is None:
        return "—"
    return f"${value:,.0f}" if float(value).is_integer() else f"${value:,.2f}"


def hours(value: float) -> str:
    return f"{value:g} h"


def top_fits(plan: Plan, count: int = TOP_FITS) -> list[RoleFit]:
    """The best ``count`` role fits, plus the target role's fit when it is not among them."""
    fits = list(plan.assessment.fits[:count])
    target = plan.assessment.target_role
    if all(fit.role != target for fit in fits):
        fits += [fit for fit in plan.assessment.fits if fit.role == target]
    return fits


def role_title(plan: Plan, role: str) -> str:
    """A role's title as the assessment knows it, else its id."""
    for fit in plan.assessment.fits:
        if fit.role == role:
            return fit.title
    return role


def skill_labels(plan: Plan) -> dict[str, str]:
    """Skill id -> label, from every verdict and gap of the plan."""
    labels: dict[str, str] = {}
    for fit in plan.assessment.fits:
        for verdict in (*fit.present, *fit.missing):
            labels.setdefault(verdict.skill, verdict.label)
    for gap in plan.assessment.gaps:
        labels.setdefault(gap.skill, gap.label)
    return labels


def labelled(plan: Plan, skills: Iterable[str]) -> str:
    """Comma-separated labels of skill ids (the id itself when no label is known)."""
    labels = skill_labels(plan)
    return ", ".join(labels.get(skill, skill) for skill in skills) or "—"


def no_path_text(plan: Plan) -> str:
    """Why the transition path is empty, in words."""
    profile = plan.assessment.profile
    if profile.current_role is None:
        return "No transition path: the current title matches no catalog role."
    if profile.current_role == plan.assessment.target_role:
        return "No transition path: the current role is the target role."
    return (
        f"No intermediate role between {role_title(plan, profile.current_role)} and "
        f"{role_title(plan, plan.assessment.target_role)} (see the assumptions)."
    )


def other_assumptions(plan: Plan) -> list[str]:
    """The plan's assumptions, less the defaults already listed with the summary."""
    defaults = set(plan.assessment.profile.defaults_applied)
    return [item for item in plan.assumptions if item not in defaults]


def gap_sources(assessment: Assessment) -> dict[str, int]:
    """The distinct sources of the gaps' figures, numbered from 1 in order of first use (the
    gap tables cite ``[n]`` and list the sources once below)."""
    numbered: dict[str, int] = {}
    for gap in assessment.gaps:
        numbered.setdefault(gap.source, len(numbered) + 1)
    return numbered


def summary_facts(plan: Plan) -> list[tuple[str, str]]:
    """The summary as (label, value) rows; each value says where it comes from."""
    assessment = plan.assessment
    profile = assessment.profile
    defaults = " ".join(profile.defaults_applied).lower()

    def note(*names: str) -> str:
        # The engine lists the defaults it applied in words; name them beside the value too.
        return " (default)" if any(name in defaults for name in names) else ""

    current = profile.current_title or "—"
    if profile.current_role:
        current += f" (role: {role_title(plan, profile.current_role)})"
    if profile.years_experience is not None:
        current += f", {profile.years_experience:g} years of experience"
    known_costs = [cert.cost_usd for cert in plan.certifications if cert.cost_usd is not None]
    unknown_costs = len(plan.certifications) - len(known_costs)
    spend = f"{usd(sum(known_costs))} in exam fees (sum of the certifications below"
    spend += f"; {unknown_costs} fee(s) not published)" if unknown_costs else ")"
    total_hours = sum(item.hours for item in plan.schedule)
    first = min((item.start for item in plan.schedule), default=None)
    last = max((item.end for item in plan.schedule), default=None)
    length = "no schedule"
    if first and last:
        weeks = max(item.week for item in plan.schedule)
        length = (
            f"{weeks} week(s), {first.isoformat()} to {last.isoformat()}, "
            f"{hours(total_hours)} in total (sum of the schedule)"
        )
    deadline = profile.deadline.isoformat() if profile.deadline else "none given"
    rows = [("Person", profile.name)] if profile.name else []
    return [
        *rows,
        ("Read from", profile.source),
        ("Current", current),
        ("Career stage", f"{assessment.stage.value} ({assessment.stage_reason})"),
        (
            "Target role",
            f"{role_title(plan, assessment.target_role)} ({assessment.target_reason})",
        ),
        ("Cloud ecosystem", f"{profile.ecosystem}{note('ecosystem', 'cloud')}"),
        ("Weekly time", f"{hours(profile.hours_per_week)} per week{note('hours')}"),
        ("Budget", f"{usd(profile.budget_usd)}{note('budget')}; planned: {spend}"),
        ("Location", f"{profile.location or 'not given'}{note('location')}"),
        ("Deadline", f"{deadline}{note('deadline')}"),
        ("Plan length", length),
    ]


def salary_facts(salary: SalaryFigure, title: str | None = None) -> list[tuple[str, str]]:
    """The salary figure as (label, value) rows, with n, interval and source."""
    where = salary.country or "all countries"
    rows = [("Role", f"{title or salary.role} at {salary.level} level, {where}")]
    if not salary.enough_data:
        rows.append(
            ("Pay", f"not enough salary records to estimate (n = {salary.n}); no figure given")
        )
    else:
        rows.append(("Median", f"{usd(salary.median_usd)} a year (n = {salary.n:,})"))
        if salary.ci_low_usd is not None and salary.ci_high_usd is not None:
            rows.append(
                (
                    "Interval of the median",
                    f"{usd(salary.ci_low_usd)} – {usd(salary.ci_high_usd)}",
                )
            )
        if salary.p25_usd is not None and salary.p75_usd is not None:
            rows.append(("Middle half (p25–p75)", f"{usd(salary.p25_usd)} – {usd(salary.p75_usd)}"))
    if salary.premium_ratio is not None:
        premium = f"×{salary.premium_ratio:.2f} the current role's median"
        if salary.premium_ci is not None:
            premium += f" (interval ×{salary.premium_ci[0]:.2f} – ×{salary.premium_ci[1]:.2f})"
        if salary.premium_note:
            premium += f"; {salary.premium_note}"
        rows.append(("Premium of the move", premium))
    elif salary.premium_note:
        rows.append(("Premium of the move", salary.premium_note))
    rows.append(("Source", salary.source))
    return rows


def cert_facts(cert: CertChoice) -> list[tuple[str, str]]:
    """A certification's figures as (label, value) rows, each with its basis."""
    fee = usd(cert.cost_usd) if cert.cost_usd is not None else "not published"
    return [
        ("Why", cert.why),
        ("Cost", f"{fee} exam fee (its basis is given under Why; sources below)"),
        ("Preparation", f"{hours(cert.prep_hours)} — {cert.prep_hours_source}"),
        ("Validity", cert.validity),
        ("Gap weight covered", f"{cert.covered_weight:.2f} (sum of the weights of its gaps)"),
    ]


def is_web_url(text: str) -> bool:
    """True for an http(s) URL that is safe to link (no spaces or markup characters)."""
    parts = urlsplit(text)
    return (
        parts.scheme in {"http", "https"}
        and bool(parts.netloc)
        and not any(char in text for char in " <>\"'`\n\r\t")
    )


def plan_title(plan: Plan) -> str:
    who = plan.assessment.profile.name
    target = role_title(plan, plan.assessment.target_role)
    return f"Career plan{' for ' + who if who else ''}: {target}"


def _dates(start: dt.date, end: dt.date) -> str:
    return start.isoformat() if start == end else f"{start.isoformat()} – {end.isoformat()}"


# ---------------------------------------------------------------------------- Markdown


def _md(text: object) -> str:
    """Inline Markdown text: no line breaks, table pipes and HTML tags neutralised."""
    value = str(text).replace("\r", " ").replace("\n", " ")
    return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("|", "\\|")


def _md_link(url: str) -> str:
    return f"<{url}>" if is_web_url(url) else f"`{url.replace('`', '')}`"


def _md_table(columns: Sequence[str], rows: Iterable[Sequence[object]]) -> list[str]:
    lines = ["| " + " | ".join(columns) + " |", "|" + "---|" * len(columns)]
    lines += ["| " + " | ".join(_md(cell) for cell in row) + " |" for row in rows]
    return [*lines, ""]


def to_markdown(plan: Plan) -> str:
    """The plan as a Markdown document, one section per part, every figure with its source."""
    assessment = plan.assessment
    out: list[str] = [f"# {_md(plan_title(plan))}", ""]
    out += [f"Generated by certpath on {plan.generated_on.isoformat()}.", ""]

    out += ["## Summary", ""]
    out += _md_table(["", ""], summary_facts(plan))
    if assessment.profile.defaults_applied:
        out += ["Defaults applied:", ""]
        out += [f"- {_md(item)}" for item in assessment.profile.defaults_applied]
        out.append("")

    out += ["## Fit by role", "", f"Top {TOP_FITS} roles; {_md(FIT_BASIS)}.", ""]
    out += _md_table(
        ["Role", "Fit", "Skills shown", "Top missing"],
        (
            (
                fit.title + (" (target)" if fit.role == assessment.target_role else ""),
                f"{fit.score:.0f}/100",
                f"{len(fit.present)} of {len(fit.present) + len(fit.missing)}",
                ", ".join(v.label for v in fit.missing[:3]) or "—",
            )
            for fit in top_fits(plan)
        ),
    )
    target_fit = next((f for f in assessment.fits if f.role == assessment.target_role), None)
    if target_fit is not None and target_fit.present:
        out += [f"What shows the fit for {_md(target_fit.title)}:", ""]
        for verdict in target_fit.present:
            line = f"- **{_md(verdict.label)}** ({verdict.importance.value})"
            if verdict.via:
                line += f" via {_md(verdict.via)}"
            if verdict.evidence:
                line += f": “{_md(verdict.evidence)}”"
            out.append(line)
        out.append("")

    out += ["## Gaps for the target role", "", f"Highest weight first; {_md(GAP_BASIS)}.", ""]
    sources = gap_sources(assessment)
    if assessment.gaps:
        out += _md_table(
            ["#", "Skill", "Importance", "Weight", "Market evidence", "Source"],
            (
                (
                    rank,
                    gap.label,
                    gap.importance.value,
                    f"{gap.weight:.2f}",
                    gap.evidence,
                    f"[{sources[gap.source]}]",
                )
                for rank, gap in enumerate(assessment.gaps, 1)
            ),
        )
        out += ["Sources:", ""]
        out += [f"{number}. {_md(source)}" for source, number in sources.items()]
        out.append("")
    else:
        out += ["The profile shows every skill of the target role.", ""]

    out += ["## Certifications", ""]
    if not plan.certifications:
        out += ["No certification is recommended (see the assumptions).", ""]
    for cert in sorted(plan.certifications, key=lambda c: c.order):
        code = f" ({cert.exam_code})" if cert.exam_code else ""
        out += [f"### {cert.order}. {_md(cert.name)}{_md(code)}", ""]
        out += [f"- **{label}:** {_md(value)}" for label, value in cert_facts(cert)]
        out.append(f"- **Closes:** {_md(labelled(plan, cert.closes))}")
        out.append("- **Sources:** " + (", ".join(_md_link(s) for s in cert.sources) or "none"))
        out.append("")

    out += ["## Alternatives considered", ""]
    out += [
        f"- **{_md(alt.name)}** ({_md(alt.cert)}): {_md(alt.reason)}" for alt in plan.alternatives
    ] or ["None."]
    out.append("")

    out += ["## Portfolio projects", ""]
    if not plan.projects:
        out += ["None.", ""]
    for number, project in enumerate(plan.projects, 1):
        out += [f"### {number}. {_md(project.title)}", ""]
        out.append(f"- **Why:** {_md(project.why)}")
        out.append(f"- **Proves:** {_md(labelled(plan, project.closes))}")
        out.append(f"- **Time:** {hours(project.hours)} ({PROJECT_HOURS_BASIS})")
        out.append("- **Deliverables:**")
        out += [f"  - {_md(item)}" for item in project.deliverables]
        out.append("")

    out += ["## Transition path", ""]
    if plan.transition_path:
        out += [f"Through the career graph; {TRANSITION_BASIS}.", ""]
        for number, step in enumerate(plan.transition_path, 1):
            out.append(
                f"{number}. {_md(role_title(plan, step.source))} → "
                f"{_md(role_title(plan, step.target))}: {step.years_low:g}–{step.years_high:g} "
                f"years; adds {_md(labelled(plan, step.skills))}"
            )
        out.append("")
    else:
        out += [_md(no_path_text(plan)), ""]

    out += ["## Schedule", ""]
    out += [
        f"Dated weeks within {hours(assessment.profile.hours_per_week)} per week "
        "(the weekly time above).",
        "",
    ]
    out += _md_table(
        ["Week", "Dates", "Kind", "Activity", "Hours"],
        (
            (item.week, _dates(item.start, item.end), item.kind, item.activity, f"{item.hours:g}")
            for item in sorted(plan.schedule, key=lambda i: (i.week, i.start))
        ),
    )

    out += ["## Milestones", ""]
    out += _md_table(
        ["Date", "Kind", "Milestone"],
        ((m.date.isoformat(), m.kind, m.text) for m in sorted(plan.milestones, key=_by_date)),
    )

    out += ["## Salary", ""]
    if plan.salary is None:
        out += ["No salary figure: the market layer has no records for this role.", ""]
    else:
        out += _md_table(["", ""], salary_facts(plan.salary, role_title(plan, plan.salary.role)))

    out += ["## Assumptions", ""]
    if plan.assessment.profile.defaults_applied:
        out += ["The defaults applied are listed with the summary.", ""]
    out += [f"- {_md(item)}" for item in other_assumptions(plan)] or ["None."]
    out.append("")
    return "\n".join(out)


def _by_date(milestone: Milestone) -> tuple[dt.date, str]:
    return milestone.date, milestone.kind


# ---------------------------------------------------------------------------- HTML

_STYLE = """
body{font:15px/1.5 system-ui,-apple-system,"Segoe UI",sans-serif;color:#1d2433;margin:0;
background:#f6f7f9}
main{max-width:960px;margin:0 auto;padding:24px 20px 48px;background:#fff}
h1{font-size:1.6em;margin:.2em 0}h2{border-bottom:2px solid #dde3ec;padding-bottom:4px;
margin-top:1.8em}h3{margin-bottom:.3em}
table{border-collapse:collapse;width:100%;margin:.6em 0}
th,td{border:1px solid #dde3ec;padding:4px 8px;text-align:left;vertical-align:top}
th{background:#eef2f7}.meta,.basis{color:#5b6475;font-size:.9em}
.bar{background:#e6eaf0;border-radius:3px;height:10px;width:160px;display:inline-block;
vertical-align:middle;margin-right:6px}.bar span{display:block;height:100%;
border-radius:3px;background:#3b7dd8}.target{font-weight:600}
dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:2px 16px}
dl.facts dt{font-weight:600}dl.facts dd{margin:0}
@media print{body{background:#fff}main{padding:0}}
""".strip()


def _h(text: object) -> str:
    return html.escape(str(text), quote=True)


def _h_link(url: str) -> str:
    if is_web_url(url):
        return f'<a href="{_h(url)}" rel="noopener noreferrer">{_h(url)}</a>'
    return f"<code>{_h(url)}</code>"


def _h_facts(rows: Iterable[tuple[str, str]]) -> str:
    items = "".join(f"<dt>{_h(label)}</dt><dd>{_h(value)}</dd>" for label, value in rows)
    return f'<dl class="facts">{items}</dl>'


def _h_table(columns: Sequence[str], rows: Iterable[Sequence[str]]) -> str:
    """A table of already-escaped cells (callers escape with :func:`_h`)."""
    head = "".join(f"<th>{_h(column)}</th>" for column in columns)
    body = "".join("<tr>" + "".join(f"<td>{cell}</td>" for cell in row) + "</tr>" for row in rows)
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _h_list(items: Iterable[str], tag: str = "ul") -> str:
    """A list of already-escaped items."""
    return f"<{tag}>" + "".join(f"<li>{item}</li>" for item in items) + f"</{tag}>"


def _section(anchor: str, title: str, *parts: str) -> str:
    return f'<section id="{anchor}"><h2>{_h(title)}</h2>' + "".join(parts) + "</section>"


def _basis(text: str) -> str:
    return f'<p class="basis">{_h(text)}</p>'


def to_html(plan: Plan) -> str:
    """The plan as one self-contained HTML page (inline style, no scripts, all text escaped)."""
    assessment = plan.assessment
    sections: list[str] = []

    defaults = ""
    if assessment.profile.defaults_applied:
        defaults = "<p>Defaults applied:</p>" + _h_list(
            _h(item) for item in assessment.profile.defaults_applied
        )
    sections.append(_section("summary", "Summary", _h_facts(summary_facts(plan)), defaults))

    fit_rows = []
    for fit in top_fits(plan):
        score = max(0.0, min(100.0, fit.score))
        css = ' class="target"' if fit.role == assessment.target_role else ""
        title = _h(fit.title) + (" (target)" if fit.role == assessment.target_role else "")
        fit_rows.append(
            (
                f"<span{css}>{title}</span>",
                f'<span class="bar"><span style="width:{score:.0f}%"></span></span>{score:.0f}/100',
                _h(f"{len(fit.present)} of {len(fit.present) + len(fit.missing)}"),
                _h(", ".join(v.label for v in fit.missing[:3]) or "—"),
            )
        )
    target_fit = next((f for f in assessment.fits if f.role == assessment.target_role), None)
    shown = ""
    if target_fit is not None and target_fit.present:
        shown = f"<h3>What shows the fit for {_h(target_fit.title)}</h3>" + _h_list(
            f"<strong>{_h(v.label)}</strong> ({_h(v.importance.value)})"
            + (f" via {_h(v.via)}" if v.via else "")
            + (f": “{_h(v.evidence)}”" if v.evidence else "")
            for v in target_fit.present
        )
    sections.append(
        _section(
            "fit",
            "Fit by role",
            _basis(f"Top {TOP_FITS} roles; {FIT_BASIS}."),
            _h_table(["Role", "Fit", "Skills shown", "Top missing"], fit_rows),
            shown,
        )
    )

    sources = gap_sources(assessment)
    gaps = (
        _h_table(
            ["#", "Skill", "Importance", "Weight", "Market evidence", "Source"],
            (
                (
                    str(rank),
                    _h(gap.label),
                    _h(gap.importance.value),
                    f"{gap.weight:.2f}",
                    _h(gap.evidence),
                    f'<a href="#gap-source-{sources[gap.source]}">[{sources[gap.source]}]</a>',
                )
                for rank, gap in enumerate(assessment.gaps, 1)
            ),
        )
        + '<ol class="sources">'
        + "".join(
            f'<li id="gap-source-{number}">{_h(source)}</li>' for source, number in sources.items()
        )
        + "</ol>"
        if assessment.gaps
        else "<p>The profile shows every skill of the target role.</p>"
    )
    sections.append(
        _section("gaps", "Gaps for the target role", _basis(f"Highest first; {GAP_BASIS}."), gaps)
    )

    certs = []
    for cert in sorted(plan.certifications, key=lambda c: c.order):
        code = f" ({cert.exam_code})" if cert.exam_code else ""
        facts = [*cert_facts(cert), ("Closes", labelled(plan, cert.closes))]
        links = _h_list(_h_link(source) for source in cert.sources) if cert.sources else ""
        certs.append(
            f'<article class="cert"><h3>{cert.order}. {_h(cert.name + code)}</h3>'
            f"{_h_facts(facts)}<p>Sources:</p>{links or '<p>none</p>'}</article>"
        )
    sections.append(
        _section(
            "certifications",
            "Certifications",
            "".join(certs) or "<p>No certification is recommended (see the assumptions).</p>",
        )
    )

    alternatives = (
        _h_list(
            f"<strong>{_h(alt.name)}</strong> ({_h(alt.cert)}): {_h(alt.reason)}"
            for alt in plan.alternatives
        )
        if plan.alternatives
        else "<p>None.</p>"
    )
    sections.append(_section("alternatives", "Alternatives considered", alternatives))

    projects = []
    for number, project in enumerate(plan.projects, 1):
        facts = [
            ("Why", project.why),
            ("Proves", labelled(plan, project.closes)),
            ("Time", f"{hours(project.hours)} ({PROJECT_HOURS_BASIS})"),
        ]
        projects.append(
            f'<article class="project"><h3>{number}. {_h(project.title)}</h3>'
            f"{_h_facts(facts)}<p>Deliverables:</p>"
            f"{_h_list(_h(item) for item in project.deliverables)}</article>"
        )
    sections.append(_section("projects", "Portfolio projects", "".join(projects) or "<p>None.</p>"))

    if plan.transition_path:
        path = _basis(f"Through the career graph; {TRANSITION_BASIS}.") + _h_list(
            (
                _h(
                    f"{role_title(plan, step.source)} → {role_title(plan, step.target)}: "
                    f"{step.years_low:g}–{step.years_high:g} years; adds "
                    f"{labelled(plan, step.skills)}"
                )
                for step in plan.transition_path
            ),
            tag="ol",
        )
    else:
        path = f"<p>{_h(no_path_text(plan))}</p>"
    sections.append(_section("transition", "Transition path", path))

    sections.append(
        _section(
            "schedule",
            "Schedule",
            _basis(
                f"Dated weeks within {hours(assessment.profile.hours_per_week)} per week "
                "(the weekly time above)."
            ),
            _h_table(
                ["Week", "Dates", "Kind", "Activity", "Hours"],
                (
                    (
                        str(item.week),
                        _h(_dates(item.start, item.end)),
                        _h(item.kind),
                        _h(item.activity),
                        f"{item.hours:g}",
                    )
                    for item in sorted(plan.schedule, key=lambda i: (i.week, i.start))
                ),
            ),
        )
    )
    sections.append(
        _section(
            "milestones",
            "Milestones",
            _h_table(
                ["Date", "Kind", "Milestone"],
                (
                    (m.date.isoformat(), _h(m.kind), _h(m.text))
                    for m in sorted(plan.milestones, key=_by_date)
                ),
            ),
        )
    )
    salary = (
        _h_facts(salary_facts(plan.salary, role_title(plan, plan.salary.role)))
        if plan.salary is not None
        else "<p>No salary figure: the market layer has no records for this role.</p>"
    )
    sections.append(_section("salary", "Salary", salary))
    sections.append(
        _section(
            "assumptions",
            "Assumptions",
            "<p>The defaults applied are listed with the summary.</p>"
            if plan.assessment.profile.defaults_applied
            else "",
            _h_list(_h(item) for item in other_assumptions(plan))
            if other_assumptions(plan)
            else "<p>None.</p>",
        )
    )

    title = _h(plan_title(plan))
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f'<meta name="generator" content="certpath"><title>{title}</title>'
        f"<style>{_STYLE}</style></head><body><main>"
        f"<header><h1>{title}</h1>"
        f'<p class="meta">Generated by certpath on {plan.generated_on.isoformat()}.</p></header>'
        + "\n".join(sections)
        + "</main></body></html>\n"
    )


# ---------------------------------------------------------------------------- JSON


def to_json(plan: Plan) -> str:
    """The full plan as indented JSON; ``Plan.model_validate_json`` reads it back."""
    return plan.model_dump_json(indent=2)


# ---------------------------------------------------------------------------- iCalendar


def _uid(*parts: object) -> str:
    digest = hashlib.sha256("\x1f".join(str(part) for part in parts).encode("utf-8"))
    return f"{digest.hexdigest()[:32]}@certpath"


def to_ics(plan: Plan) -> bytes:
    """The schedule and milestones as an iCalendar file of all-day events.

    One event per schedule item (a dated week of study, project work, exam or buffer) and one
    per milestone. ``ScheduleItem.end`` is the block's last day, so DTEND (exclusive) is the
    day after it. UIDs are derived from who the plan is for, the target role and each event's
    place in the plan (week, kind, reference), not from dates or wording: importing a revised
    plan into a calendar updates its events instead of duplicating them. DTSTAMP is the plan's
    ``generated_on`` date, so the same plan always gives the same bytes.
    """
    assessment = plan.assessment
    profile = assessment.profile
    owner = (profile.name or profile.source, assessment.target_role)
    stamp = dt.datetime.combine(plan.generated_on, dt.time(), tzinfo=dt.UTC)
    target = role_title(plan, assessment.target_role)
    weekly = hours(profile.hours_per_week)

    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", f"certpath: {target}")

    seen: Counter[tuple[object, ...]] = Counter()
    for item in sorted(plan.schedule, key=lambda i: (i.week, i.start)):
        key: tuple[object, ...] = ("week", item.week, item.kind, item.ref or "")
        seen[key] += 1
        event = Event()
        event.add("uid", _uid(*owner, *key, seen[key]))
        event.add("dtstamp", stamp)
        event.add("dtstart", item.start)
        event.add("dtend", max(item.end, item.start) + dt.timedelta(days=1))
        event.add("summary", f"Week {item.week}: {item.activity}")
        lines = [
            f"Activity: {item.activity}",
            f"Hours: {hours(item.hours)} this week (plan budget: {weekly} per week)",
            f"Kind: {item.kind}",
        ]
        if item.ref:
            lines.append(f"For: {item.ref}")
        lines.append(f"From the certpath plan for {target}, generated {plan.generated_on}.")
        event.add("description", "\n".join(lines))
        event.add("categories", [item.kind])
        event.add("transp", "TRANSPARENT")
        calendar.add_component(event)

    for milestone in sorted(plan.milestones, key=_by_date):
        key = ("milestone", milestone.kind, milestone.ref or "")
        seen[key] += 1
        event = Event()
        event.add("uid", _uid(*owner, *key, seen[key]))
        event.add("dtstamp", stamp)
        event.add("dtstart", milestone.date)
        event.add("dtend", milestone.date + dt.timedelta(days=1))
        event.add("summary", f"Milestone: {milestone.text}")
        lines = [milestone.text, f"Kind: {milestone.kind}"]
        if milestone.ref:
            lines.append(f"For: {milestone.ref}")
        lines.append(f"From the certpath plan for {target}, generated {plan.generated_on}.")
        event.add("description", "\n".join(lines))
        event.add("categories", [milestone.kind])
        event.add("transp", "TRANSPARENT")
        calendar.add_component(event)
    data: bytes = calendar.to_ical()
    return data
