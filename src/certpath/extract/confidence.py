"""How likely it is that a document names a skill, given the mentions found for it.

A mention's own confidence says how strongly its wording names the skill (a product name more
than an ambiguous word confirmed by a cue). A document's skill confidence is a probability: a
logistic model over what its mentions show (the strongest wording, how many mentions and
wordings, whether one sits in a skills or requirements list or only in company boilerplate) and
over the skill's group and type, since some kinds of skill (soft, business, domain) are named
loosely more often than tools are. The weights are fitted offline on the hand-labelled tuning
documents by ``benchmarks/fit_confidence.py`` and ship as package data
(``extract/data/skill_confidence.json``) with the figures measured on the held-out documents.

A parent inferred from a narrower skill (SageMaker -> AWS) is as likely as its likeliest child.
"""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from certpath.extract.document import Mention, SectionKind

MODEL_PATH = Path(__file__).parent / "data" / "skill_confidence.json"

LISTING = frozenset({SectionKind.SKILLS, SectionKind.REQUIREMENTS, SectionKind.NICE_TO_HAVE})
BOILERPLATE = frozenset({SectionKind.BENEFITS, SectionKind.COMPANY})


def skill_features(group: str, kind: str, mentions: Sequence[Mention]) -> dict[str, float]:
    """The named features of one skill in one document, from its explicit mentions.

    The same function builds the training rows and scores at run time, so the two cannot drift.

    Examples:
        >>> from certpath.extract.document import Strength
        >>> m = Mention("python", "Python", 0, 6, SectionKind.SKILLS, Strength.MENTIONED,
        ...             None, 0.9, False)
        >>> skill_features("programming", "language", [m])["in_listing"]
        1.0
    """
    return {
        "evidence": max(m.confidence for m in mentions),
        "log_mentions": math.log1p(len(mentions)),
        "several_wordings": float(len({m.text.casefold() for m in mentions}) > 1),
        "in_listing": float(any(m.section in LISTING for m in mentions)),
        "only_boilerplate": float(all(m.section in BOILERPLATE for m in mentions)),
        f"group:{group}": 1.0,
        f"type:{kind}": 1.0,
    }


@dataclass(frozen=True)
class SkillConfidence:
    """A fitted logistic model: ``P(named) = sigmoid(bias + sum(weight * feature))``."""

    bias: float
    weights: dict[str, float]
    provenance: dict[str, Any]

    @classmethod
    def load(cls, path: Path = MODEL_PATH) -> SkillConfidence:
        data = json.loads(path.read_text(encoding="utf-8"))
        return cls(float(data["bias"]), dict(data["weights"]), dict(data.get("provenance", {})))

    def __call__(self, features: dict[str, float]) -> float:
        """The probability, rounded to three places; unknown features weigh nothing."""
        score = self.bias + sum(self.weights.get(name, 0.0) * v for name, v in features.items())
        return round(1.0 / (1.0 + math.exp(-score)), 3)
