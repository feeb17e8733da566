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
from servqual_cli.report.html_glossary_terms import TERMS as _TERMS
from servqual_cli.report.spec import Document, Glance, Table, Text

__all__ = ["abbreviated", "glossary", "page_texts"]


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
    # review 12b, finding 10: short forms of the headers that stood unexplained
    "SE": ("medelfel", "standard error"),
    "SD": ("standardavvikelse", "standard deviation"),
    "fg": ("frihetsgrader", "degrees of freedom"),
    "df": ("frihetsgrader", "degrees of freedom"),
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
    glossary looks through for the terms it explains, with the notes and warnings between
    the tables and the overview cards' notes (also the
    report's own words around numbers: "kvot 1,21 …"). Titles, cells and names are left out, so
    a name from the data does not change the page's structure."""
    out: list[str] = []
    for section in doc.sections:
        for b in section.blocks:
            if isinstance(b, Table):
                out += [str(c) for c in b.frame.columns]
                if b.note:
                    out.append(b.note)
            elif isinstance(b, Text) and b.kind in ("note", "warning"):
                # the notes and warnings are the report's words too: a term they use ("Heywood",
                # "Taylorlinjärisering") is explained (review 12b, finding 6)
                out.append(b.text)
            elif isinstance(b, Glance):
                out += [r.note for r in b.rows if r.note]
                if b.note:
                    out.append(b.note)
    return out
