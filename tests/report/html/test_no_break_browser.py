"""No line on the phone-sized page parts a number from its unit or an arrow from its ends
(l-small, session 11): at 390 px the Lekeberg page broke "14 ⏎dagar", "+26 ⏎procentenheter",
"2023 → ⏎2024" and "(370 ⏎→ 450)". Measured in headless Chromium: every character's line is
read from its box, in every leaf block of the page (paragraphs, cells, headings, captions).
An arrow whose right end is a long period ("2023-01-01–2023-12-31 → 2024-01-01–2024-12-31")
may break after the arrow, never before it: the two ends together are wider than the line.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from .test_browser import Visit, browser, pytestmark  # noqa: F401 - the fixture and the skip

# Each leaf block's text with "⏎" where the browser starts a new line.
LINES = r"""() => {
  const sel = 'p, li, td, th, caption, h1, h2, h3, h4, h5, h6, figcaption, dd, dt, summary';
  const out = [];
  const range = document.createRange();
  for (const el of document.querySelectorAll('main ' + sel.split(', ').join(', main '))) {
    if (el.querySelector(sel)) continue;
    let s = '', top = null;
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    let node;
    while ((node = walker.nextNode())) {
      for (let i = 0; i < node.length; i++) {
        range.setStart(node, i); range.setEnd(node, i + 1);
        const box = range.getClientRects()[0];
        if (!box || (box.width === 0 && /\s/.test(node.data[i]))) { s += node.data[i]; continue; }
        const t = Math.round(box.top);
        if (top !== null && Math.abs(t - top) > 3) s += '\u23ce';
        s += node.data[i]; top = t;
      }
    }
    out.push(s);
  }
  return out;
}"""
UNIT = (r"(?:%|procentenheter|percentage points|arbetsdagar|working days|dagar|days|timmar|"
        r"hours|sekunder|seconds|s|h)(?!\w)")  # fmt: skip
S = r"[\s\u00a0]*"
NUMBER_UNIT = re.compile(rf"\d{S}⏎{S}{UNIT}")
BEFORE_ARROW = re.compile(rf"⏎{S}→")
AFTER_ARROW = re.compile(rf"→{S}⏎{S}(\S+)")


def breaks(blocks: list[str]) -> list[str]:
    """The forbidden line breaks in ``blocks`` (each with some context)."""
    found = []
    for text in blocks:
        hits = [*NUMBER_UNIT.finditer(text), *BEFORE_ARROW.finditer(text)]
        hits += [m for m in AFTER_ARROW.finditer(text) if len(m.group(1)) <= 12]
        found += [text[max(0, m.start() - 25) : m.end() + 10] for m in hits]
    return found


def test_the_rule_sees_the_breaks_it_forbids() -> None:
    assert breaks(["inom 14 ⏎dagar", "+26⏎ procentenheter", "2023 →⏎2024", "(370 ⏎→ 450)"])
    assert len(breaks(["2023 →⏎2024", "36 → 32 ⏎dagar"])) == 2
    long = "2023-01-01–2023-12-31 → ⏎2024-01-01–2024-12-31"
    assert breaks([long, "inom 14 dagar ⏎och", "95\xa0% ⏎KI", "14⏎"]) == []


@pytest.mark.parametrize("name", ["karlstad_sv", "karlstad_en", "lekeberg_sv", "lekeberg_en"])
def test_no_number_or_arrow_is_parted_at_390_px(name: str, browser, html_reports) -> None:  # noqa: F811
    visit = Visit(browser, html_reports[name], width=390)
    blocks = visit.eval(LINES)
    wide = visit.eval("document.documentElement.scrollWidth")
    visit.close()
    assert sum("⏎" in b for b in blocks) > 20  # the page was measured, and it does wrap
    assert breaks(blocks) == []
    assert wide <= 390  # no unbreakable run pushes the page sideways


def test_the_lekeberg_cases_are_on_the_page(html_reports: dict[str, Path]) -> None:
    """The cases the check is about are on the page it measures (else it could not fail)."""
    html = html_reports["lekeberg_sv"].read_text(encoding="utf-8")
    text = re.sub(r"<[^>]+>", "", html)
    for case in ("14 dagar", "2023 → 2024", "370 → 450", "procentenheter", "≤ 70 dagar"):
        assert case in text, case
    assert '<span class="nw">2023 → 2024' in html and '<span class="nw">14 dagar</span>' in html
