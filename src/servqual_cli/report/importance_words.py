"""The words of derived importance (``gap --overall``): the regression's columns, the
collinearity warning (review 13, finding 1) and the "no b has p < 0,05" notes (finding 12).
Spread into :data:`servqual_cli.report.catalog_toolbox.TOOLBOX`, so they are looked up as
``toolbox.<key>`` like the rest of the section; split out when the section outgrew 400 lines
in session 16."""

from __future__ import annotations

IMPORTANCE: dict[str, tuple[str, str]] = {
    # key: (sv, en)
    "importance": ("Härledd vikt", "Derived importance"),
    "b_coef": ("b", "b"),
    "se": ("SE", "SE"),
    "beta": ("β (standardiserad)", "β (standardized)"),
    "relative_weight": ("Relativ vikt", "Relative weight"),
    "relative_share": ("Andel av R²", "Share of R²"),
    # review 13, finding 1: collinear dimensions make b and β unreadable as weights
    "r_overall": ("r", "r"),
    "vif": ("VIF", "VIF"),
    "collinear_strong": (
        "Dimensionerna är starkt korrelerade med varandra",
        "The dimensions are strongly correlated with each other",
    ),
    "collinear_some": (
        "Dimensionerna är korrelerade med varandra",
        "The dimensions are correlated with each other",
    ),
    "collinear_vif": ("VIF över {limit}: {names}", "VIF above {limit}: {names}"),
    "collinear_sign": (
        "b med motsatt tecken mot dimensionens egen korrelation med {overall!r}: {names}",
        "b of the opposite sign to the dimension's own correlation with {overall!r}: {names}",
    ),
    "collinear_beta": ("|β| över 1: {names}", "|β| above 1: {names}"),
    "collinear_advice": (
        "b och β kan då byta tecken och ska inte läsas som vikter; läs de relativa vikterna, "
        "som delar R² mellan korrelerade dimensioner.",
        "b and β can then change sign and must not be read as weights; read the relative "
        "weights, which share R² between correlated dimensions.",
    ),
    # review 13, finding 12: "no b has p < .05" is about the b's; "explain little" about R²
    "no_b_model_null": (
        "Inget b har p < 0,05, och inte heller modellens F-test (R² = {r2}): dimensionerna "
        "förklarar lite av {overall!r}, och andelarna av R² kan inte rangordnas.",
        "No b has p < 0.05, nor has the model's F test (R² = {r2}): the dimensions explain "
        "little of {overall!r}, and the shares of R² cannot be ranked.",
    ),
    "no_b_model_explains": (
        "Inget b har p < 0,05, men modellens F-test har det (R² = {r2}): tillsammans förklarar "
        "dimensionerna en del av {overall!r}, men ingen enskild dimension kan skiljas ut, och "
        "andelarna av R² kan inte rangordnas.",
        "No b has p < 0.05, but the model's F test has (R² = {r2}): together the dimensions "
        "explain part of {overall!r}, but no single dimension can be singled out, and the "
        "shares of R² cannot be ranked.",
    ),
    # session 17: with --weight-column the regression is survey-weighted, and says so
    "importance_weighted_title": ("{head}, viktat efter {column}", "{head}, weighted by {column}"),
    "importance_weighted_rule": (
        "Viktat efter {column}: b med vägda minsta kvadrater (WLS) och designbaserade "
        "standardfel som R survey::svyglm med svydesign(ids = ~1, weights = ~{column}), t på "
        "n − k − 1 frihetsgrader; modellens test är ett Wald-F; R², β, r, VIF och de relativa "
        "vikterna från de viktade korrelationerna.",
        "Weighted by {column}: b by weighted least squares (WLS) with design-based standard "
        "errors as R survey::svyglm with svydesign(ids = ~1, weights = ~{column}), t on "
        "n − k − 1 degrees of freedom; the model's test is a Wald F; R², β, r, VIF and the "
        "relative weights from the weighted correlations.",
    ),
    # the command's outputs only: a report has no -f json (its reader would look for it in vain)
    "importance_unweighted_where": (
        "Den oviktade regressionen för samma svarande finns i -f json och -f csv.",
        "The unweighted regression of the same respondents is in -f json and -f csv.",
    ),
    "apa_model_weighted": (
        "{overall} på {on} (WLS viktat efter {column}, designbaserade SE, n = {n})",
        "{overall} on {on} (WLS weighted by {column}, design-based SEs, n = {n})",
    ),
    # who is not in n, each with a singular (closing 17: "1 utan vikt utelämnade")
    "importance_no_weight": ("{n} utan vikt utelämnade", "{n} without a weight left out"),
    "importance_no_weight_one": ("1 utan vikt utelämnad", "1 without a weight left out"),
    "importance_incomplete": (
        "{n} utan alla värden utelämnade",
        "{n} without every value left out",
    ),
    "importance_incomplete_one": (
        "1 utan alla värden utelämnad",
        "1 without every value left out",
    ),
    "importance_zero_weight": (
        "{n} med vikt 0 i designen men inte i n",
        "{n} with weight 0 in the design but not in n",
    ),
}
