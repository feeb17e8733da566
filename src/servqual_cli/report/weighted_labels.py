"""One rule for a weighted report's titles: every table and figure says whether it is weighted.

A report with ``[survey] weight_column`` shows population estimates (the cards, the weighted
gaps, the groups' weighted gaps, Figur 1) beside parts that have no weighted form here: the
unweighted gap tables, the items, the IPA, the comparison of the dimensions, the answer
distributions and the zone of tolerance. Session 12 (w-weight): the IPA table, the answer
distributions and the zone of tolerance were unweighted under bare titles, and the heatmap,
weighted, did not say so in its title. The rule, stated in the method note
(``method_weight_rule``): a weighted table or figure has "viktat efter {column}" in its title,
an unweighted one "oviktat (urvalet)" and a sentence saying what it describes. The answer
distributions and the zone of tolerance stay unweighted: their quartiles, skewness, Wilson
intervals and t-tests have no cheap design-based form, and the zone of tolerance often comes
from another file than the weights. Session 12 (p-polish): the reliability part (alpha, omega,
the validity checks and the item statistics) is unweighted too, and now labelled so.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from typing import TYPE_CHECKING

from servqual_cli.report.catalog import TOOLBOX, label
from servqual_cli.report.chart_words import cw
from servqual_cli.report.note_join import join_sentences
from servqual_cli.report.spec import Figure, Section, Table

if TYPE_CHECKING:
    from servqual_cli.report.build import ReportContext
    from servqual_cli.report.spec import Block

__all__ = ["report_weight_column", "unweighted_blocks", "unweighted_sections",
           "unweighted_table_title", "weighted_figure_title"]  # fmt: skip


def report_weight_column(ctx: ReportContext) -> str | None:
    """The report's ``[survey] weight_column`` (None: an unweighted report, no labels)."""
    return ctx.config.survey.weight_column if ctx.config.survey else None


def unweighted_table_title(title: str, column: str | None, lang: str) -> str:
    """ "Gap per dimension – oviktat (urvalet)" in a weighted report, the title unchanged in an
    unweighted one (as Tabell 2 and the unweighted group tests are titled).

    >>> unweighted_table_title("IPA", "Vikt", "en"), unweighted_table_title("IPA", None, "sv")
    ('IPA – unweighted (the sample)', 'IPA')
    """
    if column is None:
        return title
    return f"{title} – {cw('chart_fig_unweighted_basis', lang)}"


def weighted_figure_title(title: str, column: str | None, lang: str) -> str:
    """ "Gap per dimension och grupp, viktat efter Vikt" (a weighted figure, as Figur 1).

    >>> weighted_figure_title("Heatmap", "Vikt", "en")
    'Heatmap, weighted by Vikt'
    """
    if column is None:
        return title
    return cw("chart_fig_weighted_title", lang, title=title, column=column)


def unweighted_blocks(
    blocks: Iterable[Block], column: str | None, lang: str, what: str
) -> tuple[Block, ...]:
    """``blocks`` of a part with no weighted form, labelled for a weighted report: each table's
    title gets "– oviktat (urvalet)" and its note the sentence ``what`` (a key of this module's
    catalog block, formatted with the column); each figure's title ", oviktat (urvalet)", its
    caption the sentence and its description the words of Figur 2. Unchanged without weights.

    >>> import pandas as pd
    >>> t = Table("Toleranszon per dimension", pd.DataFrame({"a": [1]}), note="MSA = P − A.")
    >>> out = unweighted_blocks([t], "Vikt", "sv", "weight_rule_tolerance")[0]
    >>> out.title
    'Toleranszon per dimension – oviktat (urvalet)'
    >>> out.note.startswith("MSA = P − A. Oviktat (urvalet): toleranszonen är inte viktad efter")
    True
    """
    shown = list(blocks)
    if column is None:
        return tuple(shown)
    sentence = label(what, lang, TOOLBOX).format(column=column)
    out: list[Block] = []
    for block in shown:
        if isinstance(block, Table):
            # each sentence ended before the rule's (review 13, finding 18: "… (lavaans
            # standard) Oviktat (urvalet): …")
            note = join_sentences(block.note, sentence)
            block = dataclasses.replace(
                block, title=unweighted_table_title(block.title, column, lang), note=note
            )
        elif isinstance(block, Figure):
            caption = join_sentences(block.caption, sentence)
            words = cw("chart_fig_unweighted_desc", lang, column=column)
            block = dataclasses.replace(
                block,
                title=cw("chart_fig_unweighted_title", lang, title=block.title),
                caption=caption,
                description=f"{block.description} {words}" if block.description else words,
            )
        out.append(block)
    return tuple(out)


def unweighted_sections(
    sections: Iterable[Section], column: str | None, lang: str, what: str
) -> tuple[Section, ...]:
    """:func:`unweighted_blocks` over each section's blocks."""
    return tuple(
        dataclasses.replace(s, blocks=unweighted_blocks(s.blocks, column, lang, what))
        for s in sections
    )
