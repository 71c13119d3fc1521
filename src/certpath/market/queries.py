"""Named, parameterised SQL shared by the DuckDB and Spark engines.

Each query is a file ``sql/<name>.sql`` written in the SQL both engines accept, with named
parameters as ``:name``. :func:`query` returns the text for an engine: DuckDB takes ``$name``,
Spark SQL takes ``:name`` as it is. Values are always bound by the engine, never formatted in.
Shares divide ``CAST(n AS DOUBLE)``, not ``n * 1.0``: Spark types ``1.0`` as a DECIMAL and would
round the quotient to six places, where DuckDB divides in double precision.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import cache
from importlib.resources import files
from typing import Any, Literal, Protocol

Engine = Literal["duckdb", "spark"]


class QueryRunner(Protocol):
    """What answers named queries: the DuckDB :class:`~certpath.market.store.MarketStore` and
    the Spark :class:`~certpath.market.spark.SparkEngine`."""

    def run(self, name: str, params: Mapping[str, Any] | None = None) -> list[dict[str, Any]]:
        """Run a named query with named parameters; rows as dictionaries."""
        ...


_PARAMETER = re.compile(r"(?<![:\w]):([a-z_][a-z0-9_]*)")


@cache
def _text(name: str) -> str:
    resource = files("certpath.market") / "sql" / f"{name}.sql"
    if not resource.is_file():
        raise KeyError(f"no named query {name!r}; queries: {', '.join(names())}")
    return resource.read_text(encoding="utf-8")


def names() -> list[str]:
    """Every named query."""
    return sorted(
        entry.name.removesuffix(".sql")
        for entry in (files("certpath.market") / "sql").iterdir()
        if entry.name.endswith(".sql")
    )


def parameters(name: str) -> list[str]:
    """The parameter names a query takes, in order of first use."""
    return list(dict.fromkeys(_PARAMETER.findall(_strip_comments(_text(name)))))


def query(name: str, engine: Engine = "duckdb") -> str:
    """The SQL text of a named query for an engine (``:name`` parameters become ``$name``
    for DuckDB)."""
    text = _strip_comments(_text(name))
    return _PARAMETER.sub(r"$\1", text) if engine == "duckdb" else text


def _strip_comments(text: str) -> str:
    return "\n".join(line for line in text.splitlines() if not line.lstrip().startswith("--"))
