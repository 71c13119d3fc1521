"""Costly salary answers are memoised on the store, and forgotten when its data changes."""

from __future__ import annotations

from pathlib import Path

from certpath import Navigator, Settings
from certpath.market.salaries import SalaryFilter, premium, salary_stats


def test_salary_answers_are_memoised_until_the_store_changes(tmp_path: Path) -> None:
    store = Navigator(Settings(data_dir=tmp_path)).market
    first = salary_stats(store, role="ml-engineer", level="SE", country="US")
    assert store.memo
    first["n"] = -1  # callers get copies; the memo is not changed through them
    again = salary_stats(store, role="ml-engineer", level="SE", country="US")
    assert again["n"] > 0
    ratio = premium(store, SalaryFilter(level="SE"), SalaryFilter(level="MI"))
    assert ratio == premium(store, SalaryFilter(level="SE"), SalaryFilter(level="MI"))
    store.changed()
    assert not store.memo
