"""Review 17, finding 21: ``tolerance -f json`` carried no ``warnings``/``caveats`` for the
inverted zones the text outputs lead with (gap, alpha and reliability JSON carry theirs), and
the weighted rows had ``n_inverted_items``/``inverted_zone`` null beside the position
``inverted_item``.

tests/data/r17_tol_inv.xlsx (the reviewer's file): D < A on most answers of item 3 and, with
mean D below mean A, item 7; Fysisk miljö (Tangibles) and Tillförlitlighet (Reliability) hold
them. The shares are recomputed here with pandas from the file.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pandas as pd
import pytest

DATA = Path(__file__).parents[1] / "data"
FILE = DATA / "r17_tol_inv.xlsx"


def _shares() -> dict[str, tuple[int, int]]:
    """(answers with A, D and P all valid, of them D < A) for items 3 and 7, with pandas."""
    t = pd.read_excel(FILE, engine="openpyxl").apply(pd.to_numeric, errors="coerce")
    out = {}
    for i in (3, 7):
        a, d, p = (t[f"{r}{i}"] for r in "ADP")
        ok = a.notna() & d.notna() & p.notna()
        out[str(i)] = (int(ok.sum()), int((ok & (d < a)).sum()))
    return out


def _json(cli, *extra: str) -> dict:
    r = cli("tolerance", FILE, "-f", "json", *extra)
    assert r.exit_code == 0, r.stderr
    return json.loads(r.stdout)


def test_reference_counts() -> None:
    assert _shares() == {"3": (228, 217), "7": (226, 112)}


@pytest.mark.parametrize(("lang", "start"), [
    ("en", "Items 3 and 7: D below A in 95.2% and 49.6% of the answers."),
    ("sv", "Påståendena 3 och 7: D under A i 95,2\u00a0% och 49,6\u00a0% av svaren."),
])  # fmt: skip
def test_json_carries_the_warning_and_its_facts(cli, lang: str, start: str) -> None:
    out = _json(cli, "--lang", lang)
    assert len(out["warnings"]) == 1 and out["warnings"][0].startswith(start)
    [caveat] = out["caveats"]
    assert caveat["code"] == "inverted_zone" and caveat["group"] is None
    params, ref = caveat["params"], _shares()
    assert params["items"] == ["3", "7"]
    assert params["n"] == [ref["3"][0], ref["7"][0]]
    assert params["n_inverted"] == [ref["3"][1], ref["7"][1]]
    assert params["shares"] == pytest.approx([k / n for n, k in (ref["3"], ref["7"])], rel=1e-12)
    assert params["dimensions_without_verdict"] == ["Tangibles", "Reliability"]
    assert params["dimensions_inverted"] == []


def test_by_groups_have_their_own_caveats(cli) -> None:
    out = _json(cli, "--by", "Tjänst")
    assert [c["group"] for c in out["caveats"]] == [
        None, "Förskola/barnomsorg", "Grundskola", "Äldreomsorg"]  # fmt: skip
    assert "Inverted zones per Tjänst:" in out["warnings"][0]


def test_no_inverted_zone_no_caveat(cli) -> None:
    r = cli("tolerance", DATA / "tolerance_six_point.csv", "-f", "json")
    assert r.exit_code == 0, r.stderr
    out = json.loads(r.stdout)
    assert out["warnings"] == [] and out["caveats"] == []


def test_weighted_rows_say_why_there_is_no_verdict(cli) -> None:
    out = _json(cli, "--weight-column", "Vikt")
    sample = {r["dimension"]: r for r in out["dimensions"]}
    for row in out["weighted"]["dimensions"]:
        mine = sample[row["dimension"]]
        assert row["n_inverted_items"] == mine["n_inverted_items"]
        assert row["inverted_zone"] == mine["inverted_zone"]
        if mine["position"] in ("inverted", "inverted_item"):
            assert row["position"] == mine["position"]
    assert [r["n_inverted_items"] for r in out["weighted"]["dimensions"][:2]] == [1, 1]
    r = cli("tolerance", FILE, "-f", "csv", "--weight-column", "Vikt")
    rows = [x for x in csv.DictReader(io.StringIO(r.stdout)) if x["level"] == "weighted"]
    msa = [x for x in rows if x["name"] == "Tangibles: MSA (P−A)"]
    assert [(x["n_inverted_items"], x["inverted_zone"], x["position"]) for x in msa] == [
        ("1", "False", "inverted_item")]  # fmt: skip
