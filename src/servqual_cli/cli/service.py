"""Command group placeholder: filled in by its issue."""

from __future__ import annotations

import typer

app = typer.Typer()
