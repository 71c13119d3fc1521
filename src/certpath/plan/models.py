"""The plan a person receives: every choice explained, every figure with its source.

Pydantic models because a plan crosses the API boundary (CLI JSON, exports, golden files).
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from certpath.assess.models import Assessment
from certpath.catalog.models import Id


class Frozen(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class CertChoice(Frozen):
    """A chosen certification, in the order to take it."""

    cert: Id
    name: str
    exam_code: str | None
    order: int = Field(ge=1)
    closes: list[Id] = Field(description="Gap skills its exam domains cover.")
    covered_weight: float = Field(description="Sum of the weights of the gaps it closes.")
    cost_usd: float | None
    prep_hours: float = Field(description="Hours planned to prepare.")
    prep_hours_source: str = Field(description="The catalog's figure, or how it was estimated.")
    validity: str = Field(description='E.g. "3 years; renew by passing the current exam".')
    why: str
    sources: list[str] = Field(description="Where the cost, validity and domains come from.")


class Alternative(Frozen):
    """A certification the optimiser considered and did not choose, with the reason."""

    cert: Id
    name: str
    reason: str


class ProjectChoice(Frozen):
    project: Id
    title: str
    closes: list[Id] = Field(description="Gap skills the project proves.")
    deliverables: list[str]
    hours: float
    why: str


class TransitionStep(Frozen):
    source: Id
    target: Id
    years_low: float
    years_high: float
    skills: list[Id]


class ScheduleItem(Frozen):
    """One dated week of the plan."""

    week: int = Field(ge=1)
    start: dt.date
    end: dt.date
    hours: float
    kind: Literal["study", "project", "exam", "milestone", "buffer"]
    ref: Id | None = Field(default=None, description="Certification or project id.")
    activity: str


class Milestone(Frozen):
    date: dt.date
    kind: Literal["exam", "project-checkpoint", "project-done", "plan-done"]
    ref: Id | None = None
    text: str


class SalaryFigure(Frozen):
    """The target role's pay at the person's level and location, from the market layer."""

    role: Id
    level: str
    country: str | None
    enough_data: bool
    n: int
    median_usd: float | None = None
    ci_low_usd: float | None = None
    ci_high_usd: float | None = None
    p25_usd: float | None = None
    p75_usd: float | None = None
    premium_ratio: float | None = Field(default=None, description="Target over current role.")
    premium_ci: tuple[float, float] | None = None
    premium_note: str | None = None
    note: str | None = Field(
        default=None, description="Which filters were dropped for lack of data, if any."
    )
    source: str


class Plan(Frozen):
    assessment: Assessment
    certifications: list[CertChoice]
    alternatives: list[Alternative]
    projects: list[ProjectChoice]
    transition_path: list[TransitionStep]
    schedule: list[ScheduleItem]
    milestones: list[Milestone]
    salary: SalaryFigure | None
    assumptions: list[str] = Field(description="Defaults applied and estimates made.")
    generated_on: dt.date
