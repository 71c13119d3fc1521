"""Pydantic models of the curated catalog: the contract of every file under ``catalog/data``.

First stage of the flow: the loader parses YAML into these models, the checks validate the
cross-references between them, and every later package (extract, assess, plan, market, ask)
reads the resulting :class:`Catalog`. The JSON Schema in ``catalog/schema`` is generated from here.
"""

from __future__ import annotations

import datetime as dt
import re
from enum import StrEnum
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, model_validator

SCHEMA_VERSION = 1
"""Version of the catalog file format; every data file carries it as ``schema_version``."""

Id = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$", max_length=80)]
"""A stable kebab-case identifier, never reused."""

Url = Annotated[str, StringConstraints(pattern=r"^https?://\S+$")]


class Model(BaseModel):
    """Base for catalog models: unknown keys are mistakes, instances are immutable."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


# --------------------------------------------------------------------------- provenance


class Sourced(Model):
    """A group of facts that share their sources, the date they were verified, and any conflict.

    Every fact group in the catalog inherits from this, so that every fact a user sees can be
    traced to where it was read and when.
    """

    sources: list[Url] = Field(default_factory=list, description="URLs the facts were read from.")
    verified_on: dt.date | None = Field(
        default=None, description="Date the facts were last checked against their sources."
    )
    conflict: str | None = Field(
        default=None, description="Where sources disagree: what each says and which was chosen."
    )


# --------------------------------------------------------------------------- certifications


class Ecosystem(StrEnum):
    AWS = "aws"
    AZURE = "azure"
    GCP = "gcp"
    DATABRICKS = "databricks"
    NVIDIA = "nvidia"
    IBM = "ibm"
    SNOWFLAKE = "snowflake"
    OCI = "oci"
    SALESFORCE = "salesforce"
    VENDOR_NEUTRAL = "vendor-neutral"


class CertCategory(StrEnum):
    FOUNDATIONAL = "foundational"
    ROLE_BASED = "role-based"
    ADVANCED_GENAI = "advanced-genai"


class CertLevel(StrEnum):
    FUNDAMENTALS = "fundamentals"
    ASSOCIATE = "associate"
    PROFESSIONAL = "professional"
    SPECIALTY = "specialty"
    EXPERT = "expert"


class CredentialType(StrEnum):
    PROCTORED_EXAM = "proctored-exam"
    PERFORMANCE_BASED_EXAM = "performance-based-exam"
    ONLINE_EXAM = "online-exam"
    COURSE_CERTIFICATE = "course-certificate"


class CertState(StrEnum):
    ACTIVE = "active"
    BETA = "beta"
    RETIRING = "retiring"
    RETIRED = "retired"
    UNKNOWN = "unknown"


class Status(Sourced):
    """Lifecycle of an exam. ``date`` is the retirement date (or launch date for beta)."""

    state: CertState
    date: dt.date | None = None
    successor: Id | None = Field(default=None, description="Catalog id of the replacing exam.")
    successor_note: str | None = Field(
        default=None, description="Where there is no 1:1 successor: what the vendor points to."
    )
    note: str | None = None

    @model_validator(mode="after")
    def _dates_for_retirement(self) -> Status:
        if self.state in (CertState.RETIRED, CertState.RETIRING) and self.date is None:
            raise ValueError(f"status '{self.state}' needs a 'date' (the retirement date)")
        return self


class Exam(Sourced):
    """Facts of one exam attempt. ``None`` means not published or not verified."""

    cost_usd: float | None = Field(default=None, ge=0)
    cost_note: str | None = None
    minutes: int | None = Field(default=None, gt=0)
    questions: int | None = Field(default=None, gt=0)
    questions_range: tuple[int, int] | None = None
    questions_note: str | None = None
    passing_score: str | None = Field(
        default=None, description="As published, e.g. '720 (scaled 100-1000)'."
    )
    formats: list[str] = Field(default_factory=list)
    delivery: str | None = None


class Validity(Sourced):
    """How long a credential stays valid and how it is renewed.

    ``kind`` is ``period`` (then ``months`` is set), ``lifetime``, or ``unknown``.
    """

    kind: Literal["period", "lifetime", "unknown"]
    months: int | None = Field(default=None, gt=0)
    renewal_method: str | None = None
    renewal_cost_usd: float | None = Field(default=None, ge=0)

    @model_validator(mode="after")
    def _months_iff_period(self) -> Validity:
        if self.kind == "period" and self.months is None:
            raise ValueError("validity kind 'period' needs 'months'")
        if self.kind != "period" and self.months is not None:
            raise ValueError(f"validity kind '{self.kind}' must not set 'months'")
        return self


class Experience(Sourced):
    """Recommended experience before attempting the credential."""

    text: str
    years: float | None = Field(default=None, ge=0, description="Years, when the text states them.")


class Domain(Model):
    """One exam domain with its published weight and the skills it tests."""

    name: str
    weight_min: float | None = Field(default=None, ge=0, le=100, description="Percent.")
    weight_max: float | None = Field(default=None, ge=0, le=100, description="Percent.")
    scored_items: tuple[int, int] | None = Field(
        default=None, description="Scored items [min, max] where the body publishes counts."
    )
    skills: list[Id] = Field(default_factory=list, description="Skill ids the domain tests.")

    @model_validator(mode="after")
    def _ordered(self) -> Domain:
        if (
            self.weight_min is not None
            and self.weight_max is not None
            and self.weight_min > self.weight_max
        ):
            raise ValueError("weight_min is greater than weight_max")
        return self


class Domains(Sourced):
    as_of: str | None = Field(default=None, description="Exam-guide version the weights come from.")
    note: str | None = None
    items: list[Domain] = Field(default_factory=list)


class PrepHours(Sourced):
    low: float = Field(gt=0)
    high: float = Field(gt=0)
    note: str | None = None

    @model_validator(mode="after")
    def _ordered(self) -> PrepHours:
        if self.low > self.high:
            raise ValueError("prep hours 'low' is greater than 'high'")
        return self


class Certification(Model):
    """A certification or certificate program, with every fact traceable to a source."""

    id: Id
    name: str
    exam_code: str | None = None
    aliases: list[str] = Field(
        default_factory=list, description="Other names or codes people use for it."
    )
    provider: str
    ecosystem: Ecosystem
    category: CertCategory
    level: CertLevel | None = None
    credential_type: CredentialType
    verified: bool = Field(
        default=True, description="False for programmes listed without verified facts."
    )
    confidence: Literal["high", "medium", "low"]
    official_url: Url | None = None
    status: Status
    exam: Exam
    validity: Validity
    recommended_experience: Experience | None = None
    prerequisites: list[Id] = Field(default_factory=list)
    domains: Domains | None = None
    target_roles: list[Id] = Field(default_factory=list)
    prep_hours: PrepHours | None = None
    skills: list[Id] = Field(
        default_factory=list,
        description="Skills the credential evidences beyond its domain mappings.",
    )

    @property
    def current(self) -> bool:
        """True when the exam can still be taken (active or beta)."""
        return self.status.state in (CertState.ACTIVE, CertState.BETA)

    def all_skills(self) -> list[str]:
        """Skill ids from the domains and the extra list, in order, without repeats."""
        seen: dict[str, None] = {}
        for domain in self.domains.items if self.domains else []:
            seen.update(dict.fromkeys(domain.skills))
        seen.update(dict.fromkeys(self.skills))
        return list(seen)


# --------------------------------------------------------------------------- skills


class SkillGroup(StrEnum):
    PROGRAMMING = "programming"
    MATH_STATISTICS = "math-statistics"
    MACHINE_LEARNING = "machine-learning"
    DEEP_LEARNING = "deep-learning"
    NLP = "nlp"
    COMPUTER_VISION = "computer-vision"
    DATA = "data"
    DATA_ENGINEERING = "data-engineering"
    ANALYTICS_BI = "analytics-bi"
    CLOUD = "cloud"
    MLOPS = "mlops"
    GENERATIVE_AI = "generative-ai"
    RESPONSIBLE_AI = "responsible-ai"
    SOFTWARE_ENGINEERING = "software-engineering"
    BUSINESS = "business"
    SOFT = "soft"
    DOMAIN = "domain"


class SkillType(StrEnum):
    LANGUAGE = "language"
    FRAMEWORK = "framework"
    LIBRARY = "library"
    PLATFORM = "platform"
    TOOL = "tool"
    CONCEPT = "concept"
    METHOD = "method"
    SOFT = "soft"


class AliasContext(Model):
    """What an ambiguous alias needs around it to count as the skill.

    Read by the extraction engine; kept as data so that a new false hit is fixed in YAML.
    ``not_before``/``not_after`` phrases are compared with the text next to the alias with
    case, spaces and hyphens ignored (``-to-market`` equals ``to market``); a ``not_before``
    phrase that starts with a slash follows one (``/QC`` after QA in "QA/QC"), and a
    ``not_after`` phrase that ends with one precedes one (``ICH/`` before GCP).
    """

    cues: list[str] = Field(
        default_factory=list,
        description="Words near the mention that confirm the skill (e.g. 'Python', 'SQL' for R).",
    )
    window: int = Field(default=60, gt=0, description="Characters either side searched for cues.")
    neighbours: bool = Field(
        default=True,
        description="Whether an unambiguous skill nearby also confirms the alias (a list of "
        "technologies); false for generic words that only their cues confirm.",
    )
    not_before: list[str] = Field(
        default_factory=list,
        description="Text directly after the alias that means it is not the skill ('&D' after R).",
    )
    not_after: list[str] = Field(
        default_factory=list,
        description="Text that, directly before the alias, means it is not the skill.",
    )
    note: str | None = None


class Alias(Model):
    """A surface form of a skill. Written in YAML as a plain string or as a mapping."""

    text: str = Field(min_length=1)
    case_sensitive: bool = False
    ambiguous: bool = Field(
        default=False, description="The form is also a plain-English word or a common token."
    )
    context: AliasContext | None = None

    @model_validator(mode="before")
    @classmethod
    def _from_string(cls, value: object) -> object:
        return {"text": value} if isinstance(value, str) else value

    @model_validator(mode="after")
    def _one_form(self) -> Alias:
        if self.text != self.text.strip() or re.search(r"\s\s|[\t\n]", self.text):
            raise ValueError(
                f"alias {self.text!r} holds a run of spaces, a tab or a line break (two list "
                "items written on one line?); write each alias as an item of its own, with "
                "single spaces between its words"
            )
        return self

    @model_validator(mode="after")
    def _ambiguous_needs_context(self) -> Alias:
        if self.ambiguous and self.context is None:
            raise ValueError(
                f"ambiguous alias {self.text!r} needs a 'context' saying what confirms it"
            )
        return self


class ListPhrase(Model):
    """Phrases that name a skill only when a list of certain words follows them: "collaborate
    with Product, Engineering and Design teams" is cross-functional collaboration, "collaborate
    with the team" is not. Read by the extraction engine, which matches the list word by word:
    each item holds one of ``items`` (a word or a phrase such as "data science"), after words
    that qualify it ("our", "senior", "data") and before a noun that names its people ("teams",
    "partners", "managers"); items are joined by commas, "and", "or", "&", "/" or "as well
    as", and the list ends where its clause does or a preposition ("to", "on", "across")
    begins."""

    after: list[str] = Field(
        min_length=1,
        description="Phrases the list follows ('collaborate with', 'partnering with'); a phrase "
        "whose first word is a verb's -ing form also leads in its other tenses.",
    )
    items: list[str] = Field(
        min_length=2, description="Words or phrases an item of the list must hold ('product')."
    )
    at_least: int = Field(default=2, ge=2, description="Items the list must have.")
    note: str | None = None

    @model_validator(mode="after")
    def _plain_words(self) -> ListPhrase:
        for phrase in [*self.after, *self.items]:
            if not re.fullmatch(r"[A-Za-z][A-Za-z&/-]*(?: [A-Za-z][A-Za-z&/-]*)*", phrase):
                raise ValueError(
                    f"list phrase {phrase!r} must be words of letters (and '-', '&', '/') "
                    "separated by single spaces"
                )
        return self


class OnetCrosswalk(Model):
    commodity_code: str | None = Field(default=None, pattern=r"^\d{8}$")
    commodity_title: str | None = None
    example: str | None = Field(default=None, description="O*NET Technology Skills example name.")


class Crosswalk(Model):
    esco_uri: Url | None = None
    onet: OnetCrosswalk | None = None
    stackoverflow_tag: str | None = None


class Skill(Model):
    """A canonical skill with every surface form that names it."""

    id: Id
    label: str
    group: SkillGroup
    type: SkillType
    aliases: list[Alias] = Field(default_factory=list)
    parent: Id | None = Field(default=None, description="Broader skill this one implies.")
    includes: list[Id] = Field(
        default_factory=list,
        description="Skills its name spells out, each named wherever it is: a stack's letters "
        "(MEAN stack: MongoDB, Express, Angular, Node.js).",
    )
    lists: list[ListPhrase] = Field(
        default_factory=list,
        description="Phrases that name the skill when a list of given words follows them "
        "('collaborate with Product, Engineering and Design teams').",
    )
    description: str | None = None
    crosswalk: Crosswalk = Field(default_factory=Crosswalk)

    def surface_forms(self) -> list[Alias]:
        """The label followed by every alias (the label counts as a surface form)."""
        labels = {alias.text.casefold() for alias in self.aliases}
        own = [] if self.label.casefold() in labels else [Alias(text=self.label)]
        return own + list(self.aliases)


# --------------------------------------------------------------------------- roles


class Importance(StrEnum):
    ESSENTIAL = "essential"
    IMPORTANT = "important"
    NICE_TO_HAVE = "nice-to-have"


IMPORTANCE_WEIGHT: dict[Importance, float] = {
    Importance.ESSENTIAL: 1.0,
    Importance.IMPORTANT: 0.6,
    Importance.NICE_TO_HAVE: 0.3,
}
"""Numeric weight of each importance level, used by assessment."""


class Seniority(StrEnum):
    ENTRY = "entry"
    JUNIOR = "junior"
    MID = "mid"
    SENIOR = "senior"
    LEAD = "lead"
    EXECUTIVE = "executive"


class Stage(StrEnum):
    EARLY = "early"
    MID = "mid"
    LEADERSHIP = "leadership"


class RoleSkill(Model):
    skill: Id
    importance: Importance


class CertPick(Model):
    """A recommended certification for a role in one ecosystem at one career stage."""

    ecosystem: Ecosystem
    stage: Stage
    certs: list[Id] = Field(min_length=1, description="In the order they should be taken.")


class Role(Model):
    id: Id
    title: str
    family: Literal["engineering", "science", "data", "research", "leadership", "business"]
    focus: str
    day_to_day: list[str] = Field(min_length=1)
    seniority: tuple[Seniority, Seniority] = Field(
        description="Band: lowest and highest seniority."
    )
    skills: list[RoleSkill] = Field(min_length=1)
    certifications: list[CertPick] = Field(default_factory=list)
    onet_soc: str = Field(pattern=r"^\d{2}-\d{4}\.\d{2}$")
    onet_title: str
    esco_uri: Url
    esco_title: str
    title_patterns: list[str] = Field(
        min_length=1, description="Case-insensitive regular expressions over job titles."
    )
    rnd: bool = Field(default=False, description="An R&D role (versus an operational one).")


# --------------------------------------------------------------------------- paths


class Transition(Model):
    source: Id = Field(description="Role id the move starts from.")
    target: Id = Field(description="Role id the move leads to.")
    years_low: float = Field(ge=0)
    years_high: float = Field(ge=0)
    skills: list[Id] = Field(min_length=1, description="Skills the move needs.")
    note: str | None = None


class Deliverable(Model):
    kind: Literal[
        "data-sourcing", "evaluation", "trade-offs", "deployment", "observability", "documentation"
    ]
    text: str


class Project(Model):
    id: Id
    title: str
    summary: str
    skills: list[Id] = Field(min_length=1, description="Skills the project proves.")
    deliverables: list[Deliverable] = Field(min_length=3)
    hours_low: float = Field(gt=0)
    hours_high: float = Field(gt=0)
    stages: list[Stage] = Field(min_length=1)
    roles: list[Id] = Field(default_factory=list)


class StageGuidance(Model):
    stage: Stage
    label: str
    who: str
    years_low: float = Field(ge=0)
    years_high: float | None = Field(default=None, ge=0)
    cert_levels: list[CertLevel] = Field(min_length=1, description="Levels to take, in order.")
    cert_categories: list[CertCategory] = Field(min_length=1)
    max_certs: int = Field(ge=1)
    first_steps: list[str] = Field(min_length=1)
    project_count: tuple[int, int]
    project_kinds: list[Id] = Field(min_length=1, description="Project ids that fit the stage.")
    required_projects: list[Id] = Field(
        default_factory=list,
        description="Project ids every plan at this stage includes (also in project_kinds).",
    )
    governance: bool = Field(description="Whether governance literacy is part of the path.")
    notes: list[str] = Field(default_factory=list)


# --------------------------------------------------------------------------- files


class CertificationsFile(Model):
    schema_version: Literal[1]
    certifications: list[Certification]


class SkillsFile(Model):
    schema_version: Literal[1]
    skills: list[Skill]


class RolesFile(Model):
    schema_version: Literal[1]
    roles: list[Role]


class TransitionsFile(Model):
    schema_version: Literal[1]
    transitions: list[Transition]


class ProjectsFile(Model):
    schema_version: Literal[1]
    projects: list[Project]


class StagesFile(Model):
    schema_version: Literal[1]
    stages: list[StageGuidance]
