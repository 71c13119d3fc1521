"""JSON Schemas of the catalog files, generated from the models and checked in under ``schema/``.

Editors use them to validate catalog YAML as it is typed; a test fails when the checked-in files
drift from the models. Regenerate with ``make schema`` (``python -m certpath.catalog.schema``).
"""

from __future__ import annotations

import json
import sys
from importlib.resources import files
from pathlib import Path

from pydantic import BaseModel

from certpath.catalog.models import (
    CertificationsFile,
    ProjectsFile,
    RolesFile,
    SkillsFile,
    StagesFile,
    TransitionsFile,
)

SCHEMAS: dict[str, type[BaseModel]] = {
    "certifications": CertificationsFile,
    "skills": SkillsFile,
    "roles": RolesFile,
    "transitions": TransitionsFile,
    "projects": ProjectsFile,
    "stages": StagesFile,
}


def schema_dir() -> Path:
    return Path(str(files("certpath.catalog") / "schema"))


def render(name: str) -> str:
    """The JSON Schema text for one catalog file kind."""
    schema = SCHEMAS[name].model_json_schema(mode="validation")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    return json.dumps(schema, indent=2, sort_keys=True) + "\n"


def drifted(directory: Path | None = None) -> list[str]:
    """Names whose checked-in schema differs from the models."""
    root = directory or schema_dir()
    stale = []
    for name in SCHEMAS:
        path = root / f"{name}.schema.json"
        if not path.is_file() or path.read_text(encoding="utf-8") != render(name):
            stale.append(name)
    return stale


def write(directory: Path | None = None) -> list[Path]:
    root = directory or schema_dir()
    root.mkdir(parents=True, exist_ok=True)
    written = []
    for name in SCHEMAS:
        path = root / f"{name}.schema.json"
        path.write_text(render(name), encoding="utf-8")
        written.append(path)
    return written


if __name__ == "__main__":  # pragma: no cover - build command
    for path in write():
        sys.stdout.write(f"wrote {path}\n")
