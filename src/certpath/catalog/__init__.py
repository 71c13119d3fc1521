"""The curated catalog: certifications, skills, roles, transitions, projects and stage guidance.

Data files live in ``data/`` (YAML, ``schema_version`` 1), their contract in :mod:`.models`, the
JSON Schemas generated from it in ``schema/``. :func:`load_catalog` reads and checks them all.
"""

from __future__ import annotations

from certpath.catalog.checks import check_catalog, stale_facts
from certpath.catalog.loader import Catalog, load_catalog, packaged_catalog_dir, read_catalog
from certpath.catalog.problems import Problem

__all__ = [
    "Catalog",
    "Problem",
    "check_catalog",
    "load_catalog",
    "packaged_catalog_dir",
    "read_catalog",
    "stale_facts",
]
