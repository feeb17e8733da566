"""The words of a low or negative Cronbach's α (review 15, finding 2), spread into the catalog's
:data:`~servqual_cli.report.catalog_reliability.RELIABILITY_WARNINGS` (the caveats) and
:data:`~servqual_cli.report.catalog_report.REPORT` (the summary line and the method sentence),
kept here so that both catalog modules stay under 400 lines. Each entry is ``key: (sv, en)``.

The rule (0,70, Nunnally 1978) is a reading aid, not a verdict: the words say what a low α means
for the scores (much measurement error, differences harder to see), and that a negative α means
the items do not measure one thing (:mod:`servqual_cli.core.alpha_screen`).
"""

from __future__ import annotations

Pairs = dict[str, tuple[str, str]]

# the core's caveats (core.caveats.CODES "alpha_low", "alpha_negative") in the reader's words
ALPHA_LOW_WARNINGS: Pairs = {
    "alpha_low": (
        "α {alpha} ligger under {bound}, den vanliga tumregeln för en skala (Nunnally 1978): "
        "poängen bär mycket mätfel, så skillnader i den är svårare att upptäcka; läs dem med "
        "försiktighet (en läshjälp, ingen dom över skalan)",
        "α {alpha} is below {bound}, the usual rule of thumb for a scale (Nunnally 1978): the "
        "score carries much measurement error, so differences in it are harder to detect; read "
        "them with caution (a reading aid, not a verdict on the scale)",
    ),
    # two or more scales below the rule in one line (closing 17: 11 near-identical lines on
    # review 15's file); {scales}: "Gap – Bemötande (α 0,377); Gap, hela skalan (α 0,025)"
    "alpha_low_grouped": (
        "α ligger under {bound}, den vanliga tumregeln för en skala (Nunnally 1978), för {n} "
        "skalor: {scales}. Deras poäng bär mycket mätfel, så skillnader i dem är svårare att "
        "upptäcka; läs dem med försiktighet (en läshjälp, ingen dom över skalorna)",
        "α is below {bound}, the usual rule of thumb for a scale (Nunnally 1978), for {n} "
        "scales: {scales}. Their scores carry much measurement error, so differences in them are "
        "harder to detect; read them with caution (a reading aid, not a verdict on the scales)",
    ),
    "alpha_low_scale": ("{scale} (α {alpha})", "{scale} (α {alpha})"),
    "alpha_negative": (
        "α {alpha} är negativt: påståendena samvarierar i genomsnitt negativt, så de mäter inte "
        "samma sak och deras poäng ska inte tolkas som en skala",
        "α {alpha} is negative: the items covary negatively on average, so they do not measure "
        "one thing and their score is not to be read as a scale",
    ),
}

# the report: the summary line names the gaps' α beside the perceptions' (the gaps are what the
# report analyses; their α was the bad news the line left out), and the method names the rule
ALPHA_LOW_REPORT: Pairs = {
    "reliability_glance": (
        "Reliabilitet i korthet: Cronbachs α {expectations}för upplevelsen (P): {alphas}; för "
        "gapen (P − E), som resultaten bygger på: {gaps}. {verdict} Varningar: {warnings} (se "
        "avsnittet Reliabilitet och validitet).",
        "Reliability at a glance: Cronbach's α {expectations}of the perceptions (P): {alphas}; "
        "of the gaps (P − E), on which the results rest: {gaps}. {verdict} Warnings: "
        "{warnings} (see Reliability and validity).",
    ),
    # {expectations} of reliability_glance: the E scales, every one the table shows (review 17,
    # finding 12: a negative E α was left out of the summary)
    "alpha_glance_expectations": (
        "för förväntan (E): {alphas}; ",
        "of the expectations (E): {alphas}; ",
    ),
    # {low}: how many of the α values just listed; {bound}: 0,70
    "alpha_glance_low": (
        "{low} av dessa {n} ligger under {bound}, den vanliga tumregeln för en skala (Nunnally "
        "1978): deras poäng bär mycket mätfel.",
        "{low} of these {n} are below {bound}, the usual rule of thumb for a scale (Nunnally "
        "1978): their scores carry much measurement error.",
    ),
    "alpha_glance_none_low": (
        "Alla ligger på {bound} eller mer, den vanliga tumregeln för en skala (Nunnally 1978).",
        "All are {bound} or more, the usual rule of thumb for a scale (Nunnally 1978).",
    ),
    # {scales}: "Gap – Rättssäkerhet" (and more, joined by word_lists.join_items: "Förväntan,
    # hela skalan" has a comma of its own)
    "alpha_glance_negative": (
        "Negativt α: {scales}. Där mäter påståendena inte samma sak och poängen ska inte tolkas "
        "som en skala.",
        "Negative α: {scales}. There the items do not measure one thing and the score is not to "
        "be read as a scale.",
    ),
    # after alpha_glance_negative when an E scale is among them: the gaps are P − E, so a
    # broken E scale reaches every gap of its dimension (review 17, finding 12)
    "alpha_glance_negative_e": (
        "Gapen är upplevelse minus förväntan, så ett negativt α i förväntan (ofta ett omvänt "
        "påstående som inte angetts, eller ett kodningsfel) gör också gapen där osäkra.",
        "The gaps are perception minus expectation, so a negative α in the expectations (often "
        "a reversed item not declared, or a coding error) makes the gaps there uncertain too.",
    ),
    "reliability_method_alpha": (
        "Ett α under {bound} ger en varning (Nunnallys tumregel från 1978; en läshjälp, ingen "
        "dom), ett negativt α en starkare: då mäter påståendena inte samma sak.",
        "An α below {bound} gives a warning (Nunnally's 1978 rule of thumb; a reading aid, not a "
        "verdict), a negative α a stronger one: the items then do not measure one thing.",
    ),
}
