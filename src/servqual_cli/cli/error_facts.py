"""Facts of more error codes put in the shape their sentence needs (the report configuration,
output paths, service-measurement files, hostile workbooks); :mod:`servqual_cli.cli.error_text`
takes :data:`MORE_PREPARE` into its table of preparations. Kept apart so that each module stays
under 400 lines.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from servqual_cli.report.catalog import count_text
from servqual_cli.report.catalog_errors import ERRNO_REASONS, ERRORS

__all__ = ["MORE_PREPARE"]


def _word(key: str, lang: str, **fill: object) -> str:
    pair = ERRORS[key]
    return (pair[0] if lang == "sv" else pair[1]).format(**fill)


def _joined(values: object) -> str:
    return ", ".join(str(v) for v in values) if isinstance(values, list | tuple) else str(values)


def _prep_types(f: dict[str, Any], lang: str) -> None:
    """``a string or an integer`` from the Python type names (report.config)."""
    f["want"] = _word("part_type_or", lang).join(_word(f"part_type_{t}", lang) for t in f["types"])


def _prep_option(f: dict[str, Any], lang: str) -> None:
    """``output`` is said "utfilen"; an option's own name (``--excluded``) stays."""
    if f.get("option") == "output":
        f["option"] = _word("part_option_output", lang)


def _prep_os_reason(f: dict[str, Any], lang: str) -> None:
    """The system's reason, raised lower-cased in English (report.atomic.os_reason)."""
    _prep_option(f, lang)
    pair = ERRNO_REASONS.get(str(f.get("errno", "")))
    if lang == "sv" and pair is not None:
        f["reason"] = pair[0]


def _prep_input(f: dict[str, Any], lang: str) -> None:
    _prep_option(f, lang)
    f["also"] = f" ({f['name']!r})" if f["also"] else ""


def _prep_what(f: dict[str, Any], lang: str) -> None:
    key = f"part_what_{f['what']}"
    if key in ERRORS:
        f["what"] = _word(key, lang)


def _prep_year_list(f: dict[str, Any], lang: str) -> None:
    """The years a file has, or "no years" / "none" (io.measurement)."""
    years = _joined(f.get("years", ()))
    f["years"] = years
    f["present"] = years or _word("part_no_years", lang)
    f["found"] = years or _word("part_none", lang)


def _prep_kind(f: dict[str, Any], lang: str) -> None:
    f["columns"] = _joined(f["columns"])


def _num(n: object, lang: str) -> str:
    """A size in a limit's message: thousands grouped by the one count rule
    (:func:`~servqual_cli.report.catalog.count_text`), whose English is the raise site's
    ``{n:,}`` ("50,000,000").

    >>> _num(50_000_000, "en"), _num("1200.0", "sv")
    ('50,000,000', '1\xa0200')
    """
    return count_text(round(float(str(n))), lang)


def _prep_cells(f: dict[str, Any], lang: str) -> None:
    """``what`` of a sheet over the cell limit from its kind and numbers (io.zipguard)."""
    numbers = {k: _num(f[k], lang) for k in ("rows", "cols", "max_rows") if k in f}
    f["what"] = _word(f"part_cells_{f['kind']}", lang, **numbers)
    f["max_cells"] = _num(f["max_cells"], lang)


def _prep_sizes(f: dict[str, Any], lang: str) -> None:
    for key in ("n", "total", "max_bytes", "ratio"):
        if key in f:
            f[key] = _num(f[key], lang)
    if "max_ratio" in f:  # written without grouping at the raise site ({:.0f})
        f["max_ratio"] = str(round(float(str(f["max_ratio"]))))
    if f.get("name") == "zip":
        f["name"] = _word("part_zip", lang)


def _prep_label(f: dict[str, Any], lang: str) -> None:
    """The codec's name and why it was chosen (io.decode)."""
    why = f.get("why")
    f["label"] = f["name"] if not why else f"{f['name']} ({_word(f'part_why_{why}', lang)})"


def _prep_limit(f: dict[str, Any], lang: str) -> None:
    f["limit"] = _num(f["limit"], lang)


def _prep_grouped(f: dict[str, Any], lang: str) -> None:
    """Counts the raise site groups in thousands (``{n:,}``): a no-break space in Swedish."""
    for key in ("n", "limit", "rows", "cols", "max_cells"):
        if key in f:
            f[key] = _num(f[key], lang)


def _prep_formula_cells(f: dict[str, Any], lang: str) -> None:
    """``, in C5, D7`` (every uncalculated cell) or ``, e.g. C5, D7`` (io.sheets)."""
    _prep_grouped(f, lang)
    cells = _joined(f["cells"])
    kind = "part_cells_in" if f["whole"] else "part_cells_eg"
    f["cells"] = _word(kind, lang, cells=cells) if cells else ""


def _prep_value(f: dict[str, Any], lang: str) -> None:
    """A value written with ``:g``: a decimal comma and U+2212 in Swedish."""
    if lang == "sv":
        for key in ("value", "max"):
            f[key] = str(f[key]).replace(".", ",").replace("-", "\u2212")


def _prep_and(f: dict[str, Any], lang: str) -> None:
    """``'kanal' and 'channel'`` ("och" in Swedish; io.contacts)."""
    f["names"] = (" och " if lang == "sv" else " and ").join(repr(n) for n in f["names"])


def _prep_more(f: dict[str, Any], lang: str) -> None:
    """`` and 3 more`` after the first ten municipalities (cli.kolada)."""
    n = int(f["n_more"])
    f["more"] = _word("part_kolada_more", lang, n=n) if n else ""


def _prep_place(f: dict[str, Any], lang: str) -> None:
    """The data file of a KPI (io.kpi_data): ``kpi.csv, sheet 'Data'`` ("blad" in Swedish),
    and what a success label's column holds instead."""
    if "file" in f:
        sheet = f" {'blad' if lang == 'sv' else 'sheet'} {f['sheet']!r}" if f["sheet"] else ""
        f["place"] = f["file"] + ("," + sheet if sheet else "")
    elif lang == "sv":
        f["place"] = str(f["place"]).replace(", sheet ", ", blad ", 1)
    if "labels" in f:
        more = int(f["more"])
        seen = ", ".join(f["labels"]) + (_word("part_kpi_more", lang, n=more) if more > 0 else "")
        f["tail"] = (
            _word("part_kpi_has", lang, seen=seen) if f["labels"] else _word("part_kpi_blank", lang)
        )


def _prep_keys(f: dict[str, Any], lang: str) -> None:
    """``'contacts' or 'service'`` ("eller"; report.build)."""
    f["keys"] = (" eller " if lang == "sv" else " or ").join(repr(k) for k in f["keys"])


def _prep_input_kind(f: dict[str, Any], lang: str) -> None:
    f["kind"] = _word(f"part_kind_{f['kind']}", lang)


# session 14 (report/error_words_rest.py)
def _prep_kinds(f: dict[str, Any], lang: str) -> None:
    """``a.csv is a contact file and b.csv is a SERVQUAL survey`` (cli.trend_pair)."""
    f["named"] = _word("part_trend_kind_and", lang).join(
        _word("part_trend_kind_file", lang, name=name, kind=_word(f"part_trend_kind_{kind}", lang))
        for name, kind in f["files"]
    )


def _prep_summary(f: dict[str, Any], lang: str) -> None:
    """The exclusion summary, written in both languages by the raise site (cli.kolada)."""
    if lang == "sv":
        f["shown"] = f["shown_sv"]


def _prep_lacking(f: dict[str, Any], lang: str) -> None:
    """``adequate (A1 …) or desired (D1 …) columns`` (report.toolbox_part); the table's key
    (``[survey] file``) is said as written in the configuration."""
    f["shown"] = _word("part_tolerance_or", lang).join(
        f"{_word(f'part_role_{role}', lang) if lang == 'sv' else role} ({column} …)"
        for role, column in f["lacking"]
    ) + _word("part_tolerance_columns", lang)
    f["hint"] = _word("part_tolerance_hint", lang) if f["hint"] else ""
    if lang == "sv":
        f["key"] = "filen i " + str(f["key"]).removesuffix(" file")


def _prep_problem(f: dict[str, Any], lang: str) -> None:
    """Why a page could not be fetched (io.kolada_api): a timeout said in Swedish, an HTTP
    status as it is, the system's reason quoted in English."""
    problem = str(f["problem"])
    if problem == "timed out":
        f["problem"] = _word("part_api_timed_out", lang)
    elif not problem.startswith("HTTP "):
        f["problem"] = _word("part_api_reason", lang, reason=problem)


def _prep_contact_what(f: dict[str, Any], lang: str) -> None:
    """What a contact column should hold, said by its English words (io.contact_columns)."""
    key = f"part_contact_{f['what']}"
    if key in ERRORS:
        f["what"] = _word(key, lang)


def _role(text: str, lang: str) -> str:
    """``expectation item 3`` as ``fråga 3 (förväntan)`` in Swedish (instruments.resolve)."""
    role, what, number = text.split(" ")
    if lang != "sv":
        return text
    return f"{_word(f'part_role_{what}', lang)} {number} ({_word(f'part_role_{role}', lang)})"


def _prep_roles(f: dict[str, Any], lang: str) -> None:
    if "first" in f:
        f["first"], f["second"] = _role(f["first"], lang), _role(f["second"], lang)
    else:
        f["role"], f["what"] = (
            _word(f"part_role_{f['role']}", lang),
            _word(f"part_role_{f['what']}", lang),
        )


MORE_PREPARE: dict[str, Callable[[dict[str, Any], str], None]] = {
    "config_wrong_type": _prep_types,
    "output_device": _prep_option,
    "output_unusable": _prep_os_reason,
    "output_is_folder": _prep_option,
    "output_not_regular": _prep_option,
    "output_folder_missing": _prep_option,
    "output_is_input": _prep_input,
    "input_is_folder": _prep_what,
    "input_not_regular": _prep_what,
    "not_contacts_or_survey": _prep_kind,
    "one_file_two_years": _prep_year_list,
    "no_rows_for_year": _prep_year_list,
    "no_values_for_year": _prep_year_list,
    "series_one_year_per_file": _prep_year_list,
    "too_many_cells": _prep_cells,
    "damaged_workbook": _prep_sizes,
    "too_many_members": _prep_sizes,
    "unpacks_too_big": _prep_sizes,
    "zip_bomb": _prep_sizes,
    "not_decodable_at": _prep_label,
    "field_too_long": _prep_limit,
    "table_too_many_cells": _prep_grouped,
    "file_too_big": _prep_grouped,
    "contacts_two_columns_one_role": _prep_and,
    "kolada_municipality_missing": _prep_more,
    "kpi_no_column": _prep_place,
    "section_needs_key": _prep_keys,
    "input_not_file": _prep_input_kind,
    "report_folder_unwritable": _prep_os_reason,
    "kpi_success_missing": _prep_place,
    "too_many_fields": _prep_grouped,
    "formulas_uncalculated": _prep_formula_cells,
    "not_a_rating": _prep_value,
    "kinds_differ": _prep_kinds,
    "api_unreachable": _prep_problem,
    "tolerance_section_columns": _prep_lacking,
    "cannot_write": _prep_os_reason,
    "no_expectation_answer": lambda f, lang: f.update(
        name=_word(f"part_file_{f['name']}", lang) if lang == "sv" else f["name"]
    ),
    "kolada_no_usable_value": _prep_summary,
    "contacts_no_valid_value": _prep_contact_what,
    "regex_many_columns": _prep_roles,
    "column_two_roles": _prep_roles,
}
