"""The words of the KPI and feedback sections (part of the label catalog,
:mod:`servqual_cli.report.catalog`).

:data:`SERVICE`: entries ``key: (sv, en)``; use them through the catalog
(:func:`~servqual_cli.report.catalog.sl`).
"""

from __future__ import annotations

from servqual_cli.report.feedback_trend_words import FEEDBACK_TREND

SERVICE: dict[str, tuple[str, str]] = {
    # key: (sv, en)
    "nåbarhet": ("Nåbarhet", "Reachability"),
    "väntetid": ("Väntetid", "Waiting time"),
    "genomförandetid": ("Genomförandetid", "Lead time"),
    "resultat": ("Resultat", "Result"),
    "kpi": ("Nyckeltal", "KPI"),
    "klagomål": ("klagomål", "complaint"),
    "synpunkt": ("synpunkt", "comment"),
    "förslag": ("förslag", "suggestion"),
    "fråga": ("fråga", "question"),
    "beröm": ("beröm", "praise"),
    "value": ("Värde", "Value"),
    "ci": ("{level} KI", "{level} CI"),
    "goal": ("Mål / norm", "Target / norm"),
    "verdict": ("Bedömning", "Verdict"),
    "below_goal": ("Grupper under mål / norm", "Groups below target / norm"),
    "all_groups": ("alla {n} grupper", "all {n} groups"),
    "and_more": ("och {n} till", "and {n} more"),
    "change": ("Förändring", "Change"),
    "met": ("uppfyllt", "met"),
    "not met": ("ej uppfyllt", "not met"),
    "cannot tell": ("kan ej avgöras", "cannot tell"),
    "too few": ("för få (n < {min_n})", "too few (n < {min_n})"),
    "target_word": ("mål", "target"),
    "norm_word": ("norm", "norm"),
    "days": ("dagar", "days"),
    "working days": ("arbetsdagar", "working days"),
    "hours": ("timmar", "hours"),
    # core/durations "working_hours": 24 wall-clock hours per working day (review 10a finding 2)
    "working hours": ("timmar på arbetsdagar, hela dygn", "hours on working days, 24 h each"),
    "weeks": ("veckor", "weeks"),
    "seconds": ("s", "s"),
    "unit_word": ("Enhet", "Unit"),
    "group": ("Grupp", "Group"),
    "type": ("Typ", "Type"),
    "unit": ("Förvaltning", "Unit"),
    "channel": ("Kanal", "Channel"),
    "period": ("Period", "Period"),
    "n": ("Antal", "n"),
    "share": ("Andel", "Share"),
    "total": ("Totalt", "Total"),
    "all": ("alla", "all"),
    "counts": ("Inkomna synpunkter", "Feedback received"),
    "reply": ("Svar (endast med kontaktuppgifter)", "Replies (contact details given only)"),
    "n_with_contact": ("Med kontaktuppgifter", "With contact details"),
    "n_answered": ("Besvarade", "Answered"),
    # review 10a finding 1: the answered-only figures say so (the times of every item are the
    # km_ keys below)
    "median_days": ("Median dagar bland besvarade", "Median days among answered"),
    "p90_days": ("90:e percentil dagar bland besvarade", "90th percentile days among answered"),
    "within_promise": ("Inom löftet", "Within promise"),
    "n_decided": ("Avgjorda", "Decided"),
    "decided_note": (
        "Avgjorda: besvarade ärenden och obesvarade som passerat löftet per {as_of}.",
        "Decided: answered items and unanswered ones past the promise at {as_of}.",
    ),
    "too_recent_note": (
        "Andelen inom löftet räknar bara ärenden som hade hela löftet på sig (samma regel som "
        "nyckeltalen): ärenden inkomna mindre än {promise} före {as_of} ingår inte ({left}, "
        "varav {open} utan svar).",
        "The share within the promise counts only items that had the whole promise (the KPIs' "
        "rule): items received less than {promise} before {as_of} are not counted ({left}, "
        "{open} of them unanswered).",
    ),
    "within_promise_share": ("Andel inom löftet", "Share within promise"),
    "ci_low": ("KI låg", "CI low"),
    "ci_high": ("KI hög", "CI high"),
    "backlog": (
        "Balans: ej avslutade ärenden och obesvarade synpunkter äldre än löftet",
        "Backlog: cases not closed and unanswered items older than the promise",
    ),
    "n_open": ("Ej avslutade", "Not closed"),
    "n_open_overdue": ("Ej avslutade, äldre än löftet", "Not closed, older than promise"),
    "n_unanswered_overdue": (
        "Obesvarade med kontaktuppgifter, äldre än löftet",
        "Unanswered with contact details, older than promise",
    ),
    # review 9 finding 1: the count holds the items closed without any reply too, named apart
    "n_unanswered_overdue_closed": (
        "Varav avslutade utan svar",
        "Of which closed without a reply",
    ),
    "backlog_note": (
        "Obesvarade med kontaktuppgifter, äldre än löftet: synpunkter med kontaktuppgifter som "
        "inte fått svar per {as_of} och är äldre än löftet ({promise}), avslutade eller inte; "
        "{closed} av dem avslutades utan svar. Det är de obesvarade bland svarsandelens "
        "avgjorda: {decided} avgjorda, varav {answered} besvarade.",
        "Unanswered with contact details, older than promise: items with contact details that "
        "have no reply at {as_of} and are older than the promise ({promise}), closed or not; "
        "{closed} of them were closed without a reply. They are the unanswered ones among the "
        "reply share's decided items: {decided} decided, {answered} of them answered.",
    ),
    "trend": ("Jämfört med föregående tolv månader", "Against the previous twelve months"),
    "trend_same_months": (
        "Jämfört med samma månader året innan (registret börjar {first}; lika långa perioder, "
        "samma säsong)",
        "Against the same months a year earlier (the register starts {first}; periods of equal "
        "length, the same season)",
    ),
    "level": ("Nivå", "Level"),
    "key": ("Grupp", "Group"),
    "previous_value": ("Föregående", "Previous"),
    "current_value": ("Senaste", "Latest"),
    "estimate": ("Kvot / skillnad", "Ratio / difference"),
    "p": ("p", "p"),
    "p_holm": ("p (Holm)", "p (Holm)"),
    "reply_within_promise": ("Andel besvarade inom löftet", "Share answered within promise"),
    "median_days_to_reply": (
        "Median dagar till svar, bland besvarade",
        "Median days to reply, among answered",
    ),
    "count": ("Antal", "Count"),
    "anonymous_note": (
        "anonyma synpunkter räknas men ingår aldrig i svarsuppgifterna",
        "anonymous items are counted but never in the reply figures",
    ),
    "anonymous_note_one": (
        "anonym synpunkt räknas men ingår aldrig i svarsuppgifterna",
        "anonymous item is counted but never in the reply figures",
    ),
    "as_of": ("per", "as of"),
    "promise": ("löfte", "promise"),
    "start_after_as_of": ("start efter datumet", "start after the as-of date"),
    "reply_short": ("Svar", "Reply"),
    "trend_note": (
        "Antal: kvot av dagstakt med exakt Poissontest och dess exakta intervall; andel inom "
        "löftet: skillnad i procentenheter, Fishers exakta test med Newcombes intervall. Dagar "
        "till svar: förändringen som testet (Mann-Whitney) bedömer är Hodges-Lehmanns typiska "
        "förskjutning (medianen av alla parvisa skillnader senare − tidigare period) med testets "
        "eget intervall; medianernas skillnad står på raden ovanför, utan test, och de två kan "
        "skilja sig, även i tecken. p (Holm) justerar inom typer och inom förvaltningar.",
        "Counts: ratio of daily rates, exact Poisson test with its exact interval; share within "
        "promise: difference in percentage points, Fisher's exact test with Newcombe's "
        "interval. Days to reply: the change the test (Mann-Whitney) judges is the "
        "Hodges-Lehmann typical shift (the median of all pairwise differences later − earlier "
        "period) with the test's own interval; the medians' difference is on the row above, "
        "untested, and the two can differ, even in sign. p (Holm) adjusts within types and "
        "within units.",
    ),
    "reply_total": ("Svar, alla förvaltningar", "Replies, all units"),
    "period_not_in_data": (
        "perioden framgår inte av data (ingen datumkolumn, start, i nyckeltalsfilen): alla rader "
        "i filen, oavsett datum per (ange period i nyckeltalsfilen för att namnge den)",
        "the period is not in the data (no date column, start, in the KPI configuration): all "
        "rows of the file, whatever the as-of date (give period in the configuration to name it)",
    ),
    # review 4 finding 9: a KPI without a start column takes its period from the file's year
    "period_from_year": (
        "ingen kolumn start i nyckeltalsfilen: alla rader i filen ({column} {period})",
        "no start column in the KPI configuration: all rows of the file ({column} {period})",
    ),
    "periods_from_year": (
        "ingen kolumn start i nyckeltalsfilen: perioderna är filens kolumn {column} ({periods})",
        "no start column in the KPI configuration: the periods are the file's column {column} "
        "({periods})",
    ),
    "after_year": (
        "{n} rader från år efter {year} räknas inte (efter datumet per)",
        "{n} rows from years after {year} are not counted (after the as-of date)",
    ),
    "after_as_of": (
        "{n} rader med start efter datumet per räknas inte",
        "{n} rows starting after the as-of date are not counted",
    ),
    "period_declared": (
        "period {period}: angiven i nyckeltalsfilen (ingen datumkolumn)",
        "period {period}: as declared in the KPI configuration (no date column)",
    ),
    "period_from_contacts": (
        "period {period}: samma datafil som servicemätningen {period} i rapporten (ingen "
        "datumkolumn)",
        "period {period}: the same data file as the report's service measurement {period} (no "
        "date column)",
    ),
    "pooled_span": ("{span}, alla perioder tillsammans", "{span}, all periods pooled"),
    "backlog_unit": ("Balans per förvaltning", "Backlog by unit"),
    "no_contact_items": (
        "Inga synpunkter med kontaktuppgifter: inga svarstider per förvaltning.",
        "No items with contact details: no reply times by unit.",
    ),
    "trend_counts": ("Antal synpunkter", "Number of items"),
    # Excel sheet names (at most 31 characters)
    "sheet_type": ("Synpunkter per typ", "Feedback by type"),
    "sheet_unit": ("Synpunkter per förvaltning", "Feedback by unit"),
    "sheet_channel": ("Synpunkter per kanal", "Feedback by channel"),
    "sheet_period": ("Synpunkter per period", "Feedback by period"),
    "sheet_reply": ("Svar", "Replies"),
    "sheet_reply_unit": ("Svar per förvaltning", "Replies by unit"),
    "sheet_backlog": ("Balans", "Backlog"),
    "sheet_trend": ("Synpunkter, trend", "Feedback trend"),
    "sheet_reply_trend": ("Svar, trend", "Replies trend"),
    "pooled_note": (
        "värde och bedömning gäller {period}; alla perioder tillsammans ({periods}): {value}, "
        "n = {n}",
        "value and verdict are for {period}; all periods pooled ({periods}): {value}, n = {n}",
    ),
    "undecided": (
        "öppna ärenden ännu inom gränsen ingår inte",
        "open cases still inside the limit are not counted",
    ),
    "open_not_counted": (
        "{n} öppna ärenden (ännu inte avgjorda) ingår inte; värdet kan vara för lågt",
        "{n} open cases (not yet decided) are not counted; the value may be too low",
    ),
    "below_rule": (
        "under målet: grupper med minst {min_n} ärenden vars ensidiga exakta test mot målet "
        "håller efter Holm över de {family} grupper som prövades",
        "below the goal: groups with at least {min_n} cases whose one-sided exact test against "
        "the goal holds after Holm over the {family} groups tested",
    ),
    "unreached_rule": (
        "{stat} över de {n} samtal som nådde en person; {k} samtal nådde ingen och saknar väntetid",
        "{stat} over the {n} calls that reached a person; {k} calls reached no one and have "
        "no waiting time",
    ),
    "stat_median": ("median", "median"),
    "stat_mean": ("medelvärde", "mean"),
    "stat_p90": ("90:e percentil", "90th percentile"),
    "stat_share": ("andel", "share"),
    "below_rule_empty": (
        "ingen grupp har minst {min_n} ärenden: ingen pekas ut som under målet",
        "no group has {min_n} cases or more: none is named below the goal",
    ),
    "below_rule_none": (
        "grupper pekas inte ut som under målet (inget test mot målet för detta mått)",
        "no group is named below the goal (no test against the goal for this measure)",
    ),
    "follow_up_rule": (
        "jämför ärenden som hade hela tiden på sig ({length} före {as_of}): {kept} av {total} "
        "ärenden {period}; senare ärenden ingår inte ({left}, varav {open} pågår)",
        "compares cases that had the whole time ({length} before {as_of}): {kept} of {total} "
        "cases in {period}; later cases are not counted ({left}, {open} of them open)",
    ),
    "follow_up_name": (
        "{name} (ärenden som hade hela tiden på sig: {kept} av {total})",
        "{name} (cases that had the whole time: {kept} of {total})",
    ),
    "open_change": (
        "förändringen {previous}→{period} jämför bara avgjorda ärenden ({n} öppna {period})",
        "the change {previous}→{period} compares decided cases only ({n} open in {period})",
    ),
    # the feedback note's dates read by a rule (report/feedback_notes.py): a count per column,
    # and for the Swedish forms the column's first such text as its example
    "dates_serial_one": (
        "{n} datum läst från Excels serienummer (kolumn {column})",
        "{n} date read from Excel serial numbers (column {column})",
    ),
    "dates_serial_many": (
        "{n} datum lästa från Excels serienummer (kolumn {column})",
        "{n} dates read from Excel serial numbers (column {column})",
    ),
    "dates_swedish_one": (
        "{n} datum läst i svensk form, som ”{example}” (kolumn {column})",
        "{n} date read in a Swedish form, as “{example}” (column {column})",
    ),
    "dates_swedish_many": (
        "{n} datum lästa i svensk form, t.ex. ”{example}” (kolumn {column})",
        "{n} dates read in a Swedish form, e.g. “{example}” (column {column})",
    ),
    # p-polish (session 12): the backlog table's order, said in its note
    "backlog_order": (
        "Förvaltningarna står i ordning efter antalet obesvarade med kontaktuppgifter, äldre än "
        "löftet, flest först; lika antal i namnordning.",
        "Units are in order of the number unanswered with contact details, older than the "
        "promise, most first; equal numbers in name order.",
    ),
    # w-fb (session 13, review 10a finding 1): days to reply over every item with contact
    # details, the unanswered censored (Kaplan-Meier), and the basis of the answered-only ones
    "n_unanswered": ("Obesvarade", "Unanswered"),
    "km_median_days": ("Dagar till svar, median", "Days to reply, median"),
    "km_p90_days": ("Dagar till svar, 90:e percentil", "Days to reply, 90th percentile"),
    # x-km (session 14): each quantile's interval, one text column ("[21; 28]", "[28; > 721]"),
    # and the note's sentence naming its method and the "> N" upper limit
    "km_median_ci": ("Median, {level} KI", "Median, {level} CI"),
    "km_p90_ci": ("90:e percentil, {level} KI", "90th percentile, {level} CI"),
    "km_ci_note": (
        "Intervallet ({level} KI) kring dagar till svar är Brookmeyer och Crowleys: från första "
        "dagen då kurvans konfidensintervall med sin nedre gräns når ned till hälften (median) "
        "respektive en av tio (90:e percentil) obesvarade, till första dagen då det når dit med "
        "sin övre gräns; kurvans intervall räknas på log-skala med Greenwoods varians, som R:s "
        "survfit gör som förval (conf.type = ”log”). Når den övre gränsen aldrig dit inom "
        "uppföljningen står ”> N” som övre gräns: den är inte nådd, och dagarna kan vara fler.",
        "The interval ({level} CI) of the days to reply is Brookmeyer and Crowley's: from the "
        "first day on which the curve's confidence interval comes down to half (median) or one "
        "in ten (90th percentile) unanswered with its lower limit, to the first day it does so "
        "with its upper limit; the curve's interval is on the log scale with Greenwood's "
        'variance, R survfit\'s default (conf.type = "log"). Where the upper limit never gets '
        "there within the follow-up, the upper bound reads “> N”: not reached, and the days may "
        "be more.",
    ),
    "reply_times_note": (
        "Dagar till svar (median, 90:e percentil) räknas över {n} synpunkter med "
        "kontaktuppgifter, även de {unanswered} som saknar svar per {as_of}: en obesvarad "
        "synpunkt räknas som obesvarad i minst dagarna från inkommen till {as_of} (censurerad, "
        "Kaplan-Meier), också om den avslutats utan svar, eftersom ett avslut inte är ett svar. "
        "Percentilen är första dagen då minst hälften respektive nio av tio beräknas ha fått "
        "svar; når skattningen aldrig dit visas ”> N”, där N är den längsta uppföljningen i "
        "dagar. Median dagar bland besvarade räknar bara de {answered} besvarade och säger inget "
        "om de obesvarade.",
        "Days to reply (median, 90th percentile) count {n} items with contact details, also "
        "the {unanswered} without a reply at {as_of}: an unanswered item counts as unanswered "
        "for at least the days from received to {as_of} (censored, Kaplan-Meier), also when it "
        "was closed without a reply, as a closing is not a reply. The percentile is the first "
        "day by which at least half, or nine in ten, are estimated to have had a reply; where "
        "the estimate never gets there, the cell shows “> N”, N the longest follow-up in days. "
        "Median days among answered counts the {answered} answered items only and says nothing "
        "of the unanswered.",
    ),
    "reply_times_untimed": (
        "{n} med ett svarsdatum före inkommen ingår inte i dagarna till svar.",
        "{n} with an answer date before the date received are not in the days to reply.",
    ),
    "answered_n": ("n = {previous} → {current}", "n = {previous} → {current}"),
    **FEEDBACK_TREND,  # report/feedback_trend_words.py (session 15: the trend's words)
}
