"""The data an assessment consumes and produces: profile, role fits, gaps.

Pydantic models because they cross the API boundary (CLI JSON, web API, golden files).
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from certpath.catalog.models import Id, Importance, Stage

EcosystemChoice = Literal["aws", "azure", "gcp", "databricks", "any"]


class Frozen(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class ProfileSkill(Frozen):
    """A skill the person has, with the line that shows it."""

    skill: Id
    years: float | None = Field(default=None, ge=0)
    evidence: str | None = Field(default=None, description="The resume line (or 'stated').")


class Profile(Frozen):
    """Who the person is and what they want. Missing preferences get defaults (see
    ``defaults_applied``), which every output states."""

    name: str | None = None
    skills: list[ProfileSkill] = Field(default_factory=list)
    current_title: str | None = None
    current_role: Id | None = Field(default=None, description="Catalog role of the title.")
    years_experience: float | None = Field(default=None, ge=0)
    location: str | None = Field(default=None, description="ISO 3166 alpha-2 country code.")
    target_role: Id | None = None
    ecosystem: EcosystemChoice = "any"
    hours_per_week: float = Field(default=8, gt=0, le=80)
    budget_usd: float = Field(default=500, ge=0)
    start: dt.date | None = Field(default=None, description="First day of the plan.")
    deadline: dt.date | None = None
    stage: Stage | None = Field(default=None, description="Overrides the inferred stage.")
    source: str = Field(default="<profile>", description="The resume or profile file.")
    defaults_applied: list[str] = Field(default_factory=list)


class SkillVerdict(Frozen):
    """One weighted skill of a role, and whether the profile shows it."""

    skill: Id
    label: str
    importance: Importance
    weight: float
    present: bool
    evidence: str | None = Field(default=None, description="The resume line, when present.")
    via: Id | None = Field(default=None, description="A narrower skill that shows it.")


class RoleFit(Frozen):
    role: Id
    title: str
    score: float = Field(ge=0, le=100, description="Weighted share of the role's skills shown.")
    present: list[SkillVerdict]
    missing: list[SkillVerdict]


class Gap(Frozen):
    """A missing skill of the target role, ranked by weight = importance x market demand."""

    skill: Id
    label: str
    importance: Importance
    importance_weight: float
    demand_share: float | None = Field(default=None, description="Share of the role's postings.")
    demand_postings: int | None = Field(default=None, description="Postings that ask for it.")
    role_postings: int | None = Field(default=None, description="Postings of the role.")
    weight: float
    evidence: str = Field(description='E.g. "asked in 41% of 1,204 ML engineer postings".')
    source: str = Field(description="Where the demand figure comes from.")


class Assessment(Frozen):
    profile: Profile
    stage: Stage
    stage_reason: str
    fits: list[RoleFit] = Field(description="Every catalog role, best fit first.")
    target_role: Id
    target_reason: str = Field(description="Stated by the person, or the best fit's id.")
    gaps: list[Gap] = Field(description="Highest weight first.")
