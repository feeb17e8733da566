"""The words of the line under the weighted test between the groups that says whether it and
the unweighted Welch ANOVA agree (review 15, finding 5), spread into
:data:`~servqual_cli.report.catalog_toolbox.TOOLBOX` (that catalog is near its 400 lines).
``key: (sv, en)``; use them through the catalog.
"""

from __future__ import annotations

WEIGHTED_GROUP_DIFFER: dict[str, tuple[str, str]] = {
    "wt_agree": (
        "Viktat och oviktat test mellan grupperna (Welchs ANOVA) ger samma slutsats för varje "
        "dimension (p justerat, 5\u00a0%-nivån).",
        "The weighted and the unweighted (Welch's ANOVA) test between the groups reach the same "
        "conclusion for every dimension (adjusted p, 5% level).",
    ),
    "wt_differ": (
        "Viktat och oviktat test mellan grupperna ger olika slutsats (p justerat, "
        "5\u00a0%-nivån) för {dimensions}: det viktade testet gäller befolkningen, Welchs "
        "ANOVA urvalet.",
        "The weighted and the unweighted test between the groups reach different conclusions "
        "(adjusted p, 5% level) for {dimensions}: the weighted test describes the population, "
        "Welch's ANOVA the sample.",
    ),
    "wt_differ_one": (
        "{dimension} (viktat {p}; Welchs ANOVA {p_u})",
        "{dimension} (weighted {p}; Welch's ANOVA {p_u})",
    ),
}
