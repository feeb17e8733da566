"""``servqual alpha``'s run (the command and its options are in
:mod:`~servqual_cli.cli.reliability`): Cronbach's alpha, item statistics and omega of any item
set, with the notes on the range the answers span, duplicates and recoded answers.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from servqual_cli.cli import options as o

if TYPE_CHECKING:
    from pathlib import Path

    from servqual_cli.cli.reliability import MissingRule

ALPHA_TITLE = ("Cronbach's alpha", "Cronbachs alfa")  # (English, Swedish) title of `alpha`


def run_alpha(
    *,
    file: str,
    items: str | None,
    item: list[str] | None,
    reverse: str | None,
    scale_range: str | None,
    name: str | None,
    missing: MissingRule,
    missing_codes: str | None,
    bootstrap: int,
    seed: int,
    fmt: o.OutputFormat | None,
    output: Path | None,
    sheet: str | None,
    encoding: str | None,
    header_row: int | None,
    strict: bool,
    excluded: Path | None,
    lang: o.Lang,
    conf: float,
) -> None:
    """Run ``servqual alpha`` with the command's options (see
    :func:`~servqual_cli.cli.reliability.alpha`)."""
    from servqual_cli.cli.decoding_note import decoding_note
    from servqual_cli.cli.output import emit, guard, require_input, write_exclusions

    guard([file], output=output, excluded=excluded, fmt=fmt)
    from servqual_cli.cli.toolbox_parts import parse_scale_range

    bounds = parse_scale_range(scale_range)
    codes = o.parse_missing_codes(missing_codes)  # bad usage before the file is read
    if name is None:  # the default name in the reader's language (review 6, finding 8)
        name = "skala" if lang.value == "sv" else "scale"
    if items is not None or item:  # without items the loader refuses before reading
        require_input(file)
    # The reader (pandas) loads only for a file that is there, the statistics (scipy) only for
    # items that were read without an error (a bad file or item fails 0.2 s sooner).
    from servqual_cli.errors import Location, ServqualError
    from servqual_cli.io.item_set import load_item_set
    from servqual_cli.report.duplicate_note import duplicate_record, duplicate_sections
    from servqual_cli.report.recode_note import recode_sections, recoded_of, recoded_records
    from servqual_cli.report.spec import Document

    loaded = load_item_set(file, items, reverse, bounds, sheet, encoding, header_row, strict,
                           item=item or (), missing=codes)  # fmt: skip
    check_magnitudes(loaded.frame, file)
    from servqual_cli.core.caveats import caveat_records
    from servqual_cli.core.scales import scale_reliability
    from servqual_cli.report.reliability_sections import alpha_sections, items_frame

    try:
        result = scale_reliability(loaded.frame, name, missing.value, conf, bootstrap, seed)
    except ServqualError as exc:  # the core knows the items, not the file: name it
        if exc.location.file is not None:
            raise
        where = Location(file, (loaded.input or {}).get("sheet"))
        code, facts = exc.code, exc.facts
        if code is None and exc.caveat is not None:  # the core's reason in the run's language
            from servqual_cli.report.reliability_warnings import reader_reason

            code, facts = "scale_caveat", {"sv": reader_reason(exc.caveat, "sv"), "en": exc.message}
        raise type(exc)(exc.message, where, caveat=exc.caveat, code=code, facts=facts) from exc
    if loaded.reverse:  # a reversed item's negative r asks if the reversal is right (r17, 1)
        from dataclasses import replace

        from servqual_cli.core.declared_reversed import declared_caveats

        result = replace(
            result, warnings=declared_caveats(result.warnings, frozenset(loaded.reverse))
        )
    from servqual_cli.io.code_cells import codes_without_cells

    none = codes_without_cells(codes, loaded.exclusion_log) if codes else ()  # review 17, #10
    in_file = loaded.file_codes  # the SPSS file's own: named as such, not "no cell" (r18, 11)
    none = tuple(c for c in none if c not in {f[0] for f in in_file})
    payload = {
        "n_rows": loaded.n_rows,
        "excluded": loaded.excluded,
        "input": loaded.input,
        "items": list(loaded.frame.columns),
        "reverse": list(loaded.reverse),
        "reverse_range": list(loaded.reverse_range) if loaded.reverse_range else None,
        "missing": missing.value,
        **(
            {
                "missing_codes": list(codes),
                "missing_codes_no_cell": list(none),
                "missing_codes_in_file": [
                    {"code": c, "label": t, "cells": n} for c, t, n in in_file
                ],
            }
            if codes
            else {}
        ),  # absent without the option
        "ci_method": result.ci_method,
        "n_boot": result.n_boot,
        "seed": result.seed,
        "scales": [result.to_dict()],
        "warnings": [w.message for w in result.warnings],
        "caveats": caveat_records(result.warnings),  # the same, as code and facts
    }
    from servqual_cli.report.catalog import RELIABILITY
    from servqual_cli.report.exclusion_words import exclusion_note
    from servqual_cli.report.labels import label
    from servqual_cli.report.numbers import fmt_int
    from servqual_cli.report.spec import Section, Text

    # the columns of the excluded cells (review 4, finding 13) and the invalid texts (s15)
    note, payload["excluded_detail"] = exclusion_note(loaded.excluded, loaded.exclusion_log,
                                                      lang.value, excluded is None)  # fmt: skip
    # "Respondents: 300,000." beside the table's "270,467", not "300000" (x-small, s14)
    # the rows with no answer, left out when read, named once as gap names them (r18, 5);
    # gap's words module (and core.gaps with it) loaded only then: alpha starts as fast
    payload["rows_without_answers"] = list(loaded.no_answer_rows)
    dropped = ""
    if loaded.no_answer_rows:
        from servqual_cli.report.gap_sections import no_answer_text

        dropped = no_answer_text(loaded.no_answer_rows, lang.value)
    summary = f"{label('respondents', lang.value)}: {fmt_int(loaded.n_rows, lang.value)}. "
    summary += dropped + note
    if codes:  # the rule beside the count of "declared missing" cells it made
        from servqual_cli.report.missing_codes_note import missing_codes_text

        summary += f" {missing_codes_text(codes, lang.value, none, in_file=in_file)}"
    if bounds is None:  # review 5 item 4: a 0 or an 8 on a 1–7 scale counts without a word
        summary += " " + _no_range_note(loaded.frame, lang.value)
        if loaded.excluded.get("unparseable"):  # words a given scale would read (r15, 7)
            summary += " " + label("no_scale_range_words", lang.value, RELIABILITY)
    # a likely 99 for "Vet ej" read as an answer: said first, not in the last line (review 15, 7)
    sections = _suspect_sections(loaded, lang.value, payload) if bounds is None else []
    if loaded.reverse and bounds is None:  # the pivot from the answers, first (review 17, 11)
        sections.insert(0, _reverse_range_warning(loaded, lang.value, payload))
    sections += duplicate_sections(loaded.duplicates, lang.value)  # review 2 item 23h
    if loaded.reverse:  # the rule that changed the reversed items' values (review 15, 6)
        from servqual_cli.report.reverse_note import columns_reverse_note

        rule = columns_reverse_note(loaded.reverse, loaded.reverse_range or (), lang.value,
                                    inferred=bounds is None)  # fmt: skip
        summary += f" {rule}"
        payload["reverse_range_from"] = "answers" if bounds is None else "scale_range"
    payload["duplicate_rows"] = duplicate_record(loaded.duplicates)
    sections += alpha_sections(result, lang.value, loaded.reverse)  # reversed marked (s18)
    sections += [Section("", (Text(summary, kind="note"),))]
    sections += decoding_note(loaded.input, lang.value)
    recoded = recoded_of(loaded.exclusion_log)  # answers read from text, as gap names them
    sections += recode_sections(recoded, lang.value)
    payload["recoded_text"] = recoded_records(recoded)
    doc = Document(
        title=f"{ALPHA_TITLE[lang.value == 'sv']} – {name}",
        sections=tuple(sections),
        meta={"lang": lang.value},  # numbers in the reader's language
    )
    # the list only if asked
    write_exclusions(excluded, loaded.exclusions if excluded else None, loaded.input)
    # a reversed column beside the item in the CSV and workbook (session 18, b-left)
    emit(doc, payload, items_frame([result], loaded.reverse), fmt, output, lang=lang.value)


def _no_range_note(frame: Any, lang: str) -> str:
    """Without ``--scale-range`` every number is an answer: say so, with the range the answers
    actually span, so a stray 0 or 8 on a 1–7 scale is visible (review 5, item 4)."""
    import warnings

    import numpy as np

    from servqual_cli.report.catalog import RELIABILITY, label
    from servqual_cli.report.numbers import fmt_number

    values = frame.to_numpy(dtype=float)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)  # no value at all: NaN, said as "–"
        lo, hi = np.nanmin(values), np.nanmax(values)
    digits = 0 if all(float(v).is_integer() for v in (lo, hi) if np.isfinite(v)) else 2
    return label("no_scale_range", lang, RELIABILITY).format(
        lo=fmt_number(lo, lang, digits), hi=fmt_number(hi, lang, digits)
    )


def _reverse_range_warning(loaded: Any, lang: str, payload: dict[str, Any]) -> Any:
    """The warning that ``--reverse`` without ``--scale-range`` took the scale from the answers:
    the reversed means sit on that pivot (3–7 answers on a 1–7 scale: 10 − x, a mean of 4,40
    for 8 − x's 2,40), α and r do not (review 18, finding 6); the JSON gets it as a caveat."""
    from servqual_cli.core.caveats import caveat_records
    from servqual_cli.core.declared_reversed import reverse_pivot_caveat
    from servqual_cli.report.reliability_warnings import ended, reader_reason
    from servqual_cli.report.spec import Section, Text

    caveat = reverse_pivot_caveat(loaded.reverse, *loaded.reverse_range)
    payload["warnings"].append(caveat.message)
    payload["caveats"] += caveat_records([caveat])
    text = reader_reason(caveat, lang)
    return Section("", (Text(ended(text[:1].upper() + text[1:]), kind="warning"),))


def _suspect_sections(loaded: Any, lang: str, payload: dict[str, Any]) -> list[Any]:
    """The warning that the largest answer looks like a missing code (99 for "Vet ej"), with
    the options that read it as one (review 15, finding 7); the JSON gets its record. The
    answers are judged as given: a reversed item's ``lo + hi − x`` is undone first."""
    import numpy as np

    from servqual_cli.core.missing_code_guess import suspect_missing_code
    from servqual_cli.report.catalog import RELIABILITY, label
    from servqual_cli.report.numbers import fmt_int, fmt_number
    from servqual_cli.report.spec import Section, Text

    # The item columns as they are (views), a new column only for a reversed item: a copy of
    # every item doubled the peak memory at 1M rows (issue #16's 600 MiB; session 18).
    values = loaded.frame.to_numpy(dtype=float)
    columns = [values[:, j] for j in range(values.shape[1])]
    if loaded.reverse and loaded.reverse_range:
        lo, hi = loaded.reverse_range
        undo = set(np.flatnonzero(loaded.frame.columns.isin(list(loaded.reverse))).tolist())
        columns = [lo + hi - c if j in undo else c for j, c in enumerate(columns)]
    found = suspect_missing_code(columns)
    if found is None:
        return []
    payload["suspected_missing_code"] = found.to_dict()
    num = lambda v: fmt_number(v, lang, 0 if float(v).is_integer() else 2)  # noqa: E731
    # a scale starts at 0 or 1: the lowest answer given (3) is no start to suggest
    start = found.low if found.low < 0 else min(found.low, 1.0)
    text = label("missing_code_suspect", lang, RELIABILITY).format(
        code=num(found.code), cells=fmt_int(found.cells, lang), lo=num(found.low),
        hi=num(found.high), start=num(start),
    )  # fmt: skip
    return [Section("", (Text(text, kind="warning"),))]


# No rating scale comes near this; larger values are typing or export errors, and squared
# sums of values near 1e160 overflow to inf (alpha then is NaN or, near 1e100, silently 0).
MAX_MAGNITUDE = 1e6


def check_magnitudes(frame: Any, file: str) -> None:
    """Refuse item values that are infinite or absurdly large for a rating scale.

    >>> import pandas as pd
    >>> check_magnitudes(pd.DataFrame({"F1": [1.0, 5.0]}), "a.csv")
    >>> check_magnitudes(pd.DataFrame({"F1": [1.0, 1e160]}), "a.csv")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    servqual_cli.errors.DataError: a.csv, column 'F1': value 1e+160 is not a rating ...
    """
    import warnings

    import numpy as np

    from servqual_cli.errors import DataError, Location

    values = frame.to_numpy(dtype=float)
    with np.errstate(invalid="ignore"), warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)  # an all-NaN frame: checked below
        if (
            np.nanmax(values, initial=-np.inf) <= MAX_MAGNITUDE
            and np.nanmin(values, initial=np.inf) >= -MAX_MAGNITUDE
        ):
            return  # two passes without temporaries: the usual case at a million rows
    bad = ~np.isnan(values) & ~(np.abs(values) <= MAX_MAGNITUDE)
    if bad.any():
        i, j = np.argwhere(bad)[0]
        raise DataError(
            f"value {values[i, j]:g} is not a rating (items above {MAX_MAGNITUDE:g} in size are "
            "refused); fix the cell or give --scale-range to exclude values outside the scale",
            Location(file, None, None, str(frame.columns[j])),
            code="not_a_rating",
            facts={"value": f"{values[i, j]:g}", "max": f"{MAX_MAGNITUDE:g}"},
        )
