"""The library façade: the one object the CLI and the web app call.

:class:`Navigator` holds the settings and the loaded catalog and exposes every capability as a
method returning plain models or dictionaries ready to render. It reads no environment and
prints nothing; interfaces build it from :class:`~certpath.settings.Settings` at their edge.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, Unpack

from certpath.assess.assessment import assess as assess_profile
from certpath.assess.models import Assessment, Profile
from certpath.assess.profile import ProfileOverrides, ProfileSource, load_profile
from certpath.catalog import Catalog, Problem, check_catalog, load_catalog, read_catalog
from certpath.catalog.checks import Fact, stale_facts
from certpath.catalog.models import Certification, Role, Skill, Transition
from certpath.catalog.query import (
    CertFilter,
    filter_certifications,
    find_certification,
    find_role,
    find_skill,
    overview,
    search_skills,
)
from certpath.errors import DocumentError
from certpath.extract.pipeline import Extraction, Extractor, Kind, Source, extract_many
from certpath.plan.models import Plan
from certpath.plan.planner import make_plan
from certpath.settings import Settings

if TYPE_CHECKING:
    from certpath.market.classify import TitleClass
    from certpath.market.demand import CertsResult, CooccurResult, DemandResult
    from certpath.market.postings import ColumnMapping, FileReport
    from certpath.market.queries import QueryRunner
    from certpath.market.salaries import IngestReport as SalaryIngestReport
    from certpath.market.salaries import SalaryFilter
    from certpath.market.spark import SparkEngine, SparkIngestReport
    from certpath.market.store import MarketStore


@dataclass(frozen=True)
class ValidationReport:
    """Every problem found in a catalog folder, and what it holds."""

    directory: Path
    problems: list[Problem]
    counts: dict[str, int]

    @property
    def ok(self) -> bool:
        return not self.problems

    def to_dict(self) -> dict[str, object]:
        return {
            "directory": str(self.directory),
            "ok": self.ok,
            "problems": [problem.to_dict() for problem in self.problems],
            "counts": self.counts,
        }


@dataclass(frozen=True)
class StaleFact:
    """A certification fact group verified longer ago than the allowed age."""

    certification: str
    group: str
    verified_on: dt.date | None
    age_days: int | None
    sources: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, object]:
        return {
            "certification": self.certification,
            "group": self.group,
            "verified_on": self.verified_on.isoformat() if self.verified_on else None,
            "age_days": self.age_days,
            "sources": self.sources,
        }


class Navigator:
    """Every certpath capability behind one object.

    Args:
        settings: the settings to use; defaults to reading them from the environment.
        today: the date to plan and judge staleness from; defaults to the system date.

    Examples:
        >>> nav = Navigator()
        >>> nav.certification("mls-c01").status.successor
        'aws-mla-c01'
    """

    def __init__(self, settings: Settings | None = None, today: dt.date | None = None) -> None:
        self.settings = settings or Settings()
        self.today = today or self.settings.today or dt.date.today()

    # ----------------------------------------------------------------------- catalog

    @cached_property
    def catalog(self) -> Catalog:
        """The checked catalog (raises CatalogInvalid listing every problem)."""
        return load_catalog(self.settings.catalog_dir)

    def validate(self, directory: Path | None = None) -> ValidationReport:
        """Check a catalog folder (default: the configured one) and report every problem."""
        catalog, problems = read_catalog(directory or self.settings.catalog_dir)
        problems = problems + check_catalog(catalog)
        assert catalog.directory is not None
        return ValidationReport(catalog.directory, problems, catalog.counts())

    def stale(self, days: int | None = None) -> list[StaleFact]:
        """Certification facts verified more than ``days`` days ago (default from settings)."""
        limit = self.settings.stale_days if days is None else days
        return [_stale(fact, age) for fact, age in stale_facts(self.catalog, limit, self.today)]

    def overview(self, since_year: int | None = None) -> dict[str, object]:
        """Counts by category, ecosystem and status; exams retired since ``since_year``."""
        return overview(self.catalog, since_year or self.today.year)

    # ----------------------------------------------------------------------- extraction

    @cached_property
    def extractor(self) -> Extractor:
        """The extraction engine over this catalog, compiled once."""
        return Extractor(self.catalog, self.max_document_bytes)

    @property
    def max_document_bytes(self) -> int:
        return int(self.settings.max_document_mb * 1024 * 1024)

    def extract(
        self, source: Source, *, name: str | None = None, kind: Kind | None = None
    ) -> Extraction:
        """Skill mentions of a path, bytes, text or Document (see :func:`certpath.extract`)."""
        return self.extractor.extract(source, name=name, kind=kind)

    def extract_many(
        self,
        sources: Iterable[Source],
        *,
        processes: int | None = None,
        errors: Literal["raise", "return"] = "raise",
        kind: Kind | None = None,
    ) -> Iterator[Extraction | DocumentError]:
        """Extract a batch in order over ``processes`` (default: all cores).

        With ``errors="return"`` a source that cannot be read yields its DocumentError in its
        place instead of stopping the batch; ``kind`` says what every document is.
        """
        return extract_many(
            sources,
            processes=processes,
            catalog_dir=self.settings.catalog_dir,
            max_bytes=self.max_document_bytes,
            errors=errors,
            kind=kind,
        )

    # ----------------------------------------------------------------------- market

    @cached_property
    def market(self) -> MarketStore:
        """The market database (``CERTPATH_DATA_DIR``/market.duckdb), seeded on first use."""
        from certpath.market.defaults import seed
        from certpath.market.store import MarketStore

        store = MarketStore(self.settings.data_dir / "market.duckdb")
        seed(store)
        return store

    # ----------------------------------------------------------------------- assess and plan

    def profile(
        self, source: ProfileSource | Profile, **overrides: Unpack[ProfileOverrides]
    ) -> Profile:
        """A profile from a YAML/JSON profile file or mapping, or any resume extraction reads.

        Overrides (``target``, ``cloud``, ``hours``, ``budget``, ``deadline``, ``start``,
        ``location``, ``stage``; None means not given) win over the file; see
        :func:`certpath.assess.profile.load_profile`.
        """
        return load_profile(source, self, **overrides)

    def assess(
        self, source: ProfileSource | Profile, **overrides: Unpack[ProfileOverrides]
    ) -> Assessment:
        """Fit for every role, weighted gaps for the target role, and the career stage.

        Examples:
            >>> a = Navigator().assess({"skills": ["python", "sql"], "target_role": "ml-engineer"})
            >>> a.target_role, a.stage.value, a.gaps[0].evidence  # doctest: +ELLIPSIS
            ('ml-engineer', 'early', 'asked in ...% of ... Machine Learning Engineer postings')
        """
        profile = self.profile(source, **overrides)
        return assess_profile(profile, self.catalog, self.market, self.today)

    def plan(self, source: ProfileSource | Profile, **overrides: Unpack[ProfileOverrides]) -> Plan:
        """The career plan: certifications, projects, transition path, schedule and salary.

        Examples:
            >>> plan = Navigator().plan({"skills": ["python", "sql"]}, target="ml-engineer",
            ...                         cloud="aws", hours=10, budget=400)
            >>> [c.cert for c in plan.certifications]
            ['aws-aif-c01', 'aws-mla-c01']
        """
        return make_plan(self.assess(source, **overrides), self.catalog, self.market, self.today)

    # The market questions. ``runner`` answers them: the DuckDB store by default, or a
    # SparkEngine over Parquet (:meth:`spark_engine`).

    def ingest_postings(
        self,
        paths: Sequence[Path],
        *,
        mapping: ColumnMapping | None = None,
        processes: int | None = None,
        progress: Callable[[int, int], None] | None = None,
    ) -> list[FileReport]:
        """Ingest posting files (CSV, JSONL, Parquet, JobPosting JSON-LD) into the store."""
        from certpath.market.postings import ingest_postings

        return ingest_postings(
            self.market,
            paths,
            self.catalog,
            mapping=mapping,
            processes=processes,
            catalog_dir=self.settings.catalog_dir,
            progress=progress,
        )

    def ingest_postings_spark(
        self,
        paths: Sequence[Path],
        out: Path,
        *,
        mapping: ColumnMapping | None = None,
        master: str = "local[*]",
    ) -> SparkIngestReport:
        """Ingest posting files on Apache Spark into Parquet, then load it into the store."""
        from certpath.market.spark import ingest_postings_spark_into

        return ingest_postings_spark_into(
            self.market, paths, mapping, out, master=master, catalog_dir=self.settings.catalog_dir
        )

    def spark_engine(self, parquet: Path, master: str = "local[*]") -> SparkEngine:
        """A Spark engine answering the market questions over a Parquet folder."""
        from certpath.market.spark import SparkEngine

        return SparkEngine(parquet, master)

    def demand(self, runner: QueryRunner | None = None, **filters: Any) -> DemandResult:
        """Share of postings asking for each skill (role, seniority, period, top, inferred)."""
        from certpath.market.demand import demand

        return demand(runner or self.market, **filters)

    def cooccurrence(
        self, skill: str, runner: QueryRunner | None = None, **options: Any
    ) -> CooccurResult:
        """The skills asked together with ``skill`` (an id, label or alias), by lift."""
        from certpath.market.demand import cooccurrence

        return cooccurrence(runner or self.market, self.skill(skill).id, **options)

    def cert_mentions(self, runner: QueryRunner | None = None, **options: Any) -> CertsResult:
        """Certifications named in postings (role, by_role)."""
        from certpath.market.demand import cert_mentions

        return cert_mentions(runner or self.market, **options)

    def ingest_salaries(self, path: Path) -> SalaryIngestReport:
        """Ingest an aijobs.net-format salary file (plain or gzipped) into the store."""
        from certpath.market.salaries import ingest_salaries

        return ingest_salaries(self.market, path, catalog=self.catalog)

    def salary(self, where: SalaryFilter, *, min_n: int | None = None) -> dict[str, Any]:
        """Percentiles of USD salary for a group, with n and a bootstrap interval."""
        from certpath.market.salaries import MIN_N, salary_stats

        return salary_stats(self.market, where, min_n=min_n or MIN_N, today=self.today)

    def premium(
        self, group: SalaryFilter, baseline: SalaryFilter, *, min_n: int | None = None
    ) -> dict[str, Any]:
        """The ratio of two groups' median salaries, with a bootstrap interval and both n."""
        from certpath.market.salaries import MIN_N, premium

        return premium(self.market, group, baseline, min_n=min_n or MIN_N, today=self.today)

    def genai_premium(self, where: SalaryFilter, *, min_n: int | None = None) -> dict[str, Any]:
        """Generative-AI titles over the other ML roles, within ``where``."""
        from certpath.market.salaries import MIN_N, genai_premium

        return genai_premium(self.market, where, min_n=min_n or MIN_N, today=self.today)

    def trend(self, where: SalaryFilter, *, min_n: int | None = None) -> dict[str, Any]:
        """Median salary and skill-demand shares by year."""
        from certpath.market.salaries import MIN_N
        from certpath.market.trend import market_trend

        return market_trend(self.market, where, min_n=min_n or MIN_N, today=self.today)

    def classify_titles(self, titles: Iterable[str]) -> list[TitleClass]:
        """Catalog role (or none), seniority and confidence of each job title."""
        from certpath.market.classify import TitleClassifier

        classify = TitleClassifier(self.catalog)
        return [classify(title) for title in titles]

    # ----------------------------------------------------------------------- entries

    def certifications(self, where: CertFilter | None = None) -> list[Certification]:
        return filter_certifications(self.catalog, where or CertFilter())

    def certification(self, key: str) -> Certification:
        """A certification by id, exam code or alias, in any case."""
        return find_certification(self.catalog, key)

    def skills(self, group: str | None = None, type_: str | None = None) -> list[Skill]:
        return [
            skill
            for skill in self.catalog.skills.values()
            if (group is None or skill.group.value == group)
            and (type_ is None or skill.type.value == type_)
        ]

    def skill(self, key: str) -> Skill:
        """A skill by id, label or alias."""
        return find_skill(self.catalog, key)

    def search_skills(self, text: str, limit: int = 20) -> list[tuple[Skill, str, float]]:
        return search_skills(self.catalog, text, limit)

    def roles(self) -> list[Role]:
        return list(self.catalog.roles.values())

    def role(self, key: str) -> Role:
        """A role by id or title."""
        return find_role(self.catalog, key)

    def children(self, skill_id: str) -> list[Skill]:
        """Skills whose parent is ``skill_id``."""
        return [skill for skill in self.catalog.skills.values() if skill.parent == skill_id]

    def transitions_of(self, role_id: str) -> list[Transition]:
        """The career graph's moves out of a role and into it."""
        return [edge for edge in self.catalog.transitions if role_id in (edge.source, edge.target)]


def _stale(fact: Fact, age: int | None) -> StaleFact:
    return StaleFact(fact.cert, fact.group, fact.facts.verified_on, age, list(fact.facts.sources))
