"""``--format html`` (or ``-o x.html``) of the analysis commands through the real CLI."""

from __future__ import annotations

from pathlib import Path

import pytest

DATA = Path(__file__).parent.parent / "data"
SAMPLES = Path(__file__).parent.parent.parent / "data" / "samples"
KIOSK = ["--instrument", str(DATA / "kiosk.toml")]


def _page(text: str, lang: str) -> None:
    assert text.startswith(f'<!DOCTYPE html>\n<html lang="{lang}">')
    assert "Content-Security-Policy" in text and "<script" not in text
    assert text.count("<h1>") == 1 and "<main" in text and text.rstrip().endswith("</html>")


def test_gap_html_escapes_hostile_group_names(cli, monkeypatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    r = cli("gap", DATA / "kiosk_hostile.csv", *KIOSK, "--by", "Enhet", "-f", "html")
    assert r.exit_code == 0, r.stderr
    _page(r.stdout, "en")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in r.stdout
    assert "&#34;&gt;&lt;img src=x onerror=alert(2)&gt;" in r.stdout
    assert "<img" not in r.stdout and "onerror=alert(2)>" not in r.stdout
    assert "14 November 2023" in r.stdout  # dated by SOURCE_DATE_EPOCH: reproducible


def test_html_from_the_output_extension(cli, tmp_path: Path) -> None:
    out = tmp_path / "gap.html"
    r = cli("gap", DATA / "kiosk.csv", *KIOSK, "--lang", "sv", "-o", out)
    assert r.exit_code == 0, r.stderr
    text = out.read_text(encoding="utf-8")
    _page(text, "sv")
    assert "−" in text and "Visa tabellen" in text


@pytest.mark.parametrize(
    ("args", "lang", "expect"),
    [
        (["kpi", DATA / "kpi_cases.toml"], "sv", "Nyckeltal"),
        (["feedback", DATA / "feedback_en.csv"], "en", "Feedback"),
        (
            ["trend", SAMPLES / "servicematning_2019.xlsx", SAMPLES / "servicematning_2020.xlsx"],
            "sv",
            "2019",
        ),
    ],
)
def test_kpi_feedback_trend_as_pages(cli, args: list, lang: str, expect: str) -> None:
    r = cli(*args, "--lang", lang, "--format", "html")
    assert r.exit_code == 0, r.stderr
    _page(r.stdout, lang)
    assert expect in r.stdout
    assert "<table" in r.stdout and "<caption" in r.stdout and 'scope="col"' in r.stdout


def test_same_input_same_page(cli, monkeypatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    args = ("kpi", DATA / "kpi_cases.toml", "-f", "html", "--lang", "sv")
    assert cli(*args).stdout == cli(*args).stdout
