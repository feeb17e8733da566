"""The words of a weighted ``--split`` folder: the index's header and note and each group's
"Hela kommunen" column note (spread into :data:`servqual_cli.report.catalog_glance.GLANCE`,
which neared 400 lines).

Review 18, finding 4: with ``[survey] weight_column`` each group's values were weighted and the
"Hela kommunen" row and column were not (−0,63 beside weighted groups; weighted −0,80), and
neither the index nor its note said "viktat". The whole is now weighted as the groups are, and
these words say so, and why a group's n can be fewer than its respondents (25 vs n = 24: a
respondent without a valid weight is not in the weighted estimate).
"""

from __future__ import annotations

SPLIT_INDEX: dict[str, tuple[str, str]] = {
    # key: (sv, en)
    "index_gap_weighted": (
        "SERVQUAL totalt (gap), viktat efter {column}",
        "SERVQUAL overall (gap), weighted by {column}",
    ),
    "index_weighted_note": (
        "Resultaten, även raden ”{whole}”, är viktade efter {column}, som i varje grupps "
        "rapport. ”{respondents}” räknar alla svarande; det viktade resultatet räknar bara "
        "svarande med giltig vikt och gap i alla dimensioner, så dess n (”litet underlag, "
        "n = …”) kan vara färre än gruppens svarande.",
        'The results, the row "{whole}" included, are weighted by {column}, as in each '
        'group\'s report. "{respondents}" counts every respondent; the weighted result counts '
        "only respondents with a valid weight and a gap in every dimension, so its n "
        '("small base, n = …") can be fewer than the group\'s respondents.',
    ),
    "whole_weighted_note": (
        "Kolumnen ”{whole}” är viktad efter {column}, som gruppens egna värden.",
        'The column "{whole}" is weighted by {column}, as the group\'s own values are.',
    ),
}
