"""The words of the EFA tables (:mod:`servqual_cli.report.efa_sections`), ``key: (sv, en)``.

Part of the label catalog: :mod:`servqual_cli.report.catalog` re-exports :data:`EFA` and lists
it in :func:`~servqual_cli.report.catalog.catalog` (prefixed ``"efa."``).
"""

from __future__ import annotations

Pairs = dict[str, tuple[str, str]]

EFA: Pairs = {
    "title": (
        "Explorativ faktoranalys (EFA), mönstermatris: {score}",
        "Exploratory factor analysis (EFA), pattern matrix: {score}",
    ),
    "variance_title": (
        "EFA, förklarad varians och faktorkorrelationer: {score}",
        "EFA, variance explained and factor correlations: {score}",
    ),
    # the Excel sheets: "EFA E" (pattern matrix), "EFA E varians" (variance and correlations)
    "variance_sheet": ("varians", "variance"),
    "item": ("Påstående", "Item"),
    "dimension": ("Dimension (enkätens)", "Dimension (instrument)"),
    "communality": ("Kommunalitet h²", "Communality h²"),
    "primary": ("Högsta laddning", "Highest loading"),
    "cross": ("Andra faktorer med |laddning| ≥ {cut}", "Other factors with |loading| ≥ {cut}"),
    "none": ("inga", "none"),
    "factor": ("Faktor", "Factor"),
    # a factor's label: "Faktor 1", not "F1", which is also an item (the Swedish "F" for
    # förväntan: F1-F16; review 13, finding 15)
    "factor_n": ("Faktor {n}", "Factor {n}"),
    "ss_loadings": ("Förklarad varians (SS-laddningar)", "Variance explained (SS loadings)"),
    "proportion": ("Andel av påståendenas varians", "Share of the items' variance"),
    "r_with": ("r med", "r with"),
    "method_minres": ("minres (minsta residual)", "minres (minimum residual)"),
    "method_ml": ("maximum likelihood", "maximum likelihood"),
    "rotation_oblimin": ("oblimin-rotation (sneda faktorer)", "oblimin rotation (oblique)"),
    "rotation_varimax": ("varimax-rotation (ortogonala faktorer)", "varimax rotation (orthogonal)"),
    "rotation_none": ("ingen rotation", "no rotation"),
    "basis_pairwise": (
        "parvisa korrelationer (minsta n = {n})",
        "pairwise correlations (smallest n = {n})",
    ),
    "basis_listwise": (
        "korrelationer av de {n} kompletta raderna",
        "correlations of the {n} complete rows",
    ),
    "note": (
        "{method}, {rotation}, {k} faktorer, {basis}. Laddningarna är den roterade lösningens "
        "(mönstermatrisen); h² är den andel av påståendets varians som faktorerna tillsammans "
        "förklarar. En laddning på minst {cut} i absolut värde räknas som en laddning (Hair m.fl. "
        "2019); alla laddningar visas. Faktorerna är numrerade efter förklarad varians och har "
        "inga namn: vilken dimension en faktor motsvarar läses ur de påståenden som laddar på den.",
        "{method}, {rotation}, {k} factors, {basis}. The loadings are the rotated solution's "
        "(the pattern matrix); h² is the share of the item's variance the factors explain "
        "together. A loading of at least {cut} in absolute value counts as a loading (Hair et al. "
        "2019); every loading is shown. The factors are numbered by variance explained and have "
        "no names: which dimension a factor stands for is read from the items that load on it.",
    ),
    "note_oblique": (
        "Med sneda faktorer är laddningarna regressionsvikter, inte korrelationer med faktorn.",
        "With oblique factors the loadings are regression weights, not correlations with the "
        "factor.",
    ),
    # KMO < 0.5 or Bartlett not significant (core.factorability; review 13, finding 2): the
    # table is kept for an examiner, marked in its title and its note's first sentence
    "not_interpretable": ("ska inte tolkas", "not to be interpreted"),
    "not_interpretable_note": (
        "Ska inte tolkas: {reasons}. Laddningarna säger då inget om enkätens dimensioner (Kaiser "
        "1974; Bartlett 1950); tabellen visas för fullständighetens skull.",
        "Not to be interpreted: {reasons}. The loadings then say nothing about the instrument's "
        "dimensions (Kaiser 1974; Bartlett 1950); the table is shown for completeness.",
    ),
    "reason_kmo": (
        "KMO {kmo} < {min} (korrelationerna räcker inte för faktoranalys)",
        "KMO {kmo} < {min} (the correlations are too weak for a factor analysis)",
    ),
    "reason_bartlett": (
        "Bartletts test kan inte skilja korrelationsmatrisen från en identitetsmatris (p = {p} ≥ "
        "{sig}: påståendena kan lika gärna vara okorrelerade)",
        "Bartlett's test cannot tell the correlation matrix from an identity matrix (p = {p} ≥ "
        "{sig}: the items may as well be uncorrelated)",
    ),
    "reason_and": (" och ", " and "),
    "variance_note": (
        "Förklarad varians som psych::fa anger den (SS-laddningar; med sneda faktorer "
        "diag(ΦΛᵀΛ)); andelen är den delad med antalet påståenden. ”r med” är faktorernas "
        "korrelationer (sneda faktorer).",
        "Variance explained as psych::fa gives it (SS loadings; with oblique factors "
        'diag(ΦΛᵀΛ)); the share is it divided by the number of items. "r with" are the '
        "factors' correlations (oblique factors).",
    ),
}
