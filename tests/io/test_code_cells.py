"""Review 17, finding 10: :func:`servqual_cli.io.code_cells.codes_without_cells` names the
``--missing-codes`` no excluded cell holds, with the reader's own matcher (a number in any of
its written forms, a word whatever its case)."""

from __future__ import annotations

from servqual_cli.io.code_cells import codes_without_cells
from servqual_cli.io.exclusions import ExclusionLog
from servqual_cli.io.read_text import read_text
from servqual_cli.io.scale_column import parse_scale_column


def _log(body: bytes, codes: tuple[str, ...]) -> ExclusionLog:
    table = read_text(body, "t.csv", None, None)
    log = ExclusionLog("t.csv")
    for pos in range(len(table.columns)):
        parse_scale_column(table, pos, (1, 7), None, codes, log=log, codes=codes)
    return log


def test_a_code_no_cell_holds_is_named() -> None:
    log = _log(b"a;b\n5;99,0\nEj svar;4\n7;abc\n", ("99", "EJ SVAR", "x", "-1"))
    assert codes_without_cells(("99", "EJ SVAR", "x", "-1"), log) == ("x", "-1")


def test_no_cell_excluded_names_every_code() -> None:
    log = _log(b"a;b\n5;6\n", ("99",))
    assert codes_without_cells(("99",), log) == ("99",)
    assert codes_without_cells(("99",), None) == ("99",)
    assert codes_without_cells((), log) == ()


def test_a_builtin_no_answer_word_given_as_a_code_is_held() -> None:
    """A built-in word ("Vet ej", read as "don't know" before any code) is held all the same."""
    log = _log(b"a;b\nVet ej;6\n", ("vet ej",))
    assert log.counts() == {"dont_know": 1}
    assert codes_without_cells(("vet ej",), log) == ()
