"""One overview, three renderers: the web page's cards, the Markdown "Resultat i korthet" table
and the workbook's overview sheet show the same facts for every measure (review 10a, finding 3).

Before, the Karlstad cards gave each SERVQUAL dimension its group line ("Under förväntan i
Grundskola (−0,44, n = 99) och Förskola/barnomsorg (−0,27, n = 101)") while the Markdown table
had no group column and its paragraph named groups for Lyhördhet only, and the Excel sheet had
neither the groups nor the perception level its own note says is shown beside the gap. The
Lekeberg cards' notes ("11 samtal nådde ingen och saknar väntetid", the test behind "under
målet i telefon") were on the cards only.

Each report (Karlstad and Lekeberg, sv and en) is built once; the page is parsed with the stdlib
:mod:`html.parser`, report.xlsx is written and read back with openpyxl, and for each measure the
card's group line and note are compared with the Markdown row's and the sheet row's cells, so a
fact on one and not the other fails the test. The paragraph must name the groups of every
dimension whose card has a group line (or of none), and the sheet's note carries the paragraph.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from dataclasses import replace
from html.parser import HTMLParser
from pathlib import Path

import pytest
from markupsafe import Markup
from openpyxl import load_workbook

from servqual_cli.report.build import build_report, load_survey
from servqual_cli.report.catalog import rl
from servqual_cli.report.config import load_config
from servqual_cli.report.excel import write_workbook
from servqual_cli.report.html import PageOptions, render_html
from servqual_cli.report.markdown import render_document

from .conftest import SAMPLES

NONE = "–"  # an empty cell in the Markdown and workbook overviews
DIMENSIONS = {
    "sv": ("Fysisk miljö", "Tillförlitlighet", "Lyhördhet", "Trygghet", "Empati"),
    "en": ("Tangibles", "Reliability", "Responsiveness", "Assurance", "Empathy"),
}


def _fake_svg(figure: object, uid: str, message: str) -> Markup:
    return Markup(f'<svg role="img" id="{uid}"></svg>')  # the cards need no chart


def _plain(text: str | None) -> str:
    """Text as read: entities decoded, no-break spaces as spaces, Markdown escapes undone."""
    if text is None:
        return NONE
    text = html.unescape(text).replace("\xa0", " ").replace("\\", "")
    return re.sub(r"\s+", " ", text).strip()


class _Cards(HTMLParser):
    """The overview's cards: name (h3), group line (p.area), value and note, as text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.cards: list[dict[str, str]] = []
        self._field: str | None = None
        self._depth = 0
        self._label: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        classes = (dict(attrs).get("class") or "").split()
        if tag == "span" and "value-label" in classes:  # "Gap:" names the value (review 12b, 14)
            self._field, self._label = "value_label", self._field
            return
        if tag == "li" and "card" in classes:
            self.cards.append({})
        elif self.cards and self._field is None:
            if tag == "h3":
                self._field = "name"
            elif tag == "p" and classes and classes[0] in ("area", "value", "note"):
                self._field = classes[0]
        if self._field is not None and tag in ("h3", "p"):
            self._depth += 1

    def handle_endtag(self, tag: str) -> None:
        if tag == "span" and self._field == "value_label":
            self._field = self._label
            return
        if tag == "ul" and self.cards:
            self.cards.append({"end": "1"})  # the first card list ends the overview
        if self._field is not None and tag in ("h3", "p"):
            self._depth -= 1
            if self._depth == 0:
                self._field = None

    def handle_data(self, data: str) -> None:
        if self._field is not None and self.cards:
            card = self.cards[-1]
            card[self._field] = card.get(self._field, "") + data


def _cards(page: str) -> dict[str, dict[str, str]]:
    parser = _Cards()
    parser.feed(page)
    cards = []
    for c in parser.cards:
        if "end" in c:
            break
        cards.append(c)
    return {_plain(c["name"]): {k: _plain(v) for k, v in c.items()} for c in cards}


def _markdown(text: str, lang: str) -> tuple[str, dict[str, dict[str, str]]]:
    """The overview's paragraph and its table by measure (the first table after the heading)."""
    lines = text.splitlines()
    start = lines.index(f"## {rl('glance_title', lang)}")
    head = next(i for i in range(start, len(lines)) if lines[i].startswith("| "))
    paragraph = " ".join(s for s in lines[start + 1 : head] if s.strip())
    rows = []
    for line in lines[head:]:
        if not line.startswith("|"):
            break
        rows.append([c.strip() for c in re.split(r"(?<!\\)\|", line.strip()[1:-1])])
    header, body = rows[0], rows[2:]
    table = {_plain(r[0]): {h: _plain(c) for h, c in zip(header, r, strict=True)} for r in body}
    return _plain(paragraph), table


def _sheet(path: Path) -> tuple[str, dict[str, dict[str, str]]]:
    """The overview sheet's rows by measure ({header: text}) and the note under them."""
    ws = load_workbook(path).worksheets[1]
    header = [c.value for c in ws[2]]
    rows: dict[str, dict[str, str]] = {}
    end = 3
    for end, r in enumerate(ws.iter_rows(min_row=3, values_only=True), 3):  # noqa: B007
        if r[0] is None:
            break
        rows[_plain(str(r[0]))] = {
            str(h): NONE if v is None else _plain(str(v))
            for h, v in zip(header, r, strict=False)
            if h is not None
        }
    note = " ".join(str(c) for r in ws.iter_rows(min_row=end, values_only=True) for c in r if c)
    return _plain(note), rows


@pytest.fixture(
    scope="module",
    params=[("karlstad", "sv"), ("karlstad", "en"), ("lekeberg", "sv"), ("lekeberg", "en")],
    ids=lambda p: "-".join(p),
)
def outputs(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> dict:
    name, lang = request.param
    config = replace(load_config(SAMPLES / f"report_{name}.toml"), language=lang)
    doc = build_report(config, load_survey(config))
    path = tmp_path_factory.mktemp(f"glance3_{name}_{lang}") / "report.xlsx"
    write_workbook(doc, path, None, dt.datetime(2024, 1, 1))
    paragraph, md = _markdown(render_document(doc), lang)
    note, sheet = _sheet(path)
    cards = _cards(render_html(doc, PageOptions(chart_svg=_fake_svg)))
    return {"name": name, "lang": lang, "paragraph": paragraph, "md": md, "sheet": sheet,
            "note": note, "cards": cards}  # fmt: skip


def test_the_same_measures_everywhere(outputs: dict) -> None:
    assert outputs["cards"], "no cards parsed"
    assert list(outputs["md"]) == list(outputs["cards"]) == list(outputs["sheet"])


def test_group_lines_agree(outputs: dict) -> None:
    """The card's group line is the Markdown row's and the sheet row's "Grupper" cell."""
    head = rl("g_groups", outputs["lang"])
    named = 0
    for measure, card in outputs["cards"].items():
        area = card.get("area", NONE)
        named += area != NONE
        md = outputs["md"][measure].get(head, NONE)
        sheet = outputs["sheet"][measure].get(head, NONE)
        assert md == area == sheet, measure
    if outputs["name"] == "karlstad":  # every dimension has a group line there
        assert named == 5
    else:  # Lekeberg: "Synpunkter ..." below target in two förvaltningar, "Svar" in telefon
        assert named == 2


def test_notes_agree(outputs: dict) -> None:
    """The card's note (a gap's perception level, a KPI's rule, the unreached calls) is in
    the sheet's "Anmärkning" cell and in the Markdown row: beside a gap's value, else in its
    own column."""
    lang = outputs["lang"]
    head = rl("g_row_note", lang)
    value_head = rl("g_this_period", lang)
    perception = rl("g_perception_level", lang, value="")
    seen = 0
    for measure, card in outputs["cards"].items():
        note = card.get("note", NONE)
        md, sheet = outputs["md"][measure], outputs["sheet"][measure]
        assert sheet.get(head, NONE) == note, measure
        if note.startswith(perception):  # a dimension's gap: "−0,18 (2024); upplevelse ..."
            seen += 1
            assert md[value_head].endswith(f"; {note}"), measure
            assert md.get(head, NONE) == NONE, measure
        else:
            assert md.get(head, NONE) == note, measure
    # Karlstad: the five dimensions and the overall gap (review 10c, finding 7)
    assert seen == (6 if outputs["name"] == "karlstad" else 0)


def test_values_agree(outputs: dict) -> None:
    """The card's value opens the Markdown row's value cell."""
    head = rl("g_this_period", outputs["lang"])
    for measure, card in outputs["cards"].items():
        assert outputs["md"][measure][head].startswith(card["value"]), measure


def test_paragraph_names_every_dimensions_groups(outputs: dict) -> None:
    """Every dimension with a group line is named in the paragraph with its groups (or none
    is): the paragraph never singles out one dimension's groups. The sheet's note carries
    the paragraph."""
    lang = outputs["lang"]
    paragraph = outputs["paragraph"]
    dims = [d for d in DIMENSIONS[lang] if outputs["cards"].get(d, {}).get("area", NONE) != NONE]
    for d in dims:
        area = outputs["cards"][d]["area"]
        where = area[:1].lower() + area[1:]
        alone = f"{d}: {where}."
        shared = re.search(rf"{re.escape(area)}: ([^.]*)\.", paragraph)
        assert alone in paragraph or (shared is not None and d in shared.group(1)), d
    assert paragraph in outputs["note"]
    if outputs["name"] == "karlstad":
        assert len(dims) == 5
        fysisk = DIMENSIONS[lang][0]
        assert f"{fysisk}: " in paragraph  # its groups differ from the other four's
