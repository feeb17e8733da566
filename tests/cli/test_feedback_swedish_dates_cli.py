"""Feedback: dates written the Swedish way are read and counted in a note beside the serial-day
note (review 5 item 11; the rule that reads them is named in the output)."""

from __future__ import annotations

import json
from pathlib import Path


def _flat(text: str) -> str:
    return " ".join(text.split())


def _register(path: Path) -> Path:
    path.write_text(
        "id;inkommen;typ;förvaltning;kontaktuppgifter;besvarad\n"
        "1;5 mars 2024;klagomål;Skola;ja;2024-03-07\n"
        "2;6 MARS 2024 kl. 10.15;synpunkt;Skola;ja;8 mars 2024\n"
        "3;2024-03-07 kl 09:30;beröm;Teknik;nej;\n"
        "4;2024-03-08;fråga;Teknik;ja;31 februari 2024\n",
        encoding="utf-8",
    )
    return path


def test_swedish_dates_are_read_and_counted(cli, tmp_path: Path) -> None:
    path = _register(tmp_path / "synpunkter.csv")
    r = cli("feedback", path, "-f", "json")
    assert r.exit_code == 0, r.stderr
    d = json.loads(r.stdout)
    assert d["n_items"] == 3  # 31 februari: an unreadable answer date leaves the item out
    assert d["excluded"] == {"invalid_date": 1}
    assert d["swedish_dates"] == {"inkommen": 3, "besvarad": 1}
    text = _flat(cli("feedback", path).stdout)
    # the example is the column's own first such text, not a fixed one (review 7 finding 6)
    assert d["swedish_date_examples"] == {"inkommen": "5 mars 2024", "besvarad": "8 mars 2024"}
    assert (
        "3 dates read in a Swedish form, e.g. “5 mars 2024” (column inkommen); 1 date read in a "
        "Swedish form, as “8 mars 2024” (column besvarad)."
    ) in text
    sv = _flat(cli("feedback", path, "--lang", "sv").stdout)
    assert "3 datum lästa i svensk form, t.ex. ”5 mars 2024” (kolumn inkommen)" in sv


def test_no_swedish_note_for_iso_dates(cli, data_dir: Path) -> None:
    d = json.loads(cli("feedback", data_dir / "feedback_en.csv", "-f", "json").stdout)
    assert d["swedish_dates"] == {}
    assert "Swedish form" not in cli("feedback", data_dir / "feedback_en.csv").stdout


def test_weekdays_ordinals_and_the_hour_alone(cli, data_dir: Path, tmp_path: Path) -> None:
    """``feedback_swedish_forms.csv`` (session 10): "mån 4 mars 2024", "1:a mars 2024 kl. 9",
    "2024-03-05 kl 10", "onsdag den 6 mars 2024" and "3:e mars 2024" are read; "tisdag 4 mars
    2024" (a Monday) is refused and listed with its cell."""
    path = data_dir / "feedback_swedish_forms.csv"
    excluded = tmp_path / "excluded.csv"
    r = cli("feedback", path, "-f", "json", "--excluded", excluded)
    assert r.exit_code == 0, r.stderr
    d = json.loads(r.stdout)
    assert d["swedish_dates"] == {"inkommen": 3, "besvarad": 2}
    # the wrong weekday leaves its item out; 3 March answers a case received on 6 March
    assert d["excluded"] == {"wrong_weekday": 1, "end_before_start": 1}
    assert d["n_items"] == 4
    rows = excluded.read_text(encoding="utf-8").splitlines()
    assert "feedback_swedish_forms.csv,,5,inkommen,tisdag 4 mars 2024,wrong_weekday" in rows
    text = _flat(cli("feedback", path).stdout)
    assert "3 dates read in a Swedish form, e.g. “mån 4 mars 2024” (column inkommen)" in text


def test_a_column_of_wrong_weekdays_names_the_reason(cli, tmp_path: Path) -> None:
    path = tmp_path / "synpunkter.csv"
    path.write_text(
        "id;inkommen;typ;förvaltning;kontaktuppgifter;besvarad\n"
        "1;tisdag 4 mars 2024;klagomål;Skola;ja;2024-03-07\n"
        "2;fre 4 mars 2024;synpunkt;Skola;ja;\n3;2024-03-05;beröm;Teknik;nej;\n",
        encoding="utf-8",
    )
    r = cli("feedback", path)
    assert r.exit_code == 1
    assert r.stderr.count("\n") == 1 and "Traceback" not in r.stderr
    assert (
        "row 2, column 'inkommen': 'tisdag 4 mars 2024' is not a readable date (its weekday is "
        "wrong: that day is a måndag)"
    ) in r.stderr
