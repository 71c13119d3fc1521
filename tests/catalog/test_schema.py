"""The checked-in JSON Schemas are generated from the models and must not drift."""

from __future__ import annotations

import json
from pathlib import Path

from certpath.catalog import schema


def test_checked_in_schemas_match_the_models() -> None:
    assert schema.drifted() == [], "run `make schema` and commit the result"


def test_drift_is_detected(tmp_path: Path) -> None:
    schema.write(tmp_path)
    assert schema.drifted(tmp_path) == []
    path = tmp_path / "skills.schema.json"
    document = json.loads(path.read_text())
    document["title"] = "something else"
    path.write_text(json.dumps(document))
    assert schema.drifted(tmp_path) == ["skills"]
