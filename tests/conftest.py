"""Shared fixtures: a tiny catalog folder, and the public data sets when they are present."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from certpath.testing import write_catalog

REPO = Path(__file__).resolve().parent.parent


def shared_root() -> Path | None:
    """``$CERTPATH_SHARED_DIR`` or ``../shared`` beside the repository, when it exists."""
    configured = os.environ.get("CERTPATH_SHARED_DIR")
    candidate = Path(configured) if configured else REPO.parent / "shared"
    return candidate if candidate.is_dir() else None


@pytest.fixture
def shared() -> Path:
    """The shared folder (data/, reference/); skips the test when it is absent."""
    root = shared_root()
    if root is None:
        pytest.skip(
            "needs ../shared (the public data sets and reference facts) beside the repository, "
            "or CERTPATH_SHARED_DIR; CI provides it"
        )
    return root


@pytest.fixture
def tiny_dir(tmp_path: Path) -> Path:
    """A folder holding the tiny valid catalog from certpath.testing."""
    return write_catalog(tmp_path / "catalog")


@pytest.fixture(autouse=True)
def _isolated_settings(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """No test reads the developer's own config or environment."""
    for name in list(os.environ):
        if name.startswith("CERTPATH_") and name != "CERTPATH_SHARED_DIR":
            monkeypatch.delenv(name)
    monkeypatch.setenv("CERTPATH_CONFIG", str(tmp_path / "no-config.toml"))
    monkeypatch.setenv("CERTPATH_DATA_DIR", str(tmp_path / "data"))
