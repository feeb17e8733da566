"""The rows a sheet hides (review 10b, finding 1), found in the reference scan's pass: checked
against a plain reading of each row's start tag on generated sheets in every attribute form."""

from __future__ import annotations

import re

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from servqual_cli.io.xlsxhidden import hidden_rows, key_values
from servqual_cli.io.xlsxkeys import key_value, row_key
from servqual_cli.io.xlsxrefs import scan_refs

_TAG = re.compile(rb"<(?:x:)?row\b([^>]*)>")


def _reference(xml: bytes) -> list[int]:
    """Each row start tag read on its own: its number (r, or one below the row before) and
    whether its hidden attribute is true."""
    out, number = [], 0
    for m in _TAG.finditer(xml):
        attrs = m.group(1)
        r = re.search(rb"""\sr\s*=\s*["'](\d+)""", attrs)
        number = int(r.group(1)) if r else number + 1
        if re.search(rb"""\shidden=["'](?:1|true)["']""", attrs):
            out.append(number)
    return out


_FORMS = st.sampled_from(["plain", "before", "prefix", "true", "false", "no_r", "long", "single"])


def _row(number: int, form: str, hidden: bool) -> bytes:
    flag = b' hidden="1"' if hidden else b""
    cells = b'<c r="A%d"><v>%d</v></c><c r="B%d" t="s"><v>1</v></c>' % (number, number, number)
    tag = {
        "plain": b'<row r="%d" spans="1:2"%s>' % (number, flag),
        "before": b'<row%s r="%d">' % (flag, number),
        "prefix": b'<x:row r="%d"%s>' % (number, flag),
        "true": b"<row r='%d'%s>" % (number, b" hidden='true'" if hidden else b""),
        "false": b'<row r="%d" hidden="0"%s>' % (number, flag),
        "no_r": b"<row%s>" % flag,
        "long": b'<row r="%d" x14ac:dyDescent="%s"%s>' % (number, b"0" * 300, flag),
        "single": b"<row r='%d' customHeight='1'%s>" % (number, flag.replace(b'"', b"'")),
    }[form]
    end = b"</x:row>" if form == "prefix" else b"</row>"
    return tag + cells + end


@settings(derandomize=True, max_examples=80, deadline=None)
@given(st.lists(st.tuples(_FORMS, st.booleans(), st.integers(1, 3)), min_size=1, max_size=60))
def test_hidden_rows_match_a_plain_reading(rows: list[tuple[str, bool, int]]) -> None:
    parts, number = [], 0
    for form, hidden, step in rows:
        number = number + 1 if form == "no_r" else number + step
        parts.append(_row(number, form, hidden))
    head = b'<worksheet><cols><col min="1" max="1" hidden="1"/></cols><sheetData>'
    tail = b'</sheetData><autoFilter ref="A1:B9"><filterColumn colId="0" hiddenButton="1"/>'
    xml = b" " * 64 + head + b"".join(parts) + tail + b"</autoFilter></worksheet>" + b" " * 64
    assert scan_refs(xml).hidden_rows.tolist() == sorted(set(_reference(xml)))


def test_many_hidden_rows_in_blocks() -> None:
    """An AutoFilter hiding most rows of a long sheet: every one placed by the vector path's
    blocks (more flags than one block holds)."""
    n = 40_000
    hidden = np.arange(1, n + 1) % 3 != 0
    xml = b" " * 64 + b"".join(_row(i + 1, "plain", bool(h)) for i, h in enumerate(hidden))
    found = scan_refs(xml + b" " * 64).hidden_rows
    assert found.tolist() == (np.flatnonzero(hidden) + 1).tolist()


def test_no_hidden_flag_costs_nothing_and_finds_nothing() -> None:
    xml = b" " * 64 + b"".join(_row(i, "plain", False) for i in range(1, 200)) + b" " * 64
    assert scan_refs(xml).hidden_rows.tolist() == []
    assert hidden_rows(xml, np.zeros(0, np.int64), np.zeros(0, np.int64), np.zeros(0)).size == 0


@settings(derandomize=True, max_examples=50, deadline=None)
@given(st.lists(st.integers(1, 9_999_999), min_size=1, max_size=40))
def test_key_values_read_the_keys_as_key_value_does(numbers: list[int]) -> None:
    keys = np.array([row_key(n) for n in numbers], dtype=np.uint64)
    assert key_values(keys).tolist() == [key_value(int(k)) for k in keys] == numbers
