"""``servqual reliability`` (an instrument's scales) and ``servqual alpha`` (any item set): the
commands, their options and ``reliability``'s run; ``alpha``'s run is in
:mod:`~servqual_cli.cli.reliability_alpha`."""

from __future__ import annotations

from enum import Enum
from typing import Annotated, Any

import typer

from servqual_cli.cli import options as o

app = typer.Typer()
RELIABILITY_TITLE = ("Reliability", "Reliabilitet")  # (English, Swedish) title of `reliability`


class MissingRule(str, Enum):
    pairwise = "pairwise"
    listwise = "listwise"


MissingOpt = Annotated[
    MissingRule,
    typer.Option("--missing", help="pairwise (default, as R psych) or listwise deletion."),
]
BootOpt = Annotated[
    int,
    typer.Option("--bootstrap", min=0, help="Bootstrap draws for a percentile CI (0 = Feldt)."),
]


@app.command()
def reliability(
    file: Annotated[str, typer.Argument(help="Survey file (as for `servqual gap`).")],
    instrument: o.InstrumentOpt = None,
    by: o.ByOpt = None,
    missing: MissingOpt = MissingRule.pairwise,
    bootstrap: BootOpt = 0,
    seed: o.SeedOpt = 2024,
    validity: Annotated[
        bool, typer.Option("--validity/--no-validity", help="KMO, Bartlett, EFA and CFA.")
    ] = True,
    factors: Annotated[
        int | None, typer.Option("--factors", min=1, help="EFA factors (default: dimensions).")
    ] = None,
    items: Annotated[bool, typer.Option("--items/--no-items", help="Show item statistics.")] = True,
    fmt: o.FormatOpt = None,
    output: o.OutputOpt = None,
    sheet: o.SheetOpt = None,
    encoding: o.EncodingOpt = None,
    header_row: o.HeaderRowOpt = None,
    header_rows: o.HeaderRowsOpt = None,  # read by the reader (io.header)
    max_cells: o.MaxCellsOpt = None,  # read by the reader (io.limits)
    strict: o.StrictOpt = False,
    excluded: o.ExcludedOpt = None,
    missing_codes: o.MissingCodesOpt = None,  # with the instrument's own `missing`, as gap
    lang: o.LangOpt = o.Lang.en,
    conf: o.ConfOpt = 0.95,
) -> None:
    """Cronbach's alpha, item statistics, omega, KMO, Bartlett, EFA and CFA of an instrument.

    Every dimension is analysed for E, P and the item gaps, and so is the whole scale.
    Example: servqual reliability data/samples/karlstad_servqual.xlsx
    """
    from servqual_cli.cli.decoding_note import decoding_note
    from servqual_cli.cli.output import emit, guard, require_input, write_exclusions

    guard([file, instrument], output=output, excluded=excluded, fmt=fmt)
    codes = o.parse_missing_codes(missing_codes)  # bad usage before the file is read
    if instrument is None:  # the built-in instrument cannot fail: the file is checked next
        require_input(file)
    # The reader (pandas) loads only for a file that is there, the statistics (scipy) only for
    # data that were read without an error (a bad file fails 0.2 s sooner).
    import numpy as np

    from servqual_cli.io.survey import load_survey_file
    from servqual_cli.report.duplicate_note import duplicate_record, duplicate_sections
    from servqual_cli.report.recode_note import (
        merged_records,
        recode_sections,
        recoded_of,
        recoded_records,
    )
    from servqual_cli.report.spec import Document

    data = load_survey_file(file, instrument, by, sheet, encoding, header_row, strict,
                            missing_codes=codes)  # fmt: skip
    from servqual_cli.core.scales import instrument_reliability
    from servqual_cli.report.reliability_sections import (
        items_frame,
        reliability_sections,
        scales_frame,
    )

    inst = data.instrument
    numbers = inst.items
    names = {
        "E": [inst.expectation_column(i) for i in numbers],
        "P": [inst.perception_column(i) for i in numbers],
        "gap": [f"{inst.perception_column(i)}-{inst.expectation_column(i)}" for i in numbers],
    }

    from servqual_cli.core.declared_reversed import declared_reversed, reversed_names

    # a negative r of an item the instrument reverses asks about the reversal (review 13, 4)
    declared = reversed_names(names, numbers, inst.reverse)

    def analyse(rows: Any, with_validity: bool) -> Any:
        return declared_reversed(
            instrument_reliability(
                data.expectation[rows],
                data.perception[rows],
                names,
                data.dimension_positions,
                missing=missing.value,
                conf=conf,
                n_boot=bootstrap,
                seed=seed,
                validity=with_validity,
                n_factors=factors,
            ),
            declared,
        )

    if factors is not None and factors > len(numbers):
        from servqual_cli.errors import UsageError

        raise UsageError(
            f"--factors {factors} is more than the {len(numbers)} items of the instrument",
            code="factors_too_many",
            facts={"factors": factors, "n": len(numbers)},
        )
    everyone = np.ones(data.n_rows, dtype=bool)
    result = analyse(everyone, validity)
    if not result.scales:
        from servqual_cli.errors import DataError, Location

        first, why = next(iter(result.skipped.items()))
        raise DataError(
            f"no scale could be computed ({first}: {why.message})",
            Location(data.table.source, data.table.sheet),
        )
    from servqual_cli.io.code_cells import codes_without_cells

    none = codes_without_cells(codes, data.exclusion_log) if codes else ()  # review 17, #10
    payload: dict[str, Any] = {
        "n_rows": data.n_rows,
        "rows_without_answers": list(data.no_answer_rows),  # left out when read, as gap's
        "excluded": data.excluded,
        "input": data.table.describe(),
        **(o.missing_codes_record(codes, data.instrument.missing, none) if codes else {}),
        **result.to_dict(),
    }
    sections = duplicate_sections(data.duplicates, lang.value)  # review 2 item 23h
    payload["duplicate_rows"] = duplicate_record(data.duplicates)
    from servqual_cli.report.reverse_note import reverse_note
    from servqual_cli.report.spec import Section, Text

    reversed_items = reverse_note(inst, lang.value)  # the rule that changes every such item
    if reversed_items:
        sections.append(Section("", (Text(reversed_items, kind="note"),)))
    sections += reliability_sections(result, lang.value, items, reversed_items=declared)
    # a reversed column beside the item's code in the CSV and workbook (session 18, b-left)
    tidy = items_frame(result.scales, declared).merge(
        scales_frame(result.scales), on="scale", how="left", suffixes=("", "_scale")
    )
    tidy.insert(0, "group", "ALL")
    if data.groups is not None:
        payload["by"] = data.by
        payload["groups"] = {}
        group_tidy = [tidy]
        labels = np.array([g if g is not None else "" for g in data.groups], dtype=object)
        # Rows with a blank group are in the whole-sample scales, in no group: say how many.
        payload["n_without_group"] = int((labels == "").sum())
        for name in sorted({g for g in data.groups if g is not None}):
            res = analyse(labels == name, False)
            payload["groups"][name] = {
                "n_rows": int((labels == name).sum()),
                **{
                    k: v
                    for k, v in res.to_dict().items()
                    if k in ("scales", "skipped", "skipped_caveats")
                },
            }
            sections += reliability_sections(
                res, lang.value, items=False, title=f"{data.by}: {name}"
            )
            part = items_frame(res.scales, declared).merge(
                scales_frame(res.scales), on="scale", how="left", suffixes=("", "_scale")
            )
            part.insert(0, "group", name)
            group_tidy.append(part)
        import pandas as pd

        tidy = pd.concat(group_tidy, ignore_index=True)
    from servqual_cli.report.labels import label
    from servqual_cli.report.numbers import fmt_int
    from servqual_cli.report.point_cells import split_note

    # the columns of the excluded cells (review 4, finding 13) and the invalid texts (s15);
    # the importance points' cells apart from the answers', as gap counts them (s18: the demo
    # gave gap "blank 176 … importance points blank 55" and reliability "blank 231")
    note, payload["excluded_detail"], answers, points = split_note(
        data, lang.value, excluded is None
    )
    payload["excluded_answers"], payload["excluded_importance_points"] = answers, points
    # counts in the language's thousands format, as the tables beside them (x-small, s14)
    from servqual_cli.report.gap_sections import no_answer_text

    # the rows with no answer, left out when read, named beside the count as gap names them
    rows = no_answer_text(data.no_answer_rows, lang.value)
    n = fmt_int(data.n_rows, lang.value)
    summary = f"{label('respondents', lang.value)}: {n}. {rows}{note}"
    if codes:  # --missing-codes: the rule beside its cells, as gap names it (w-json, s17)
        from servqual_cli.report.missing_codes_note import union_text

        summary += f" {union_text(codes, data.instrument.missing, lang.value, none)}"
    if payload.get("n_without_group"):  # in the whole-sample scales only: say so
        without = label("without_group", lang.value)
        summary += " " + without.format(
            by=data.by, n=fmt_int(payload["n_without_group"], lang.value)
        )
    sections.append(Section(title="", blocks=(Text(summary, kind="note"),)))
    sections += decoding_note(data.table.describe(), lang.value)
    recoded = recoded_of(data.exclusion_log)  # answers read from text, as gap names them
    merges = {} if data.exclusion_log is None else data.exclusion_log.group_merges()
    sections += recode_sections(recoded, lang.value, merges)
    payload["recoded_text"] = recoded_records(recoded)
    payload["group_values_merged"] = merged_records(merges)
    doc = Document(
        title=f"{RELIABILITY_TITLE[lang.value == 'sv']} – {data.table.describe()['file']}",
        sections=tuple(sections),
        meta={"lang": lang.value},  # numbers in the reader's language
    )
    # the list only if asked
    write_exclusions(excluded, data.exclusions if excluded else None, data.table)
    emit(doc, payload, tidy, fmt, output, lang=lang.value)


@app.command()
def alpha(
    file: Annotated[str, typer.Argument(help="Any data file with item columns.")],
    items: Annotated[
        str | None,
        typer.Option(
            "--items",
            help="Item columns (required, or --item): a comma list of names, globs (X7*), "
            "ranges by position (8-12) or by name (X1a:X1e).",
        ),
    ] = None,
    item: Annotated[
        list[str] | None,
        typer.Option("--item", help="One item column by its exact name (commas allowed); repeat."),
    ] = None,
    reverse: Annotated[
        str | None,
        typer.Option("--reverse", help="Items scored min + max − x (same forms as --items)."),
    ] = None,
    scale_range: Annotated[
        str | None,
        typer.Option(
            "--scale-range",
            help="min,max of the scale, e.g. 1,6 (values outside are excluded; default: no "
            "limit, and reversal uses the observed min and max as R psych does).",
        ),
    ] = None,
    name: Annotated[
        str | None,
        typer.Option("--name", help="Name of the scale (default: skala in Swedish, else scale)."),
    ] = None,
    missing: MissingOpt = MissingRule.pairwise,
    missing_codes: o.MissingCodesOpt = None,
    bootstrap: BootOpt = 0,
    seed: o.SeedOpt = 2024,
    fmt: o.FormatOpt = None,
    output: o.OutputOpt = None,
    sheet: o.SheetOpt = None,
    encoding: o.EncodingOpt = None,
    header_row: o.HeaderRowOpt = None,
    header_rows: o.HeaderRowsOpt = None,  # read by the reader (io.header)
    max_cells: o.MaxCellsOpt = None,  # read by the reader (io.limits)
    strict: o.StrictOpt = False,
    excluded: o.ExcludedOpt = None,
    lang: o.LangOpt = o.Lang.en,
    conf: o.ConfOpt = 0.95,
) -> None:
    """Cronbach's alpha with item statistics and omega for any set of items.

    Example: servqual alpha enkät.csv --items F1,F2,F3,F4 --reverse F3 --scale-range 1,5
    """
    from servqual_cli.cli.reliability_alpha import run_alpha

    run_alpha(
        file=file,
        items=items,
        item=item,
        reverse=reverse,
        scale_range=scale_range,
        name=name,
        missing=missing,
        missing_codes=missing_codes,
        bootstrap=bootstrap,
        seed=seed,
        fmt=fmt,
        output=output,
        sheet=sheet,
        encoding=encoding,
        header_row=header_row,
        strict=strict,
        excluded=excluded,
        lang=lang,
        conf=conf,
    )
