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
from certpath.extract.document import Document, Mention
from certpath.extract.pipeline import Extraction, extract, extract_many
from certpath.settings import Settings

__version__ = "0.1.0"

__all__ = [
    "Catalog",
    "CatalogError",
    "CatalogInvalid",
    "CertpathError",
    "Document",
    "DocumentError",
    "Extraction",
    "InputError",
    "Mention",
    "MissingExtraError",
    "Navigator",
    "NotFoundError",
    "Settings",
    "__version__",
    "extract",
    "extract_many",
    "load_catalog",
]
