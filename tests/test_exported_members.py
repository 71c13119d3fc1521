"""The package's public names are exported, sorted, and resolve."""

from __future__ import annotations

import certpath


def test_all_is_sorted_and_resolves() -> None:
    assert certpath.__all__ == sorted(certpath.__all__)
    for name in certpath.__all__:
        assert hasattr(certpath, name), name
