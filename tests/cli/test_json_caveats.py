"""JSON carries each reliability caveat as code and facts beside its English message: every
``"warnings"`` list has a ``"caveats"`` list of the same caveats in the same order
(``{"code", "params", "scale", "validity", "message"}``), every ``"skipped"`` map a
``"skipped_caveats"`` map; the messages are kept as they were (additive)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import numpy as np

from servqual_cli.core.caveats import CODES, Caveat


def _pairs(node: Any, path: str = "$") -> list[tuple[str, list, list]]:
    """Every (path, warnings, caveats) in the JSON tree."""
    found = []
    if isinstance(node, dict):
        if "warnings" in node and "caveats" in node:
            found.append((path, node["warnings"], node["caveats"]))
        for key, value in node.items():
            found += _pairs(value, f"{path}.{key}")
    elif isinstance(node, list):
        for k, value in enumerate(node):
            found += _pairs(value, f"{path}[{k}]")
    return found


def _rebuilt(record: dict) -> Caveat:
    """The caveat a JSON record describes, rebuilt from code and params alone."""

    def param(value: Any) -> Any:
        if isinstance(value, dict) and "code" in value:
            return _rebuilt(value)
        return tuple(value) if isinstance(value, list) else value

    params = {k: param(v) for k, v in record["params"].items()}
    return Caveat(record["code"], params, record["scale"], record["validity"])


def _check(out: dict) -> int:
    pairs = _pairs(out)
    assert pairs, "no warnings/caveats pair in the output"
    n = 0
    for where, warnings, caveats in pairs:
        assert [c["message"] for c in caveats] == warnings, where
        for c in caveats:
            assert c["code"] in CODES, where
            assert _rebuilt(c).message == c["message"], where  # code + params say it all
            n += 1
    return n


def test_reliability_json_has_the_codes_of_its_warnings(cli, samples_dir: Path) -> None:
    r = cli("reliability", samples_dir / "karlstad_servqual.xlsx", "-f", "json")
    assert r.exit_code == 0, r.stderr
    out = json.loads(r.stdout)
    assert _check(out) >= 4  # the sample's CFA row warnings, at top level and per validity
    codes = {c["code"] for c in out["caveats"]}
    assert {"cfa_few_rows", "cfa_listwise_share"} <= codes
    few = next(c for c in out["caveats"] if c["code"] == "cfa_few_rows")
    assert few["validity"] is True and isinstance(few["params"]["n"], int)
    assert set(out["skipped_caveats"]) == set(out["skipped"])


def test_alpha_json_has_the_code_of_a_negative_item(cli, tmp_path: Path) -> None:
    rng = np.random.default_rng(3)
    f = rng.normal(size=80)
    cols = [np.clip(np.round(3.5 + 1.2 * f + rng.normal(size=80)), 1, 6) for _ in range(3)]
    cols[2] = 7 - cols[2]  # negatively worded, not declared
    path = tmp_path / "s.csv"
    rows = ["a;b;c", *[";".join(f"{v:g}" for v in r) for r in zip(*cols, strict=True)]]
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    out = json.loads(cli("alpha", path, "--items", "a,b,c", "--scale-range", "1,6",
                         "-f", "json").stdout)  # fmt: skip
    _check(out)
    negative = [c for c in out["caveats"] if c["code"] == "negative_item_rest"]
    c = next(n for n in negative if n["params"]["item"] == "c")
    assert isinstance(c["params"]["r"], float) and c["params"]["r"] < 0


def test_a_skipped_scale_carries_its_code() -> None:
    from servqual_cli.core.scales import InstrumentReliability

    why = Caveat("omega_not_computed", {"why": Caveat("no_values", {"items": ("E2",)})})
    res = InstrumentReliability(scales=(), skipped={"E:One": Caveat("two_items"), "E:Two": why})
    out = json.loads(json.dumps(res.to_dict(), allow_nan=False))
    assert out["skipped_caveats"]["E:One"]["code"] == "two_items"
    nested = out["skipped_caveats"]["E:Two"]
    assert nested["params"]["why"] == {"code": "no_values", "params": {"items": ["E2"]},
                                       "scale": None, "validity": False,
                                       "message": "items have no values at all: E2"}  # fmt: skip
    for name, record in out["skipped_caveats"].items():
        assert record["message"] == out["skipped"][name]
        assert _rebuilt(record).message == record["message"]


def test_parameters_are_json() -> None:
    c = Caveat("cfa_listwise_share", {"used": np.int64(160), "n": 400, "share": np.float64(40.0)})
    assert json.loads(json.dumps(c.to_dict(), allow_nan=False))["params"] == {
        "used": 160, "n": 400, "share": 40.0}  # fmt: skip
    assert Caveat("corr_not_pd", {"missing": "pairwise", "score": "P", "ev": float("nan"),
                                  "hint": True}).to_dict()["params"]["ev"] is None  # fmt: skip
