"""Shared fixtures of the planning tests: a navigator on the packaged data, a fixed today."""

from __future__ import annotations

import datetime as dt

import pytest

from certpath import Navigator, Settings


@pytest.fixture(scope="module")
def nav(tmp_path_factory: pytest.TempPathFactory) -> Navigator:
    """The packaged catalog and a market store seeded once for the module (a few seconds)."""
    data_dir = tmp_path_factory.mktemp("certpath-data")
    return Navigator(Settings(data_dir=data_dir, catalog_dir=None), today=dt.date(2026, 11, 25))
