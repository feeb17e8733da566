"""Line breaks a reader should never meet (review 7, finding 8): "n = 345" tied with no-break
spaces in every output of the report, and ISO dates kept on one line on the web page."""

from __future__ import annotations

import re

import pandas as pd
from hypothesis import given
from hypothesis import strategies as st

from servqual_cli.report.spec import Document, Figure, Glance, GlanceRow, Section, Table, Text
from servqual_cli.report.typeset import html_text, tie_n, typeset_block

NBSP = "\xa0"


@given(st.text(alphabet=st.sampled_from(list("n =0123456789-−ab(),\xa0")), max_size=40))
def test_tying_changes_only_spaces(text: str) -> None:
    tied = tie_n(text)
    assert tied.replace(NBSP, " ") == text.replace(NBSP, " ")
    assert not re.search(r"(?<!\w)n = [\d−-]", tied)  # no breakable "n = 5" is left
    assert tie_n(tied) == tied


def test_html_keeps_dates_whole_and_escapes_the_rest() -> None:
    html = str(html_text("<i>per 2024-12-31</i> (78,6 %, n = 345), 2023-01 → 2024-12"))
    assert "&lt;i&gt;per" in html and "<i>" not in html
    assert re.findall(r'<span class="nw">(\d{4}-[^<]+)</span>', html) == [
        "2024-12-31", "2023-01", "2024-12"]  # fmt: skip
    assert f"n{NBSP}={NBSP}345" in html


def test_every_block_kind_is_tied() -> None:
    row = GlanceRow("kpi", "A", "share", 0.5)
    blocks = [
        Text("Svarande (n = 54)", kind="note"),
        Table("Tabell (n = 5)", pd.DataFrame({"a": ["80 (n = 54)"], "b": [1]}), note="n = 3"),
        Figure("f", "F", "bars", {}, caption="Staplar (n = 53 / 54)"),
        Glance("G", (row,), summary=("Under målet i telefon (53,7 %, n = 54).",), note="n = 1"),
    ]
    doc = Document("R", (Section("S", tuple(typeset_block(b) for b in blocks)),), {})
    shown = [str(v) for b in doc.sections[0].blocks for v in vars(b).values()]
    shown += [str(v) for v in doc.sections[0].blocks[1].frame["a"]]
    assert not [s for s in shown if re.search(r"n = \d", s)]
    assert any(f"n{NBSP}={NBSP}54" in s for s in shown)


def test_the_report_ties_n_in_markdown(tmp_path, cli) -> None:
    from pathlib import Path

    config = Path(__file__).parents[2] / "data" / "samples" / "report_lekeberg.toml"
    r = cli("report", config, "-o", tmp_path / "out")
    assert r.exit_code == 0, r.stderr
    md = (tmp_path / "out" / "report.md").read_text(encoding="utf-8")
    assert "Tekniska förvaltningen (78,6\xa0%, n\xa0=\xa0345)" in md
    assert not re.findall(r"\bn = \d", md)
    html = (tmp_path / "out" / "report.html").read_text(encoding="utf-8")
    assert 'per <span class="nw">2024-12-31</span>' in html
