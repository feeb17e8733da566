"""Shared fixtures: paths to the test data and a runner for the real CLI."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

DATA = Path(__file__).parent / "data"
SAMPLES = Path(__file__).parent.parent / "data" / "samples"


@dataclass
class CliResult:
    exit_code: int
    stdout: str
    stderr: str


@pytest.fixture
def data_dir() -> Path:
    return DATA


@pytest.fixture
def samples_dir() -> Path:
    return SAMPLES


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str]):
    """Run ``servqual`` in-process through its real entry point (argument parsing, error
    handling and exit codes included) and capture what it prints."""
    from servqual_cli.cli.main import main

    def invoke(*args: str | Path) -> CliResult:
        capsys.readouterr()
        code = main([str(a) for a in args])
        out = capsys.readouterr()
        return CliResult(code, out.out, out.err)

    return invoke
