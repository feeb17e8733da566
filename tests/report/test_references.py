"""The report's references: only the works its sections use (review 5, finding 18)."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from servqual_cli.report.build import build_report
from servqual_cli.report.config import load_config
from servqual_cli.report.config_cli import with_overrides
from servqual_cli.report.references import REFERENCES, WELCH_ANOVA, WELCH_TWO_MEANS, cited

SAMPLES = Path(__file__).parents[2] / "data" / "samples"


def _cite_text(config: str) -> str:
    doc = build_report(load_config(SAMPLES / config))
    notes = dict(doc.meta["method"])
    return notes["Hur rapporten citeras"]


def test_service_report_cites_no_survey_method() -> None:
    text = _cite_text("report_lekeberg.toml")
    for absent in ("Parasuraman", "Games & Howell", "Fornell", "Bentler", "Martilla", "Feldt"):
        assert absent not in text, absent
    # what it uses: Welch intervals of two means (1947, not the 1951 ANOVA: x-small, s14) and
    # Holm-adjusted changes
    assert "Holm (1979)" in text and "Welch (1947), Biometrika 34, 28–35" in text
    assert "Welch (1951)" not in text
    # its share intervals: Mee's score interval (trend), Newcombe's (KPIs, feedback)
    assert "Mee (1984), Biometrics 40(4), 1175–1176" in text
    assert "Newcombe (1998), Statistics in Medicine 17(8), 873–890" in text
    # the feedback reply days: Kaplan-Meier, Greenwood's variance, Brookmeyer & Crowley's
    # interval, named in the reply tables' note (review 11b, finding 6)
    assert "Kaplan & Meier (1958)" in text and "Greenwood (1926)" in text
    assert "Brookmeyer & Crowley (1982), Biometrics 38(1), 29–41" in text
    # review 17, finding 19: a time's change is the Hodges-Lehmann shift the Mann-Whitney test
    # judges, shares have Wilson intervals and Fisher's exact test
    for present in (HODGES_LEHMANN, MANN_WHITNEY, WILSON, FISHER):
        assert present in text, present


HODGES_LEHMANN = "Hodges & Lehmann (1963), Annals of Mathematical Statistics 34(2), 598–611"
MANN_WHITNEY = "Mann & Whitney (1947), Annals of Mathematical Statistics 18(1), 50–60"
WILSON = "Wilson (1927), Journal of the American Statistical Association 22(158), 209–212"
FISHER = "Fisher (1935), Journal of the Royal Statistical Society 98(1), 39–54"
COHEN = "Cohen (1988), Statistical Power Analysis for the Behavioral Sciences, 2nd ed."


def test_english_service_report_cites_welch_1947() -> None:
    doc = build_report(with_overrides(load_config(SAMPLES / "report_lekeberg.toml"), "en"))
    text = dict(doc.meta["method"])["How to cite"]
    assert "Welch (1947), Biometrika 34, 28–35" in text and "Welch (1951)" not in text
    assert "Mee (1984)" in text and "Newcombe (1998)" in text
    assert "Kaplan & Meier (1958)" in text and "Brookmeyer & Crowley (1982)" in text


def test_survey_report_cites_its_methods() -> None:
    text = _cite_text("report_karlstad.toml")
    for present in (
        "Parasuraman, Zeithaml & Berry (1988)",
        "Martilla & James (1977)",
        "Games & Howell (1976)",
        "Holm (1979)",
        "Feldt (1965)",
        "Fornell & Larcker",
        "Welch (1951), Biometrika 38, 330–336",  # its group tests: Welch's ANOVA
        # its method note cites KMO's cut-off and names Bartlett's test (review 14, finding 10)
        "Kaiser (1974), Psychometrika 39(1), 31–36",
        "Bartlett (1950), British Journal of Psychology, Statistical Section 3(2), 77–85",
        # its effect sizes (review 17, finding 19): Cohen's dz, ω² and ε² of the group tests
        COHEN,
        "Hays (1963), Statistics for Psychologists",
        "Tomczak & Tomczak (2014), Trends in Sport Sciences 21(1), 19–25",
    ):
        assert present in text, present  # fmt: skip
    assert "Welch (1947)" not in text  # no two-mean test in it
    assert "Dziuban" not in text  # not named in this report


def test_service_report_cites_no_factor_analysis() -> None:
    text = _cite_text("report_lekeberg.toml")
    assert "Kaiser" not in text and "Bartlett" not in text


# A text that names each reference's method, as the outputs write it
TRIGGERS = (
    "SERVQUAL", "SERVPERF", "IPA", "p (Holm, 5 dimensioner)", "Welch t-test", "p (Welch ANOVA)",
    "Feldt", "Games-Howell", "Dunn", "Fornell & Larcker", "Bentler & Chou", "Mee score",
    "Newcombes intervall", "Kaplan-Meier", "Greenwoods varians", "Brookmeyer och Crowleys",
    "Parasuraman, Zeithaml & Berry 1985", "Johnson (2000)",
    "KMO under 0,5 (Kaiser 1974)", "Bartletts test", "Dziuban & Shirkey 1974",
    "tumregeln för en skala (Nunnally 1978)",
    # review 15, finding 13
    "Parasuraman, Zeithaml & Berry (1994)", "Wilcoxons teckenrangtest", "Kruskal-Wallis",
    "Friedmans test", "Kendalls W", "effektivt n enligt Kish", "som R survey::svymean",
    "Cronbachs α", "McDonalds ω", "(Hair m.fl. 2019",
    # review 17, finding 19
    "Hodges-Lehmanns förskjutning", "p (Mann-Whitney)", "Intervall: Wilson (andelar)",
    "Fishers exakta test (andelar)", "Cochran-Armitage för andelar", "Cohens dz", "ω² (ANOVA)",
    "ε² (KW)", "Rangbiseriell r",
    # session 18, b-left
    "exakt Poissontest", "p: score-test (andelar",
)  # fmt: skip


def test_every_reference_has_a_trigger_that_fires() -> None:
    assert {ref for text in TRIGGERS for ref in cited(text)} == {ref for _, ref in REFERENCES}


W1947, W1951 = "Welch (1947), Biometrika 34, 28–35", "Welch (1951), Biometrika 38, 330–336"


@pytest.mark.parametrize(
    ("text", "welch"),
    [
        # the interval and t-test of two means: Welch (1947)
        ("p (Welch)", {W1947}),  # trend, service survey and toolbox tables
        ("2023 → 2024: 71 % → 78 %, p 0,031 (Welch)", {W1947}),  # a KPI's change
        ("p <0,001 (Welch)", {W1947}),
        ("Andelar: Wilson; skillnader Mee-score (Newcombe med --test fisher), Welch (index).",
         {W1947}),
        ("Oberoende urval: Welchs t-test och Mann-Whitney.", {W1947}),  # survey trend, sv
        ("Independent samples: Welch's t-test and Mann-Whitney.", {W1947}),
        ("Change: Welch's t test.", {W1947}),  # service survey, en
        ("Welch t-test och Mann-Whitney; Hedges g", {W1947}),  # knowledge gaps
        ("och Welch-intervallet ligger helt på en sida", {W1947}),
        ("and the Welch interval lies wholly on one side", {W1947}),
        ("Welchs p justerat (Holm)", {W1947}), ("Welch's p", {W1947}),
        # the ANOVA of several groups: Welch (1951)
        ("p (Welch ANOVA)", {W1951}), ("Welchs ANOVA och Kruskal-Wallis", {W1951}),
        ("Tangibles by Tjänst: Welch's F(3, 154.21) = 2.31", {W1951}),
        ("Welch/Games-Howell", {W1951}), ("Grupptesten (Welch, Games-Howell,", {W1951}),
        ("Welch och Games-Howell kräver också varians", {W1951}),
        ("(Welch for Games-Howell, Kruskal-Wallis for Dunn)", {W1951}),
        ("Oviktat (urvalet): Welch, Kruskal-Wallis och de parvisa", {W1951}),
        ("Antal grupper (Welch)", {W1951}), ("Groups (Welch)", {W1951}), ("n (Welch)", {W1951}),
        ("p (Holm, 5 dimensioner, Welch)", {W1951}), ("p (Holm, 5 dimensions, Welch)", {W1951}),
        ("ej sign. (Welch, KW)", {W1951}),
        # both, and neither
        ("p (Welch ANOVA); Welchs t-test", {W1947, W1951}),
        ("Andelar med Wilson-intervall", set()),
        ("Wilson-Hilferty", set()),
    ],
)  # fmt: skip
def test_each_welch_cites_the_paper_of_its_test(text: str, welch: set[str]) -> None:
    """x-small, session 14: every "Welch" cited Welch (1951), the ANOVA, also where the output
    used the unequal-variance t-test or interval of two means, Welch (1947)."""
    assert {ref for ref in cited(text) if ref.startswith("Welch")} == welch


MEE, NEWCOMBE = "Mee (1984)", "Newcombe (1998)"


@pytest.mark.parametrize(
    ("text", "refs"),
    [
        ("Intervall: Mee-score (andelar; Newcombe med --test fisher), Welch (index).", {MEE}),
        ("Intervals: Mee score (shares; Newcombe with --test fisher), Welch (index).", {MEE}),
        ("skillnaden i procentenheter med Newcombes intervall", {NEWCOMBE}),
        ("with Newcombe's (1998 hybrid score) interval", {NEWCOMBE}),
        ("Fisher's exact test with Newcombe's interval", {NEWCOMBE}),
        ("Meeting room", set()),
    ],
)  # fmt: skip
def test_mee_and_newcombe_where_their_intervals_are_used(text: str, refs: set[str]) -> None:
    """x-small, session 14: the glossary named Mee-score and Newcombe, the references neither;
    an option's alternative ("Newcombe with --test fisher") is no use of it."""
    assert {r.split(",")[0] for r in cited(text) if r.startswith(("Mee", "Newcombe"))} == refs


# Strings that name Welch only as part of a phrase a renderer completes (the tests above hold
# the rendered phrases): kpi_texts' test name ("p 0,031 (Welch)"), group_gap_sections' adjusted
# p and omnibus marks ("5 dimensions, Welch)", "(Welch, KW)"), catalog_servqual's APA word
# ("Welch's F("); the glossary's own terms are not in the cited text.
FRAGMENTS = {"Welch", "Welchs", "Welch's"}
NOT_SCANNED = {"html_glossary.py", "html_glossary_terms.py", "references.py"}


def _welch_strings() -> list[tuple[str, int, str]]:
    """Every string constant (not a docstring) in report/ and cli/ that writes "Welch"."""
    found = []
    package = Path(__file__).parents[2] / "src" / "servqual_cli"
    for path in sorted([*package.glob("report/*.py"), *package.glob("cli/*.py")]):
        if path.name in NOT_SCANNED:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        docs = {id(n.body[0].value) for n in ast.walk(tree)
                if isinstance(n, (ast.Module, ast.FunctionDef, ast.ClassDef)) and n.body
                and isinstance(n.body[0], ast.Expr)}  # fmt: skip
        found += [(path.name, n.lineno, n.value) for n in ast.walk(tree)
                  if isinstance(n, ast.Constant) and isinstance(n.value, str)
                  and "Welch" in n.value and id(n) not in docs]  # fmt: skip
    return found


def test_every_welch_the_outputs_write_names_its_paper() -> None:
    strings = _welch_strings()
    assert len(strings) > 30  # the scan sees the catalogs (a scan that finds none proves none)
    for name, line, text in strings:
        if text in FRAGMENTS:
            continue
        for m in re.finditer("Welch", text):
            spans = [s.span() for p in (WELCH_TWO_MEANS, WELCH_ANOVA) for s in re.finditer(p, text)]
            assert any(a <= m.start() < b for a, b in spans), (name, line, text)


@pytest.mark.parametrize(
    ("text", "refs"),
    [
        ("Förändringen av en tid är Hodges-Lehmanns förskjutning", {"Hodges & Lehmann"}),
        ("p (Mann-Whitney)", {"Mann & Whitney"}),
        ("Oberoende urval: Welchs t-test och Mann-Whitney.", {"Mann & Whitney"}),
        ("Intervall: Wilson (andelar), ordningsstatistika (medianer)", {"Wilson"}),
        ("Andelarnas Wilson-intervall visas inte här", {"Wilson"}),
        ("their Wilson intervals are in the JSON and CSV output", {"Wilson"}),
        ("Wilson-Hilferty", set()),
        ("skillnad i procentenheter, Fishers exakta test med Newcombes intervall", {"Fisher"}),
        ("tested with Fisher's exact test (shares) or Mann-Whitney (times)",
         {"Fisher", "Mann & Whitney"}),
        # an option's alternative is no use of it (as for Newcombe)
        ("p: score-test (andelar; Fishers exakta test med --test fisher)", set()),
        ("p: score test (shares; Fisher's exact test with --test fisher)", set()),
        ("Fisher-z", set()),
        ("Trendtest över alla år: Cochran-Armitage för andelar", {"Cochran", "Armitage"}),
        ("Effektstorlek: Cohens dz (medelgapet delat med", {"Cohen"}),
        ("Effect size: Cohen's dz", {"Cohen"}),
        ("ω² (ANOVA)", {"Hays"}), ("ε² (KW)", {"Tomczak & Tomczak"}),
        ("Rangbiseriell r", {"Kerby"}), ("Rank-biserial r CI low", {"Kerby"}),
    ],
)  # fmt: skip
def test_review17_methods_are_cited_where_used(text: str, refs: set[str]) -> None:
    """Review 17, finding 19: the reports named these methods (8 mentions of the Mann-Whitney
    test in the Lekeberg report, Cohens dz three times in Karlstad's) and cited none."""
    new = ("Hodges", "Mann", "Wilson", "Fisher", "Cochran", "Armitage", "Cohen", "Hays",
           "Tomczak", "Kerby")  # fmt: skip
    assert {r.split(" (")[0] for r in cited(text) if r.startswith(new)} == refs


@pytest.mark.parametrize(
    ("text", "refs"),
    [
        ("Antal: kvot av dagstakt med exakt Poissontest och dess exakta intervall",
         {"Przyborowski & Wilenski"}),
        ("Counts: ratio of daily rates, exact Poisson test with its exact interval",
         {"Przyborowski & Wilenski"}),
        ("p: score-test (andelar; Fishers exakta test med --test fisher)",
         {"Miettinen & Nurminen"}),
        ("p: score test (shares; Fisher's exact test with --test fisher)",
         {"Miettinen & Nurminen"}),
        # the series' slope: Cochran-Armitage's score test, cited as such
        ("de lutningar b som score-testet av modellen andel = a + b · år", set()),
        ("the slopes b that the score test of the model share = a + b · year", set()),
        ("Poisson", set()),
    ],
)  # fmt: skip
def test_poisson_and_score_tests_are_cited_where_used(text: str, refs: set[str]) -> None:
    """Session 18, b-left: the feedback register's exact Poisson test and the trend's score
    test of shares were named in the reports and cited nowhere."""
    new = ("Przyborowski", "Miettinen")
    assert {r.split(" (")[0] for r in cited(text) if r.startswith(new)} == refs
