"""Review 11, finding 2: ``alpha`` on answers in words without ``--scale-range`` said the items
were "left out for no variance" (in English, even under ``--lang sv``). The words were left out
for want of a scale and the one number left per column (an "Antal svar" row) made each item
constant. Now the error names the cause, the commonest labels with their counts and the
``--scale-range`` that reads them, in the run's language; a column that really holds one value
keeps "no variance", said in Swedish too.

``tests/data/text_answers.csv`` is an Esmaker-like export: ``;``, decimal-comma weights, three
5-point items answered "Mycket missnöjd" … "Mycket nöjd" or "Ej aktuellt", and an "Antal svar"
row of counts at the bottom.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from servqual_cli.cli import error_text
from servqual_cli.errors import ServqualError

DATA = Path(__file__).parent.parent / "data"
TEXT = DATA / "text_answers.csv"


@pytest.fixture
def seen(monkeypatch: pytest.MonkeyPatch) -> list[ServqualError]:
    """The errors the CLI's handler renders (to read their code and facts)."""
    found: list[ServqualError] = []
    original = error_text.error_line

    def record(exc: ServqualError, lang: str) -> str:
        found.append(exc)
        return original(exc, lang)

    monkeypatch.setattr(error_text, "error_line", record)
    return found


def _both(cli, seen, *args: str) -> tuple[str, str, ServqualError]:
    """The Swedish and the English error line of one run (exit 1, one line, no traceback), and
    the error; the catalog's English entry says what the raise site says."""
    sv = cli(*args, "--lang", "sv")
    en = cli(*args)
    for run, prefix in ((sv, "servqual: fel: "), (en, "servqual: error: ")):
        assert run.exit_code == 1 and run.stdout == "", run.stderr
        assert run.stderr.startswith(prefix) and run.stderr.count("\n") == 1, run.stderr
        assert "Traceback" not in run.stderr
    exc = seen[-1]
    assert exc.code is not None and error_text.render(exc.code, exc.facts, "en") == exc.message
    return sv.stderr, en.stderr, exc


def test_answers_in_words_name_the_cause_and_the_scale(cli, seen) -> None:
    sv, en, exc = _both(cli, seen, "alpha", str(TEXT), "--items", "4-6")
    assert exc.code == "text_answers_need_scale"
    assert "no variance" not in en and "saknar variation" not in sv
    assert en == (
        f"servqual: error: {TEXT}: 3 columns hold answers in words ('Mycket nöjd' 25, "
        "'Ganska nöjd' 19, 'Varken eller' 11, ...) that are read as numbers only with a scale: "
        "give --scale-range 1,5\n"
    )
    assert sv == (
        f"servqual: fel: {TEXT}: 3 kolumner har svar i ord ('Mycket nöjd' 25, 'Ganska nöjd' 19, "
        "'Varken eller' 11, …) som läses som tal först med en skala: ange --scale-range 1,5\n"
    )
    # the advice works: the same items with the scale it names
    ok = cli("alpha", str(TEXT), "--items", "4-6", "--scale-range", "1,5", "-f", "json")
    assert ok.exit_code == 0, ok.stderr
    assert json.loads(ok.stdout)["scales"][0]["n"] > 0


def test_one_column_is_named_and_thousands_are_grouped_in_swedish(cli, seen, tmp_path) -> None:
    rows = ["A;B"] + ["Instämmer helt;3"] * 1200 + ["Instämmer inte alls;4"] * 3 + ["9;5"]
    path = tmp_path / "one.csv"
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    sv, en, exc = _both(cli, seen, "alpha", str(path), "--items", "A,B")
    assert exc.code == "text_answers_need_scale" and exc.location.column == "A"
    assert f"{path}, kolumn 'A': kolumnen har svar i ord ('Instämmer helt' 1\u00a0200, " in sv
    assert f"{path}, column 'A': the column holds answers in words ('Instämmer helt' 1200, " in en


def test_seven_point_labels_advise_seven_points(cli, seen, tmp_path) -> None:
    labels = ["Instämmer inte alls", "Tar avstånd", "Tar delvis avstånd", "Varken eller",
              "Instämmer delvis", "Instämmer", "Instämmer helt"]  # fmt: skip
    rows = ["F1;F2"] + [f"{a};{b}" for a, b in zip(labels, reversed(labels), strict=True)]
    path = tmp_path / "seven.csv"
    path.write_text("\n".join([*rows, "7;7"]) + "\n", encoding="utf-8")
    sv, _, exc = _both(cli, seen, "alpha", str(path), "--items", "F1,F2")
    assert exc.code == "text_answers_need_scale" and exc.facts["points"] == 7
    assert sv.endswith("ange --scale-range 1,7\n")


def test_words_of_no_built_in_set_are_said_so(cli, seen, tmp_path) -> None:
    rows = ["F1;F2"] + ["Bra;Dåligt", "Dåligt;Bra", "Bra;Bra"] * 4 + ["3;4"]
    path = tmp_path / "own.csv"
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    sv, en, exc = _both(cli, seen, "alpha", str(path), "--items", "F1,F2")
    assert exc.code == "text_answers_no_scale"
    assert "('Bra' 16, 'Dåligt' 8) that no built-in label set reads" in en
    assert "som ingen inbyggd svarsskala läser" in sv and "koda annars om dem till tal" in sv


def test_a_column_of_one_value_keeps_no_variance_in_the_runs_language(cli, seen, tmp_path) -> None:
    """The core's reason (a caveat) is said in Swedish under --lang sv (it was English)."""
    path = tmp_path / "constant.csv"
    path.write_text("a,b\n1,2\n1,3\n1,4\n", encoding="utf-8")
    sv, en, exc = _both(cli, seen, "alpha", str(path), "--items", "a,b")
    assert exc.code == "scale_caveat"
    assert en == (
        f"servqual: error: {path}: need at least 2 items, got 1 (b) (left out for no variance: a)\n"
    )
    assert sv == (
        f"servqual: fel: {path}: kräver minst 2 påståenden, fick 1 (b) (utelämnade för att de "
        "saknar variation: a)\n"
    )
