"""Extraction throughput on real postings, against flashtext and a spaCy PhraseMatcher, one run.

    .venv/bin/python benchmarks/extract_throughput.py [--mb 50] [--baseline-mb 10] [--rounds 5]

Reads every posting in ../shared/data (evaluation-only; nothing is copied), replicates them to
``--mb`` MB, and prints, for one core: the matcher's build time; MB/s and docs/s of certpath's
matcher with the full taxonomy and every context rule on (``Matcher.find``, the best of three
passes over the whole corpus) and of the whole
pipeline (sections, strength, years, inferred parents: ``Extractor.extract_document``); the
same surface forms through flashtext's KeywordProcessor and through a spaCy PhraseMatcher over
a blank English tokenizer (attr LOWER), on the first ``--baseline-mb`` MB (they are slower), and
the ratios, with certpath's matcher timed on that same sample: the three take turns, one pass
each per round, and each keeps its best of ``--rounds`` passes, so that a slow spell of the
machine slows all three alike; peak resident memory. Needs ``pip install 'certpath[bench]'``
for the baselines.
"""

from __future__ import annotations

import argparse
import resource
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import postings, replicate

from certpath.catalog import load_catalog
from certpath.extract import matcher as matcher_module
from certpath.extract.document import Document
from certpath.extract.matcher import Matcher
from certpath.extract.pipeline import Extractor
from certpath.extract.sections import detect_sections


def megabytes(texts: list[str]) -> float:
    return sum(len(text.encode("utf-8")) for text in texts) / 1e6


def timed(label: str, texts: list[str], run: object, rounds: int = 3) -> float:
    """MB/s of ``run`` over ``texts``, the best of ``rounds`` passes."""
    assert callable(run)
    seconds = float("inf")
    found = 0
    for _ in range(rounds):
        start = time.perf_counter()
        found = 0
        for text in texts:
            found += len(run(text))
        seconds = min(seconds, time.perf_counter() - start)
    rate = megabytes(texts) / seconds
    print(
        f"{label:<44} {rate:8.1f} MB/s {len(texts) / seconds:9.0f} docs/s "
        f"({megabytes(texts):.1f} MB, {found} hits, best of {rounds}: {seconds:.1f} s)"
    )
    return rate


CERTPATH_SAMPLE = "certpath Matcher.find, same sample (1 core)"
FLASHTEXT_AND_SPACY = (
    "flashtext KeywordProcessor (1 core)",
    "spaCy PhraseMatcher, blank en (1 core)",
)


def interleaved(runs: dict[str, object], texts: list[str], rounds: int) -> dict[str, float]:
    """MB/s of each run over ``texts``, the best of ``rounds`` passes taken in turn (one pass
    of each, then again), printed as :func:`timed` prints."""
    best: dict[str, float] = {}
    found: dict[str, int] = {}
    for _ in range(rounds):
        for label, run in runs.items():
            assert callable(run)
            start = time.perf_counter()
            found[label] = sum(len(run(text)) for text in texts)
            best[label] = min(best.get(label, float("inf")), time.perf_counter() - start)
    size = megabytes(texts)
    for label, seconds in best.items():
        print(
            f"{label:<44} {size / seconds:8.1f} MB/s {len(texts) / seconds:9.0f} docs/s "
            f"({size:.1f} MB, {found[label]} hits, best of {rounds}: {seconds:.2f} s)"
        )
    return {label: size / seconds for label, seconds in best.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--mb", type=float, default=50.0)
    parser.add_argument("--baseline-mb", type=float, default=10.0)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()

    base = postings()
    corpus = replicate(base, args.mb)
    print(
        f"corpus: {len(base)} unique postings, replicated to {len(corpus)} docs, "
        f"{megabytes(corpus):.1f} MB"
    )
    catalog = load_catalog()

    start = time.perf_counter()
    matcher = Matcher.from_catalog(catalog)
    build = time.perf_counter() - start
    aliases = sorted(
        {alias.text for skill in catalog.skills.values() for alias in skill.surface_forms()}
    )
    automaton = "daachorse" if matcher_module.daachorse is not None else "ahocorasick_rs"
    print(
        f"matcher: {len(matcher.forms)} compiled forms ({len(aliases)} surface forms), "
        f"{automaton} automaton, built in {build:.2f} s"
    )

    timed("certpath Matcher.find (1 core)", corpus, matcher.find)
    extractor = Extractor(catalog)
    documents = [
        Document(text, sections=detect_sections(text)) for text in corpus[: len(corpus) // 5]
    ]
    start = time.perf_counter()
    for document in documents:
        extractor.extract_document(document)
    seconds = time.perf_counter() - start
    texts = [d.text for d in documents]
    print(
        f"{'certpath full pipeline (1 core)':<44} {megabytes(texts) / seconds:8.1f} MB/s "
        f"{len(documents) / seconds:9.0f} docs/s ({megabytes(texts):.1f} MB)"
    )
    start = time.perf_counter()
    for text in texts:
        detect_sections(text)
    print(
        f"{'  of which section detection':<44} "
        f"{megabytes(texts) / (time.perf_counter() - start):8.1f} MB/s"
    )

    sample = replicate(base, args.baseline_mb)
    sample = sample[
        : max(1, int(len(sample) * args.baseline_mb * 1e6 / max(megabytes(sample) * 1e6, 1)))
    ]
    # the three run on the same sample in interleaved rounds (certpath, flashtext, spaCy, then
    # again), each keeping its best pass: a slow spell of the machine hits all three alike
    runs: dict[str, object] = {CERTPATH_SAMPLE: matcher.find}
    try:
        from flashtext import KeywordProcessor
    except ImportError:
        print("flashtext not installed: pip install 'certpath[bench]'")
    else:
        processor = KeywordProcessor(case_sensitive=False)
        for alias in aliases:
            processor.add_keyword(alias)
        runs["flashtext KeywordProcessor (1 core)"] = processor.extract_keywords
    try:
        import spacy
        from spacy.matcher import PhraseMatcher
    except ImportError:
        print("spaCy not installed: pip install 'certpath[bench]'")
    else:
        nlp = spacy.blank("en")
        phrase_matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        phrase_matcher.add("SKILL", [nlp.make_doc(alias) for alias in aliases])
        runs["spaCy PhraseMatcher, blank en (1 core)"] = lambda text: phrase_matcher(
            nlp.make_doc(text)
        )
    rates = interleaved(runs, sample, rounds=args.rounds)
    same = rates[CERTPATH_SAMPLE]
    flash, phrase = (rates.get(name) for name in FLASHTEXT_AND_SPACY)
    if flash:
        print(f"ratio vs flashtext: {same / flash:.1f}x (target >= 5x)")
    if phrase:
        print(f"ratio vs spaCy PhraseMatcher: {same / phrase:.1f}x (target >= 8x)")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak resident memory: {peak:.0f} MB (whole process, corpus included)")


if __name__ == "__main__":
    main()
