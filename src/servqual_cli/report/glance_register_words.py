"""The overview's words for the feedback register's units and types that are not compared
(spread into :data:`servqual_cli.report.catalog_glance.GLANCE`; split out when that catalog
neared 400 lines in session 17).

Review 16, finding 3: a unit renamed between the two windows (Tekniska förvaltningen →
Stadsmiljöförvaltningen) gets no rate test (:func:`servqual_cli.core.feedback_trend._not_compared`),
and its rise vanished from "Resultat i korthet" without a word; these rows and the paragraph's
sentence name it, with the counts the register holds, and ask the question ``feedback`` asks.
"""

from __future__ import annotations

GLANCE_REGISTER: dict[str, tuple[str, str]] = {
    # key: (sv, en)
    # one item of the sentence: "Tekniska förvaltningen (370 synpunkter 2023, inga 2024)"
    "nc_item": (
        "{name} ({n} {items} {period}, inga {other})",
        "{name} ({n} {items} in {period}, none in {other})",
    ),
    "nc_items_one": ("synpunkt", "item"),
    "nc_items_many": ("synpunkter", "items"),
    "p_nc_unit_one": (
        "{items} jämförs inte: bytt namn eller omorganiserat?",
        "{items} is not compared: renamed or reorganised?",
    ),
    "p_nc_unit_many": (
        "{items} jämförs inte: bytt namn eller omorganiserat?",
        "{items} are not compared: renamed or reorganised?",
    ),
    "p_nc_type_one": (
        "Synpunkter av typen {items} jämförs inte: en typ som börjat eller slutat användas?",
        "Items of the type {items} are not compared: a type taken into or out of use?",
    ),
    "p_nc_type_many": (
        "Synpunkter av typerna {items} jämförs inte: typer som börjat eller slutat användas?",
        "Items of the types {items} are not compared: types taken into or out of use?",
    ),
    # the row's note (table and card): what the value and its period do not say
    "nc_unit_note": (
        "inga synpunkter {other}; jämförs inte: bytt namn eller omorganiserat?",
        "no items in {other}; not compared: renamed or reorganised?",
    ),
    "nc_type_note": (
        "inga av den typen {other}; jämförs inte: en typ som börjat eller slutat användas?",
        "none of this type in {other}; not compared: a type taken into or out of use?",
    ),
}
