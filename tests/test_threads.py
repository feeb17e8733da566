"""Threads never change a result (issue #16).

The CSV body read in parts on several threads and merged (:mod:`servqual_cli.io.csvfast`,
:func:`~servqual_cli.io.column_codes.merge_parts`), and the per-column gap statistics and
dimension comparisons on threads (:func:`servqual_cli.threads.map_ordered`), must give exactly
what one thread gives: the same codes, distinct texts in the same order, row numbers, frame and
exclusions; the same numbers bit for bit. The fixture ``threaded`` forces the threads on small
data (no row minimum, three workers, parts of a few bytes). ``test_a_broken_merge_is_caught``
shows the comparison fails for a merge that keeps each part's own order of texts.
"""

from __future__ import annotations

import itertools
import os

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from servqual_cli import threads
from servqual_cli.core.dimension_comparison import compare_dimensions
from servqual_cli.core.gaps import gap_analysis
from servqual_cli.core.group_gaps import grouped_gap_analysis
from servqual_cli.errors import ServqualError
from servqual_cli.io import column_codes, csvfast
from servqual_cli.io.encoded import EncodedColumn
from servqual_cli.io.exclusions import ExclusionLog
from servqual_cli.io.read_text import read_text
from servqual_cli.io.scale_column import parse_scale_column

EXAMPLES = int(os.environ.get("SERVQUAL_FUZZ_EXAMPLES", "150"))
SETTINGS = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)


def _one_thread(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SERVQUAL_WORKERS", "1")


def _threaded(monkeypatch: pytest.MonkeyPatch, part: int = 16) -> None:
    monkeypatch.setenv("SERVQUAL_WORKERS", "3")
    monkeypatch.setattr(threads, "MIN_ROWS", 0)
    monkeypatch.setattr(csvfast, "_MIN_PART", part)


# -- map_ordered --------------------------------------------------------------------------------


def test_map_ordered_keeps_the_order_and_raises(monkeypatch: pytest.MonkeyPatch) -> None:
    _threaded(monkeypatch)
    assert threads.workers() == 3
    assert threads.map_ordered(lambda x: -x, range(50), rows=10) == [-x for x in range(50)]

    def boom(x: int) -> int:
        if x == 7:
            raise ValueError("seven")
        return x

    with pytest.raises(ValueError, match="seven"):
        threads.map_ordered(boom, range(20), rows=None)


def test_small_tables_stay_on_the_calling_thread(monkeypatch: pytest.MonkeyPatch) -> None:
    import threading

    monkeypatch.setenv("SERVQUAL_WORKERS", "3")
    main = threading.get_ident()
    seen = threads.map_ordered(lambda _: threading.get_ident(), range(8), rows=1000)
    assert set(seen) == {main}
    monkeypatch.delenv("SERVQUAL_WORKERS")
    assert 1 <= threads.workers() <= 4  # unset: the cores, at most 4


# -- the CSV body in parts ----------------------------------------------------------------------

cells = st.sampled_from(
    ["1", "2", "7", "10", "", " ", "4,5", "Vet ej", "Förskola", "#N/A", "x y", "-1", "å", "99"]
)


def _field(value: str, delim: str, quote: bool) -> str:
    if quote or any(c in value for c in (delim, '"')):
        return '"' + value.replace('"', '""') + '"'
    return value


@st.composite
def csv_files(draw: st.DrawFn) -> bytes:
    """CSV files with quoted fields, blanks, bad cells, blank lines, CRLF, BOM, ';' or ','."""
    delim = draw(st.sampled_from([";", ",", "\t"]))
    newline = draw(st.sampled_from(["\n", "\r\n"]))
    width = draw(st.integers(2, 4))
    lines = [delim.join(f"E{i}" for i in range(width))]
    for _ in range(draw(st.integers(1, 60))):
        if draw(st.integers(0, 15)) == 0:
            lines.append("")  # a blank line: dropped as a blank row on every path
            continue
        n = width if draw(st.integers(0, 30)) else draw(st.integers(1, width + 1))  # ragged
        row = [draw(cells) for _ in range(n)]
        lines.append(delim.join(_field(c, delim, draw(st.integers(0, 5)) == 0) for c in row))
    text = newline.join(lines) + (newline if draw(st.booleans()) else "")
    if draw(st.integers(0, 20)) == 0:  # a stray quote: the standard reader takes the file
        at = draw(st.integers(0, len(text)))
        text = text[:at] + '"' + text[at:]
    encoding = draw(st.sampled_from(["utf-8", "utf-8-sig", "cp1252"]))
    return text.encode(encoding)


def _read(data: bytes):
    try:
        table = read_text(data, "t.csv", None, None)
    except ServqualError as exc:
        return type(exc), str(exc)
    log = ExclusionLog("t.csv")
    values = [
        parse_scale_column(table, j, (1, 7), log=log).values for j in range(len(table.columns))
    ]
    coded = None
    if table.encoded is not None:
        coded = [
            (c.codes.dtype, c.codes.tolist(), c.uniques.tolist()) for c in table.encoded.columns
        ]
    return table, coded, values, log.to_frame()


def _same(one, many) -> None:
    if isinstance(one, tuple) and isinstance(one[0], type):
        assert many == one
        return
    table1, coded1, values1, log1 = one
    table2, coded2, values2, log2 = many
    assert coded2 == coded1
    assert table2.columns == table1.columns and table2.header_row == table1.header_row
    assert table2.row_numbers.tolist() == table1.row_numbers.tolist()
    pd.testing.assert_frame_equal(table2.frame, table1.frame)
    for v1, v2 in zip(values1, values2, strict=True):
        np.testing.assert_array_equal(v2, v1)
    pd.testing.assert_frame_equal(log2, log1)


@SETTINGS
@given(csv_files(), st.integers(1, 200))
def test_a_body_read_in_parts_equals_one_read(
    monkeypatch: pytest.MonkeyPatch, data: bytes, part: int
) -> None:
    with monkeypatch.context() as m:
        _one_thread(m)
        one = _read(data)
    with monkeypatch.context() as m:
        _threaded(m, part)
        many = _read(data)
    _same(one, many)


def test_the_parts_are_really_read_on_threads(monkeypatch: pytest.MonkeyPatch) -> None:
    """The comparison above would pass trivially if the body were never cut."""
    import threading

    rows = "".join(
        f"{i % 7 + 1};{i % 5};{'Vet ej' if i % 11 == 0 else i % 3}\n" for i in range(300)
    )
    data = ("E1;P1;X\n" + rows).encode()
    seen: list[tuple[int, int]] = []
    idents: set[int] = set()
    real = csvfast._read_part
    together = threading.Barrier(3, timeout=60)  # passes only if the 3 parts run at once

    def spy(data, span, *args):
        seen.append(span)
        idents.add(threading.get_ident())
        together.wait()
        return real(data, span, *args)

    _threaded(monkeypatch, 200)
    monkeypatch.setattr(csvfast, "_read_part", spy)
    table = read_text(data, "t.csv", None, None)
    assert table.encoded is not None and len(seen) == 3 and len(idents) == 3
    seen.sort()
    assert seen[0][0] == len("E1;P1;X\n") and seen[-1][1] == len(data)
    assert all(a[1] == b[0] for a, b in itertools.pairwise(seen))
    assert table.frame["X"].tolist()[:12] == [
        "Vet ej",
        *(str(i % 3) for i in range(1, 11)),
        "Vet ej",
    ]


def test_a_cut_never_lands_next_to_a_blank_line() -> None:
    import unittest.mock

    body = b"h\n" + b"1;2\n" * 5 + b"\n\n" + b"3;4\r\n" * 5 + b"\r\n" + b"5;6\n" * 5

    with unittest.mock.patch.object(csvfast, "_MIN_PART", 1):
        for n in range(2, 30):
            spans = csvfast._spans(body, 2, n)
            assert spans[0][0] == 2 and spans[-1][1] == len(body)
            for (_, cut), (start, _) in itertools.pairwise(spans):
                assert cut == start and body[cut - 1 : cut] == b"\n"
                assert not csvfast._blank_next_to(body, cut - 1)
                assert body[cut : cut + 1] not in (b"\n", b"\r")


texts = st.lists(st.sampled_from(["7", "", "Vet ej", "5", "å", "10", "x"]), max_size=30)


@settings(max_examples=300, deadline=None)
@given(st.lists(texts, min_size=1, max_size=5))
def test_merge_parts_equals_one_encoding(parts: list[list[str]]) -> None:
    def encode(cells: list[str]) -> EncodedColumn:
        uniques = list(dict.fromkeys(cells))
        codes = np.array([uniques.index(c) for c in cells], dtype=np.int8)
        return EncodedColumn(codes, np.array(uniques, dtype=object))

    whole = encode([c for p in parts for c in p])
    merged = column_codes.merge_parts([encode(p) for p in parts])
    assert merged.uniques.tolist() == whole.uniques.tolist()
    assert merged.codes.dtype == whole.codes.dtype
    assert merged.codes.tolist() == whole.codes.tolist()


def test_merge_parts_of_many_texts_uses_the_hash_table() -> None:
    rng = np.random.default_rng(3)
    ids = np.array([f"id{i}" for i in rng.integers(0, 3000, 6000)], dtype=object)
    halves = [ids[:2500], ids[2500:]]
    parts = []
    for h in halves:
        uniques, first = np.unique(h, return_index=True)
        uniques = uniques[np.argsort(first)]
        where = {u: i for i, u in enumerate(uniques)}
        parts.append(EncodedColumn(np.array([where[x] for x in h]), uniques.astype(object)))
    merged = column_codes.merge_parts(parts)
    assert merged.cells().tolist() == ids.tolist()
    assert merged.uniques.tolist() == list(dict.fromkeys(ids.tolist()))


def test_a_broken_merge_is_caught(monkeypatch: pytest.MonkeyPatch) -> None:
    """A merge that keeps each part's texts in its own order gives other codes: caught."""

    def broken(parts: list[EncodedColumn]) -> EncodedColumn:
        uniques = sorted({u for p in parts for u in p.uniques.tolist()})
        codes = np.concatenate([np.array([uniques.index(u) for u in p.cells()]) for p in parts])
        return EncodedColumn(codes.astype(np.int8), np.array(uniques, dtype=object))

    data = ("E1;P1\n" + "".join(f"{7 - i % 3};{i % 4 + 1}\n" for i in range(40))).encode()
    with monkeypatch.context() as m:
        _one_thread(m)
        one = _read(data)
    with monkeypatch.context() as m:
        _threaded(m, 30)
        m.setattr(csvfast, "merge_parts", broken)
        many = _read(data)
    with pytest.raises(AssertionError):
        _same(one, many)


# -- statistics on threads ----------------------------------------------------------------------


@st.composite
def surveys(draw: st.DrawFn) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    seed = draw(st.integers(0, 2**32 - 1))
    rng = np.random.default_rng(seed)
    n = draw(st.integers(6, 60))
    e = rng.integers(1, 8, (n, 6)).astype(float)
    p = rng.integers(1, 8, (n, 6)).astype(float)
    e[rng.random((n, 6)) < draw(st.sampled_from([0.0, 0.1, 0.3]))] = np.nan
    p[rng.random((n, 6)) < 0.1] = np.nan
    groups = rng.choice(np.array(["A", "B", "C", None], dtype=object), n)
    return e, p, groups


DIMENSIONS = {"R": [0, 1], "S": [2, 3], "T": [4, 5]}
ITEMS = [str(i + 1) for i in range(6)]


def _analyses(e: np.ndarray, p: np.ndarray, groups: np.ndarray):
    out = []
    for run in (
        lambda: gap_analysis(e, p, ITEMS, DIMENSIONS).to_dict(),
        lambda: grouped_gap_analysis(e, p, ITEMS, DIMENSIONS, groups, by="g").to_dict(),
        lambda: compare_dimensions(p - e, ["a", "b", "c", "d", "e", "f"]).to_dict(),
    ):
        try:
            out.append(run())
        except ServqualError as exc:
            out.append((type(exc), str(exc)))
    return repr(out)  # NaN-safe exact comparison: repr of every float


@SETTINGS
@given(surveys())
def test_statistics_on_threads_equal_one_thread(monkeypatch: pytest.MonkeyPatch, case) -> None:
    e, p, groups = case
    with monkeypatch.context() as m:
        _one_thread(m)
        one = _analyses(e, p, groups)
    with monkeypatch.context() as m:
        _threaded(m)
        many = _analyses(e, p, groups)
    assert many == one


def test_a_bad_workers_value_is_a_usage_error(monkeypatch: pytest.MonkeyPatch) -> None:
    from servqual_cli.errors import UsageError
    from servqual_cli.threads import workers

    monkeypatch.setenv("SERVQUAL_WORKERS", "two")
    with pytest.raises(UsageError, match="SERVQUAL_WORKERS='two'"):
        workers()
    # "²".isdigit() is true but int("²") raises: a superscript must be the same usage error
    for bad in ("0", "-1", "1.5", "²", "٣"):
        monkeypatch.setenv("SERVQUAL_WORKERS", bad)
        with pytest.raises(UsageError):
            workers()
