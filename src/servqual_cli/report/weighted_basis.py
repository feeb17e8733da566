"""The note that names the respondents behind a weighted table's unweighted column (review 18,
finding 1), shared by the weighted gap and weighted means tables (report/weighted_gap_sections.py).
"""

from __future__ import annotations

from servqual_cli.report.catalog import TOOLBOX as TOOLBOX_LABELS
from servqual_cli.report.catalog import count_text, label

__all__ = ["same_n_note"]


def same_n_note(n: int, lang: str) -> str:
    """ " Oviktat gap och oviktat medel (samma n): …": the weighted tables' unweighted column is
    on the respondents with a positive weight, the unweighted tables on all (review 18,
    finding 1: −0,13 beside −0,08, unsaid); "" when every respondent has one (one basis).

    >>> same_n_note(0, "sv"), same_n_note(5, "sv")[:60]
    ('', ' Oviktat gap och oviktat medel (samma n): oviktade medel på ')
    """
    return (
        label("weight_same_n_note", lang, TOOLBOX_LABELS).format(left=count_text(n, lang))
        if n
        else ""
    )
