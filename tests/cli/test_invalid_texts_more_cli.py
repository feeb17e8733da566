"""The exclusions note names the invalid texts in every command that counts them (session 16,
w-excl): gap (perception only), tolerance, knowledge-gap, items, contacts, service-survey and
feedback said "ogiltigt värde 6" where gap, reliability, alpha and trend said what to fix.

The files (tests/data/make_invalid_texts.py) each hold three hostile texts: "<script>…" in 3
cells, "=cmd|' /C calc'!A0" in 2 and "a<ESC>[2Jb" in 1. They stay data: cut to 24 characters,
the escape byte shown as ``\\x1b``, escaped by each renderer (Markdown, HTML), whole in the JSON.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

DATA = Path(__file__).parents[1] / "data"
PERCEPTION_ONLY = DATA / "instruments" / "kiosk_perception_only.toml"
SCRIPT, CMD, ESC = "<script>alert(1)</script>", "=cmd|' /C calc'!A0", "a\x1b[2Jb"

COMMANDS = {
    "servperf": ["gap", DATA / "invalid_texts_kiosk.csv", "-i", PERCEPTION_ONLY],
    "tolerance": ["tolerance", DATA / "invalid_texts_tolerance.csv", "--no-items"],
    "contacts": ["contacts", DATA / "invalid_texts_contacts_2020.csv"],
    "service-survey": ["service-survey", DATA / "invalid_texts_medborgare.csv"],
    "feedback": ["feedback", DATA / "invalid_texts_feedback.csv"],
}
# the three texts, commonest first; feedback has a fourth ("other", 1 cell), left to "…"
TEXTS = {
    "sv": "”<script>alert(1)</scrip…” 3, ”=cmd|' /C calc'!A0” 2, ”a\\x1b[2Jb” 1",
    "en": "“<script>alert(1)</scrip…” 3, “=cmd|' /C calc'!A0” 2, “a\\x1b[2Jb” 1",
}
INVALID = {"sv": "ogiltigt värde", "en": "not a valid value"}
NOTE = {  # what stands before the texts in each command's note
    "servperf": "{invalid} 6 ({where} U1 3, U2 2, U4 1; ",
    "tolerance": "{invalid} 6 (",
    "contacts": "{invalid} 6 (",
    "service-survey": "{invalid} 6 (",
    "feedback": "{invalid} 7 (",
}
VALUES = [{"value": SCRIPT, "count": 3}, {"value": CMD, "count": 2}, {"value": ESC, "count": 1}]


def _flat(text: str) -> str:
    """The terminal's text without its line wrapping and table rules."""
    return " ".join(text.replace("│", " ").split())


def _note(command: str, lang: str) -> str:
    head = NOTE[command].format(invalid=INVALID[lang], where="i" if lang == "sv" else "in")
    tail = ", …)." if command == "feedback" else ")."
    return head + TEXTS[lang] + tail


@pytest.mark.parametrize("lang", ["sv", "en"])
@pytest.mark.parametrize("command", list(COMMANDS))
def test_terminal_names_the_texts(cli, command: str, lang: str) -> None:
    r = cli(*COMMANDS[command], "--lang", lang)
    assert r.exit_code == 0, r.stderr
    assert _note(command, lang) in _flat(r.stdout)
    assert "\x1b" not in r.stdout  # the escape byte shown, never sent to the terminal


@pytest.mark.parametrize("command", list(COMMANDS))
def test_json_lists_the_texts_whole(cli, command: str) -> None:
    r = cli(*COMMANDS[command], "-f", "json")
    assert r.exit_code == 0, r.stderr
    detail = json.loads(r.stdout)["excluded_detail"]["unparseable"]
    extra = [{"value": "other", "count": 1}] if command == "feedback" else []
    assert detail == {"distinct": 3 + len(extra), "values": VALUES + extra}
    assert "\x1b" not in r.stdout  # JSON writes it as \u001b


@pytest.mark.parametrize("command", list(COMMANDS))
def test_markdown_and_html_keep_the_texts_inert(cli, command: str) -> None:
    md = cli(*COMMANDS[command], "-f", "markdown").stdout
    note = next(line for line in md.splitlines() if "not a valid value" in line)
    assert "<script" not in note and "“&lt;script>alert(1)&lt;/scrip…” 3" in note
    assert "“a\\\\x1b[2Jb” 1" in note and "\x1b" not in md
    page = cli(*COMMANDS[command], "-f", "html", "--lang", "sv").stdout
    note = next(line for line in page.splitlines() if "ogiltigt värde" in line)
    assert "<script" not in note and "”&lt;script&gt;alert(1)&lt;/scrip…” 3" in note
    assert "”=cmd|&#39; /C calc&#39;!A0” 2" in note and "\x1b" not in page


@pytest.mark.parametrize(
    ("lang", "note"),
    [
        ("sv", "Uteslutna celler: tomma 9, ogiltigt värde 15 (”?” 5, ”ja” 4, "
               "”=HYPERLINK(\"http://x.se…” 3, …)."),
        ("en", "Excluded cells: blank 9, not a valid value 15 (“?” 5, “ja” 4, "
               "“=HYPERLINK(\"http://x.se…” 3, …)."),
    ],
)  # fmt: skip
def test_items_names_the_texts(cli, lang: str, note: str) -> None:
    args = ("items", DATA / "invalid_texts_pzb1988.csv", "--items", "P1,P2,P20,P21,P22",
            "--scale-range", "1,7")  # fmt: skip
    r = cli(*args, "--lang", lang)
    assert r.exit_code == 0, r.stderr
    assert note in _flat(r.stdout) and "\x1b" not in r.stdout
    detail = json.loads(cli(*args, "-f", "json").stdout)["excluded_detail"]["unparseable"]
    assert detail["distinct"] == 5
    assert [(v["value"], v["count"]) for v in detail["values"][:3]] == [
        ("?", 5), ("ja", 4), ('=HYPERLINK("http://x.se","klick")', 3)
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("lang", "staff"),
    [("sv", "Personal – Uteslutna celler: tomma 4, vet ej 6, ogiltigt värde 6 ("),
     ("en", "Staff – Excluded cells: blank 4, don't know 6, not a valid value 6 (")],
)  # fmt: skip
def test_knowledge_gap_names_each_files_texts(cli, lang: str, staff: str) -> None:
    """Citizens' texts and staff's, each after its own counts, one sentence."""
    args = ("knowledge-gap", DATA / "invalid_texts_pzb1988.csv", DATA / "invalid_texts_staff.csv",
            "--no-items")  # fmt: skip
    r = cli(*args, "--lang", lang)
    assert r.exit_code == 0, r.stderr
    text = _flat(r.stdout)
    q = ("”", "”") if lang == "sv" else ("“", "”")
    assert f"{INVALID[lang]} 18 ({q[0]}ja{q[1]} 7, {q[0]}?{q[1]} 5, " in text
    assert f"{staff}{TEXTS[lang]})." in text and "\x1b" not in r.stdout
    detail = json.loads(cli(*args, "-f", "json").stdout)["excluded_detail"]
    assert detail["staff"] == {"unparseable": {"distinct": 3, "values": VALUES}}
    assert detail["customers"]["unparseable"]["distinct"] == 5


@pytest.mark.parametrize(
    ("lang", "note"),
    [("sv", "utanför skalan 1 (alla i F2; ”9” 1)"), ("en", "out of range 1 (all in F2; “9” 1)")],
)
def test_out_of_range_values_named(cli, lang: str, note: str) -> None:
    """A 9 on a 1–5 scale: the value says which scale the file was answered on."""
    args = ("gap", DATA / "kiosk.csv", "-i", DATA / "kiosk.toml")
    r = cli(*args, "--lang", lang)
    assert r.exit_code == 0, r.stderr
    assert note in _flat(r.stdout)
    detail = json.loads(cli(*args, "-f", "json").stdout)["excluded_detail"]
    assert detail["out_of_range"] == {"distinct": 1, "values": [{"value": "9", "count": 1}]}


@pytest.mark.parametrize(("lang", "head"), [("sv", "ogiltigt datum 7 ("), ("en", "not a date 7 (")])
def test_unreadable_dates_named(cli, lang: str, head: str) -> None:
    """Dates no reader takes (the three hostile texts and "soon"), named as invalid texts are."""
    args = ("feedback", DATA / "invalid_texts_dates.csv")
    r = cli(*args, "--lang", lang)
    assert r.exit_code == 0, r.stderr
    assert f"{head}{TEXTS[lang]}, …)" in _flat(r.stdout) and "\x1b" not in r.stdout
    detail = json.loads(cli(*args, "-f", "json").stdout)["excluded_detail"]
    assert detail["invalid_date"] == {
        "distinct": 4, "values": [*VALUES, {"value": "soon", "count": 1}]
    }  # fmt: skip
    page = cli(*args, "-f", "html").stdout
    note = next(line for line in page.splitlines() if "not a date 7" in line)
    assert "<script" not in note and "“&lt;script&gt;alert(1)&lt;/scrip…” 3" in note
