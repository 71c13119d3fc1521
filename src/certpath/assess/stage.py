"""Which career stage the person is at: early, mid or leadership, and why.

Fourth step of assessment: the stage selects the guidance the planner applies (certification
levels, how many, which projects). Rules, first match wins: a stage the person states; a
leadership title (manager, director, head, VP, chief, lead); under two years of experience, or
a current role unrelated to data/ML (a career changer) -> early; otherwise mid.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from certpath.assess.models import Profile
from certpath.catalog.models import Stage

if TYPE_CHECKING:
    from certpath.catalog.loader import Catalog

LEADERSHIP_TITLE = re.compile(
    r"\b(?:manager|director|head|vp|svp|evp|vice[\s-]president|chief|lead|c[a-z]?o)\b",
    re.IGNORECASE,
)
"""Words that make a title a leadership one."""

DATA_ML_TITLE = re.compile(
    r"\b(?:data|ml|mlops|machine[\s-]learning|ai|artificial[\s-]intelligence|analytics|"
    r"scientist|statistician|bi|business[\s-]intelligence|deep[\s-]learning|nlp|"
    r"computer[\s-]vision|llm|quant(?:itative)?|research(?:er)?)\b",
    re.IGNORECASE,
)
"""Words that tie a title to data or ML work (a generic "analyst" does not: an operations or
marketing analyst moving into ML is a career changer)."""

EARLY_YEARS = 2.0
"""Under this many years of experience the stage is early."""


def infer_stage(profile: Profile, catalog: Catalog) -> tuple[Stage, str]:
    """The career stage and the sentence that explains it.

    Examples:
        >>> from certpath.catalog import load_catalog
        >>> p = Profile(current_title="Operations Analyst", years_experience=6)
        >>> infer_stage(p, load_catalog())[0].value
        'early'
        >>> p = Profile(current_title="Engineering Manager", years_experience=12)
        >>> infer_stage(p, load_catalog())[0].value
        'leadership'
    """
    guidance = catalog.stages
    if profile.stage is not None:
        label = guidance[profile.stage].label if profile.stage in guidance else profile.stage
        return profile.stage, f"stated in the profile: {label}"
    title = profile.current_title or ""
    years = profile.years_experience
    years_text = "unknown years of experience" if years is None else f"{years:g} years"
    if title and LEADERSHIP_TITLE.search(title):
        word = LEADERSHIP_TITLE.search(title)
        assert word is not None
        return Stage.LEADERSHIP, (
            f"leadership title {title!r} (the word {word.group()!r}), {years_text}; "
            "override with --stage"
        )
    if years is not None and years < EARLY_YEARS:
        return (
            Stage.EARLY,
            f"{years:g} years of experience (< {EARLY_YEARS:g}); override with --stage",
        )
    related = bool(title) and (
        DATA_ML_TITLE.search(title) is not None
        or (
            profile.current_role is not None
            and profile.current_role in catalog.roles
            and catalog.roles[profile.current_role].family not in ("data", "business")
        )
    )
    if not title:
        if years is None:
            return Stage.EARLY, (
                "no current title or years of experience found: early-career assumed; "
                "override with --stage"
            )
        return (
            Stage.MID,
            f"{years_text} of experience, no current title found; override with --stage",
        )
    if not related:
        return Stage.EARLY, (
            f"career changer: the current title {title!r} is not a data/ML role "
            f"({years_text}); override with --stage"
        )
    if years is None:
        return (
            Stage.MID,
            f"data/ML title {title!r}, years of experience not found; override with --stage",
        )
    return (
        Stage.MID,
        f"data/ML title {title!r} with {years_text} of experience; override with --stage",
    )
