"""report.xlsx is byte-identical on a rerun without SOURCE_DATE_EPOCH (review 15, finding 10).

The text, figures and data files of a report already were; the workbook's docProps
created/modified said "now", so a student who reran and compared the manifest's hashes found
one file changed. It is now stamped with the date the report prints, as the commands' own
workbooks are stamped with a fixed date.
"""

from __future__ import annotations

import datetime as dt
import zipfile
from pathlib import Path

import pytest

from servqual_cli.report import manifest

CONFIG = Path(__file__).parents[1] / "data" / "report_rerun_xlsx.toml"


def _run(cli, out: Path, now: dt.datetime, monkeypatch: pytest.MonkeyPatch) -> bytes:
    # the run's clock: two runs half a minute apart on one day
    monkeypatch.setattr(manifest, "report_time", lambda: (now, None))
    assert cli("report", CONFIG, "-o", out).exit_code == 0
    return (out / "report.xlsx").read_bytes()


def test_two_runs_give_the_same_workbook(cli, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    first = _run(cli, tmp_path / "a", dt.datetime(2026, 12, 7, 19, 53, 43, tzinfo=dt.UTC),
                 monkeypatch)  # fmt: skip
    second = _run(cli, tmp_path / "b", dt.datetime(2026, 12, 7, 19, 54, 22, tzinfo=dt.UTC),
                  monkeypatch)  # fmt: skip
    assert first == second
    with zipfile.ZipFile(tmp_path / "b" / "report.xlsx") as z:
        core = z.read("docProps/core.xml").decode()
    # the report's own date (printed in report.md), at midnight: not the time of the run
    assert "2026-12-07T00:00:00Z" in core
    text = (tmp_path / "b" / "report.md").read_text(encoding="utf-8")
    assert "**Rapportens datum:** 2026-12-07" in text
