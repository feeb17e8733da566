"""A large UTF-8 file is checked by Arrow instead of decoded whole (issue #16): the same
decision, the same table and the same errors as decoding it with Python's strict decoder.

``valid_utf8`` must refuse exactly the byte sequences Python refuses: every sequence of two
bytes, every three-byte sequence with a three-byte lead and every four-byte lead with every
second byte are compared one by one. Then hypothesis writes files (UTF-8 with and without BOM,
cp1252, broken UTF-8, NUL bytes) and each is read with the check and with it switched off.
"""

from __future__ import annotations

import os
from itertools import product

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from servqual_cli.errors import ServqualError
from servqual_cli.io import read_text as read_module
from servqual_cli.io.read_text import valid_utf8

EXAMPLES = int(os.environ.get("SERVQUAL_FUZZ_EXAMPLES", "150"))
EDGES = [0x00, 0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xF4, 0xFF]


def _python_valid(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def test_arrow_refuses_what_python_refuses_on_two_bytes() -> None:
    wrong = [
        bytes(pair)
        for pair in product(range(256), repeat=2)
        if valid_utf8(bytes(pair)) != _python_valid(bytes(pair))
    ]
    assert wrong == []


def test_arrow_refuses_what_python_refuses_on_three_and_four_bytes() -> None:
    three = (bytes([a, b, c]) for a in range(0xE0, 0x100) for b in range(256) for c in EDGES)
    four = (
        bytes([a, b, c, d])
        for a in range(0xF0, 0x100)
        for b in range(256)
        for c in EDGES
        for d in (0x80, 0xBF, 0x41)
    )
    for seq in (*three, *four):
        assert valid_utf8(seq) == _python_valid(seq), seq


texts = st.sampled_from(["5", "", "Förskola", "Äldreomsorg", "Vet ej", "日本", "x\x00y", "€"])


@st.composite
def text_files(draw: st.DrawFn) -> bytes:
    rows = ["Tjänst;E1;P1"] + [
        ";".join(draw(texts) for _ in range(3)) for _ in range(draw(st.integers(1, 8)))
    ]
    codec = draw(st.sampled_from(["utf-8", "utf-8-sig", "cp1252", "utf-16"]))
    data = "\n".join(rows).encode(codec, errors="replace")  # (cp1252 has no 日本)
    if draw(st.integers(0, 5)) == 0:  # a byte that breaks UTF-8 somewhere
        at = draw(st.integers(0, len(data)))
        data = (
            data[:at] + bytes([draw(st.sampled_from([0xFF, 0xC3, 0xE4, 0x80, 0xED]))]) + data[at:]
        )
    return data


def _read(data: bytes, checked: bool, monkeypatch: pytest.MonkeyPatch):
    with monkeypatch.context() as m:
        if checked:
            m.setattr(read_module, "_CHECK_FROM", 0)  # every file, not only large ones
        else:
            m.setattr(read_module, "_valid_utf8_head", lambda data: None)
        try:
            return read_module.read_text(data, "t.csv", None, None)
        except (ServqualError, UnicodeError) as exc:
            return type(exc), str(exc)


@settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(text_files())
def test_the_arrow_check_reads_what_decoding_reads(
    monkeypatch: pytest.MonkeyPatch, data: bytes
) -> None:
    checked = _read(data, True, monkeypatch)
    decoded = _read(data, False, monkeypatch)
    if isinstance(decoded, tuple) or isinstance(checked, tuple):
        assert checked == decoded
        return
    assert checked.describe() == decoded.describe()
    assert checked.columns == decoded.columns
    assert checked.row_numbers.tolist() == decoded.row_numbers.tolist()
    pd.testing.assert_frame_equal(checked.frame, decoded.frame)


def test_the_check_is_taken_on_a_large_file(monkeypatch: pytest.MonkeyPatch) -> None:
    """The test above would pass if the check never answered: a large file, with and without
    a byte-order mark, is read without decoding its body."""
    body = "Tjänst;E1\n" + "Förskola;5\n" * 150_000
    calls = []
    real = read_module.decode
    monkeypatch.setattr(read_module, "decode", lambda *a: calls.append(a) or real(*a))
    for data, codec in ((body.encode(), "utf-8"), (body.encode("utf-8-sig"), "utf-8-sig")):
        table = read_module.read_text(data, "t.csv", None, None)
        assert table.encoding == codec and table.columns == ["Tjänst", "E1"]
        assert table.frame.shape == (150_000, 2)
    assert calls == []
    with pytest.raises(ServqualError, match="NUL bytes"):
        read_module.read_text(body.encode() + b"\x00", "t.csv", None, None)
