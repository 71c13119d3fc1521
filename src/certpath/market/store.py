"""The market database: one DuckDB file under the user's data directory, and its tables.

Opened by the façade with the path from settings (``CERTPATH_DATA_DIR``/market.duckdb). On first
open it is created with the schema below and seeded from the packaged defaults (the CC0
aijobs.net salary records and the skill-demand aggregates), so questions answer on a fresh
install with no ingest step. All SQL passes values as parameters; named queries come from
:mod:`certpath.market.queries`. One connection per store; a store is not shared across threads.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import duckdb

from certpath.market.queries import query

SCHEMA_VERSION = 1

SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key VARCHAR PRIMARY KEY, value VARCHAR);

-- every file ingested, so that ingesting it again adds nothing
CREATE TABLE IF NOT EXISTS ingested_files (
    file_hash VARCHAR PRIMARY KEY,   -- sha256 of the file's bytes
    path VARCHAR, kind VARCHAR,      -- 'postings' | 'salaries'
    rows_read INTEGER, rows_added INTEGER, duplicates INTEGER, bad_rows INTEGER,
    ingested_at TIMESTAMP
);

-- one row per distinct posting text (re-posts of the same text are duplicates)
CREATE TABLE IF NOT EXISTS postings (
    posting_id VARCHAR PRIMARY KEY,  -- sha256 of the normalised title + description
    source VARCHAR, source_line INTEGER,
    title VARCHAR, company VARCHAR, location VARCHAR, country VARCHAR,
    posted_date DATE, period VARCHAR, -- period: 'YYYY-MM'
    year INTEGER,
    role VARCHAR, role_confidence DOUBLE, seniority VARCHAR,
    description VARCHAR
);

CREATE TABLE IF NOT EXISTS posting_skills (
    posting_id VARCHAR, skill VARCHAR, strength VARCHAR, years DOUBLE, confidence DOUBLE,
    inferred BOOLEAN,
    PRIMARY KEY (posting_id, skill)
);

-- one row per distinct salary record (see salaries.py for the de-duplication rule)
CREATE TABLE IF NOT EXISTS salaries (
    record_id VARCHAR PRIMARY KEY,
    source VARCHAR,
    work_year INTEGER, experience_level VARCHAR, employment_type VARCHAR, job_title VARCHAR,
    salary DOUBLE, salary_currency VARCHAR, salary_in_usd DOUBLE,
    employee_residence VARCHAR, remote_ratio INTEGER, company_location VARCHAR,
    company_size VARCHAR,
    role VARCHAR, seniority VARCHAR, genai BOOLEAN
);

-- skill demand aggregates: packaged defaults (source 'default') and computed from postings
CREATE TABLE IF NOT EXISTS demand_aggregates (
    source VARCHAR, role VARCHAR, seniority VARCHAR, period VARCHAR,
    skill VARCHAR, postings_with_skill INTEGER, postings_total INTEGER
);
"""


class MarketStore:
    """A DuckDB market database.

    Args:
        path: the database file (created with its folder when missing), or ``":memory:"``.
    """

    def __init__(self, path: Path | str) -> None:
        self.path = path
        if isinstance(path, Path):
            path.parent.mkdir(parents=True, exist_ok=True)
        self.connection = duckdb.connect(str(path))
        # answers that are costly to compute (bootstrap intervals), keyed by question and
        # parameters; cleared by every write (see ``changed``)
        self.memo: dict[tuple[Any, ...], Any] = {}
        self.connection.execute(SCHEMA)
        self.connection.execute(
            "INSERT OR IGNORE INTO meta VALUES ('schema_version', ?)", [str(SCHEMA_VERSION)]
        )

    def changed(self) -> None:
        """Forget memoised answers: call after anything writes to the store."""
        self.memo.clear()

    def close(self) -> None:
        self.connection.close()

    def __enter__(self) -> MarketStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def run(self, name: str, params: Mapping[str, Any] | None = None) -> list[dict[str, Any]]:
        """Run a named query with named parameters; rows as dictionaries."""
        cursor = self.connection.execute(query(name, "duckdb"), dict(params or {}))
        columns = [d[0] for d in cursor.description or []]
        return [dict(zip(columns, row, strict=True)) for row in cursor.fetchall()]

    def sql(
        self, text: str, params: Sequence[Any] | Mapping[str, Any] = ()
    ) -> list[dict[str, Any]]:
        """Run literal SQL with bound parameters (for ingest and maintenance, not questions)."""
        cursor = self.connection.execute(text, params)
        description: list[Any] | None = cursor.description
        if not description:  # a statement that returns no rows
            return []
        columns = [d[0] for d in description]
        return [dict(zip(columns, row, strict=True)) for row in cursor.fetchall()]
