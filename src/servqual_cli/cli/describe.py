"""``servqual describe``: what the loader found in a file, and a starter instrument for it."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from servqual_cli.cli import options as o

if TYPE_CHECKING:
    from collections.abc import Sequence

    from servqual_cli.io.profile import FileProfile
    from servqual_cli.report.spec import Document, Text

app = typer.Typer()


@app.command()
def describe(
    file: Annotated[str, typer.Argument(help="Any data file (.xlsx, .csv, .ods, .sav, ...).")],
    instrument_template: Annotated[
        bool,
        typer.Option(
            "--instrument-template",
            help="Print a starter instrument TOML from the columns that look like E/P pairs.",
        ),
    ] = False,
    fmt: o.FormatOpt = None,
    output: o.OutputOpt = None,
    sheet: o.SheetOpt = None,
    encoding: o.EncodingOpt = None,
    header_row: o.HeaderRowOpt = None,
    header_rows: o.HeaderRowsOpt = None,
    max_cells: o.MaxCellsOpt = None,
    lang: o.LangOpt = o.Lang.en,
) -> None:
    """What the loader finds: format, sheets, encoding, delimiter, header, and per column its
    type, values, missing answers and whether it looks like a rating-scale item.

    Example: servqual describe enkät.xlsx --instrument-template > enkät.toml
    """
    from servqual_cli.cli.output import check_output, emit, require_input

    check_output(output, [file])
    require_input(file)  # the reader's first check, before pandas loads
    from servqual_cli.errors import DataError
    from servqual_cli.io.profile import first_readable_sheet, profile_table
    from servqual_cli.io.read import read_table

    skipped: tuple[tuple[str, str], ...] = ()
    try:
        table = read_table(file, sheet=sheet, encoding=encoding, header_row=header_row)
    except DataError as exc:
        if sheet is not None or exc.location.sheet is None:
            raise
        table, skipped = first_readable_sheet(file, exc, encoding, header_row)
    # a cover page the reader skipped (io/sheet_choice.py), then any sheet skipped here
    profile = profile_table(table, encoding is not None, table.skipped_sheets + skipped)
    if instrument_template:
        _write_template(profile, table.columns, output)
        return
    from servqual_cli.io.duplicates import column_duplicates
    from servqual_cli.report.duplicate_note import duplicate_blocks, duplicate_record

    # rows repeating an earlier row in the rating-scale columns (review 2 item 23h)
    duplicates = column_duplicates(table, [c.name for c in profile.likert])
    doc = _document(profile, file, lang.value, duplicate_blocks(duplicates, lang.value))
    payload = {**profile.to_dict(), "duplicate_rows": duplicate_record(duplicates)}
    emit(doc, payload, _tidy(profile), fmt, output, lang=lang.value)


def _write_template(profile: FileProfile, columns: list[str], output: Path | None) -> None:
    import sys

    from servqual_cli.instruments.template import ScaleColumn, instrument_template
    from servqual_cli.report.atomic import write_atomic

    items = [ScaleColumn(c.name, c.scale, tuple(v for v, _ in c.not_numbers))
             for c in profile.likert if c.scale is not None]  # fmt: skip
    title = profile.file + (f", sheet {profile.sheet}" if profile.sheet else "")
    text = instrument_template(columns, items, title)
    if output is None or str(output) == "-":  # -o - is standard output, as everywhere
        sys.stdout.write(text)
    else:
        write_atomic(output, text.encode("utf-8"))


def skip_reason(why: str, lang: str) -> str:
    """Why a sheet was skipped, in ``lang`` (the reasons are made in English).

    >>> skip_reason("has a header (row 1) but no data rows below it", "sv")
    'har en rubrikrad (rad 1) men inga datarader under den'
    >>> skip_reason("has a header (row 1) but no data rows below it", "en")
    'has a header (row 1) but no data rows below it'
    >>> skip_reason("something new", "sv")
    'something new'
    """
    from servqual_cli.cli.read_back import read_back
    from servqual_cli.report.catalog_describe import SKIP_REASONS_SV

    found = read_back(why, SKIP_REASONS_SV) if lang == "sv" else None
    return why if found is None else found[0].expand(found[1])


def _lab(key: str, lang: str) -> str:
    from servqual_cli.report.catalog_describe import DESCRIBE
    from servqual_cli.report.labels import label

    return label(key, lang, DESCRIBE)


def _document(p: FileProfile, file: str, lang: str, warnings: Sequence[Text] = ()) -> Document:
    import pandas as pd

    from servqual_cli.report.spec import Document, Section, Table, Text

    def lab(key: str) -> str:
        return _lab(key, lang)

    none = lab("none")
    others = [s for s in p.sheets if s != p.sheet]
    from servqual_cli.report.catalog_describe import FORMATS_SV

    shown_format = FORMATS_SV.get(p.format, p.format) if lang == "sv" else p.format
    facts: list[tuple[str, Any]] = [("format", shown_format)]
    if p.sheet is not None:
        facts += [("sheet", p.sheet), ("other_sheets", ", ".join(others) or none)]
        facts += [("skipped", f"{s}: {skip_reason(why, lang)}") for s, why in p.skipped_sheets]
    if p.encoding is not None:
        why = f" ({lab(p.encoding_reason)})" if p.encoding_reason else ""
        facts.append(("encoding", f"{p.encoding}{why}"))
    if p.delimiter is not None:
        facts.append(("delimiter", lab(p.delimiter)))
    if p.encoding is not None:  # text files; spreadsheets store numbers as numbers
        facts.append(("decimal", p.decimal or none))
    from servqual_cli.report.numbers import fmt_int

    def count(n: int) -> str:
        """A count as the table's count columns show it: "2 486" in Swedish, "2486" in English
        (review 10a, finding 9: "Datarader 2486" and "klagomål (1358)" beside "Värden 2 486")."""
        return fmt_int(n, lang) if lang == "sv" else str(n)

    n_rows, n_columns = count(p.n_rows), count(len(p.columns))  # the header row is a place
    facts += [("header_row", p.header_row), ("rows", n_rows), ("columns", n_columns)]
    fact_frame = pd.DataFrame(
        {lab("fact"): [lab(k) for k, _ in facts], lab("value"): [str(v) for _, v in facts]}
    )
    rows = []
    for c in p.columns:
        rows.append(
            {
                lab("#"): c.position + 1,
                lab("letter"): c.letter,
                lab("column"): c.name,
                lab("type"): lab(c.kind),
                lab("n_values"): c.n_values,
                lab("missing"): ", ".join(f"{lab(k)} {count(v)}" for k, v in c.missing.items())
                or "–",
                lab("distinct"): c.distinct,
                lab("top"): "; ".join(f"{v} ({count(n)})" for v, n in c.top) or "–",
                lab("likert"): "–" if c.scale is None else f"{c.scale[0]}–{c.scale[1]}",
            }
        )
    blocks: list[Table | Text] = [
        *warnings,
        Table(title=f"{lab('file')}: {p.file}", frame=fact_frame, sheet=lab("file")),
        Table(title=lab("columns"), frame=pd.DataFrame(rows), sheet=lab("columns"),
              formats={lab("#"): "d", lab("n_values"): "d", lab("distinct"): "d"}),
    ]  # fmt: skip
    blocks += [Text(_not_dates_note(c, lang), kind="note") for c in p.columns if c.not_dates]
    from servqual_cli.cli.merge_note import merged_lines  # cells filled from merged ranges

    blocks += [Text(line + ".", kind="note") for line in merged_lines(p.input, lang)]
    from servqual_cli.cli.short_row_note import short_row_lines  # rows shorter than the header

    shown = {k: v for k, v in p.input.items() if k != "skipped_sheets"}  # (a fact line above)
    blocks += [Text(text, kind=kind) for kind, text in short_row_lines(shown, lang)]
    if p.encoding_advice:  # a warning on top only when the text looks garbled, else a note
        from servqual_cli.cli.decoding_note import encoding_words

        garbled = bool(p.input.get("encoding_garbled"))
        words = (encoding_words(p.encoding, garbled, lang) if lang == "sv" else "") or (
            p.encoding_advice
        )
        advice = words[0].upper() + words[1:] + "."
        if p.input.get("encoding_garbled"):
            blocks.insert(0, Text(advice, "warning"))
        else:
            blocks.append(Text(advice, "note"))
    if p.likert:
        blocks.append(Text(lab("likert_note").format(n=len(p.likert)) + ".", kind="note"))
        blocks.append(Text(lab("template_note").format(file=file), kind="note"))
    return Document(title=f"servqual describe – {p.file}", sections=(Section("", tuple(blocks)),))


def _tidy(p: FileProfile) -> Any:
    """CSV: one row per column of the file."""
    import pandas as pd

    return pd.DataFrame(
        [
            {
                "position": c.position + 1,
                "letter": c.letter,
                "name": c.name,
                "type": c.kind,
                "n_values": c.n_values,
                "missing": "; ".join(f"{k}={v}" for k, v in c.missing.items()),
                "distinct": c.distinct,
                "top": "; ".join(f"{v}={n}" for v, n in c.top),
                "likert_min": None if c.scale is None else c.scale[0],
                "likert_max": None if c.scale is None else c.scale[1],
            }
            for c in p.columns
        ]
    )


def _not_dates_note(c: Any, lang: str) -> str:
    """A column of dates with a few other cells: how many, which, the row of the first, and
    what the commands do with them (review 4, finding 22: "okänt" among 51 dates made the column
    "text" without a word)."""
    from servqual_cli.report.catalog_describe import DESCRIBE
    from servqual_cli.report.labels import label

    n = c.n_not_dates or sum(k for _, k in c.not_dates)
    row = "" if c.first_not_date_row is None else str(c.first_not_date_row)
    suffix = "" if row else "_norow"
    if n == 1:
        return label("not_dates_one" + suffix, lang, DESCRIBE).format(
            column=c.name, letter=c.letter, row=row, value=c.not_dates[0][0]
        )
    shown = ", ".join(f"{v!r} {k}" for v, k in c.not_dates)
    if sum(k for _, k in c.not_dates) < n:  # more kinds of value than the five listed
        shown += ", …"
    return label("not_dates_many" + suffix, lang, DESCRIBE).format(
        column=c.name, letter=c.letter, row=row, n=n, shown=shown
    )
