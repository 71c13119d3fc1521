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
from functools import cached_property
from pathlib import Path
from typing import Any

from certpath.extract.document import Mention, SectionKind

MODEL_PATH = Path(__file__).parent / "data" / "skill_confidence.json"

LISTING = frozenset({SectionKind.SKILLS, SectionKind.REQUIREMENTS, SectionKind.NICE_TO_HAVE})
BOILERPLATE = frozenset({SectionKind.BENEFITS, SectionKind.COMPANY})


MENTION_FEATURES = (
    "evidence",
    "log_mentions",
    "several_wordings",
    "in_listing",
    "only_boilerplate",
)
"""What a skill's mentions in one document show, in the order :func:`mention_features` gives."""


def mention_features(mentions: Sequence[Mention]) -> tuple[float, float, float, float, float]:
    """The strongest wording, log(1 + mentions), several wordings, any in a skills or
    requirements list, all in company or benefits boilerplate; one pass over the mentions."""
    best = 0.0
    listing = False
    boilerplate = True
    first = mentions[0].text.casefold()
    several = False
    for mention in mentions:
        if mention.confidence > best:
            best = mention.confidence
        section = mention.section
        if section in LISTING:
            listing = True
        if section not in BOILERPLATE:
            boilerplate = False
        if not several and mention.text.casefold() != first:
            several = True
    return best, math.log1p(len(mentions)), float(several), float(listing), float(boilerplate)


def skill_features(group: str, kind: str, mentions: Sequence[Mention]) -> dict[str, float]:
    """The named features of one skill in one document, from its explicit mentions.

    What the model is fitted on; scoring at run time uses the same :func:`mention_features`.

    Examples:
        >>> from certpath.extract.document import Strength
        >>> m = Mention("python", "Python", 0, 6, SectionKind.SKILLS, Strength.MENTIONED,
        ...             None, 0.9, False)
        >>> skill_features("programming", "language", [m])["in_listing"]
        1.0
    """
    features = dict(zip(MENTION_FEATURES, mention_features(mentions), strict=True))
    features[f"group:{group}"] = 1.0
    features[f"type:{kind}"] = 1.0
    return features


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
        return _probability(score)

    def prior(self, group: str, kind: str) -> float:
        """The part of the score that depends on the skill alone (computed once per skill)."""
        weights = self.weights
        return self.bias + weights.get(f"group:{group}", 0.0) + weights.get(f"type:{kind}", 0.0)

    def probability(self, prior: float, mentions: Sequence[Mention]) -> float:
        """What ``self(skill_features(...))`` gives, without building the named features."""
        w0, w1, w2, w3, w4 = self._mention_weights
        f0, f1, f2, f3, f4 = mention_features(mentions)
        return _probability(prior + w0 * f0 + w1 * f1 + w2 * f2 + w3 * f3 + w4 * f4)

    @cached_property
    def _mention_weights(self) -> tuple[float, float, float, float, float]:
        w = [self.weights.get(name, 0.0) for name in MENTION_FEATURES]
        return w[0], w[1], w[2], w[3], w[4]


def _probability(score: float) -> float:
    """The logistic of a score, rounded to three places and kept within [0.001, 0.999]: a
    model fitted on 80 documents never knows a skill is certainly there, or certainly not."""
    return min(0.999, max(0.001, round(1.0 / (1.0 + math.exp(-score)), 3)))
