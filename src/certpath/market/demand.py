"""What the postings ask for: skill demand, skills asked together, certifications, by year.

The question step of the market flow, over what :mod:`certpath.market.postings` stored. Each
answer comes from the user's ingested postings when any fall within the filters, else from the
packaged aggregates (``source = 'default'``, built by ``scripts/build_market_defaults.py``), and
says which. Every question is a named query in ``sql/`` shared with the Spark engine: each
function takes anything with ``run(name, params)`` (a :class:`~certpath.market.store.MarketStore`
or a :class:`~certpath.market.spark.SparkEngine`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal

from certpath.errors import InputError
from certpath.market.store import MarketStore
from certpath.market.tables import ensure_schema

if TYPE_CHECKING:
    from certpath.market.queries import QueryRunner

Source = Literal["ingested", "packaged"]

BUILD_COMMAND = "scripts/build_market_defaults.py"


@dataclass(frozen=True)
class Answer:
    """Rows answering a question, where they come from, and the filters applied."""

    rows: list[dict[str, Any]]
    source: Source
    source_note: str
    postings: int
    filters: dict[str, Any] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "source": self.source,
            "source_note": self.source_note,
            "postings": self.postings,
            "filters": self.filters,
            "notes": self.notes,
            "rows": self.rows,
        }


class DemandResult(Answer):
    """Skill demand: ``skill``, ``postings_with_skill``, ``postings_total``, ``share``."""


class CooccurResult(Answer):
    """Skills asked with a skill: counts, ``share`` (P(B|A)) and ``lift`` (P(B|A) / P(B))."""


class CertsResult(Answer):
    """Certification mentions: ``role``, ``cert``, ``ecosystem``, ``generic``, counts, share."""


def _prepare(store: QueryRunner) -> None:
    if isinstance(store, MarketStore):  # the Spark engine's tables are its Parquet folders
        ensure_schema(store)


def _packaged_source(inferred: bool) -> str:
    return "default+inferred" if inferred else "default"


def _ingested_note(postings: int) -> str:
    return f"your {postings:,} ingested posting(s)"


def packaged_note(store: QueryRunner, **filters: Any) -> tuple[int, str]:
    """How many public postings the packaged aggregates summarise (within filters), as text."""
    params = {"source": "default", "role": None, "seniority": None, "period": None, **filters}
    row = store.run("demand_packaged_count", params)[0]
    postings = int(row["postings"] or 0)
    years = ""
    if row["first_year"]:
        years = (
            f" ({row['first_year']})"
            if row["first_year"] == row["last_year"]
            else f" ({row['first_year']}–{row['last_year']})"
        )
    return postings, (
        f"packaged aggregates of {postings:,} public posting(s){years}, built by {BUILD_COMMAND}"
    )


def _ingested(
    store: QueryRunner, role: str | None, seniority: str | None, period: str | None
) -> int:
    params = {"role": role, "seniority": seniority, "period": period}
    return int(store.run("postings_count", params)[0]["postings"])


def demand(
    store: QueryRunner,
    *,
    role: str | None = None,
    seniority: str | None = None,
    period: str | None = None,
    top: int = 25,
    inferred: bool = False,
) -> DemandResult:
    """The share of postings that mention each skill, with both counts, most asked first.

    Args:
        store: the market database (or the Spark engine).
        role: a catalog role id, or None for every posting.
        seniority: a seniority (``entry`` ... ``executive``), or None.
        period: ``YYYY-MM`` or ``YYYY``, or None.
        top: how many skills.
        inferred: count skills inferred from a more specific one (``pytorch`` -> deep learning).
    """
    if top < 1:
        raise InputError("--top must be at least 1")
    _prepare(store)
    filters = {"role": role, "seniority": seniority, "period": period, "inferred": inferred}
    ingested = _ingested(store, role, seniority, period)
    if ingested:
        rows = store.run("postings_demand", {**filters, "top": top})
        return DemandResult(rows, "ingested", _ingested_note(ingested), ingested, filters)
    source = _packaged_source(inferred)
    rows = store.run(
        "demand_packaged",
        {"source": source, "role": role, "seniority": seniority, "period": period, "top": top},
    )
    postings, note = packaged_note(store, role=role, seniority=seniority, period=period)
    return DemandResult(rows, "packaged", note, postings, filters)


def cooccurrence(
    store: QueryRunner,
    skill: str,
    *,
    role: str | None = None,
    top: int = 20,
    min_support: int = 5,
    inferred: bool = False,
    sort: Literal["lift", "count"] = "lift",
) -> CooccurResult:
    """The skills most often asked together with ``skill``: count, share and lift.

    ``lift`` = P(other | skill) / P(other): above 1, the two are asked together more often
    than their separate frequencies would make them. Pairs seen in fewer than
    ``min_support`` postings are left out, because a lift over two postings means little.
    """
    if top < 1 or min_support < 1:
        raise InputError("--top and --min-support must be at least 1")
    _prepare(store)
    filters = {"skill": skill, "role": role, "min_support": min_support, "inferred": inferred}
    params = {**filters, "top": top, "sort": sort}
    ingested = _ingested(store, role, None, None)
    if ingested:
        rows = store.run("postings_cooccur", params)
        return CooccurResult(rows, "ingested", _ingested_note(ingested), ingested, filters)
    notes = []
    if role is not None:
        notes.append(
            "the packaged co-occurrence covers every role together; ingest postings "
            "to ask within a role"
        )
    rows = store.run(
        "cooccur_packaged",
        {
            "source": _packaged_source(inferred),
            "skill": skill,
            "min_support": min_support,
            "top": top,
            "sort": sort,
        },
    )
    postings, note = packaged_note(store)
    return CooccurResult(rows, "packaged", note, postings, filters, notes)


def cert_mentions(
    store: QueryRunner, *, role: str | None = None, by_role: bool = False
) -> CertsResult:
    """Certifications named in postings (catalog ones and ``ecosystem:<name>`` generic
    mentions), with the postings naming each and their share of the role's postings."""
    _prepare(store)
    filters = {"role": role, "by_role": by_role}
    ingested = _ingested(store, role, None, None)
    if ingested:
        rows = store.run("postings_certs", filters)
        return CertsResult(rows, "ingested", _ingested_note(ingested), ingested, filters)
    rows = store.run("certs_packaged", {**filters, "source": "default"})
    postings, note = packaged_note(store, role=role)
    return CertsResult(rows, "packaged", note, postings, filters)


def demand_by_year(
    store: QueryRunner,
    role: str | None = None,
    skill: str | None = None,
    *,
    inferred: bool = False,
) -> DemandResult:
    """Skill demand shares by year (``year``, ``skill``, counts, ``share``), oldest first.

    From the ingested postings when any have a year (within ``role``), else from the packaged
    aggregates.
    """
    _prepare(store)
    filters = {"role": role, "skill": skill, "inferred": inferred}
    dated = int(store.run("postings_dated", {"role": role})[0]["postings"])
    if dated:
        rows = store.run("postings_demand_by_year", filters)
        return DemandResult(rows, "ingested", _ingested_note(dated), dated, filters)
    rows = store.run(
        "demand_by_year_packaged",
        {"source": _packaged_source(inferred), "role": role, "skill": skill},
    )
    postings, note = packaged_note(store, role=role)
    return DemandResult(rows, "packaged", note, postings, filters)
