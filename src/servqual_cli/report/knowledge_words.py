"""The words of ``knowledge-gap``'s Holm families (review 13, finding 3; review 14, finding 2;
session 17), moved out of :data:`servqual_cli.report.catalog_toolbox.TOOLBOX` (near its 400
lines) and spread into it, so they are looked up as ``toolbox.kg_<key>`` like the rest."""

from __future__ import annotations

KNOWLEDGE: dict[str, tuple[str, str]] = {
    # key: (sv, en)
    # knowledge-gap --by: one Holm family over the groups, as gap --by (review 13, finding 3)
    "kg_holm": (
        "Holm över dimensioner och, för sig, över påståenden",
        "Holm across dimensions and, separately, across items",
    ),
    "kg_holm_groups": (
        "Holm över alla grupper tillsammans ({family})",
        "Holm across all groups together ({family})",
    ),
    # printed under the total's table, whose p (Holm) is over its dimensions: the sentence
    # names the group tables it speaks of (review 14, finding 2)
    # the family's size named too (session 17: the CSV's p_holm said no family), "3 grupper ×
    # 3 dimensioner = 9 test", or the tests made when a group or dimension had none
    "kg_same_staff": (
        "I grupptabellerna nedan jämförs varje grupp i {by} med all personal (n = {n}), samma "
        "personal varje gång. Därför justeras deras p (Holm) över alla grupper × dimensioner "
        "tillsammans ({family}), inte inom varje grupp.",
        "In the group tables below, every group of {by} is compared with all staff (n = {n}), "
        "the same staff each time. So their p (Holm) is adjusted over all groups × dimensions "
        "together ({family}), not within each group.",
    ),
    "kg_family": ("{groups} × {dims} = {tests}", "{groups} × {dims} = {tests}"),
    "kg_family_made": ("{tests} av {groups} × {dims}", "{tests} of {groups} × {dims}"),
    # the CSV's p_holm_family in the Swedish workbook (the JSON's group_holm names it too)
    "p_holm_family": ("Holm-familj", "Holm family"),
    "p_holm_tests": ("Test i Holm-familjen", "Tests in the Holm family"),
}
