"""Document sections from reliability results (``servqual reliability``/``alpha`` and reports):
the scale and item tables and their notes here, the validity tables in
:mod:`~servqual_cli.report.reliability_validity`, the shared table pieces in
:mod:`~servqual_cli.report.reliability_tables`."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import replace

from servqual_cli.core.omega import OMEGA_CFA
from servqual_cli.core.reliability import AlphaResult
from servqual_cli.core.scales import InstrumentReliability
from servqual_cli.report.catalog import scale_name
from servqual_cli.report.conf_level import with_level
from servqual_cli.report.numbers import fmt_int
from servqual_cli.report.reliability_tables import items_frame, scales_frame, withdrawn_note
from servqual_cli.report.reliability_tables import rel_label as _l
from servqual_cli.report.reliability_tables import rel_table as _table
from servqual_cli.report.reliability_tables import sheet_name as _sheet
from servqual_cli.report.reliability_validity import validity_blocks, validity_warnings
from servqual_cli.report.reliability_warnings import reader_sentence, reader_warnings
from servqual_cli.report.spec import Section, Table, Text

# Callers import the frames and the validity warnings from here, as before the split.
__all__ = ["alpha_sections", "items_frame", "reliability_sections", "scales_frame",
           "validity_warnings"]  # fmt: skip


def _ci_note(result: InstrumentReliability | AlphaResult, lang: str) -> str:
    """The interval note at the level actually used (``--conf``)."""
    scales = result.scales if isinstance(result, InstrumentReliability) else (result,)
    conf = scales[0].conf if scales else 0.95
    missing = str(result.missing)
    if result.ci_method == "bootstrap":
        note = _l("ci_note_bootstrap", lang)
        seed = "–" if result.seed is None else str(result.seed)  # a seed is a name, not a count
        note = note.replace("{n_boot}", fmt_int(result.n_boot, lang)).replace("{seed}", seed)
    else:  # the n Feldt's interval used, named (review 11, finding 8)
        note = _l(f"ci_note_feldt_{'listwise' if missing == 'listwise' else 'pairwise'}", lang)
        n = f", {fmt_int(scales[0].n, lang)}" if len(scales) == 1 else _l("ci_note_n_column", lang)
        note = note.replace("{n}", n)
    rule = _l(f"alpha_{missing}", lang) if missing in ("pairwise", "listwise") else ""
    return (f"{rule} " if rule else "") + with_level(note, conf, lang)


def _item_n_note(missing: str, lang: str, gap_table: bool = False) -> str:
    """What the item table's n counts; with ``gap_table`` (an instrument's E and P items) why
    its means can differ from the gap table's, which uses the pairs with both E and P (review
    10a, finding 7: item 1's E mean 5,62 here, 5,61 there, and no word why).

    >>> _item_n_note("listwise", "en")
    'n: the respondents who answered every item of the scale (listwise deletion); the mean and \
SD use them.'
    """
    note = _l("item_n_listwise" if missing == "listwise" else "item_n_pairwise", lang)
    return f"{note} {_l('item_n_gap_table', lang)}" if gap_table else note


def _omega_note(scales: Sequence[AlphaResult], lang: str) -> str | None:
    shown = [(scale_name(s.scale, lang), s.omega_problem) for s in scales if s.omega_problem]
    return withdrawn_note(shown, "omega_withdrawn", lang)


def reliability_sections(
    result: InstrumentReliability,
    lang: str,
    items: bool = True,
    title: str | None = None,
    n_rows: int | None = None,
    reverse: str | None = None,
    reversed_items: Collection[str] = (),
) -> list[Section]:
    """Reliability, item statistics, validity and CFA tables, then the warnings (the core's and
    :func:`validity_warnings`; ``n_rows``: the survey's rows, for the CFA's share of them;
    ``reverse``: the reversed items' rule, under the item table (review 13, finding 4) and the
    EFA's pattern matrix; ``reversed_items``: their columns, marked "(omvänt)" in the EFA's and
    the item statistics)."""
    note = _ci_note(result, lang) + " " + _l("omega_note_dims", lang)
    if any(s.omega_estimator == OMEGA_CFA for s in result.scales):
        note += " " + _l("omega_note_all", lang)
    withdrawn = _omega_note(result.scales, lang)
    if withdrawn:
        note += " " + withdrawn
    blocks: list[Table | Text] = [
        _table(
            scales_frame(result.scales),
            _l("reliability", lang),
            lang,
            _sheet("rel", lang),
            note,
            conf=result.scales[0].conf if result.scales else None,
        )
    ]
    if items:
        table = _table(
            items_frame(result.scales, reversed_items),  # marked "(omvänt)" (s18)
            _l("item_statistics", lang),
            lang,
            _sheet("items", lang),
            note=_item_n_note(str(result.missing), lang, gap_table=True)
            + (f" {reverse}" if reverse else ""),
            signed=("item_rest_r",),
        )
        blocks.append(replace(table, appendix=True))  # detail: the report's appendix
    # the EFA's item table too (closing 16), its reversed items marked (s18)
    blocks += validity_blocks(result, lang, reverse, reversed_items)
    for name, why in result.skipped.items():
        text = f"{_l('skipped', lang)}: {scale_name(name, lang)}: {reader_sentence(why, lang)}"
        blocks.append(Text(text, kind="warning", technical=True))
    # the checks of the instrument: for analysts; the web page collapses them (review 12b, 6)
    # the low-α caveats of several scales in one line (closing 17)
    for line in reader_warnings(result.warnings, lang):
        blocks.append(Text(line, kind="warning", technical=True))
    for w in validity_warnings(result, lang, n_rows):
        blocks.append(Text(w, kind="warning", technical=True))
    return [Section(title=title or "", blocks=tuple(blocks))]


def alpha_sections(
    result: AlphaResult, lang: str, reversed_items: Collection[str] = ()
) -> list[Section]:
    """``reversed_items``: the ``--reverse`` columns, marked "(omvänt)" in the item table."""
    note = _ci_note(result, lang)
    withdrawn = _omega_note([result], lang)
    if withdrawn:
        note += " " + withdrawn
    blocks: list[Table | Text] = [
        _table(
            scales_frame([result]),
            _l("reliability", lang),
            lang,
            _sheet("rel", lang),
            note,
            conf=result.conf,
        ),
        _table(
            items_frame([result], reversed_items),
            _l("item_statistics", lang),
            lang,
            _sheet("items", lang),
            note=_item_n_note(str(result.missing), lang),
            signed=("item_rest_r",),
            own_items=True,  # review 4, finding 6: the user's column names, as in the JSON
        ),
    ]
    blocks += [Text(reader_sentence(w, lang), kind="warning") for w in result.warnings]
    return [Section(title="", blocks=tuple(blocks))]
