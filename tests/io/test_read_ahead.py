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


def test_a_body_read_for_other_bytes_or_arguments_is_never_taken() -> None:
    data = b"a;b\n1;2\n3;4\n"
    lim = Limits()
    ahead = csvfast.Ahead()
    ahead.thread = threading.Thread(target=lambda: None)  # not this thread: the reader's side
    columns = csvfast._read_body(data, 4, ";", 2, lim)
    for other, key in [
        (b"a;b\n1;2\n3;5\n", (4, ";", 2, lim.max_field_chars)),  # other bytes, same length
        (data, (4, ",", 2, lim.max_field_chars)),  # another delimiter
        (data, (4, ";", 2, 10)),  # another field limit
    ]:
        ahead.keep(data, (4, ";", 2, lim.max_field_chars), columns)
        ahead.done.set()
        assert ahead.take(other, key) == (False, None)
    ahead.keep(data, (4, ";", 2, lim.max_field_chars), columns)
    assert ahead.take(bytes(data), (4, ";", 2, lim.max_field_chars)) == (True, columns)
    assert ahead.take(data, (4, ";", 2, lim.max_field_chars)) == (False, None)  # used once
