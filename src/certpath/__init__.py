"""certpath: plan a career in machine learning and AI, with evidence for every line."""

from __future__ import annotations

from certpath.api import Navigator
from certpath.catalog import Catalog, load_catalog
from certpath.errors import (
    CatalogError,
    CatalogInvalid,
    CertpathError,
    DocumentError,
    InputError,
    MissingExtraError,
    NotFoundError,
)
from certpath.settings import Settings

__version__ = "0.1.0"

__all__ = [
    "Catalog",
    "CatalogError",
    "CatalogInvalid",
    "CertpathError",
    "DocumentError",
    "InputError",
    "MissingExtraError",
    "Navigator",
    "NotFoundError",
    "Settings",
    "__version__",
    "load_catalog",
]
