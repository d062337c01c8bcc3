"""The ``detente`` command line (Typer + Rich). Each command parses, calls one library
function, and renders. The only package that imports Rich."""

from __future__ import annotations

import typer

from detente.cli import bench, evaluate, events, ingest, listing, relations, serve, statements, watching

__all__ = ["app", "main"]

app = typer.Typer(
    name="detente",
    help="Read the news about relations between states and keep an explainable record of it.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
ingest.register(app)
listing.register(app)
events.register(app)
statements.register(app)
relations.register(app)
serve.register(app)
watching.register(app)
app.add_typer(evaluate.app, name="eval")
app.add_typer(bench.app, name="bench")


def main() -> None:
    """Entry point of the ``detente`` script."""
    app()
