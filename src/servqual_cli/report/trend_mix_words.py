"""Words of the trend's area-mix warnings and like-for-like totals
(:mod:`~servqual_cli.report.trend_mix_section`, review 16 finding 2), spread into
:data:`servqual_cli.report.catalog_measurement.MEASUREMENT` (that catalog is near its 400 lines;
the channels and the verdicts are its own words, ``phone``, ``email``, ``better``, ``worse``).
Each entry is ``key: (sv, en)``.

Closing 17: the words stood in the section module, and the series sentence said in English
something other than in Swedish ("read the areas' own values first" beside "the total's trend
mixes a change of level with a change of areas"); both now say the same.
"""

from __future__ import annotations

TREND_MIX: dict[str, tuple[str, str]] = {
    "mix_absent": (
        "Totalerna (alla områden) bygger på olika områden åren {before} och {after}: "
        "{areas} (kontakter {before} → {after}). Tabellen ”{title}” jämför utan de "
        "områden och kanaler som nämns här.",
        "The totals (all areas) are built on different areas in {before} and {after}: "
        '{areas} (contacts {before} → {after}). The table "{title}" compares without the '
        "areas and channels named here.",
    ),
    "mix_sharp": (
        "Antalet kontakter skiljer sig kraftigt mellan {before} och {after} i {areas} "
        "(kontakter {before} → {after}): totalerna väger områdena olika de två åren. "
        "Tabellen ”{title}” jämför utan de områden och kanaler som nämns här.",
        "The number of contacts differs sharply between {before} and {after} in "
        "{areas} (contacts {before} → {after}): the totals weigh the areas differently "
        'in the two years. The table "{title}" compares without the areas and channels '
        "named here.",
    ),
    "mix_title": ("Förändring, samma områden båda åren", "Change, the same areas both years"),
    "mix_series": (
        "Trenden över alla år bygger på totaler över olika områden: {areas} (kontakter "
        "{years}); totalens trend blandar en förändring av nivån med en förändring av vilka "
        "områden som ingår.",
        "The trend over all years rests on totals over different areas: {areas} (contacts "
        "{years}); the total's trend mixes a change of level with a change of which areas it "
        "contains.",
    ),
    "mix_series_sharp": (
        "Antalet kontakter skiljer sig kraftigt mellan åren i {areas} (kontakter "
        "{years}): totalerna över alla år väger områdena olika.",
        "The number of contacts differs sharply between the years in {areas} "
        "(contacts {years}): the totals over all years weigh the areas "
        "differently.",
    ),
    "mix_card": (
        "Totalen bygger på olika områden de två åren ({areas}); med samma områden båda "
        "åren {before} → {after}, förändring {diff} (p efter Holm {p}, {verdict}).",
        "The total is built on different areas in the two years ({areas}); with the same "
        "areas both years {before} → {after}, change {diff} (Holm-adjusted p {p}, {verdict}).",
    ),
    # a time's change is the Hodges-Lehmann shift, not the medians' difference (the table's)
    "mix_card_median": (
        "Totalen bygger på olika områden de två åren ({areas}); med samma områden båda åren "
        "medianen {before} → {after}, typisk förskjutning {diff} (p efter Holm {p}, {verdict}).",
        "The total is built on different areas in the two years ({areas}); with the same areas "
        "both years the median {before} → {after}, typical shift {diff} (Holm-adjusted p {p}, "
        "{verdict}).",
    ),
    "mix_card_sharp": (
        "Antalet kontakter skiljer sig kraftigt mellan åren ({areas}): totalen väger "
        "områdena olika.",
        "The number of contacts differs sharply between the years ({areas}): the "
        "total weighs the areas differently.",
    ),
    "mix_sheet": ("Samma områden", "Same areas"),
    "mix_note": (
        "Totalerna utan de områden och kanaler som nämns ({areas}), båda åren, med samma "
        "test, intervall och justering som totalerna ovan. Regel: ett område och en kanal "
        "nämns och lämnas utan när ett år har inga kontakter där eller färre än hälften av "
        "det andra årets.",
        "The totals without the areas and channels named ({areas}), in both years, with the "
        "same test, interval and adjustment as the totals above. Rule: an area and channel "
        "is named and left out when one year has no contacts there or fewer than half the "
        "other year's.",
    ),
}
