"""``certpath market trend``: salary medians and skill-demand shares by year, side by side.

Place in the flow: the last step of the market questions. The salary part comes from
:func:`certpath.market.salaries.salary_trend`; the demand part from
``certpath.market.postings.demand_by_year(store, role=...)`` (plus ``country=...`` once it takes
one) when the postings side provides it: per-year rows, or an answer with ``rows`` and
``source_note``. Without it the demand part is empty and a note says so. Keeping both in one
answer lets the command, the JSON and a chart show pay and demand over the same years.
"""

from __future__ import annotations

import datetime as dt
import importlib
import inspect
from typing import Any

from certpath.market.salaries import MIN_N, SalaryFilter, salary_trend, source_note
from certpath.market.store import MarketStore

DEMAND_UNAVAILABLE = "demand shares by year are not available in this version of certpath"


def market_trend(
    store: MarketStore,
    where: SalaryFilter | None = None,
    *,
    min_n: int = MIN_N,
    today: dt.date | None = None,
) -> dict[str, Any]:
    """Median salary by work year and, when available, demand shares by year.

    Returns:
        ``{"question": "trend", "filters", "label", "min_n", "salary": [...],
        "demand": [...], "demand_source", "notes": [...], "source"}``; each salary row has
        year, n, enough_data and (with enough data) median and median_ci95; each demand row
        year, skill, counts and share.
    """
    where = (where or SalaryFilter()).checked()
    notes: list[str] = []
    answer: dict[str, Any] = {
        "question": "trend",
        "filters": where.to_dict(),
        "label": where.describe(),
        "min_n": min_n,
        "salary": salary_trend(store, where, min_n=min_n),
        "demand": [],
        "demand_source": None,
        "notes": notes,
        "source": source_note(store, "trend", today),
    }
    # looked up at run time: the postings side provides demand_by_year independently
    postings = importlib.import_module("certpath.market.postings")
    demand_by_year = getattr(postings, "demand_by_year", None)
    if demand_by_year is None:
        notes.append(DEMAND_UNAVAILABLE)
        return answer
    filters: dict[str, Any] = {"role": where.role}
    if "country" in inspect.signature(demand_by_year).parameters:
        filters["country"] = where.country
    elif where.country:
        notes.append("demand shares are for every country: postings are not split by country")
    result = demand_by_year(store, **filters)
    # an Answer-like object (rows + source_note) or a plain list of rows
    answer["demand"] = list(getattr(result, "rows", result))
    answer["demand_source"] = getattr(result, "source_note", None)
    return answer
