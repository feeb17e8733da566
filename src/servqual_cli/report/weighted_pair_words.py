"""The words of the weighted pairwise comparison of the dimension gaps (review 13, finding 19;
report/weighted_pair_sections.py). Spread into :data:`servqual_cli.report.catalog_toolbox.TOOLBOX`,
so they are looked up as ``toolbox.wpairs_<key>`` like the rest of the section."""

from __future__ import annotations

WEIGHTED_PAIRS: dict[str, tuple[str, str]] = {
    # key: (sv, en)
    # titled as "Viktade dimensionsgap (Vikt)": every weighted table says so in its title
    "wpairs_title": (
        "Viktade parvisa jämförelser av dimensionsgap",
        "Weighted pairwise comparisons of dimension gaps",
    ),
    "wpairs_diff": ("Viktad skillnad", "Weighted difference"),
    "wpairs_pairs": ("par", "pairs"),
    "wpairs_note": (
        "Vikter från kolumnen {column}. Svarande med alla dimensionsgap giltiga och en vikt. "
        "Viktad skillnad = Σw(gap A − gap B)/Σw; t-test som R survey::svyttest(I(A − B) ~ 0, "
        "svydesign(ids = ~1, weights = ~w)), fg = n − 2; Holm över paren. ”Resultat i korthet” "
        "bedömer vilket gap som är störst med dessa viktade jämförelser, eftersom den visar de "
        "viktade gapen.",
        "Weights from column {column}. Respondents with every dimension gap valid and a "
        "weight. Weighted difference = Σw(gap A − gap B)/Σw; t-test as R "
        "survey::svyttest(I(A − B) ~ 0, svydesign(ids = ~1, weights = ~w)), df = n − 2; Holm "
        "across the pairs. “Results at a glance” judges which gap is largest on these weighted "
        "comparisons, since it shows the weighted gaps.",
    ),
    # servqual gap has no lead: the note says which pairs a report's "störst" rests on and that
    # the unweighted comparison is the other table (review 18, finding 17)
    "wpairs_note_gap": (
        "Vikter från kolumnen {column}. Svarande med alla dimensionsgap giltiga och en vikt. "
        "Viktad skillnad = Σw(gap A − gap B)/Σw; t-test som R survey::svyttest(I(A − B) ~ 0, "
        "svydesign(ids = ~1, weights = ~w)), fg = n − 2; Holm över paren. En viktad rapports "
        "”Resultat i korthet” bedömer vilket gap som är störst med dessa viktade jämförelser; "
        "jämförelsen ”Vilket gap är störst?” är oviktad.",
        "Weights from column {column}. Respondents with every dimension gap valid and a "
        "weight. Weighted difference = Σw(gap A − gap B)/Σw; t-test as R "
        "survey::svyttest(I(A − B) ~ 0, svydesign(ids = ~1, weights = ~w)), df = n − 2; Holm "
        "across the pairs. A weighted report's “Results at a glance” judges which gap is "
        "largest on these weighted comparisons; the comparison “Which gap is largest?” is "
        "unweighted.",
    ),
    # the method names which pairs decide the lead's "störst" (review 18, finding 17), after
    # catalog_report's "the other tests are unweighted", as its exception
    "wpairs_method": (
        "Undantaget är de parvisa jämförelserna av dimensionsgapen: de är viktade (t-test som R "
        "survey::svyttest på skillnaden, Holm över paren; tabellen ”Viktade parvisa jämförelser "
        "av dimensionsgap”), och med dem avgörs vilket gap som är störst i Resultat i korthet.",
        "The exception is the pairwise comparisons of the dimension gaps: they are weighted "
        "(t-test as R survey::svyttest on the difference, Holm across the pairs; the table "
        "“Weighted pairwise comparisons of dimension gaps”), and they decide which gap is "
        "largest in the results at a glance.",
    ),
}
