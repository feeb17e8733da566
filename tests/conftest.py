"""Shared fixtures: paths to the test data and a runner for the real CLI."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

# No test may depend on how busy the machine is: hypothesis's per-example deadline and its
# too-slow health check are timings, so both are off for every property test (a test's own
# @settings still sets max_examples and the like).
settings.register_profile("servqual", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("servqual")

DATA = Path(__file__).parent / "data"
# tests/data holds inputs and the scripts that wrote them, not tests: --doctest-modules would
# import (so run) every generator and rewrite the files the tests then read (and the SPSS one
# wrote into the working directory) during each run.
collect_ignore_glob = ["data/*"]
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
