"""The record of every cell left out of an analysis, so nothing is silently dropped."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from servqual_cli.errors import DataError, Location
from servqual_cli.io.exclusion_list import LIST_COLUMNS, exclusion_list
from servqual_cli.io.exclusion_values import (
    JSON_VALUES,
    counted,
    excluded_detail,
    present,
    ranked,
    ranked_values,
    show_all,
)

# pandas only where a frame is made or a pandas column recorded (the fast CSV path records
# encoded columns, add_coded, and needs none: issue #16)
if TYPE_CHECKING:
    import pandas as pd

# (the --excluded list's layout lives in io.exclusion_list, the excluded texts counted in
# io.exclusion_values; their names are kept here)
__all__ = [
    "JSON_VALUES", "LIST_COLUMNS", "MISSING_REASONS", "NAMED_REASONS", "REASON_TEXT",
    "ExclusionLog", "excluded_detail", "exclusion_list", "present", "ranked_values",
]  # fmt: skip

# Reasons that mean "no answer" rather than "a wrong answer": --strict does not reject them.
# A contact that reached no one has no value to be wrong (io/kpi_reached.py, session 14).
MISSING_REASONS = frozenset(
    {"blank", "dont_know", "not_applicable", "not_available", "missing_token", "missing_code",
     "unreached", "unanswered", "blank_weight"}
)  # fmt: skip

REASON_TEXT = {
    "blank": "blank",
    "unreached": "a contact that reached no one",
    "unanswered": "an e-mail never answered",
    "dont_know": "don't know (Vet ej)",
    "not_applicable": "not applicable (Ej aktuellt)",
    "not_available": "NA",
    "missing_token": "declared missing",
    "missing_code": "missing code (--missing-codes)",
    "out_of_range": "out of range",
    "not_scale_point": "not a scale point (between two points)",
    "unparseable": "not a valid value",
    "duplicate": "duplicate",
    "end_before_start": "end before start",
    "invalid_date": "not a date",
    "wrong_weekday": "wrong weekday (the date falls on another day)",
    "invalid_weight": "missing or negative weight",
    "blank_weight": "blank weight (out of the weighted estimates only: io.weight_column)",
    "excel_error": "spreadsheet error value (#N/A, #DIV/0! ...)",
    # a whole trailing row of means or sums, left out before any cell was read (io.summary_rows)
    "summary_row": "summary row",
}


# Reasons whose excluded texts are named, in the note and the JSON's "excluded_detail" (session
# 15): "not a valid value 37" says something is wrong, "'ja' 20, '?' 12" says what to fix. An
# out-of-range number and an unreadable date too (session 16): "out of range 14 ('8' 9, '0' 5)"
# shows a 0–10 scale read as 1–7, "not a date 3 ('31/2' 2, …)" the typo. A blank, a "Vet ej"
# or a declared missing code is named by its reason already. The codes of gap's --missing-codes
# are named (session 17): "missing code 14 (“99” 14)" says which code left how many out. A date
# whose written weekday is not its own ("tisdag 3 mars 2024", a Sunday) is named as an
# unreadable one is (session 17).
NAMED_REASONS = ("unparseable", "out_of_range", "invalid_date", "missing_code", "wrong_weekday")


class ExclusionLog:
    """Collects excluded cells (file row, column, value, reason) while a file is cleaned.

    Each :meth:`add` keeps, for the excluded cells only, their rows, values and a small integer
    reason code; the counts come from those codes (numpy), and the per-cell frame is built only
    when :meth:`to_frame` or :meth:`raise_if_strict` asks for it. Values are turned into text
    once per distinct value.

    >>> log = ExclusionLog("a.csv")
    >>> log.add(np.array([2, 3, 4]), "E1", np.array([5, "", "x"], dtype=object),
    ...         np.array([None, "blank", "unparseable"], dtype=object))
    >>> log.counts()
    {'blank': 1, 'unparseable': 1}
    >>> log.to_frame().values.tolist()
    [[3, 'E1', '', 'blank'], [4, 'E1', 'x', 'unparseable']]
    """

    def __init__(self, source: str, sheet: str | None = None) -> None:
        self.source = source
        self.sheet = sheet
        self._reasons: dict[str, int] = {}  # reason -> code, in order of first use
        self._tally: dict[int, int] = {}  # reason code -> cells
        self._where: dict[tuple[int, str], int] = {}  # (reason code, column) -> cells
        self._parts: list[_Part | _CodedPart] = []
        self._recoded: dict[tuple[str, float], int] = {}  # (text, value) -> cells read from it
        self._merged: dict[str, dict[tuple[str, str], int]] = {}  # column -> case merges
        self._shown: dict[str, Mapping[str, str]] = {}  # column -> listed text -> code (label)

    def show_codes(self, shown: Mapping[str, Mapping[str, str]]) -> None:
        """List the cells of these columns as given (column -> text -> shown): an SPSS
        declared-missing code as its code and label, "99 (Vet ej)", not its label alone, so the
        reader finds the cell in SPSS (:func:`servqual_cli.io.spss_missing.declared_shown`).

        >>> log = ExclusionLog("a.sav")
        >>> log.show_codes({"E1": {"Vet ej": "99 (Vet ej)"}})
        >>> log.add(np.array([2, 3]), "E1", np.array(["Vet ej", ""], dtype=object),
        ...         np.array(["dont_know", "blank"], dtype=object))
        >>> log.to_frame()["value"].tolist()
        ['99 (Vet ej)', '']
        """
        self._shown.update(shown)

    def _codes_of(self, uniques: np.ndarray) -> np.ndarray:
        return np.array(
            [self._reasons.setdefault(str(u), len(self._reasons)) for u in uniques],
            dtype=np.int16,
        )

    def _count(self, reason_codes: np.ndarray, cells: np.ndarray, column: str) -> None:
        for code, n in zip(reason_codes.tolist(), cells.tolist(), strict=True):
            if n:
                self._tally[code] = self._tally.get(code, 0) + n
                self._where[code, column] = self._where.get((code, column), 0) + n

    def add(self, rows: np.ndarray, column: str, values: np.ndarray, reasons: np.ndarray) -> None:
        """Record cells; ``reasons`` holds a reason string or None (kept) per row."""
        import pandas as pd

        reasons = np.asarray(reasons, dtype=object)
        if not len(reasons):
            return
        codes, uniques = pd.factorize(reasons, use_na_sentinel=True)  # None -> -1
        hit = codes >= 0
        if not hit.any():
            return
        own = self._codes_of(uniques)
        self._count(own, np.bincount(codes[hit], minlength=len(uniques)), column)
        self._parts.append(
            _Part(
                np.asarray(rows)[hit].astype(np.int64),
                column,
                np.asarray(values, dtype=object)[hit],
                own[codes[hit]],
            )
        )

    def add_coded(
        self,
        rows: np.ndarray,
        column: str,
        codes: np.ndarray,
        uniques: np.ndarray,
        reasons: np.ndarray,
        cells: np.ndarray | None = None,
    ) -> None:
        """Record the cells of an encoded column: ``uniques[codes]`` are the cells and
        ``reasons`` holds a reason or None per distinct value (``uniques``).

        Only the counts are made now (one ``bincount`` over the codes, or ``cells``, the
        cells per distinct value when the caller has counted them); which cells were excluded
        is worked out if :meth:`to_frame` is asked for.

        >>> log = ExclusionLog("a.csv")
        >>> log.add_coded(np.array([2, 3, 4]), "E1", np.array([0, 1, 1], dtype=np.int8),
        ...               np.array(["5", ""], dtype=object), np.array([None, "blank"]))
        >>> log.counts(), log.to_frame().values.tolist()
        ({'blank': 2}, [[3, 'E1', '', 'blank'], [4, 'E1', '', 'blank']])
        """
        reasons = np.asarray(reasons, dtype=object)
        excluded = np.flatnonzero(present(reasons))
        if not len(codes) or not len(excluded):
            return
        own = np.full(len(uniques), -1, dtype=np.int16)
        own[excluded] = self._codes_of(reasons[excluded])
        if cells is None:
            cells = np.bincount(codes, minlength=len(uniques))
        if not cells[excluded].any():
            return
        self._count(own[excluded], cells[excluded], column)
        self._parts.append(_CodedPart(np.asarray(rows), column, codes, uniques, own, cells))

    def to_frame(self) -> pd.DataFrame:
        """All excluded cells, sorted by row then column position of recording."""
        import pandas as pd

        if not self._parts:
            return pd.DataFrame({"row": [], "column": [], "value": [], "reason": []})
        names = np.array(list(self._reasons), dtype=object)
        parts = [p.cells() for p in self._parts]
        frame = pd.DataFrame(
            {
                "row": np.concatenate([p[0] for p in parts]),
                "column": np.concatenate(
                    [
                        np.full(len(p[0]), column, dtype=object)
                        for p, column in zip(parts, (q.column for q in self._parts), strict=True)
                    ]
                ),
                "value": show_all(np.concatenate([p[1] for p in parts])),
                "reason": names[np.concatenate([p[2] for p in parts])],
            }
        )
        for column, texts in self._shown.items():  # a few SPSS columns, each vectorised
            at = frame["column"].eq(column).to_numpy(dtype=bool)
            if at.any():
                listed = frame.loc[at, "value"]
                shown = listed.map(dict(texts))
                frame.loc[at, "value"] = shown.where(shown.notna(), listed)
        return frame.sort_values(["row"], kind="stable").reset_index(drop=True)

    def counts(self) -> dict[str, int]:
        """Reason -> number of cells, reasons in a fixed order (reproducible output)."""
        names = list(self._reasons)
        return {names[k]: n for k, n in sorted(self._tally.items(), key=lambda kv: names[kv[0]])
                if n}  # fmt: skip

    def by_column(self) -> dict[str, dict[str, int]]:
        """Reason -> column -> cells (reasons as in :meth:`counts`, columns in recording order):
        where the excluded cells are, for a message that names the column (review 4, 13).

        >>> log = ExclusionLog("a.csv")
        >>> log.add(np.array([2, 3]), "E3", np.array([8, 9], dtype=object),
        ...         np.array(["out_of_range", "out_of_range"], dtype=object))
        >>> log.by_column()
        {'out_of_range': {'E3': 2}}
        """
        names = list(self._reasons)
        order = sorted(self._tally, key=names.__getitem__)
        out: dict[str, dict[str, int]] = {names[k]: {} for k in order}
        for (code, column), n in self._where.items():
            out[names[code]][column] = n
        return out

    def value_counts(self, reason: str = "unparseable") -> tuple[tuple[str, int], ...]:
        """The distinct values excluded for ``reason``, as the ``--excluded`` list shows them,
        with their cells: commonest first, ties by text (the same file gives the same order).
        An analyst fixes her data from "'ja' 12", not from "not a valid value 12" (session 15).

        Worked out when asked, per distinct value: nothing is kept while the file is read, and
        a log without such cells answers at once.

        >>> log = ExclusionLog("a.csv")
        >>> log.add(np.array([2, 3, 4, 5]), "E1", np.array(["ja", "?", "ja", ""], dtype=object),
        ...         np.array(["unparseable"] * 3 + ["blank"], dtype=object))
        >>> log.add_coded(np.array([2, 3, 4, 5]), "E2", np.array([0, 1, 1, 2], dtype=np.int8),
        ...               np.array(["5", "?", 7.0], dtype=object),
        ...               np.array([None, "unparseable", "unparseable"], dtype=object))
        >>> log.value_counts()
        (('?', 3), ('ja', 2), ('7', 1))
        >>> log.value_counts("out_of_range")
        ()
        """
        code = self._reasons.get(reason)
        if code is None or not self._tally.get(code):
            return ()
        tallies = [p.tally(code) for p in self._parts]
        texts, cells = counted(
            np.concatenate([t for t, _ in tallies]), np.concatenate([n for _, n in tallies])
        )
        # a loop over distinct values (the cells were counted above)
        return ranked(texts, cells)

    def named_values(self) -> dict[str, tuple[tuple[str, int], ...]]:
        """:meth:`value_counts` of each of :data:`NAMED_REASONS` that has cells: what the note
        and the JSON name."""
        return {r: v for r in NAMED_REASONS if (v := self.value_counts(r))}

    def add_recoded(self, tally: dict[tuple[str, float], int]) -> None:
        """Count answers read from text (kept, not excluded): ``(text, value) -> cells``."""
        for key, n in tally.items():
            self._recoded[key] = self._recoded.get(key, 0) + n

    def recoded(self) -> dict[tuple[str, float], int]:
        """The answers read from text, by value then text (reproducible output).

        >>> log = ExclusionLog("a.csv")
        >>> log.add_recoded({("Instämmer helt", 7.0): 2, ("Tar avstånd", 2.0): 1})
        >>> log.add_recoded({("Instämmer helt", 7.0): 3})
        >>> log.recoded()
        {('Tar avstånd', 2.0): 1, ('Instämmer helt', 7.0): 5}
        """
        return dict(sorted(self._recoded.items(), key=lambda kv: (kv[0][1], kv[0][0])))

    def add_group_merges(self, column: str, merged: dict[tuple[str, str], int]) -> None:
        """Record group values read as another spelling (``(as written, used) -> cells``)."""
        if merged:
            into = self._merged.setdefault(column, {})
            for key, n in merged.items():
                into[key] = into.get(key, 0) + n

    def group_merges(self) -> dict[str, dict[tuple[str, str], int]]:
        """Column -> the group spellings merged (:func:`servqual_cli.io.groups.group_cells`)."""
        return {c: dict(sorted(m.items())) for c, m in self._merged.items()}

    def raise_if_strict(self) -> None:
        """For ``--strict``: the first wrong (not merely missing) value becomes an error."""
        if not self._parts:
            return
        frame = self.to_frame()
        wrong = frame[~frame["reason"].isin(MISSING_REASONS)]
        if len(wrong):
            first = wrong.iloc[0]
            more = f" (and {len(wrong) - 1} more)" if len(wrong) > 1 else ""
            raise DataError(
                f"{REASON_TEXT.get(first['reason'], first['reason'])}: {first['value']!r}{more}; "
                "--strict rejects any excluded value",
                Location(self.source, self.sheet, int(first["row"]), str(first["column"])),
                code="strict_rejects",
                facts={"reason": first["reason"], "value": first["value"], "n_more": len(wrong) - 1,
                       "reason_text": REASON_TEXT.get(first["reason"], first["reason"])},
            )  # fmt: skip


@dataclass(frozen=True)
class _Part:
    """Excluded cells as recorded: rows, values and reason codes of those cells only."""

    rows: np.ndarray
    column: str
    values: np.ndarray
    reasons: np.ndarray

    def cells(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        return self.rows, self.values, self.reasons

    def tally(self, reason: int) -> tuple[np.ndarray, np.ndarray]:
        # the excluded cells only (few): shown as the list shows them, then counted
        hit = self.reasons == reason
        if not hit.any():
            return np.array([], dtype=object), np.array([], dtype=np.int64)
        return counted(show_all(self.values[hit]))


@dataclass(frozen=True)
class _CodedPart:
    """A whole encoded column (shared with the table, not copied) and a reason code per
    distinct value (-1: kept); the excluded cells are picked out only when asked for."""

    rows: np.ndarray
    column: str
    codes: np.ndarray
    uniques: np.ndarray
    reason_of: np.ndarray
    counts: np.ndarray  # cells per distinct value (add_coded counted them already)

    def cells(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        reason = self.reason_of[self.codes]
        hit = np.flatnonzero(reason >= 0)
        codes = self.codes[hit]
        return self.rows[hit].astype(np.int64), self.uniques[codes], reason[hit]

    def tally(self, reason: int) -> tuple[np.ndarray, np.ndarray]:
        # per distinct value, not per cell: the column is never walked again
        which = np.flatnonzero(self.reason_of == reason)
        return show_all(self.uniques[which]), self.counts[which]
