"""The knowledge gap's report sections (PZB gap 1: staff's estimate of the citizens'
expectation against the expectation itself): the dimension and item tables, their readings and
the note naming the rules (Welch, Mann-Whitney, Hedges' g, Holm). Used by ``knowledge-gap``, its
``--by`` group tables (:mod:`servqual_cli.report.knowledge_groups`) and the report's section
(:mod:`servqual_cli.report.knowledge_part`); split from
:mod:`servqual_cli.report.toolbox_sections` when it outgrew 400 lines in session 16."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

import pandas as pd

from servqual_cli.report.conf_level import level_text
from servqual_cli.report.gap_labels import small_base_table
from servqual_cli.report.labels import exclusion_summary
from servqual_cli.report.spec import Figure, Section, Table, Text
from servqual_cli.report.toolbox_sections import table, tlabel

if TYPE_CHECKING:
    from servqual_cli.core.knowledge_gap import KnowledgeGap

KG_COLUMNS = ["n_customers", "n_staff", "customers", "staff", "diff", "ci_low", "ci_high",
              "p_welch", "p_mann_whitney", "hedges_g", "p_holm", "reading"]  # fmt: skip


def _readings(frame: pd.DataFrame, lang: str) -> pd.DataFrame:
    out = frame.copy()
    out["reading"] = out["reading"].map(lambda v: tlabel(f"kg_{v}", lang))
    return out


def _signed(built: Table, lang: str) -> Table:
    """``built`` with the difference written with its sign both ways ("+0,28" beside "−0,62"),
    as trend, service-survey and KPI write a change: over- and underestimation are the table's
    point (review 16, finding 11). The format carries to the terminal, Markdown, the web page
    and Excel's "+0.00;−0.00"."""
    head = tlabel("diff", lang)
    return replace(built, formats={**built.formats, head: "+.2f"})


def _marked(built: Table, conf: float, lang: str, family: str) -> Table:
    """``built`` with its "p (Holm)" column headed by the ``family`` ("p (Holm, 3 dimensioner)")
    and each difference that p tells from 0 marked, under- and overestimates alike (PZB's gap 1
    is any mismatch; review 14, finding 1), at the reading's own level (1 − conf), so a marked
    row reads "underskattar"/"överskattar" and no other row does. The column is renamed before
    it is flagged, so the legend names the head the reader sees from the start (closing 17: it
    was renamed after and the legend patched with str.replace)."""
    from servqual_cli.report.below_test import flag_below
    from servqual_cli.report.gap_labels import adjusted_label

    old, new = tlabel("p_holm", lang), adjusted_label("holm", family, lang)
    formats = {new if k == old else k: v for k, v in built.formats.items()}
    renamed = replace(built, frame=built.frame.rename(columns={old: new}), formats=formats)
    return flag_below(_signed(renamed, lang), tlabel("diff", lang), new, lang, "knowledge",
                      alpha=1.0 - conf)  # fmt: skip


def _tested(frame: pd.DataFrame, what: str, lang: str) -> str:
    """The Holm family of a whole-file table: the tests made (a p to adjust), as Holm counts.

    >>> _tested(pd.DataFrame({"p_holm": [0.1, float("nan"), 0.3]}), "items", "sv")
    '2 påståenden'
    """
    from servqual_cli.report.gap_labels import family_words

    return family_words(int(frame["p_holm"].notna().sum()), what, lang)


def knowledge_sections(
    res: KnowledgeGap, excluded: dict[str, dict[str, int]], lang: str, items: bool = True,
    title: str = "", exclusions: dict[str, str] | None = None, family: str = "",
) -> list[Section]:  # fmt: skip
    """The knowledge gap's tables and note; ``family`` (a ``--by`` group's table) names the
    Holm family over the groups in the p column's head and in the note."""
    sv = lang == "sv"
    # "p (Holm, 12 test, grupper × dimensioner)" as gap --by heads it; the whole file's
    # "p (Holm, 3 dimensioner)" and "p (Holm, 6 påståenden)" as gap's tables (w-left, s17: the
    # --by note named its family's size, the whole-file heads none)
    dims = _marked(table(tlabel("knowledge_dims", lang),
              _readings(res.dimensions[["dimension", *KG_COLUMNS]], lang), lang,
              signed=("diff",), sheet="Kunskapsgap" if sv else "Knowledge gap", conf=res.conf,
              note=("Skillnad = personalens bild − medborgarnas förväntan: negativ = personalen "
                    "underskattar vad medborgarna förväntar sig, positiv = personalen "
                    "överskattar det." if sv else
                    "Difference = staff's estimate − citizens' expectation: negative = staff "
                    "underestimate what citizens expect, positive = staff overestimate it.")),
              res.conf, lang, family or _tested(res.dimensions, "dimensions", lang))  # fmt: skip
    # a --by group's citizens below min_n: "Small base", as gap --by (review 13, finding 17)
    blocks: list[Table | Text | Figure] = [small_base_table(dims, res.dimensions, lang, res.min_n)]
    if items:
        sheet = "Kunskapsgap påst" if sv else "Knowledge items"
        frame = _readings(res.items[["item", "dimension", *KG_COLUMNS]], lang)
        blocks.append(_marked(table(tlabel("knowledge_items", lang), frame, lang,
                                    signed=("diff",), sheet=sheet, conf=res.conf), res.conf,
                              lang, _tested(res.items, "items", lang)))  # fmt: skip
    level = level_text(res.conf, lang)
    holm = tlabel("kg_holm_groups", lang).format(family=family) if family else ""
    holm = holm or tlabel("kg_holm", lang)
    rule = (
        "Welch t-test och Mann-Whitney; Hedges g med exakt småstickprovskorrektion; "
        f"{holm}. Tolkningen följer Holm-justerat p; "
        f"intervallen ({level} KI) gäller varje jämförelse för sig (ojusterade), så ett intervall "
        "utan 0 kan stå bredvid ”ingen säker skillnad”. En dimension räknas när minst hälften "
        "av påståendena är besvarade."
        if sv
        else "Welch t-test and Mann-Whitney; Hedges' g with the exact small-sample correction; "
        f"{holm}. The reading follows the Holm p; "
        f"the {level} intervals are per comparison (unadjusted), so an interval without 0 can "
        "stand beside “no clear difference”. A dimension counts when at least half of its items "
        "are answered."
    )
    who = "medborgare" if sv else "citizens"
    staff = "personal" if sv else "staff"
    notes = exclusions or {}  # each file's note (texts named, s16) without its stop
    excl = "; ".join(f"{(who if k == 'customers' else staff).capitalize()} – "
                     + (notes[k].removesuffix(".") if k in notes else exclusion_summary(v, lang))
                     for k, v in excluded.items())  # fmt: skip
    blocks.append(Text(f"{rule} {excl}." if excl else rule, kind="note"))  # a group: no ". ."
    return [Section(title=title, blocks=tuple(blocks))]


# The Wilson limits of the boxes are in the JSON/CSV (the terminal table is wide already).
