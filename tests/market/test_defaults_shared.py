"""The packaged market aggregates are what ``scripts/build_market_defaults.py`` computes today.

Every demand share a plan shows comes from these files; a change to the taxonomy or the
extractor that shifts them must come with the rebuilt files, so that the figures can always be
traced to the public data and the command that computed them.
"""

from __future__ import annotations

import gzip
import importlib.util
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
SCRIPT = REPO / "scripts" / "build_market_defaults.py"
PACKAGED = REPO / "src" / "certpath" / "market" / "data"


@pytest.mark.shared
@pytest.mark.slow
def test_packaged_aggregates_are_reproduced_from_the_public_data(
    shared: Path, tmp_path: Path
) -> None:
    spec = importlib.util.spec_from_file_location("build_market_defaults", SCRIPT)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    module.build(shared / "data", tmp_path, processes=1)
    for name in ("demand.csv.gz", "cooccurrence.csv.gz", "cert_mentions.csv.gz"):
        built = gzip.decompress((tmp_path / name).read_bytes()).decode("utf-8")
        packaged = gzip.decompress((PACKAGED / name).read_bytes()).decode("utf-8")
        assert built == packaged, (
            f"{name} is stale: run python scripts/build_market_defaults.py --data "
            "../shared/data --out src/certpath/market/data"
        )
