"""gap on an export ending in a "Medelvärde" row (review 9, finding 5): the row is left out,
named in one line in both languages and in the JSON, and the results are those of the file
without it (the reviewer saw "Svarande: 61" and 44 cells "inte ett skalsteg")."""

from __future__ import annotations

import json
from pathlib import Path

DATA = Path(__file__).resolve().parents[1] / "data"
FILE = DATA / "summary_row_sv.csv"


def test_the_row_is_named_and_left_out(cli) -> None:
    sv = cli("gap", FILE, "--no-items", "--lang", "sv")
    assert sv.exit_code == 0, sv.stderr
    assert "summary_row_sv.csv: rad 62 ser ut som en summeringsrad (Medelvärde): utelämnad." in (
        sv.stdout
    )
    assert "Svarande: 60." in sv.stdout and "skalsteg" not in sv.stdout
    en = cli("gap", FILE, "--no-items")
    assert "summary_row_sv.csv: row 62 looks like a summary row (Medelvärde): left out." in (
        en.stdout
    )
    assert "Respondents: 60." in en.stdout


def test_json_records_it_and_equals_the_file_without_it(cli, tmp_path: Path) -> None:
    cut = tmp_path / "summary_row_sv.csv"  # the same name: the JSON names the file
    cut.write_text("\n".join(FILE.read_text("utf-8-sig").splitlines()[:-1]) + "\n", "utf-8")
    full = json.loads(cli("gap", FILE, "-f", "json").stdout)
    short = json.loads(cli("gap", cut, "-f", "json").stdout)
    assert full["input"]["summary_rows"] == [{"row": 62, "label": "Medelvärde"}]
    assert "summary_rows" not in short["input"]
    assert full["n_rows"] == short["n_rows"] == 60
    assert full["excluded"] == short["excluded"] and "not_scale_point" not in full["excluded"]
    assert full["dimensions"] == short["dimensions"] and full["items"] == short["items"]
