"""What the target role asks for that the profile lacks, ranked by what the market asks for.

Third step of assessment, after :mod:`.fit`: each missing skill of the target role becomes a
gap with weight = importance weight x the share of the role's postings that ask for it (from
:func:`certpath.market.demand.demand`: the user's ingested postings, else the packaged
aggregates). A skill with no market figure gets :data:`FLOOR_SHARE`, and says so.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from certpath.assess.models import Gap, RoleFit
from certpath.market.demand import demand

if TYPE_CHECKING:
    from certpath.catalog.models import Role
    from certpath.market.store import MarketStore

FLOOR_SHARE = 0.05
"""Demand share given to a skill the market figures do not mention: a skill the role profile
names is worth something even when postings rarely spell it out."""

SMALL_SAMPLE = 30
"""Fewer role postings than this and the evidence says the figure is from a small sample."""

_ALL_SKILLS = 5000  # ask for every skill's share, not a top list


def demand_shares(store: MarketStore, role: str) -> tuple[dict[str, tuple[int, int]], int, str]:
    """Per skill (postings asking, postings of the role), the role's postings, and the source.

    Counts include skills implied by narrower ones (a posting asking for PyTorch asks for deep
    learning), matching how a profile's skills are counted.
    """
    result = demand(store, role=role, top=_ALL_SKILLS, inferred=True)
    shares = {
        str(row["skill"]): (int(row["postings_with_skill"]), int(row["postings_total"]))
        for row in result.rows
        if row.get("postings_total")
    }
    return shares, result.postings, f"market demand: {result.source_note}"


def find_gaps(fit: RoleFit, role: Role, store: MarketStore) -> list[Gap]:
    """The gaps of one role fit, highest weight first (ties: importance, then skill id).

    Examples:
        >>> from certpath import Navigator
        >>> from certpath.assess.fit import role_fit
        >>> from certpath.assess.models import Profile
        >>> nav = Navigator()
        >>> role = nav.role("ml-engineer")
        >>> gaps = find_gaps(role_fit(Profile(), role, nav.catalog), role, nav.market)
        >>> gaps[0].evidence  # doctest: +ELLIPSIS
        'asked in ...% of ... Machine Learning Engineer postings'
    """
    shares, postings, source = demand_shares(store, role.id)
    gaps: list[Gap] = []
    for verdict in fit.missing:
        figure = shares.get(verdict.skill)
        if figure is None or figure[1] == 0:
            gaps.append(
                Gap(
                    skill=verdict.skill,
                    label=verdict.label,
                    importance=verdict.importance,
                    importance_weight=verdict.weight,
                    demand_share=None,
                    demand_postings=None,
                    role_postings=postings or None,
                    weight=round(verdict.weight * FLOOR_SHARE, 4),
                    evidence="no market figure; weight from the role profile only",
                    source=f"role profile ({verdict.importance.value}) in the catalog's roles.yaml",
                )
            )
            continue
        asked, total = figure
        share = asked / total
        evidence = f"asked in {share:.0%} of {total:,} {role.title} postings"
        if total < SMALL_SAMPLE:
            evidence += " (a small sample)"
        gaps.append(
            Gap(
                skill=verdict.skill,
                label=verdict.label,
                importance=verdict.importance,
                importance_weight=verdict.weight,
                demand_share=round(share, 4),
                demand_postings=asked,
                role_postings=total,
                weight=round(verdict.weight * max(share, FLOOR_SHARE), 4),
                evidence=evidence,
                source=source,
            )
        )
    return sorted(gaps, key=lambda gap: (-gap.weight, -gap.importance_weight, gap.skill))
