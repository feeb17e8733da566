"""``servqual items``' run (the command and its options are in
:mod:`~servqual_cli.cli.toolbox`): item distributions of an instrument's question sets or of
the ``--items`` columns, weighted with ``--weight-column``, with the notes on duplicates, scale
use, reversed items, recoded answers and unused weight columns.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from servqual_cli.cli.toolbox_parts import parse_scale_range, weighted_items, with_weighted_items

if TYPE_CHECKING:
    from pathlib import Path

    from servqual_cli.cli import options as o


def run_items(
    *,
    file: str,
    instrument: str | None,
    item_columns: str | None,
    scale_range: str | None,
    missing_codes: str | None,
    fmt: o.OutputFormat | None,
    output: Path | None,
    sheet: str | None,
    encoding: str | None,
    header_row: int | None,
    strict: bool,
    excluded: Path | None,
    lang: o.Lang,
    conf: float,
    chart: bool,
    weight_column: str | None,
) -> None:
    """Run ``servqual items`` with the command's options (see
    :func:`~servqual_cli.cli.toolbox.items`)."""
    import numpy as np

    from servqual_cli.cli.output import emit, guard, write_exclusions
    from servqual_cli.core.item_distribution import item_distributions
    from servqual_cli.errors import UsageError
    from servqual_cli.report.duplicate_note import duplicate_record, duplicate_sections
    from servqual_cli.report.recode_note import recode_sections, recoded_of, recoded_records
    from servqual_cli.report.spec import Document
    from servqual_cli.report.toolbox_sections import item_distribution_sections, weighted_sections

    inputs = [file] + ([instrument] if instrument else [])  # never write onto what is read
    # guard: every output check in one call (the --excluded .csv/.txt rule and '-' were
    # skipped here: review 10b finding 5's fix did not reach this command)
    guard(inputs, output=output, excluded=excluded, fmt=fmt)
    from servqual_cli.cli.options import parse_missing_codes

    codes = parse_missing_codes(missing_codes)  # bad usage before the file is read
    if item_columns is not None:
        from servqual_cli.io.item_set import load_item_set

        if weight_column is not None:
            raise UsageError("--weight-column works with an instrument, not with --items",
                             code="weight_column_with_items")  # fmt: skip
        bounds = parse_scale_range(scale_range)
        if bounds is None:  # top-2/bottom-2 boxes and out-of-range checks need the scale ends
            raise UsageError("--items needs --scale-range min,max (e.g. 1,5)",
                             code="items_need_scale_range")  # fmt: skip
        # --items takes names, globs and ranges (E*, P1-P22), as servqual alpha does.
        loaded = load_item_set(file, item_columns, None, bounds, sheet, encoding, header_row,
                               strict, missing=codes)  # fmt: skip
        values = loaded.frame.to_numpy(dtype=float)
        labels = [str(c) for c in loaded.frame.columns]
        sets = [""] * len(labels)
        excl, exclusions = loaded.excluded, loaded.exclusions
        describe = loaded.input or {"file": file}
        inst_dict: dict[str, Any] | None = None
        reversed_cols: list[int] = []
        duplicates = loaded.duplicates
        recoded = recoded_of(loaded.exclusion_log)  # answers read from text (13a)
    else:
        from servqual_cli.instruments.toml import load_instrument
        from servqual_cli.io.read import read_table
        from servqual_cli.io.role_data import load_roles, present_roles

        if scale_range is not None:
            raise UsageError("--scale-range goes with --items; an instrument has its own scale",
                             code="scale_range_with_instrument")  # fmt: skip
        if codes:  # the instrument's TOML declares them (its `missing` list), as its scale
            raise UsageError("--missing-codes goes with --items; an instrument declares its own "
                             "missing answers (`missing` in its TOML)",
                             code="missing_codes_with_instrument")  # fmt: skip
        inst = load_instrument(instrument)
        table = read_table(file, sheet=sheet, encoding=encoding, header_row=header_row)
        roles = present_roles(table, inst)
        if not roles:
            first = inst.items[0]
            raise UsageError(
                f"no question set of instrument {inst.name!r} is in the file (looked for "
                f"{inst.expectation_column(first)}, {inst.perception_column(first)}, ...); "
                "name the columns with --items",
                code="no_question_set",
                facts={
                    "name": inst.name,
                    "e": inst.expectation_column(first),
                    "p": inst.perception_column(first),
                },
            )
        data = load_roles(table, inst, roles, weight_column=weight_column, strict=strict)
        values = np.column_stack([data.matrices[r] for r in roles])
        labels = [c for r in roles for c in data.columns[r]]
        sets = [r for r in roles for _ in data.items]
        bounds = inst.scale
        rev = [k for k, item in enumerate(inst.items) if item in set(inst.reverse)]
        reversed_cols = [r * len(data.items) + k for r in range(len(roles)) for k in rev]
        excl, exclusions, describe = data.excluded, data.exclusions, table.describe()
        inst_dict = inst.to_dict()
        duplicates, recoded = data.duplicates, data.recoded
    from servqual_cli.io.role_data import missing_by_column

    missing = missing_by_column(exclusions)
    res = item_distributions(values, labels, bounds, missing, sets, conf)
    payload: dict[str, Any] = {"input": describe, "instrument": inst_dict, "excluded": excl,
                               "recoded_text": recoded_records(recoded),
                               **res.to_dict()}  # fmt: skip
    none: tuple[str, ...] = ()
    in_file: tuple[tuple[str, str, int], ...] = ()
    if codes:  # absent without the option (the output is unchanged)
        from servqual_cli.io.code_cells import codes_without_cells

        none = codes_without_cells(codes, loaded.exclusion_log)  # review 17, finding 10
        in_file = loaded.file_codes  # the SPSS file's own: not "no cell" (review 18, #11)
        none = tuple(c for c in none if c not in {f[0] for f in in_file})
        payload["missing_codes"] = list(codes)
        payload["missing_codes_no_cell"] = list(none)
        payload["missing_codes_in_file"] = [
            {"code": c, "label": t, "cells": n} for c, t, n in in_file
        ]
    from servqual_cli.io.scale_use import scale_use
    from servqual_cli.report.scale_use_note import scale_use_sections

    use = scale_use({"items": values}, bounds, reversed_cols)  # a 1–6 file read as 1–7
    if use is not None and item_columns is None:  # an instrument's scale: name the remedy
        from dataclasses import replace

        use = replace(use, source=file)
    payload["scale_use"] = None if use is None else use.to_dict()
    payload["duplicate_rows"] = duplicate_record(duplicates)  # review 2 item 23h
    sections = duplicate_sections(duplicates, lang.value) + scale_use_sections(use, lang.value)
    if item_columns is None:  # an instrument: name its reversed items and their scoring
        from servqual_cli.report.reverse_note import reverse_note
        from servqual_cli.report.spec import Section, Text

        reversed_items = reverse_note(inst, lang.value)
        if reversed_items:
            sections.append(Section("", (Text(reversed_items, kind="note"),)))
    from servqual_cli.report.exclusion_words import exclusion_note

    # the invalid texts named, as gap names them (session 16)
    note, payload["excluded_detail"] = exclusion_note(excl, exclusions, lang.value)
    from servqual_cli.report.gap_sections import no_answer_text

    # the rows with no answer, left out when read (io, session 18), named as gap names them
    dropped = loaded.no_answer_rows if item_columns is not None else data.no_answer_rows
    payload["rows_without_answers"] = list(dropped)
    note = no_answer_text(dropped, lang.value) + note
    sections += item_distribution_sections(res, excl, lang.value, chart, exclusions=note)
    if codes:  # the rule, after the table whose counts of "declared missing" it explains
        from servqual_cli.report.missing_codes_note import missing_codes_sections

        sections += missing_codes_sections(codes, lang.value, none, in_file)
    sections += recode_sections(recoded, lang.value)
    if item_columns is None and data.weights is not None:
        summary = weighted_items(values, labels, bounds, data.weights, data.weight_column, conf)
        payload["weighted"] = summary.to_dict()
        sections += weighted_sections(summary, lang.value)
    if item_columns is None:  # review 4 finding 4: an unused weight column is named, as in gap
        from servqual_cli.io.weight_column import unused_weight_columns
        from servqual_cli.report.toolbox_sections import unused_weight_section

        used = [weight_column, *(c for cols in data.columns.values() for c in cols)]
        payload["unused_weight_columns"] = unused_weight_columns(table.columns, used)
        sections = [*unused_weight_section(payload["unused_weight_columns"], lang.value),
                    *sections]  # fmt: skip
    head = "Svarsfördelning" if lang.value == "sv" else "Item distributions"
    from servqual_cli.cli.short_row_note import short_row_note  # a CSV cut short (review 6 #10)

    sections += short_row_note(describe, lang.value)
    doc = Document(title=f"{head} – {describe['file']}", sections=tuple(sections))
    tidy = res.table.join(res.counts.add_prefix("count_")).join(res.missing.add_prefix("missing_"))
    tidy = with_weighted_items(tidy, payload.get("weighted"), dict(zip(labels, sets, strict=True)))
    write_exclusions(excluded, exclusions, describe)
    emit(doc, payload, tidy, fmt, output, lang=lang.value)
