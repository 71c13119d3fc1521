"""A whole assessment: profile -> fit of every role -> target -> gaps -> stage.

Last step of assessment, the one the planner and the façade call. Pure: the same profile,
catalog and market figures give the same assessment.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from certpath.assess.fit import fit_all
from certpath.assess.gaps import find_gaps
from certpath.assess.models import Assessment, Profile
from certpath.assess.stage import infer_stage
from certpath.errors import NotFoundError

if TYPE_CHECKING:
    from certpath.catalog.loader import Catalog
    from certpath.market.store import MarketStore


def assess(
    profile: Profile, catalog: Catalog, market_store: MarketStore, today: dt.date | None = None
) -> Assessment:
    """Assess a profile against every catalog role and its target role.

    The target is the one the person states, else the best-fitting role (the reason says
    which). ``today`` is accepted for symmetry with :func:`certpath.plan.planner.make_plan`;
    the profile already holds every date-dependent figure.

    Raises:
        NotFoundError: the profile's target role is not in this catalog.
    """
    del today  # dates were resolved when the profile was read
    fits = fit_all(profile, catalog)
    if profile.target_role is not None:
        if profile.target_role not in catalog.roles:
            raise NotFoundError("role", profile.target_role)
        target = profile.target_role
        reason = f"stated: {catalog.roles[target].title}"
    else:
        best = fits[0]
        target = best.role
        runner = f"; next {fits[1].title} ({fits[1].score:g})" if len(fits) > 1 else ""
        reason = f"not stated: best fit {best.title} ({best.score:g}/100){runner}"
    fit = next(f for f in fits if f.role == target)
    gaps = find_gaps(fit, catalog.roles[target], market_store)
    stage, stage_reason = infer_stage(profile, catalog)
    return Assessment(
        profile=profile,
        stage=stage,
        stage_reason=stage_reason,
        fits=fits,
        target_role=target,
        target_reason=reason,
        gaps=gaps,
    )
