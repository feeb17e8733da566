"""The words of the KPIs-by-year sections (``servqual trend`` with three or more files, the
series tables and their slope, SE and interval): :data:`SERIES`, part of the label catalog.

Split from :mod:`servqual_cli.report.catalog_measurement` (over 400 lines) in session 12, when
the slope got its interval. Each table is ``key: (sv, en)``; :mod:`servqual_cli.report.catalog`
re-exports it. Use it through the catalog.
"""

from __future__ import annotations

Pairs = dict[str, tuple[str, str]]

SERIES: Pairs = {
    "series_title": ("Nyckeltal per år", "KPIs by year"),
    "trend_title": ("Trend över alla år", "Trend over all years"),
    "kpi": ("Nyckeltal", "KPI"),
    "year": ("År", "Year"),
    "n": ("n", "n"),
    "value": ("Värde", "Value"),
    "ci_low": ("{level} KI, nedre", "{level} CI, low"),
    "ci_high": ("{level} KI, övre", "{level} CI, high"),
    "others_mean": ("Medel övriga", "Others' mean"),
    "years": ("År", "Years"),
    "slope": ("Förändring per år", "Change per year"),
    "p": ("p", "p"),
    "p_raw": ("p (ojusterat)", "p (unadjusted)"),
    "p_adjusted": ("p (Holm, {n} test)", "p (Holm, {n} tests)"),
    "adjust_note": (
        "p (Holm): justerat över familjen av alla {n} trendtest i serien (R p.adjust); "
        "bedömningen följer det justerade p-värdet, det ojusterade står bredvid.",
        "p (Holm): adjusted over the family of all {n} trend tests of the series (R p.adjust); "
        "the verdict follows the adjusted p, the unadjusted p is beside it.",
    ),
    "test": ("Test", "Test"),
    "verdict": ("Bedömning", "Verdict"),
    "better": ("bättre", "better"),
    "worse": ("sämre", "worse"),
    "no detectable trend": ("ingen påvisbar trend", "no detectable trend"),
    "cochran-armitage": ("Cochran-Armitage", "Cochran-Armitage"),
    "linear": ("linjär regression", "linear regression"),
    "weighted-linear": ("viktad linjär (medianer)", "weighted linear (medians)"),
    "this": ("Kommunen", "This municipality"),
    "chart_note": (
        "Punkter: årets värde med {level} konfidensintervall; streckat: medel övriga.",
        "Points: the year's value with its {level} confidence interval; dashed: others' mean.",
    ),
    "share": ("Andel (%)", "Share (%)"),
    "index": ("Index (0–100)", "Index (0–100)"),
    "seconds": ("Sekunder", "Seconds"),
    "hours": ("Timmar på arbetsdagar (hela dygn)", "Hours on working days (24 h each)"),
    "note": (
        "Trendtest över alla år: Cochran-Armitage för andelar (R prop.trend.test), linjär "
        "regression av svaren på året för index, inverst variansviktad regression av årets "
        "medianer för tider. Förändring per år i procentenheter (andelar, index) eller sekunder/"
        "timmar. Ett linjärt trendtest ser inte en uppgång som följs av en lika stor nedgång: "
        "läs årens värden.",
        "Trend test over all years: Cochran-Armitage for shares (R prop.trend.test), linear "
        "regression of the answers on the year for the index, inverse-variance weighted "
        "regression of the yearly medians for times. Change per year in percentage points "
        "(shares, index) or seconds/hours. A linear trend test misses a rise followed by an "
        "equal fall: read the yearly values.",
    ),
    # t-slope (session 13): a share's interval is the score interval, for every share
    "trend_ci_note": (
        "Intervall för förändringen per år: t (index), z (tider, viktad) och för andelar "
        "score-intervallet: de lutningar b som score-testet av modellen andel = a + b · år inte "
        "förkastar. Vid b = 0 är det Cochran-Armitage-testet, så intervallet utesluter 0 precis "
        "när det ojusterade p är under 1 − konfidensnivån; det finns även när ett år har 0 "
        "eller 100\u00a0%. Andelens förändring per år är modellens ML-skattning. Bättre eller "
        "sämre bara när p (justerat) och intervallet (ojusterat, helt på ena sidan om 0) är "
        "eniga, som mellan två år.",
        "Interval of the change per year: t (index), z (times, weighted), and for shares the "
        "score interval: the slopes b that the score test of the model share = a + b · year "
        "does not reject. At b = 0 that is the Cochran-Armitage test, so the interval excludes "
        "0 exactly when the unadjusted p is below 1 − the confidence level; it exists also when "
        "a year is at 0 or 100%. A share's change per year is that model's maximum likelihood "
        "estimate. Better or worse only when p (adjusted) and the interval (unadjusted, wholly "
        "on one side of 0) agree, as between two years.",
    ),
    # w-trend2 (session 17): the series' small base in the overview's words (catalog_glance
    # g_small), decided in core (small_samples.small_base, series_trends: small_years)
    # the series' line charts ring a year on a small base (a-small, session 18: no mark there)
    "small_marker": (
        "litet underlag (färre än {min_n} kontakter)",
        "small base (fewer than {min_n} contacts)",
    ),
    "small_chart_note": (
        "Ring: litet underlag, {years}; värdet visas ändå med sitt intervall.",
        "Ring: small base, {years}; the value is shown all the same, with its interval.",
    ),
    "small_values_note": (
        "”Litet underlag”: årets värde bygger på färre än {min_n} kontakter och är osäkert; "
        "det visas ändå, med sitt intervall, som tar hänsyn till det lilla antalet.",
        "“Small base”: the year's value rests on fewer than {min_n} contacts and is uncertain; "
        "it is shown all the same, with its interval, which allows for the small number.",
    ),
    "small_trend_note": (
        "”Litet underlag” med årtal: trenden vilar på alla år, och de år som anges bygger på "
        "färre än {min_n} kontakter. Trenden visas och bedöms ändå som de andra: bedömningen "
        "följer testet och intervallet, som tar hänsyn till det lilla antalet; räcker de inte "
        "blir det ”ingen påvisbar trend”.",
        "“Small base” with years: the trend rests on every year, and the years named rest on "
        "fewer than {min_n} contacts. The trend is shown and judged all the same: the verdict "
        "follows the test and the interval, which allow for the small number; where they do not "
        "settle it, it is “no detectable trend”.",
    ),
    # review 18 #10: the lead names the series' trend verdicts (the table's, Holm-adjusted; the
    # lead names no test, house rule) and each series chart's caption ends with its trend row
    "lead_both": (
        "Över {span} har {better} förbättrats och {worse} försämrats (trend över alla år).",
        "Over {span}, {better} improved and {worse} deteriorated (trend over all years).",
    ),
    "lead_better": (
        "Över {span} har {better} förbättrats (trend över alla år); inget mått har en påvisbar "
        "försämrande trend.",
        "Over {span}, {better} improved (trend over all years); no measure has a detectable "
        "downward trend.",
    ),
    "lead_worse": (
        "Över {span} har {worse} försämrats (trend över alla år); inget mått har en påvisbar "
        "förbättrande trend.",
        "Over {span}, {worse} deteriorated (trend over all years); no measure has a detectable "
        "upward trend.",
    ),
    "lead_none": (
        "Över {span} har inget mått en påvisbar trend, varken förbättring eller försämring.",
        "Over {span}, no measure has a detectable trend, neither improvement nor deterioration.",
    ),
    "caption_trend": (
        "Trend {span}: {slope} {unit} per år, {verdict}{holm}.",
        "Trend {span}: {slope} {unit} per year, {verdict}{holm}.",
    ),
    "caption_holm": (" (Holm, {n} test)", " (Holm, {n} tests)"),
    "unit_share": ("procentenheter", "percentage points"),
    "unit_index": ("procentenheter", "percentage points"),
    "unit_seconds": ("sekunder", "seconds"),
    "unit_hours": ("timmar", "hours"),
}
