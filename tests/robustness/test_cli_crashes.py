"""Issue #10, "crashes that must become exit 1 or 2 with a one-line message": each reproducer
with its exit code, its message and the input checked unchanged by hash."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

# (files to copy, arguments with {name} for a copied file, exit code, part of the message)
CASES = [
    pytest.param(["hostile_1e160.csv"], ["alpha", "{hostile_1e160.csv}", "--items", "F1,F2,F3"],
                 1, "column 'F2': value 1e+160 is not a rating", id="alpha-1e160"),
    pytest.param(["kiosk.csv"], ["alpha", "{kiosk.csv}", "--items", "F2,F3", "--scale-range",
                 "nan,5"], 2, "--scale-range must be two finite numbers", id="scale-range-nan"),
    pytest.param(["kiosk.csv"], ["alpha", "{kiosk.csv}", "--items", "F2,F3", "--scale-range",
                 "1,inf"], 2, "--scale-range must be two finite numbers", id="scale-range-inf"),
    # items parsed its own --scale-range and took nan and inf: one parser now (toolbox_parts)
    pytest.param(["kiosk.csv"], ["items", "{kiosk.csv}", "--items", "F2,F3", "--scale-range",
                 "nan,5"], 2, "--scale-range must be two finite numbers", id="items-range-nan"),
    pytest.param(["kiosk.csv", "kiosk.toml"], ["reliability", "{kiosk.csv}", "-i", "{kiosk.toml}",
                 "--seed", "-1"], 2, "--seed", id="seed-negative"),
    pytest.param(["kiosk.csv", "kiosk.toml"], ["reliability", "{kiosk.csv}", "-i", "{kiosk.toml}",
                 "--factors", "1000"], 2, "--factors 1000 is more than the 5 items", id="factors"),
    pytest.param(["kpi_cases.toml", "kpi_cases.csv"], ["kpi", "{kpi_cases.toml}", "--as-of",
                 "9999-12-31"], 2, "outside the dates this tool handles", id="as-of-9999"),
    pytest.param(["kpi_inf_norm.toml", "kpi_cases.csv"], ["kpi", "{kpi_inf_norm.toml}"], 2,
                 "key 'norm': must be a finite number", id="kpi-norm-inf"),
    pytest.param(["kpi_nan_target.toml", "kpi_cases.csv"], ["kpi", "{kpi_nan_target.toml}"], 2,
                 "key 'target': must be a finite number", id="kpi-target-nan"),
    pytest.param(["kiosk.csv"], ["gap", "{kiosk.csv}", "-o", "/dev/full"], 2, "is a device",
                 id="output-dev-full"),
    pytest.param(["kiosk.csv"], ["gap", "{kiosk.csv}", "--threads", "0"], 2, "--threads",
                 id="threads-0"),
    pytest.param(["kiosk.csv", "instrument_scale_nan.toml"], ["gap", "{kiosk.csv}", "-i",
                 "{instrument_scale_nan.toml}"], 2, "'scale' must be [min, max]", id="scale-nan"),
    pytest.param(["kiosk.csv", "instrument_scale_inf.toml"], ["gap", "{kiosk.csv}", "-i",
                 "{instrument_scale_inf.toml}"], 2, "(finite numbers)", id="scale-inf"),
]  # fmt: skip


@pytest.mark.parametrize(("files", "args", "code", "message"), CASES)
def test_crash_is_a_one_line_error(
    cli, sha, tmp_path: Path, data_dir: Path, files: list[str], args: list[str], code: int,
    message: str,
) -> None:  # fmt: skip
    for name in files:
        shutil.copyfile(data_dir / name, tmp_path / name)
    before = {name: sha(tmp_path / name) for name in files}
    paths = {"{" + n + "}": str(tmp_path / n) for n in files}
    argv = [paths.get(a, a) for a in args]
    r = cli(*argv)
    assert r.exit_code == code, r.stderr
    assert message in r.stderr
    assert r.stderr.count("\n") == 1 and r.stderr.startswith("servqual: error:")
    assert {name: sha(tmp_path / name) for name in files} == before
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(files)  # nothing written


@pytest.mark.parametrize(
    ("command", "file", "wanted"),
    [
        ("feedback", "feedback_open_end.csv", "not a date 2"),  # 1500-01-02 and an earlier one
        ("contacts", "contacts_far_dates.csv", "Contacts: 20"),
        ("kpi", "kpi_open_end.toml", "E-post inom en arbetsdag"),
    ],
)
def test_far_dates_are_read(cli, data_dir: Path, command: str, file: str, wanted: str) -> None:
    # 9999-12-31 is an open date (no answer, not closed); dates outside 1677-2262 are invalid.
    r = cli(command, data_dir / file)
    assert r.exit_code == 0, r.stderr
    assert wanted in r.stdout


def test_open_end_counts_as_open_in_feedback(cli, data_dir: Path) -> None:
    base = cli("feedback", data_dir / "feedback_en.csv", "-f", "json")
    far = cli("feedback", data_dir / "feedback_open_end.csv", "-f", "json")
    assert base.exit_code == far.exit_code == 0
    assert base.stdout != far.stdout  # the closing date of F1 is gone: the item is open


def test_closed_stdin_is_a_usage_error(cli, data_dir: Path, monkeypatch) -> None:
    monkeypatch.setattr("sys.stdin", None)
    r = cli("gap", "-", "-i", data_dir / "kiosk.toml")
    assert r.exit_code == 2 and "standard input is closed" in r.stderr


def test_read_only_output_folder(cli, data_dir: Path, tmp_path: Path, monkeypatch) -> None:
    # Root ignores folder permissions, so the refusal of the OS is simulated where it happens.
    import tempfile

    def refuse(*args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(tempfile, "mkstemp", refuse)
    out = tmp_path / "out.json"
    r = cli("gap", data_dir / "kiosk.csv", "-i", data_dir / "kiosk.toml", "-o", out)
    assert r.exit_code == 2 and "cannot write" in r.stderr and "permission denied" in r.stderr
    assert r.stderr.count("\n") == 1 and not out.exists()


def test_full_disk_while_writing(cli, data_dir: Path, tmp_path: Path, monkeypatch) -> None:
    import os as os_module

    real = os_module.fsync

    def full(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("servqual_cli.report.atomic.os.fsync", full)
    out, excl = tmp_path / "out.json", tmp_path / "excl.csv"
    r = cli("gap", data_dir / "kiosk.csv", "-i", data_dir / "kiosk.toml", "-o", out,
            "--excluded", excl)  # fmt: skip
    monkeypatch.setattr("servqual_cli.report.atomic.os.fsync", real)
    assert r.exit_code == 2 and "no space left on device" in r.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == []  # no temporary file left either
