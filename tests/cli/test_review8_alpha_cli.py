"""Review 8 finding 3: under pairwise deletion an item-rest "r" can pass 1 (psych::alpha prints
the same 1.028 on this file); the value stays, matching R, and a caveat says it is not a
correlation and names listwise deletion, which gives one."""

from __future__ import annotations

import json
from pathlib import Path

# The reviewer's six rows, two blanks in E1. R: psych::alpha(d[, -1])$item.stats$r.drop
# gives 0.986, 0.660, 0.789, 1.028 (pairwise, psych's default).
ROWS = "Respondent,E1,E2,E3,E4\n1,5,6,7,5\n2,6,6,6,6\n3,,5,5,5\n4,7,5,6,7\n5,3,4,4,2\n6,,7,7,6\n"


def test_item_rest_r_beyond_one_is_kept_and_explained(cli, tmp_path: Path) -> None:
    data = tmp_path / "pairwise.csv"
    data.write_text(ROWS)
    d = json.loads(cli("alpha", data, "--items", "E1:E4", "-f", "json").stdout)
    items = {row["item"]: row["item_rest_r"] for row in d["scales"][0]["items"]}
    assert [round(items[k], 3) for k in ("E1", "E2", "E3", "E4")] == [0.986, 0.660, 0.789, 1.028]
    beyond = [c for c in d["caveats"] if c["code"] == "item_rest_beyond_one"]
    assert [tuple(c["params"]["items"]) for c in beyond] == [("E4",)]
    sv = " ".join(cli("alpha", data, "--items", "E1:E4", "--lang", "sv").stdout.split())
    assert "r mot övriga påståenden ligger utanför ±1 för E4" in sv
    assert "--missing listwise ger en" in sv
    listwise = cli("alpha", data, "--items", "E1:E4", "--missing", "listwise", "-f", "json")
    codes = [c["code"] for c in json.loads(listwise.stdout)["caveats"]]
    assert "item_rest_beyond_one" not in codes
