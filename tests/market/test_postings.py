"""Postings ingest and the demand questions, on small files written by each test."""

from __future__ import annotations

import json
from pathlib import Path

import duckdb
import pytest
import typer
from typer.testing import CliRunner

import certpath.cli.market
from certpath.api import Navigator
from certpath.catalog import Catalog, load_catalog
from certpath.cli import roles as roles_cli
from certpath.errors import InputError
from certpath.market.certmentions import CertMatcher
from certpath.market.postings import (
    BadRow,
    ColumnMapping,
    PostingRecord,
    cert_mentions,
    cooccurrence,
    demand,
    demand_by_year,
    ingest_postings,
    posting_id,
    read_postings,
    seed_default_demand,
)
from certpath.market.store import MarketStore
from certpath.settings import Settings


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return load_catalog()


@pytest.fixture
def store() -> MarketStore:
    return MarketStore(":memory:")


ML_POSTING = (
    'Senior Machine Learning Engineer,"Python, PyTorch, Docker. '
    'AWS Certified Machine Learning - Specialty",2024-03-02,Acme\n'
)
CSV = (
    "Job Title,Job Description,publishedAt,Company\n"
    + ML_POSTING
    + """\
Data Scientist,"Python, SQL and Tableau. Azure certification a plus",2023-11-20,Beta
Data Analyst,"SQL and Tableau",2024-01-05,Gamma
Data Analyst,"SQL  and Tableau",2024-01-05,Gamma
bad,row,with,too,many
,,2024-01-01,Nobody
"""
)


def _csv(tmp_path: Path, text: str = CSV, name: str = "jobs.csv") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def _ingest(store: MarketStore, catalog: Catalog, *paths: Path, **kw: object) -> list:  # type: ignore[type-arg]
    return ingest_postings(store, list(paths), catalog, processes=1, **kw)  # type: ignore[arg-type]


def test_csv_with_default_headers_reports_bad_rows_by_line(tmp_path: Path) -> None:
    items = list(read_postings(_csv(tmp_path)))
    bad = [item for _, item in items if isinstance(item, BadRow)]
    assert [(b.line, b.reason) for b in bad] == [
        (6, "has 5 field(s), the header has 4"),
        (7, "no title and no description"),
    ]
    first = items[0][1]
    assert isinstance(first, PostingRecord)
    assert (first.line, first.company, first.period, first.year) == (2, "Acme", "2024-03", 2024)


def test_mapping_flags_and_file(tmp_path: Path) -> None:
    path = _csv(tmp_path, "Role Name;x\nData Scientist;1\n".replace(";", ","), "odd.csv")
    with pytest.raises(InputError, match="no title or description column"):
        list(read_postings(path))
    mapping = ColumnMapping.from_pairs(["title=role name", "period=2019"])
    ((_, record),) = read_postings(path, mapping)
    assert isinstance(record, PostingRecord)
    assert (record.title, record.year, record.period) == ("Data Scientist", 2019, None)
    mapping_file = tmp_path / "map.yaml"
    mapping_file.write_text("title: Role Name\nperiod: 2021-06\n", encoding="utf-8")
    ((_, record),) = read_postings(path, ColumnMapping.from_file(mapping_file))
    assert isinstance(record, PostingRecord)
    assert record.period == "2021-06"
    with pytest.raises(InputError, match="no column title=Nope"):
        list(read_postings(path, ColumnMapping.from_pairs(["title=Nope"])))
    with pytest.raises(InputError, match="not a field"):
        ColumnMapping.from_pairs(["salary=Pay"])


@pytest.mark.parametrize(
    ("description", "encoding"),
    [("Caf\u00e9 analytics; SQL", "cp1252"), ("Zażółć gęślą jaźń; SQL", "cp1250")],
)
def test_csv_in_a_legacy_code_page_is_read_in_it_with_a_note(
    tmp_path: Path, description: str, encoding: str
) -> None:
    path = tmp_path / "legacy.csv"
    path.write_bytes(f"title,description\nData Analyst,{description}\n".encode(encoding))
    notes: list[str] = []
    ((_, record),) = read_postings(path, None, notes)
    assert isinstance(record, PostingRecord)
    assert record.description == description  # Polish is not read as "Za¿ó³æ gêœl¹ jaŸñ"
    assert any(encoding in note for note in notes)


def test_csv_in_no_encoding_that_can_be_told_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "binary.csv"
    path.write_bytes(b"title,description\n" + bytes(range(128, 256)) * 3)
    # before, it was read as Windows-1252 with U+FFFD for what did not decode: postings of
    # gibberish stored as if they were real
    with pytest.raises(InputError, match=r"not UTF-8.*Save As, CSV UTF-8"):
        list(read_postings(path, None, []))


def test_jsonl_parquet_and_jsonld(tmp_path: Path) -> None:
    jsonl = tmp_path / "p.jsonl"
    jsonl.write_text(
        json.dumps({"title": "Data Engineer", "description": "Spark and Airflow"})
        + "\n{broken\n[1]\n",
        encoding="utf-8",
    )
    items = list(read_postings(jsonl))
    assert isinstance(items[0][1], PostingRecord)
    assert [(line, type(item).__name__) for line, item in items[1:]] == [
        (2, "BadRow"),
        (3, "BadRow"),
    ]
    parquet = tmp_path / "p.parquet"
    duckdb.sql(
        "SELECT 'ML Engineer' AS job_title, 'PyTorch' AS job_description, DATE '2022-02-03' AS date"
    ).write_parquet(str(parquet))
    ((_, record),) = read_postings(parquet)
    assert isinstance(record, PostingRecord)
    assert (record.title, record.description, record.period) == (
        "ML Engineer",
        "PyTorch",
        "2022-02",
    )
    posting = {
        "@type": "JobPosting",
        "title": "Data Scientist",
        "description": "<p>Python and SQL</p>",
        "datePosted": "2024-02-01",
        "hiringOrganization": {"@type": "Organization", "name": "Acme"},
    }
    ld = tmp_path / "p.jsonld"
    ld.write_text(json.dumps({"@graph": [posting, {**posting, "title": "Data Analyst"}]}), "utf-8")
    records = [item for _, item in read_postings(ld)]
    assert [r.title for r in records if isinstance(r, PostingRecord)] == [
        "Data Scientist",
        "Data Analyst",
    ]
    first = records[0]
    assert isinstance(first, PostingRecord)
    assert (first.company, first.period) == ("Acme", "2024-02")
    assert "Python and SQL" in first.description
    html = tmp_path / "p.html"
    html.write_text(
        f'<html><script type="application/ld+json">{json.dumps(posting)}</script></html>', "utf-8"
    )
    assert len(list(read_postings(html))) == 1


def test_ingest_dedupes_classifies_extracts_and_is_idempotent(
    tmp_path: Path, store: MarketStore, catalog: Catalog
) -> None:
    path = _csv(tmp_path)
    (report,) = _ingest(store, catalog, path)
    assert (report.rows_read, report.added, report.duplicates_in_file) == (6, 3, 1)
    assert [b.line for b in report.bad_rows] == [6, 7]
    roles = store.sql("SELECT title, role, seniority FROM postings ORDER BY source_line")
    assert roles[0] == {
        "title": "Senior Machine Learning Engineer",
        "role": "ml-engineer",
        "seniority": "senior",
    }
    skills = {r["skill"] for r in store.sql("SELECT skill FROM posting_skills WHERE NOT inferred")}
    assert {"python", "pytorch", "docker", "sql", "tableau"} <= skills
    (again,) = _ingest(store, catalog, path)
    assert again.already_ingested
    assert again.added == 0
    # the same postings in another file are duplicates of the store
    (other,) = _ingest(store, catalog, _csv(tmp_path, CSV + "\n", "copy.csv"))
    assert (other.added, other.duplicates_in_store) == (0, 3)
    assert store.sql("SELECT COUNT(*) AS n FROM postings")[0]["n"] == 3


def test_a_file_is_stored_in_batches_whole_or_not_at_all(
    tmp_path: Path, store: MarketStore, catalog: Catalog, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("certpath.market.postings.INSERT_BATCH", 1)  # a batch per posting
    path = _csv(tmp_path)

    def interrupted(done: int, total: int) -> None:
        if done == total:  # each posting stored as it came, the file not yet recorded
            assert store.sql("SELECT COUNT(*) AS n FROM postings")[0]["n"] == 3
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        _ingest(store, catalog, path, progress=interrupted)
    for table in ("postings", "posting_skills", "posting_certs", "ingested_files"):
        assert store.sql(f"SELECT COUNT(*) AS n FROM {table}")[0]["n"] == 0, table
    # nothing half-stored: the file is ingested whole when tried again
    (report,) = _ingest(store, catalog, path)
    assert (report.added, report.duplicates_in_store) == (3, 0)
    stored = store.sql("SELECT COUNT(*) AS n FROM posting_skills")[0]["n"]
    assert stored == report.skill_rows > 0
    assert store.sql("SELECT COUNT(*) AS n FROM posting_certs")[0]["n"] == report.cert_rows > 0


def test_a_posting_from_a_table_is_read_as_any_text(
    tmp_path: Path, store: MarketStore, catalog: Catalog
) -> None:
    """Mojibake and soft hyphens in a scraped CSV do not hide skills from demand counts."""
    text = 'Job Title,Job Description\nData Scientist,"NaÃ¯ve Bayes, Kuber\u00adnetes"\n'
    _ingest(store, catalog, _csv(tmp_path, text))
    skills = {r["skill"] for r in store.sql("SELECT skill FROM posting_skills WHERE NOT inferred")}
    assert {"naive-bayes", "kubernetes"} <= skills


def test_posting_id_ignores_case_and_spacing() -> None:
    assert posting_id("A", "b  c") == posting_id("a", "B\nc")
    assert posting_id("A", "b") != posting_id("A", "c")
    # the identity of a stored posting never changes with the code that computes it: this is
    # the sha256 of "data scientist\npython and sql at scale", Unicode spaces included
    found = posting_id(" Data\u00a0Scientist ", "Python  and\nSQL\u2028at scale\t")
    assert found == "c8e22d42af03a067333f67ae037320ab052fbdb7c0759f2d1d7f409fd943f299"


def test_demand_shares_and_counts_by_hand(
    tmp_path: Path, store: MarketStore, catalog: Catalog
) -> None:
    _ingest(store, catalog, _csv(tmp_path))
    result = demand(store)
    assert result.source == "ingested"
    assert result.postings == 3
    rows = {r["skill"]: r for r in result.rows}
    # sql: data scientist + data analyst (2 of 3); pytorch: 1 of 3
    assert (rows["sql"]["postings_with_skill"], rows["sql"]["postings_total"]) == (2, 3)
    assert rows["sql"]["share"] == pytest.approx(2 / 3)
    assert rows["pytorch"]["share"] == pytest.approx(1 / 3)
    analysts = demand(store, role="data-analyst")
    assert {r["skill"]: r["share"] for r in analysts.rows}["tableau"] == 1.0
    assert demand(store, period="2024").postings == 2
    assert demand(store, period="2024-03").postings == 1


def test_cooccurrence_lift_by_hand(tmp_path: Path, store: MarketStore, catalog: Catalog) -> None:
    _ingest(store, catalog, _csv(tmp_path))
    result = cooccurrence(store, "sql", min_support=1)
    rows = {r["skill"]: r for r in result.rows}
    # P(tableau | sql) = 2/2; P(tableau) = 2/3 -> lift 1.5; P(python | sql) = 1/2, P(python) = 2/3
    assert rows["tableau"]["lift"] == pytest.approx(1.5)
    assert rows["python"]["share"] == pytest.approx(0.5)
    assert rows["python"]["lift"] == pytest.approx(0.5 / (2 / 3))
    assert cooccurrence(store, "sql", min_support=2).rows[0]["skill"] == "tableau"


def test_cert_mentions(tmp_path: Path, store: MarketStore, catalog: Catalog) -> None:
    _ingest(store, catalog, _csv(tmp_path))
    result = cert_mentions(store, by_role=True)
    found = {(r["role"], r["cert"]): r for r in result.rows}
    assert found[("ml-engineer", "aws-mls-c01")]["share"] == 1.0
    assert ("data-scientist", "ecosystem:azure") in found
    overall = cert_mentions(store)
    assert {r["cert"]: r["postings_total"] for r in overall.rows}["aws-mls-c01"] == 3


def test_cert_matcher_needs_case_for_plain_words(catalog: Catalog) -> None:
    find = CertMatcher(catalog)
    assert [m.cert for m in find("a professional data engineer, cka")] == []
    assert "google-pde" in [m.cert for m in find("Professional Data Engineer certification")]


def test_demand_by_year(tmp_path: Path, store: MarketStore, catalog: Catalog) -> None:
    _ingest(store, catalog, _csv(tmp_path))
    result = demand_by_year(store, skill="sql")
    assert [(r["year"], r["postings_with_skill"], r["postings_total"]) for r in result.rows] == [
        (2023, 1, 1),
        (2024, 1, 2),
    ]


def test_packaged_defaults_answer_on_a_fresh_store(store: MarketStore) -> None:
    seed_default_demand(store)
    seed_default_demand(store)  # idempotent
    result = demand(store, top=10)
    assert result.source == "packaged"
    assert "packaged aggregates of" in result.source_note
    assert result.postings > 1000
    assert len(result.rows) == 10
    assert result.rows[0]["postings_total"] == result.postings
    assert cooccurrence(store, "python").rows
    assert cert_mentions(store).source == "packaged"
    assert demand_by_year(store, skill="python").rows
    ml = demand(store, role="ml-engineer")
    assert 0 < ml.postings < result.postings


def test_packaged_defaults_are_replaced_after_an_upgrade_and_ingested_rows_kept(
    tmp_path: Path, store: MarketStore, catalog: Catalog
) -> None:
    seed_default_demand(store)
    counts = {
        table: store.sql(f"SELECT count(*) AS n FROM {table}")[0]["n"]
        for table in ("demand_aggregates", "cooccurrence_aggregates", "cert_aggregates")
    }
    _ingest(store, catalog, _csv(tmp_path))
    ingested = store.sql("SELECT count(*) AS n FROM postings")[0]["n"]
    # a store seeded by an older certpath: other default figures, another digest
    store.sql("UPDATE demand_aggregates SET postings_with_skill = 0 WHERE source = 'default'")
    store.sql("UPDATE meta SET value = 'older' WHERE key = 'default_aggregates_sha256'")
    seed_default_demand(store)
    for table, n in counts.items():
        assert store.sql(f"SELECT count(*) AS n FROM {table}")[0]["n"] == n, table
    zeroed = "SELECT count(*) AS n FROM demand_aggregates WHERE postings_with_skill = 0"
    assert store.sql(zeroed)[0]["n"] == 0
    assert store.sql("SELECT count(*) AS n FROM postings")[0]["n"] == ingested


def _app(tmp_path: Path) -> typer.Typer:
    app = typer.Typer()

    @app.callback()
    def root(ctx: typer.Context) -> None:
        ctx.obj = Navigator(Settings(data_dir=tmp_path))

    app.add_typer(certpath.cli.market.app, name="market")
    app.add_typer(roles_cli.app, name="roles")
    return app


def test_cli_ingest_and_questions(tmp_path: Path) -> None:
    runner = CliRunner()
    app = _app(tmp_path / "data")
    path = _csv(tmp_path)
    result = runner.invoke(
        app, ["market", "ingest", "postings", str(path), "--jobs", "1", "--json"]
    )
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout[result.stdout.index("{") :])
    assert report["files"][0]["added"] == 3
    result = runner.invoke(app, ["market", "demand", "--json", "--top", "3"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["source"] == "ingested"
    result = runner.invoke(app, ["market", "cooccur", "SQL", "--min-support", "1"])
    assert result.exit_code == 0, result.output
    assert "Tableau" in result.stdout
    assert "lift" in result.stdout
    result = runner.invoke(app, ["market", "certs", "--by-role"])
    assert result.exit_code == 0, result.output
    assert "ml-engineer" in result.stdout
    result = runner.invoke(app, ["market", "certs", "--json"])
    assert "aws-mls-c01" in {row["cert"] for row in json.loads(result.stdout)["rows"]}


def test_cli_demand_on_fresh_install(tmp_path: Path) -> None:
    result = CliRunner().invoke(_app(tmp_path), ["market", "demand", "--top", "5"])
    assert result.exit_code == 0, result.output
    assert "packaged aggregates" in result.stdout


def test_roles_classify_json(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        _app(tmp_path),
        ["roles", "classify", "Senior Machine Learning Engineer", "Barista", "--json"],
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert [(d["role"], d["seniority"]) for d in data] == [("ml-engineer", "senior"), (None, "mid")]
    assert data[0]["confidence"] > 0.6
    assert data[1]["confidence"] == 0.0
