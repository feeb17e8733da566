"""The ``servqual`` command: placeholder until the sub-apps land."""

import typer

app = typer.Typer()


def run() -> None:
    app()
