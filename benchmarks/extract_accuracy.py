"""Extraction accuracy against hand labels, and span scores on the SkillSpan dev split.

    .venv/bin/python benchmarks/extract_accuracy.py [--errors 25] [--json]

Gold labels live in ``benchmarks/labels/*.jsonl`` (format and labelling guidelines in
``benchmarks/labels/README.md``), keyed by the SHA-256 of the text (the text itself is never
stored; it is read from ../shared/data, and a changed text fails loudly). Two sets:

- the *tuning* set (``postings_*.jsonl``, ``resumes.jsonl``: 60 postings from
  jobs_linkedin_aiml_us_2024/postings_dev.csv and 20 resumes from resumes_kaggle_updated), whose
  errors the taxonomy has been tuned against;
- the *held-out* set (``holdout_*.jsonl``: 20 other postings and 10 other resumes), labelled
  separately and never used for tuning, so its figures estimate accuracy on unseen text.

Only skills of the taxonomy the labels were made against (``labels/vocabulary.txt``) are
scored: a skill added since could not be labelled, so its predictions are listed apart.

``labels/agreement/second_reader.jsonl`` holds a second, independent reading of 10 tuning-set
postings: the agreement of the two readers is the ceiling any extractor can be measured against.

Prints micro precision, recall and F1 of the explicit skills certpath extracts (inferred parents
excluded), per set and data set, the readers' agreement, the most frequent false positives and
negatives of the tuning set, and strict and overlap span P/R/F1 on SkillSpan's dev "Knowledge"
spans (house, tech and both together; with every hit, and with soft-skill hits left out, since
SkillSpan marks soft skills as Skill spans, not Knowledge), for comparison with published figures
(ESCOXLM-R 62.6 strict; a dictionary matcher ~22 strict / ~49 overlap on the test split).
"""

from __future__ import annotations

import argparse
import bisect
import json
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import rows, shared_data, text_hash

from certpath.catalog import Catalog, load_catalog
from certpath.extract.document import Document
from certpath.extract.pipeline import Extractor
from certpath.extract.readers import read_text

LABELS = Path(__file__).resolve().parent / "labels"
TEXT_COLUMNS = {
    "jobs_linkedin_aiml_us_2024/postings_dev.csv": ("title", "description"),
    "resumes_kaggle_updated/UpdatedResumeDataSet.csv": (None, "Resume"),
}


HELD_OUT = "held-out"
TUNING = "tuning"


def label_set(path: Path) -> str:
    """Which set a label file belongs to: ``holdout_*.jsonl`` files are held out."""
    return HELD_OUT if path.name.startswith("holdout_") else TUNING


_TABLES: dict[str, list[dict[str, str]]] = {}
"""Rows of each data set, read once."""


def labelled(path: Path) -> Iterator[tuple[dict[str, Any], str]]:
    """Each label of a label file with the text it labels, read from ../shared/data; stops if
    the text is no longer the one labelled (hash mismatch)."""
    for line in path.read_text(encoding="utf-8").splitlines():
        label = json.loads(line)
        dataset = label["dataset"]
        table = _TABLES.get(dataset)
        if table is None:
            table = _TABLES[dataset] = list(rows(dataset))
        row = table[label["row"]]
        title_column, body_column = TEXT_COLUMNS[dataset]
        body = row[body_column]
        if text_hash(body) != label["id"]:
            sys.exit(f"{path.name}: row {label['row']} of {dataset} changed (hash mismatch)")
        yield label, f"{row[title_column]}\n{body}" if title_column else body


def gold_documents(which: str | None = None) -> list[tuple[str, str, set[str]]]:
    """(data set, text, gold skill ids) for every labelled document of ``which`` set (or all)."""
    return [
        (label["dataset"].split("/")[0], text, set(label["skills"]))
        for path in sorted(LABELS.glob("*.jsonl"))
        if which is None or label_set(path) == which
        for label, text in labelled(path)
    ]


VOCABULARY = frozenset((LABELS / "vocabulary.txt").read_text(encoding="utf-8").split())
"""The skill ids of the taxonomy the labels were made against: a skill added since could not be
labelled, so a prediction of it is neither right nor wrong and is left out of the scores."""


def read_labelled(text: str) -> Document:
    """A labelled text read as a user's text is (``certpath.extract(text)``): normalised
    (non-breaking spaces, mojibake, ligatures), its format sniffed, its sections found."""
    return read_text(text)


def found_skills(extractor: Extractor, text: str) -> set[str]:
    """The explicit skills certpath extracts from ``text`` (scored or not: see VOCABULARY)."""
    return set(extractor.extract_document(read_labelled(text)).skill_ids())


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def skill_scores(extractor: Extractor, errors: int, which: str = TUNING) -> dict[str, object]:
    """Micro P/R/F1 per data set and overall ("all") on one label set, with the top errors."""
    documents = gold_documents(which)
    totals: dict[str, Counter[str]] = {}
    false_pos: Counter[str] = Counter()
    false_neg: Counter[str] = Counter()
    unscored: Counter[str] = Counter()
    for dataset, text, gold in documents:
        predicted = found_skills(extractor, text)
        unscored.update(predicted - VOCABULARY)
        predicted &= VOCABULARY
        for key in (dataset, "all"):
            counts = totals.setdefault(key, Counter())
            counts["docs"] += 1
            counts["tp"] += len(predicted & gold)
            counts["fp"] += len(predicted - gold)
            counts["fn"] += len(gold - predicted)
        false_pos.update(predicted - gold)
        false_neg.update(gold - predicted)
    report: dict[str, object] = {}
    for key, counts in totals.items():
        precision, recall, f1 = prf(counts["tp"], counts["fp"], counts["fn"])
        report[key] = {
            "documents": counts["docs"],
            "tp": counts["tp"],
            "fp": counts["fp"],
            "fn": counts["fn"],
            "precision": round(precision, 4),
            "recall": round(recall, 4),
            "f1": round(f1, 4),
        }
    report["unscored_new_skills"] = dict(sorted(unscored.items()))
    report["top_false_positives"] = false_pos.most_common(errors)
    report["top_false_negatives"] = false_neg.most_common(errors)
    return report


def conll_sentences(path: Path) -> list[tuple[list[str], list[str]]]:
    """(tokens, knowledge tags) per sentence of a SkillSpan CoNLL file."""
    sentences: list[tuple[list[str], list[str]]] = []
    tokens: list[str] = []
    tags: list[str] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            if tokens:
                sentences.append((tokens, tags))
            tokens, tags = [], []
            continue
        parts = line.split("\t")
        tokens.append(parts[0])
        tags.append(parts[2] if len(parts) > 2 else "O")
    if tokens:
        sentences.append((tokens, tags))
    return sentences


def bio_spans(tags: list[str]) -> set[tuple[int, int]]:
    spans: set[tuple[int, int]] = set()
    start = None
    for index, tag in enumerate([*tags, "O"]):
        if tag.startswith("B") or tag == "O" or (tag.startswith("I") and start is None):
            if start is not None:
                spans.add((start, index))
                start = None
            if tag.startswith(("B", "I")):
                start = index
    return spans


def agreement(extractor: Extractor) -> dict[str, object]:
    """Second reader against the first on the doubly-read documents, and certpath against each
    (micro P/R/F1, the first reader as reference)."""
    first = {
        (label["dataset"], label["row"]): set(label["skills"])
        for path in LABELS.glob("*.jsonl")
        for label, _ in labelled(path)
    }
    pairs: dict[str, list[tuple[set[str], set[str]]]] = {
        "second reader vs first": [],
        "certpath vs first reader": [],
        "certpath vs second reader": [],
    }
    second = list(labelled(LABELS / "agreement" / "second_reader.jsonl"))
    for label, text in second:
        one, two = first[(label["dataset"], label["row"])], set(label["skills"])
        found = found_skills(extractor, text) & VOCABULARY
        pairs["second reader vs first"].append((two, one))
        pairs["certpath vs first reader"].append((found, one))
        pairs["certpath vs second reader"].append((found, two))
    report: dict[str, object] = {"documents": len(second)}
    for name, items in pairs.items():
        tp = sum(len(p & g) for p, g in items)
        fp = sum(len(p - g) for p, g in items)
        fn = sum(len(g - p) for p, g in items)
        report[name] = [round(x, 3) for x in prf(tp, fp, fn)]
    return report


def span_scores(extractor: Extractor, catalog: Catalog) -> dict[str, object]:
    """Strict and overlap span P/R/F1 on SkillSpan dev Knowledge spans, per subset and for both
    together (as published figures are given), with every hit and with soft-skill hits left out
    (SkillSpan marks those as Skill spans, not Knowledge)."""
    soft = {key for key, skill in catalog.skills.items() if skill.type.value == "soft"}
    counts: dict[str, Counter[str]] = {}
    for name in ("house", "tech"):
        path = shared_data() / "skillspan" / f"skillspan_{name}_dev.conll"
        for tokens, tags in conll_sentences(path):
            text = " ".join(tokens)
            starts, position = [], 0
            for token in tokens:
                starts.append(position)
                position += len(token) + 1
            gold = bio_spans(tags)
            hits = extractor.matcher.find(text)
            for variant, kept in (
                ("", hits),
                (" no soft", [h for h in hits if h.form.skill not in soft]),
            ):
                predicted = {
                    (
                        bisect.bisect_right(starts, hit.start) - 1,
                        bisect.bisect_left(starts, hit.end),
                    )
                    for hit in kept
                }
                for key in (name + variant, "all" + variant):
                    c = counts.setdefault(key, Counter())
                    c["tp"] += len(gold & predicted)
                    c["fp"] += len(predicted - gold)
                    c["fn"] += len(gold - predicted)
                    c["predicted"] += len(predicted)
                    c["gold"] += len(gold)
                    c["overlap_predicted"] += sum(
                        any(p[0] < g[1] and g[0] < p[1] for g in gold) for p in predicted
                    )
                    c["overlap_gold"] += sum(
                        any(p[0] < g[1] and g[0] < p[1] for p in predicted) for g in gold
                    )
    report: dict[str, object] = {}
    for key in sorted(counts, key=lambda k: (k.startswith("all"), k)):
        c = counts[key]
        loose_p = c["overlap_predicted"] / c["predicted"] if c["predicted"] else 0.0
        loose_r = c["overlap_gold"] / c["gold"] if c["gold"] else 0.0
        loose_f = 2 * loose_p * loose_r / (loose_p + loose_r) if loose_p + loose_r else 0.0
        report[key] = {
            "gold_spans": c["gold"],
            "predicted_spans": c["predicted"],
            "strict": [round(x * 100, 1) for x in prf(c["tp"], c["fp"], c["fn"])],
            "overlap": [round(x * 100, 1) for x in (loose_p, loose_r, loose_f)],
        }
    return report


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--errors", type=int, default=25)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    catalog = load_catalog()
    extractor = Extractor(catalog)
    report = {
        "skills": skill_scores(extractor, args.errors),
        "skills_held_out": skill_scores(extractor, args.errors, HELD_OUT),
        "agreement": agreement(extractor),
        "skillspan_dev": span_scores(extractor, catalog),
    }
    if args.json:
        print(json.dumps(report, indent=2))
        return
    skills = report["skills"]
    assert isinstance(skills, dict)
    held_out = report["skills_held_out"]
    assert isinstance(held_out, dict)
    print("explicit skills vs hand labels (micro):")
    for name, scores in ((TUNING, skills), (HELD_OUT, held_out)):
        for key, value in scores.items():
            if key.startswith("top_"):
                continue
            if key == "unscored_new_skills":
                print(f"  {name:<9} not scored (skills added since labelling): {value or 'none'}")
                continue
            print(
                f"  {name:<9} {key:<28} docs {value['documents']:3}  P {value['precision']:.3f}  "
                f"R {value['recall']:.3f}  F1 {value['f1']:.3f}  (tp {value['tp']}, "
                f"fp {value['fp']}, fn {value['fn']})"
            )
    agreed = report["agreement"]
    assert isinstance(agreed, dict)
    print(f"agreement on {agreed.pop('documents')} postings read twice (P/R/F1):")
    for name, value in agreed.items():
        print(f"  {name:<28} {value}")
    print("  most frequent false positives:", skills["top_false_positives"])
    print("  most frequent false negatives:", skills["top_false_negatives"])
    spans = report["skillspan_dev"]
    assert isinstance(spans, dict)
    print("SkillSpan dev, Knowledge spans (P/R/F1 %):")
    for name, value in spans.items():
        print(
            f"  {name:<14} strict {value['strict']}  overlap {value['overlap']}  "
            f"(gold {value['gold_spans']}, predicted {value['predicted_spans']})"
        )


if __name__ == "__main__":
    main()
