"""A report made from a checkout with uncommitted changes says so (review 12b finding 13): the
manifest's ``tool.git_dirty`` and, in words, the method section's note on reproducing the
report; a clean checkout records false and adds no sentence. ``git_dirty`` itself is checked
against real repositories in ``tests/test_provenance.py``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from openpyxl import load_workbook

from servqual_cli import provenance
from servqual_cli.cli.main import main

from .conftest import EPOCH, REPORT_ARGS

SV = "källkod hade ändringar som inte var incheckade"


def run(tmp_path: Path, monkeypatch, dirty: bool | None, args: list[str] = REPORT_ARGS) -> Path:
    calls: list[int] = []

    def fake() -> bool | None:
        calls.append(1)
        return dirty

    monkeypatch.setattr(provenance, "git_dirty", fake)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    monkeypatch.chdir(tmp_path)
    assert main(args) == 0
    assert len(calls) == 1  # asked once per run: the words and the manifest agree
    return tmp_path / "karlstad"


def test_a_dirty_checkout_is_recorded_and_said(tmp_path: Path, monkeypatch) -> None:
    out = run(tmp_path, monkeypatch, True)
    m = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert m["tool"]["git_dirty"] is True
    md = (out / "report.md").read_text(encoding="utf-8")
    assert SV in md and "beskriver inte exakt den kod som kördes" in md
    assert SV in (out / "report.html").read_text(encoding="utf-8")
    sheet = load_workbook(out / "report.xlsx")["Metod"]
    assert any(SV in str(v) for row in sheet.values for v in row if v)


@pytest.mark.parametrize("dirty", [False, None])
def test_a_clean_checkout_or_none_adds_no_sentence(
    tmp_path: Path, monkeypatch, dirty: bool | None
) -> None:
    out = run(tmp_path, monkeypatch, dirty)
    m = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert m["tool"]["git_dirty"] is dirty and "git_dirty" in m["tool"]
    assert SV not in (out / "report.md").read_text(encoding="utf-8")


def test_english_and_split_reports_say_it_too(tmp_path: Path, monkeypatch) -> None:
    args = [*REPORT_ARGS, "--lang", "en", "--split", "--jobs", "1"]
    out = run(tmp_path, monkeypatch, True, args)
    m = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert m["tool"]["git_dirty"] is True
    group = out / m["groups"][0]["folder"]
    inner = json.loads((group / "manifest.json").read_text(encoding="utf-8"))
    assert inner["tool"]["git_dirty"] is True
    # the group's own settings: grouped by nothing inside it, because the split took survey.by
    assert inner["settings"]["split"] == {
        "value": {"by": "Tjänst", "group": m["groups"][0]["group"]},
        "default": False,
    }
    assert inner["settings"]["survey.by"]["value"] is None
    md = (group / "report.md").read_text(encoding="utf-8")
    assert "source code had uncommitted changes" in md
    assert "does not describe exactly the code that ran" in md
