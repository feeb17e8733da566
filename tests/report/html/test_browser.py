"""The HTML reports in a real browser: headless Chromium (the system package) driven by
Playwright, checked with axe-core (pinned by axe-playwright-python) against WCAG 2.1 A and AA.

Skipped, with the reason, where no Chromium is installed; CI installs it (.ci/run). Screenshots
of the first screen go to ``tests/artifacts/`` (ignored by git) to be looked at.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from servqual_cli.report.html import PageOptions, downloads, render_html

from .conftest import IMG, SCRIPT, glance_document

CHROMIUM = os.environ.get("SERVQUAL_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
try:
    import axe_playwright_python  # noqa: F401
    from playwright.sync_api import sync_playwright

    _MISSING = None if Path(CHROMIUM).exists() else f"no Chromium at {CHROMIUM}"
except ImportError as exc:  # the dev extras are not installed
    _MISSING = f"{exc.name} is not installed (pip install -e '.[dev]')"

# CI (.ci/run) sets SERVQUAL_REQUIRE_BROWSER=1: there a missing browser fails, never skips.
REQUIRED = os.environ.get("SERVQUAL_REQUIRE_BROWSER") == "1"
pytestmark = pytest.mark.skipif(
    _MISSING is not None and not REQUIRED,
    reason=f"browser tests need Chromium and Playwright: {_MISSING}",
)

ARTIFACTS = Path(__file__).parents[2] / "artifacts"
# Chromium as root in a container, with nothing of its own going to the network.
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
WCAG = {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}
PAGES = ["karlstad_sv", "karlstad_en", "lekeberg_sv", "lekeberg_en", "split", "hostile",
         "toolbox_sv"]  # fmt: skip


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    if _MISSING is not None:
        pytest.fail(f"SERVQUAL_REQUIRE_BROWSER=1 but {_MISSING}", pytrace=False)
    profile = tmp_path_factory.mktemp("chromium-profile")  # an empty --user-data-dir
    with sync_playwright() as p:
        context = p.chromium.launch_persistent_context(
            str(profile), executable_path=CHROMIUM, headless=True, args=FLAGS
        )
        yield context
        context.close()


class Visit:
    """A page opened with every request and dialog recorded."""

    def __init__(self, context: Any, path: Path, width: int = 1280, scale: float = 1) -> None:
        self.requests: list[str] = []
        self.dialogs: list[str] = []
        self.page = context.new_page()
        self.page.set_viewport_size({"width": width, "height": 800})
        self.page.on("request", lambda r: self.requests.append(r.url))
        self.page.on("dialog", self._dialog)
        if scale != 1:
            # CSS zoom as a browser's zoom does it: the layout viewport shrinks by the factor
            cdp = context.new_cdp_session(self.page)
            cdp.send(
                "Emulation.setDeviceMetricsOverride",
                {"width": width, "height": 800, "deviceScaleFactor": scale, "mobile": False},
            )
        self.page.goto(path.as_uri())
        self.url = path.as_uri()

    def _dialog(self, dialog: Any) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def eval(self, script: str) -> Any:
        return self.page.evaluate(script)

    def close(self) -> None:
        self.page.close()


@pytest.fixture(scope="module")
def overview_page(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The test overview (every verdict, a small base, hostile names) as a file."""
    folder = tmp_path_factory.mktemp("overview")
    for lang in ("sv", "en"):
        options = PageOptions(
            published=dt.date(2024, 3, 1), downloads=downloads(lang, ["report.xlsx"])
        )
        text = render_html(glance_document(lang), options)
        (folder / f"overview_{lang}.html").write_text(text, encoding="utf-8")
    return folder


def _page(name: str, html_reports: dict[str, Path], overview_page: Path) -> Path:
    if name.startswith("overview"):
        return overview_page / f"{name}.html"
    return html_reports[name]


ALL = [*PAGES, "overview_sv", "overview_en"]


@pytest.mark.parametrize("name", ALL)
def test_no_wcag_violations(name: str, browser, html_reports, overview_page) -> None:
    from axe_playwright_python.sync_playwright import Axe

    visit = Visit(browser, _page(name, html_reports, overview_page))
    results = Axe().run(visit.page, options={"runOnly": WCAG, "resultTypes": ["violations"]})
    found = [
        f"{v['id']}: {v['help']} ({[n['target'] for n in v['nodes'][:3]]})"
        for v in results.response["violations"]
    ]
    assert results.response["testEngine"]["version"] == "4.12.1"
    assert found == [], "\n".join(found)
    # and axe did look: the rules ran on this page
    assert len(results.response["passes"]) > 0 or results.response["inapplicable"]
    visit.close()


@pytest.mark.parametrize("name", ALL)
def test_nothing_leaves_the_page(name: str, browser, html_reports, overview_page) -> None:
    visit = Visit(browser, _page(name, html_reports, overview_page))
    visit.page.wait_for_load_state("networkidle")
    assert visit.requests == [visit.url]  # the page itself and nothing else
    assert visit.dialogs == []
    visit.close()


@pytest.mark.parametrize("name", ["hostile", "overview_sv"])
def test_hostile_names_show_as_text(name: str, browser, html_reports, overview_page) -> None:
    visit = Visit(browser, _page(name, html_reports, overview_page))
    text = visit.eval("document.body.textContent")
    assert SCRIPT in text and IMG in text
    assert visit.eval("document.querySelectorAll('script, img, iframe, object').length") == 0
    assert visit.dialogs == []
    visit.close()


def test_the_policy_blocks_a_script_that_got_in(browser, overview_page, tmp_path: Path) -> None:
    """Were escaping ever to fail, the Content-Security-Policy still stops the script."""
    text = (overview_page / "overview_sv.html").read_text(encoding="utf-8")
    broken = text.replace("<main", "<script>alert('ran')</script><img src=x onerror=alert(2)><main")
    path = tmp_path / "broken.html"
    path.write_text(broken, encoding="utf-8")
    visit = Visit(browser, path)
    visit.page.wait_for_load_state("networkidle")
    assert visit.eval("document.querySelectorAll('script').length") == 1  # it is there...
    assert visit.dialogs == []  # ...and did not run
    assert all(u.startswith("file:") for u in visit.requests)
    visit.close()


@pytest.mark.parametrize("name", ALL)
def test_every_image_has_a_text_alternative(
    name: str, browser, html_reports, overview_page
) -> None:
    visit = Visit(browser, _page(name, html_reports, overview_page))
    missing = visit.eval(
        """() => {
        const bad = [];
        for (const img of document.querySelectorAll('img')) {
            if (!(img.getAttribute('alt') || '').trim()) bad.push(img.outerHTML.slice(0, 80));
        }
        for (const svg of document.querySelectorAll('svg')) {
            if (svg.parentElement.closest('svg')) continue;
            const ids = (svg.getAttribute('aria-labelledby') || '').split(/\\s+/).filter(Boolean);
            const text = ids.map(i => (document.getElementById(i) || {}).textContent || '')
                .join(' ').trim();
            if (svg.getAttribute('role') !== 'img' || !text) bad.push(svg.outerHTML.slice(0, 80));
        }
        return bad;
    }"""
    )
    assert missing == []
    count = visit.eval("document.querySelectorAll('svg.chart').length")
    if name.startswith(("karlstad", "lekeberg", "hostile")):
        assert count > 0  # the reports do have charts, and each was checked
        # each chart is followed by its values as a table
        follows = visit.eval(
            "[...document.querySelectorAll('figure')]"
            ".every(f => f.querySelector('.chart-scroll + details table'))"
        )
        assert follows
    visit.close()


@pytest.mark.parametrize("name", ALL)
def test_usable_at_320_px(name: str, browser, html_reports, overview_page) -> None:
    """WCAG 1.4.10 reflow: nothing but tables' own scroll areas scrolls sideways."""
    visit = Visit(browser, _page(name, html_reports, overview_page), width=320)
    width = visit.eval("document.documentElement.scrollWidth")
    assert width <= 320
    assert visit.eval("document.body.scrollWidth") <= 320
    visit.close()


# the smallest text of each chart, in CSS px as drawn (SVG user units times the chart's scale),
# with the scroll region around it
_CHART_TEXT = """() => [...document.querySelectorAll('svg.chart')].map(svg => {
    const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
    const sizes = [...svg.querySelectorAll('text')]
        .map(t => parseFloat(getComputedStyle(t).fontSize) * scale);
    const region = svg.parentElement;
    return {smallest: Math.min(...sizes), region: region.matches(
                '.chart-scroll[role="region"][tabindex="0"][aria-labelledby]'),
            scrolls: region.scrollWidth > region.clientWidth};
})"""


_SCROLLED_WITHIN_5S = """() => new Promise(resolve => {
  const region = document.querySelector('.chart-scroll');
  const until = performance.now() + 5000;
  const check = () => {
    if (region.scrollLeft > 0) resolve(true);
    else if (performance.now() > until) resolve(false);
    else requestAnimationFrame(check);
  };
  check();
})"""


@pytest.mark.parametrize("name", ["karlstad_sv", "lekeberg_sv"])
def test_charts_stay_legible_on_a_phone(name: str, browser, html_reports, overview_page) -> None:
    """Review 6, finding 12: at 390 px the charts shrank to about 45 % (labels 4-5 px). Now
    each keeps 90 % of its drawn width (smallest text 8 pt, so at least 9 CSS px) and scrolls
    sideways in its own focusable region, by keyboard too; the page does not."""
    visit = Visit(browser, _page(name, html_reports, overview_page), width=390)
    charts = visit.eval(_CHART_TEXT)
    assert charts and all(c["region"] for c in charts)
    assert min(c["smallest"] for c in charts) >= 9.0, charts
    assert any(c["scrolls"] for c in charts)  # wider than the phone: it scrolls, not shrinks
    assert visit.eval("document.documentElement.scrollWidth") <= 390
    region = visit.page.locator(".chart-scroll").first
    region.focus()
    visit.page.keyboard.press("ArrowRight")
    # Waited for inside one evaluate: wait_for_function re-runs its string through eval() after
    # the first check, which the page's CSP (default-src 'none') refuses, so it failed whenever
    # the smooth scroll had not started by the first check (fresh-clone CI of 02f29e8).
    assert visit.eval(_SCROLLED_WITHIN_5S), "ArrowRight did not scroll the chart region"
    visit.close()


def test_charts_fit_the_printed_page(browser, html_reports) -> None:
    """Print drops the phone's minimum width: every chart fits an A4 column."""
    visit = Visit(browser, html_reports["karlstad_sv"], width=390)
    visit.page.emulate_media(media="print")
    fits = visit.eval(
        "[...document.querySelectorAll('svg.chart')]"
        ".every(s => s.getBoundingClientRect().width <= s.parentElement.clientWidth + 1)"
    )
    assert fits
    visit.close()


@pytest.mark.parametrize("name", ["karlstad_sv", "lekeberg_sv", "overview_sv"])
def test_usable_at_200_percent_zoom(name: str, browser, html_reports, overview_page) -> None:
    """WCAG 1.4.4: a 1280 px window at 200 % zoom lays out 640 CSS px; nothing is cut off."""
    visit = Visit(browser, _page(name, html_reports, overview_page), width=640, scale=2)
    assert visit.eval("window.devicePixelRatio") == 2
    assert visit.eval("document.documentElement.scrollWidth") <= 640
    h1 = visit.page.locator("h1")
    assert h1.is_visible() and h1.bounding_box()["width"] <= 640
    visit.close()


def test_focus_is_visible(browser, overview_page) -> None:
    visit = Visit(browser, overview_page / "overview_sv.html")
    visit.page.keyboard.press("Tab")
    first = visit.eval(
        "[document.activeElement.className, getComputedStyle(document.activeElement).outlineStyle,"
        " getComputedStyle(document.activeElement).left]"
    )
    assert first[0] == "skip" and first[1] == "solid" and first[2] != "-9999px"
    visit.page.keyboard.press("Tab")
    style = visit.eval("getComputedStyle(document.activeElement).outlineWidth")
    assert style == "3px"
    visit.close()


@pytest.mark.parametrize("name", ["karlstad_sv", "lekeberg_sv", "overview_sv"])
def test_first_screen_screenshot(name: str, browser, html_reports, overview_page) -> None:
    """Kept in tests/artifacts/ for a person to look at (CI can upload the folder)."""
    visit = Visit(browser, _page(name, html_reports, overview_page))
    ARTIFACTS.mkdir(exist_ok=True)
    target = ARTIFACTS / f"html_first_screen_{name}.png"
    visit.page.screenshot(path=str(target))
    assert target.stat().st_size > 10_000
    visit.close()


def test_print_shows_the_tables_and_hides_the_navigation(browser, overview_page) -> None:
    visit = Visit(browser, overview_page / "overview_sv.html")
    table = visit.page.locator("details table").first
    assert not table.is_visible()  # collapsed on screen
    visit.page.emulate_media(media="print")
    assert table.is_visible()  # printed in full
    assert not visit.page.locator("nav").is_visible()
    pdf = visit.page.pdf(format="A4")
    assert pdf.startswith(b"%PDF") and len(pdf) > 10_000
    visit.close()


# every line box of the overview's paragraphs as text, measured from the rendered characters
_SUMMARY_LINES = """() => Array.from(document.querySelectorAll('.summary p')).map(p => {
  const chars = [];
  const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
  let node;
  while ((node = walker.nextNode())) {
    const range = document.createRange();
    for (let i = 0; i < node.length; i++) {
      range.setStart(node, i); range.setEnd(node, i + 1);
      const box = range.getClientRects()[0];
      if (box) chars.push([node.data[i], Math.round(box.top)]);
    }
  }
  const lines = []; let line = '', top = null;
  for (const [ch, t] of chars) {
    if (top !== null && t !== top) { lines.push(line); line = ''; }
    line += ch; top = t;
  }
  lines.push(line);
  return lines;
})"""


def test_the_overview_reads_on_a_phone(browser, html_reports) -> None:
    """Review 7, findings 8 and 14: at 390 px the overview was one 197-word block that broke
    "(78,6 %, n =⏎345)" and "per 2024-⏎12-31". Now it is short paragraphs by kind, and no line
    ends inside "n = 345" or an ISO date."""
    visit = Visit(browser, html_reports["lekeberg_sv"], width=390)
    paragraphs = visit.eval(_SUMMARY_LINES)
    visit.close()
    assert len(paragraphs) == 4  # unmet targets; the register; cannot tell; met or better
    lines = [line.strip() for p in paragraphs for line in p]
    text = " ".join(lines)
    assert "n\xa0=\xa0345" in text and "2024-12-31" in text  # the case the review saw
    for line in lines:  # "… n" / "… n =" / "… 2024-" / "2024-12-" at a line's end
        assert not re.search(r"(?:\bn(?:\s=)?|=|\d{4}-(?:\d{2}-)?)$", line), line
        assert not re.match(r"=|\d{2}-\d{2}\b", line), line
