"""Answers read from text are named (review item 13a): "Instämmer helt" mapped to 7 was counted as a
valid answer without a word. The notes (terminal, JSON) say which texts were read as which value
and in how many cells."""

from __future__ import annotations

import csv
import json
from collections import Counter
from pathlib import Path

import pytest
from openpyxl import load_workbook

from servqual_cli.io.values import fold


def _label_cells(rows: list[dict[str, object]], label: str) -> Counter[str]:
    """Independent count: item cells (E/F/P/U columns) whose text is ``label`` (folded)."""
    return Counter(
        str(v).strip()
        for r in rows
        for k, v in r.items()
        if k and k[0] in "EFPU" and isinstance(v, str) and fold(v) == label
    )


def _csv_rows(path: Path) -> list[dict[str, object]]:
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def _xlsx_rows(path: Path) -> list[dict[str, object]]:
    sheet = load_workbook(path, read_only=True).worksheets[0]
    rows = [r for r in sheet.iter_rows(values_only=True) if any(v is not None for v in r)]
    header = next(i for i, r in enumerate(rows) if "E1" in r)  # below the title rows
    return [dict(zip([str(h) for h in rows[header]], r, strict=False)) for r in rows[header + 1 :]]


SAMPLES = Path(__file__).parents[2] / "data" / "samples"


@pytest.mark.parametrize(
    ("path", "instrument", "label", "value", "rows"),
    [
        ("kiosk.csv", "kiosk.toml", "helt rätt", 5.0, _csv_rows),  # the instrument's [labels]
        (SAMPLES / "karlstad_servqual.xlsx", None, "instämmer helt", 7.0, _xlsx_rows),  # built-in
    ],
)
def test_gap_json_names_the_answers_read_from_text(
    cli, data_dir: Path, path: str | Path, instrument: str | None, label: str, value: float,
    rows: object,
) -> None:  # fmt: skip
    file = data_dir / path
    expected = _label_cells(rows(file), label)  # type: ignore[operator]
    assert expected  # the file holds label answers, or this test proves nothing
    inst = [] if instrument is None else ["--instrument", data_dir / instrument]
    r = cli("gap", file, *inst, "-f", "json")
    assert r.exit_code == 0, r.stderr
    got = json.loads(r.stdout)["recoded_text"]
    # numbers written as text ("3" in a CSV) are not recodes; only the label is
    assert got == [{"text": t, "value": value, "cells": n} for t, n in expected.items()]


@pytest.mark.parametrize(
    ("lang", "line"),
    [
        ("en", "Answers read from text (labels and leading numbers): 'Helt rätt' → 5 (1 cell)."),
        ("sv", "Svar tolkade från text (etiketter och ledande tal): 'Helt rätt' → 5 (1 cell)."),
    ],
)
def test_gap_terminal_note_in_both_languages(cli, data_dir: Path, lang: str, line: str) -> None:
    r = cli("gap", data_dir / "kiosk.csv", "--instrument", data_dir / "kiosk.toml", "--lang", lang)
    assert r.exit_code == 0, r.stderr
    assert line in " ".join(r.stdout.split())


def test_items_and_a_file_without_labels(cli, data_dir: Path, tmp_path: Path) -> None:
    r = cli("items", data_dir / "kiosk.csv", "--instrument", data_dir / "kiosk.toml", "-f", "json")
    assert r.exit_code == 0, r.stderr
    assert json.loads(r.stdout)["recoded_text"] == [{"text": "Helt rätt", "value": 5.0, "cells": 1}]
    plain = tmp_path / "plain.csv"
    plain.write_text(
        (data_dir / "kiosk.csv").read_text(encoding="utf-8").replace("Helt rätt", "5"),
        encoding="utf-8",
    )
    r = cli("gap", plain, "--instrument", data_dir / "kiosk.toml", "-f", "json")
    assert json.loads(r.stdout)["recoded_text"] == []
    r = cli("gap", plain, "--instrument", data_dir / "kiosk.toml")
    assert "read from text" not in r.stdout


def test_a_leading_number_and_the_builtin_labels_are_named(cli, tmp_path: Path) -> None:
    """The built-in 1-5 labels and "4 Ganska bra" (a leading number) are read from text too;
    each text is named with its value and its cells, in value order."""
    path = tmp_path / "k.csv"
    lines = [
        "F1,F2,U1,U2",
        "Instämmer helt,4 Ganska bra,3,4",
        "instämmer  HELT,2,4 Ganska bra,5",
        "1,2,3,Instämmer inte alls",
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    inst = tmp_path / "k.toml"
    inst.write_text(
        'name = "k"\nscale = [1, 5]\nexpectation = "F{item}"\nperception = "U{item}"\n'
        '[dimensions]\n"A" = [1, 2]\n',
        encoding="utf-8",
    )
    r = cli("gap", path, "--instrument", inst, "-f", "json")
    assert r.exit_code == 0, r.stderr
    assert json.loads(r.stdout)["recoded_text"] == [
        {"text": "Instämmer inte alls", "value": 1.0, "cells": 1},
        {"text": "4 Ganska bra", "value": 4.0, "cells": 2},
        {"text": "Instämmer helt", "value": 5.0, "cells": 1},
        {"text": "instämmer HELT", "value": 5.0, "cells": 1},
    ]
