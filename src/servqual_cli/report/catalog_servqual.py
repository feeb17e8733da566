"""The words of the SERVQUAL sections' extras: group tests and SERVPERF (part of the label
catalog; the research toolbox's words are in :mod:`.catalog_toolbox`).

:data:`GROUPS`, :data:`SERVPERF`. Each table is ``key: (sv, en)``;
:mod:`servqual_cli.report.catalog` re-exports it and lists it in
:func:`~servqual_cli.report.catalog.catalog` (prefixed ``"<section>."``): one catalog per
language for every renderer (issue #9 item 6). Use it through the catalog.
"""

from __future__ import annotations

Pairs = dict[str, tuple[str, str]]

GROUPS: Pairs = {
    # review 10a, finding 7: the count columns say what they count, and each test its n
    "welch_k": ("Antal grupper (Welch)", "Groups (Welch)"),
    "welch_n": ("n (Welch)", "n (Welch)"),
    "omega2": ("ω² (ANOVA)", "ω² (ANOVA)"),
    "kruskal_k": ("Antal grupper (KW)", "Groups (KW)"),
    "kruskal_n": ("n (KW)", "n (KW)"),
    "epsilon2": ("ε² (KW)", "ε² (KW)"),
    "tests_counts_note": (
        "Antal grupper och n: de grupper och dimensionsgap som testet använde.",
        "Groups and n: the groups and dimension gaps the test used.",
    ),
    "left_out": ("utelämnade", "left out"),
    # review 2 items 9 and 22 b, c: one eligibility rule, said once; left-out groups once
    "group_rule": (
        "Grupptesten (Welch, Games-Howell, Kruskal-Wallis, Dunn) använder grupperna med minst "
        "{n} giltiga dimensionsgap; Welch och Games-Howell kräver också varians.",
        "The group tests (Welch, Games-Howell, Kruskal-Wallis, Dunn) use the groups with at "
        "least {n} valid dimension gaps; Welch and Games-Howell also need variance.",
    ),
    "one_group": (
        "Bara en grupp i {by} ({group}): inget att jämföra.",
        "Only one group in {by} ({group}): nothing to compare.",
    ),
    "too_few_eligible": (
        "Färre än två grupper med minst {n} giltiga dimensionsgap: inget grupptest gjordes.",
        "Fewer than two groups with at least {n} valid dimension gaps: no group test was made.",
    ),
    "every_test": ("alla test", "every test"),
    # review 2 items 10 and 11: tiny samples
    "small_base": ("Litet underlag", "Small base"),
    "yes": ("ja", "yes"),
    "small_base_note": (
        "Litet underlag: n under {min_n}; läs värdet med försiktighet.",
        "Small base: n below {min_n}; read the value with care.",
    ),
    "no_variation": ("Ingen variation", "No variation"),
    "every_gap": ("alla gap är {gap}", "every gap is {gap}"),
    "rb_undefined": ("intervall odefinierat vid r = ±1", "interval undefined at r = ±1"),
    "every_dimension": ("alla dimensioner", "every dimension"),
    "small_groups": (
        "grupper med färre än {n} värden bakom Welchs ANOVA och Games-Howell: {groups}; deras "
        "p-värden och intervall är ungefärliga",
        "groups with fewer than {n} scores behind Welch's ANOVA and Games-Howell: {groups}; "
        "their p-values and intervals are approximate",
    ),
    "posthoc_note": (
        "Games-Howell: p justerat med studentiserade variationsvidden, {conf} KI; "
        "Dunn: p justerat med Holm inom dimensionen.",
        "Games-Howell: p adjusted by the studentized range, {conf} CI; "
        "Dunn: p adjusted by Holm within the dimension.",
    ),
    # review 5, finding 8: the pairwise family is one dimension, the omnibus family all of them
    "posthoc_family": (
        "De parvisa p-värdena är justerade inom varje dimension, inte över de {k} dimensionerna.",
        "The pairwise p-values are adjusted within each dimension, not across the {k} dimensions.",
    ),
    "posthoc_omnibus": (
        "”ej sign.” i kolumnen Omnibustest: dimensionens test över alla grupper (Welch för "
        "Games-Howell, Kruskal-Wallis för Dunn) är inte signifikant efter justering ({adjust}); "
        "läs de parvisa skillnaderna där som utforskande.",
        "“n.s.” in the Omnibus test column: the dimension's test across all groups "
        "(Welch for Games-Howell, Kruskal-Wallis for Dunn) is not significant after adjustment "
        "({adjust}); read the pairwise differences there as exploratory.",
    ),
    "omnibus": ("Omnibustest", "Omnibus test"),
    # review 5, finding 1: APA lines of the group tests and the regression
    "group_apa": ("{dimension} efter {by}", "{dimension} by {by}"),
    "welch_apa": ("Welchs", "Welch's"),
    "apa_on_gap": ("dimensionernas gap", "the dimension gaps"),
    "apa_on_perception": ("dimensionernas upplevelse", "the dimension perceptions"),
    "apa_model": ("{overall} på {on} (OLS, n = {n})", "{overall} on {on} (OLS, n = {n})"),
    "apa_adj_r2": ("justerat R²", "adjusted R²"),
    "apa_left_out": (
        "Ej i APA-raderna (se tabellerna, -f table, markdown eller json): {what}.",
        "Not in the APA lines (see the tables, -f table, markdown or json): {what}.",
    ),
    "apa_posthoc": (
        "de parvisa gruppjämförelserna (Games-Howell, Dunn)",
        "the pairwise group comparisons (Games-Howell, Dunn)",
    ),
    "apa_weighted_means": (
        "de viktade medelvärdena av upplevelse och total",
        "the weighted means of perception and the overall score",
    ),
    "apa_profile": ("svarandeprofilen", "the respondent profile"),
    # review 15, finding 14: "which gap is largest?" (the Friedman test and the pairs) in -f apa
    "apa_friedman": ("Vilket gap är störst? Friedmans test", "Which gap is largest? Friedman test"),
    "apa_complete": ("fullständiga svar", "complete cases"),
    "apa_pairs": ("{n} par", "{n} pairs"),
    "apa_pair": ("1 par", "1 pair"),
    # review 5, finding 16: an unweighted item table under weighted estimates
    "items_unweighted": (
        "Påståendena: oviktade (urvalet), fast vikter från {column} används i de viktade "
        "skattningarna.",
        "The items: unweighted (the sample), although weights from {column} are used in the "
        "weighted estimates.",
    ),
    # review 5, finding 14: 5,55 − 5,74 shown beside a gap of −0,18
    "unrounded_note": (
        "Gapet är beräknat ur oavrundade värden och kan därför skilja en enhet i sista "
        "decimalen från skillnaden mellan de avrundade medelvärdena.",
        "The gap is computed from unrounded values, so it can differ by one in the last "
        "decimal from the difference of the rounded means.",
    ),
    "not_significant": ("ej sign.", "n.s."),
    # f-page (session 15): which sign means which group does better (review 12b, finding 8)
    "posthoc_sign": (
        "Skillnad (A \u2212 B) = gapet i grupp A minus gapet i grupp B: positiv betyder att A:s "
        "gap är mindre negativt (A ligger närmare förväntan eller över den), negativ att B:s är.",
        "Difference (A \u2212 B) = group A's gap minus group B's: positive means A's gap is less "
        "negative (A comes closer to expectation or above it), negative that B's is.",
    ),
}

SERVPERF: Pairs = {
    "sd": ("SD", "SD"),
    "servperf_dimensions": ("SERVPERF per dimension (medelvärde P)",
                            "SERVPERF by dimension (mean P)"),
    "servperf_items": ("Upplevelse per påstående", "Perception by item"),
    "servperf_overall": ("Total SERVPERF", "Overall SERVPERF"),
    "servperf_note": (
        "Instrumentet saknar förväntan (E): upplevelsen (P) redovisas med konfidensintervall, "
        "utan gap och utan gaptest (SERVPERF, Cronin & Taylor 1992).",
        "The instrument has no expectations (E): perceptions (P) are shown with confidence "
        "intervals, without gaps or gap tests (SERVPERF, Cronin & Taylor 1992).",
    ),
}  # fmt: skip
