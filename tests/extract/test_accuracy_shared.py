"""Extraction accuracy on the hand-labelled public postings and resumes stays above its floor.

Runs benchmarks/extract_accuracy.py's scoring on ../shared/data (CI has it); the floors sit just
under the figures measured when the labels and taxonomy last changed, so a regression fails.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

from certpath.catalog import load_catalog
from certpath.extract.pipeline import Extractor

pytestmark = pytest.mark.shared

BENCHMARKS = Path(__file__).resolve().parents[2] / "benchmarks"

FLOORS = {
    "tuning": {"precision": 0.945, "recall": 0.815, "f1": 0.875},
    "held-out": {"precision": 0.94, "recall": 0.73, "f1": 0.82},
}


def _load(name: str) -> ModuleType:
    sys.path.insert(0, str(BENCHMARKS))
    spec = importlib.util.spec_from_file_location(name, BENCHMARKS / f"{name}.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("which", sorted(FLOORS))
def test_hand_labelled_accuracy_floors(
    which: str, shared: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CERTPATH_SHARED_DIR", str(shared))
    accuracy = _load("extract_accuracy")
    report = accuracy.skill_scores(Extractor(load_catalog()), errors=5, which=which)
    overall = report["all"]
    for metric, floor in FLOORS[which].items():
        assert overall[metric] >= floor, (which, metric, overall)


def test_agreement_with_both_readers(shared: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The doubly-read postings still match their texts, and certpath stays near the readers."""
    monkeypatch.setenv("CERTPATH_SHARED_DIR", str(shared))
    accuracy = _load("extract_accuracy")
    report = accuracy.agreement(Extractor(load_catalog()))
    assert report["documents"] == 10
    assert report["second reader vs first"][2] >= 0.9  # the readers largely agree
    assert report["certpath vs first reader"][2] >= 0.9
    assert report["certpath vs second reader"][2] >= 0.86
