"""Market pipeline throughput and query latency (needs ../shared/data).

    python benchmarks/market_pipeline.py [--postings 100000] [--jobs 2]

1. End to end: the shared postings replicated to N rows (each copy made distinct with a
   reference line, so de-duplication does not shrink the work) in a temporary CSV, ingested
   with skill and certification extraction over ``--jobs`` processes, then aggregated
   (demand, co-occurrence, certifications). Prints postings/s and total seconds.
2. Query latency, p50/p95 over 20 runs, of demand / cooccur / certs and of salary / premium
   / trend (recomputed, not memoised) on the bundled
   (packaged) aggregates of a fresh store.
"""

from __future__ import annotations

import argparse
import csv
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import rows

from certpath.catalog import load_catalog
from certpath.market.postings import (
    cert_mentions,
    cooccurrence,
    demand,
    ingest_postings,
    seed_default_demand,
)
from certpath.market.salaries import SalaryFilter, premium, salary_stats, seed_default_salaries
from certpath.market.store import MarketStore
from certpath.market.trend import market_trend

SETS = (
    ("jobs_linkedin_aiml_us_2024/postings_dev.csv", "title", "description", "publishedAt"),
    ("jobs_glassdoor_ds_uncleaned/Uncleaned_DS_jobs.csv", "Job Title", "Job Description", None),
    ("jobs_glassdoor_kenjee_2020/glassdoor_jobs.csv", "Job Title", "Job Description", None),
    ("jobs_linkedin_california_2018/DataAnalyst.csv", "title", "description", None),
    ("jobs_linkedin_california_2018/DataScientist.csv", "title", "description", None),
)


def _write(path: Path, count: int) -> None:
    base = [
        (row[title], row[body], row[date] if date else "")
        for relative, title, body, date in SETS
        for row in rows(relative)
        if row.get(body)
    ]
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["title", "description", "date"])
        for i in range(count):
            title, body, date = base[i % len(base)]
            writer.writerow([title, f"{body}\n\nReference {i}", date])


def _latency(run: Callable[[], object], times: int = 20) -> tuple[float, float]:
    samples = []
    for _ in range(times):
        start = time.perf_counter()
        run()
        samples.append((time.perf_counter() - start) * 1000)
    samples.sort()
    return statistics.median(samples), samples[int(0.95 * (len(samples) - 1))]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--postings", type=int, default=100_000)
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args()
    catalog = load_catalog()
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "postings.csv"
        _write(source, args.postings)
        size = source.stat().st_size / 1e6
        store = MarketStore(Path(tmp) / "bench.duckdb")
        start = time.perf_counter()
        (report,) = ingest_postings(store, [source], catalog, processes=args.jobs)
        ingested = time.perf_counter() - start
        demand(store, top=25)
        cooccurrence(store, "python")
        cert_mentions(store, by_role=True)
        total = time.perf_counter() - start
        print(
            f"end to end: {report.added:,} postings ({size:.0f} MB) on {args.jobs} process(es): "
            f"ingest+extract {ingested:.1f} s, with aggregation {total:.1f} s, "
            f"{report.added / total:,.0f} postings/s"
        )
        store.close()
    fresh = MarketStore(":memory:")
    seed_default_demand(fresh)
    questions: dict[str, Callable[[], object]] = {
        "demand": lambda: demand(fresh, top=25),
        "demand --role ml-engineer --seniority senior": lambda: demand(
            fresh, role="ml-engineer", seniority="senior"
        ),
        "cooccur python": lambda: cooccurrence(fresh, "python"),
        "certs --by-role": lambda: cert_mentions(fresh, by_role=True),
    }
    for name, run in questions.items():
        p50, p95 = _latency(run)
        print(f"query {name} (packaged data): p50 {p50:.1f} ms, p95 {p95:.1f} ms")
    # the salary questions, recomputed each time (the memo is cleared before every run)
    seed_default_salaries(fresh)
    us_se = SalaryFilter(role="ml-engineer", level="SE", country="US")

    def cold(run: Callable[[], object]) -> Callable[[], object]:
        def again() -> object:
            fresh.changed()
            return run()

        return again

    salary_questions: dict[str, Callable[[], object]] = {
        "salary --role ml-engineer --level SE --country US": lambda: salary_stats(fresh, us_se),
        "premium --role ml-engineer --country US --group SE --baseline MI": lambda: premium(
            fresh, us_se, SalaryFilter(role="ml-engineer", level="MI", country="US")
        ),
        "trend --role ml-engineer": lambda: market_trend(fresh, SalaryFilter(role="ml-engineer")),
    }
    for name, run in salary_questions.items():
        p50, p95 = _latency(cold(run))
        print(f"query {name} (packaged data, not memoised): p50 {p50:.1f} ms, p95 {p95:.1f} ms")


if __name__ == "__main__":
    main()
