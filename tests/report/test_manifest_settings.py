"""The manifest's ``settings`` (review 12b finding 13): every option that changes a result, its
value in effect whether given or defaulted, and which were defaults; a value the config leaves
out is the parsed config's default, and giving it (in the file or on the command line) flips
its flag."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from servqual_cli.core.thresholds import MIN_N
from servqual_cli.report.config import load_config, survey_config, with_overrides
from servqual_cli.report.manifest import build_manifest

STAMP = dt.datetime(2023, 11, 14, 22, 13, 20, tzinfo=dt.UTC)


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """A config folder with the kiosk survey and its instrument beside it."""
    data = Path(__file__).parents[1] / "data"
    for name in ("kiosk.csv", "kiosk.toml"):
        (tmp_path / name).write_bytes((data / name).read_bytes())
    return tmp_path


def settings_of(path: Path, text: str) -> dict[str, dict[str, object]]:
    path.write_text(text, encoding="utf-8")
    s: dict[str, dict[str, object]] = build_manifest(
        load_config(path), ["servqual"], [], STAMP, 1700000000
    )["settings"]
    return s


def test_defaults_are_listed_with_their_values(folder: Path, monkeypatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    s = settings_of(folder / "r.toml", '[survey]\nfile = "kiosk.csv"\n')
    assert s["min_n"] == {"value": MIN_N, "default": True}
    assert s["language"] == {"value": "en", "default": True}
    assert s["survey.conf"] == {"value": 0.95, "default": True}
    assert s["survey.ipa_crosshair"] == {"value": "mean", "default": True}
    assert s["survey.instrument"] == {"value": "pzb1991", "default": True}
    assert s["survey.scale"] == {"value": [1, 7], "default": True}  # the instrument's
    assert s["survey.weight_column"] == {"value": None, "default": True}  # unweighted
    assert s["survey.strict"] == {"value": False, "default": True}
    assert s["date"] == {"value": "2023-11-14", "default": True}  # SOURCE_DATE_EPOCH's day
    assert s["sections"] == {"value": ["summary", "servqual", "reliability", "method"],
                             "default": True}  # fmt: skip
    assert not any(k.startswith(("contacts.", "service.", "tolerance.")) for k in s)


def test_giving_a_key_flips_its_flag(folder: Path) -> None:
    s = settings_of(
        folder / "r.toml",
        'min_n = 10\nlanguage = "sv"\n[survey]\nfile = "kiosk.csv"\ninstrument = "kiosk.toml"\n'
        'conf = 0.9\nweight_column = "w"\n',
    )
    assert s["min_n"] == {"value": 10, "default": False}
    assert s["language"] == {"value": "sv", "default": False}
    assert s["survey.conf"] == {"value": 0.9, "default": False}
    assert s["survey.weight_column"] == {"value": "w", "default": False}
    # an instrument file by its path relative to the config's folder (path_base), and its scale
    assert s["survey.instrument"] == {"value": "kiosk.toml", "default": False}
    assert s["survey.scale"]["default"] is False
    assert s["survey.ipa_crosshair"] == {"value": "mean", "default": True}


def test_the_command_line_counts_as_given(folder: Path, monkeypatch) -> None:
    path = folder / "r.toml"
    path.write_text('[survey]\nfile = "kiosk.csv"\n', encoding="utf-8")
    config = with_overrides(load_config(path), "sv", strict=True)
    s = build_manifest(config, ["servqual"], [], STAMP, None)["settings"]
    assert s["language"] == {"value": "sv", "default": False}
    assert s["survey.strict"] == {"value": True, "default": False}
    monkeypatch.chdir(folder)  # the short form: --lang not given is the default language
    short = build_manifest(survey_config("kiosk.csv"), ["servqual"], [], STAMP, None)
    assert short["settings"]["language"] == {"value": "en", "default": True}
    assert "language" not in short["config"]
    given = build_manifest(survey_config("kiosk.csv", lang="sv"), ["servqual"], [], STAMP, None)
    assert given["settings"]["language"] == {"value": "sv", "default": False}


def test_the_sample_reports_manifest(sample_report: Path) -> None:
    m = json.loads((sample_report / "manifest.json").read_text(encoding="utf-8"))
    s = m["settings"]
    assert s["min_n"] == {"value": MIN_N, "default": True}
    assert s["survey.conf"] == {"value": 0.95, "default": False}  # written in the sample config
    assert s["survey.by"] == {"value": "Tjänst", "default": False}
    assert s["survey.header_row"] == {"value": None, "default": True}  # detected by the reader
    assert s["sections"]["value"] == ["summary", "servqual", "groups", "reliability", "method"]
    assert list(m).index("settings") == list(m).index("config") + 1


def test_every_config_key_is_a_setting_or_an_input() -> None:
    """Every key the config checks is a setting, an input file or a label of the report's
    header: a new option that changes a result cannot be left out of the manifest unnoticed."""
    from servqual_cli.report import config as c
    from servqual_cli.report.manifest_settings import SETTINGS

    tables = {"": c._TOP, "survey": c._SURVEY, "contacts": c._CONTACTS, "service": c._SERVICE,
              "tolerance": c._TOLERANCE, "knowledge_gap": c._KNOWLEDGE_GAP}  # fmt: skip
    inputs = {"file", "years", "benchmark", "kpi", "feedback", "staff_file",
              *tables}  # hashed in "inputs"  # fmt: skip
    labels = {"title", "organisation", "period"}  # words on the report, no number changes
    for table, keys in tables.items():
        assert set(keys) - inputs - labels == set(SETTINGS[table]) - {"scale"}, table
