"""The Spark engine gives what the DuckDB engine gives: same postings, skills, certifications
and answers to the named queries, on files with quoting, newlines, duplicates and bad rows.

Runs under the ``spark`` marker (``.ci/run`` runs it; ``make test`` leaves it out). Without
pyspark or Java the tests skip, except in CI (``CI=true``), where they fail.
"""

from __future__ import annotations

import csv
import io
import json
import math
import os
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from certpath.catalog import Catalog, load_catalog
from certpath.market.postings import (
    FileReport,
    cert_mentions,
    cooccurrence,
    demand,
    demand_by_year,
    ingest_postings,
    load_parquet,
    seed_default_demand,
)
from certpath.market.queries import parameters
from certpath.market.store import MarketStore

pytestmark = pytest.mark.spark

SKILLS = [
    "Python, SQL and Tableau",
    "PyTorch, TensorFlow and Docker; Kubernetes is a plus",
    "Excel, Power BI, SQL",
    "Python (3+ years), statistics, machine learning",
    "AWS, Docker, Kubernetes, MLOps",
    "deep learning with PyTorch, RAG",
]
TITLES = [
    "Senior Machine Learning Engineer",
    "Data Scientist",
    "Data Analyst",
    "Junior Data Analyst",
    "MLOps Engineer",
    "Lead Data Scientist",
    "AI Engineer",
]
CERTS = ["", "AWS Certified Machine Learning - Specialty", "Azure certification a plus", "CKA"]


def _postings() -> list[tuple[str, str, str, str, str]]:
    """(title, description, date, company, location) rows, varied and mostly distinct."""
    rows = []
    for i in range(24):
        title = TITLES[i % len(TITLES)]
        body = f"Requirements:\n- {SKILLS[i % len(SKILLS)]}\n{CERTS[i % len(CERTS)]}\nRef {i}"
        if i % 5 == 0:
            body = f'We build "models", pipelines, and dashboards.\n\n{body}'  # quotes, commas
        date = f"{2022 + i % 3}-{1 + i % 12:02d}-{1 + i % 27:02d}" if i % 7 else ""
        rows.append((title, body, date, f"Company {i % 4}, Inc.", "Berlin, DE"))
    return rows


def _csv_text() -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["Job Title", "Job Description", "publishedAt", "Company", "Location"])
    rows = _postings()
    writer.writerows(rows)
    title, body, _date, company, location = rows[3]
    # the same text again, spaced and cased otherwise, with another date: the first one counts
    writer.writerow([title.upper(), body.replace(" ", "  "), "2021-06-01", company, location])
    writer.writerow([*rows[8][:2], "2020-01-01", "Other", "Paris"])
    text = out.getvalue()
    text += "bad,row,with,too,many,fields\n"  # a bad row
    text += ",,2024-01-01,Nobody,Nowhere\n"  # no title and no description
    text += "\n"  # a blank line is no row
    text += 'Data Engineer,"SQL, Spark ""streaming""\nand Airflow",2024-02-02,Zeta,"Oslo, NO"\n'
    return text


def _jsonl_text() -> str:
    rows = _postings()
    lines = [
        json.dumps({"job_title": "Data Scientist", "text": "Python, SQL. Ref J1", "date": "2023"}),
        json.dumps({"title": "ML Engineer", "description": "PyTorch\nDocker\nRef J2"}),
        # a posting of the CSV file again: the CSV file comes first, so its copy counts
        json.dumps({"title": rows[5][0], "description": rows[5][1], "date": "2019-01-01"}),
        "{not json",
        "[1, 2]",
        "",
        json.dumps(
            {
                "@type": "JobPosting",
                "title": "Data Analyst",
                "description": "Tableau and SQL; Ref J3",
                "datePosted": "2024-05-01",
            }
        ),
        json.dumps({"title": "AI Engineer", "description": "RAG, Python, AWS certified. J4"}),
        json.dumps({"title": "", "description": ""}),
    ]
    return "\n".join(lines) + "\n"


def _unavailable() -> str | None:
    try:
        import pyspark  # noqa: F401
    except ImportError:
        return "pyspark is not installed: pip install -e '.[spark]'"
    home = os.environ.get("JAVA_HOME")
    java = Path(home) / "bin" / "java" if home else None
    if (java is None or not java.is_file()) and shutil.which("java") is None:
        return "no Java: install a JDK 17+ (apt-get install -y openjdk-17-jre-headless)"
    return None


@pytest.fixture(scope="module")
def spark() -> Iterator[Any]:
    reason = _unavailable()
    if reason is not None:
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(f"the spark suite cannot run in CI: {reason}")
        pytest.skip(reason)
    from certpath.market.spark import spark_session

    session = spark_session("local[2]")
    yield session
    session.stop()


@dataclass
class Engines:
    duckdb: MarketStore
    spark: Any  # SparkEngine
    loaded: MarketStore  # DuckDB over the Parquet Spark wrote
    duckdb_reports: list[FileReport]
    spark_reports: list[FileReport]


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return load_catalog()


@pytest.fixture(scope="module")
def engines(
    spark: Any, catalog: Catalog, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Engines]:
    from certpath.market.spark import SparkEngine, ingest_postings_spark

    folder = tmp_path_factory.mktemp("spark-parity")
    paths = [folder / "jobs.csv", folder / "jobs.jsonl"]
    paths[0].write_text(_csv_text(), encoding="utf-8")
    paths[1].write_text(_jsonl_text(), encoding="utf-8")
    store = MarketStore(":memory:")
    duckdb_reports = ingest_postings(store, paths, catalog, processes=1)
    out = folder / "parquet"
    report = ingest_postings_spark(paths, None, out, session=spark)
    loaded = MarketStore(":memory:")
    load_parquet(loaded, out)
    yield Engines(store, SparkEngine(out, session=spark), loaded, duckdb_reports, report.files)
    store.close()
    loaded.close()


def _same(
    left: list[dict[str, Any]], right: list[dict[str, Any]], *, ordered: bool = False
) -> None:
    """Equal rows (in the same order when ``ordered``); floats equal within 1e-12."""

    def key(row: dict[str, Any]) -> tuple[str, ...]:
        return tuple(repr(row[k]) if not isinstance(row[k], float) else "" for k in sorted(row))

    assert len(left) == len(right)
    if ordered:
        assert [key(row) for row in left] == [key(row) for row in right]
    for a, b in zip(sorted(left, key=key), sorted(right, key=key), strict=True):
        assert a.keys() == b.keys()
        for column in a:
            if isinstance(a[column], float) or isinstance(b[column], float):
                assert math.isclose(a[column], b[column], rel_tol=1e-12, abs_tol=1e-12), column
            else:
                assert a[column] == b[column], (column, a, b)


def test_same_rows_read_bad_rows_and_duplicates(engines: Engines) -> None:
    for mine, theirs in zip(engines.duckdb_reports, engines.spark_reports, strict=True):
        assert mine.rows_read == theirs.rows_read
        assert [(b.line, b.reason) for b in mine.bad_rows] == [
            (b.line, b.reason) for b in theirs.bad_rows
        ]
        assert mine.notes == theirs.notes
    duplicates = sum(r.duplicates for r in engines.duckdb_reports)
    assert duplicates == sum(r.duplicates for r in engines.spark_reports) == 3
    assert [len(r.bad_rows) for r in engines.spark_reports] == [2, 3]


POSTING_COLUMNS = (
    "posting_id, source, title, company, location, posted_date, period, year, role, "
    "role_confidence, seniority, description"
)


@pytest.mark.parametrize(
    "text",
    [
        f"SELECT {POSTING_COLUMNS} FROM postings",
        "SELECT * FROM posting_skills",
        "SELECT * FROM posting_certs",
        "SELECT source_line FROM postings WHERE source = 'jobs.jsonl'",
    ],
    ids=["postings", "posting_skills", "posting_certs", "jsonl-lines"],
)
def test_same_tables(engines: Engines, text: str) -> None:
    mine = engines.duckdb.sql(text)
    assert mine
    _same(mine, engines.loaded.sql(text))


def test_the_first_copy_of_a_duplicate_is_kept(engines: Engines) -> None:
    years = {r["title"]: r["year"] for r in engines.loaded.sql("SELECT * FROM postings")}
    assert 2021 not in years.values()
    assert 2020 not in years.values()
    assert 2019 not in years.values()


PARAMETERS: list[tuple[str, dict[str, Any]]] = [
    ("postings_count", {"role": None, "seniority": None, "period": None}),
    ("postings_count", {"role": "data-analyst", "seniority": None, "period": "2023"}),
    ("postings_dated", {"role": None}),
    *[
        (
            "postings_demand",
            {
                "role": role,
                "seniority": seniority,
                "period": period,
                "inferred": inferred,
                "top": top,
            },
        )
        for role, seniority, period, inferred, top in [
            (None, None, None, False, 25),
            (None, None, None, True, 5),
            ("data-scientist", None, None, True, 25),
            (None, "senior", None, False, 25),
            (None, None, "2024", False, 25),
            (None, None, "2023-02", False, 25),
            ("nobody", None, None, False, 25),
        ]
    ],
    *[
        (
            "postings_cooccur",
            {
                "skill": skill,
                "role": role,
                "min_support": support,
                "inferred": inferred,
                "top": 20,
                "sort": sort,
            },
        )
        for skill, role, support, inferred, sort in [
            ("python", None, 1, False, "lift"),
            ("sql", None, 2, False, "count"),
            ("pytorch", None, 1, True, "lift"),
            ("python", "data-scientist", 1, False, "lift"),
        ]
    ],
    ("postings_certs", {"role": None, "by_role": False}),
    ("postings_certs", {"role": None, "by_role": True}),
    ("postings_certs", {"role": "ml-engineer", "by_role": False}),
    ("postings_demand_by_year", {"role": None, "skill": None, "inferred": False}),
    ("postings_demand_by_year", {"role": None, "skill": "sql", "inferred": False}),
    ("postings_demand_by_year", {"role": "data-analyst", "skill": None, "inferred": True}),
]


@pytest.mark.parametrize(("name", "params"), PARAMETERS)
def test_same_answers_to_the_named_queries(
    engines: Engines, name: str, params: dict[str, Any]
) -> None:
    mine = engines.duckdb.run(name, params)
    _same(mine, engines.spark.run(name, params), ordered=True)
    _same(mine, engines.loaded.run(name, params), ordered=True)


def test_questions_answer_alike_on_both_engines(engines: Engines) -> None:
    for ask in (
        lambda e: demand(e, top=10),
        lambda e: demand(e, role="nobody"),  # nothing ingested matches: the packaged data
        lambda e: cooccurrence(e, "python", min_support=1),
        lambda e: cert_mentions(e, by_role=True),
        lambda e: demand_by_year(e, skill="python"),
    ):
        mine, theirs = ask(engines.duckdb), ask(engines.spark)
        assert (mine.source, mine.source_note, mine.postings) == (
            theirs.source,
            theirs.source_note,
            theirs.postings,
        )
        _same(mine.rows, theirs.rows, ordered=True)


@pytest.mark.parametrize(
    ("name", "params"),
    [
        (
            "demand_packaged",
            {"source": "default", "role": "ml-engineer", "seniority": None, "period": None},
        ),
        (
            "cooccur_packaged",
            {"source": "default", "skill": "python", "min_support": 5, "sort": "lift"},
        ),
        ("certs_packaged", {"source": "default", "role": None, "by_role": True}),
        ("demand_by_year_packaged", {"source": "default", "role": None, "skill": "python"}),
    ],
)
def test_packaged_queries_run_on_spark(engines: Engines, name: str, params: dict[str, Any]) -> None:
    fresh = MarketStore(":memory:")
    seed_default_demand(fresh)
    params = {k: v for k, v in {"top": 15, **params}.items() if k in parameters(name)}
    _same(fresh.run(name, params), engines.spark.run(name, params), ordered=True)
