"""The feedback loader on codes gives what the cell-by-cell loader gave (issue #16).

:func:`servqual_cli.io.feedback.load_feedback` parses each column once per distinct cell and
decides every exclusion on small integer codes. :func:`_reference_load_feedback` below is the
loader as it was before that rewrite: every parser on every cell, object arrays per row. Both
must give the same kept frame, the same excluded cells (row, column, value, reason, in order),
the same counts and the same errors, on generated registers read from a workbook-like frame
and from a CSV file (the fast reader's codes). A deliberately broken variant must be caught.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from servqual_cli.errors import DataError, Location, ServqualError
from servqual_cli.io import feedback
from servqual_cli.io.cells import parse_dates, reasons, text_values
from servqual_cli.io.columns import ColumnIndex
from servqual_cli.io.exclusions import ExclusionLog
from servqual_cli.io.feedback import REQUIRED, ROLES, FeedbackData, load_feedback
from servqual_cli.io.feedback_cells import check_date_column, parse_contact, parse_types
from servqual_cli.io.read import RawTable, read_table
from servqual_cli.vocab.date_order import end_before_start


def _reference_load_feedback(table: RawTable, strict: bool = False) -> FeedbackData:
    """The pre-#16 loader: each parser on every cell of the column (no codes)."""
    index = ColumnIndex(table.columns, table.source, table.sheet)
    found = index.resolve_roles(ROLES, required=REQUIRED)
    log, rows = ExclusionLog(table.source, table.sheet), table.row_numbers
    n = len(rows)
    frame = table.frame

    def column(role: str) -> pd.Series:
        if role not in found:
            return pd.Series([None] * n, dtype=object)
        return frame.iloc[:, found[role]].reset_index(drop=True)

    def name(role: str) -> str:
        return str(table.columns[found[role]])

    def dates(role: str) -> tuple[pd.Series, npt.NDArray[np.object_]]:
        times, why = parse_dates(column(role), excel_serials=True)  # serial days, as feedback
        return pd.Series(np.asarray(times), dtype="datetime64[ns]"), why

    def text(role: str) -> pd.Series:
        return pd.Series(np.asarray(text_values(column(role))), dtype=object)

    received, why_received = dates("received")
    types, why_type = parse_types(column("type"))
    types = pd.Series(np.asarray(types), dtype=object)
    answered, why_answered = dates("answered")
    closed, why_closed = dates("closed")
    for role, why in (("received", why_received), ("answered", why_answered),
                      ("closed", why_closed)):  # fmt: skip
        if role in found:
            where = Location(table.source, table.sheet, None, name(role))
            check_date_column(column(role), why, rows, where)
    ids = text("id")
    checks = [
        ("received", why_received),
        ("type", why_type),
        ("answered", reasons(n, invalid_date=why_answered == "invalid_date")),
        ("closed", reasons(n, invalid_date=why_closed == "invalid_date")),
    ]
    keep = np.ones(n, dtype=bool)
    for role, why in checks:
        if role not in found:
            continue
        hit = keep & (why != None)  # noqa: E711
        log.add(rows[hit], name(role), column(role).to_numpy()[hit], why[hit])
        keep &= ~hit
    if "id" in found:
        duplicate = keep & ids.notna().to_numpy() & ids.where(keep).duplicated().to_numpy()
        log.add(rows[duplicate], name("id"), column("id").to_numpy()[duplicate],
                np.full(int(duplicate.sum()), "duplicate", dtype=object))  # fmt: skip
        keep &= ~duplicate
    for role, end in (("answered", answered), ("closed", closed)):
        if role not in found:
            continue
        before = keep & end_before_start(received, end)  # a date-only end: that day's end
        log.add(rows[before], name(role), column(role).to_numpy()[before],
                np.full(int(before.sum()), "end_before_start", dtype=object))  # fmt: skip
    contact, why_contact = parse_contact(column("contact_given"))
    log.add(rows[keep], name("contact_given"), column("contact_given").to_numpy()[keep],
            why_contact[keep])  # fmt: skip
    if strict:
        log.raise_if_strict()
    if not keep.any():
        raise DataError("no usable rows left after exclusions", Location(table.source, table.sheet))
    clean = pd.DataFrame(
        {
            "row": rows,
            "id": ids,
            "received": received,
            "answered": answered,
            "closed": closed,
            "type": types,
            "unit": text("unit"),
            "channel": text("channel"),
            "category": text("category"),
            "contact": contact,
        }
    )[keep].reset_index(drop=True)
    clean["unit"] = clean["unit"].fillna("–")
    return FeedbackData(clean, table, {role: name(role) for role in found}, n, log)


def _outcome(load: Any, table: RawTable, strict: bool = False) -> Any:
    try:
        fb = load(table, strict)
    except ServqualError as exc:  # the same error must come from both
        return (type(exc).__name__, str(exc))
    return fb.frame, fb.log.to_frame(), fb.excluded, fb.n_rows, fb.columns


def _assert_same(new: Any, old: Any) -> None:
    if isinstance(old, tuple) and isinstance(old[0], str):
        assert new == old
        return
    assert not (isinstance(new, tuple) and isinstance(new[0], str)), new
    pd.testing.assert_frame_equal(new[0], old[0])
    pd.testing.assert_frame_equal(new[1], old[1])
    assert new[2:] == old[2:]


DATES = [
    "2024-01-02", "2024-01-05", "2023-12-30", " 2024-01-03 ", "2024-01-03 08.15",
    "2024-03-31 02:30", "2024-01-04T06:00:00Z", "9999-12-31", "", " ", "x", "05.01.2024",
    "#N/A", "45000",
]  # fmt: skip
IDS = ["A1", "A2", " A1", "A3 ", "12", "12.0", "", " "]
TYPES_ = ["beröm", "Klagomål ", "fråga", "PRAISE", "x", "", " "]
UNITS = ["Bygg", " Bygg", "Skola", "", "12.0", "#N/A"]
CONTACT = ["ja", "Nej", "", "kanske", "1", "0.0", "x", " JA"]


@st.composite
def registers(draw: Any, workbook: bool) -> pd.DataFrame:
    n = draw(st.integers(1, 25))

    def column(pool: list[Any]) -> list[Any]:
        return draw(st.lists(st.sampled_from(pool), min_size=n, max_size=n))

    extra: list[Any] = [None, 7.0, 7, True, dt.datetime(2024, 1, 2, 9, 0)] if workbook else []
    return pd.DataFrame(
        {
            "Ärende": column(IDS + extra),
            "Inkommen": column(DATES + extra),
            "Typ": column(TYPES_ + extra[:1]),
            "Förvaltning": column(UNITS + extra[:3]),
            "Kanal": column(["webb", "", " telefon"]),
            "Kontaktuppgifter": column(CONTACT + extra),
            "Besvarad": column(DATES + extra),
            "Avslutad": column(DATES + extra),
        },
        dtype=object,
    )


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(registers(workbook=True), st.booleans())
def test_workbook_registers_load_as_cell_by_cell(frame: pd.DataFrame, strict: bool) -> None:
    table = RawTable(frame, "g.xlsx", "Blad1", 1, np.arange(2, len(frame) + 2), "")
    new = _outcome(load_feedback, table, strict)
    _assert_same(new, _outcome(_reference_load_feedback, table, strict))


def _csv(frame: pd.DataFrame, path: Path) -> RawTable:
    lines = [";".join(frame.columns)] + [";".join(map(str, r)) for r in frame.to_numpy()]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return read_table(path)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(registers(workbook=False))
def test_csv_registers_load_as_cell_by_cell(tmp_path_factory: Any, frame: pd.DataFrame) -> None:
    path = tmp_path_factory.mktemp("csv") / "g.csv"
    try:
        table = _csv(frame, path)
    except ServqualError:  # e.g. every row blank: nothing to load
        return
    new = _outcome(load_feedback, table)
    old = _outcome(_reference_load_feedback, replace(table, frame=table.frame, encoded=None))
    _assert_same(new, old)


def _messy(path: Path, n: int = 3000) -> RawTable:
    rng = np.random.default_rng(11)
    ids = np.array([f"S{i}" for i in rng.integers(0, n, n)], dtype=object)
    padded = rng.random(n) < 0.05  # " S7" is the id S7
    ids[padded] = [f" {i}" for i in ids[padded]]
    frame = pd.DataFrame(
        {
            "Ärende": ids,
            "Inkommen": rng.choice(DATES[:8] + DATES[:6], n),
            "Typ": rng.choice(TYPES_, n),
            "Förvaltning": rng.choice(UNITS, n),
            "Kanal": rng.choice(["webb", "", " telefon"], n),
            "Kontaktuppgifter": rng.choice(CONTACT, n),
            "Besvarad": rng.choice(DATES, n),
            "Avslutad": rng.choice(DATES, n),
        }
    )
    return _csv(frame, path)


def test_a_large_csv_register_loads_as_cell_by_cell(tmp_path: Path) -> None:
    """Thousands of rows: the text columns take pyarrow's paths, the ids their codes."""
    table = _messy(tmp_path / "r.csv")
    assert table.encoded is not None
    new = _outcome(load_feedback, table)
    assert not isinstance(new[0], str) and sum(new[2].values()) > 0
    _assert_same(new, _outcome(_reference_load_feedback, replace(table, frame=table.frame)))


def test_a_broken_variant_is_caught(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The comparison can fail: ids compared by their cells rather than their trimmed text
    (" A1" and "A1" two ids) keep a repeated item, and the test above would see it."""
    table = _messy(tmp_path / "r.csv")
    old = _outcome(_reference_load_feedback, replace(table, frame=table.frame))

    def untrimmed(col: Any, texts: np.ndarray, keep: np.ndarray) -> np.ndarray:
        row_id = np.where(pd.isna(texts), -1, np.arange(len(texts)))[col.codes]
        candidates = np.flatnonzero(keep & (row_id >= 0))
        out = np.zeros(len(keep), dtype=bool)
        out[candidates] = pd.Series(row_id[candidates]).duplicated().to_numpy()
        return out

    monkeypatch.setattr(feedback, "_repeated", untrimmed)
    with pytest.raises(AssertionError):
        _assert_same(_outcome(load_feedback, table), old)
