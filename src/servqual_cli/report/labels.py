"""User-facing labels in Swedish and English. Code and JSON keys stay English."""

from __future__ import annotations

LABELS: dict[str, tuple[str, str]] = {
    # key: (sv, en)
    "dimension": ("Dimension", "Dimension"),
    "item": ("Påstående", "Item"),
    "n": ("n", "n"),
    "expectation": ("Förväntan (E)", "Expectation (E)"),
    "perception": ("Upplevelse (P)", "Perception (P)"),
    "gap": ("Gap (P−E)", "Gap (P−E)"),
    "gap_sd": ("SD gap", "SD gap"),
    "ci": ("95 % KI", "95% CI"),
    "ci_low": ("KI låg", "CI low"),
    "ci_high": ("KI hög", "CI high"),
    "t": ("t", "t"),
    "p_t": ("p (t)", "p (t)"),
    "p_wilcoxon": ("p (Wilcoxon)", "p (Wilcoxon)"),
    "p_holm": ("p (Holm)", "p (Holm)"),
    "dz": ("Cohens dz", "Cohen's dz"),
    "servperf": ("SERVPERF (medel P)", "SERVPERF (mean P)"),
    "group": ("Grupp", "Group"),
    "dimension_gaps": ("Gap per dimension", "Dimension gaps"),
    "item_gaps": ("Gap per påstående", "Item gaps"),
    "overall": ("Total SERVQUAL", "Overall SERVQUAL"),
    "unweighted": ("Oviktad", "Unweighted"),
    "weighted": ("Viktad efter viktighet", "Importance-weighted"),
    "score": ("Värde", "Score"),
    "excluded": ("Uteslutna celler", "Excluded cells"),
    "group_tests": ("Skillnader mellan grupper", "Differences between groups"),
    "welch_p": ("p (Welch ANOVA)", "p (Welch ANOVA)"),
    "kruskal_p": ("p (Kruskal-Wallis)", "p (Kruskal-Wallis)"),
    "negative_note": (
        "Negativt gap = upplevelsen når inte upp till förväntan.",
        "Negative gap = perception falls short of expectation.",
    ),
    "posthoc": ("Parvisa jämförelser (Games-Howell)", "Pairwise comparisons (Games-Howell)"),
    "group_a": ("Grupp A", "Group A"),
    "group_b": ("Grupp B", "Group B"),
    "diff": ("Skillnad", "Difference"),
    "p_adj": ("p (justerat)", "p (adjusted)"),
    "p_dunn": ("p (Dunn, Holm)", "p (Dunn, Holm)"),
    "respondents": ("Svarande", "Respondents"),
    "no_weights": ("inga vikter i filen", "no weights in the file"),
    "weight_excluded": ("utan giltiga vikter", "without valid weights"),
    "without_group": ("utan grupp", "without a group"),
    # exclusion reasons
    "blank": ("tomma", "blank"),
    "dont_know": ("vet ej", "don't know"),
    "not_available": ("NA", "NA"),
    "missing_token": ("angivet saknat värde", "declared missing"),
    "out_of_range": ("utanför skalan", "out of range"),
    "unparseable": ("ogiltigt värde", "not a valid value"),
    "duplicate": ("dubbletter", "duplicates"),
    "end_before_start": ("slut före start", "end before start"),
    "invalid_date": ("ogiltigt datum", "not a date"),
    "invalid_weight": ("ogiltig vikt", "invalid weight"),
    "excel_error": ("felvärde i kalkylbladet (#N/A, #DIVISION/0! …)", "spreadsheet error value"),
}


def label(key: str, lang: str = "en", extra: dict[str, tuple[str, str]] | None = None) -> str:
    """Label of ``key`` in ``lang`` (``sv`` or ``en``); unknown keys are returned unchanged.

    ``extra`` is a command group's own label table (same shape as :data:`LABELS`), looked up
    first, so each group keeps its labels beside its code.

    >>> label("expectation", "sv"), label("gap", "en"), label("E3", "sv")
    ('Förväntan (E)', 'Gap (P−E)', 'E3')
    >>> label("kpi", "sv", {"kpi": ("Nyckeltal", "KPI")})
    'Nyckeltal'
    """
    pair = (extra or {}).get(key) or LABELS.get(key)
    if pair is None:
        return key
    return pair[0] if lang == "sv" else pair[1]


def exclusion_summary(excluded: dict[str, int], lang: str = "en") -> str:
    """One line: "Excluded cells: blank 12, don't know 40" (or "none")."""
    head = label("excluded", lang)
    if not excluded:
        return f"{head}: {'inga' if lang == 'sv' else 'none'}"
    parts = ", ".join(f"{label(k, lang)} {v}" for k, v in excluded.items())
    return f"{head}: {parts}"
