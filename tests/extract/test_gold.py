"""Extraction quality floors on the tricky cases in tests/data/extract_gold.yaml."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from certpath import extract
from certpath.catalog import load_catalog

GOLD = yaml.safe_load((Path(__file__).parent.parent / "data" / "extract_gold.yaml").read_text())
CASES = GOLD["cases"]

PRECISION_FLOOR = 0.97
RECALL_FLOOR = 0.95


def test_gold_set_precision_and_recall_floors() -> None:
    tp = fp = fn = 0
    misses = []
    for case in CASES:
        found = set(extract(case["text"]).skill_ids())
        gold = set(case["skills"])
        tp += len(found & gold)
        fp += len(found - gold)
        fn += len(gold - found)
        if found != gold:
            misses.append((case["name"], sorted(found - gold), sorted(gold - found)))
    precision = tp / (tp + fp)
    recall = tp / (tp + fn)
    assert precision >= PRECISION_FLOOR, misses
    assert recall >= RECALL_FLOOR, misses


@pytest.mark.parametrize("case", CASES, ids=[case["name"] for case in CASES])
def test_gold_case(case: dict[str, object]) -> None:
    text = case["text"]
    assert isinstance(text, str)
    assert set(extract(text).skill_ids()) == set(case["skills"])  # type: ignore[arg-type]


def test_label_vocabulary_is_in_the_taxonomy() -> None:
    """The skill ids the hand labels were made against still exist, and every label uses them:
    a renamed or removed skill would silently turn right answers into errors."""
    labels = Path(__file__).resolve().parents[2] / "benchmarks" / "labels"
    vocabulary = set((labels / "vocabulary.txt").read_text(encoding="utf-8").split())
    assert vocabulary <= set(load_catalog().skills)
    for path in sorted(labels.glob("**/*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            assert set(json.loads(line)["skills"]) <= vocabulary, path.name
