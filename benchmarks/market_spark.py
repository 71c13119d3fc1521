"""The market pipeline on DuckDB and on Spark, on the same input (needs ../shared/data).

    python benchmarks/market_spark.py [--postings 20000] [--jobs 2] [--master "local[*]"]

The shared postings replicated to N rows (each copy made distinct with a reference line, as in
``market_pipeline.py``) in a temporary CSV, then:

1. DuckDB: ingest with extraction over ``--jobs`` processes, then the demand, co-occurrence,
   certification and by-year questions;
2. Spark (``--master``): the same ingest, written as Parquet, then the same named queries on
   Spark over it.

Prints seconds and postings/s for each, and whether every aggregate is identical (floats
within 1e-12). Needs the ``spark`` extra and Java 17+.
"""

from __future__ import annotations

import argparse
import math
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from market_pipeline import _write

from certpath.catalog import load_catalog
from certpath.market.postings import ingest_postings
from certpath.market.spark import SparkEngine, ingest_postings_spark, spark_session
from certpath.market.store import MarketStore

QUESTIONS: list[tuple[str, dict[str, Any]]] = [
    (
        "postings_demand",
        {"role": None, "seniority": None, "period": None, "inferred": False, "top": 50},
    ),
    (
        "postings_demand",
        {"role": "data-scientist", "seniority": None, "period": None, "inferred": True, "top": 50},
    ),
    (
        "postings_cooccur",
        {
            "skill": "python",
            "role": None,
            "min_support": 5,
            "inferred": False,
            "top": 50,
            "sort": "lift",
        },
    ),
    ("postings_certs", {"role": None, "by_role": True}),
    ("postings_demand_by_year", {"role": None, "skill": None, "inferred": False}),
]


def _same(left: list[dict[str, Any]], right: list[dict[str, Any]]) -> bool:
    if len(left) != len(right):
        return False
    for a, b in zip(left, right, strict=True):
        for column, value in a.items():
            other = b.get(column)
            if isinstance(value, float) and isinstance(other, float):
                if not math.isclose(value, other, rel_tol=1e-12, abs_tol=1e-12):
                    return False
            elif value != other:
                return False
    return True


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--postings", type=int, default=20_000)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--master", default="local[*]")
    args = parser.parse_args()
    catalog = load_catalog()
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "postings.csv"
        _write(source, args.postings)
        size = source.stat().st_size / 1e6
        print(f"input: {args.postings:,} rows, {size:.0f} MB")

        store = MarketStore(Path(tmp) / "bench.duckdb")
        start = time.perf_counter()
        (report,) = ingest_postings(store, [source], catalog, processes=args.jobs)
        ingested = time.perf_counter() - start
        duck = {f"{name} {params}": store.run(name, params) for name, params in QUESTIONS}
        total = time.perf_counter() - start
        print(
            f"duckdb ({args.jobs} process(es)): {report.added:,} postings, ingest "
            f"{ingested:.1f} s, with queries {total:.1f} s, {report.added / total:,.0f} postings/s"
        )

        start = time.perf_counter()
        session = spark_session(args.master)
        started = time.perf_counter() - start
        out = Path(tmp) / "parquet"
        spark_report = ingest_postings_spark([source], None, out, session=session)
        ingested = time.perf_counter() - start
        with SparkEngine(out, session=session) as engine:
            spark = {f"{name} {params}": engine.run(name, params) for name, params in QUESTIONS}
        total = time.perf_counter() - start
        session.stop()
        print(
            f"spark ({args.master}): {spark_report.postings:,} postings, session start "
            f"{started:.1f} s, ingest {ingested:.1f} s, with queries {total:.1f} s, "
            f"{spark_report.postings / total:,.0f} postings/s"
        )
        same = [key for key in duck if _same(duck[key], spark[key])]
        print(
            f"aggregates identical: {len(same) == len(duck)} ({len(same)}/{len(duck)} queries; "
            f"postings {report.added:,} vs {spark_report.postings:,}, skill rows "
            f"{report.skill_rows:,} vs {spark_report.skill_rows:,})"
        )
        store.close()


if __name__ == "__main__":
    main()
