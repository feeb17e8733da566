"""``servqual describe``: what the loader found in a file, and a starter instrument for it."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from servqual_cli.cli import options as o

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from servqual_cli.io.profile import ColumnProfile, FileProfile
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
        _write_template(profile, table, output, lang.value)
        return
    from servqual_cli.io.duplicates import column_duplicates
    from servqual_cli.report.duplicate_note import duplicate_blocks, duplicate_record

    # rows repeating an earlier row in the rating-scale columns (review 2 item 23h)
    duplicates = column_duplicates(table, [c.name for c in profile.likert])
    warnings = [*_duplicate_names(profile, lang.value), *duplicate_blocks(duplicates, lang.value)]
    doc = _document(profile, file, lang.value, warnings, encoding)
    payload = {**profile.to_dict(), "duplicate_rows": duplicate_record(duplicates)}
    emit(doc, payload, _tidy(profile), fmt, output, lang=lang.value)


def _write_template(profile: FileProfile, table: Any, output: Path | None, lang: str) -> None:
    """The starter instrument, or why there is none (review 11, finding 1: a cover sheet, or
    an export of text answers, crashed in the template's own check, in English). Its comments
    are in ``lang`` (review 11b, finding 5); its TOML keys are English in both."""
    import sys

    from servqual_cli.instruments.template import ScaleColumn, instrument_template
    from servqual_cli.report.atomic import write_atomic
    from servqual_cli.report.catalog_describe import DESCRIBE
    from servqual_cli.report.numbers import fmt_int

    _check_template_items(profile, table)
    items = [ScaleColumn(c.name, c.scale, tuple(dict.fromkeys(
                 [t for t, _ in c.scale_labels] + [v for v, _ in c.not_numbers])),
                 c.far_code, c.n_far_code)
             for c in profile.likert if c.scale is not None]  # fmt: skip
    left_out = [(c.name, _why_left_out(c, lang)) for c in profile.columns if c.scale is None]
    words = {k: _lab(k, lang) for k in DESCRIBE if k.startswith("tpl_")}
    title = profile.file
    if profile.sheet:
        title = words["tpl_title_sheet"].format(file=profile.file, sheet=profile.sheet)

    def count(n: int) -> str:  # as describe's own tables count: "2 486" in Swedish
        return fmt_int(n, lang) if lang == "sv" else str(n)

    text = instrument_template(table.columns, items, title, left_out, words, count)
    if output is None or str(output) == "-":  # -o - is standard output, as everywhere
        sys.stdout.write(text)
    else:
        write_atomic(output, text.encode("utf-8"))


def _check_template_items(profile: FileProfile, table: Any) -> None:
    """Refuse, in the run's language, a template with no rating-scale column or with
    rating-scale columns whose names appear twice (MS Forms' two questions with the same
    statements): the instrument could not be used."""
    from servqual_cli.errors import DataError, Location
    from servqual_cli.io.columns import advice_facts, encoding_advice, sheet_advice

    where = Location(table.source, table.sheet)
    if not profile.likert:
        from servqual_cli.report.catalog_errors import ERRORS

        raise DataError(
            ERRORS["template_no_items"][1] + encoding_advice(table) + sheet_advice(table),
            where,
            code="template_no_items",
            facts=advice_facts(table),
        )
    scale_names = {c.name for c in profile.likert}
    twice = [(n, pos) for n, pos in profile.duplicate_names if n in scale_names]
    if twice:
        from servqual_cli.report.catalog_errors import ERRORS

        facts = {"n": len(twice), "shown": _twice_shown(twice)}
        raise DataError(
            ERRORS["template_duplicate_names"][1].format(**facts), where,
            code="template_duplicate_names", facts=facts,
        )  # fmt: skip


def _twice_shown(twice: Sequence[tuple[str, tuple[int, ...]]], limit: int = 3) -> str:
    """``'X' (G, AC); 'Y' (H, AD) …``: the first names that appear twice, with their columns.

    >>> _twice_shown([("A", (0, 3)), ("B", (1, 4))], 1)
    "'A' (A, D) …"
    """
    from servqual_cli.io.columns import excel_letter

    shown = "; ".join(f"{n!r} ({', '.join(excel_letter(i) for i in pos)})"
                      for n, pos in twice[:limit])  # fmt: skip
    return shown + (" …" if len(twice) > limit else "")


def _why_left_out(c: Any, lang: str = "en") -> str:
    """Why a column is no item of the template (in the template's comments, in ``lang``).

    >>> from servqual_cli.io.profile import ColumnProfile
    >>> _why_left_out(ColumnProfile(0, "Kön", "text", 3, {}, 2, (("K", 2), ("M", 1)), None))
    "text: 'K', 'M'"
    >>> _why_left_out(ColumnProfile(0, "Ålder", "mixed", 3, {}, 2, (("K", 2),), None), "sv")
    "blandat: 'K'"
    """
    if c.kind in ("date", "empty"):
        return _lab(f"tpl_why_{'dates' if c.kind == 'date' else 'empty'}", lang)
    shown = ", ".join(repr(v if len(v) <= 30 else v[:29] + "…") for v, _ in c.top[:3])
    shown += (", …" if lang == "sv" else ", ...") if c.distinct > 3 else ""
    if c.kind == "number":
        from servqual_cli.report.numbers import fmt_int

        n = fmt_int(c.distinct, lang) if lang == "sv" else str(c.distinct)
        return _lab("tpl_why_numbers", lang).format(n=n, shown=shown)
    return _lab("tpl_why_kind", lang).format(kind=_lab(c.kind, lang), shown=shown)


def _duplicate_names(p: FileProfile, lang: str) -> list[Text]:
    """A warning naming the header names that appear more than once (review 11, finding 1:
    describe said nothing of msforms.xlsx's 22 while gap refused them)."""
    from servqual_cli.io.columns import excel_letter
    from servqual_cli.report.spec import Text

    twice = p.duplicate_names
    if not twice:
        return []
    shown = "; ".join(f"{n!r} ({', '.join(excel_letter(i) for i in pos)})"
                      for n, pos in twice[:5])  # fmt: skip
    if len(twice) > 5:
        shown += " " + _lab("and_more", lang).format(n=len(twice) - 5)
    key = "duplicate_names_one" if len(twice) == 1 else "duplicate_names_many"
    return [Text(_lab(key, lang).format(n=len(twice), shown=shown), kind="warning")]


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


def _declared(
    c: ColumnProfile, key: str, lab: Callable[[str], str], count: Callable[[int], str]
) -> str:
    """After "angivet saknat värde 2": which SPSS codes, " (kod 98)" or " (koder 97 (1), 98
    (2))", so the analyst finds the cells (session 18: they were "tomma" 2)."""
    if key != "declared_missing" or not c.declared_codes:
        return ""
    if len(c.declared_codes) == 1:
        return f" ({lab('declared_code')} {c.declared_codes[0][0]})"
    return (
        f" ({lab('declared_codes')} "
        + ", ".join(f"{code} ({count(n)})" for code, n in c.declared_codes)
        + ")"
    )


def _lab(key: str, lang: str) -> str:
    from servqual_cli.report.catalog_describe import DESCRIBE
    from servqual_cli.report.labels import label

    return label(key, lang, DESCRIBE)


def _document(
    p: FileProfile,
    file: str,
    lang: str,
    warnings: Sequence[Text] = (),
    encoding: str | None = None,
) -> Document:
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
    # a .sav has no header row (its variables carry the names): "–", not "0" (review 18, 9)
    header = "–" if p.format == "SPSS" else p.header_row
    facts += [("header_row", header), ("rows", n_rows), ("columns", n_columns)]
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
                lab("missing"): ", ".join(
                    f"{lab(k)} {count(v)}{_declared(c, k, lab, count)}"
                    for k, v in c.missing.items()
                )
                or "–",
                lab("distinct"): c.distinct,
                lab("top"): "; ".join(f"{v} ({count(n)})" for v, n in c.top) or "–",
                lab("likert"): "–"
                if c.scale is None
                else f"{c.scale[0]}–{c.scale[1]}"
                + (f" ({lab('likert_from_labels')})" if c.scale_from_labels else ""),
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
        words = encoding_words(p.encoding, garbled, lang)  # the catalog's, as the error line's
        advice = words[0].upper() + words[1:] + "."
        if p.input.get("encoding_garbled"):
            blocks.insert(0, Text(advice, "warning"))
        else:
            blocks.append(Text(advice, "note"))
    if p.likert:
        blocks.append(Text(lab("likert_note").format(n=len(p.likert)) + ".", kind="note"))
        blocks += [Text(t, kind="note") for t in _scale_notes(p, lang)]
        # the sheet and a given encoding, as gap's hint repeats them (review 11b, finding 3:
        # the bare file name read netigate.xlsx's cover sheet and failed)
        from servqual_cli.instruments.resolve import describe_args

        args = describe_args(file, p.sheet, encoding, p.sheets)
        blocks.append(Text(lab("template_note").format(file=args), kind="note"))
    return Document(title=f"servqual describe – {p.file}", sections=(Section("", tuple(blocks)),))


def _scale_notes(p: FileProfile, lang: str) -> list[str]:
    """What the rating-scale guess took on trust: columns read from built-in labels, and far
    codes beside a scale (review 11, findings 1 and 3)."""
    from servqual_cli.report.numbers import fmt_int

    out = []
    by_scale: dict[tuple[int, int], list[Any]] = {}
    for c in p.likert:
        if c.scale_labels and c.scale is not None:
            by_scale.setdefault(c.scale, []).append(c)
    for (lo, hi), cols in sorted(by_scale.items()):
        seen = {t: v for c in cols for t, v in c.scale_labels}
        ends = sorted(seen.items(), key=lambda tv: (tv[1], tv[0]))
        labels = f"{ends[0][0]!r} = {ends[0][1]} … {ends[-1][0]!r} = {ends[-1][1]}"
        out.append(_lab("label_scale_note", lang).format(
            n=len(cols), points=hi - lo + 1, labels=labels, lo=lo, hi=hi))  # fmt: skip
    codes: dict[int, list[Any]] = {}
    for c in p.likert:
        if c.far_code is not None:
            codes.setdefault(c.far_code, []).append(c)
    for code, cols in sorted(codes.items()):
        n = sum(c.n_far_code for c in cols)
        cells = fmt_int(n, lang) if lang == "sv" else str(n)  # as the column table's counts
        out.append(_lab("far_code_note", lang).format(n=len(cols), code=code, cells=cells))
    return out


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
