"""A long xlsx sheet parsed in two halves at once gives exactly the whole sheet's table (#16).

The halves are only taken on sheets of 8 MiB of XML or more; here the threshold is lowered
so that generated workbooks of a few dozen rows are cut, and each is read three ways: the general
path (calamine's rows), the single read of the whole sheet, and the single read in two halves.
The cut itself is checked against a brute-force reading of every cell reference.
"""

from __future__ import annotations

import io
import re
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from tests.io.test_xlsx_refs import sheets
from tests.io.test_xlsxfast import _assert_same, _book, _both

from servqual_cli.io import read_sheet as R
from servqual_cli.io import xlsxparts, xlsxrefs, xlsxsplit
from servqual_cli.io.limits import limits
from servqual_cli.io.sheets import open_sheet
from servqual_cli.io.xlsxrefs import letters_value, scan_refs
from servqual_cli.io.xlsxsplit import Cut, find_cut
from servqual_cli.io.zipguard import SheetScan

_CELL = st.one_of(
    st.none(),
    st.integers(1, 7),
    st.floats(-1e6, 1e6, allow_nan=False).map(lambda v: round(v, 3)),
    st.sampled_from(["Vet ej", "Förskola", " ", "ej aktuellt", "#N/A", "#VALUE!"]),
)


def _parts_used(data: bytes) -> int:
    """How many parts the single read of ``data`` parses (0: it takes the general path)."""
    lim = limits()
    opened = open_sheet(data, "w.xlsx", ".xlsx", None, lim)
    plan = R._single_read_plan(opened, "w.xlsx", None, None, lim)
    if plan is None:
        return 0
    return len(xlsxparts.sheet_parts(opened, data, plan.hdr_index + 1, lim))


@pytest.fixture
def split_everything(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(xlsxsplit, "SPLIT_FROM", 0)
    monkeypatch.setattr(xlsxsplit, "cores", lambda: 2)  # as on the 2-core machine, anywhere


def _survey(rows: int, titles: int = 1) -> list[list[Any]]:
    out: list[list[Any]] = [[f"Titel {i}"] for i in range(titles)]
    out.append(["Tjänst", "E1", "P1", "Kommentar"])
    for i in range(rows):
        out.append(["Skola" if i % 3 else "Förskola", i % 7 + 1, "Vet ej" if i % 11 == 0 else 5,
                     "#N/A" if i % 17 == 0 else None])  # fmt: skip
    return out


@pytest.mark.usefixtures("split_everything")
def test_a_survey_read_in_halves_is_the_whole_sheet() -> None:
    rows = _survey(90)
    rows[60:64] = [[], [], ["Skola", 1, 2], []]  # blank rows around the middle
    data = _book(rows)
    assert _parts_used(data) == 2
    general, got, fast = _both(data)
    assert fast
    _assert_same(general, got)


@pytest.mark.usefixtures("split_everything")
def test_blank_rows_at_the_end_of_the_first_half_are_kept() -> None:
    """The top half's last rows are blank: fastexcel reads fewer rows; they are padded."""
    rows = _survey(40) + [[] for _ in range(30)] + _survey(40, titles=0)[1:]
    data = _book(rows)
    assert _parts_used(data) == 2
    general, got, fast = _both(data)
    assert fast
    _assert_same(general, got)


def test_small_sheets_are_parsed_whole() -> None:
    assert _parts_used(_book(_survey(90))) == 1


@pytest.mark.usefixtures("split_everything")
def test_one_core_parses_whole(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(xlsxsplit, "cores", lambda: 1)
    assert _parts_used(_book(_survey(90))) == 1


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow], derandomize=True
)
@given(
    titles=st.integers(0, 3),
    width=st.integers(1, 6),
    body=st.lists(st.lists(_CELL, min_size=0, max_size=7), min_size=55, max_size=90),
)
def test_halves_match_the_general_path(titles: int, width: int, body: list[list[Any]]) -> None:
    """Random sheets (title rows, ragged and blank rows, text among numbers, error cells, a
    column that is text in one half and numbers in the other) read in halves as the general
    path reads them whole."""
    rows: list[list[Any]] = [[f"Titel {i}"] for i in range(titles)]
    rows.append([f"F{j}" for j in range(width)])
    rows += body
    data = _book(rows)
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(xlsxsplit, "SPLIT_FROM", 0)
        mp.setattr(xlsxsplit, "cores", lambda: 2)
        try:
            general, got, _ = _both(data)
        except Exception as exc:  # both paths must say the same (see test_xlsxfast)
            with pytest.raises(type(exc)) as fast_exc:
                R.read_spreadsheet(data, "w.xlsx", ".xlsx", None, None, None, limits())
            assert str(fast_exc.value) == str(exc)
            return
    _assert_same(general, got)


@pytest.mark.usefixtures("split_everything")
def test_a_wrong_cut_is_caught(monkeypatch: pytest.MonkeyPatch) -> None:
    """The comparison fails for halves that place the bottom half one row too high."""
    data = _book(_survey(90))
    real = xlsxsplit.find_cut

    def off_by_one(scan: SheetScan, skip: int, split_from: int | None = None) -> Cut | None:
        cut = real(scan, skip, split_from)
        return None if cut is None else Cut(cut.first, cut.at, cut.row + 1)

    monkeypatch.setattr(xlsxsplit, "find_cut", off_by_one)
    general, got, fast = _both(data)
    assert fast
    with pytest.raises(AssertionError):
        _assert_same(general, got)


# -- where the XML may be cut ---------------------------------------------------------------


def _sheet(body: bytes) -> SheetScan:
    xml = b"<worksheet><sheetData>" + body + b"</sheetData></worksheet>"
    refs = scan_refs(xml)
    ordered = refs.increasing and refs.canonical_rows == refs.row_tags == refs.row_elements
    return SheetScan(xml=xml, ordered_rows=ordered, refs=refs, member="xl/worksheets/sheet1.xml")


def _rows(n: int, cell: bytes = b'<c r="A%d"><v>1</v></c>') -> list[bytes]:
    return [b'<row r="%d">' % i + (cell % i if b"%d" in cell else cell) + b"</row>"
            for i in range(1, n + 1)]  # fmt: skip


@pytest.mark.usefixtures("split_everything")
def test_a_regular_sheet_is_cut_before_a_row_past_the_middle() -> None:
    scan = _sheet(b"".join(_rows(10)))
    cut = find_cut(scan, 1, split_from=0)
    assert cut is not None and scan.xml[cut.at : cut.at + 11] == b'<row r="%d">' % cut.row


@pytest.mark.parametrize(
    "change",
    [
        lambda rows: [*rows[:2], rows[2].replace(b'r="A3"', b'r="A9"'), *rows[3:]],  # far down
        lambda rows: [*rows[:8], rows[8].replace(b'r="A9"', b'r="A2"'), *rows[9:]],  # far up
        lambda rows: [*rows[:5], b"<!-- <row> -->", *rows[5:]],  # a comment among the rows
        lambda rows: [*rows[:6], rows[6].replace(b"<v>1</v>", b"<v><![CDATA[1]]></v>"), *rows[7:]],
        lambda rows: [*rows[:4], rows[5], rows[4], *rows[6:]],  # rows out of order
    ],
)
@pytest.mark.usefixtures("split_everything")
def test_no_cut_where_the_halves_could_differ(change: Any) -> None:
    assert find_cut(_sheet(b"".join(_rows(10))), 1, split_from=0) is not None
    assert find_cut(_sheet(b"".join(change(_rows(10)))), 1, split_from=0) is None


def test_no_cut_in_a_short_sheet_or_above_the_first_data_row() -> None:
    scan = _sheet(b"".join(_rows(10)))
    assert find_cut(scan, 1) is None  # below SPLIT_FROM
    assert find_cut(scan, 9, split_from=0) is None


def _brute_split(xml: bytes, offset: int, row: int) -> bool:
    refs = [
        (m.start(), int(m.group(2)))
        for m in re.finditer(rb'\sr="([A-Za-z]+)(\d+)"', xml)
        if letters_value(m.group(1)) > 0
    ]
    return all((at < offset) == (r < row) for at, r in refs)


@given(sheets())
@settings(max_examples=300, deadline=None)
def test_rows_split_at_against_every_reference(xml: bytes) -> None:
    """At every row tag, in steps of several sizes (the cut's step read again, the others
    answering from their extremes), the vector answer is the brute-force one."""
    tags = [(m.start(), int(m.group(1))) for m in re.finditer(rb'<row r="(\d+)"', xml)]
    for chunk in (16, 64, 1 << 20):
        with pytest.MonkeyPatch.context() as mp:
            mp.setattr(xlsxrefs, "_CHUNK", chunk)
            refs = scan_refs(xml)
            for at, row in tags:
                # rows of eight digits or more (beyond Excel's sheet) are never cut at
                want = _brute_split(xml, at, row) and row < 10_000_000
                assert refs.rows_split_at(at, row) == want, (at, row)


def test_a_broken_rows_split_at_is_caught(monkeypatch: pytest.MonkeyPatch) -> None:
    """The property above fails for a check that compares with the next row's number."""
    real = xlsxrefs._row_key
    monkeypatch.setattr(xlsxrefs, "_row_key", lambda row: real(row + 1))
    with pytest.raises(AssertionError):
        test_rows_split_at_against_every_reference()


@pytest.mark.usefixtures("split_everything")
def test_stored_halves_open_as_workbooks() -> None:
    data = _book(_survey(90))
    lim = limits()
    opened = open_sheet(data, "w.xlsx", ".xlsx", None, lim)
    cut = find_cut(opened.scan, 2, split_from=0)
    assert cut is not None and opened.archive is not None and opened.scan.member is not None
    others = xlsxsplit.other_parts(opened.archive, opened.scan.member, lim)
    assert others is not None
    import zipfile

    for k in (0, 1):
        book = zipfile.ZipFile(io.BytesIO(xlsxsplit.half(opened.scan.xml, opened.scan.member,
                                                         others, cut, k)))  # fmt: skip
        assert book.testzip() is None
        assert "xl/workbook.xml" in book.namelist()


# -- how a half reaches fastexcel ------------------------------------------------------------


def _opened_halves() -> tuple[Any, Any, Any, Cut]:
    data = _book(_survey(90))
    lim = limits()
    opened = open_sheet(data, "w.xlsx", ".xlsx", None, lim)
    cut = find_cut(opened.scan, 2, split_from=0)
    assert cut is not None and opened.archive is not None and opened.scan.member is not None
    others = xlsxsplit.other_parts(opened.archive, opened.scan.member, lim)
    assert others is not None
    return opened, others, data, cut


def _half_rows(reader: Any, k: int, cut: Cut) -> list[Any]:
    sheet = reader.load_sheet(0, header_row=None, skip_rows=0 if k else 2)
    return sheet.to_arrow().to_pylist()


@pytest.mark.skipif(not hasattr(__import__("os"), "memfd_create"), reason="Linux only")
def test_halves_go_to_fastexcel_as_in_memory_files(monkeypatch: pytest.MonkeyPatch) -> None:
    """On Linux fastexcel opens each half by a /proc/self/fd path (never a bytes copy), and
    reads the same cells as from the half's bytes."""
    import fastexcel

    opened, others, _, cut = _opened_halves()
    sources: list[Any] = []
    real = fastexcel.read_excel
    monkeypatch.setattr(fastexcel, "read_excel", lambda src: sources.append(src) or real(src))
    for k in (0, 1):
        reader = xlsxsplit.open_half(opened.scan.xml, opened.scan.member, others, cut, k)
        as_bytes = real(xlsxsplit.half(opened.scan.xml, opened.scan.member, others, cut, k))
        assert _half_rows(reader, k, cut) == _half_rows(as_bytes, k, cut)
    assert all(isinstance(s, str) and s.startswith("/proc/self/fd/") for s in sources), sources


@pytest.mark.usefixtures("split_everything")
def test_without_in_memory_files_the_halves_go_as_bytes(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(xlsxsplit, "_memfd", lambda: None)
    data = _book(_survey(90))
    assert _parts_used(data) == 2
    general, got, fast = _both(data)
    assert fast
    _assert_same(general, got)


@pytest.mark.usefixtures("split_everything")
def test_a_half_written_short_is_caught(monkeypatch: pytest.MonkeyPatch) -> None:
    """A writer that drops the last byte of each piece breaks the half's archive: the single
    read gives up (the general path reads the sheet), which the path check above would see."""
    real = xlsxsplit._write_all
    monkeypatch.setattr(xlsxsplit, "_write_all", lambda fd, piece: real(fd, piece[:-1]))
    general, got, fast = _both(_book(_survey(90)))
    assert not fast
    _assert_same(general, got)
