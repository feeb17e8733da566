"""The cell-reference scan against itself as it was (tests/io/xlsxrefs_before.py, verbatim).

x-xlsx made the scan's steps cheaper (fewer passes over the bytes: ``f``, ``!`` and ``?``
searched for by ``find``; the ``t="e"`` test on the few candidates) and ran them on two
threads. Every field of :class:`~servqual_cli.io.xlsxrefs.RefScan` and every answer of
``rows_split_at`` and ``first_beyond`` must be the old scan's, on documents made of the pieces a
sheet has and of hostile ones (odd white space, quotes, comments, formulas, error cells, stray
bytes), in steps of several sizes, on one thread and on two.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from tests.io import xlsxrefs_before as before

from servqual_cli.io import xlsxrefs, xlsxstep

_FIELDS = (
    "max_row",
    "max_col",
    "top_row",
    "row_tags",
    "canonical_rows",
    "increasing",
    "row_elements",
    "formula",
    "error_cells",
    "slow",
    "chunk_cols",
    "chunk_rows",
    "markup",
)

_PIECES = [
    b'<row r="%d">',
    b"<row>",
    b'<x:row r="%d" >',
    b"</row>",
    b'<c r="B%d"><v>1</v></c>',
    b'<c r="AX%d" t="n"><v>2</v></c>',
    b'<c r="XFD%d"/>',
    b"<c r='aa%d'/>",
    b'<c r = "C%d"/>',
    b'<c\tr="D0%d"/>',
    b'<c r="ABCD%d"/>',
    b'<c r="E%d" t="e"><v>#N/A</v></c>',
    b"<c t='e' r=\"F%d\"/>",
    b"<c t=xex/>",
    b'<c r="G%d"><f>1+1</f><v>2</v></c>',
    b'<c r="H%d"><f t="shared" si="0"/></c>',
    b'<!-- c r="Z9" -->',
    b"<?pi x?>",
    b'<![CDATA[<row r="5">]]>',
    b'<c r="%d"/>',
    b"=",
    b" = ",
    b"ff",
    b"!?",
    b"www",
    b"<f",
    b"<",
]


@st.composite
def documents(draw) -> bytes:
    out = [draw(st.binary(max_size=20))]
    for _ in range(draw(st.integers(0, 40))):
        piece = draw(st.sampled_from(_PIECES))
        if b"%d" in piece:
            piece = piece % draw(st.one_of(st.integers(1, 120), st.integers(1, 10**9)))
        out.append(piece)
        if draw(st.integers(0, 7)) == 0:
            out.append(draw(st.binary(max_size=6)))
    return b"".join(out)


def _facts(module, xml: bytes) -> tuple:
    scan = module.scan_refs(xml)
    widths = [scan.first_beyond(w) for w in (0, 1, 2, 26, 50, 16_383)]
    splits = [
        scan.rows_split_at(at, row)
        for at in range(0, len(xml), max(len(xml) // 7, 1))
        for row in (1, 2, 7, 60, 10**7)
    ]
    return (*(getattr(scan, f) for f in _FIELDS), widths, splits)


def _same(xml: bytes, chunk: int, threads: bool) -> bool:
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(xlsxrefs, "_CHUNK", chunk)
        mp.setattr(before, "_CHUNK", chunk)
        mp.setattr(xlsxrefs, "_THREADS_FROM", 0 if threads else 1 << 62)
        mp.setenv("SERVQUAL_WORKERS", "2")
        return _facts(xlsxrefs, xml) == _facts(before, xml)


@given(documents(), st.sampled_from([8, 16, 64, 1 << 20]), st.booleans())
@settings(max_examples=250, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_the_scan_is_the_old_scan(xml: bytes, chunk: int, threads: bool) -> None:
    assert _same(xml, chunk, threads)


# Fixed documents for the broken variants below (no shrinking: each is judged at once).
_CASES = [
    b"f" * 40 + b"<f" + b"f" * 40,  # past _FEW bytes, numpy searches the rest of the step
    b"!" * 40 + b"<!" + b"?" * 40 + b"<?" + b"!" * 9,
    b'   <row r="1"><c r="A1"/><f>1</f></row><row r="2"><c r="B2"/></row><!-- x --> <f',
    b' <row r="3"><c r="C3"/></row><row r="4"><c r="AB4"/></row>' * 5 + b"<?x?>",
    b" " * 6 + b"<f" + b" " * 20,  # the "f" the last byte of a step of 8
    b" " * 14 + b"<!" + b" " * 9,
    b"<f" + b" " * 20,  # at the start (offsets 1 and 2 are read apart)
    b"  <f" + b" " * 20,  # the first byte searched (offset 3)
    b" " * 7 + b"<!" + b" " * 10,  # the first byte of a step of 8
]


def test_few_finds_before_numpy_takes_over() -> None:
    for xml in _CASES:
        for chunk in (8, 16, 1 << 20):
            assert _same(xml, chunk, threads=True) and _same(xml, chunk, threads=False)


def _caught() -> bool:
    """Whether some fixed case, in some step size, tells the scan from the old one."""
    try:
        return not all(_same(x, c, t) for x in _CASES for c in (8, 16, 64) for t in (False, True))
    except Exception:  # a broken variant may also fail loudly
        return True


@pytest.mark.parametrize(
    "broken",
    [
        # a formula search that misses the last byte of a step
        lambda real: lambda a, xml, low, end, byte, last: real(a, xml, low, end - 1, byte, last),
        # the search started one byte late
        lambda real: lambda a, xml, low, end, byte, last: real(a, xml, low + 1, end, byte, last),
    ],
)
def test_a_broken_search_is_caught(broken) -> None:
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(xlsxstep, "_after_open", broken(xlsxstep._after_open))
        assert _caught()


def test_a_broken_numpy_search_is_caught() -> None:
    """Numpy's part of the search (after ``_FEW`` finds) started one byte late."""
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(xlsxstep, "_FEW", 0)
        assert not _caught()  # numpy alone is right
        real = xlsxstep.np.flatnonzero
        mp.setattr(xlsxstep.np, "flatnonzero", lambda m: real(m)[1:])
        assert _caught()


def test_steps_put_together_out_of_order_are_caught() -> None:
    """The two threads' steps must come back in document order."""

    def reversed_map(fn, items, rows):
        return [fn(x) for x in items][::-1]

    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(xlsxrefs, "map_ordered", reversed_map)
        assert _caught()


@pytest.mark.parametrize("far", [b"", b'<row r="9"><c r="XFD1048576"/></row>'])
def test_two_threads_beside_the_unpacking(monkeypatch, far: bytes) -> None:
    """The steps on two threads, each waiting for the unpacking thread, give the scan of the
    whole XML read first (the test of tests/io/test_xlsx_refs.py with the threads on)."""
    from tests.io.test_xlsx_refs import test_unpacking_while_scanning_gives_the_same_scan

    monkeypatch.setattr(xlsxrefs, "_THREADS_FROM", 0)
    monkeypatch.setenv("SERVQUAL_WORKERS", "2")
    calls = []
    real = xlsxrefs.map_ordered

    def counted(*args, **kwargs):
        calls.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(xlsxrefs, "map_ordered", counted)
    test_unpacking_while_scanning_gives_the_same_scan(monkeypatch, far)
    assert len(calls) == 2  # the one read and the one beside the unpacking, both threaded
