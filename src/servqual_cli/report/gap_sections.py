"""Build document sections from gap results (shared by ``servqual gap`` and ``servqual report``).

The tables are built in :mod:`~servqual_cli.report.gap_tables`, the APA lines in
:mod:`~servqual_cli.report.gap_apa` and the ``--by`` section in
:mod:`~servqual_cli.report.group_gap_sections`; this module puts one analysis's blocks in order.
"""

from __future__ import annotations

from servqual_cli.core.gaps import GapAnalysis
from servqual_cli.core.small_samples import MIN_N
from servqual_cli.report.catalog import TOOLBOX as TOOLBOX_LABELS
from servqual_cli.report.catalog import count_text, exclusion_summary, label
from servqual_cli.report.gap_apa import apa_lines
from servqual_cli.report.gap_tables import dimension_table, item_table, overall_table
from servqual_cli.report.spec import Section, Table, Text


def gap_sections(
    result: GapAnalysis,
    excluded: dict[str, int],
    lang: str,
    items: bool = True,
    min_n: int = MIN_N,
    *,
    survey_weights: str | None = None,
    importance_columns: str | None = None,
    exclusions: str | None = None,
    no_answer: list[int] | None = None,
) -> list[Section]:
    """The dimension gaps, APA lines, item gaps and overall score of a gap analysis.

    ``survey_weights`` (the ``--weight-column``) titles the table "unweighted (the sample)", labels
    its APA lines so and points to the weighted table above it; ``importance_columns``
    ("W1–W5") names the importance weights the overall score lacks (review 2, item 7: "no
    weights in the file" read as if the survey weights were missing). Rows with n below
    ``min_n`` are flagged "small base".
    ``exclusions`` is the exclusions note as the command made it
    (:func:`~servqual_cli.report.exclusion_words.exclusion_note`: the columns of the excluded
    cells, the commonest invalid texts and ``--excluded FILE``); without it, the counts alone.
    ``no_answer``: the file rows with no valid answer in any item
    (:func:`~servqual_cli.io.survey.rows_without_answers`), left out when the survey was read
    (so not in ``result.n_rows``) and named here.
    """
    title = None
    if survey_weights is not None:
        title = f"{label('dimension_gaps', lang)} – {label('unweighted_sample', lang)}"
    blocks: list[Table | Text] = [dimension_table(result, lang, title, min_n=min_n)]
    if survey_weights is not None:  # the weighted table with its tests stands first
        note = label("weights_first_note", lang, TOOLBOX_LABELS).format(column=survey_weights)
        blocks.append(Text(note, kind="note"))
    sample = survey_weights is not None
    blocks += [Text(line, kind="apa") for line in apa_lines(result, lang, sample)]
    if items:
        blocks.append(item_table(result, lang, survey_weights=survey_weights))
    blocks.append(overall_table(result, lang, importance_columns))
    summary = f"{exclusion_summary(excluded, lang)}." if exclusions is None else exclusions
    empty = no_answer or []
    n = count_text(result.n_rows, lang)  # the rows without answers were left out when read
    text = f"{label('respondents', lang)}: {n}. {no_answer_text(empty, lang)}{summary}"
    blocks.append(Text(text, kind="note"))
    return [Section(title="", blocks=tuple(blocks))]


def no_answer_text(rows: list[int] | tuple[int, ...], lang: str) -> str:
    """The sentence on the rows with no valid answer, with a space after it; "" when none.

    >>> no_answer_text([167], "sv"), no_answer_text([], "en")
    ('1 rad utan något giltigt svar i påståendena (rad 167) räknas inte som svarande. ', '')
    >>> no_answer_text([7, 9], "en")
    '2 rows with no valid answer to any item (rows 7, 9) are not counted as respondents. '
    """
    if not rows:
        return ""
    from servqual_cli.io.duplicates import row_list

    key = "no_answer_row" if len(rows) == 1 else "no_answer_rows"
    text = label(key, lang).format(n=count_text(len(rows), lang), rows=row_list(rows, lang == "sv"))
    return f"{text} "
