"""When to do what: the plan laid out in dated weeks within the weekly hours.

Fourth step of planning. Tasks run one after another, filling each week up to the weekly
hours: the certifications in order (study hours, then the exam sitting, an ``exam`` milestone
on that week's Friday), then the projects phase by phase (data sourcing, model and evaluation,
deployment, trade-off write-up; a checkpoint at the end of each phase, ``project-done`` at the
end). Weeks start on the plan's start date (a Monday by default). Deterministic: the same
inputs give the same weeks.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Literal

from certpath.plan.certs import EXAM_HOURS
from certpath.plan.models import CertChoice, Milestone, ProjectChoice, ScheduleItem

_PHASES: tuple[tuple[str, tuple[str, ...], float, str], ...] = (
    ("data sourcing", ("data-sourcing",), 0.25, "data sourced and described"),
    ("model and evaluation", ("evaluation",), 0.35, "evaluation metrics reported"),
    ("deployment", ("deployment", "observability"), 0.25, "deployed and observable"),
    ("trade-off write-up and documentation", ("trade-offs", "documentation"), 0.15, "written up"),
)
"""Project phases: name, the deliverable kinds that call for it, share of hours, checkpoint."""

_EPSILON = 1e-6


@dataclass
class _Task:
    kind: Literal["study", "exam", "project"]
    ref: str
    activity: str
    hours: float
    milestone_kind: Literal["exam", "project-checkpoint", "project-done"] | None = None
    milestone_text: str = ""


@dataclass
class Schedule:
    items: list[ScheduleItem]
    milestones: list[Milestone]
    end: dt.date
    notes: list[str] = field(default_factory=list)


def _tasks(certs: Sequence[CertChoice], projects: Sequence[ProjectChoice]) -> list[_Task]:
    tasks: list[_Task] = []
    for cert in certs:
        code = cert.exam_code or cert.name
        tasks.append(_Task("study", cert.cert, f"Study for {cert.name}", cert.prep_hours))
        sit = f"Sit the {code} exam"
        tasks.append(_Task("exam", cert.cert, sit, EXAM_HOURS, "exam", sit))
    for project in projects:
        kinds = {item.split(":", 1)[0] for item in project.deliverables}
        phases = [phase for phase in _PHASES if kinds & set(phase[1])] or [_PHASES[-1]]
        share = sum(phase[2] for phase in phases)
        for index, (name, _, part, checkpoint) in enumerate(phases):
            last = index == len(phases) - 1
            tasks.append(
                _Task(
                    "project",
                    project.project,
                    f"{project.title}: {name}",
                    round(project.hours * part / share, 1),
                    "project-done" if last else "project-checkpoint",
                    f"{project.title}: " + ("done and published" if last else checkpoint),
                )
            )
    return tasks


def build_schedule(
    certs: Sequence[CertChoice],
    projects: Sequence[ProjectChoice],
    start: dt.date,
    hours_per_week: float,
    deadline: dt.date | None = None,
) -> Schedule:
    """Lay the certifications and projects out in dated weeks.

    Examples:
        >>> from certpath.plan.models import ProjectChoice
        >>> p = ProjectChoice(project="demo", title="Demo", closes=[], hours=10, why="",
        ...     deliverables=["data-sourcing: a", "evaluation: b", "documentation: c"])
        >>> s = build_schedule([], [p], dt.date(2026, 11, 30), 8)
        >>> [(i.week, i.hours, i.activity[6:]) for i in s.items]  # doctest: +NORMALIZE_WHITESPACE
        [(1, 3.3, 'data sourcing'), (1, 4.7, 'model and evaluation'),
         (2, 2.0, 'trade-off write-up and documentation')]
        >>> s.end
        datetime.date(2026, 12, 13)
    """
    items: list[ScheduleItem] = []
    milestones: list[Milestone] = []
    week = 1
    left = hours_per_week
    for task in _tasks(certs, projects):
        remaining = task.hours
        while remaining > _EPSILON:
            if left <= _EPSILON:
                week, left = week + 1, hours_per_week
            take = min(remaining, left)
            week_start = start + dt.timedelta(weeks=week - 1)
            items.append(
                ScheduleItem(
                    week=week,
                    start=week_start,
                    end=week_start + dt.timedelta(days=6),
                    hours=round(take, 1),
                    kind=task.kind,
                    ref=task.ref,
                    activity=task.activity,
                )
            )
            remaining -= take
            left -= take
        if task.milestone_kind is not None:
            # exams on the Friday of their week, project checkpoints at the week's end
            offset = 4 if task.milestone_kind == "exam" else 6
            date = start + dt.timedelta(weeks=week - 1, days=offset)
            milestones.append(
                Milestone(
                    date=date, kind=task.milestone_kind, ref=task.ref, text=task.milestone_text
                )
            )
    end = (start + dt.timedelta(weeks=week - 1, days=6)) if items else start
    if items:
        milestones.append(
            Milestone(
                date=end,
                kind="plan-done",
                text=f"Plan complete: {len(certs)} certification(s), {len(projects)} project(s)",
            )
        )
    notes = _deadline_notes(items, start, end, hours_per_week, deadline)
    return Schedule(items, milestones, end, notes)


def _deadline_notes(
    items: Sequence[ScheduleItem],
    start: dt.date,
    end: dt.date,
    hours_per_week: float,
    deadline: dt.date | None,
) -> list[str]:
    total = sum(item.hours for item in items)
    weeks = max(item.week for item in items) if items else 0
    notes = [
        f"schedule: {total:g} h over {weeks} week(s) at {hours_per_week:g} h/week, "
        f"{start.isoformat()} to {end.isoformat()}"
    ]
    if deadline is None:
        return notes
    if end <= deadline:
        spare = (deadline - end).days // 7
        notes.append(f"the plan ends {spare} week(s) before the deadline {deadline.isoformat()}")
        return notes
    late = math.ceil((end - deadline).days / 7)
    available_weeks = max((deadline - start).days / 7, 1 / 7)
    needed = math.ceil(total / available_weeks)
    notes.append(
        f"warning: the plan ends {end.isoformat()}, {late} week(s) after the deadline "
        f"{deadline.isoformat()}; meeting it needs about {needed} h/week, or a later deadline"
    )
    return notes
