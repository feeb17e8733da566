"""Review 16, finding 6: SPSS user-missing codes are read as what they are, not as blanks.

SPSS exports "Vet ej" as a code (99) declared missing; pyreadstat turned such cells into NaN, so
``gap`` counted "tomma 353" where every cell held 99 labelled "Vet ej". Now a declared cell
whose label is a no-answer word counts as "vet ej" / "don't know" (as the same file without the
declaration did), and a declared code with no such label as "angivet saknat värde" / "declared
missing", listed in ``--excluded`` with its code. A declared "Vet ej" in a ``--by`` column gives
no group, as before. Cells not declared missing read as before.

Session 18: a labelled declared code is listed as its code and label, "99 (Vet ej)" (the label
alone is not what SPSS shows with labels off, so the reader could not find the cell), in gap's
and alpha's lists; describe says an unlabelled declared code is one, and which ("angivet
saknat värde 2 (kod 98)"), where it said "tomma 2". alpha and items read an SPSS item as gap
does, by its codes with the declared ones counted: they read the labels, so a 7 labelled
"Instämmer helt" was "not a valid value" without --scale-range and the declared 98 "blank"
(α 0.259 on 5 respondents where pingouin gives 0.816 on the items' own answers).

Files: tests/data/spss_missing/user_missing.sav and user_missing_undeclared.sav (written by
make_files.py there): E1 holds 99 "Vet ej" in rows 2, 5, 9; P2 holds the unlabelled 98 in rows
3, 7; Enhet 9 "Vet ej" in row 12; 98-99 declared missing in the items, 9 in Enhet.
Reference: the cells counted with pyreadstat (``user_missing=True``) in the test itself.
"""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pyreadstat
import pytest

from .conftest import DATA, TWO

SAV = DATA / "spss_missing" / "user_missing.sav"
UNDECLARED = DATA / "spss_missing" / "user_missing_undeclared.sav"
SUMMARY = {
    "sv": "Uteslutna celler: vet ej 4 (i E1 3, Enhet 1), angivet saknat värde 2 (alla i P2).",
    "en": "Excluded cells: don't know 4 (in E1 3, Enhet 1), declared missing 2 (all in P2).",
}
LISTED = [
    ["user_missing.sav", "", 2, "E1", "99 (Vet ej)", "dont_know"],
    ["user_missing.sav", "", 3, "P2", "98", "missing_token"],
    ["user_missing.sav", "", 5, "E1", "99 (Vet ej)", "dont_know"],
    ["user_missing.sav", "", 7, "P2", "98", "missing_token"],
    ["user_missing.sav", "", 9, "E1", "99 (Vet ej)", "dont_know"],
    ["user_missing.sav", "", 12, "Enhet", "9 (Vet ej)", "dont_know"],
]


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_declared_missing_is_counted_by_its_meaning(cli, tmp_path: Path, lang: str) -> None:
    listed = tmp_path / "x.csv"
    r = cli("gap", SAV, *TWO, "--by", "Enhet", "--lang", lang, "--excluded", listed)
    assert r.exit_code == 0, r.stderr
    assert SUMMARY[lang] in " ".join(r.stdout.split())
    assert "tomma" not in r.stdout and "blank" not in r.stdout
    frame = pd.read_csv(listed, keep_default_na=False, dtype={"value": str})
    frame["row"] = frame["row"].astype(int)
    assert frame.to_numpy().tolist() == LISTED


def test_json_counts_and_the_rest_read_as_without_the_declaration(cli) -> None:
    """The JSON counts each reason; the answers, groups and results equal those of the same file
    without the declaration (there 98 is off the scale: the one difference)."""
    raw, meta = pyreadstat.read_sav(str(SAV), apply_value_formats=False, user_missing=True)
    assert (raw["E1"] == 99).sum() == 3 and (raw["P2"] == 98).sum() == 2  # the file as described
    assert meta.missing_ranges["E1"] == [{"lo": 98.0, "hi": 99.0}]
    one = json.loads(cli("gap", SAV, *TWO, "--by", "Enhet", "-f", "json").stdout)
    two = json.loads(cli("gap", UNDECLARED, *TWO, "--by", "Enhet", "-f", "json").stdout)
    assert one["excluded"] == {"dont_know": 4, "missing_token": 2}
    assert two["excluded"] == {"dont_know": 4, "out_of_range": 2}
    assert one["dimensions"] == two["dimensions"] and one["items"] == two["items"]
    assert one["n_rows"] == two["n_rows"] == 12


def test_alpha_lists_a_declared_code_with_its_label(cli, tmp_path: Path) -> None:
    listed = tmp_path / "x.csv"
    r = cli("alpha", SAV, "--items", "E1,P1,E2,P2", "--scale-range", "1,7", "--excluded", listed)
    assert r.exit_code == 0, r.stderr
    frame = pd.read_csv(listed, keep_default_na=False, dtype={"value": str})
    said = frame[frame["reason"] == "dont_know"]
    assert said["value"].tolist() == ["99 (Vet ej)"] * 3 and said["row"].tolist() == [2, 5, 9]


DESCRIBED = {
    "sv": "angivet saknat värde 2 (kod 98)",
    "en": "declared missing 2 (code 98)",
}


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_describe_names_an_unlabelled_declared_code(cli, lang: str) -> None:
    r = cli("describe", SAV, "--lang", lang)
    assert r.exit_code == 0, r.stderr
    p2 = next(line for line in r.stdout.splitlines() if " P2 " in line)
    assert DESCRIBED[lang] in p2 and "tomma" not in p2 and "blank" not in p2


def test_describe_json_counts_the_declared_codes(cli) -> None:
    r = cli("describe", SAV, "-f", "json")
    p2 = next(c for c in json.loads(r.stdout)["columns"] if c["name"] == "P2")
    assert p2["missing"] == {"declared_missing": 2}
    assert p2["declared_codes"] == [{"value": "98", "count": 2}]


def test_alpha_and_items_read_an_spss_item_as_gap_does(cli) -> None:
    """Reference: pingouin's pairwise α (psych's rule) on the file read by pyreadstat with the
    declared codes as NaN (its default), computed here."""
    import pingouin as pg

    raw, _ = pyreadstat.read_sav(str(SAV), apply_value_formats=False)
    ref = float(pg.cronbach_alpha(raw[["E1", "P1", "E2", "P2"]], nan_policy="pairwise")[0])
    run = cli("alpha", SAV, "--items", "E1,P1,E2,P2", "-f", "json")
    assert run.exit_code == 0, run.stderr
    d = json.loads(run.stdout)
    assert d["excluded"] == {"dont_know": 3, "missing_token": 2}
    assert d["scales"][0]["alpha"] == pytest.approx(ref, abs=1e-12)
    assert [i["n"] for i in d["scales"][0]["items"]] == [9, 12, 12, 10]
    run = cli("items", SAV, "--items", "E1,P1,E2,P2", "--scale-range", "1,7", "-f", "json")
    items = json.loads(run.stdout)["items"]
    assert [(i["n"], i["missing"]) for i in items] == [
        (9, {"dont_know": 3}),
        (12, {}),
        (12, {}),
        (10, {"missing_token": 2}),
    ]
