"""Resolve an instrument's column roles against the column names of a table.

One function for every loader (the survey loader, the zone-of-tolerance loader, ``describe``):
patterns and lists are looked up by folded name (case, spaces, ``_``, ``-`` and ``.`` ignored,
see :func:`servqual_cli.io.columns.normalise`); a regex is searched case-insensitively in the
names as written and must match exactly one column.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from servqual_cli.errors import ConfigError, DataError, Location
from servqual_cli.instruments.model import ROLES, ColumnSpec, Instrument
from servqual_cli.io.columns import ColumnIndex, excel_letter, normalise


def role_numbers(instrument: Instrument, role: str) -> tuple[int, ...]:
    """Item numbers (dimension order) of an item role; 1..d dimension positions for weights."""
    if role == "weights":
        return tuple(range(1, len(instrument.dimensions) + 1))
    return instrument.items


def resolve_columns(
    instrument: Instrument,
    role: str,
    columns: Sequence[str],
    source: str | None = None,
    sheet: str | None = None,
) -> dict[int, str]:
    """Map each item (or, for ``weights``, 1-based dimension position) to its column name.

    Parameters
    ----------
    instrument : Instrument
    role : {"expectation", "perception", "adequate", "desired", "weights"}
    columns : sequence of str
        The table's column names as read.
    source, sheet : str, optional
        For the error location.

    Returns
    -------
    dict
        Item number -> column name as written in the file, in the instrument's item order.

    Raises
    ------
    ConfigError
        The instrument does not define ``role``.
    DataError
        A column is missing, a regex matches no or several columns, or a name is duplicated.

    Examples
    --------
    >>> from servqual_cli.instruments.toml import instrument_from_dict
    >>> inst = instrument_from_dict({"name": "K", "scale": [1, 5], "dimensions": {"A": [1, 2]},
    ...     "perception": {"regex": r"^{item}-2\\."}, "expectation": "e{item:02d}"})
    >>> cols = ["1-2. Lätt (upplevelse)", "2-2. Snabb (upplevelse)", "E01", "E02"]
    >>> resolve_columns(inst, "perception", cols)
    {1: '1-2. Lätt (upplevelse)', 2: '2-2. Snabb (upplevelse)'}
    >>> resolve_columns(inst, "expectation", cols)
    {1: 'E01', 2: 'E02'}
    """
    return resolve_roles(instrument, (role,), columns, source, sheet)[role]


def resolve_roles(
    instrument: Instrument,
    roles: Sequence[str],
    columns: Sequence[str],
    source: str | None = None,
    sheet: str | None = None,
    encoding: str | None = None,
) -> dict[str, dict[int, str]]:
    """:func:`resolve_columns` for several roles at once: one error lists every missing column,
    and a column claimed by two roles (or two items) is an error naming both. ``encoding``: the
    ``--encoding`` the run was given (:func:`given_encoding`), repeated in the template hint."""
    where = Location(source, sheet)
    index = ColumnIndex(columns, source or "<table>", sheet)
    out: dict[str, dict[int, str]] = {}
    missing: list[str] = []
    by_regex = False  # a regex's "(no column matches ...)" is English: no code then
    for role in roles:
        spec = instrument.spec(role)
        if spec is None:
            raise ConfigError(f"instrument {instrument.name!r} defines no {role!r} columns")
        found: dict[int, str] = {}
        for pos, number in enumerate(_list_order(instrument, role)):
            name = _find(spec, number, pos, index, columns, role, where)
            if name is None:
                missing.append(_wanted(spec, number, pos, role))
                by_regex |= spec.kind == "regex"
            else:
                found[number] = name
        out[role] = {n: found[n] for n in role_numbers(instrument, role) if n in found}
    if missing:
        more = f" and {len(missing) - 8} more" if len(missing) > 8 else ""
        shown = ", ".join(missing[:8]) + more
        raise DataError(
            f"instrument {instrument.name!r} needs column{'s' if len(missing) > 1 else ''} "
            f"{shown}, which the file lacks (it has: {_preview(columns)})"
            f"{_unnamed(columns, missing)}"
            f"{_template_hint(out, source, sheet, encoding, columns)}",
            where,
            code=None if by_regex else "instrument_columns_missing",
            facts=_missing_facts(instrument.name, missing, columns, out, source, sheet, encoding),
        )
    _check_distinct(out, where)
    return out


def _missing_facts(
    name: str,
    missing: Sequence[str],
    columns: Sequence[str],
    found: dict[str, dict[int, str]],
    source: str | None,
    sheet: str | None = None,
    encoding: str | None = None,
) -> dict[str, object]:
    """The facts of the columns-missing error (what :func:`_unnamed` and
    :func:`_template_hint` say, as data), for the CLI to say in the run's language."""
    blank = [excel_letter(i) for i, c in enumerate(columns) if c == f"column {i + 1}"]
    template = None
    if not any(found.values()):
        template = describe_args(source, sheet, encoding, columns=columns)
    return {"instrument": name, "missing": tuple(missing), "columns": tuple(columns[:12]),
            "n_columns": len(columns), "unnamed": tuple(blank), "template": template}  # fmt: skip


def _template_hint(
    found: dict[str, dict[int, str]],
    source: str | None,
    sheet: str | None = None,
    encoding: str | None = None,
    columns: Sequence[str] | None = None,
) -> str:
    """When no column of the instrument is in the file, its columns have other names (a
    two-row header "Förväntan" over "1", "2", ...; review 2 item 23l): name the command that
    writes an instrument for them, with the ``--sheet`` and ``--encoding`` the run read the file
    with, so that it works as printed (review 11, finding 1).

    >>> _template_hint({"perception": {}}, "enkät.xlsx")[:58]
    '; none of them is there: servqual describe enkät.xlsx --in'
    >>> _template_hint({"perception": {}}, "a b.csv", None, "cp1252")[:70]
    '; none of them is there: servqual describe "a b.csv" --encoding cp1252'
    >>> _template_hint({"perception": {1: "P1"}}, "enkät.xlsx")
    ''
    """
    if any(found.values()):
        return ""
    name = describe_args(source, sheet, encoding, columns=columns)
    return (f"; none of them is there: servqual describe {name} --instrument-template writes "
            "a starter instrument for the file's own column names")  # fmt: skip


def describe_args(
    source: str | None,
    sheet: str | None,
    encoding: str | None,
    sheets: Sequence[str] | None = None,
    columns: Sequence[str] | None = None,
) -> str:
    """The file and the reading options of ``servqual describe`` for the file the run read:
    ``--sheet`` when the workbook has more than one sheet (describe would read the first),
    ``--encoding`` when the run was given one. ``sheets``: the workbook's sheet names when the
    caller has them (describe's own hint, review 11b finding 3), else they are read here.
    ``columns``: the read sheet's; a sheet of at most one column is a cover page (Netigate's
    "Information" with its one "Rapport" column), so a workbook with one other sheet is named
    by that sheet instead (review 11b, finding 3, "related").

    >>> describe_args("<stdin>", None, None), describe_args("x.csv", None, "latin-1")
    ('FILE', 'x.csv --encoding latin-1')
    >>> describe_args("n.xlsx", "Rådata", None, ["Information", "Rådata"])
    'n.xlsx --sheet Rådata'
    >>> describe_args("a b.xlsx", "Blad1", None, ["Blad1"])
    '"a b.xlsx"'
    >>> describe_args("n.xlsx", "Information", None, ["Information", "Rådata"], ["Rapport"])
    'n.xlsx --sheet Rådata'
    """
    if not source or source in ("<table>", "<stdin>"):
        return "FILE"
    words = [_shell(source)]
    if sheet is not None:
        if sheets is None:
            from servqual_cli.io.profile import sheet_names  # the error path only

            sheets = sheet_names(source)
        others = [s for s in sheets if s != sheet]
        if columns is not None and len(columns) <= 1 and len(others) == 1:
            sheet = others[0]
        if len(sheets) > 1:
            words += ["--sheet", _shell(sheet)]
    if encoding:
        words += ["--encoding", _shell(encoding)]
    return " ".join(words)


_PLAIN_WORD = re.compile(r"[\w./:+,=@%-]+")


def _shell(word: str) -> str:
    """``word`` as a shell argument: as it is, or in double quotes (as the scale-use note
    quotes a path with a space).

    >>> _shell("Rådata"), _shell("Blad 1"), _shell('a"b') == '"a' + chr(92) + '"b"'
    ('Rådata', '"Blad 1"', True)
    """
    if _PLAIN_WORD.fullmatch(word):
        return word
    return '"' + re.sub(r'(["\\$`])', r"\\\1", word) + '"'


def given_encoding(table: object) -> str | None:
    """The encoding a table was read with when the run gave ``--encoding``, else None (the
    reader's own guess is what describe would make too).

    >>> given_encoding(object()) is None
    True
    """
    if getattr(table, "encoding_reason", None) == "given with --encoding":
        return getattr(table, "encoding", None)
    return None


def _unnamed(columns: Sequence[str], missing: Sequence[str]) -> str:
    """A hint naming the columns whose header cell is empty (the reader calls them "column N"),
    as one of them may be the column missed (review 2, item 22).

    >>> _unnamed(["E1", "column 2", "P1"], ["E2"])
    '; column B has no name: was it E2?'
    >>> _unnamed(["column 1", "column 2"], ["E1", "E2"])
    '; columns A, B have no name: are they E1, E2, ...?'
    >>> _unnamed(["E1", "P1"], ["E2"])
    ''
    """
    blank = [excel_letter(i) for i, c in enumerate(columns) if c == f"column {i + 1}"]
    if not blank:
        return ""
    if len(blank) == 1:
        guess = f"was it {missing[0]}?" if len(missing) == 1 else "is it one of them?"
        return f"; column {blank[0]} has no name: {guess}"
    return f"; columns {', '.join(blank[:8])} have no name: are they {', '.join(missing[:2])}, ...?"


def find_role_columns(
    instrument: Instrument,
    role: str,
    columns: Sequence[str],
    source: str | None = None,
    sheet: str | None = None,
) -> tuple[dict[int, str], list[str]]:
    """Like :func:`resolve_columns` but tolerant: (found columns, descriptions of the missing).

    For optional roles (weights) where "none present" and "some present" mean different things.
    """
    spec = instrument.spec(role)
    if spec is None:
        return {}, []
    where = Location(source, sheet)
    index = ColumnIndex(columns, source or "<table>", sheet)
    found: dict[int, str] = {}
    missing: list[str] = []
    for pos, number in enumerate(_list_order(instrument, role)):
        name = _find(spec, number, pos, index, columns, role, where)
        if name is None:
            missing.append(_wanted(spec, number, pos, role))
        else:
            found[number] = name
    return {n: found[n] for n in role_numbers(instrument, role) if n in found}, missing


def _list_order(instrument: Instrument, role: str) -> tuple[int, ...]:
    """The order a list form names columns in: ascending item number (dimension order for
    weights)."""
    numbers = role_numbers(instrument, role)
    return numbers if role == "weights" else tuple(sorted(numbers))


def _find(
    spec: ColumnSpec,
    number: int,
    pos: int,
    index: ColumnIndex,
    columns: Sequence[str],
    role: str,
    where: Location,
) -> str | None:
    if spec.kind != "regex":
        name = spec.name_for(number, pos)
        hit = None if name is None else index.find(name)
        if hit is None and name is not None:
            return _find_joined(name, columns)
        return None if hit is None else index.columns[hit]
    regex = re.compile(spec.regex_for(number), re.IGNORECASE)
    hits = [c for c in columns if regex.search(str(c))]
    if len(hits) > 1:
        shown = "; ".join(repr(h) for h in hits[:5]) + (" ..." if len(hits) > 5 else "")
        raise DataError(
            f"{role} {_what(role)} {number}: the regex {spec.regex_for(number)!r} matches "
            f"{len(hits)} columns ({shown}); make it match exactly one",
            where,
            code="regex_many_columns",
            facts={"role": role, "what": _what(role), "number": number,
                   "regex": spec.regex_for(number), "n": len(hits), "shown": shown},
        )  # fmt: skip
    return hits[0] if hits else None


_CODE_NUMBER = re.compile(r"^([^\W\d_]{1,3}) ?(\d+)$")


def _code_key(name: str) -> str | None:
    """A short letter code and a number without the space between them ("e 1" -> "e1"), or
    None for any other name.

    >>> _code_key("E 1"), _code_key("p22"), _code_key("Förväntan 1"), _code_key("Kön")
    ('e1', 'p22', None, None)
    """
    m = _CODE_NUMBER.match(normalise(name))
    return None if m is None else m.group(1) + m.group(2)


def _find_joined(name: str, columns: Sequence[str]) -> str | None:
    """The one column named ``name`` but for a space between its letter code and its number:
    the two-row header join writes "E" over "1" as "E 1", which is the instrument's E1 (review 5,
    finding 7). Two such columns match nothing (the caller reports the column missing).

    >>> _find_joined("E1", ["id", "E 1", "E 2"]), _find_joined("E 2", ["E1", "E2"])
    ('E 1', 'E2')
    >>> _find_joined("E1", ["E 1", "E_1"]) is None, _find_joined("E1", ["Förväntan 1"]) is None
    (True, True)
    """
    key = _code_key(name)
    if key is None:
        return None
    hits = [c for c in columns if _code_key(str(c)) == key]  # header cells, not data
    return str(hits[0]) if len(hits) == 1 else None


def _wanted(spec: ColumnSpec, number: int, pos: int, role: str) -> str:
    """How a missing column is named in the error: its name, or the regex and its item."""
    if spec.kind == "regex":
        return f"{role} {_what(role)} {number} (no column matches {spec.regex_for(number)!r})"
    name = spec.name_for(number, pos) or f"{role} {number}"
    return name


def _what(role: str) -> str:
    return "dimension" if role == "weights" else "item"


def _check_distinct(out: dict[str, dict[int, str]], where: Location) -> None:
    owner: dict[str, str] = {}
    for role, found in out.items():
        for number, name in found.items():
            key = normalise(name)
            this = f"{role} {_what(role)} {number}"
            if key in owner:
                raise DataError(
                    f"column {name!r} is used for both {owner[key]} and {this}; "
                    "each role and item needs its own column",
                    where,
                    code="column_two_roles",
                    facts={"name": name, "first": owner[key], "second": this},
                )
            owner[key] = this


def _preview(columns: Sequence[str], limit: int = 12) -> str:
    shown = ", ".join(str(c) for c in columns[:limit])
    return shown + (f" ... ({len(columns)} columns)" if len(columns) > limit else "")


__all__ = [
    "ROLES",
    "describe_args",
    "find_role_columns",
    "given_encoding",
    "resolve_columns",
    "resolve_roles",
]
