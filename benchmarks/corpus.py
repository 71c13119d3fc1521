"""Load the public posting and resume texts from ../shared/data for benchmarks and evaluation.

Nothing here is shipped: the data sets are evaluation-only, read in place. Set
``CERTPATH_SHARED_DIR`` to point elsewhere than ``../shared``.
"""

from __future__ import annotations

import csv
import hashlib
import os
import sys
from collections.abc import Iterator
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent

# (file under data/, title column, text column, encoding)
POSTING_SETS: tuple[tuple[str, str, str, str], ...] = (
    ("jobs_linkedin_aiml_us_2024/postings_dev.csv", "title", "description", "utf-8"),
    ("jobs_glassdoor_ds_uncleaned/Uncleaned_DS_jobs.csv", "Job Title", "Job Description", "utf-8"),
    ("jobs_glassdoor_kenjee_2020/glassdoor_jobs.csv", "Job Title", "Job Description", "utf-8"),
    ("jobs_linkedin_california_2018/DataAnalyst.csv", "title", "description", "utf-8"),
    ("jobs_linkedin_california_2018/DataScientist.csv", "title", "description", "utf-8"),
)


def shared_data() -> Path:
    root = Path(os.environ.get("CERTPATH_SHARED_DIR", REPO.parent / "shared"))
    data = root / "data"
    if not data.is_dir():
        sys.exit(f"needs the public data sets at {data} (set CERTPATH_SHARED_DIR)")
    return data


def text_hash(text: str) -> str:
    return "sha256:" + hashlib.sha256(text.encode("utf-8")).hexdigest()


def rows(relative: str, encoding: str = "utf-8") -> Iterator[dict[str, str]]:
    csv.field_size_limit(10**8)
    # opened like the labelling tools did (universal newlines), so text hashes agree
    with (shared_data() / relative).open(encoding=encoding) as handle:
        yield from csv.DictReader(handle)


def postings() -> list[str]:
    """Every posting text (title, newline, description), de-duplicated, in file order."""
    seen: set[str] = set()
    texts = []
    for relative, title, body, encoding in POSTING_SETS:
        for row in rows(relative, encoding):
            text = f"{row.get(title, '')}\n{row.get(body, '')}"
            if row.get(body) and text not in seen:
                seen.add(text)
                texts.append(text)
    return texts


def replicate(texts: list[str], megabytes: float) -> list[str]:
    """Repeat ``texts`` until they hold at least ``megabytes`` MB of UTF-8."""
    size = sum(len(text.encode("utf-8")) for text in texts)
    copies = max(1, int(megabytes * 1e6 // max(size, 1)) + 1)
    return texts * copies
