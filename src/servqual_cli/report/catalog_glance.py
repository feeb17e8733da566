"""The words of the overview "Resultat i korthet" (part of the label catalog,
:mod:`servqual_cli.report.catalog`).

:data:`GLANCE`: entries ``key: (sv, en)``; use them through the catalog
(:func:`~servqual_cli.report.catalog.rl`).
"""

from __future__ import annotations

from servqual_cli.report.glance_register_words import GLANCE_REGISTER
from servqual_cli.report.split_index_words import SPLIT_INDEX

GLANCE: dict[str, tuple[str, str]] = {
    "glance_title": ("Resultat i korthet", "Results at a glance"),
    "g_measure": ("Mått", "Measure"),
    "g_this_period": ("Senaste period", "This period"),
    "g_previous_period": ("Föregående period", "Previous period"),
    "g_change": ("Förändring", "Change"),
    "g_change_shift": ("Förändring (tider: förskjutning)", "Change (times: shift)"),
    "g_median_change": ("Medianernas skillnad", "Median difference"),
    # a time's change, in every renderer that words it: the medians' difference first, then the
    # Hodges-Lehmann shift the verdict is about (review 4, finding 1)
    "g_median_and_shift": (
        "medianen {median}, typisk förskjutning {shift}",
        "median {median}, typical shift {shift}",
    ),
    # where a change was computed when another part did (review 9, finding 3): a KPI row that
    # shows the service measurement's change, and that measurement's own rows, name it and the
    # p the verdict follows, so "+25,6, ingen påvisbar förändring" beside "+23,9, ▲ bättre" is
    # told apart by its p (0,054 and 0,034 after Holm)
    "g_source_measurement": ("servicemätningen", "service measurement"),
    # review 10c, finding 5: the feedback register's count change (its Poisson test, Holm within
    # the register's own family) names its source and p in the same column
    "g_source_feedback": ("synpunkterna", "feedback register"),
    "g_source_p_holm": ("{source}, p efter Holm {p}", "{source}, Holm-adjusted p {p}"),
    "g_source_p": ("{source}, p {p}", "{source}, p {p}"),
    # the workbook's overview holds the change as a number, so its source and p get a column of
    # their own, with the words the table and the card put in brackets after the change
    "g_change_source": ("Förändringens källa", "Source of the change"),
    "g_change_verdict": ("Förändringen", "The change"),
    "g_goal": ("Mål / norm", "Target / norm"),
    "g_goal_verdict": ("Mot mål / norm", "Against target / norm"),
    "g_others_mean": ("Övrigas medel", "Others' mean"),
    "g_rank": ("Placering", "Rank"),
    "g_benchmark_verdict": ("Mot övriga", "Against others"),
    "g_n": ("Antal (n)", "Number (n)"),  # answers, contacts or cases
    "g_better": ("bättre", "better"),
    "g_worse": ("sämre", "worse"),
    "g_more": ("fler", "more"),
    # one term with the tables' verdicts (review 3, finding 18)
    "g_no_change": ("ingen påvisbar förändring", "no detectable change"),
    "g_met": ("uppfyllt", "met"),
    "g_not_met": ("ej uppfyllt", "not met"),
    "g_cannot_tell": ("kan ej avgöras", "cannot tell"),
    "g_same": ("kan inte skiljas från medel", "cannot tell from the mean"),
    # a card's target line read as a sentence: "Målet (minst 90,0 %) nås inte" (finding 18)
    "g_card_target": ("Målet ({bound})", "The target ({bound})"),
    "g_card_norm": ("Normen ({bound})", "The norm ({bound})"),
    "g_card_target_met": ("nås", "is met"),
    "g_card_target_not_met": ("nås inte", "is not met"),
    "g_card_norm_met": ("uppfylls", "is met"),
    "g_card_norm_not_met": ("uppfylls inte", "is not met"),
    "g_card_cannot_tell": ("kan inte avgöras", "cannot be told"),
    "g_too_few": ("för få svar", "too few answers"),
    "g_small_base": ("Underlag", "Base"),
    # f-kt, session 15 (review 12a finding 3): a small base is marked, never hidden; the
    # verdicts are what the intervals settle, as in the KPI tables (the keys keep their names)
    "g_small": ("litet underlag", "small base"),
    "too_few_note": (
        # "svar eller fall": the overview mixes survey answers and KPI cases (review 14 #4)
        "”Litet underlag”: värdet bygger på färre än {min_n} svar eller fall och är osäkert. "
        "Det visas "
        "ändå, och varje bedömning följer värdets konfidensintervall, som tar hänsyn till det "
        "lilla antalet: räcker intervallet inte blir det ”kan inte avgöras”.",
        "“Small base”: the value rests on fewer than {min_n} answers or cases and is "
        "uncertain. It is "
        "shown all the same, and every verdict follows the value's confidence interval, which "
        "allows for the small number: where the interval does not settle it, it is “cannot be "
        "told”.",
    ),
    # w-trend2 (session 17): a change rests on both years; one small only in the earlier year
    # is marked with that year (glance.small_periods), as the change table marks it
    "too_few_change_note": (
        "En förändring vilar på båda åren: har det tidigare året färre än {min_n} står det "
        "året och dess n i markeringen, även när det senaste värdet har fler. Förändringen "
        "bedöms ändå, och bedömningen tar hänsyn till antalet båda åren.",
        "A change rests on both years: when the earlier year has fewer than {min_n}, the mark "
        "names that year and its n, even when the latest value has more. The change is judged "
        "all the same, and the verdict allows for the number in both years.",
    ),
    # {unit}: "svar" when only survey rows are small, else the neutral "fall" (review 14
    # finding 4: building-permit cases were "färre än 300 svar")
    "p_too_few": (
        "Litet underlag (färre än {min_n} {unit}): {items}; bedömningarna ovan följer "
        "konfidensintervallen, som tar hänsyn till det.",
        "Small base (fewer than {min_n} {unit}): {items}; the verdicts above follow the "
        "confidence intervals, which allow for it.",
    ),
    "p_unit_answers": ("svar", "answers"),
    "p_unit_cases": ("fall", "cases"),
    "whole_org": ("Hela kommunen", "Whole municipality"),
    # review 16 finding 7: a unit manager read "we are worse than the municipality" from an
    # untested difference; the group is part of the whole, so the two are not independent
    "whole_note": (
        "Kolumnen ”{whole}” visar samma mått för alla svarande; KPI:er och testkontakter "
        "gäller alltid hela kommunen. Skillnaden mot ”{whole}” är inte prövad (gruppen ingår "
        "själv i helheten); om grupperna skiljer sig åt prövas under ”{tests}” i den samlade "
        "rapporten för alla grupper.",
        'The column "{whole}" shows the same measure for all respondents; KPIs and test '
        'contacts always cover the whole municipality. The difference from "{whole}" is not '
        "tested (the group is itself part of the whole); whether the groups differ is tested "
        'under "{tests}" in the combined report for all groups.',
    ),
    "data_until": ("Data t.o.m.", "Data up to"),
    "g_rank_of": ("{rank} av {n}", "{rank} of {n}"),
    "overall_gap": ("SERVQUAL totalt (gap)", "SERVQUAL overall (gap)"),
    "dimension_gap": ("{dimension} (gap)", "{dimension} (gap)"),
    "norm_zero": ("förväntan (gap 0)", "expectations (gap 0)"),
    # a SERVQUAL gap is held against expectations, not against a target anyone set (review 3,
    # finding 4): its verdicts in words of their own
    # review 6, finding 6: its own column and card line, never the target's ("Mål / norm")
    "g_against_expectation": ("Jämfört med förväntan", "Compared with expectations"),
    "g_gap_not_met": ("under förväntan", "below expectations"),
    "g_gap_met": ("når förväntan", "meets expectations"),
    "g_gap_cannot_tell": ("kan ej skiljas från förväntan", "cannot be told from expectations"),
    "g_perception_level": ("upplevelse {value}", "perception {value}"),
    "g_of_scale": (" av {top}", " of {top}"),
    "g_survey_weighted": (
        "viktat efter {column}, effektivt n {n_eff}",
        "weighted by {column}, effective n {n_eff}",
    ),
    # the overview's note, one sentence per rule, each only when a row uses it
    # review 6, finding 1: what is not judged is its own group, never "what goes well"
    "glance_note": (
        "Ordning: först ej uppfyllda mål, försämringar och resultat under övrigas medel, sedan "
        "det som inte kan avgöras, därefter det som går bra och sist det som inte bedöms eller "
        "där ingen skillnad kan påvisas; inom varje grupp i rapportens ordning.",
        "Order: first unmet targets, deteriorations and results below the others' mean, then "
        "what cannot be told, then what goes well, and last what is not judged or shows no "
        "detectable difference; within each group in the report's order.",
    ),
    "glance_note_change": (
        "En förändring räknas som bättre eller sämre bara när den går att skilja från slumpen: "
        "p < 0,05 och intervallet helt på ena sidan om 0.",
        "A change counts as better or worse only when the data can tell it from chance: "
        "p < 0.05 and the interval wholly on one side of 0.",
    ),
    "glance_note_holm": (
        "Servicemätningens förändringar: p efter Holm-justering över de {m} jämförda måtten.",
        "The service measurement's changes: p after the Holm adjustment over the {m} measures "
        "compared.",
    ),
    "glance_note_shift": (
        "Tider: förändringen är Hodges-Lehmanns förskjutning (medianen av alla parvisa "
        "skillnader), inte skillnaden mellan medianerna, som står först.",
        "Times: the change is the Hodges-Lehmann shift (the median of all pairwise "
        "differences), not the difference of the medians, which comes first.",
    ),
    # review 8, finding 4 (g-glance): which of the service measurement's totals are rows
    "glance_note_contacts": (
        "Servicemätningen: huvudmåtten visas alltid, övriga totaler bara när förändringen "
        "(totalt eller i ett område) bedöms bättre eller sämre; alla finns i servicemätningens "
        "tabeller.",
        "Service measurement: the main measures are always shown, its other totals only when "
        "their change (in total or in an area) is judged better or worse; all are in the "
        "service measurement's tables.",
    ),
    "p_area_worse": ("Sämre {periods} i {areas}: {name}.", "Worse {periods} in {areas}: {name}."),
    "glance_note_benchmark": (
        "Jämförelsen med övriga kommuner bygger på kommunens konfidensintervall mot övrigas "
        "medel (där intervall saknas: placering i tredjedelar, se metoden).",
        "The comparison with the other municipalities uses this municipality's confidence "
        "interval against the others' mean (without an interval: rank thirds, see the method).",
    ),
    "glance_note_gap": (
        "Gap = upplevelse minus förväntan på skalan; under noll betyder att servicen inte når "
        "upp till förväntan. Negativa gap är det vanliga i SERVQUAL-studier: förväntan frågar "
        "vad en utmärkt verksamhet skulle göra, så gapet är inget mål som missats; upplevelsen "
        "visas bredvid. Ett gap under förväntan står därför inte bland de ej uppfyllda målen utan "
        "sist; ”under förväntan” betyder att gapets konfidensintervall ligger under 0.",
        "Gap = perception minus expectation on the scale; below zero means the service falls "
        "short of expectations. Negative gaps are the usual finding of SERVQUAL studies: "
        "expectations ask what an excellent service would do, so the gap is no target missed; "
        "the perception level is shown beside it. A gap below expectations is therefore not "
        'ordered with the unmet targets but last; "below expectations" means that the gap\'s '
        "confidence interval lies below 0.",
    ),
    "glance_note_groups": (
        "En grupp nämns bara när dess eget värde skiljer sig från målet eller förväntan (dess "
        "eget test, Holm-justerat över grupperna som prövades; nyckeltal: bara grupper med "
        "tillräckligt många ärenden); grupperna rangordnas inte mot varandra.",
        "A group is named only when its own value differs from the target or expectations (its "
        "own test, Holm-adjusted over the groups tested; KPIs: only groups with enough "
        "cases); the groups are not ranked against each other.",
    ),
    # the plain-language paragraph (review 6, finding 4): short sentences, one measure per
    # clause, the period on every verdict, no test names or p-values (the cards' notes and the
    # method section have them)
    "p_in": (" {period}", " in {period}"),
    "p_not_met_one": (
        "Målet nås inte{period} för {name}: {value}.",
        "The target is not met{period} for {name}: {value}.",
    ),
    "p_area_of": ("{name}: {where}.", "{name}: {where}."),
    "p_worse": ("Sämre {periods}: {items}.", "Worse {periods}: {items}."),
    "p_better": ("Bättre {periods}: {items}.", "Better {periods}: {items}."),
    "p_than_previous": ("än föregående period", "than the previous period"),
    "p_below": (
        "Under övriga kommuners medel{period}: {items}.",
        "Below the other municipalities' mean{period}: {items}.",
    ),
    "p_gap": (
        "Invånarnas upplevelse når inte upp till förväntan{period} för {items}. Störst är "
        "gapet för {worst}.",
        "Residents' perceptions fall short of their expectations{period} for {items}. The gap is "
        "largest for {worst}.",
    ),
    "p_gap_tied": (
        "Invånarnas upplevelse når inte upp till förväntan{period} för {items}. Störst är "
        "gapet för {worst}; de går inte att skilja åt.",
        "Residents' perceptions fall short of their expectations{period} for {items}. The gap is "
        "largest for {worst}; they cannot be told apart.",
    ),
    "p_gap_where": ("Störst är gapet inom {groups}.", "The gap is largest in {groups}."),
    "p_met": ("Målet nås{period} för {items}.", "The target is met{period} for {items}."),
    "p_nothing_bad": ("Inget mått har {checks}.", "No measure has {checks}."),
    "p_check_target": ("ett ej uppfyllt mål", "an unmet target"),
    # the period named: a series' worse trend is not a worse last change (review 18, 10)
    "p_check_change": (
        "en påvisbar försämring mot föregående period",
        "a detectable deterioration since the previous period",
    ),
    "p_check_benchmark": ("ett resultat under övrigas medel", "a result below the others' mean"),
    "or": ("eller", "or"),
    # review 6, finding 1: say plainly what the report cannot judge, never a clean bill
    "p_missing": ("Rapporten har {items}.", "The report has {items}."),
    "p_missing_target": ("inga mål", "no targets"),
    "p_missing_previous": ("ingen föregående period", "no previous period"),
    "p_missing_benchmark": (
        "ingen jämförelse med andra kommuner",
        "no comparison with other municipalities",
    ),
    "p_nothing_judged": ("Inget av måtten bedöms.", "None of the measures is judged."),
    "p_unjudged": (
        "Utan mål, föregående period och jämförelse bedöms inte: {items}.",
        "Without a target, a previous period or a comparison, not judged: {items}.",
    ),
    "p_cannot_tell": (
        "Det går inte att avgöra om målet nås{period} för {items}.",
        "The data cannot tell whether the target is met{period} for {items}.",
    ),
    "appendix": ("Bilaga: detaljtabeller och metod", "Appendix: detailed tables and method"),
    "appendix_tables": ("Detaljtabeller", "Detailed tables"),
    "toc": ("Innehåll", "Contents"),
    "table_no": ("Tabell {n}.", "Table {n}."),
    "figure_no": ("Figur {n}.", "Figure {n}."),
    "cover_sheet": ("Innehåll", "Contents"),
    "contents": ("Innehåll", "Contents"),
    "report_date": ("Rapportens datum", "Report date"),
    "g_value": ("Värde", "Value"),
    "g_unit": ("Enhet", "Unit"),
    "g_period": ("Period", "Period"),
    "g_previous_value": ("Föregående värde", "Previous value"),
    "g_target": ("Mål / norm", "Target / norm"),
    "g_n_compared": ("Antal jämförda", "Compared"),
    "p_where": ("i {areas}", "in {areas}"),
    "p_where_below_target": ("under målet i {areas}", "below target in {areas}"),
    "p_where_below_expectation": ("under förväntan i {areas}", "below expectations in {areas}"),
    "p_where_worse": (
        "sämre än föregående period i {areas}",
        "worse than the previous period in {areas}",
    ),
    # the card's note, not the paragraph (review 6, finding 4)
    "kpi_area_rule": (
        # the noun of the KPI note's own rule (report/catalog_service.py "below_rule"): the
        # groups' min_n counts cases, not answers (review 10c, finding 4)
        "grupper under målet: ensidigt exakt test mot målet, Holm över {family} grupper med "
        "minst {min_n} ärenden",
        "groups below target: one-sided exact test against the target, Holm over {family} "
        "groups with at least {min_n} cases",
    ),
    "p_all_groups": ("alla {n} grupper", "all {n} groups"),
    # review 7, finding 8 (w-weight): two groups are "båda grupperna", never "alla 2 grupper"
    "p_both_groups": ("båda grupperna", "both groups"),
    # the header's period when the parts cover different periods: "2020 (servicemätning)"
    "period_of_survey": ("enkät", "survey"),
    "period_of_contacts": ("servicemätning", "service measurement"),
    "period_of_kpi": ("nyckeltal", "KPIs"),
    "period_of_feedback": ("synpunkter", "feedback"),
    # the feedback register's bad news in the overview
    "feedback_items_total": ("Synpunkter, totalt", "Feedback items, total"),
    "feedback_items_of": ("Synpunkter: {what}", "Feedback items: {what}"),
    "feedback_rise_note": (
        # the p is in the change's source ("synpunkterna, p efter Holm 0,039"; review 10c #5)
        "kvot {ratio} (95\u00a0% KI [{low}; {high}])",
        "ratio {ratio} (95% CI [{low}, {high}])",
    ),
    # review 6, finding 9: the register's own types, not a list written here
    "feedback_all_types": (
        "alla typer ({types}); fler synpunkter är inte i sig sämre",
        "all types ({types}); more items is not in itself worse",
    ),
    "p_feedback_types": (
        "Antalen gäller alla typer av synpunkter ({types}); fler synpunkter är inte i sig sämre.",
        "The counts cover every type of item ({types}); more items is not in itself worse.",
    ),
    "feedback_total_short": ("totalt", "in total"),
    "backlog_row": (
        "Obesvarade synpunkter (med kontaktuppgifter) äldre än {promise}",
        "Unanswered feedback items (with contact details) older than {promise}",
    ),
    "p_feedback_rise": (
        "Fler synpunkter {periods}: {items}.",
        "More feedback items {periods}: {items}.",
    ),
    "p_complaints_rise": (
        "Fler klagomål {periods}: {before} → {after}.",
        "More complaints {periods}: {before} → {after}.",
    ),
    "p_backlog": (
        "{unanswered} synpunkter med kontaktuppgifter har inte fått svar och är äldre än löftet "
        "({promise}) per {date}{closed}. Ej avslutade ärenden, besvarade eller inte: {open}, "
        "varav {overdue} äldre än {promise}.",
        "{unanswered} feedback items with contact details have no reply and are older than the "
        "promise ({promise}) as of {date}{closed}. Cases not closed, answered or not: {open}, "
        "of which {overdue} older than {promise}.",
    ),
    # review 10c, finding 4: the backlog row's note says only what its name and value do not
    # (the paragraph's sentence above said all of it again, word for word)
    "backlog_note": (
        "ej avslutade ärenden, besvarade eller inte: {open}, varav {overdue} äldre än {promise}",
        "cases not closed, answered or not: {open}, of which {overdue} older than {promise}",
    ),
    "backlog_note_closed": (
        "varav {closed} avslutade utan svar; ",
        "of which {closed} closed without a reply; ",
    ),
    # review 9 finding 1: the unanswered items closed without a reply, named in the sentence
    "p_backlog_closed": (
        ", varav {closed} avslutade utan svar",
        ", of which {closed} closed without a reply",
    ),
    "p_more_groups": ("{n} till", "{n} more"),
    "and": ("och", "and"),
    "in": ("i", "in"),
    # review 10a, finding 3 (w-glance): the card's group line and note are columns of the
    # Markdown and workbook overviews too, so the three renderers show the same facts
    "g_groups": ("Grupper", "Groups"),
    "g_row_note": ("Anmärkning", "Note"),
    # the paragraph names the groups of every dimension that has them, dimensions sharing the
    # same groups in one sentence ("Under förväntan i alla 4 grupper: A, B och C.")
    "p_areas_of": ("{where}: {items}.", "{where}: {items}."),
    # f-glance, session 15 (review 12b findings 4, 5, 9)
    # finding 4: a named group on fewer than min_n answers keeps the verdict its own test
    # settles (the rule f-kt gives a KPI on a small base) and is marked with its n, also inside
    # "alla 4 grupper"; the card's note says what the mark means
    "p_small_base": ("litet underlag", "small base"),
    "p_group_small": ("{group}: litet underlag, {n}", "{group}: small base, {n}"),
    "g_groups_small_note": (
        "grupp med litet underlag: färre än {min_n} svar i gruppen, omdömet följer gruppens "
        "eget test",
        "group on a small base: fewer than {min_n} answers in the group, the verdict follows the "
        "group's own test",
    ),
    # finding 5: "störst" only among the dimensions below expectations, never over one alone;
    # when every one of them is tied, no largest; the dimensions that cannot be told from
    # expectations (the good news too) get sentences of their own
    "p_gap_one": (
        "Invånarnas upplevelse når inte upp till förväntan{period} för {worst}.",
        "Residents' perceptions fall short of their expectations{period} for {worst}.",
    ),
    "p_gap_equal": (
        "Invånarnas upplevelse når inte upp till förväntan{period} för {items}; inget av gapen "
        "kan skiljas från det största, så inget pekas ut som störst (mellan {low} och {high}).",
        "Residents' perceptions fall short of their expectations{period} for {items}; none of "
        "the gaps can be told from the largest, so none is named the largest (between {low} "
        "and {high}).",
    ),
    "p_gap_cannot_tell": (
        "Upplevelsen kan inte skiljas från förväntan{period} för {items}.",
        "Perceptions cannot be told from expectations{period} for {items}.",
    ),
    "p_gap_met": (
        "Upplevelsen når förväntan{period} för {items}.",
        "Perceptions meet expectations{period} for {items}.",
    ),
    # finding 9: a file's weight column the report does not use, on every survey card
    "g_unweighted_unused": (
        "oviktat (urvalet): viktkolumnen {columns} används inte",
        "unweighted (the sample): the weight column {columns} is not used",
    ),
    **GLANCE_REGISTER,  # report/glance_register_words.py (review 16, finding 3)
    **SPLIT_INDEX,  # report/split_index_words.py (review 18, finding 4)
}
