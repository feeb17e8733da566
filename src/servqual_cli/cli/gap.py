"""``servqual gap``: SERVQUAL item, dimension and overall gaps."""

from __future__ import annotations

from enum import Enum
from typing import Annotated, Any

import typer

from servqual_cli.cli import gap_toolbox as tb
from servqual_cli.cli import options as o
from servqual_cli.core.thresholds import MIN_N

app = typer.Typer()


class ZeroMethod(str, Enum):
    wilcox = "wilcox"
    pratt = "pratt"


class WeightRule(str, Enum):
    allocation = "allocation"
    rating = "rating"


def _min_items(text: str) -> str | int:
    from servqual_cli.errors import UsageError

    if text in ("half", "all"):
        return text
    if text.isdigit() and int(text) >= 1:
        return int(text)
    raise UsageError(f"--min-items must be half, all or a whole number >= 1, got {text!r}",
                     code="min_items_value", facts={"value": text})  # fmt: skip


MinItemsOpt = Annotated[
    str,
    typer.Option(
        "--min-items",
        help="Items a respondent needs for a dimension score: half (default, rounded up; "
        "fewer answered items are prorated and counted), all, or a number.",
    ),
]
WeightsOpt = Annotated[
    WeightRule,
    typer.Option(
        "--weights",
        help="allocation (default: 100 points shared; rows not summing to 100 are counted and "
        "rescaled) or rating (an importance rating per dimension, rescaled to its sum).",
    ),
]
ZeroMethodOpt = Annotated[
    ZeroMethod,
    typer.Option(
        "--zero-method",
        help="Zero gaps in the signed rank test: wilcox (dropped, as R wilcox.test) or pratt "
        "(ranked, then dropped).",
    ),
]
AdjustOpt = Annotated[
    o.Adjust,
    typer.Option(
        "--adjust",
        help="Multiple-testing adjustment of the t p-values per family (items; dimensions; "
        "groups x dimensions): holm (default), bh (Benjamini-Hochberg) or none.",
    ),
]


@app.command()
def gap(
    file: Annotated[
        str, typer.Argument(help="Survey file (.xlsx, .csv, .ods, .sav, .parquet; - = stdin CSV).")
    ],
    instrument: o.InstrumentOpt = None,
    by: o.ByOpt = None,
    fmt: o.TestFormatOpt = None,
    output: o.OutputOpt = None,
    sheet: o.SheetOpt = None,
    encoding: o.EncodingOpt = None,
    header_row: o.HeaderRowOpt = None,
    header_rows: o.HeaderRowsOpt = None,  # read by the reader (io.header)
    max_cells: o.MaxCellsOpt = None,  # read by the reader (io.limits)
    strict: o.StrictOpt = False,
    excluded: o.ExcludedOpt = None,
    missing_codes: o.MissingCodesOpt = None,  # with the instrument's own `missing` (union)
    lang: o.LangOpt = o.Lang.en,
    conf: o.ConfOpt = 0.95,
    items: Annotated[bool, typer.Option("--items/--no-items", help="Show the item table.")] = True,
    zero_method: ZeroMethodOpt = ZeroMethod.wilcox,
    adjust: AdjustOpt = o.Adjust.holm,
    min_items: MinItemsOpt = "half",
    weight_rule: WeightsOpt = WeightRule.allocation,
    overall: tb.OverallOpt = None,
    importance_on: tb.ImportanceOnOpt = "gap",
    weight_column: tb.WeightColumnOpt = None,
    profile: tb.ProfileOpt = None,
    min_n: o.MinNOpt = MIN_N,
) -> None:
    """Item, dimension and overall SERVQUAL gaps (P − E) with CIs and tests.

    Example: servqual gap data/samples/karlstad_servqual.xlsx --by Tjänst
    """
    from servqual_cli.cli.decoding_note import decoding_note
    from servqual_cli.cli.output import emit, guard, require_input, write_exclusions

    guard([file, instrument], output=output, excluded=excluded, fmt=fmt)
    _min_items(min_items)  # bad usage is refused before any file is read
    codes = o.parse_missing_codes(missing_codes)
    first_by = tb.split_by(by)
    if instrument is None:  # the built-in instrument cannot fail: the file is checked next
        require_input(file)
    # The reader (pandas) loads only for a file that is there, the statistics (scipy) only for
    # data that were read without an error (a bad file fails 0.2 s sooner).
    from servqual_cli.io.survey import load_survey_file
    from servqual_cli.report.duplicate_note import duplicate_record, duplicate_sections
    from servqual_cli.report.recode_note import (
        merged_records,
        recode_sections,
        recoded_of,
        recoded_records,
    )
    from servqual_cli.report.spec import Document

    data = load_survey_file(file, instrument, first_by, sheet, encoding, header_row, strict,
                            perception_only_ok=True, missing_codes=codes)  # fmt: skip
    codes_note = ""  # the rule beside the "missing code" cells it made (w-json, s17)
    none: tuple[str, ...] = ()  # the codes no cell holds (review 17, finding 10)
    if codes:
        from servqual_cli.io.code_cells import codes_without_cells
        from servqual_cli.report.missing_codes_note import union_text

        none = codes_without_cells(codes, data.exclusion_log)  # review 17, finding 10
        codes_note = union_text(codes, data.instrument.missing, lang.value, none) or ""
    data = tb.two_way(data, by)  # --by A,B: groups are the combinations
    from servqual_cli.core.gaps import gap_analysis
    from servqual_cli.core.small_samples import flag_small_base
    from servqual_cli.instruments.toml import instrument_file  # its path and SHA-256 (r15, 11)
    from servqual_cli.report.gap_sections import gap_sections
    from servqual_cli.report.scale_use_note import scale_use_sections

    if data.instrument.perception_only:  # no expectations: SERVPERF, without gap columns
        from servqual_cli.cli.servperf import emit_servperf

        tb.refuse_for_servperf(weight_column=weight_column, profile=profile)
        tb.servperf_importance_on(overall, importance_on)  # --overall on perceptions (s17)
        return emit_servperf(data, fmt, output, excluded, lang.value, conf, items, codes,
                             instrument_file(instrument), overall=overall,
                             importance_on=importance_on)  # fmt: skip
    if weight_column is not None:  # the cells without a valid weight listed and counted
        from servqual_cli.io.weight_column import with_weight_cells

        data = with_weight_cells(data, weight_column, "--weight-column", strict)
    args = (data.expectation, data.perception, data.items, data.dimension_positions)
    from servqual_cli.io.survey import rows_without_answers

    no_answer = rows_without_answers(data)  # not counted as respondents (review 15, finding 9)
    payload: dict[str, Any] = {
        "input": data.table.describe(),
        "rows_without_answers": no_answer,
        "instrument": {**data.instrument.to_dict(), **instrument_file(instrument)},
        "excluded": data.excluded,
        # absent without the option (the JSON is unchanged)
        **(o.missing_codes_record(codes, data.instrument.missing, none) if codes else {}),
    }
    lang_code = lang.value
    rules: dict[str, Any] = {
        "zero_method": zero_method.value,
        "adjust": adjust.value,
        "min_items": _min_items(min_items),
        "weight_rule": weight_rule.value,
    }
    from servqual_cli.report.point_cells import split_note

    # where the excluded cells are, the list's option (review 4) and the invalid texts (s15);
    # the importance points' cells apart from the answers', as a report counts them (s18)
    note, detail, answers, points = split_note(data, lang_code, excluded is None)
    payload["excluded_answers"], payload["excluded_importance_points"] = answers, points
    note += f" {codes_note}" if codes_note else ""
    if data.groups is not None and data.by is not None:
        # --by only: the group analysis and its sections (with the weighted ones) load here, not
        # on every run (tests/cli/test_gap_imports.py keeps them out of a default run)
        from servqual_cli.core.group_gaps import grouped_gap_analysis
        from servqual_cli.core.small_samples import flag_small_groups
        from servqual_cli.report.group_gap_sections import group_sections

        grouped = grouped_gap_analysis(*args, groups=data.groups, by=data.by,
                                       weights=data.weights, conf=conf, **rules)  # fmt: skip
        grouped = flag_small_groups(grouped, min_n)
        result = grouped.all
        payload.update(grouped.to_dict())
        from servqual_cli.cli.gap_groups import weighted_groups

        # --weight-column: the groups' gaps and the test between them weighted, as a report's
        w_groups, w_tests = weighted_groups(data, grouped, weight_column, payload)
        sections = gap_sections(result, data.excluded, lang_code, items, min_n,
                                **tb.weight_words(data, weight_column),
                                exclusions=note, no_answer=no_answer) + group_sections(
            grouped, lang_code, min_n, apa=True, sample=weight_column is not None,
            weighted=w_groups, weight_column=weight_column, weighted_tests=w_tests
        )  # fmt: skip
    else:
        result = flag_small_base(gap_analysis(*args, weights=data.weights, conf=conf, **rules),
                                 min_n)  # fmt: skip
        payload.update(result.to_dict())
        sections = gap_sections(result, data.excluded, lang_code, items, min_n,
                                **tb.weight_words(data, weight_column),
                                exclusions=note, no_answer=no_answer)  # fmt: skip
    sections = tb.weighted_first(data, payload, lang_code, weight_column, result) + sections
    payload["min_n"] = min_n
    payload["scale_use"] = None if data.scale_use is None else data.scale_use.to_dict()
    sections = scale_use_sections(data.scale_use, lang_code) + sections
    from servqual_cli.report.reverse_note import reverse_note, reverse_record
    from servqual_cli.report.spec import Section, Text

    reversed_items = reverse_note(data.instrument, lang_code)  # the rule that changes 9 items
    payload["reversed"] = reverse_record(data.instrument)  # as knowledge-gap and tolerance
    if reversed_items:
        sections = [Section("", (Text(reversed_items, kind="note"),)), *sections]
    unused = tb.unused_weights(data, weight_column)  # a weight column left unused: say so
    payload["unused_weight_columns"] = unused
    if unused:
        from servqual_cli.report.toolbox_sections import tlabel

        text = tlabel("unused_weight", lang_code).format(columns=", ".join(unused))
        sections = [Section("", (Text(text, kind="warning"),)), *sections]
    payload["duplicate_rows"] = duplicate_record(data.duplicates)  # review 2 item 23h
    sections = duplicate_sections(data.duplicates, lang_code) + sections
    sections += tb.add_to_gap(data, payload, lang_code, conf, overall, importance_on,
                              weight_column, profile, rules["min_items"],
                              scores=result.scores)  # fmt: skip
    sections += decoding_note(data.table.describe(), lang_code)
    recoded = recoded_of(data.exclusion_log)  # answers read from text (review item 13a)
    merges = {} if data.exclusion_log is None else data.exclusion_log.group_merges()
    sections += recode_sections(recoded, lang_code, merges)
    payload = {"n_rows": result.n_rows, "excluded": data.excluded,
               "excluded_detail": detail,
               "recoded_text": recoded_records(recoded),
               "group_values_merged": merged_records(merges), **payload}  # fmt: skip
    sections = tb.apa_left_out(sections, payload, fmt, output, lang_code)
    title = f"SERVQUAL – {data.table.describe()['file']}"
    doc = Document(title=title, sections=tuple(sections), meta={"lang": lang_code, "conf": conf})
    # the list only if asked
    write_exclusions(excluded, data.exclusions if excluded else None, data.table)
    from servqual_cli.cli.gap_tidy import extend_tidy

    # the CSV frame is built only for -f csv / xlsx (cli.output.emit)
    emit(doc, payload, lambda: extend_tidy(tidy_gaps(payload), payload), fmt, output,
         lang=lang_code)  # fmt: skip


def tidy_gaps(payload: dict[str, Any]) -> Any:
    """One CSV table: a row per (group, level, name) with every statistic."""
    import pandas as pd

    frames = []

    def add(group: str, res: dict[str, Any]) -> None:
        dims = pd.DataFrame(res["dimensions"]).rename(columns={"dimension": "name"})
        dims.insert(0, "level", "dimension")
        items = pd.DataFrame(res["items"]).rename(columns={"item": "name"})
        items.insert(0, "level", "item")
        o_ = res["overall"]
        overall = pd.DataFrame(
            [
                {"level": "overall", "name": "unweighted", "n": o_["n_unweighted"],
                 "gap": o_["unweighted"], "ci_low": o_["ci_low"], "ci_high": o_["ci_high"]},
                {"level": "overall", "name": "importance_weighted",
                 "n": o_["n_importance_weighted"], "gap": o_["importance_weighted"],
                 "ci_low": o_["importance_weighted_ci_low"],
                 "ci_high": o_["importance_weighted_ci_high"]},
            ]
        )  # fmt: skip
        frame = pd.concat([dims, items, overall], ignore_index=True)
        frame.insert(0, "group", group)
        frames.append(frame)

    add("ALL", payload)
    for name, res in payload.get("groups", {}).items():
        add(name, res)
    return pd.concat(frames, ignore_index=True)
