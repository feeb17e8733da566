"""The zone of tolerance's table notes (``servqual tolerance`` and the report), spread into
:data:`~servqual_cli.report.catalog_toolbox.TOOLBOX` (that catalog is near its 400 lines). Each
entry is ``key: (sv, en)``.

Closing 17: the rules (which answers count, the answers with D < A, how the position is judged)
stood both in the report's method sentence (``method_tolerance_text``,
:mod:`~servqual_cli.report.method_words`) and in the table's notes. Each is now said once: a
command has no method section, so its notes say the rules; a report with a method section says
them there, and its notes name what the table holds and point to the method.
"""

from __future__ import annotations

TOLERANCE_NOTES: dict[str, tuple[str, str]] = {
    # the dimension table's legend, with the position rule (a command) or without (the report's
    # method says it)
    "tol_dims_note": (
        "MSA = P − A (under 0: under lägsta godtagbara nivå); MSS = P − D; läget bedöms på "
        "konfidensintervallen.",
        "MSA = P − A (below 0: below the adequate level); MSS = P − D; the position is judged "
        "on the confidence intervals.",
    ),
    "tol_dims_legend": (
        "MSA = P − A (under 0: under lägsta godtagbara nivå); MSS = P − D.",
        "MSA = P − A (below 0: below the adequate level); MSS = P − D.",
    ),
    # {dropped}: " " and the rows with no answer (gap's no_answer_row(s)), or nothing;
    # {rev}: " " and the reversed items' rule, or nothing; {after}: tol_after or nothing
    "tol_rules": (
        "Svarande: {n_rows}.{dropped} Ett påstående räknas när A, D och P alla är giltiga; en "
        "dimension när minst hälften av påståendena är det.{rev} Svar med D < A{after} behålls "
        "({n_inverted} påståendesvar). t-test av P−A och P−D.",
        "Respondents: {n_rows}.{dropped} An item counts when A, D and P are all valid; a "
        "dimension when at least half of its items do.{rev} Answers with D < A{after} are kept "
        "({n_inverted} item answers). t-tests of P−A and P−D.",
    ),
    "tol_rules_method": (
        "Svarande: {n_rows}.{dropped}{rev} Vilka svar som räknas, svaren med D < A och hur "
        "läget bedöms står under Metod ({title}).",
        "Respondents: {n_rows}.{dropped}{rev} Which answers count, the answers with D < A and "
        "how the position is judged are set out under Method ({title}).",
    ),
    # a --by group's legend (review 17, finding 16): its positions are many unadjusted
    # verdicts, named with their count as the item table's note names its items'
    "tol_groups_note": (
        "Läget bedöms på varje grupps ojusterade {level}-intervall för MSA och MSS ({n}: "
        "{groups} × {dims}, två intervall vardera): bland så många kan något enstaka läge "
        "under eller över zonen bero på slumpen.",
        "Each group's position is judged on its own unadjusted {level} intervals for MSA and "
        "MSS ({n}: {groups} × {dims}, two intervals each): among so many, a single position "
        "below or above the zone can be chance.",
    ),
    # the same when some positions get no verdict (an inverted zone): the count is of the
    # positions judged, the family the sentence is about (review 18, finding 15: "15 lägen"
    # where 9 were judged)
    "tol_groups_note_judged": (
        "Läget bedöms på varje grupps ojusterade {level}-intervall för MSA och MSS ({n} som "
        "bedöms, av {groups} × {dims}; en dimension med omvänd zon får ingen bedömning; två "
        "intervall vardera): bland så många kan något enstaka läge under eller över zonen bero "
        "på slumpen.",
        "Each group's position is judged on its own unadjusted {level} intervals for MSA and "
        "MSS ({n} judged, of {groups} × {dims}; a dimension with an inverted zone gets no "
        "verdict; two intervals each): among so many, a single position below or above the "
        "zone can be chance.",
    ),
    # review 13, finding 10: each item's position rests on its own two intervals, not
    # adjusted for the many items, so the rule is named where the positions are read; with
    # inverted items, the count is of the items judged (review 18, finding 15)
    "tol_items_note": (
        "Läget bedöms på varje påståendes ojusterade {level}-intervall för MSA och MSS ({n} "
        "påståenden, två intervall vardera): bland så många kan något enstaka läge under eller "
        "över zonen bero på slumpen.",
        "Each item's position is judged on its own unadjusted {level} intervals for MSA and "
        "MSS ({n} items, two intervals each): among so many, a single position below or above "
        "the zone can be chance.",
    ),
    "tol_items_note_judged": (
        "Läget bedöms på varje påståendes ojusterade {level}-intervall för MSA och MSS ({n} "
        "påståenden som bedöms, av {total}; ett påstående med omvänd zon får ingen bedömning; "
        "två intervall vardera): bland så många kan något enstaka läge under eller över zonen "
        "bero på slumpen.",
        "Each item's position is judged on its own unadjusted {level} intervals for MSA and "
        "MSS ({n} items judged, of {total}; an item with an inverted zone gets no verdict; two "
        "intervals each): among so many, a single position below or above the zone can be "
        "chance.",
    ),
    "tol_after": (" efter omvändningen", " after the reversal"),
    "tol_wilson_output": (
        "Andelarnas Wilson-intervall visas inte här; de finns i JSON- och CSV-utdata.",
        "The shares' Wilson intervals are not shown here; they are in the JSON and CSV output.",
    ),
}

# the counted nouns of tol_groups_note, (one, many) per language ("1 grupp", "3 grupper")
TOL_COUNT_WORDS: dict[str, dict[str, tuple[str, str]]] = {
    "sv": {"n": ("läge", "lägen"), "groups": ("grupp", "grupper"),
           "dims": ("dimension", "dimensioner")},
    "en": {"n": ("position", "positions"), "groups": ("group", "groups"),
           "dims": ("dimension", "dimensions")},
}  # fmt: skip
