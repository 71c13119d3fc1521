"""Fit the skill-confidence model on the hand-labelled tuning documents; write it as package data.

    .venv/bin/python benchmarks/fit_confidence.py [--dry-run]

Each skill certpath finds in a tuning document (``benchmarks/labels``, texts read from
../shared/data) is one row: its features (:func:`certpath.extract.confidence.skill_features`)
and whether the hand labels name it. An L2-regularised logistic regression is fitted by Newton's
method; its penalty is chosen by five-fold cross-validation over *documents* of the tuning set.
The held-out documents are only scored, never used to fit or choose: log loss, Brier score and
expected calibration error against the mention-level confidence the summary used before, and
precision and recall at several ``--min-confidence`` thresholds. The weights and those figures
(the provenance of every skill confidence certpath prints) go to
``src/certpath/extract/data/skill_confidence.json``; ``--dry-run`` only prints them.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import math
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

from extract_accuracy import HELD_OUT, TUNING, VOCABULARY, gold_documents, prf, read_labelled

from certpath.catalog import Catalog, load_catalog
from certpath.extract.confidence import MODEL_PATH, skill_features
from certpath.extract.pipeline import Extractor

PENALTIES = (0.3, 1.0, 3.0, 10.0, 30.0)
THRESHOLDS = (0.5, 0.8, 0.85, 0.9, 0.95)
FOLDS = 5

Row = tuple[dict[str, float], bool, float]  # features, labelled, best mention confidence


def document_rows(
    catalog: Catalog, extractor: Extractor, which: str
) -> tuple[list[list[Row]], int]:
    """Rows per document of one label set, and the number of labelled skills (for recall)."""
    documents: list[list[Row]] = []
    labelled = 0
    for _, text, gold in gold_documents(which):
        labelled += len(gold)
        result = extractor.extract_document(read_labelled(text))
        found: dict[str, list] = {}
        for mention in result.mentions:
            if not mention.inferred:
                found.setdefault(mention.skill, []).append(mention)
        rows = []
        for skill, mentions in sorted(found.items()):
            if skill not in VOCABULARY:
                continue  # added to the taxonomy after labelling: its label is unknown
            known = catalog.skills[skill]
            features = skill_features(known.group.value, known.type.value, mentions)
            rows.append((features, skill in gold, max(m.confidence for m in mentions)))
        documents.append(rows)
    return documents, labelled


def matrix(rows: list[Row], names: list[str]) -> tuple[np.ndarray, np.ndarray]:
    index = {name: i + 1 for i, name in enumerate(names)}
    x = np.zeros((len(rows), len(names) + 1))
    x[:, 0] = 1.0
    for r, (features, _, _) in enumerate(rows):
        for name, value in features.items():
            if name in index:
                x[r, index[name]] = value
    return x, np.array([float(label) for _, label, _ in rows])


def fit(x: np.ndarray, y: np.ndarray, penalty: float) -> np.ndarray:
    """L2-regularised logistic regression (the intercept unpenalised), Newton's method."""
    w = np.zeros(x.shape[1])
    ridge = penalty * np.diag(np.r_[0.0, np.ones(x.shape[1] - 1)])
    for _ in range(100):
        p = 1.0 / (1.0 + np.exp(-x @ w))
        gradient = x.T @ (p - y) + ridge @ w
        hessian = x.T @ (x * (p * (1 - p))[:, None]) + ridge
        step = np.linalg.solve(hessian, gradient)
        w -= step
        if np.abs(step).max() < 1e-8:
            break
    return w


def log_loss(p: np.ndarray, y: np.ndarray) -> float:
    p = np.clip(p, 1e-6, 1 - 1e-6)
    return float(-np.mean(y * np.log(p) + (1 - y) * np.log(1 - p)))


def calibration_error(p: np.ndarray, y: np.ndarray, bins: int = 10) -> float:
    """Expected calibration error over equal-width bins."""
    total = 0.0
    for low in np.linspace(0, 1, bins, endpoint=False):
        inside = (p >= low) & (p < low + 1 / bins)
        if inside.any():
            total += inside.sum() * abs(p[inside].mean() - y[inside].mean())
    return float(total / len(p))


def scores(p: np.ndarray, y: np.ndarray) -> dict[str, float]:
    return {
        "log_loss": round(log_loss(p, y), 4),
        "brier": round(float(np.mean((p - y) ** 2)), 4),
        "calibration_error": round(calibration_error(p, y), 4),
    }


def build_model(catalog: Catalog) -> dict[str, object]:
    """The fitted model with its provenance, as written to the package data file."""
    extractor = Extractor(catalog)
    tuning, _ = document_rows(catalog, extractor, TUNING)
    held_out, held_out_labelled = document_rows(catalog, extractor, HELD_OUT)
    rows = [row for document in tuning for row in document]
    names = sorted({name for features, _, _ in rows for name in features})

    cross_validated: dict[float, float] = {}
    for penalty in PENALTIES:
        losses = []
        for fold in range(FOLDS):
            train = [r for i, d in enumerate(tuning) if i % FOLDS != fold for r in d]
            test = [r for i, d in enumerate(tuning) if i % FOLDS == fold for r in d]
            w = fit(*matrix(train, names), penalty)
            x, y = matrix(test, names)
            losses.append(log_loss(1 / (1 + np.exp(-x @ w)), y) * len(test))
        cross_validated[penalty] = sum(losses) / len(rows)
    penalty = min(cross_validated, key=lambda k: cross_validated[k])
    x, y = matrix(rows, names)
    w = fit(x, y, penalty)

    flat = [row for document in held_out for row in document]
    hx, hy = matrix(flat, names)
    learned = 1 / (1 + np.exp(-hx @ w))
    before = np.array([best for _, _, best in flat])
    operating = []
    for threshold in THRESHOLDS:
        chosen = learned >= threshold
        tp = int(hy[chosen].sum())
        precision, recall, f1 = prf(tp, int(chosen.sum()) - tp, held_out_labelled - tp)
        operating.append(
            {
                "min_confidence": threshold,
                "precision": round(precision, 3),
                "recall": round(recall, 3),
                "f1": round(f1, 3),
            }
        )
    return {
        "bias": round(float(w[0]), 4),
        "weights": {name: round(float(v), 4) for name, v in zip(names, w[1:], strict=True)},
        "provenance": {
            "fitted": dt.date.today().isoformat(),
            "command": ".venv/bin/python benchmarks/fit_confidence.py",
            "fitted_on": f"tuning set of benchmarks/labels: {len(tuning)} documents, "
            f"{len(rows)} skills found, {int(len(rows) - y.sum())} of them not labelled",
            "penalty": penalty,
            "cross_validated_log_loss": {
                str(k): round(v, 4) for k, v in sorted(cross_validated.items())
            },
            "held_out": {
                "documents": len(held_out),
                "skills_found": len(flat),
                "learned": scores(learned, hy),
                "best_mention_confidence": scores(before, hy),
                "operating_points": operating,
            },
        },
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--dry-run", action="store_true")
    args = parser.parse_args()
    model = build_model(load_catalog())
    print(json.dumps(model["provenance"], indent=2))
    weights = model["weights"]
    assert isinstance(weights, dict)
    if not all(math.isfinite(v) for v in [model["bias"], *weights.values()]):
        sys.exit("the fit did not converge (non-finite weights); nothing written")
    if not args.dry_run:
        MODEL_PATH.write_text(json.dumps(model, indent=2) + "\n", encoding="utf-8")
        print(f"wrote {MODEL_PATH}")


if __name__ == "__main__":
    main()
