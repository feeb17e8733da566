"""The exclusions note names the invalid texts (session 15, w-invalid): "ogiltigt värde 18"
told an analyst something was wrong, not what to fix.

tests/data/invalid_texts_pzb1988.csv is the first 40 rows of survey_blanks_pzb1988.csv with 18
cells replaced by texts no scale reads: "ja" 7 (P1 4, E2 3), "?" 5 (P2),
'=HYPERLINK("http://x.se","klick")' 3 (P20), "<script>alert(1)</script>" 2 (P21) and
"a<ESC>[2Jb" 1 (P22, a raw escape byte that would clear a terminal).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

DATA = Path(__file__).parents[1] / "data"
FILE = DATA / "invalid_texts_pzb1988.csv"
HOSTILE = ("--items", "P20,P21,P22", "--scale-range", "1,7")
LINK = '=HYPERLINK("http://x.se","klick")'
SCRIPT = "<script>alert(1)</script>"
ESC = "a\x1b[2Jb"


def _flat(text: str) -> str:
    """The terminal's text without its line wrapping and table rules."""
    return " ".join(text.replace("│", " ").split())


# Commonest first; the fourth and fifth texts are left to "…". The cells are spread over six
# columns, so no column is named.
GAP_NOTE = {
    "sv": 'ogiltigt värde 18 (”ja” 7, ”?” 5, ”=HYPERLINK("http://x.se…” 3, …).',
    "en": 'not a valid value 18 (“ja” 7, “?” 5, “=HYPERLINK("http://x.se…” 3, …).',
}


@pytest.mark.parametrize("lang", ["sv", "en"])
@pytest.mark.parametrize("command", ["gap", "reliability"])
def test_note_names_the_commonest_invalid_texts(cli, command: str, lang: str) -> None:
    r = cli(command, FILE, "--lang", lang)
    assert r.exit_code == 0, r.stderr
    assert GAP_NOTE[lang] in _flat(r.stdout)


@pytest.mark.parametrize(
    ("lang", "note"),
    [
        ("sv", "ogiltigt värde 6 (i P20 3, P21 2, P22 1; ”=HYPERLINK(\"http://x.se…” 3, "
               "”<script>alert(1)</scrip…” 2, ”a\\x1b[2Jb” 1)."),
        ("en", "not a valid value 6 (in P20 3, P21 2, P22 1; “=HYPERLINK(\"http://x.se…” 3, "
               "“<script>alert(1)</scrip…” 2, “a\\x1b[2Jb” 1)."),
    ],
)  # fmt: skip
def test_alpha_terminal_shows_hostile_texts_as_written(cli, lang: str, note: str) -> None:
    """Three texts, so no "…"; each cut to 24 characters; the escape byte shown as ``\\x1b``,
    never sent to the terminal."""
    r = cli("alpha", FILE, *HOSTILE, "--lang", lang)
    assert r.exit_code == 0, r.stderr
    assert note in _flat(r.stdout)
    assert "\x1b" not in r.stdout


def test_alpha_markdown_keeps_hostile_texts_inert(cli) -> None:
    r = cli("alpha", FILE, *HOSTILE, "-f", "markdown")
    assert r.exit_code == 0, r.stderr
    note = next(line for line in r.stdout.splitlines() if "not a valid value" in line)
    assert note.startswith("> ")
    # no tag a Markdown viewer would render, the escape shown (its backslash doubled)
    assert "<script" not in note and "&lt;script>alert(1)&lt;/scrip…" in note
    assert "“a\\\\x1b[2Jb” 1" in note and "\x1b" not in r.stdout
    assert '“=HYPERLINK("http://x.se…” 3' in note


def test_alpha_html_escapes_hostile_texts(cli) -> None:
    r = cli("alpha", FILE, *HOSTILE, "-f", "html", "--lang", "sv")
    assert r.exit_code == 0, r.stderr
    note = next(line for line in r.stdout.splitlines() if "ogiltigt värde" in line)
    assert "<script" not in note and "&lt;script&gt;alert(1)&lt;/scrip…" in note
    assert "”a\\x1b[2Jb” 1" in note and "\x1b" not in r.stdout


@pytest.mark.parametrize("command", ["gap", "reliability"])
def test_json_lists_every_text_with_its_cells(cli, command: str) -> None:
    """The whole text in the JSON (it is data, escaped by JSON itself), commonest first."""
    r = cli(command, FILE, "-f", "json")
    assert r.exit_code == 0, r.stderr
    out = json.loads(r.stdout)
    assert out["excluded"]["unparseable"] == 18
    assert out["excluded_detail"] == {
        "unparseable": {
            "distinct": 5,
            "values": [
                {"value": "ja", "count": 7},
                {"value": "?", "count": 5},
                {"value": LINK, "count": 3},
                {"value": SCRIPT, "count": 2},
                {"value": ESC, "count": 1},
            ],
        }
    }
    assert "\x1b" not in r.stdout  # JSON writes it as \u001b


def test_json_detail_empty_without_invalid_texts(cli) -> None:
    r = cli("alpha", FILE, "--items", "P5,P6,P7", "--scale-range", "1,7", "-f", "json")
    assert r.exit_code == 0, r.stderr
    out = json.loads(r.stdout)
    assert "unparseable" not in out["excluded"] and out["excluded_detail"] == {}


def test_alpha_json_detail(cli) -> None:
    r = cli("alpha", FILE, *HOSTILE, "-f", "json")
    assert r.exit_code == 0, r.stderr
    values = json.loads(r.stdout)["excluded_detail"]["unparseable"]["values"]
    assert [(v["value"], v["count"]) for v in values] == [(LINK, 3), (SCRIPT, 2), (ESC, 1)]


def test_trend_names_each_files_texts(cli, tmp_path: Path) -> None:
    """trend: the texts per file, as its counts (by_file_summary), and pooled in the JSON."""
    before = DATA / "contacts_2019.csv"
    after = tmp_path / "contacts_2020_texts.csv"
    lines = (DATA / "contacts_2020.csv").read_text(encoding="utf-8").splitlines()
    head = lines[0].split(",")
    reached = head.index("reached")
    rows = [line.split(",") for line in lines[1:]]
    for i, text in enumerate(["kanske", "kanske", "typ", "kanske"]):
        rows[i][reached] = text
    after.write_text("\n".join([lines[0], *(",".join(r) for r in rows)]) + "\n", encoding="utf-8")
    r = cli("trend", before, after, "--lang", "sv")
    assert r.exit_code == 0, r.stderr
    assert "contacts_2020_texts.csv: ogiltigt värde 4 (alla i reached; ”kanske” 3, ”typ” 1)" in (
        _flat(r.stdout)
    )
    j = json.loads(cli("trend", before, after, "-f", "json").stdout)
    assert j["excluded_detail"]["unparseable"]["values"] == [
        {"value": "kanske", "count": 3},
        {"value": "typ", "count": 1},
    ]


def test_report_summary_names_the_answers_texts(cli, tmp_path: Path) -> None:
    """``servqual report``: the summary's exclusions name the answers' invalid texts in the
    Markdown and the HTML; an importance weight's own text ("tio" in ten W1 cells) is counted
    with the weight cells, not named among the answers' (review item 13 keeps them apart)."""
    lines = FILE.read_text(encoding="utf-8").splitlines()
    w1 = lines[0].split(",").index("W1")
    for i in range(21, 31):  # ten cells: more than any answer's text, were they pooled
        row = lines[i].split(",")
        row[w1] = "tio"
        lines[i] = ",".join(row)
    data = tmp_path / "with_weight_text.csv"
    data.write_text("\n".join(lines) + "\n", encoding="utf-8")
    r = cli("report", data, "-o", tmp_path / "out", "--lang", "sv")
    assert r.exit_code == 0, r.stderr
    md = _flat((tmp_path / "out" / "report.md").read_text(encoding="utf-8"))
    assert GAP_NOTE["sv"][:-1] + ". Uteslutna viktighetspoäng (W1–W5): ogiltigt värde 10." in md
    assert "”tio”" not in md
    html = (tmp_path / "out" / "report.html").read_text(encoding="utf-8")
    assert "ogiltigt värde 18 (”ja” 7, ”?” 5, ”=HYPERLINK(&#34;http://x.se…” 3, …)" in html
