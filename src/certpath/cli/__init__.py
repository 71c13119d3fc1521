"""The ``certpath`` command line: ``certpath <noun> <verb>``, ``--json`` everywhere.

Each module holds one noun; commands parse their arguments, call the :class:`Navigator` façade
and render its answer with Rich (or as JSON). A :class:`CertpathError` becomes a short red
message and exit code 1; ``--debug`` shows the traceback instead.
"""

from __future__ import annotations

from certpath.cli.root import app, main

__all__ = ["app", "main"]
