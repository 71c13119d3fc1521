"""Job title -> catalog role and seniority, from the roles' title patterns.

Used by the market pipeline for every posting and salary record, and on its own by
``certpath roles classify``. A title matches a role when one of the role's ``title_patterns``
(case-insensitive regular expressions in ``roles.yaml``) finds it; when several roles match,
the longest match wins (the most specific wording). Seniority comes from words in the title.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from certpath.catalog.models import Seniority

if TYPE_CHECKING:
    from certpath.catalog.loader import Catalog

_SENIORITY: tuple[tuple[Seniority, re.Pattern[str]], ...] = (
    (
        Seniority.EXECUTIVE,
        re.compile(
            r"\b(?:chief|c[a-z]?o|vp|svp|evp|vice[\s-]president|head\s+of|director|"
            r"managing\s+director|partner)\b",
            re.IGNORECASE,
        ),
    ),
    (
        Seniority.LEAD,
        re.compile(
            r"\b(?:lead|staff|principal|distinguished|fellow|architect|"
            r"(?<!product )(?<!project )(?<!program )(?<!account )manager)\b",
            re.I,
        ),
    ),
    (Seniority.SENIOR, re.compile(r"\b(?:senior|sr\.?|snr|iii|iv|level\s*[34])\b", re.I)),
    (Seniority.MID, re.compile(r"\b(?:ii|level\s*2|mid[\s-]level|intermediate)\b", re.I)),
    (
        Seniority.ENTRY,
        re.compile(
            r"\b(?:intern|internship|trainee|apprentice|graduate|new\s+grad|entry[\s-]level|"
            r"working\s+student|co-?op)\b",
            re.I,
        ),
    ),
    (Seniority.JUNIOR, re.compile(r"\b(?:junior|jr\.?|associate|level\s*1|i)\b(?!-)", re.I)),
)
"""Checked in order: the first family whose words appear decides."""


@dataclass(frozen=True, slots=True)
class TitleClass:
    """What a job title says: the catalog role (or None), the seniority, and how sure."""

    title: str
    role: str | None
    seniority: Seniority
    confidence: float
    matched: str | None = None  # the text the role pattern matched

    def to_dict(self) -> dict[str, object]:
        return {
            "title": self.title,
            "role": self.role,
            "seniority": self.seniority.value,
            "confidence": self.confidence,
            "matched": self.matched,
        }


class TitleClassifier:
    """The roles' title patterns, compiled once.

    Examples:
        >>> from certpath.catalog import load_catalog
        >>> classify = TitleClassifier(load_catalog())
        >>> c = classify("Senior Machine Learning Engineer")
        >>> (c.role, c.seniority.value)
        ('ml-engineer', 'senior')
    """

    def __init__(self, catalog: Catalog) -> None:
        self._patterns = [
            (role.id, re.compile(pattern, re.IGNORECASE))
            for role in catalog.roles.values()
            for pattern in role.title_patterns
        ]

    def __call__(self, title: str) -> TitleClass:
        clean = " ".join(title.split())[:300]
        best: tuple[int, str, str] | None = None
        for role, pattern in self._patterns:
            found = pattern.search(clean)
            if found and (best is None or len(found.group()) > best[0]):
                best = (len(found.group()), role, found.group())
        seniority = seniority_of(clean)
        if best is None:
            return TitleClass(clean, None, seniority, 0.0)
        # a short match inside a long title is less certain than one covering most of it
        coverage = min(1.0, best[0] / max(len(clean), 1) + 0.3)
        return TitleClass(clean, best[1], seniority, round(0.6 + 0.4 * coverage, 2), best[2])


def seniority_of(title: str) -> Seniority:
    """The seniority a title states; mid-level when it states none.

    Examples:
        >>> titles = ("Jr. Data Analyst", "Staff ML Engineer", "Data Scientist")
        >>> [seniority_of(t).value for t in titles]
        ['junior', 'lead', 'mid']
    """
    for level, pattern in _SENIORITY:
        if pattern.search(title):
            return level
    return Seniority.MID


EXPERIENCE_LEVELS: dict[str, tuple[Seniority, ...]] = {
    "EN": (Seniority.ENTRY, Seniority.JUNIOR),
    "MI": (Seniority.MID,),
    "SE": (Seniority.SENIOR, Seniority.LEAD),
    "EX": (Seniority.EXECUTIVE,),
}
"""aijobs.net experience levels and the title seniorities they correspond to."""
