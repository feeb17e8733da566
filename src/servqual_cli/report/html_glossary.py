"""Plain words for the residents' web page: a short glossary and ``<abbr title>`` in headers.

The report's tables use the field's short forms ("KI låg", "p (Holm)", "Cohens dz",
"SERVPERF"). A resident reading the page should not need a statistics course: each short form
used in a table header is wrapped in ``<abbr title="...">`` (WCAG 3.1.4, abbreviations), and a
glossary after the sections explains every term the page uses, in a sentence each.

Everything from the data is escaped first; only the fixed terms below become markup.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from markupsafe import Markup, escape

from servqual_cli.report.conf_level import level_text
from servqual_cli.report.spec import Document, Glance, Table

__all__ = ["abbreviated", "glossary", "page_texts"]

# (term as shown, Swedish explanation, English explanation, Swedish and English spellings
# that trigger it in the page's text); "{level}": the run's confidence level (--conf)
_TERMS: tuple[tuple[str, str, str, tuple[str, ...]], ...] = (
    (
        "KI / CI",
        "Konfidensintervall: ett spann av rimliga värden för det verkliga värdet. Metoden "
        "träffar rätt med {level} säkerhet: i så stor andel av alla tänkbara urval täcker "
        "spannet det verkliga värdet. ”KI låg” och ”KI hög” är dess gränser.",
        "Confidence interval: a range of plausible values for the true value. The method is "
        "right with {level} confidence: in that share of all possible samples the range covers "
        "the true value. “CI low” and “CI high” are its limits.",
        ("KI", "CI"),
    ),
    (
        "p",
        "p-värde: hur troligt det är att få minst så stor skillnad av ren slump om det inte finns "
        "någon verklig skillnad. Under 0,05 är skillnaden svår att förklara med slumpen "
        "(statistiskt säkerställd); den kan ändå vara liten, och över 0,05 är den inte bevisat "
        "noll.",
        "p-value: how likely a difference at least this large would be by chance alone if there "
        "were no real difference. Below 0.05 the difference is hard to explain by chance "
        "(statistically significant); it may still be small, and above 0.05 it is not shown to "
        "be zero.",
        ("p",),
    ),
    (
        "Holm",
        "Holms metod: när många jämförelser görs samtidigt justeras p-värdena uppåt, så att "
        "slumpfynd inte räknas som säkra skillnader.",
        "Holm's method: when many comparisons are made at once the p-values are adjusted "
        "upwards, so that chance findings are not counted as clear differences.",
        ("Holm",),
    ),
    (
        "Cohens dz",
        "Cohens dz: hur stort gapet är i förhållande till hur mycket svaren varierar; 0,2 är "
        "litet, 0,5 medel och 0,8 stort.",
        "Cohen's dz: the size of the gap relative to how much the answers vary; 0.2 is small, "
        "0.5 medium and 0.8 large.",
        ("Cohens dz", "Cohen's dz"),
    ),
    (
        "Gap (P−E)",
        "Gap: upplevelse (P) minus förväntan (E). Under noll betyder att servicen inte når upp "
        "till det invånarna förväntar sig.",
        "Gap: perception (P) minus expectation (E). Below zero means the service falls short of "
        "what residents expect.",
        ("Gap",),
    ),
    (
        "SERVPERF",
        "SERVPERF: medelvärdet av enbart upplevelsen (P), utan förväntan (Cronin & Taylor 1992).",
        "SERVPERF: the mean of the perceptions (P) alone, without expectations (Cronin & Taylor "
        "1992).",
        ("SERVPERF",),
    ),
    (
        "k",
        "k: antalet kontakter som uppfyllde måttet (till exempel fick svar på frågan).",
        "k: the number of contacts that met the measure (for example got their question answered).",
        ("k",),
    ),
    (
        "Minsta påvisbara",
        # review 6, finding 3: a measured change smaller than the MDD can still be detectable
        # (the threshold for p < 0,05 is about z(0,975) / (z(0,975) + z(0,8)) = 0,70 of MDD80)
        "Minsta påvisbara förändring: den verkliga förändring som med 80\u00a0% sannolikhet "
        "hade upptäckts med så här många svar. Mindre verkliga förändringar upptäcks mer "
        "sällan, men en uppmätt förändring kan vara påvisbar fast den är mindre (se texten om "
        "gränsen för en påvisbar uppmätt förändring).",
        "Minimum detectable change: the true change that would have been detected with 80% "
        "probability with this many answers. Smaller true changes are detected less often, but "
        "a measured change can be detectable although it is smaller (see the text on the "
        "threshold for a detectable measured change).",
        ("Minsta påvisbara", "Minimum detectable"),
    ),
    (
        "Mee-score, Newcombe, Bonett-Price, Welch, Wilson",  # named from _METHODS' parts
        "Namn på metoder för konfidensintervall: {methods}.",
        "Names of confidence interval methods: {methods}.",
        ("Mee-score", "Mee score", "Bonett-Price", "Newcombe", "Wilson", "Welch"),
    ),
    (
        # review 10a, finding 9: the group tests' Welch is the ANOVA, not the interval of two means
        "Welch ANOVA",  # as the table header "p (Welch ANOVA)", in both languages
        "Welchs ANOVA: jämför medelvärdena i flera grupper utan att anta att svaren varierar "
        "lika mycket i alla grupper.",
        "Welch's ANOVA: compares the means of several groups without assuming that the answers "
        "vary equally in every group.",
        ("Welch ANOVA", "Welchs ANOVA", "Welch's ANOVA"),
    ),
    (
        "Wilcoxon, Mann-Whitney, Kruskal-Wallis",
        "Rangtest: prövar skillnader utan att anta normalfördelade svar.",
        "Rank tests: test differences without assuming normally distributed answers.",
        ("Wilcoxon", "Mann-Whitney", "Kruskal-Wallis"),
    ),
    (
        "Procentenheter",
        "Procentenheter: skillnaden mellan två andelar. Från 55\u00a0% till 81\u00a0% är +26 "
        "procentenheter (inte +26\u00a0%).",
        "Percentage points: the difference between two shares. From 55% to 81% is +26 "
        "percentage points (not +26%).",
        ("procentenheter", "percentage points"),
    ),
    (
        "Kvot",
        "Kvot: antalet den här perioden delat med antalet förra perioden (per dag räknat); 1,21 "
        "betyder 21\u00a0% fler. Fler synpunkter kan också betyda att fler hittar kanalen.",
        "Ratio: the count this period divided by the count last period (per day); 1.21 means 21% "
        "more. More feedback can also mean that more people find the channel.",
        ("kvot", "Kvot", "ratio", "Ratio"),
    ),
    (
        "Kaplan-Meier",
        "Kaplan-Meier: ett sätt att räkna tider där en del ännu inte har slutat, här synpunkter "
        "som ännu inte fått svar. De räknas som obesvarade i minst så många dagar som de hunnit "
        "vänta (censurerade), i stället för att lämnas utanför, så att medianen och 90:e "
        "percentilen inte ser kortare ut än de är. Deras intervall (Brookmeyer och Crowley) är "
        "de dagar då kurvans eget konfidensintervall når dit, räknat på log-skala som R:s "
        "survfit gör som förval; ”> N” som övre gräns betyder att den inte nås inom de N dagar "
        "som följts upp.",
        "Kaplan-Meier: a way to count times when some have not ended yet, here feedback items "
        "not yet answered. They count as unanswered for at least the days they have waited "
        "(censored), instead of being left out, so that the median and the 90th percentile do "
        "not look shorter than they are. Their interval (Brookmeyer and Crowley) is the days on "
        "which the curve's own confidence interval gets there, on the log scale as R survfit "
        "does by default; “> N” as the upper bound means it is not reached within the N days "
        "followed up.",
        # the feedback tables' censored day columns (their rule is a note under the tables)
        ("Kaplan-Meier", "Dagar till svar, median", "Days to reply, median"),
    ),
    (
        "Hodges-Lehmann",
        "Hodges-Lehmanns förskjutning: hur mycket tiderna som helhet har flyttat sig mellan två "
        "perioder (medianen av alla parvisa skillnader). Den hör ihop med Mann-Whitney-testet, "
        "så intervall och test säger samma sak.",
        "Hodges-Lehmann shift: how far the times as a whole have moved between two periods (the "
        "median of all pairwise differences). It belongs to the Mann-Whitney test, so the "
        "interval and the test agree.",
        ("Hodges-Lehmann", "Hodges-Lehmanns"),
    ),
    (
        "ω², ε²",
        "Effektstorlek för skillnader mellan grupper: hur stor del av variationen som grupperna "
        "förklarar (ω² ur variansanalysen, ε² ur Kruskal-Wallis); 0,01 är litet, 0,06 medel och "
        "0,14 stort.",
        "Effect size for differences between groups: the share of the variation the groups "
        "explain (ω² from the analysis of variance, ε² from Kruskal-Wallis); 0.01 is small, 0.06 "
        "medium and 0.14 large.",
        ("ω²", "ε²"),
    ),
    (
        "Games-Howell, Dunn",  # named from _METHODS' parts
        "Jämförelser av grupperna två och två, gjorda efter ett test av alla grupper: "
        "{methods}; p-värdena är justerade för att många par jämförs.",
        "Comparisons of the groups two by two, made after a test of all groups: {methods}; the "
        "p-values are adjusted because many pairs are compared.",
        ("Games-Howell", "Dunn"),
    ),
    (
        "Effektivt n",
        "Effektivt n: hur många svar ett viktat resultat är värt. Vikter som skiljer sig mycket "
        "åt gör det mindre än antalet svarande.",
        "Effective n: how many answers a weighted result is worth. Weights that differ a lot "
        "make it smaller than the number of respondents.",
        ("effektivt n", "effective n"),
    ),
    (
        "Listvis borttagning",
        "Listvis borttagning: bara de svarande som besvarat alla påståenden räknas. Med många "
        "tomma svar kan det bli få kvar, och resultatet beskriver då bara dem.",
        "Listwise deletion: only respondents who answered every statement count. With many "
        "blanks few may remain, and the result then describes only them.",
        ("listvis", "listwise"),
    ),
    (
        "Cronbachs α, McDonalds ω",
        "Reliabilitet: hur väl påståendena i en dimension mäter samma sak (0–1; 0,7 eller mer "
        "räknas ofta som tillräckligt).",
        "Reliability: how well the statements of a dimension measure the same thing (0–1; 0.7 "
        "or more is often taken as enough).",
        ("Cronbachs α", "Cronbach's α", "McDonalds ω", "McDonald's ω"),
    ),
    (
        "CFA, CFI, TLI, RMSEA, SRMR, AVE",
        "Faktoranalys (CFA) och dess passningsmått: hur väl dimensionerna beskriver svaren. AVE "
        "under 0,5 betyder att en dimension förklarar mindre än hälften av sina påståendens "
        "variation.",
        "Factor analysis (CFA) and its fit indices: how well the dimensions describe the "
        "answers. An AVE below 0.5 means a dimension explains less than half of its statements' "
        "variation.",
        ("CFA", "CFI", "TLI", "RMSEA", "SRMR", "AVE"),
    ),
    (
        "KMO, Bartlett",
        "Kontroller av om svaren passar för faktoranalys: KMO på 0,6 eller mer och ett litet p "
        "i Bartletts test talar för att påståendena hänger ihop.",
        "Checks of whether the answers suit a factor analysis: a KMO of 0.6 or more and a small "
        "p in Bartlett's test suggest that the statements hang together.",
        ("KMO", "Bartlett", "Bartletts"),
    ),
)

# Entries that name several methods name only those the page uses (review 7, finding 7: the
# glossary explained Bonett-Price, which no table used): the term lists the methods found, and
# "{methods}" in the explanation gets their clauses. Each part: (names with their triggers,
# Swedish clause, English clause); a part without clauses only names itself in the term.
_Part = tuple[tuple[tuple[str, tuple[str, ...]], ...], str, str]
_METHODS: dict[str, tuple[_Part, ...]] = {
    "Mee-score, Newcombe, Bonett-Price, Welch, Wilson": (
        ((("Wilson", ("Wilson",)),), "{names} för andelar", "{names} for shares"),
        # "Newcombes intervall": the Swedish KPI notes' genitive (x-small, s14: the Swedish
        # Lekeberg page used the interval and its glossary did not name it)
        ((("Mee-score", ("Mee-score", "Mee score")), ("Newcombe", ("Newcombe", "Newcombes"))),
         "{names} för skillnaden mellan två andelar", "{names} for the difference of two shares"),
        ((("Bonett-Price", ("Bonett-Price",)),), "{names} för skillnaden mellan två medianer",
         "{names} for the difference of two medians"),
        # only where Welch is the interval of two means (a trend's "p (Welch)", "Welch (index)",
        # "Welchs t-test"): the group tests' "Welch" is the ANOVA, its own entry (review 10a, 9)
        ((("Welch", ("p (Welch)", "Welch (index)", "Welchs t", "Welch's t", "Welch t")),),
         "{names} för skillnaden mellan två medelvärden",
         "{names} for the difference of two means"),
    ),
    "Wilcoxon, Mann-Whitney, Kruskal-Wallis": (
        ((("Wilcoxon", ("Wilcoxon",)),), "", ""),
        ((("Mann-Whitney", ("Mann-Whitney",)),), "", ""),
        ((("Kruskal-Wallis", ("Kruskal-Wallis",)),), "", ""),
    ),
    "Games-Howell, Dunn": (
        ((("Games-Howell", ("Games-Howell",)),), "{names} för medelvärden", "{names} for means"),
        ((("Dunn", ("Dunn",)),), "{names} för rangordningar", "{names} for ranks"),
    ),
}  # fmt: skip


# A method's name where English writes it otherwise (x-small, session 14: the English page's
# glossary read "Mee-score, Newcombe" beside notes that write "Mee score", the interval of
# Mee 1984; Newcombe's is Newcombe 1998, both in the report's references)
_ENGLISH_NAMES = {"Mee-score": "Mee score"}


def _used(trigger: str, blob: str) -> bool:
    """A method's name occurs in the page's text as a word (a Swedish compound such as
    "Wilson-intervall" or "Mann-Whitney-testets" counts), not as the alternative an option
    would take ("Newcombe med --test fisher": the run used Mee-score)."""
    pattern = rf"(?<![\w-]){re.escape(trigger)}(?!\w)(?!\s+(?:med|with) --)"
    return re.search(pattern, blob) is not None


def _methods_entry(term: str, text: str, blob: str, lang: str) -> tuple[str, str] | None:
    """A methods entry naming only the methods found in ``blob``; None when none is.

    >>> _methods_entry("Mee-score, Newcombe, Bonett-Price, Welch, Wilson",
    ...     "Metoder: {methods}.", "Intervall: Wilson (andelar), Mee-score (andelar; Newcombe "
    ...     "med --test fisher), Welch (index).", "sv")
    ('Wilson, Mee-score, Welch', 'Metoder: Wilson för andelar, Mee-score för skillnaden \
mellan två andelar, Welch för skillnaden mellan två medelvärden.')
    >>> _methods_entry("Mee-score, Newcombe, Bonett-Price, Welch, Wilson", "Methods: {methods}.",
    ...     "Intervals: Mee score (shares; Newcombe with --test fisher).", "en")
    ('Mee score', 'Methods: Mee score for the difference of two shares.')
    """
    from servqual_cli.report.word_lists import join_words

    names: list[str] = []
    clauses: list[str] = []
    for methods, sv, en in _METHODS[term]:
        found = [name for name, triggers in methods if any(_used(t, blob) for t in triggers)]
        if not found:
            continue
        if lang != "sv":
            found = [_ENGLISH_NAMES.get(name, name) for name in found]
        names += found
        clause = sv if lang == "sv" else en
        if clause:
            clauses.append(clause.format(names=join_words(found, lang)))
    if not names:
        return None
    return ", ".join(names), text.replace("{methods}", ", ".join(clauses))


# short forms in table headers and their expansions (sv, en)
_ABBR: dict[str, tuple[str, str]] = {
    "KI": ("konfidensintervall", "confidence interval"),
    "CI": ("confidence interval", "confidence interval"),
    "Holm": ("p justerat för många jämförelser (Holms metod)", "p adjusted for many comparisons "
             "(Holm's method)"),
    "dz": ("effektstorlek: gapet i förhållande till svarens spridning",
           "effect size: the gap relative to the spread of the answers"),
    "SERVPERF": ("medelvärdet av upplevelsen (P)", "the mean perception (P)"),
    "k": ("antal som uppfyllde måttet", "number that met the measure"),
    "KW": ("Kruskal-Wallis (rangtest)", "Kruskal-Wallis (rank test)"),
    "CFA": ("konfirmatorisk faktoranalys", "confirmatory factor analysis"),
    "AVE": ("genomsnittlig förklarad varians", "average variance extracted"),
    "KMO": ("Kaiser-Meyer-Olkin, lämplighet för faktoranalys",
            "Kaiser-Meyer-Olkin, suitability for factor analysis"),
}  # fmt: skip
_ABBR_RE = re.compile(r"(?<![\w-])(" + "|".join(map(re.escape, _ABBR)) + r")(?![\w-])")


def abbreviated(text: str, lang: str) -> Markup:
    """A table header with its short forms explained: ``<abbr title="...">KI</abbr> låg``.

    The text is escaped first, so nothing from the data becomes markup.

    >>> str(abbreviated("KI låg", "sv"))
    '<abbr title="konfidensintervall">KI</abbr> låg'
    >>> str(abbreviated("<b>k</b>", "en"))
    '&lt;b&gt;<abbr title="number that met the measure">k</abbr>&lt;/b&gt;'
    >>> str(abbreviated("Kontakter", "sv"))
    'Kontakter'
    """
    escaped = str(escape(text))
    pick = 0 if lang == "sv" else 1

    def wrap(m: re.Match[str]) -> str:
        title = escape(_ABBR[m.group(1)][pick])
        return f'<abbr title="{title}">{m.group(1)}</abbr>'

    return Markup(_ABBR_RE.sub(wrap, escaped))


def glossary(texts: Iterable[str], lang: str, conf: float | None = None) -> list[tuple[str, str]]:
    """The glossary entries whose terms occur in ``texts`` (the page's headers and notes), in
    a fixed order: (term, explanation in ``lang``).

    ``conf`` is the level the page's intervals were computed at (``--conf``, the document's
    ``meta["conf"]``); a page that does not say explains the interval without a number
    rather than name a level it may not have used.

    >>> [t for t, _ in glossary(["KI låg", "p (Holm)"], "sv")]
    ['KI / CI', 'p', 'Holm']
    >>> "träffar rätt med 90\xa0% säkerhet" in glossary(["KI låg"], "sv", 0.9)[0][1]
    True
    >>> "right with the stated confidence:" in glossary(["CI low"], "en")[0][1]
    True
    >>> glossary(["Kontakter"], "sv")
    []
    """
    blob = " ".join(texts)
    if conf is None:
        level = "angiven" if lang == "sv" else "the stated"  # "med angiven säkerhet"
    else:
        level = level_text(conf, lang)
    out = []
    for term, sv, en, triggers in _TERMS:
        text = sv if lang == "sv" else en
        if term in _METHODS:  # only the methods the page uses (review 7, finding 7)
            entry = _methods_entry(term, text, blob, lang)
            if entry is not None:
                out.append(entry)
        elif any(re.search(rf"(?<![\w-]){re.escape(t)}(?![\w-])", blob) for t in triggers):
            out.append((term, text.replace("{level}", level)))
    return out


def page_texts(doc: Document) -> list[str]:
    """The column headers and notes of the page's tables (the report's own words): what the
    glossary looks through for the terms it explains, with the overview cards' notes (also the
    report's own words around numbers: "kvot 1,21 …"). Titles, cells and names are left out, so
    a name from the data does not change the page's structure."""
    out: list[str] = []
    for section in doc.sections:
        for b in section.blocks:
            if isinstance(b, Table):
                out += [str(c) for c in b.frame.columns]
                if b.note:
                    out.append(b.note)
            elif isinstance(b, Glance):
                out += [r.note for r in b.rows if r.note]
                if b.note:
                    out.append(b.note)
    return out
