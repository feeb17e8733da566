"""The words that name the respondents behind a weighted table's unweighted column (review 18,
finding 1: "Oviktat gap" −0,13 on the 113 with a valid weight stood beside the unweighted
table's −0,08 on all 118, unsaid). Spread into
:data:`servqual_cli.report.catalog_toolbox.TOOLBOX`."""

from __future__ import annotations

WEIGHTED_BASIS: dict[str, tuple[str, str]] = {
    # key: (sv, en)
    # the column heads say "same n" so the two unweighted gaps of one run are not read as one
    "w_unweighted_mean": ("Oviktat gap (samma n)", "Unweighted gap (same n)"),
    "unweighted_mean": ("Oviktat medel (samma n)", "Unweighted mean (same n)"),
    # only when respondents lack a valid (positive) weight: otherwise the two bases are one
    "weight_same_n_note": (
        " Oviktat gap och oviktat medel (samma n): oviktade medel på samma n svarande med "
        "giltig vikt som de viktade; de oviktade tabellerna bygger på alla svarande, även de "
        "{left} utan giltig vikt eller med vikt 0, så deras gap kan skilja sig.",
        " Unweighted gap and unweighted mean (same n): unweighted means over the same n "
        "respondents with a valid weight as the weighted ones; the unweighted tables use every "
        "respondent, including the {left} without a valid weight or with weight 0, so their "
        "gaps can differ.",
    ),
}
