"""Review 15, finding 3: an inverted zone of tolerance (D < A) gets no verdict.

tests/data/r15_tolerans.csv (the reviewer's file): A and D of items 4 and 11 are stored
unreversed while the instrument (r15_kommun.toml) reverses them, so after the reversal D < A on
145 and 135 of their 160 answers. Before this fix item 4 (zone width −1,81) was "under zonen",
Tillgång (three normal items and item 4) "inom zonen", and nothing named the items. Now the
items are "omvänd zon (D < A)", their dimensions get no verdict ("ingen bedömning …"), a warning
names the items with their shares and asks whether A and D were already reversed in the file,
and the JSON/CSV carry ``inverted_zone``, ``n_inverted_items`` and the positions.

The shares are recomputed here with pandas from the file (8 − x for the reversed items).
"""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pandas as pd
import pytest

DATA = Path(__file__).parents[1] / "data"
FILE, INSTRUMENT = DATA / "r15_tolerans.csv", DATA / "r15_kommun.toml"


def _shares() -> dict[str, float]:
    """D < A after reversing items 4 and 11 (8 − x), per item, with pandas."""
    t = pd.read_csv(FILE)
    out = {}
    for i in range(1, 17):
        a, d = t[f"A{i}"].astype(float), t[f"D{i}"].astype(float)
        if i in (4, 11):
            a, d = 8 - a, 8 - d
        out[str(i)] = float((d < a).mean())
    return out


def _run(cli, *extra: str):
    r = cli("tolerance", FILE, "-i", INSTRUMENT, *extra)
    assert r.exit_code == 0, r.stderr
    return r


def _flat(text: str) -> str:
    """Terminal text with the line wrapping undone."""
    return re.sub(r"[ \n]+", " ", text)  # (a no-break space stays)


def test_reference_shares() -> None:
    shares = _shares()
    assert [k for k, v in shares.items() if v > 0.5] == ["4", "11"]
    assert round(shares["4"], 3) == 0.906 and round(shares["11"], 3) == 0.844


@pytest.mark.parametrize(
    ("lang", "words"),
    [
        (
            "sv",
            [
                "Påståendena 4 och 11: D under A i 90,6\u00a0% och 84,4\u00a0% av svaren.",
                "omvänd zon (D < A)",
                "Är A och D för de omvända påståendena redan omvända i filen?",
                "Dimensionerna Tillgång och Information innehåller sådana påståenden och får "
                "ingen bedömning",
            ],
        ),
        (
            "en",
            [
                "Items 4 and 11: D below A in 90.6% and 84.4% of the answers.",
                "inverted zone (D < A)",
                "Were A and D of the negatively worded items already reversed in the file?",
                "Dimensions Access and Information hold such items and get no verdict",
            ],
        ),
    ],
)
def test_terminal_warns_and_names_the_items(cli, lang: str, words: list[str]) -> None:
    text = _flat(_run(cli, "--lang", lang).stdout)
    for w in words:
        assert w in text
    # the warning comes before the dimension table it changes
    title = "Toleranszon per dimension" if lang == "sv" else "Zone of tolerance by dimension"
    assert text.index(words[0]) < text.index(title)
    verdict = "under zonen" if lang == "sv" else "below the zone"
    assert verdict not in text  # item 4 was "under zonen", the only one


def test_json_carries_the_flags_and_positions(cli) -> None:
    out = json.loads(_run(cli, "-f", "json").stdout)
    shares = _shares()
    items = {r["item"]: r for r in out["items"]}
    for name, r in items.items():
        assert r["inverted_zone"] is (shares[name] > 0.5)
        assert r["n_inverted"] == round(shares[name] * r["n"])
    assert items["4"]["position"] == items["11"]["position"] == "inverted"
    assert items["4"]["zone_width"] == pytest.approx(-1.80625)
    dims = {r["dimension"]: r for r in out["dimensions"]}
    assert {k: r["position"] for k, r in dims.items()} == {
        "Tillgång": "inverted_item",
        "Bemötande": "inside",
        "Information": "inverted_item",
        "Rättssäkerhet": "inside",
    }
    assert [dims[k]["n_inverted_items"] for k in dims] == [1, 0, 1, 0]
    assert not any(r["inverted_zone"] for r in dims.values())


def test_by_groups_carry_no_verdict_without_repeating_the_warning(cli) -> None:
    out = _run(cli, "--by", "Enhet", "--no-items", "--lang", "sv")
    text = _flat(out.stdout)
    assert text.count("Påståendena 4 och 11: D under A") == 1  # the whole file's, once
    data = json.loads(_run(cli, "--by", "Enhet", "-f", "json").stdout)
    for group in data["groups"].values():
        positions = {r["dimension"]: r["position"] for r in group["dimensions"]}
        assert positions["Tillgång"] == positions["Information"] == "inverted_item"


def test_csv_carries_the_flags(cli) -> None:
    rows = list(csv.DictReader(io.StringIO(_run(cli, "-f", "csv").stdout)))
    item4 = next(r for r in rows if r["level"] == "item" and r["name"] == "4")
    assert (item4["inverted_zone"], item4["position"]) == ("True", "inverted")
    access = next(r for r in rows if r["level"] == "dimension" and r["name"] == "Tillgång")
    assert (access["n_inverted_items"], access["position"]) == ("1", "inverted_item")


def test_a_normal_file_has_no_warning(cli, samples_dir: Path) -> None:
    out = cli("tolerance", samples_dir / "karlstad_tolerans.xlsx", "--lang", "sv")
    assert out.exit_code == 0, out.stderr
    assert "omvänd zon" not in out.stdout and "ingen bedömning" not in out.stdout


def test_weighted_zone_has_no_verdict_either(cli, tmp_path: Path) -> None:
    """``--weight-column``: the weights do not mend A and D the wrong way round."""
    t = pd.read_csv(FILE)
    t["w"] = 0.5 + (pd.Series(range(len(t))) % 4) * 0.5  # 0,5–2,0, any positive weights
    path = tmp_path / "weighted.csv"
    t.to_csv(path, index=False)
    r = cli("tolerance", path, "-i", INSTRUMENT, "--weight-column", "w", "-f", "json")
    assert r.exit_code == 0, r.stderr
    rows = json.loads(r.stdout)["weighted"]["dimensions"]
    weighted = {x["dimension"]: x["position"] for x in rows}
    assert weighted["Tillgång"] == weighted["Information"] == "inverted_item"
    assert weighted["Bemötande"] != "inverted_item"


@pytest.mark.parametrize(
    ("lang", "head", "group"),
    [("sv", "Omvänd zon per Enhet: ", "{g} (påståendena 4 och 11)"),
     ("en", "Inverted zones per Enhet: ", "{g} (items 4 and 11)")],
)  # fmt: skip
def test_by_warning_names_the_groups_whose_tables_mark_an_inverted_zone(
    cli, lang: str, head: str, group: str
) -> None:
    """Closing 17: the group tables marked inverted zones per group while the warning named
    only the whole file's items. Each group's inverted items recomputed here with pandas."""
    t = pd.read_csv(FILE)
    for i in (4, 11):
        t[f"A{i}"], t[f"D{i}"] = 8 - t[f"A{i}"], 8 - t[f"D{i}"]
    expected = []
    for name, rows in t.groupby("Enhet", sort=True):
        inverted = [i for i in range(1, 17) if (rows[f"D{i}"] < rows[f"A{i}"]).mean() > 0.5]
        assert inverted == [4, 11]  # every unit has both (the cause is the file's, not a unit's)
        expected.append(group.format(g=name))
    text = _flat(_run(cli, "--by", "Enhet", "--no-items", "--lang", lang).stdout)
    assert f"{head}{', '.join(expected)}." in text
    assert text.count(head) == 1  # in the whole file's warning, not repeated per group
