"""Words of the KPI sections' change of a time (``servqual kpi`` and the report), in sv and en.

Review 5, finding 5: a time's change is tested with Mann-Whitney, which estimates the
Hodges-Lehmann shift, not the difference of the two medians; the change cell names both.
"""

from __future__ import annotations

from servqual_cli.report.kpi_norm_words import KPI_NORM

KPI: dict[str, tuple[str, str]] = {
    # {span}: "2023 → 2024", or the two calendar windows (window_span); {interval}: "[a; b]", the
    # report's notation for an interval in running text (review 10a, findings 4 and 9)
    "shift_change": (
        "{span}: {before} → {after} (skillnad {diff}); typisk förskjutning "
        "{shift} ({level} KI {interval}), p {p} ({test})",
        "{span}: {before} → {after} (difference {diff}); typical shift {shift} "
        "({level} CI {interval}), p {p} ({test})",
    ),
    # a share's change with its Newcombe interval in every KPI table (l-small, session 11): the
    # changed-KPIs table had the interval, the KPI tables' change column only Fisher's p
    "share_change": (
        "{span}: {before} → {after} (skillnad {diff} procentenheter, {level} KI "
        "{interval}), p {p} ({test})",
        "{span}: {before} → {after} (difference {diff} percentage points, {level} "
        "CI {interval}), p {p} ({test})",
    ),
    "share_change_note": (
        "Andelar: förändringen är skillnaden i procentenheter med Newcombes intervall (hybrid "
        "score, 1998) bredvid Fishers exakta test; den räknas som bättre eller sämre bara när "
        "testets p är under 1 − nivån och intervallet ligger helt på ena sidan om 0 (en gräns "
        "som avrundas till 0 behåller sitt tecken: +0,0 ligger strax över 0).",
        "Shares: the change is the difference in percentage points with Newcombe's (1998 hybrid "
        "score) interval beside Fisher's exact test; it counts as better or worse only when the "
        "test's p is below 1 − the level and the interval lies wholly on one side of 0 (a bound "
        "that rounds to 0 keeps its sign: +0.0 lies just above 0).",
    ),
    "shift_note": (
        "Tider: förändringen som testet (Mann-Whitney) bedömer är Hodges-Lehmanns förskjutning "
        "(medianen av alla parvisa skillnader senare − tidigare period) med testets eget "
        "intervall; skillnaden mellan periodernas värden står före den, och de två kan skilja "
        "sig, även i tecken.",
        "Times: the change the test (Mann-Whitney) judges is the Hodges-Lehmann shift (the "
        "median of all pairwise differences later − earlier period) with the test's own "
        "interval; the difference of the periods' values comes before it, and the two can "
        "differ, even in sign.",
    ),
    # the report's changed-KPI table: the change the test judges with its interval (as the KPI
    # tables show a time's shift), and the note naming the estimate and interval of each kind
    "changed_change": ("Förändring (tider: förskjutning)", "Change (times: shift)"),
    "changed_ci_low": ("{level} KI, nedre", "{level} CI, low"),
    "changed_ci_high": ("{level} KI, övre", "{level} CI, high"),
    "changed_note": (
        "Förändring: för andelar skillnaden i procentenheter med Newcombes intervall (bredvid "
        "Fishers exakta test); för tider Hodges-Lehmanns förskjutning (medianen av alla "
        "parvisa skillnader senare − tidigare period) med Mann-Whitney-testets eget intervall, "
        "inte skillnaden mellan Före och Efter. När den senaste perioden kortats (ärenden som "
        "inte hade haft hela tiden på sig ingår inte) jämförs den tidigare perioden över samma "
        "kalenderfönster (nyckeltalets not anger båda).",
        "Change: for shares the difference in percentage points with Newcombe's interval "
        "(beside Fisher's exact test); for times the Hodges-Lehmann shift (the median of all "
        "pairwise differences later − earlier period) with the Mann-Whitney test's own "
        "interval, not the difference of Before and After. When the latest period was cut "
        "short (cases that had not had the whole time left out), the earlier one is compared "
        "over the same calendar window (the KPI's note names both).",
    ),
    # review 12c finding 5: the KPI table marks a value on fewer than min_n cases with the
    # overview's words ("litet underlag", catalog_glance g_small) and says here what it means;
    # the verdict is the interval's, as the overview's too_few_note says. {unit}: the KPI's
    # own word for what it counts (kpi_texts.unit_noun: "samtal" as its note says, review 14
    # finding 4: 43 calls were "färre än 50 ärenden")
    "small_base_note": (
        "”Litet underlag”: värdet bygger på färre än {min_n} {unit} och är osäkert. Det visas "
        "ändå, och bedömningen följer värdets konfidensintervall, som tar hänsyn till det lilla "
        "antalet: räcker intervallet inte blir det ”kan ej avgöras”.",
        "“Small base”: the value rests on fewer than {min_n} {unit} and is uncertain. It is "
        "shown all the same, and the verdict follows the value's confidence interval, which "
        "allows for the small number: where the interval does not settle it, it is “cannot "
        "tell”.",
    ),
    # ... and under the changed-KPIs table, whose mark is the latest value's (After) and
    # whose direction follows the change's test and interval, not the value's
    "small_base_change_note": (
        "”Litet underlag”: värdet Efter bygger på färre än {min_n} {unit} och är osäkert; "
        "riktningen följer ändå förändringens test och intervall, som tar hänsyn till antalet "
        "i båda perioderna.",
        "“Small base”: the After value rests on fewer than {min_n} {unit} and is uncertain; "
        "the direction follows the change's test and interval all the same, which allow for "
        "the number in both periods.",
    ),
    # review 14 finding 4: one min_n, two rules side by side: a group under it is "för få"
    # and not judged, the KPI as a whole on as few is judged by its interval; said once
    "small_base_groups": (
        "Grupper med färre än {min_n} bedöms inte; nyckeltalet som helhet bedöms alltid, "
        "efter sitt intervall.",
        "Groups with fewer than {min_n} are not judged; the KPI as a whole is always judged, "
        "by its interval.",
    ),
    # what a KPI counts, in its notes' words (kpi_texts.unit_noun)
    "unit_calls": ("samtal", "calls"),
    "unit_contacts": ("kontakter", "contacts"),
    "unit_cases": ("ärenden", "cases"),
    "unit_any": ("fall", "cases"),
    # a KPI whose data hold one period: why it has no previous period and no change (its note,
    # and the overview's previous-period cell)
    "one_period": (
        # "from them": the report's overview may still fill a change from the contact files
        "data har bara en period ({period}), så ingen förändring beräknas ur dem",
        "the data hold only one period ({period}), so no change is computed from them",
    ),
    "one_period_cell": ("bara {period} i data", "only {period} in the data"),
    # ... and whose change the report's overview takes from the service measurement (the same
    # measure of the same contacts): the note says where it is (review 9, finding 3)
    "one_period_elsewhere": (
        "data har bara en period ({period}); förändringen från {previous} står i "
        "servicemätningens tabell ”{table}”, raden ”{row}”",
        "the data hold only one period ({period}); the change from {previous} is in the "
        "service measurement's table “{table}”, row “{row}”",
    ),
    # the fifth review's leftovers, item 6: the counts beside a one-period verdict
    "excluded_scope": (
        "(alla perioder {periods}, inte bara {period})",
        "(all periods {periods}, not only {period})",
    ),
    # review 10a, finding 4: the equal-follow-up rule cut the latest period short (bygglov 2024
    # ends on 21 October), so the change compares the previous period over the same calendar
    # window (core.kpi_durations.matched_window); the change cell names both windows and the
    # note the rule, with the previous period's cases left out and how 29 February is matched
    "window_span": (
        "{previous} ({previous_window}, {n_previous} ärenden) → {period} ({window}, {n} ärenden)",
        "{previous} ({previous_window}, {n_previous} cases) → {period} ({window}, {n} cases)",
    ),
    "window_rule": (
        "förändringen jämför samma kalenderfönster: {previous} bara ärenden med start "
        "{previous_window} ({kept} av {total}; senare ärenden ingår inte: {left}), som {period} "
        "({window}); samma dag och månad, 29 feb motsvarar 28 feb ett år utan skottdag",
        "the change compares the same calendar window: in {previous} only cases started "
        "{previous_window} ({kept} of {total}; later cases are not compared: {left}), as in "
        "{period} ({window}); the same day and month, 29 Feb matching 28 Feb in a year without "
        "it",
    ),
    # the overview's name of such a KPI (its cards and rows show no footnotes): the previous
    # period's value beside it is over the same window
    "follow_up_name_window": (
        "{name} (ärenden som hade hela tiden på sig: {kept} av {total}; {previous} jämförs över "
        "samma datum, {window})",
        "{name} (cases that had the whole time: {kept} of {total}; {previous} compared over the "
        "same dates, {window})",
    ),
    # session 14 (review 10c, finding 4): the overview row's note, not its name, says the
    # equal-follow-up basis and the previous period's window, once and short (the KPI table's
    # note has the whole rule); the name stays the KPI's own
    "follow_up_note": (
        "ärenden som hade hela tiden på sig: {kept} av {total}",
        "cases that had the whole time: {kept} of {total}",
    ),
    "follow_up_note_window": (
        "ärenden som hade hela tiden på sig: {kept} av {total}; {previous} jämförs över samma "
        "datum, {window}",
        "cases that had the whole time: {kept} of {total}; {previous} compared over the same "
        "dates, {window}",
    ),
    # session 14 (review 10a, finding 5): a share's blank values of contacts that reached no
    # one (io/kpi_reached.py), named instead of counted as blank cells ("tomma 13")
    "share_unreached_rule": (
        "andelen gäller de {n} kontakter som har ett värde; {who}, så de har inget värde",
        "the share is over the {n} contacts with a value; {who}, so they have none",
    ),
    "unreached_calls": ("{k} samtal nådde ingen", "{k} calls reached no one"),
    "unanswered_emails": ("{k} e-brev besvarades aldrig", "{k} e-mails were never answered"),
    "and_words": (" och ", " and "),
    "months_short": (
        "jan feb mar apr maj jun jul aug sep okt nov dec",
        "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec",
    ),
    **KPI_NORM,  # report/kpi_norm_words.py (review 16 finding 1)
}
