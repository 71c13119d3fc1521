"""The market tables the postings pipeline adds to the store's schema.

:mod:`certpath.market.store` creates the shared tables; the postings side adds certification
mentions and the packaged co-occurrence and certification aggregates here, with ``CREATE TABLE
IF NOT EXISTS``, so ingest, seeding and every question can call :func:`ensure_schema` first.
"""

from __future__ import annotations

from certpath.market.store import MarketStore

POSTINGS_SCHEMA = """
-- certifications a posting names: a catalog certification (generic false) or an ecosystem-level
-- mention such as "AWS certification" (cert 'ecosystem:aws', generic true)
CREATE TABLE IF NOT EXISTS posting_certs (
    posting_id VARCHAR, cert VARCHAR, ecosystem VARCHAR, generic BOOLEAN,
    PRIMARY KEY (posting_id, cert)
);

-- skill pairs asked together: packaged defaults (source 'default'); each pair once, a < b
CREATE TABLE IF NOT EXISTS cooccurrence_aggregates (
    source VARCHAR, skill_a VARCHAR, skill_b VARCHAR, postings_with_both INTEGER,
    postings_with_a INTEGER, postings_with_b INTEGER, postings_total INTEGER
);

-- certification mentions by role: packaged defaults; cert '*' rows hold each role's total
CREATE TABLE IF NOT EXISTS cert_aggregates (
    source VARCHAR, role VARCHAR, cert VARCHAR, ecosystem VARCHAR, generic BOOLEAN,
    postings_with_cert INTEGER, postings_total INTEGER
);
"""


def ensure_schema(store: MarketStore) -> None:
    """Create the postings pipeline's own tables when missing (idempotent)."""
    store.connection.execute(POSTINGS_SCHEMA)
