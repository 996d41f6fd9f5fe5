"""The command line: one Typer app, one verb per command, Rich output, ``--json`` for scripts."""
