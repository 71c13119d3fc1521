"""What the target role pays at the person's level and location, and the premium of the move.

Fifth step of planning, over the market layer's salary records
(:func:`certpath.market.salaries.salary_stats` and :func:`~certpath.market.salaries.premium`):
figures are computed, never asserted, with n and a bootstrap interval. When a group is too
small the country is dropped, then the level, and the figure says so.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from certpath.assess.models import Assessment
from certpath.assess.stage import LEADERSHIP_TITLE
from certpath.catalog.models import Stage
from certpath.market.salaries import LEVEL_NAMES, SalaryFilter, premium, salary_stats
from certpath.plan.models import SalaryFigure

if TYPE_CHECKING:
    import datetime as dt

    from certpath.catalog.loader import Catalog
    from certpath.market.store import MarketStore

_EXECUTIVE_TITLE = ("chief", "vp", "vice president", "director", "head")


def salary_level(assessment: Assessment, catalog: Catalog) -> str:
    """The experience level (EN, MI, SE, EX) the person would hold in the target role.

    Early stage -> EN; mid -> MI, or SE from five years; leadership -> EX when the target is a
    leadership role or the current title is an executive one, else SE.
    """
    profile = assessment.profile
    if assessment.stage == Stage.EARLY:
        return "EN"
    if assessment.stage == Stage.MID:
        return "SE" if (profile.years_experience or 0) >= 5 else "MI"
    title = (profile.current_title or "").casefold()
    executive = LEADERSHIP_TITLE.search(title) is not None and any(
        word in title for word in _EXECUTIVE_TITLE
    )
    target = catalog.roles[assessment.target_role]
    return "EX" if target.family == "leadership" or executive else "SE"


def target_salary(
    assessment: Assessment, catalog: Catalog, store: MarketStore, today: dt.date | None = None
) -> SalaryFigure:
    """The target role's salary at the person's level and country, with fallbacks stated."""
    role = assessment.target_role
    level = salary_level(assessment, catalog)
    country = assessment.profile.location
    attempts: list[tuple[str | None, str | None]] = [(level, country)]
    if country is not None:
        attempts.append((level, None))
    attempts.append((None, None))
    dropped: list[str] = []
    answer: dict[str, Any] = {}
    used: tuple[str | None, str | None] = attempts[0]
    for used in attempts:
        answer = salary_stats(
            store, SalaryFilter(role=role, level=used[0], country=used[1]), today=today
        )
        if answer["enough_data"]:
            break
        dropped.append(f"{answer['label']}: n={answer['n']}")
    note = None
    if dropped:
        note = "not enough data for " + "; ".join(dropped)
        note += f"; shown for {answer['label']}" if answer["enough_data"] else ""
    figure: dict[str, Any] = {
        "role": role,
        "level": LEVEL_NAMES.get(used[0], used[0]) if used[0] else "all levels",
        "country": used[1],
        "enough_data": bool(answer["enough_data"]),
        "n": int(answer["n"]),
        "note": note,
        "source": str(answer["source"]),
    }
    if answer["enough_data"]:
        figure |= {
            "median_usd": answer["percentiles"]["median"],
            "ci_low_usd": answer["median_ci95"][0],
            "ci_high_usd": answer["median_ci95"][1],
            "p25_usd": answer["percentiles"]["p25"],
            "p75_usd": answer["percentiles"]["p75"],
        }
    figure |= _premium(assessment, store, used, today)
    return SalaryFigure(**figure)


def _premium(
    assessment: Assessment,
    store: MarketStore,
    used: tuple[str | None, str | None],
    today: dt.date | None,
) -> dict[str, Any]:
    current = assessment.profile.current_role
    target = assessment.target_role
    if current is None:
        return {"premium_note": "no premium: the current title matches no catalog role"}
    if current == target:
        return {"premium_note": "no premium: the current role is the target"}
    level, country = used
    answer = premium(
        store,
        SalaryFilter(role=target, level=level, country=country),
        SalaryFilter(role=current, level=level, country=country),
        today=today,
    )
    if not answer["enough_data"]:
        return {"premium_note": f"no premium figure: {answer['message']}"}
    low, high = answer["ratio_ci95"]
    return {
        "premium_ratio": answer["ratio"],
        "premium_ci": (low, high),
        "premium_note": (
            f"{answer['group']['label']} (n={answer['group']['n']:,}) against "
            f"{answer['baseline']['label']} (n={answer['baseline']['n']:,}): median ratio "
            f"{answer['ratio']:.2f} (95% interval {low:.2f}-{high:.2f}); an association in the "
            "salary records, not a promise"
        ),
    }
