"""Shared, expensive fixtures: the sample report is written once per test session.

Charts dominate the cost of a report (about a second per figure in PNG and SVG), so every test
that only reads a finished report uses :func:`sample_report`.
"""

from __future__ import annotations

from pathlib import Path

import pytest

SAMPLES = Path(__file__).parents[2] / "data" / "samples"
CONFIG = SAMPLES / "report_karlstad.toml"
EPOCH = "1700000000"  # 2023-11-14 22:13:20 UTC
REPORT_ARGS = ["report", str(CONFIG), "-o", "karlstad"]


@pytest.fixture(scope="session")
def sample_report(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """``servqual report data/samples/report_karlstad.toml -o DIR`` through the real entry point."""
    from servqual_cli.cli.main import main

    base = tmp_path_factory.mktemp("report")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("SOURCE_DATE_EPOCH", EPOCH)
        # a relative -o, so that a second run elsewhere has the same command line (manifest)
        mp.chdir(base)
        code = main(REPORT_ARGS)
    assert code == 0
    return base / "karlstad"
