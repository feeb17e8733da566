"""Reading a CSV body ahead, on another thread (``io.read_text.read_ahead``, issue #16).

``servqual alpha`` starts parsing the file's body before it loads pandas; the reader then takes
that body instead of parsing again. The item set must be the one read without it, the body must
be parsed once (on the thread ahead), and a body read ahead for other bytes or other arguments
must never be taken.
"""

from __future__ import annotations

import threading
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from servqual_cli.io import csvfast
from servqual_cli.io import read_text as read_module
from servqual_cli.io.item_set import load_item_set
from servqual_cli.io.limits import Limits


def _survey(path: Path, rows: int = 80_000) -> Path:
    """rows x 8 answers with blanks, a text answer and a blank row: about 1.3 MB (valid UTF-8
    from 1 MiB is what the fast head check and so the read ahead take)."""
    rng = np.random.default_rng(7)
    cells = rng.integers(1, 8, size=(rows, 8)).astype(str).astype(object)
    cells[rng.random(cells.shape) < 0.05] = ""
    cells[5, 2] = "Vet ej"
    cells[9, :] = ""
    lines = [";".join(f"F{j + 1}" for j in range(8))] + [";".join(r) for r in cells.tolist()]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.fixture
def spy(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The names of the threads that parse a body; read ahead from any size of file."""
    calls: list[str] = []
    parse = csvfast._read_body

    def counted(*args: object) -> object:
        calls.append(threading.current_thread().name)
        return parse(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(csvfast, "_read_body", counted)
    monkeypatch.setattr(read_module, "_AHEAD_FROM", 0)
    return calls


def test_the_body_read_ahead_is_taken_and_gives_the_same_item_set(
    tmp_path: Path, spy: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    path = str(_survey(tmp_path / "d.csv"))
    ahead = load_item_set(path, "F*", "F3", None)
    assert spy == ["servqual-ahead"]  # parsed once, on the thread ahead
    assert csvfast._AHEAD is None  # ended: nothing held
    monkeypatch.setattr(read_module, "read_ahead", lambda *a: None)
    spy.clear()
    plain = load_item_set(path, "F*", "F3", None)
    assert spy == [threading.current_thread().name]
    pd.testing.assert_frame_equal(ahead.frame, plain.frame)
    assert ahead.n_rows == plain.n_rows == 79_999  # the blank row dropped either way
    assert ahead.excluded == plain.excluded
    assert ahead.exclusion_log.by_column() == plain.exclusion_log.by_column()  # type: ignore[union-attr]
    assert ahead.duplicates == plain.duplicates
    assert ahead.input == plain.input


@pytest.mark.parametrize(
    ("kwargs", "ahead"),
    [({"encoding": "utf-8"}, False), ({"header_row": 1}, True), ({"sheet": "1"}, False)],
    ids=["encoding", "header_row", "sheet"],
)
def test_options_are_read_ahead_as_the_reader_reads_them_or_not_at_all(
    tmp_path: Path, spy: list[str], kwargs: dict[str, object], ahead: bool
) -> None:
    path = str(_survey(tmp_path / "d.csv"))
    try:
        load_item_set(path, "F*", None, None, **kwargs)  # type: ignore[arg-type]
    except Exception as exc:  # --sheet on a CSV: the reader's usage error, as without it
        assert "--sheet applies to workbooks" in str(exc)
        assert spy == []
        return
    assert spy == (["servqual-ahead"] if ahead else [threading.current_thread().name])


def test_a_file_the_reader_refuses_is_not_read_ahead(tmp_path: Path, spy: list[str]) -> None:
    path = tmp_path / "ragged.csv"
    path.write_text("F1;F2\n1;2\n3;4;5\n" * 40_000, encoding="utf-8")
    with pytest.raises(Exception, match="ragged|fields|columns"):
        load_item_set(str(path), "F1,F2", None, None)
    assert csvfast._AHEAD is None


def test_a_result_read_for_other_bytes_or_arguments_is_never_taken() -> None:
    """The reader takes the fast path's result only for its own bytes and arguments, and the
    digest only for its own bytes; a decoy kept under anything else changes nothing."""
    data, other = b"a;b\n1;2\n3;4\n", b"a;b\n1;2\n3;5\n"
    plain = read_module.read_text(data, "t.csv", None, None)
    decoy = read_module._read_text_fast(other, "utf-8", other.decode(), ";", "t.csv", None, None)
    right = ("utf-8", data.decode(), ";", "t.csv", None, None, Limits())

    def read_with(kept: bytes, key: tuple[object, ...], digest: str) -> object:
        ahead = csvfast.Ahead()
        ahead.thread = threading.Thread(target=lambda: None)  # not this thread: the reader's
        ahead.keep(kept, key, (decoy, digest))
        ahead.done.set()
        csvfast.expect(ahead)
        try:
            return read_module.read_text(data, "t.csv", None, None)
        finally:
            csvfast.expect(None)

    for kept, key in [
        (other, right),  # other bytes, same length
        (data, (*right[:2], ",", *right[3:])),  # another delimiter
        (data, (*right[:-1], Limits(max_field_chars=10))),  # another field limit
        (data, (*right[:5], 2, right[6])),  # another --header-rows
    ]:
        table = read_with(kept, key, plain.sha256 if kept is data else "0" * 64)
        assert table.frame.values.tolist() == [["1", "2"], ["3", "4"]]  # type: ignore[attr-defined]
        assert table.sha256 == plain.sha256  # type: ignore[attr-defined]
    taken = read_with(bytes(data), right, plain.sha256)  # equal bytes, same arguments: taken
    assert taken.frame.values.tolist() == [["1", "2"], ["3", "5"]]  # type: ignore[attr-defined]


def test_the_thread_ahead_reads_a_body_in_one_part_and_gives_the_same_item_set(
    tmp_path: Path, spy: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Ahead of pandas, one part (less CPU than the parts and their merge); the reader without
    it reads the same body in parts; the item sets are equal."""
    path = str(_survey(tmp_path / "d.csv"))
    monkeypatch.setattr(csvfast, "_MIN_PART", 1 << 16)  # a 1.3 MB body: parts when not ahead
    monkeypatch.setenv("SERVQUAL_WORKERS", "2")
    spans = csvfast._spans
    seen: list[tuple[str, int]] = []

    def counted(data: bytes, start: int, n: int) -> list[tuple[int, int]]:
        out = spans(data, start, n)
        seen.append((threading.current_thread().name, len(out)))
        return out

    monkeypatch.setattr(csvfast, "_spans", counted)
    ahead = load_item_set(path, "F*", "F3", None)
    assert seen == [("servqual-ahead", 1)] and spy == ["servqual-ahead"]
    assert csvfast.PARTS.get() is None  # the main thread's context is untouched
    monkeypatch.setattr(read_module, "read_ahead", lambda *a: None)
    seen.clear()
    plain = load_item_set(path, "F*", "F3", None)
    assert seen == [(threading.current_thread().name, 2)]  # the parts are live in this test
    pd.testing.assert_frame_equal(ahead.frame, plain.frame)
    assert ahead.excluded == plain.excluded and ahead.duplicates == plain.duplicates
    assert ahead.exclusion_log.by_column() == plain.exclusion_log.by_column()  # type: ignore[union-attr]
