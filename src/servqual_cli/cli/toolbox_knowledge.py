"""``servqual knowledge-gap``'s run (the command and its options are in
:mod:`~servqual_cli.cli.toolbox`): the citizens' survey against the staff's picture of their
expectations, per ``--by`` group of the citizens, and the hint for two files given the wrong
way round.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from servqual_cli.cli.toolbox_parts import (
    check_two_surveys,
    split_groups,
    tidy_table,
    without_group,
)
from servqual_cli.core.thresholds import MIN_N

if TYPE_CHECKING:
    from pathlib import Path

    from servqual_cli.cli import options as o
    from servqual_cli.errors import DataError


def _swapped_hint(
    exc: DataError, customers: str, staff: str, instrument: str | None, sheet: str | None,
    encoding: str | None, header_row: int | None, staff_sheet: str | None = None,
) -> DataError:  # fmt: skip
    """``exc`` (the citizens' file could not be read as a gap survey), with "did you give the
    staff file first?" added when that file lacks perception columns and the second file reads
    as a gap survey (review 5, finding 20)."""
    from servqual_cli.errors import DataError, ServqualError
    from servqual_cli.instruments.resolve import find_role_columns
    from servqual_cli.instruments.toml import load_instrument
    from servqual_cli.io.read import read_table
    from servqual_cli.io.survey import load_survey_file

    try:
        inst = load_instrument(instrument)
        first = read_table(customers, sheet=sheet, encoding=encoding, header_row=header_row)
        if not find_role_columns(inst, "perception", first.columns)[1]:
            return exc  # the first file has its perception columns: another problem
        load_survey_file(staff, instrument, None, staff_sheet, encoding, header_row)
    except ServqualError:
        return exc
    hint = (
        f"; the second file ({staff}) has both expectation and perception columns: did you give "
        "the staff file first? The order is CUSTOMERS STAFF"
    )
    # the missing-columns sentence keeps its own code inside, so a Swedish run says all of it
    # in Swedish (review 11b, finding 4: the body stayed English after the hint was appended)
    facts = {"staff": staff, "code": exc.code, "facts": exc.facts}
    return DataError(exc.message + hint, exc.location,
                     code="knowledge_swapped" if exc.code else None, facts=facts)  # fmt: skip


def _read_staff(
    staff: str, instrument: str | None, sheets: tuple[str | None, str | None], default: bool,
    encoding: str | None, header_row: int | None, strict: bool,
) -> Any:  # fmt: skip
    """The staff file's expectation items; ``--sheet`` missing from a staff workbook read with
    it by default says to give ``--staff-sheet`` (review 13, finding 7)."""
    from servqual_cli.errors import UsageError
    from servqual_cli.io.role_data import load_roles_file

    try:
        return load_roles_file(staff, instrument, ["expectation"], None, None, sheets[1],
                               encoding, header_row, strict)  # fmt: skip
    except UsageError as exc:
        if not default or sheets[0] is None or exc.code != "sheet_not_found":
            raise
        hint = "; --sheet applies to both files: give the staff's sheet with --staff-sheet NAME"
        facts = {"code": exc.code, "facts": exc.facts}
        raise UsageError(exc.message + hint, exc.location, code="staff_sheet_not_found",
                         facts=facts) from None  # fmt: skip


_FAMILY = ["p_holm_family", "p_holm_tests"]


def _family(rows: list[dict[str, Any]], family: str, n: int | None = None) -> list[dict[str, Any]]:
    """``rows`` (copies: the JSON's records stay as they are) with the family their ``p_holm``
    is adjusted over and its size, the tests with a p (Holm counts no missing p): a CSV row of
    a group read "p_holm" beside the whole file's rows, one family over 3 dimensions, the other
    over groups × dimensions, with nothing to tell them apart (session 17).

    >>> _family([{"p_welch": 0.01}, {"p_welch": None}], "dimensions")[0]
    {'p_welch': 0.01, 'p_holm_family': 'dimensions', 'p_holm_tests': 1}
    """
    if n is None:
        n = sum(r.get("p_welch") is not None and r["p_welch"] == r["p_welch"] for r in rows)
    return [{**r, _FAMILY[0]: family, _FAMILY[1]: n} for r in rows]


def _after_p_holm(table: Any) -> Any:
    """The tidy table with the family's columns right after ``p_holm``, before the reading
    they decide (scripts and the workbook read the reading as the last column but one)."""
    cols = [c for c in table.columns if c not in _FAMILY]
    if "p_holm" not in cols:  # no row at all
        return table
    at = cols.index("p_holm") + 1
    return table[cols[:at] + _FAMILY + cols[at:]]


def run_knowledge_gap(
    *,
    customers: str,
    staff: str,
    instrument: str | None,
    by: str | None,
    fmt: o.OutputFormat | None,
    output: Path | None,
    sheet: str | None,
    staff_sheet: str | None,
    encoding: str | None,
    header_row: int | None,
    strict: bool,
    excluded: Path | None,
    lang: o.Lang,
    conf: float,
    items: bool,
    min_n: int = MIN_N,
) -> None:
    """Run ``servqual knowledge-gap`` with the command's options (see
    :func:`~servqual_cli.cli.toolbox.knowledge_gap_cmd`)."""
    from servqual_cli.cli.output import emit, guard, write_exclusions
    from servqual_cli.core.knowledge_gap import knowledge_gap
    from servqual_cli.errors import DataError
    from servqual_cli.io.survey import load_survey_file
    from servqual_cli.report.duplicate_note import duplicate_record, duplicate_sections
    from servqual_cli.report.knowledge_sections import knowledge_sections
    from servqual_cli.report.spec import Document

    # guard: every output check in one call (the --excluded .csv/.txt rule and '-' were
    # skipped here: review 10b finding 5's fix did not reach this command)
    guard([customers, staff, instrument], output=output, excluded=excluded, fmt=fmt)
    # --staff-sheet: the staff on their own sheet, in this or another workbook (review 13 #7)
    sheets = (sheet, sheet if staff_sheet is None else staff_sheet)
    check_two_surveys(customers, staff, sheets)  # before either is read (review 7 finding 10)
    from servqual_cli.cli.gap_toolbox import split_by, two_way

    try:
        cust = load_survey_file(customers, instrument, split_by(by), sheet, encoding,
                                header_row, strict)  # fmt: skip
    except DataError as exc:
        raise _swapped_hint(
            exc, customers, staff, instrument, sheet, encoding, header_row, sheets[1]
        ) from None
    cust = two_way(cust, by)  # --by A,B: the combinations
    stf = _read_staff(staff, instrument, sheets, staff_sheet is None, encoding, header_row,
                      strict)  # fmt: skip
    if sheets[0] != sheets[1]:  # two sheet options may still name one sheet of one file
        check_two_surveys(customers, staff, (cust.table.describe()["sheet"],
                                             stf.table.describe()["sheet"]))  # fmt: skip
    e_staff = stf.matrices["expectation"]
    args = (cust.items, cust.dimension_positions)
    res = knowledge_gap(cust.expectation, e_staff, *args, conf=conf)
    lang_code = lang.value
    excl = {"customers": cust.excluded, "staff": stf.excluded}
    payload: dict[str, Any] = {
        "input": {"customers": cust.table.describe(), "staff": stf.table.describe()},
        "instrument": cust.instrument.to_dict(),
        "excluded": excl,
        **res.to_dict(),
    }
    names = (cust.table.describe()["file"], stf.table.describe()["file"])  # review 2 item 23h
    # review 9 finding 4: a weight column left unused is named, as gap and items name it; the
    # citizens' means are the sample's, set against staff's picture of the population
    from servqual_cli.cli.gap_toolbox import unused_weights
    from servqual_cli.io.weight_column import unused_weight_columns
    from servqual_cli.report.toolbox_sections import unused_weight_section

    unused = {
        "customers": unused_weights(cust, None),
        "staff": unused_weight_columns(
            stf.table.columns, [c for cs in stf.columns.values() for c in cs]
        ),
    }
    payload["unused_weight_columns"] = unused
    named = [f"{c} ({names[i]})" for i, cs in enumerate(unused.values()) for c in cs]
    sections = unused_weight_section(named, lang_code, "unused_weight_knowledge")
    sections += duplicate_sections(cust.duplicates, lang_code, names[0])
    sections += duplicate_sections(stf.duplicates, lang_code, names[1])
    payload["duplicate_rows"] = {"customers": duplicate_record(cust.duplicates),
                                 "staff": duplicate_record(stf.duplicates)}  # fmt: skip
    from servqual_cli.report.exclusion_words import exclusion_note
    from servqual_cli.report.reverse_note import reverse_record, reverse_sections

    # each file's invalid texts named, as gap names them (session 16)
    notes = {k: exclusion_note(excl[k], d.exclusions, lang_code)
             for k, d in (("customers", cust), ("staff", stf))}  # fmt: skip
    payload["excluded_detail"] = {k: detail for k, (_, detail) in notes.items()}
    payload["reversed"] = reverse_record(cust.instrument)  # as gap names it (review 13, 4)
    sections += reverse_sections(cust.instrument, lang_code)
    sections += knowledge_sections(
        res, excl, lang_code, items, exclusions={k: text for k, (text, _) in notes.items()}
    )
    # each CSV row names its p_holm's family, as the JSON's group_holm does (session 17)
    parts = [("ALL", "dimension", _family(payload["dimensions"], "dimensions")),
             ("ALL", "item", _family(payload["items"], "items"))]  # fmt: skip
    if cust.by is not None:
        from servqual_cli.core.knowledge_gap import grouped_knowledge_gap
        from servqual_cli.report.knowledge_groups import knowledge_group_sections

        # Holm over groups × dimensions, as gap --by (review 13, finding 3)
        grouped = grouped_knowledge_gap(cust.expectation, e_staff, split_groups(cust.groups),
                                        *args, conf=conf, min_n=min_n)  # fmt: skip
        payload["by"] = cust.by
        payload["min_n"] = min_n  # a group below it is marked, as gap --by (review 13, 17)
        payload.update(grouped.to_dict())
        parts += [(name, "dimension", _family(g["dimensions"], "groups x dimensions",
                                               grouped.n_dimension_tests))
                  for name, g in payload["groups"].items()]  # fmt: skip
        sections += knowledge_group_sections(grouped, cust.by, res.n_staff, lang_code)
        import pandas as pd

        payload["n_without_group"] = int(pd.isna(pd.Series(cust.groups, dtype=object)).sum())
        sections += without_group(cust.by, payload["n_without_group"], lang_code)
    head = "Kunskapsgapet" if lang_code == "sv" else "Knowledge gap"
    files = [t.describe() for t in (cust.table, stf.table)]
    # one workbook read twice (--staff-sheet): the sheets tell the two apart (review 14, 8)
    same = files[0]["file"] == files[1]["file"]
    shown = [f"{d['file']} ({d['sheet']})" if same and d["sheet"] else d["file"] for d in files]
    title = f"{head} – {shown[0]} / {shown[1]}"
    from servqual_cli.cli.short_row_note import short_row_note  # a CSV cut short (review 6 #10)

    sections += short_row_note(cust.table.describe(), lang_code)
    sections += short_row_note(stf.table.describe(), lang_code)
    doc = Document(title=title, sections=tuple(sections))
    if excluded is not None:
        import pandas as pd

        both = pd.concat(
            [
                cust.exclusions.assign(
                    file=cust.table.describe()["file"], sheet=cust.table.describe()["sheet"]
                ),
                stf.exclusions.assign(
                    file=stf.table.describe()["file"], sheet=stf.table.describe()["sheet"]
                ),
            ],
            ignore_index=True,
        )
        write_exclusions(excluded, both, inputs=[cust.table, stf.table])
    emit(doc, payload, _after_p_holm(tidy_table(parts)), fmt, output, lang=lang_code)
