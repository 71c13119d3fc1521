"""Seed a new market database from the data packaged with certpath.

The packaged defaults are the CC0 aijobs.net salary records (``data/aijobs_salaries.csv.gz``) and
skill-demand aggregates derived from public postings (``data/demand.csv.gz``, aggregates only,
built by ``scripts/build_market_defaults.py``). Seeding is skipped for a table that already has
default rows, so it runs once per database.
"""

from __future__ import annotations

from certpath.market.store import MarketStore


def seed(store: MarketStore) -> None:
    """Load the packaged defaults into an empty store (idempotent)."""
    from certpath.market.postings import seed_default_demand
    from certpath.market.salaries import seed_default_salaries

    seed_default_salaries(store)
    seed_default_demand(store)
