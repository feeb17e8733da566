"""Every interval column names its level (review 5, finding 21): the SERVPERF tables, the OLS
(derived importance) table and the toolbox's weighted-means table headed "CI low" / "KI låg"
without it, while every other table said "95% CI low". One helper heads them all
(:func:`servqual_cli.report.conf_level.interval_head`); checked in the terminal, Markdown, HTML
and Excel outputs of the real CLI, at a level other than the default so a hard-coded "95" fails.
"""

from __future__ import annotations

import re
from pathlib import Path

import numpy as np
import pytest

R = Path(__file__).parents[1] / "core" / "r"
SYNTH = R / "toolbox_synth.csv"


def _bare(text: str, lang: str) -> list[str]:
    """Interval headings without a level before the word: "| CI low |", "┃ KI låg ┃"."""
    word = "KI låg|KI hög" if lang == "sv" else "CI low|CI high"
    text = re.sub(r"%\s?(?=[KC]I )", "%_", text)  # "95 % KI låg", "95% CI low": named
    return re.findall(rf"(?:^|[|┃│>\s])(?:{word})(?=\s*(?:[|┃│<]|$))", text, flags=re.M)


def _servperf(data_dir: Path) -> list[str]:
    inst = data_dir / "instruments" / "kiosk_perception_only.toml"
    return ["gap", str(data_dir / "kiosk.csv"), "-i", str(inst), "--conf", "0.9"]


def _toolbox(data_dir: Path) -> list[str]:
    return ["gap", str(SYNTH), "--instrument", str(data_dir / "toolbox.toml"), "--overall",
            "overall", "--conf", "0.9", "--no-items"]  # fmt: skip


def _items(data_dir: Path) -> list[str]:
    return ["items", str(SYNTH), "--instrument", str(data_dir / "toolbox.toml"),
            "--weight-column", "w", "--conf", "0.9"]  # fmt: skip


@pytest.mark.parametrize("lang", ["sv", "en"])
@pytest.mark.parametrize("fmt", ["table", "markdown", "html"])
@pytest.mark.parametrize("args", [_servperf, _toolbox, _items])
def test_no_interval_heading_without_its_level(cli, data_dir: Path, lang, fmt, args) -> None:
    r = cli(*args(data_dir), "--lang", lang, "-f", fmt)
    assert r.exit_code == 0, r.stderr
    text = re.sub(r"<[^>]+>", "", r.stdout).replace("\xa0", " ")  # HTML: <abbr>KI</abbr>
    level = "90 % KI låg" if lang == "sv" else "90% CI low"
    assert level in text
    assert _bare(text, lang) == []


def test_servperf_tables_and_ols_name_the_level(cli, data_dir: Path) -> None:
    md = cli(*_servperf(data_dir), "-f", "markdown").stdout
    assert md.count("| 90% CI low | 90% CI high |") == 3  # dimensions, items, overall
    md = cli(*_toolbox(data_dir), "-f", "markdown").stdout
    ols = md[md.index("### OLS") :].split("\n\n")[1]
    assert "| 90% CI low | 90% CI high |" in ols
    md = cli(*_items(data_dir), "-f", "markdown", "--lang", "sv").stdout.replace("\xa0", " ")
    weighted = md[md.index("### Viktade medelvärden") :].split("\n\n")[1]
    assert "| 90 % KI låg | 90 % KI hög |" in weighted


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_excel_headings_name_the_level(lang: str) -> None:
    """The report's Excel writer heads each sheet with the table's own column names."""
    from openpyxl import Workbook

    from servqual_cli.core.servperf import servperf_analysis
    from servqual_cli.report.excel import HEADER_ROW, write_table
    from servqual_cli.report.servperf_sections import servperf_sections
    from servqual_cli.report.spec import Table

    p = np.random.default_rng(7).integers(1, 6, size=(40, 4)).astype(float)
    res = servperf_analysis(p, ["1", "2", "3", "4"], {"A": [0, 1], "B": [2, 3]}, conf=0.9)
    tables = [b for s in servperf_sections(res, {}, lang) for b in s.blocks if isinstance(b, Table)]
    book = Workbook()
    heads = []
    for table in tables:
        ws = book.create_sheet()
        write_table(ws, table, lang)
        heads += [c.value for c in ws[HEADER_ROW]]
    want = ("90\xa0% KI låg", "90\xa0% KI hög") if lang == "sv" else ("90% CI low", "90% CI high")
    assert len(tables) == 3 and all(heads.count(w) == 3 for w in want)
    assert not {"KI låg", "KI hög", "CI low", "CI high"} & set(heads)


def test_interval_head_is_the_one_rule() -> None:
    from servqual_cli.report.conf_level import interval_head

    assert interval_head("ci_low", "KI låg", 0.9, "sv") == "90\xa0% KI låg"
    assert interval_head("weighted_ci_high", "Viktad CI high", 0.95, "en") == "Viktad 95% CI high"
    assert interval_head("ci_low", "CI low", None, "en") == "CI low"
    assert interval_head("mean", "Mean", 0.9, "en") == "Mean"


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_trend_change_tables_name_the_level(cli, samples_dir: Path, tmp_path: Path, lang) -> None:
    """The service measurement's change tables ("KI låg (ojusterat)") name the level too."""
    years = [samples_dir / f"servicematning_{y}.xlsx" for y in (2019, 2020)]
    out = tmp_path / "t.md"
    r = cli("trend", *years, "--lang", lang, "--conf", "0.9", "-o", out)
    assert r.exit_code == 0, r.stderr
    text = out.read_text(encoding="utf-8").replace("\xa0", " ")
    want = "| 90 % KI låg (ojusterat) |" if lang == "sv" else "| 90% CI low (unadjusted) |"
    assert text.count(want) == 2
    assert _bare(text, lang) == [] and "| KI låg" not in text and "| CI low" not in text
