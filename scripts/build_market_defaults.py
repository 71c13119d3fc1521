"""Build the packaged skill-demand aggregates from the public posting sets in ../shared/data.

    python scripts/build_market_defaults.py --data ../shared/data --out src/certpath/market/data

Ingests every posting set below (each with its column mapping: the sets' headers all differ)
into a temporary market store with the same pipeline as ``certpath market ingest postings``,
then writes three gzip CSV files of counts only — never a title, description or company:

* ``demand.csv.gz``: counting, role, seniority, period, skill, postings_with_skill,
  postings_total (a row with skill ``*`` carries each group's total);
* ``cooccurrence.csv.gz``: counting, skill_a, skill_b, postings_with_both, postings_with_a,
  postings_with_b, postings_total (pairs seen in at least MIN_PAIR postings, skill_a < skill_b);
* ``cert_mentions.csv.gz``: role, cert, ecosystem, generic, postings_with_cert,
  postings_total (cert ``*`` rows carry each role's total).

``counting`` is ``explicit`` (skills the text names) or ``with-inferred`` (plus the parents
they imply). Every value written is checked to be a catalog id, a seniority, a period or a
number, so no free text can leak into the package.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import io
import re
import sys
import tempfile
import time
from pathlib import Path

from certpath.catalog import load_catalog
from certpath.catalog.models import Seniority
from certpath.market.postings import ColumnMapping, ingest_postings
from certpath.market.store import MarketStore

MIN_PAIR = 5  # the default --min-support: rarer pairs are never shown by default

POSTING_SETS: tuple[tuple[str, dict[str, str]], ...] = (
    (
        "jobs_linkedin_aiml_us_2024/postings_dev.csv",
        {
            "title": "title",
            "description": "description",
            "company": "companyName",
            "date": "publishedAt",
            "seniority": "experienceLevel",
        },
    ),
    (
        "jobs_glassdoor_ds_uncleaned/Uncleaned_DS_jobs.csv",
        {"title": "Job Title", "description": "Job Description", "company": "Company Name"},
    ),
    (
        "jobs_glassdoor_kenjee_2020/glassdoor_jobs.csv",
        {
            "title": "Job Title",
            "description": "Job Description",
            "company": "Company Name",
            "period": "2020",
        },
    ),
    (
        "jobs_linkedin_california_2018/DataAnalyst.csv",
        {
            "title": "title",
            "description": "description",
            "company": "company",
            "seniority": "seniority",
            "period": "2018",
        },
    ),
    (
        "jobs_linkedin_california_2018/DataScientist.csv",
        {
            "title": "title",
            "description": "description",
            "company": "company",
            "seniority": "seniority",
            "period": "2018",
        },
    ),
    (
        # no description: the site's skill tags stand in for it (cp1252, read with a note)
        "jobs_aijobs_listings_skills/data_science_job.csv",
        {
            "title": "Job Title",
            "description": "Requirment of the company",
            "company": "Company",
            "seniority": "Experience level",
        },
    ),
)
"""Each shared posting set with its column mapping (the same keys as a --mapping file)."""

_PERIOD = re.compile(r"\d{4}(?:-\d{2})?")


def build(data: Path, out: Path, processes: int | None) -> dict[str, int]:
    catalog = load_catalog()
    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        store = MarketStore(Path(tmp) / "build.duckdb")
        for relative, fields in POSTING_SETS:
            path = data / relative
            if not path.is_file():
                sys.exit(f"missing {path}: needs the shared data sets")
            (report,) = ingest_postings(
                store, [path], catalog, mapping=ColumnMapping(**fields), processes=processes
            )
            print(
                f"{relative}: {report.rows_read} rows, {report.added} added, "
                f"{report.duplicates} duplicates, {len(report.bad_rows)} bad rows"
                + "".join(f"; {note}" for note in report.notes)
            )
        tables = {
            "demand.csv.gz": _demand(store),
            "cooccurrence.csv.gz": _cooccurrence(store),
            "cert_mentions.csv.gz": _certs(store),
        }
        total = store.sql("SELECT COUNT(*) AS n FROM postings")[0]["n"]
        store.close()
    allowed = _allowed(catalog)
    out.mkdir(parents=True, exist_ok=True)
    for name, (header, rows) in tables.items():
        for row in rows:
            _check(name, header, row, allowed)
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(rows)
        # mtime=0: the same input gives byte-identical files
        (out / name).write_bytes(gzip.compress(buffer.getvalue().encode("utf-8"), mtime=0))
        print(f"{out / name}: {len(rows)} rows, {(out / name).stat().st_size:,} bytes")
    print(f"{total} distinct postings in {time.perf_counter() - started:.1f} s")
    return {"postings": total}


def _demand(store: MarketStore) -> tuple[list[str], list[tuple[object, ...]]]:
    header = [
        "counting",
        "role",
        "seniority",
        "period",
        "skill",
        "postings_with_skill",
        "postings_total",
    ]
    rows = store.sql(
        """
        WITH p AS (
            SELECT posting_id, COALESCE(role, '') AS role, seniority,
                   COALESCE(period, CAST(year AS VARCHAR), '') AS period
            FROM postings
        ),
        totals AS (SELECT role, seniority, period, COUNT(*) AS n FROM p GROUP BY ALL),
        counting AS (SELECT * FROM (VALUES ('explicit', FALSE), ('with-inferred', TRUE)) c(k, inf))
        SELECT c.k AS counting, t.role, t.seniority, t.period, '*' AS skill,
               t.n AS postings_with_skill, t.n AS postings_total
        FROM totals t CROSS JOIN counting c
        UNION ALL
        SELECT c.k, p.role, p.seniority, p.period, s.skill, COUNT(*), ANY_VALUE(t.n)
        FROM posting_skills s JOIN p USING (posting_id)
        JOIN totals t USING (role, seniority, period)
        CROSS JOIN counting c
        WHERE c.inf OR NOT s.inferred
        GROUP BY c.k, p.role, p.seniority, p.period, s.skill
        ORDER BY 1, 2, 3, 4, 5
        """
    )
    return header, [tuple(row.values()) for row in rows]


def _cooccurrence(store: MarketStore) -> tuple[list[str], list[tuple[object, ...]]]:
    header = [
        "counting",
        "skill_a",
        "skill_b",
        "postings_with_both",
        "postings_with_a",
        "postings_with_b",
        "postings_total",
    ]
    rows = store.sql(
        """
        WITH counting AS (
            SELECT * FROM (VALUES ('explicit', FALSE), ('with-inferred', TRUE)) c(k, inf)
        ),
        s AS (
            SELECT c.k, s.posting_id, s.skill FROM posting_skills s CROSS JOIN counting c
            WHERE c.inf OR NOT s.inferred
        ),
        single AS (SELECT k, skill, COUNT(*) AS n FROM s GROUP BY k, skill),
        total AS (SELECT COUNT(*) AS n FROM postings)
        SELECT a.k, a.skill AS skill_a, b.skill AS skill_b, COUNT(*) AS both_,
               ANY_VALUE(sa.n) AS n_a, ANY_VALUE(sb.n) AS n_b, ANY_VALUE(total.n) AS n
        FROM s a JOIN s b ON a.posting_id = b.posting_id AND a.k = b.k AND a.skill < b.skill
        JOIN single sa ON sa.k = a.k AND sa.skill = a.skill
        JOIN single sb ON sb.k = b.k AND sb.skill = b.skill
        CROSS JOIN total
        GROUP BY a.k, a.skill, b.skill
        HAVING COUNT(*) >= ?
        ORDER BY 1, 2, 3
        """,
        [MIN_PAIR],
    )
    return header, [tuple(row.values()) for row in rows]


def _certs(store: MarketStore) -> tuple[list[str], list[tuple[object, ...]]]:
    header = ["role", "cert", "ecosystem", "generic", "postings_with_cert", "postings_total"]
    rows = store.sql(
        """
        WITH p AS (SELECT posting_id, COALESCE(role, '') AS role FROM postings),
        totals AS (SELECT role, COUNT(*) AS n FROM p GROUP BY role)
        SELECT role, '*' AS cert, '' AS ecosystem, FALSE AS generic, n AS with_cert, n AS total
        FROM totals
        UNION ALL
        SELECT p.role, c.cert, c.ecosystem, c.generic, COUNT(*), ANY_VALUE(t.n)
        FROM posting_certs c JOIN p USING (posting_id) JOIN totals t USING (role)
        GROUP BY p.role, c.cert, c.ecosystem, c.generic
        ORDER BY 1, 2
        """
    )
    return header, [tuple(row.values()) for row in rows]


def _allowed(catalog: object) -> set[str]:
    from certpath.catalog.loader import Catalog

    assert isinstance(catalog, Catalog)
    values = {"", "*", "explicit", "with-inferred", "True", "False", "vendor-neutral"}
    values |= set(catalog.skills) | set(catalog.roles) | set(catalog.certifications)
    values |= {level.value for level in Seniority}
    values |= {c.ecosystem.value for c in catalog.certifications.values()}
    values |= {f"ecosystem:{c.ecosystem.value}" for c in catalog.certifications.values()}
    values |= {"ecosystem:oci", "ecosystem:ibm", "ecosystem:salesforce", "ecosystem:nvidia"}
    return values


def _check(name: str, header: list[str], row: tuple[object, ...], allowed: set[str]) -> None:
    """Refuse to write anything that is not an id, a period or a number."""
    for column, value in zip(header, row, strict=True):
        if isinstance(value, bool | int):
            continue
        text = str(value)
        if column == "period" and (text == "" or _PERIOD.fullmatch(text)):
            continue
        if text not in allowed:
            sys.exit(f"{name}: refusing to write {column}={text!r}: not an id, period or count")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=Path("../shared/data"))
    parser.add_argument("--out", type=Path, default=Path("src/certpath/market/data"))
    parser.add_argument("--jobs", type=int, default=None, help="extraction processes")
    args = parser.parse_args()
    build(args.data, args.out, args.jobs)


if __name__ == "__main__":
    main()
