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
    # review 17, finding 24: when the two tests count different respondents (those without a
    # valid weight above 0 only in Welch's), each n is named and so is the rule
    "wt_differ_one_n": (
        "{dimension} (viktat {p}, n = {n}; Welchs ANOVA {p_u}, n = {n_u})",
        "{dimension} (weighted {p}, n = {n}; Welch's ANOVA {p_u}, n = {n_u})",
    ),
    "wt_differ_rows": (
        " Testen bygger inte heller på samma svarande: Welchs ANOVA räknar alla med ett gap, det "
        "viktade testet bara dem med en giltig vikt över 0, så en del av skillnaden kan komma "
        "av de svarande som bara Welchs ANOVA räknar.",
        " Nor do the tests rest on the same respondents: Welch's ANOVA counts everyone with a "
        "gap, the weighted test only those with a valid weight above 0, so part of the "
        "difference may come from the respondents only Welch's ANOVA counts.",
    ),
}
