"""Rows of a text file with fewer fields than the header (review 6, finding 10): a file cut off
mid-row is named; an export that leaves out trailing empty fields is counted, not alarmed."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from servqual_cli.io.read import read_table

HEADER = "id;E1;E2;E3;P1;P2;P3\n"
FULL = "{i};4;5;6;3;4;5\n"


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "survey.csv"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_file_cut_mid_row_is_named(tmp_path: Path) -> None:
    body = "".join(FULL.format(i=i) for i in range(1, 6)) + "6;4;5"  # no final newline
    short = read_table(_write(tmp_path, HEADER + body)).short_rows
    assert short is not None
    assert (short.n, short.cut, short.last_row, short.last_fields, short.width) == (
        1,
        True,
        7,
        3,
        7,
    )


def test_a_full_file_has_none(tmp_path: Path) -> None:
    body = "".join(FULL.format(i=i) for i in range(1, 6))
    assert read_table(_write(tmp_path, HEADER + body)).short_rows is None
    assert "short_rows" not in read_table(_write(tmp_path, HEADER + body)).describe()


def test_trailing_fields_left_out_are_counted_not_called_cut(tmp_path: Path) -> None:
    """Excel leaves out a row's trailing empty fields: many short rows, a final newline."""
    rows = [FULL.format(i=1), "2;4;5;6;3\n", FULL.format(i=3), "4;4;5\n", "5;4;5;6;3;4\n"]
    short = read_table(_write(tmp_path, HEADER + "".join(rows))).short_rows
    assert short is not None
    assert (short.n, short.first_row, short.first_fields, short.cut) == (3, 3, 5, False)


def test_the_only_short_row_at_the_end_is_suspect_even_with_a_newline(tmp_path: Path) -> None:
    body = "".join(FULL.format(i=i) for i in range(1, 6)) + "6;4;5\n"
    short = read_table(_write(tmp_path, HEADER + body)).short_rows
    assert short is not None and short.cut and short.last_row == 7


def test_blank_lines_are_not_short_rows(tmp_path: Path) -> None:
    body = FULL.format(i=1) + "\n" + ";;\n" + FULL.format(i=2)
    assert read_table(_write(tmp_path, HEADER + body)).short_rows is None


@given(
    widths=st.lists(st.integers(min_value=2, max_value=7), min_size=1, max_size=30),
    newline=st.booleans(),
)
def test_the_count_and_first_row_match_the_lines(widths: list[int], newline: bool) -> None:
    """Invariant: n is the number of lines with fewer than 7 fields; the first is the first
    such line; ``cut`` only when the last line is short. (The first data line is whole: the
    header is then found on line 1 whatever follows.)"""
    import tempfile

    widths = [7, *widths]
    lines = [";".join(["1"] * w) for w in widths]
    text = HEADER + "\n".join(lines) + ("\n" if newline else "")
    with tempfile.TemporaryDirectory() as folder:
        short = read_table(_write(Path(folder), text)).short_rows
    shorter = [k for k, w in enumerate(widths) if w < 7]
    if not shorter:
        assert short is None
        return
    assert short is not None
    assert short.n == len(shorter) and short.first_row == shorter[0] + 2
    assert short.first_fields == widths[shorter[0]]
    assert short.cut == (widths[-1] < 7 and (not newline or len(shorter) == 1))


@pytest.mark.parametrize("lang", ["en", "sv"])
def test_gap_warns_and_json_records_it(cli, samples_dir: Path, tmp_path: Path, lang: str) -> None:
    cut = tmp_path / "cut.csv"
    cut.write_bytes((samples_dir / "karlstad_servqual.csv").read_bytes()[:3000])
    r = cli("gap", cut, "--no-items", "--lang", lang)
    assert r.exit_code == 0, r.stderr
    text = " ".join(r.stdout.split())
    if lang == "en":
        assert "cut.csv: row 24 has 17 fields, the header 53; is the file cut short?" in text
    else:
        assert "cut.csv: rad 24 har 17 fält, rubrikraden 53; är filen avkapad?" in text
    d = cli("gap", cut, "-f", "json")
    import json

    assert json.loads(d.stdout)["input"]["short_rows"]["last_row_cut"] is True
    whole = cli("gap", samples_dir / "karlstad_servqual.csv", "--no-items")
    assert "fields, the header" not in whole.stdout


def test_contacts_and_feedback_name_short_rows(cli, data_dir: Path, tmp_path: Path) -> None:
    for command, name in (("contacts", "contacts_2019.csv"), ("feedback", "feedback_en.csv")):
        cut = tmp_path / name
        text = (data_dir / name).read_text(encoding="utf-8").rstrip("\n")
        cut.write_text(text[: text.rfind(",") if "," in text[-40:] else len(text) - 3],
                       encoding="utf-8")  # fmt: skip
        r = cli(command, cut)
        assert r.exit_code == 0, r.stderr
        assert "is the file cut short?" in " ".join(r.stdout.split()), command
