"""Review 6 on "Resultat i korthet" (findings 1, 4, 6, 9, 11).

- 1: a row with nothing to judge (no target, no detectable change, no difference from the
  others) is its own severity (3, grey), never painted as good news, and a report with nothing
  to judge against says so instead of a clean bill of health.
- 4: the paragraph has short sentences, a period on every verdict and no test names.
- 6: a SERVQUAL gap is no missed target (see also test_report_weights and the golden files).
- 11: a KPI computed from the test contacts shows the previous period the report has.
"""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from servqual_cli.report.build import build_report
from servqual_cli.report.config import load_config
from servqual_cli.report.glance import severity
from servqual_cli.report.html_glossary import glossary
from servqual_cli.report.spec import Glance, GlanceRow

from .conftest import SAMPLES

VERDICTS = {
    "target_verdict": [None, "met", "not_met", "cannot_tell"],
    "change_verdict": [None, "better", "worse", "no_change", "more"],
    "benchmark_verdict": [None, "better", "worse", "same"],
}


@given(
    st.sampled_from(VERDICTS["target_verdict"]),
    st.sampled_from(VERDICTS["change_verdict"]),
    st.sampled_from(VERDICTS["benchmark_verdict"]),
    st.sampled_from(["kpi", "contact_kpi", "dimension"]),
)
def test_only_a_good_verdict_makes_good_news(
    target: str | None, change: str | None, bench: str | None, kind: str
) -> None:
    gap = kind == "dimension"
    row = GlanceRow(kind, "A", "gap" if gap else "share", -0.3 if gap else 0.5,
                    target=0.0 if gap else 0.8, target_verdict=target, change_verdict=change,
                    benchmark_verdict=bench)  # fmt: skip
    level = severity(row)
    good = target == "met" or change == "better" or bench == "better"
    bad = (target == "not_met" and not gap) or change == "worse" or bench == "worse"
    assert (level == 0) == bad
    if level == 2:
        assert good  # green only for a verdict that is good news
    if not bad and not good and not (target == "cannot_tell" and not gap):
        assert level == 3  # nothing judged, nothing told from chance, or a gap: grey
    if gap and target == "not_met" and not bad:
        assert level in (2, 3)  # a gap below expectations is no missed target (finding 6)


@pytest.fixture(scope="module")
def one_year(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Review 6's /tmp/c4: one year of test contacts, no target, no benchmark."""
    from servqual_cli.cli.main import main

    base = tmp_path_factory.mktemp("one_year")
    cfg = base / "c4.toml"
    path = (SAMPLES / "servicematning_2019.xlsx").as_posix()
    cfg.write_text(f'title = "x"\nlanguage = "sv"\n[contacts.years]\n2019 = "{path}"\n',
                   encoding="utf-8")  # fmt: skip
    assert main(["report", str(cfg), "-o", str(base / "out")]) == 0
    return base / "out"


def test_nothing_to_judge_is_grey_and_said_plainly(one_year: Path) -> None:
    html = (one_year / "report.html").read_text(encoding="utf-8")
    cards = re.findall(r'class="card sev-(\d)"', html)
    assert len(cards) == 7 and set(cards) == {"3"}  # was 7 × sev-2 (green)
    md = (one_year / "report.md").read_text(encoding="utf-8")
    overview = md.split("## Resultat i korthet")[-1].split("\n## ")[0]
    assert (
        "Rapporten har inga mål, ingen föregående period och ingen jämförelse med andra "
        "kommuner. Inget av måtten bedöms."
    ) in overview
    assert "Inget mått har" not in overview  # no clean bill of health
    assert "sist det som inte bedöms" in overview


@pytest.fixture(scope="module")
def lekeberg() -> dict[str, Glance]:
    out = {}
    for lang in ("sv", "en"):
        cfg = load_config(SAMPLES / "report_lekeberg.toml")
        doc = build_report(replace(cfg, language=lang))
        block = doc.sections[0].blocks[0]
        assert isinstance(block, Glance)
        out[lang] = block
    return out


def _depth(text: str) -> int:
    depth = top = 0
    for ch in text:
        depth += {"(": 1, ")": -1}.get(ch, 0)
        top = max(top, depth)
    return top


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_the_paragraph_is_plain(lekeberg: dict[str, Glance], lang: str) -> None:
    text = " ".join(lekeberg[lang].summary)
    # no method words or statistics (they are in the cards' notes and the method section)
    for word in ("Holm", "test", "p (", "KI", "CI", "kvot", "ratio", "95"):
        assert word not in text, word
    assert _depth(text) <= 1  # was three deep
    sentences = re.split(r"(?<=\.) (?=[A-ZÅÄÖ0-9])", text)
    assert max(len(s.split()) for s in sentences) <= 35
    # the period on every verdict: "Bättre 2023 → 2024: ...", "Målet nås 2020 för ..."
    assert not re.search(r"(Bättre|Sämre|Better|Worse) (än|than)", text)
    for verdict in re.findall(r"(?:Bättre|Sämre|Better|Worse) ([^:]+):", text):
        assert re.fullmatch(r"\d{4} → \d{4}", verdict), verdict
    met = r"Målet nås(?: inte)? (\S+) för" if lang == "sv" else r"is (?:not )?met in (\S+) for"
    assert set(re.findall(met, text)) == {"2020", "2024"}
    # the bad news comes first and is complete
    first = "Målet nås inte" if lang == "sv" else "The target is not met"
    assert text.startswith(first)
    for name in ("E-post besvaras inom en arbetsdag", "Svar på frågan", "Gott bemötande"):
        assert name in text.split(". Fler" if lang == "sv" else ". More")[0]


def test_the_feedback_types_are_the_registers(lekeberg: dict[str, Glance]) -> None:
    text = " ".join(lekeberg["sv"].summary)
    counts = pd.read_excel(SAMPLES / "synpunkter_2023_2024.xlsx", engine="openpyxl")
    column = next(c for c in counts.columns if str(c).lower() == "typ")
    types = set(counts[column].dropna().astype(str).str.strip().str.lower())
    named = re.search(r"alla typer av synpunkter \(([^)]+)\)", text)
    assert named is not None and set(named.group(1).split(", ")) == types
    assert "synpunkt" in types  # the type the hard-coded list left out (finding 9)


def test_a_kpi_from_the_contacts_shows_its_previous_period(
    lekeberg: dict[str, Glance],
) -> None:
    rows = {r.name: r for r in lekeberg["sv"].rows}
    frame = pd.read_excel(SAMPLES / "servicematning_2019.xlsx", engine="openpyxl")
    answered = frame["svar_på_frågan"].dropna()
    rated = frame["bemötande"].dropna()
    expected = {  # independent of the tool: the 2019 shares straight from the file
        "Svar på frågan": (answered == "ja").mean(),
        "Gott bemötande (god eller mycket god)": rated.isin(["god", "mycket god"]).mean(),
    }
    for name, before in expected.items():
        row = rows[name]
        assert row.previous_period == "2019" and row.period == "2020"
        assert row.previous_value == pytest.approx(before, abs=1e-12)
        assert row.change_verdict == "no_change"  # Tabell 6: ingen påvisbar förändring
    # the all-channel totals fill the KPI rows and are not shown as rows of their own
    assert not any(r.merge_only for r in lekeberg["sv"].rows)
    assert "Svar på frågan (alla)" not in rows


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_the_glossary_does_not_say_smaller_changes_cannot_be_told(lang: str) -> None:
    terms = dict(glossary(["Minsta påvisbara" if lang == "sv" else "Minimum detectable"], lang))
    text = next(v for k, v in terms.items() if "påvisbar" in k or "detectable" in k.lower())
    assert "kan inte skiljas från slumpen" not in text and "cannot be told" not in text
    assert ("kan vara påvisbar fast den är mindre" if lang == "sv" else "can be detectable") in text
