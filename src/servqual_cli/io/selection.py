"""Choose columns of a table from a command line: ``--items`` lists and ``--item`` names.

An ``--items`` value is a comma list whose entries are, tried in this order:

1. an existing column name (folded as in :func:`servqual_cli.io.columns.normalise`); commas
   inside a name are kept when the joined parts name a column (``"Miljö, förväntan"``); a
   name's leading word(s) are enough when exactly one column starts with them (``X1a`` for
   R's ``X1a..Bevara.existerande``);
2. a range by name ``FIRST:LAST`` (both existing columns; every column between them in file
   order, both ends included);
3. a range by position ``8-12`` (1-based column numbers as a spreadsheet counts them, both
   included); two names joined by ``-`` (``X1-X22``) are refused with the ``:`` range and the
   column numbers they mean;
4. a glob with ``*``, ``?`` or ``[...]`` (``X7*``, ``E[1-4]``), matched against the folded
   names (a bracket expression is kept as written, its case aside) and the names as written.

A repeatable ``--item NAME`` names one column exactly, commas and all. An entry that selects
nothing is an error naming the closest existing columns (:mod:`difflib`).
"""

from __future__ import annotations

import difflib
import fnmatch
import re
from collections.abc import Sequence

from servqual_cli.errors import DataError, Location, UsageError
from servqual_cli.io.columns import ColumnIndex, normalise

__all__ = ["NAMES_FOUND", "closest", "select_columns"]

# The errors whose columns the file has: "'P1' and 'P22' are (columns)", "'X5a' comes after
# 'X1a'". The names were read right, so a reader's advice on a doubtful decoding or another
# sheet does not apply to them (review 14, finding 12).
NAMES_FOUND = frozenset({"range_dash", "range_reversed"})
_POSITIONS = re.compile(r"^\s*(\d+)\s*-\s*(\d+)\s*$")
_GLOB = re.compile(r"[*?\[]")


def select_columns(
    items: str | None,
    exact: Sequence[str],
    columns: Sequence[str],
    option: str = "--items",
    source: str | None = None,
    sheet: str | None = None,
) -> list[str]:
    """The column names (as written in the file) that ``--items`` and ``--item`` select.

    Parameters
    ----------
    items : str or None
        The ``--items`` text (comma list of names, ranges and globs).
    exact : sequence of str
        ``--item`` values: exact names, commas allowed.
    columns : sequence of str
        The table's columns in file order.
    option : str
        The option's name, for messages.

    Returns
    -------
    list of str
        Selected columns in the order given; a column reached twice by ranges or globs is kept
        once, a name typed twice is an error.

    Raises
    ------
    UsageError
        An entry matches no column (with the closest names), a range is reversed or out of the
        file, or a name is given twice.

    Examples
    --------
    >>> cols = ["id", "X1a..Bevara", "X1b", "X1c", "Miljö, förväntan", "X7a", "X7b"]
    >>> select_columns("X1a:X1c,X7*", [], cols)
    ['X1a..Bevara', 'X1b', 'X1c', 'X7a', 'X7b']
    >>> select_columns("2-3,Miljö, förväntan", [], cols)
    ['X1a..Bevara', 'X1b', 'Miljö, förväntan']
    >>> select_columns(None, ["Miljö, förväntan", "x1b"], cols)
    ['Miljö, förväntan', 'X1b']
    """
    where = Location(source, sheet)
    index = ColumnIndex(columns, source or "<table>", sheet)
    chosen: list[str] = []
    typed: dict[int, str] = {}

    def add(positions: Sequence[int], entry: str, by_name: bool) -> None:
        for pos in positions:
            if by_name and pos in typed:
                facts = {"option": option, "entry": entry}
                raise UsageError(f"{option} names {entry!r} twice; list each item once", where,
                                 code="item_twice", facts=facts)  # fmt: skip
            if by_name:
                typed[pos] = entry
            if columns[pos] not in chosen:
                chosen.append(columns[pos])

    segments = [] if items is None else items.split(",")
    i = 0
    while i < len(segments):
        # Longest run of comma-joined segments that names a column: commas inside names.
        for j in range(len(segments), i, -1):
            entry = ",".join(segments[i:j]).strip()
            pos = _find(index, entry) if entry else None
            if pos is not None:
                add([pos], entry, by_name=True)
                i = j
                break
        else:
            entry = segments[i].strip()
            i += 1
            if entry:
                positions, by_name = _expand(entry, index, columns, option, where)
                add(positions, entry, by_name)
    for name in exact:
        pos = _find(index, name)
        if pos is None:
            facts = {"name": name, **_hint_facts(name, columns)}
            raise UsageError(f"--item {name!r} is not a column{_hint(name, columns)}", where,
                             code="item_not_column", facts=facts)  # fmt: skip
        add([pos], name, by_name=True)
    return chosen


def _find(index: ColumnIndex, name: str) -> int | None:
    try:
        return index.find(name)
    except DataError as exc:  # a duplicated column named in an option: the usage is wrong
        raise UsageError(exc.message, exc.location, code=exc.code, facts=exc.facts) from exc


def _expand(
    entry: str, index: ColumnIndex, columns: Sequence[str], option: str, where: Location
) -> tuple[list[int], bool]:
    """Positions an entry that is not a column name selects: (positions, typed by name)."""
    if ":" in entry:
        first, last = (s.strip() for s in entry.split(":", 1))
        ends = []
        for end in (first, last):
            pos = _find(index, end)
            if pos is None:
                pos = _short_name(end, columns, option, where)
            if pos is None:
                raise UsageError(
                    f"{option} range {entry!r}: {end!r} is not a column{_hint(end, columns)}",
                    where,
                    code="range_end_not_column",
                    facts={
                        "option": option,
                        "entry": entry,
                        "end": end,
                        **_hint_facts(end, columns),
                    },
                )
            ends.append(pos)
        if ends[0] > ends[1]:
            raise UsageError(
                f"{option} range {entry!r}: {first!r} comes after {last!r} in the file "
                f"(columns {ends[0] + 1} and {ends[1] + 1}); write {last}:{first}",
                where,
                code="range_reversed",
                facts={
                    "option": option,
                    "entry": entry,
                    "first": first,
                    "last": last,
                    "a": ends[0] + 1,
                    "b": ends[1] + 1,
                },
            )
        return list(range(ends[0], ends[1] + 1)), False
    match = _POSITIONS.match(entry)
    if match:
        lo, hi = int(match.group(1)), int(match.group(2))
        if not 1 <= lo <= hi <= len(columns):
            raise UsageError(
                f"{option} range {entry!r}: column numbers run from 1 to {len(columns)} and the "
                "first must not exceed the last",
                where,
                code="range_positions",
                facts={"option": option, "entry": entry, "n": len(columns)},
            )
        return list(range(lo - 1, hi)), False
    if _GLOB.search(entry):
        pattern, raw = _fold_glob(entry), entry.casefold()
        # the folded names, or the names as written (a bracket may hold a "_" or "-" that
        # the folded names no longer have); case is ignored either way
        hits = [k for k, c in enumerate(columns)
                if fnmatch.fnmatchcase(normalise(c), pattern)
                or fnmatch.fnmatchcase(str(c).casefold(), raw)]  # fmt: skip
        if not hits:
            raise UsageError(
                f"{option} pattern {entry!r} matches no column{_hint(entry, columns)}",
                where,
                code="pattern_matches_none",
                facts={"option": option, "entry": entry, **_hint_facts(entry, columns)},
            )
        return hits, False
    pos = _short_name(entry, columns, option, where)
    if pos is not None:
        return [pos], True
    _refuse_dash_range(entry, index, option, where)
    facts = {"option": option, "entry": entry, **_hint_facts(entry, columns)}
    raise UsageError(f"{option} needs column {entry}, which the file lacks{_hint(entry, columns)}",
                     where, code="option_needs_column", facts=facts)  # fmt: skip


def _refuse_dash_range(entry: str, index: ColumnIndex, option: str, where: Location) -> None:
    """Raise ``range_dash`` when ``entry`` is two columns joined by ``-`` (``X1-X22``): a range
    of names is written with ``:``, and ``-`` joins column numbers; the closest names alone
    ("closest: X22, X12") did not say so (issue #16). The suggestion runs in file order."""
    for at in (k for k, ch in enumerate(entry) if ch == "-"):
        first, last = entry[:at].strip(), entry[at + 1 :].strip()
        a = _range_end(first, index, option, where)
        b = _range_end(last, index, option, where) if a is not None else None
        if a is None or b is None:
            continue
        (lo, a), (hi, b) = sorted([(first, a), (last, b)], key=lambda end: end[1])
        raise UsageError(
            f"{option} entry {entry!r} is not a column, but {first!r} and {last!r} are: a range "
            f"of names is written {lo}:{hi} (a range with '-' takes column numbers: "
            f"{a + 1}-{b + 1})",
            where,
            code="range_dash",
            facts={"option": option, "entry": entry, "first": first, "last": last, "lo": lo,
                   "hi": hi, "a": a + 1, "b": b + 1},
        )  # fmt: skip


def _range_end(name: str, index: ColumnIndex, option: str, where: Location) -> int | None:
    """The column ``name`` names as an end of a range (a name, or its leading words), or None;
    a name that starts several columns is no end here (the entry's own error is clearer)."""
    if not name:
        return None
    pos = _find(index, name)
    if pos is None:
        try:
            pos = _short_name(name, index.columns, option, where)
        except UsageError:
            return None
    return pos


# What normalise() (io.columns) folds to one space, and a glob's bracket expression as fnmatch
# reads it: "[", an optional "!", an optional first "]", then up to the next "]".
_SEPARATORS = re.compile(r"[\s_\-.]+")
_BRACKET = re.compile(r"\[!?\]?[^\]]*\]")


def _fold_glob(pattern: str) -> str:
    """``pattern`` folded as :func:`normalise` folds names, except inside ``[...]``, which only
    loses its case: folding made ``[1-4]`` the set {1, space, 4}, so ``E[1-4]`` selected E1 and
    E4 (review 11, finding 6).

    >>> _fold_glob("E[1-4]"), _fold_glob("  Fråga_1.[a-c]* "), _fold_glob("x[]-]y-z")
    ('e[1-4]', 'fråga 1 [a-c]*', 'x[]-]y z')
    """
    out: list[str] = []
    last = 0
    for bracket in _BRACKET.finditer(pattern):
        out.append(_SEPARATORS.sub(" ", pattern[last : bracket.start()].casefold()))
        out.append(bracket.group().casefold())
        last = bracket.end()
    out.append(_SEPARATORS.sub(" ", pattern[last:].casefold()))
    return "".join(out).strip()


def _short_name(entry: str, columns: Sequence[str], option: str, where: Location) -> int | None:
    """The one column whose folded name starts with the folded ``entry`` and a separator."""
    head = normalise(entry) + " "
    hits = [k for k, c in enumerate(columns) if normalise(c).startswith(head)]
    if len(hits) > 1:
        shown = "; ".join(repr(columns[k]) for k in hits[:5])
        raise UsageError(f"{option} entry {entry!r} starts {len(hits)} column names ({shown}); "
                         "give more of the name", where, code="entry_ambiguous",
                         facts={"option": option, "entry": entry, "n": len(hits),
                                "shown": shown})  # fmt: skip
    return hits[0] if hits else None


def closest(name: str, columns: Sequence[str], n: int = 3) -> list[str]:
    """The existing columns most like ``name`` (:func:`difflib.get_close_matches` on the folded
    names and on their first words, so ``X9a`` finds ``X1a..Bevara``).

    >>> closest("x1 b", ["X1a", "X1b", "Kön"])
    ['X1b']
    >>> closest("X9a", ["id", "X1a..Bevara.grönområden", "X2b..Bygga"])
    ['X1a..Bevara.grönområden']
    """
    keys: dict[str, str] = {}
    for c in columns:
        folded = normalise(c)
        keys.setdefault(folded, c)
        keys.setdefault(folded.split(" ")[0], c)
    target = normalise(_GLOB.sub("", name))
    out: list[str] = []
    for hit in difflib.get_close_matches(target, list(keys), n=3 * n, cutoff=0.6):
        if keys[hit] not in out:
            out.append(keys[hit])
    return out[:n]


def _hint_facts(name: str, columns: Sequence[str]) -> dict[str, object]:
    """What :func:`_hint` says, as facts (the closest names, else the first columns)."""
    return {"closest": tuple(closest(name, columns)), "columns": tuple(columns[:12]),
            "n_columns": len(columns)}  # fmt: skip


def _hint(name: str, columns: Sequence[str]) -> str:
    near = closest(name, columns)
    if near:
        return f"; closest: {', '.join(near)}"
    shown = ", ".join(columns[:12]) + (
        f" ... ({len(columns)} columns)" if len(columns) > 12 else ""
    )
    return f" (the file has: {shown})"
