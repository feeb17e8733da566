"""Raw control characters from the data never reach an HTML page (review 2, item 15): a group
name "Bygg\x1b[31mlov\x07" was written into report.html and `-f html` as raw ESC and BEL bytes
(HTML parse errors; Markdown and Excel showed escapes). They are shown as escapes, as there."""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

from servqual_cli.report.html import render_html
from servqual_cli.report.spec import Document, Section, Table, Text

RAW = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")
NAME = "Bygg\x1b[31mlov\x07"


def test_a_page_from_hostile_text_has_no_raw_controls() -> None:
    frame = pd.DataFrame({"Grupp": [NAME, "Skola\u202eloohcs"], "n": [3, 4]})
    doc = Document(
        title=f"Rapport {NAME}",
        sections=(Section(NAME, (Table(NAME, frame, {"n": "d"}), Text(f"not {NAME}", "note"))),),
        meta={"lang": "sv"},
    )
    page = render_html(doc)
    assert RAW.search(page) is None
    assert "Bygg\\x1b[31mlov\\x07" in page and "\\u202e" in page  # shown, as in Markdown
    assert "\n" in page and "<table" in page  # the page's own whitespace and markup stay


def test_gap_html_through_the_cli(cli, data_dir: Path, tmp_path: Path) -> None:
    text = (data_dir / "kiosk.csv").read_text(encoding="utf-8").replace("Söder", NAME)
    source = tmp_path / "kiosk_controls.csv"
    source.write_text(text, encoding="utf-8")
    out = tmp_path / "gap.html"
    r = cli("gap", source, "--instrument", data_dir / "kiosk.toml", "--by", "Enhet",
            "-f", "html", "-o", out)  # fmt: skip
    assert r.exit_code == 0, r.stderr
    page = out.read_text(encoding="utf-8")
    assert RAW.search(page) is None
    assert "Bygg\\x1b[31mlov\\x07" in page
