"""``certpath market``: ingest postings and salaries, and ask what the market asks for and pays.

Commands are registered by :mod:`certpath.cli.market_postings` and
:mod:`certpath.cli.market_salaries`.
"""

from __future__ import annotations

import typer

from certpath.cli import market_postings, market_salaries

app = typer.Typer(help="Skill demand and salaries from job postings.", no_args_is_help=True)
ingest = typer.Typer(
    help="Load postings or salary records into the market database.", no_args_is_help=True
)
app.add_typer(ingest, name="ingest")

market_postings.register(app, ingest)
market_salaries.register(app, ingest)
