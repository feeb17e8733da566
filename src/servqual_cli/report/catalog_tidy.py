"""Headers of the tidy table's own columns in ``-o FILE.xlsx --lang sv`` (review 13, finding 13).

The tidy table (the CSV's columns) has columns no terminal table shows (``level``,
``below_ci_low``, ``count_3``) and a few whose key another table of the same command uses for
something else (the toolbox's ``name`` is importance's "Storhet", a quantity; in the tidy table it
is the dimension's or item's name). These words are looked up before the command's own
(:mod:`servqual_cli.cli.output_xlsx`); every entry is ``key: (sv, en)`` as in the catalog.
"""

from __future__ import annotations

TIDY: dict[str, tuple[str, str]] = {
    "name": ("Namn", "Name"),
    "level": ("Nivå", "Level"),
    "item_n": ("n (påstående)", "n (item)"),  # reliability: beside the scale's own n
    "year": ("År", "Year"),
    "kpi": ("Nyckeltal", "KPI"),
    "n_municipalities": ("Antal kommuner", "Municipalities"),
    "previous_period": ("Föregående period", "Previous period"),
    "below_ci_low": ("Andel under A KI låg", "Share below A CI low"),
    "below_ci_high": ("Andel under A KI hög", "Share below A CI high"),
    "above_ci_low": ("Andel över D KI låg", "Share above D CI low"),
    "above_ci_high": ("Andel över D KI hög", "Share above D CI high"),
    "bottom2_ci_low": ("Botten-2 KI låg", "Bottom 2 CI low"),
    "bottom2_ci_high": ("Botten-2 KI hög", "Bottom 2 CI high"),
    "missing_blank": ("Saknas: tomma", "Missing: blank"),
    "missing_dont_know": ("Saknas: vet ej", "Missing: don't know"),
    "missing_out_of_range": ("Saknas: utanför skalan", "Missing: out of range"),
    **{f"count_{k}": (f"Antal svar {k}", f"Answers {k}") for k in range(11)},
    "p_adjusted": ("p (justerat)", "p (adjusted)"),
    "dz_ci_low": ("Cohens dz KI låg", "Cohen's dz CI low"),
    "dz_ci_high": ("Cohens dz KI hög", "Cohen's dz CI high"),
    "n_nonzero": ("n skilt från 0", "n non-zero"),
    "wilcoxon_method": ("Wilcoxon-metod", "Wilcoxon method"),
    "rank_biserial": ("Rangbiseriell r", "Rank-biserial r"),
    "rank_biserial_ci_low": ("Rangbiseriell r KI låg", "Rank-biserial r CI low"),
    "rank_biserial_ci_high": ("Rangbiseriell r KI hög", "Rank-biserial r CI high"),
    "rank_biserial_ci_note": ("Rangbiseriell r KI not", "Rank-biserial r CI note"),
    "n_servperf": ("n SERVPERF", "n SERVPERF"),
    "min_items": ("Minsta antal påståenden", "Least items"),
    "n_prorated": ("n med ifyllda medel", "n prorated"),
    # the second sheet: the notes the terminal prints, one per row
    "notes_sheet": ("Noter", "Notes"),
    "notes_section": ("Avsnitt", "Section"),
    "notes_kind": ("Typ", "Kind"),
    "notes_text": ("Text", "Text"),
    "notes_warning": ("Varning", "Warning"),
    "notes_note": ("Not", "Note"),
    "notes_paragraph": ("Förklaring", "Explanation"),
}
