"""Plan latency: p50/p95 of ``Navigator.plan`` on each bundled example, warm.

    python benchmarks/plan_latency.py [--runs 50] [--warmup 3]

One Navigator (catalog, extraction engine and market store loaded once, as in the web app)
plans each file of ``examples/`` ``--warmup`` times unmeasured, then ``--runs`` times
measured; prints p50, p95 and max per example in milliseconds. The market store lives in a
temporary data folder so the benchmark never touches a user's own data. Needs no ../shared.
"""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from certpath.api import Navigator
from certpath.settings import Settings

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
CASES: tuple[tuple[str, dict[str, Any]], ...] = (
    (
        "career-changer-resume.md",
        {"target": "ml-engineer", "cloud": "aws", "hours": 6, "location": "US"},
    ),
    ("mid-data-scientist.yaml", {}),
    ("engineering-manager.yaml", {}),
)


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(share * (len(ordered) - 1))))
    return ordered[index]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=50)
    parser.add_argument("--warmup", type=int, default=3)
    args = parser.parse_args()

    if not callable(getattr(Navigator, "plan", None)):
        print(
            "Navigator.plan is not available in this build of certpath (the planning engine "
            "has not landed yet); nothing to measure.",
            file=sys.stderr,
        )
        return 2

    with tempfile.TemporaryDirectory(prefix="certpath-bench-") as data_dir:
        nav = Navigator(Settings(data_dir=Path(data_dir)), today=dt.date(2026, 11, 25))
        print(f"Navigator.plan latency, {args.runs} warm runs per example ({args.warmup} warm-up)")
        print(f"{'example':<28} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8}")
        for name, options in CASES:
            path = EXAMPLES / name
            for _ in range(args.warmup):
                nav.plan(path, **options)
            timings: list[float] = []
            for _ in range(args.runs):
                began = time.perf_counter()
                nav.plan(path, **options)
                timings.append((time.perf_counter() - began) * 1000)
            print(
                f"{name:<28} {statistics.median(timings):>8.1f} "
                f"{_percentile(timings, 0.95):>8.1f} {max(timings):>8.1f}"
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
