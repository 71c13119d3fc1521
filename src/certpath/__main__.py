"""``python -m certpath`` runs the command line."""

from certpath.cli import main

main()
