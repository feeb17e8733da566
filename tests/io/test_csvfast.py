"""The pyarrow CSV path gives exactly what the standard-library path gives (#16).

Hypothesis writes CSV files with quoted and unquoted fields, delimiters and quotes inside fields,
blank cells, spaces, Swedish letters, title rows, ragged rows and multi-line fields; each is read
twice, with and without the fast path, and must give the same frame, row numbers and header row
(or the same error). Then the cleaned values and exclusion reasons are compared too.
"""

from __future__ import annotations

import os

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from servqual_cli.errors import ServqualError
from servqual_cli.io import read_text as read_module
from servqual_cli.io.values import parse_scale_values

EXAMPLES = int(os.environ.get("SERVQUAL_FUZZ_EXAMPLES", "150"))

plain = st.sampled_from(["1", "2", "7", "4,5", "", " ", "Vet ej", "Förskola", "x y", "#N/A"])
odd = st.text(alphabet='ab;,"\n å\t', max_size=6)


def _field(value: str, delim: str, quote: bool) -> str:
    if quote or any(c in value for c in (delim, '"', "\n")):
        return '"' + value.replace('"', '""') + '"'
    return value


@st.composite
def csv_files(draw: st.DrawFn) -> tuple[bytes, str]:
    delim = draw(st.sampled_from([";", ",", "\t"]))
    width = draw(st.integers(2, 5))
    header = [f"X{i}" for i in range(width)]
    lines = []
    if draw(st.booleans()):
        lines.append(_field("Enkät 2024", delim, False) + delim * (width - 1))
    lines.append(delim.join(_field(h, delim, draw(st.booleans())) for h in header))
    for _ in range(draw(st.integers(1, 12))):
        n = width if draw(st.integers(0, 9)) else draw(st.integers(1, width + 1))
        cells = [
            draw(st.one_of(plain, odd) if draw(st.integers(0, 7)) == 0 else plain) for _ in range(n)
        ]
        lines.append(delim.join(_field(c, delim, draw(st.booleans())) for c in cells))
    text = "\n".join(lines) + ("\n" if draw(st.booleans()) else "")
    if draw(st.integers(0, 9)) == 0:  # a stray quote somewhere
        at = draw(st.integers(0, len(text)))
        text = text[:at] + '"' + text[at:]
    encoding = draw(st.sampled_from(["utf-8", "cp1252", "utf-8-sig"]))
    return text.encode(encoding), encoding


def _read(data: bytes, fast: bool, monkeypatch: pytest.MonkeyPatch):
    with monkeypatch.context() as m:
        if not fast:
            m.setattr(read_module, "read_body", lambda *a, **k: None)
        try:
            return read_module.read_text(data, "t.csv", None, None)
        except ServqualError as exc:
            return type(exc), str(exc)


@settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(csv_files())
def test_fast_and_standard_paths_agree(monkeypatch: pytest.MonkeyPatch, case) -> None:
    data, _ = case
    fast = _read(data, True, monkeypatch)
    slow = _read(data, False, monkeypatch)
    if isinstance(slow, tuple) or isinstance(fast, tuple):
        assert fast == slow
        return
    assert fast.columns == slow.columns
    assert fast.header_row == slow.header_row and fast.header_rows == slow.header_rows
    assert fast.row_numbers.tolist() == slow.row_numbers.tolist()
    pd.testing.assert_frame_equal(fast.frame.astype(object), slow.frame.astype(object))
    for j in range(fast.frame.shape[1]):
        v1, r1 = parse_scale_values(fast.frame.iloc[:, j], (1, 7))
        v2, r2 = parse_scale_values(slow.frame.iloc[:, j], (1, 7))
        np.testing.assert_array_equal(v1, v2)
        assert r1.tolist() == r2.tolist()


def test_fast_path_is_taken_on_a_plain_file(monkeypatch: pytest.MonkeyPatch) -> None:
    """The equivalence test above would pass trivially if the fast path never ran."""
    calls = []
    real = read_module.read_body

    def spy(*args, **kwargs):
        out = real(*args, **kwargs)
        calls.append(out is not None)
        return out

    monkeypatch.setattr(read_module, "read_body", spy)
    table = read_module.read_text(b"Titel;;\nid;E1;P1\n1;5;4\n2;;3\n", "t.csv", None, None)
    assert calls == [True]
    assert table.frame.values.tolist() == [["1", "5", "4"], ["2", "", "3"]]
    assert table.row_numbers.tolist() == [3, 4] and table.header_row == 2


@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_a_blank_line_in_the_body_stays_on_the_fast_path(
    monkeypatch: pytest.MonkeyPatch, newline: str
) -> None:
    """Past the sniffed head, pyarrow reads a blank line as a row of empty cells and the
    standard reader as an empty row; both drop it as a blank row, same row numbers after."""
    rows = [f"{i};5;4" for i in range(20_000)]  # well past the first 64 KiB
    data = newline.join(["id;E1;P1", *rows[:15_000], "", *rows[15_000:], ""]).encode()
    fast = read_module.read_text(data, "t.csv", None, None)
    assert fast.encoded is not None
    slow = _read(data, False, monkeypatch)
    pd.testing.assert_frame_equal(fast.frame, slow.frame)
    assert fast.row_numbers.tolist() == slow.row_numbers.tolist()
    assert len(fast.frame) == 20_000 and fast.row_numbers[15_000] == 15_003


@pytest.mark.parametrize("many", [0, 4, 10**9])
def test_columns_with_many_distinct_texts_encode_the_same(
    monkeypatch: pytest.MonkeyPatch, many: int
) -> None:
    """A column with many distinct texts in its first block (ids) is encoded once at the end
    instead of through a dict per block: the same codes, distinct texts and order, over many
    blocks, and a too-long field still sends the file to the standard reader."""
    from servqual_cli.io import csvfast
    from servqual_cli.io.limits import Limits

    rng = np.random.default_rng(7)
    ids = [f"id{i}" for i in rng.permutation(3000)]
    ids[5] = ids[2500]  # a repeat in a later block
    kinds = rng.choice(["a", "b", "", " "], len(ids))
    lines = (f"{i};{k};{j % 4}\n" for j, (i, k) in enumerate(zip(ids, kinds, strict=True)))
    body = "".join(lines).encode()
    monkeypatch.setattr(csvfast, "_BLOCK", 2048)
    expected = csvfast.read_body(body, 0, ";", 3, Limits())
    monkeypatch.setattr(csvfast, "_MANY", many)
    got = csvfast.read_body(body, 0, ";", 3, Limits())
    assert expected is not None and got is not None
    for e, g in zip(expected, got, strict=True):
        assert g.codes.dtype == e.codes.dtype
        np.testing.assert_array_equal(g.codes, e.codes)
        assert g.uniques.tolist() == e.uniques.tolist()
        assert all(type(u) is str for u in g.uniques)
    assert expected[0].cells().tolist() == ids
    long = body.replace(b"id17;", b"x" * (Limits().max_field_chars + 1) + b";", 1)
    assert csvfast.read_body(long, 0, ";", 3, Limits()) is None


def test_many_distinct_texts_agree_with_the_standard_reader(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The equivalence test above with every column encoded at the end."""
    from servqual_cli.io import csvfast

    monkeypatch.setattr(csvfast, "_MANY", 0)
    test_fast_and_standard_paths_agree(monkeypatch)


def test_short_and_long_texts_over_many_blocks_read_as_the_standard_reader(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Blocks of one- and two-byte answers are coded by their bytes, blocks with a longer text
    by hashing (:mod:`servqual_cli.io.column_codes`): mixed over many blocks, the frame is still
    the standard reader's cell for cell."""
    from servqual_cli.io import csvfast

    rng = np.random.default_rng(11)
    answers = np.array(["1", "7", "", "10", "å", " ", "08", "+5"])
    rows = [f"{i};{a};{b}" for i, (a, b) in enumerate(rng.choice(answers, (4000, 2)))]
    for at in (1500, 3900):  # a longer text in two of the blocks only
        rows[at] = f"{at};Vet ej;5"
    data = ("id;E1;P1\n" + "\n".join(rows) + "\n").encode()
    monkeypatch.setattr(csvfast, "_BLOCK", 4096)
    fast = read_module.read_text(data, "t.csv", None, None)
    assert fast.encoded is not None
    slow = _read(data, False, monkeypatch)
    pd.testing.assert_frame_equal(fast.frame, slow.frame)
    assert fast.row_numbers.tolist() == slow.row_numbers.tolist()
