"""Salary records: ingest, de-duplication, the salary/premium/trend answers and their commands."""

from __future__ import annotations

import csv
import gzip
import importlib
import json
import statistics
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import typer
from typer.main import get_command
from typer.testing import CliRunner

import certpath.cli.market
from certpath.api import Navigator
from certpath.catalog import load_catalog
from certpath.errors import InputError, MissingExtraError
from certpath.market import salaries
from certpath.market.salaries import (
    COLUMNS,
    GENAI_TITLE,
    MIN_N,
    SalaryFilter,
    genai_premium,
    ingest_salaries,
    premium,
    salary_stats,
    salary_trend,
    seed_default_salaries,
)
from certpath.market.store import MarketStore
from certpath.market.trend import DEMAND_UNAVAILABLE, market_trend
from certpath.settings import Settings

HEADER = ",".join(COLUMNS)

# (title, level, country, year, salaries): every salary becomes one row
GROUPS: list[tuple[str, str, str, int, list[int]]] = [
    ("Machine Learning Engineer", "SE", "US", 2024, [100_000 + 1_700 * i for i in range(40)]),
    ("Machine Learning Engineer", "MI", "US", 2024, [80_000 + 1_100 * i for i in range(35)]),
    ("Machine Learning Engineer", "SE", "US", 2023, [95_000 + 2_000 * i for i in range(31)]),
    ("Data Scientist", "EX", "DE", 2024, [150_000 + 5_000 * i for i in range(12)]),
    ("Prompt Engineer", "MI", "US", 2024, [120_000 + 900 * i for i in range(33)]),
]


def row(
    title: str = "Machine Learning Engineer",
    level: str = "SE",
    country: str = "US",
    year: int = 2024,
    salary: float | str = 100_000,
    usd: float | str | None = None,
    remote: int | str = 0,
    size: str = "M",
) -> str:
    usd = salary if usd is None else usd
    return f"{year},{level},FT,{title},{salary},USD,{usd},{country},{remote},{country},{size}"


def write(path: Path, lines: list[str]) -> Path:
    path.write_text("\n".join([HEADER, *lines]) + "\n", encoding="utf-8")
    return path


def group_lines() -> list[str]:
    return [
        row(title, level, country, year, salary)
        for title, level, country, year, amounts in GROUPS
        for salary in amounts
    ]


def expected(title: str, level: str, country: str, year: int | None = None) -> list[int]:
    return [
        salary
        for t, lv, c, y, amounts in GROUPS
        if (t, lv, c) == (title, level, country) and year in (None, y)
        for salary in amounts
    ]


def quartiles(values: list[float]) -> dict[str, float]:
    """The same percentiles, independently: statistics' inclusive method interpolates linearly."""
    cuts = statistics.quantiles(values, n=100, method="inclusive")
    return {"p10": cuts[9], "p25": cuts[24], "median": cuts[49], "p75": cuts[74], "p90": cuts[89]}


@pytest.fixture(scope="module")
def catalog() -> Any:
    return load_catalog()


@pytest.fixture
def store(tmp_path: Path) -> Iterator[MarketStore]:
    with MarketStore(tmp_path / "market.duckdb") as opened:
        yield opened


@pytest.fixture
def filled(store: MarketStore, tmp_path: Path, catalog: Any) -> MarketStore:
    ingest_salaries(store, write(tmp_path / "groups.csv", group_lines()), catalog=catalog)
    return store


# --------------------------------------------------------------------------- ingest


def test_ingest_counts_rows_added_and_duplicates(store: MarketStore, tmp_path: Path, catalog: Any):
    lines = [row(salary=100_000), row(salary=100_000), row(salary=120_000), row(salary=100_000)]
    report = ingest_salaries(store, write(tmp_path / "s.csv", lines), catalog=catalog)
    assert (report.rows_read, report.added, report.duplicates, report.bad_count) == (4, 2, 2, 0)
    assert not report.already_ingested
    stored = store.sql("SELECT role, genai, source FROM salaries")
    assert {(r["role"], r["genai"], r["source"]) for r in stored} == {
        ("ml-engineer", False, "s.csv")
    }


def test_exact_repeats_collapse_but_range_ends_stay_two_records(
    store: MarketStore, tmp_path: Path, catalog: Any
) -> None:
    """The aijobs low/high pair of a listing differs only in salary: two observations."""
    low, high = row(salary=90_000), row(salary=130_000)
    report = ingest_salaries(
        store, write(tmp_path / "pairs.csv", [low, high, low, high, low]), catalog=catalog
    )
    assert (report.added, report.duplicates) == (2, 3)
    values = store.sql("SELECT salary_in_usd FROM salaries ORDER BY 1")
    assert [v["salary_in_usd"] for v in values] == [90_000, 130_000]


def test_record_identity_ignores_spelling(store: MarketStore, tmp_path: Path, catalog: Any):
    lines = [
        row(salary=120_000),
        row(salary="120000.0", usd="120000"),
        "2024, se ,ft,Machine  Learning Engineer,120000,usd,120000,us,0,us,m",
    ]
    report = ingest_salaries(store, write(tmp_path / "s.csv", lines), catalog=catalog)
    assert (report.added, report.duplicates) == (1, 2)


def test_reingest_adds_nothing_by_file_and_by_record(
    store: MarketStore, tmp_path: Path, catalog: Any
) -> None:
    path = write(tmp_path / "s.csv", group_lines())
    first = ingest_salaries(store, path, catalog=catalog)
    again = ingest_salaries(store, path, catalog=catalog)
    assert first.added == sum(len(g[4]) for g in GROUPS)
    assert again.already_ingested
    assert again.added == 0
    # the same content gzipped under another name is the same file
    zipped = tmp_path / "copy.csv.gz"
    zipped.write_bytes(gzip.compress(path.read_bytes()))
    assert ingest_salaries(store, zipped, catalog=catalog).already_ingested
    # a different file repeating known records adds only the new one
    overlap = write(tmp_path / "overlap.csv", [*group_lines()[:5], row(salary=555_555)])
    report = ingest_salaries(store, overlap, catalog=catalog)
    assert (report.added, report.duplicates, report.already_ingested) == (1, 5, False)
    files = store.sql("SELECT COUNT(*) AS n FROM ingested_files WHERE kind = 'salaries'")
    assert files[0]["n"] == 2


def test_gzip_input_is_read(store: MarketStore, tmp_path: Path, catalog: Any) -> None:
    path = tmp_path / "s.csv.gz"
    path.write_bytes(gzip.compress(("\n".join([HEADER, row()]) + "\n").encode()))
    assert ingest_salaries(store, path, catalog=catalog).added == 1


def test_bad_rows_are_reported_with_line_numbers(
    store: MarketStore, tmp_path: Path, catalog: Any
) -> None:
    lines = [
        row(),  # line 2
        row(salary="lots"),  # 3
        row(level="XX"),  # 4
        "",  # 5: a blank line is not a row
        row(remote=30, size="XL"),  # 6
        "2024,SE,FT,Engineer,100000",  # 7: too few fields
        row(title="", country="USA"),  # 8
        '2024,SE,FT,"Machine Learning\nEngineer",1,USD,1,US,0,US,M',  # 9-10: a quoted newline
        row(usd="-5"),  # 11
        row(salary=101_000),  # 12
        row(salary="lots"),  # 13: a repeated bad row is reported again, at its own line
    ]
    report = ingest_salaries(store, write(tmp_path / "bad.csv", lines), catalog=catalog)
    assert report.rows_read == 10
    assert report.added == 3
    assert report.bad_count == 7
    assert report.duplicates == 0
    reasons = {bad.line: bad.reason for bad in report.bad_rows}
    assert sorted(reasons) == [3, 4, 6, 7, 8, 11, 13]
    assert reasons[13] == reasons[3]
    assert "salary 'lots' is not a number" in reasons[3]
    assert "experience_level 'XX'" in reasons[4]
    assert "remote_ratio '30'" in reasons[6]
    assert "company_size 'XL'" in reasons[6]  # every reason of a row, not only the first
    assert "5 fields where the header has 11" in reasons[7]
    assert "job_title is missing" in reasons[8]
    assert "two-letter country code" in reasons[8]
    assert "salary_in_usd '-5' is not positive" in reasons[11]
    recorded = store.sql("SELECT bad_rows, rows_added FROM ingested_files")
    assert recorded == [{"bad_rows": 7, "rows_added": 3}]


def test_wrong_header_names_the_expected_columns(store: MarketStore, tmp_path: Path) -> None:
    path = tmp_path / "postings.csv"
    path.write_text("title,description\nML Engineer,PyTorch\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"missing column.*work_year.*expected the columns"):
        ingest_salaries(store, path)


def test_columns_may_come_in_any_order(store: MarketStore, tmp_path: Path, catalog: Any):
    order = list(reversed(COLUMNS))
    values = dict(zip(COLUMNS, row().split(","), strict=True))
    path = tmp_path / "reordered.csv"
    path.write_text(",".join(order) + "\n" + ",".join(values[c] for c in order) + "\n")
    assert ingest_salaries(store, path, catalog=catalog).added == 1


@pytest.mark.parametrize(
    ("content", "message"),
    [(b"", "empty"), (b"\xff\xfe\x00bad", "not UTF-8"), (b"\x1f\x8bnot-gzip", "gzip")],
)
def test_unreadable_files_raise_input_error(
    store: MarketStore, tmp_path: Path, content: bytes, message: str
) -> None:
    path = tmp_path / "broken.csv"
    path.write_bytes(content)
    with pytest.raises(InputError, match=message):
        ingest_salaries(store, path)
    with pytest.raises(InputError, match="no such file"):
        ingest_salaries(store, tmp_path / "absent.csv")


# --------------------------------------------------------------------------- questions


def test_percentiles_equal_an_independent_computation(filled: MarketStore) -> None:
    answer = salary_stats(filled, role="ml-engineer", level="SE", country="US")
    values = expected("Machine Learning Engineer", "SE", "US")
    assert answer["n"] == len(values) == 71
    assert answer["enough_data"] is True
    assert answer["percentiles"] == pytest.approx(quartiles(values), rel=1e-12)
    low, high = answer["median_ci95"]
    assert low <= answer["percentiles"]["median"] <= high
    assert answer["currency"] == "USD"
    assert "2,000 resamples" in answer["method"]
    # a fixed seed: the same records give the same interval
    assert salary_stats(filled, role="ml-engineer", level="SE", country="US") == answer


def test_filters_by_year_and_level_names(filled: MarketStore) -> None:
    answer = salary_stats(filled, role="ml-engineer", level="senior", country="us", year=2023)
    values = expected("Machine Learning Engineer", "SE", "US", 2023)
    assert answer["n"] == 31
    assert answer["percentiles"]["median"] == pytest.approx(statistics.median(values))
    assert answer["filters"]["level"] == "SE"
    assert answer["filters"]["country"] == "US"


def test_residence_switches_the_country_column(
    store: MarketStore, tmp_path: Path, catalog: Any
) -> None:
    lines = [
        f"2024,SE,FT,Data Scientist,{100_000 + i},USD,{100_000 + i},IN,100,US,M" for i in range(30)
    ]
    ingest_salaries(store, write(tmp_path / "s.csv", lines), catalog=catalog)
    assert salary_stats(store, country="US")["n"] == 30
    assert salary_stats(store, country="US", residence=True)["n"] == 0
    assert salary_stats(store, country="IN", residence=True, remote=100)["n"] == 30


def test_fewer_than_min_n_records_give_no_figure(filled: MarketStore) -> None:
    answer = salary_stats(filled, role="data-scientist", level="EX")
    assert answer["n"] == 12
    assert answer["enough_data"] is False
    assert answer["message"] == f"not enough data (n=12 < {MIN_N})"
    assert "percentiles" not in answer
    assert "median_ci95" not in answer
    lowered = salary_stats(filled, role="data-scientist", level="EX", min_n=10)
    assert lowered["enough_data"] is True
    assert lowered["percentiles"]["median"] == pytest.approx(175_000 + 2_500)


@pytest.mark.parametrize(
    ("filters", "message"),
    [
        ({"country": "USA"}, "two-letter"),
        ({"level": "guru"}, "experience level"),
        ({"remote": 30}, "0, 50 or 100"),
        ({"size": "XL"}, "S, M or L"),
    ],
)
def test_filters_that_cannot_match_are_input_errors(
    filled: MarketStore, filters: dict[str, Any], message: str
) -> None:
    with pytest.raises(InputError, match=message):
        salary_stats(filled, **filters)


def test_premium_is_the_ratio_of_medians(filled: MarketStore) -> None:
    group = SalaryFilter(role="ml-engineer", level="SE", country="US")
    baseline = SalaryFilter(role="ml-engineer", level="MI", country="US")
    answer = premium(filled, group, baseline)
    senior = statistics.median(expected("Machine Learning Engineer", "SE", "US"))
    mid = statistics.median(expected("Machine Learning Engineer", "MI", "US"))
    assert answer["enough_data"] is True
    assert (answer["group"]["n"], answer["baseline"]["n"]) == (71, 35)
    assert answer["group"]["median"] == senior
    assert answer["baseline"]["median"] == mid
    assert answer["ratio"] == pytest.approx(senior / mid)
    assert answer["premium_pct"] == pytest.approx((senior / mid - 1) * 100)
    low, high = answer["ratio_ci95"]
    assert low < answer["ratio"] < high


def test_premium_needs_enough_data_on_both_sides(filled: MarketStore) -> None:
    answer = premium(filled, SalaryFilter(level="SE"), SalaryFilter(level="EX"))
    assert answer["enough_data"] is False
    assert answer["message"] == "not enough data (baseline n=12 < 30)"
    assert "ratio" not in answer
    assert "median" not in answer["group"]
    assert answer["baseline"]["n"] == 12


def test_genai_premium_compares_genai_titles_with_other_ml_roles(filled: MarketStore) -> None:
    answer = genai_premium(filled, SalaryFilter(country="US"))
    assert answer["group"]["n"] == 33  # Prompt Engineer
    assert answer["baseline"]["n"] == 40 + 35 + 31  # ML engineers; data scientists are not in it
    prompt = statistics.median(expected("Prompt Engineer", "MI", "US"))
    ml = statistics.median(
        [s for t, _, c, _, a in GROUPS if t.startswith("Machine") and c == "US" for s in a]
    )
    assert answer["ratio"] == pytest.approx(prompt / ml)
    with pytest.raises(InputError, match="drop the role filter"):
        genai_premium(filled, SalaryFilter(role="ml-engineer"))


@pytest.mark.parametrize(
    ("title", "genai"),
    [
        ("Prompt Engineer", True),
        ("Generative AI Engineer", True),
        ("GenAI Developer", True),
        ("Gen-AI Solutions Engineer", True),
        ("LLM Engineer", True),
        ("Senior Engineer, LLMs", True),
        ("AI Engineer", True),
        ("Lead AI Engineer", True),
        ("AI Developer", True),
        ("AI Software Engineer", True),
        ("Chatbot Developer", True),
        ("Conversational AI Designer", True),
        ("Agentic Systems Engineer", True),
        ("RAG Engineer", True),
        ("Machine Learning Engineer", False),
        ("AI Scientist", False),
        ("AI Architect", False),
        ("AI Specialist", False),
        ("AI Research Engineer", False),
        ("AI Engineering Manager", False),
        ("NLP Engineer", False),
        ("Data Scientist", False),
        ("Storage Engineer", False),
        ("Fragment Analyst", False),
    ],
)
def test_genai_titles(title: str, genai: bool) -> None:
    assert (GENAI_TITLE.search(title) is not None) is genai


def test_ml_roles_are_the_catalogs_engineering_and_research_roles(catalog: Any) -> None:
    families = {r.id for r in catalog.roles.values() if r.family in ("engineering", "research")}
    assert set(salaries.ML_ROLES) == families


def test_trend_gives_medians_by_year(filled: MarketStore) -> None:
    years = salary_trend(filled, role="ml-engineer", country="US")
    assert [(y["year"], y["n"]) for y in years] == [(2023, 31), (2024, 75)]
    by_year_2024 = expected("Machine Learning Engineer", "SE", "US", 2024) + expected(
        "Machine Learning Engineer", "MI", "US", 2024
    )
    assert years[1]["median"] == pytest.approx(statistics.median(by_year_2024))
    thin = salary_trend(filled, level="EX")
    assert thin == [
        {"year": 2024, "n": 12, "enough_data": False, "message": "not enough data (n=12 < 30)"}
    ]


def test_trend_leaves_room_for_demand(filled: MarketStore, monkeypatch: pytest.MonkeyPatch):
    postings = importlib.import_module("certpath.market.postings")
    monkeypatch.delattr(postings, "demand_by_year", raising=False)
    answer = market_trend(filled, SalaryFilter(role="ml-engineer"))
    assert answer["demand"] == []
    assert answer["notes"] == [DEMAND_UNAVAILABLE]
    assert [y["year"] for y in answer["salary"]] == [2023, 2024]

    calls = []

    def demand_by_year(
        store: MarketStore, role: str | None = None, country: str | None = None
    ) -> list[dict[str, Any]]:
        calls.append((role, country))
        return [{"year": 2024, "skill": "pytorch", "share": 0.4}]

    monkeypatch.setattr(postings, "demand_by_year", demand_by_year, raising=False)
    answer = market_trend(filled, SalaryFilter(role="ml-engineer", country="us"))
    assert answer["demand"] == [{"year": 2024, "skill": "pytorch", "share": 0.4}]
    assert answer["notes"] == []
    assert calls == [("ml-engineer", "US")]

    @dataclass
    class Result:  # the postings side's answer object, with no country filter
        rows: list[dict[str, Any]]
        source_note: str

    def by_role(store: MarketStore, role: str | None = None) -> Result:
        return Result([{"year": 2023, "skill": "sql", "share": 0.5}], "packaged aggregates")

    monkeypatch.setattr(postings, "demand_by_year", by_role, raising=False)
    answer = market_trend(filled, SalaryFilter(role="ml-engineer", country="US"))
    assert answer["demand"] == [{"year": 2023, "skill": "sql", "share": 0.5}]
    assert answer["demand_source"] == "packaged aggregates"
    assert "not split by country" in answer["notes"][0]


def test_every_answer_says_where_the_numbers_come_from(filled: MarketStore) -> None:
    answer = salary_stats(filled)
    assert answer["source"].startswith(
        f"{sum(len(g[4]) for g in GROUPS)} records ingested from groups.csv"
    )
    assert "computed by certpath market salary on " in answer["source"]


def test_packaged_data_seeds_once(store: MarketStore, catalog: Any) -> None:
    packaged = Path(salaries.__file__).parent / "data" / salaries.DEFAULT_DATA
    assert packaged.stat().st_size < 3 * 1024 * 1024
    first = seed_default_salaries(store, catalog)
    assert (first.rows_read, first.added, first.bad_count) == (74_301, 34_997, 0)
    assert seed_default_salaries(store, catalog).already_ingested
    answer = salary_stats(store, level="EX")
    assert answer["source"].startswith("aijobs.net salary index (CC0), 34,997 distinct records")


def test_records_are_classified_again_when_the_roles_change(
    store: MarketStore, tmp_path: Path, catalog: Any
) -> None:
    ingest_salaries(store, write(tmp_path / "s.csv", group_lines()), catalog=catalog)
    store.sql("INSERT INTO meta VALUES ('salary_roles_classified_with', 'an older roles.yaml')")
    store.sql("UPDATE salaries SET role = 'stale-role', genai = NOT genai")
    seed_default_salaries(store, catalog)
    roles = store.sql("SELECT DISTINCT role, genai FROM salaries WHERE source = 's.csv'")
    assert {(r["role"], r["genai"]) for r in roles} == {
        ("ml-engineer", False),
        ("data-scientist", False),
        ("ai-engineer", True),
    }
    assert salaries.reclassify_salaries(store, catalog) > 3


# --------------------------------------------------------------------------- commands


runner = CliRunner()


@pytest.fixture
def cli(filled: MarketStore, tmp_path: Path) -> typer.Typer:
    """``certpath market`` over the small store (the lead registers it in the root app)."""
    app = typer.Typer()

    @app.callback()
    def root(ctx: typer.Context) -> None:
        nav = Navigator(Settings(data_dir=tmp_path))
        nav.market = filled  # skip seeding the packaged data: these tests use their own records
        ctx.obj = nav

    app.add_typer(certpath.cli.market.app, name="market")
    return app


def invoke(app: typer.Typer, *args: str) -> tuple[int, str]:
    result = runner.invoke(app, ["market", *args])
    return result.exit_code, result.stdout


def test_salary_json(cli: typer.Typer, filled: MarketStore) -> None:
    code, out = invoke(cli, "salary", "--role", "ml-engineer", "--level", "SE", "--country", "US",
                       "--json")  # fmt: skip
    assert code == 0
    data = json.loads(out)
    assert data["n"] == 71
    assert data["percentiles"] == pytest.approx(
        quartiles(expected("Machine Learning Engineer", "SE", "US"))
    )
    assert "source" in data


def test_salary_table_states_n_figures_and_source(cli: typer.Typer) -> None:
    code, out = invoke(cli, "salary", "--role", "Machine Learning Engineer", "--level", "SE")
    assert code == 0
    median = statistics.median(expected("Machine Learning Engineer", "SE", "US"))
    assert f"${median:,.0f}" in out
    assert "71" in out
    assert "Source:" in out


def test_salary_not_enough_data_prints_no_number(cli: typer.Typer) -> None:
    code, out = invoke(cli, "salary", "--role", "data-scientist")
    assert code == 0
    assert "not enough data" in out
    assert "n=12 < 30" in out
    assert "$" not in out


def test_unknown_role_is_an_error(cli: typer.Typer) -> None:
    result = runner.invoke(cli, ["market", "salary", "--role", "astronaut"])
    assert result.exit_code != 0


def test_premium_json_and_table(cli: typer.Typer) -> None:
    code, out = invoke(cli, "premium", "--role", "ml-engineer", "--country", "US",
                       "--group", "SE", "--baseline", "MI", "--json")  # fmt: skip
    assert code == 0
    data = json.loads(out)
    assert (data["group"]["n"], data["baseline"]["n"]) == (71, 35)
    assert data["ratio"] == pytest.approx(data["group"]["median"] / data["baseline"]["median"])
    code, out = invoke(cli, "premium", "--genai", "--country", "US")
    assert code == 0
    assert "generative-AI titles" in out
    assert "95% CI" in out
    code, out = invoke(cli, "premium", "--group", "EX", "--baseline", "SE")
    assert "not enough data" in out
    assert "×" not in out


def test_trend_json(cli: typer.Typer) -> None:
    code, out = invoke(cli, "trend", "--role", "ml-engineer", "--json")
    assert code == 0
    data = json.loads(out)
    assert [y["year"] for y in data["salary"]] == [2023, 2024]
    assert "demand" in data


def test_ingest_command_reports_bad_rows(cli: typer.Typer, tmp_path: Path) -> None:
    path = write(tmp_path / "more.csv", [row(salary=333_333), row(level="ZZ")])
    code, out = invoke(cli, "ingest", "salaries", str(path), "--json")
    assert code == 0
    report = json.loads(out)["files"][0]
    assert (report["added"], report["bad_count"]) == (1, 1)
    assert report["bad_rows"][0]["line"] == 3
    code, out = invoke(cli, "ingest", "salaries", str(path))
    assert code == 0
    assert "ingested before" in out
    code, out = invoke(cli, "ingest", "salaries", str(tmp_path / "absent.csv"))
    assert code == 1


def test_plot_writes_a_chart(cli: typer.Typer, tmp_path: Path) -> None:
    pytest.importorskip("matplotlib")
    for suffix in (".png", ".svg"):
        chart = tmp_path / f"salary{suffix}"
        code, out = invoke(cli, "salary", "--level", "SE", "--plot", str(chart))
        assert code == 0, out
        assert chart.stat().st_size > 1000
    chart = tmp_path / "trend.svg"
    code, _ = invoke(cli, "trend", "--role", "ml-engineer", "--plot", str(chart))
    assert code == 0
    assert chart.read_text().startswith("<?xml")


def test_plot_without_matplotlib_names_the_extra(
    filled: MarketStore, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from certpath.market.salary_charts import plot_salary

    monkeypatch.setitem(sys.modules, "matplotlib.figure", None)
    answer = salary_stats(filled, level="SE")
    with pytest.raises(MissingExtraError, match=r"pip install 'certpath\[plot\]'"):
        plot_salary(answer, tmp_path / "chart.png")
    with pytest.raises(InputError, match=r"\.png or \.svg"):
        plot_salary(answer, tmp_path / "chart.pdf")


def test_every_salary_command_has_an_example() -> None:
    group = get_command(certpath.cli.market.app)
    names = {"salary", "premium", "trend"}
    commands = {name: group.commands[name] for name in names}  # type: ignore[attr-defined]
    commands["ingest salaries"] = group.commands["ingest"].commands["salaries"]  # type: ignore[attr-defined]
    for name, command in commands.items():
        assert "Example:" in (command.help or ""), name


# --------------------------------------------------------------------------- the real data


def _independent(path: Path, catalog: Any) -> list[dict[str, str]]:
    """The raw file read with the csv module, exact repeats counted once (the same rule)."""
    with path.open(newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    return [dict(zip(COLUMNS, key, strict=True)) for key in dict.fromkeys(
        tuple(r[c] for c in COLUMNS) for r in rows
    )]  # fmt: skip


@pytest.mark.shared
def test_real_salaries_equal_an_independent_computation(
    shared: Path, store: MarketStore, catalog: Any
) -> None:
    path = shared / "data" / "aijobs_salaries" / "salaries.csv"
    report = ingest_salaries(store, path, catalog=catalog)
    assert (report.rows_read, report.added, report.bad_count) == (74_301, 34_997, 0)
    records = _independent(path, catalog)
    assert len(records) == 34_997
    from certpath.market.classify import TitleClassifier

    classify = TitleClassifier(catalog)
    groups = [
        ({"role": "ml-engineer", "level": "SE", "country": "US"}, 1269),
        ({"role": "data-scientist", "level": "MI", "country": "US"}, 1255),
        ({"level": "EX"}, 1091),
    ]
    for filters, n in groups:
        values = [
            float(r["salary_in_usd"])
            for r in records
            if ("role" not in filters or classify(r["job_title"]).role == filters["role"])
            and r["experience_level"] == filters["level"]
            and ("country" not in filters or r["company_location"] == filters["country"])
        ]
        answer = salary_stats(store, **filters)
        assert answer["n"] == len(values) == n, filters
        assert answer["percentiles"] == pytest.approx(quartiles(values), rel=1e-12), filters
