"""Session 12 (w-weight): one rule for a weighted report's titles, stated in the method note.

A weighted report (``[survey] weight_column``) showed the IPA table, the answer distributions
(table and Likert figures), the zone of tolerance (table and figure) and the comparison of the
dimensions unweighted under bare titles, and the group heatmap, weighted, without "weighted" in
its title. Now a weighted table or figure says so in its title and an unweighted one says
"oviktat (urvalet)" / "unweighted (the sample)" with a sentence on what it describes. The check
runs over every table and figure title of a report with every survey section, in both
languages, so a new unlabelled table fails it. An unweighted report is unchanged (the golden
Markdown and test_report_weighted_figures).

File: tests/data/weighted_zero_ipa.csv (importance points for the IPA, three weights of 0:
tests/core/r/zero_weights.R), tolerance from data/samples/karlstad_tolerans.xlsx.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

DATA = Path(__file__).parents[1] / "data"
SAMPLES = Path(__file__).parents[2] / "data" / "samples"
SECTIONS = ["summary", "servqual", "reliability", "groups", "dimension_comparison",
            "item_distributions", "tolerance", "method"]  # fmt: skip
BASIS = {"sv": re.compile(r"viktat efter Vikt|Viktade .*\(Vikt\)|– oviktat \(urvalet\)|, oviktat "
                          r"\(urvalet\)"),
         "en": re.compile(r"weighted by Vikt|Weighted .*\(Vikt\)|– unweighted \(the sample\)|"
                          r", unweighted \(the sample\)")}  # fmt: skip
# Table 1 holds both totals, each row named "Oviktad" / "Viktad efter Vikt"
BOTH = {"sv": "Total SERVQUAL", "en": "Overall SERVQUAL"}


def _report(base: Path, lang: str, weight: bool = True) -> str:
    from servqual_cli.cli.main import main

    config = base / f"r_{lang}.toml"
    survey = (DATA / "weighted_zero_ipa.csv").as_posix()
    tolerance = (SAMPLES / "karlstad_tolerans.xlsx").as_posix()
    sections = ", ".join(f'"{s}"' for s in SECTIONS)
    lines = [f'language = "{lang}"', "min_n = 5", f"sections = [{sections}]",
             "[survey]", f'file = "{survey}"', 'by = "Enhet"',
             *(['weight_column = "Vikt"'] if weight else []),
             "[tolerance]", f'file = "{tolerance}"']  # fmt: skip
    config.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = base / f"out_{lang}_{weight}"
    assert main(["report", str(config), "-o", str(out)]) == 0
    return (out / "report.md").read_text("utf-8")


@pytest.fixture(scope="module")
def reports(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    base = tmp_path_factory.mktemp("weight_labels")
    return {lang: _report(base, lang) for lang in ("sv", "en")}


def _titles(md: str) -> list[str]:
    """Every table title ("### Tabell 3. …") and figure title ("*Figur 1. … .*" up to the
    title's end, which is also the image's alt text)."""
    tables = [m.group(1) for m in re.finditer(r"^#{3,4} (?:Tabell|Table) \d+\. (.+)$", md, re.M)]
    figures = [m.group(1) for m in re.finditer(r"^!\[(.+)\]\(figures/", md, re.M)]
    return tables + figures


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_every_table_and_figure_names_its_basis(reports: dict[str, str], lang: str) -> None:
    titles = _titles(reports[lang])
    assert len(titles) >= 20  # every section was built: the check below is not empty
    bare = [t for t in titles if not BASIS[lang].search(t) and t != BOTH[lang]]
    assert bare == []


def test_one_english_wording(reports: dict[str, str]) -> None:
    """p-polish (session 12): "unweighted (the sample)" everywhere, as "oviktat (urvalet)" is
    one wording in Swedish; the older titles said "unweighted (sample)"."""
    assert "unweighted (the sample)" in reports["en"]
    assert "(sample)" not in reports["en"] and "(urval)" not in reports["sv"]


@pytest.mark.parametrize(
    ("lang", "want"),
    [("sv", ["Viktighet och upplevelse per dimension – oviktat (urvalet)",
             "Friedmans test av dimensionsgapen – oviktat (urvalet)",
             "Svarsfördelning per påstående – oviktat (urvalet)",
             "Toleranszon per dimension – oviktat (urvalet)",
             "Gap per dimension och grupp, viktat efter Vikt",
             "Toleranszon per dimension, oviktat (urvalet)",
             "Svarsfördelning Förväntan (E), oviktat (urvalet)"]),
     ("en", ["Importance and performance – unweighted (the sample)",
             "Friedman test of the dimension gaps – unweighted (the sample)",
             "Item distributions – unweighted (the sample)",
             "Zone of tolerance by dimension – unweighted (the sample)",
             "Dimension gaps by group, weighted by Vikt",
             "Zone of tolerance by dimension, unweighted (the sample)",
             "Answer distribution Expectation (E), unweighted (the sample)"])],
)  # fmt: skip
def test_the_parts_the_review_named(reports: dict[str, str], lang: str, want: list[str]) -> None:
    titles = _titles(reports[lang])
    for (
        title
    ) in want:  # the IPA table, the comparison, the distributions, the tolerance, the heatmap
        assert title in titles


@pytest.mark.parametrize(
    ("lang", "words"),
    [("sv", ["En regel för rubrikerna: en tabell eller figur som är viktad har ”viktat efter Vikt”",
             "Oviktat (urvalet): toleranszonen är inte viktad efter Vikt",
             "Oviktat (urvalet): svarsfördelningarna är inte viktade efter Vikt",
             "Oviktat (urvalet): viktighet och upplevelse är inte viktade efter Vikt",
             "Svarande med vikt 0: 3."]),
     ("en", ["One rule for the titles: a table or figure that is weighted has “weighted by Vikt”",
             "Unweighted (the sample): the zone of tolerance is not weighted by Vikt",
             "Unweighted (the sample): the answer distributions are not weighted by Vikt",
             "Unweighted (the sample): importance and performance are not weighted by Vikt",
             "Respondents with weight 0: 3."])],
)  # fmt: skip
def test_rule_and_sentences_are_in_the_report(
    reports: dict[str, str], lang: str, words: list[str]
) -> None:
    for w in words:
        assert w in reports[lang], w


def test_unweighted_report_has_no_labels(tmp_path: Path) -> None:
    md = _report(tmp_path, "en", weight=False)
    # The file has a weight column the config leaves unused: since review 12b finding 9 each
    # overview card says so (f-glance, session 15); no title carries a weighting label.
    card_note = "unweighted (the sample): the weight column Vikt is not used"
    assert card_note in md
    rest = md.replace(card_note, "")
    assert "unweighted (the sample)" not in rest and "weighted by" not in rest
    assert "One rule for the titles" not in md


@pytest.mark.parametrize(
    ("lang", "want", "sentence"),
    [("sv", ["Reliabilitet – oviktat (urvalet)",
             "Validitet (CFA listvis: kompletta rader) – oviktat (urvalet)",
             "CFA per dimension – oviktat (urvalet)",
             "Statistik per påstående – oviktat (urvalet)"],
      "Oviktat (urvalet): reliabiliteten är inte viktad efter Vikt; den beskriver urvalet."),
     ("en", ["Reliability – unweighted (the sample)",
             "Validity (CFA listwise: complete rows) – unweighted (the sample)",
             "CFA per dimension – unweighted (the sample)",
             "Item statistics – unweighted (the sample)"],
      "Unweighted (the sample): the reliability is not weighted by Vikt; it describes the "
      "sample.")],
)  # fmt: skip
def test_reliability_tables_say_unweighted(
    reports: dict[str, str], lang: str, want: list[str], sentence: str
) -> None:
    """p-polish (session 12): alpha, omega and the validity checks have no weighted form; in a
    weighted report their tables are labelled like the other unweighted ones."""
    titles = _titles(reports[lang])
    for title in want:
        assert title in titles, title
    assert sentence in " ".join(reports[lang].split())
    assert ("reliabiliteten har ingen viktad form" if lang == "sv" else
            "the reliability have no weighted form") in " ".join(reports[lang].split())  # fmt: skip
