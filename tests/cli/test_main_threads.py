"""SERVQUAL_THREADS: a whole number of 1 or more, or a usage error (exit 2, one line)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from servqual_cli.cli.main import env_threads, main

# "1" * 5000: past Python's 4300-digit limit int() raises ValueError (an internal error before)
BAD = ["abc", "0", "-1", "1.5", "²", " two ", "1" * 5000, "4294967297"]


@pytest.mark.parametrize("value", BAD)
def test_a_bad_threads_variable_is_a_usage_error(
    value: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
    data_dir: Path,
) -> None:  # fmt: skip
    monkeypatch.setenv("SERVQUAL_THREADS", value)
    code = main(["gap", str(data_dir / "kiosk.csv"), "-i", str(data_dir / "kiosk.toml")])
    err = capsys.readouterr().err
    assert code == 2
    assert err.count("\n") == 1
    assert err.startswith(f"servqual: error: SERVQUAL_THREADS={value.strip()!r}"[:200])
    assert "whole number" in err


@pytest.mark.parametrize("value", ["", "1", "2", " 3 "])
def test_a_good_or_empty_threads_variable_is_used(
    value: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SERVQUAL_THREADS", value)
    assert env_threads() == (value.strip() or "1")


def test_the_threads_option_wins_over_the_variable(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], data_dir: Path
) -> None:
    monkeypatch.setenv("SERVQUAL_THREADS", "abc")
    for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS",
                "BLIS_NUM_THREADS", "VECLIB_MAXIMUM_THREADS", "NUMEXPR_NUM_THREADS"):  # fmt: skip
        monkeypatch.setenv(var, "1")  # --threads writes them; the test restores them
    args = ["gap", str(data_dir / "kiosk.csv"), "-i", str(data_dir / "kiosk.toml")]
    assert main([*args, "--threads", "1"]) == 0
    capsys.readouterr()


@pytest.mark.parametrize("value", ["abc", "1" * 5000])
def test_a_bad_threads_variable_at_start_up_is_one_line_not_a_traceback(
    value: str, data_dir: Path
) -> None:
    # set_threads runs when the CLI module is imported: it must not raise there (it catches
    # only UsageError, so env_threads must raise nothing else).
    env = {**os.environ, "SERVQUAL_THREADS": value}
    args = [sys.executable, "-m", "servqual_cli", "gap", str(data_dir / "kiosk.csv"),
            "-i", str(data_dir / "kiosk.toml")]  # fmt: skip
    proc = subprocess.run(args, capture_output=True, text=True, env=env)
    assert proc.returncode == 2
    assert proc.stderr == (
        f"servqual: error: SERVQUAL_THREADS={value!r}: give a whole number of threads, 1 or more\n"
    )
