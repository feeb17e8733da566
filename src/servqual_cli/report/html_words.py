"""Words of the HTML page that no other renderer needs (the shared words are in the catalog).

>>> hw("skip", "sv"), hw("made_with", "en", version="0.1.0")
('Hoppa till innehållet', 'Made with servqual-cli 0.1.0.')
"""

from __future__ import annotations

WORDS: dict[str, tuple[str, str]] = {
    "skip": ("Hoppa till innehållet", "Skip to content"),
    "toc": ("Innehåll", "Contents"),
    "published": ("Publicerad", "Published"),
    "downloads": ("Hela underlaget", "All the data"),
    "excel": ("Alla tabeller i Excel", "All tables in Excel"),
    "manifest": (
        "Manifest: indata, kontrollsummor och programversion",
        "Manifest: inputs, checksums and software version",
    ),
    "show_table": ("Visa tabellen", "Show the table"),
    "chart_data": ("Diagrammets värden i en tabell", "The chart's values as a table"),
    "csv": ("Diagrammets värden som CSV-fil", "The chart's values as a CSV file"),
    "chart_tail": (
        "Värdena finns i tabellen under diagrammet.",
        "The values are in the table below the chart.",
    ),
    "warning": ("Varning", "Warning"),
    # a section's technical warnings, collapsed (review 12b, finding 6)
    "technical": ("Tekniska varningar", "Technical warnings"),
    "technical_lead": (
        "Några kontroller av enkätens mätegenskaper gav varningar, se detaljerna.",
        "Some checks of the survey's measurement properties gave warnings, see the details.",
    ),
    "made_with": ("Skapad med servqual-cli {version}.", "Made with servqual-cli {version}."),
    "change_since": ("Förändring sedan {period}", "Change since {period}"),
    "change": ("Förändring", "Change"),
    "target": ("Mål", "Target"),
    "norm": ("Norm", "Norm"),
    "at_least": ("minst", "at least"),
    "at_most": ("högst", "at most"),
    "others": ("Övriga kommuners medel", "Other municipalities' mean"),
    "rank": ("Placering", "Rank"),
    "period": ("Period", "Period"),
    "answers": ("Antal (n)", "Number (n)"),  # answers, contacts or cases
    "value": ("Värde", "Value"),
    "gap": ("Gap", "Gap"),  # a SERVQUAL card's value (review 12b, finding 14)
    # an empty first column header (row labels) named on the page (review 12b, finding 14)
    "row_head": ("Mått", "Measure"),
    "chart_region": ("Diagram", "Chart"),  # the chart's scroll region, unlike its table's
    "too_few_note": (  # review 12a finding 3: marked, not hidden
        # "svar eller fall": a KPI counts cases, not answers (review 14 finding 4)
        "”Litet underlag”: värdet bygger på färre än {min_n} svar eller fall och är osäkert; "
        "bedömningarna följer konfidensintervallen, som tar hänsyn till det.",
        "“Small base”: the value rests on fewer than {min_n} answers or cases and is "
        "uncertain; the verdicts follow the confidence intervals, which allow for it.",
    ),
    "index_group": ("Rapport", "Report"),
    "glossary": ("Ordlista", "Glossary"),
    "glossary_intro": (
        "Ord och förkortningar i rapportens tabeller, förklarade kort.",
        "Words and abbreviations in the report's tables, briefly explained.",
    ),
}


def hw(key: str, lang: str, **fill: object) -> str:
    """The HTML word ``key`` in ``lang`` (``sv`` or ``en``), placeholders filled."""
    pair = WORDS[key]
    text = pair[0] if lang == "sv" else pair[1]
    return text.format(**fill) if fill else text
