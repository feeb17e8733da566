"""`servqual reliability` and `servqual alpha` through the real CLI.

The sample-survey values are checked against R psych 2.2.9 ``alpha()`` (pairwise, its default)
and lavaan 0.6.14 ``cfa()``: tests/core/r/sample_reliability.R. Tolerances: 1e-9 for alpha and
item statistics (closed forms from the same pairwise covariance matrix); 1e-6 absolute for CFA
fit indices and 1e-6 relative for chi-square (both optimisers stop near 1e-8 in the objective).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

R = Path(__file__).parents[1] / "core" / "r" / "sample_reliability.json"
ALPHA_TOL = 1e-9


@pytest.fixture(scope="module")
def expected() -> dict:
    return json.loads(R.read_text())


@pytest.fixture(scope="module")
def sample_json(samples_dir_module: Path) -> dict:
    import contextlib
    import io

    from servqual_cli.cli.main import main

    buf = io.StringIO()
    with contextlib.redirect_stdout(buf):
        code = main(
            ["reliability", str(samples_dir_module / "karlstad_servqual.csv"), "-f", "json"]
        )
    assert code == 0
    return json.loads(buf.getvalue())


@pytest.fixture(scope="module")
def samples_dir_module() -> Path:
    return Path(__file__).parents[2] / "data" / "samples"


def test_scales_match_psych(sample_json: dict, expected: dict) -> None:
    scales = {s["scale"]: s for s in sample_json["scales"]}
    assert len(scales) == 18  # 5 dimensions + whole scale, for E, P and gap
    for name, want in expected.items():
        if ":" not in name:
            continue
        got = scales[name]
        for key in ("alpha", "alpha_std", "average_r"):
            assert got[key] == pytest.approx(want[key], rel=ALPHA_TOL), (name, key)
        for key in ("alpha_if_deleted", "item_rest_r", "mean", "sd"):
            values = [i[key] for i in got["items"]]
            assert values == pytest.approx(want[key], rel=ALPHA_TOL), (name, key)


def test_cfa_matches_lavaan(sample_json: dict, expected: dict) -> None:
    cfa = next(v for v in sample_json["validity"] if v["score"] == "P")["cfa"]
    want = expected["cfa_P"]
    assert cfa["df"] == want["df"]
    assert cfa["chi2"] == pytest.approx(want["chisq"], rel=1e-6)
    for ours, theirs in [("cfi", "cfi"), ("tli", "tli"), ("rmsea", "rmsea"),
                         ("rmsea_ci_high", "rmsea.ci.upper"), ("srmr", "srmr")]:  # fmt: skip
        assert cfa[ours] == pytest.approx(want[theirs], abs=1e-6), ours


def test_json_schema(sample_json: dict) -> None:
    s = sample_json["scales"][0]
    assert list(s) == ["scale", "n", "k", "alpha", "alpha_std", "ci_low", "ci_high",
                       "average_r", "n_boot", "seed", "omega_total", "omega_estimator",
                       "omega_problem", "items"]  # fmt: skip
    assert list(s["items"][0]) == ["item", "n", "alpha_if_deleted", "item_rest_r", "mean", "sd"]
    assert s["scale"] == "E:Tangibles" and s["items"][0]["item"] == "E1"
    assert sample_json["excluded"]["dont_know"] == 176
    assert {"kmo", "bartlett", "efa", "cfa"} <= set(sample_json["validity"][0])


def test_table_by_group(cli, samples_dir: Path) -> None:
    r = cli("reliability", samples_dir / "karlstad_servqual.xlsx", "--by", "Tjänst",
            "--no-validity", "--no-items")  # fmt: skip
    assert r.exit_code == 0, r.stderr
    assert "Tjänst: Äldreomsorg" in r.stdout and "Perception – Empathy" in r.stdout
    assert "Excluded cells" in r.stdout


def test_bootstrap_is_seeded(cli, data_dir: Path) -> None:
    args = ["reliability", data_dir / "kiosk.csv", "-i", data_dir / "kiosk.toml", "--bootstrap",
            "300", "--seed", "7", "--no-validity", "-f", "json"]  # fmt: skip
    a, b = cli(*args), cli(*args)
    assert a.exit_code == 0, a.stderr
    assert a.stdout == b.stdout
    out = json.loads(a.stdout)
    assert out["ci_method"] == "bootstrap"
    # an examiner holding only the output can redraw it: the draws and the seed are recorded
    assert (out["n_boot"], out["seed"]) == (300, 7)
    assert {(s["n_boot"], s["seed"]) for s in out["scales"]} == {(300, 7)}


def test_bootstrap_note_names_draws_and_seed(cli, samples_dir: Path) -> None:
    """Review 10b, finding 4: "seeded draws" did not say how many or which seed."""
    args = ["alpha", samples_dir / "karlstad_servqual.xlsx", "--items", "P1,P2,P3,P4",
            "--bootstrap", "200", "--seed", "11", "--scale-range", "1,7"]  # fmt: skip
    sv = cli(*args, "--lang", "sv", "-f", "markdown")
    en = cli(*args, "-f", "markdown")
    assert sv.exit_code == 0 and en.exit_code == 0, sv.stderr + en.stderr
    assert "bootstrap-percentiler (200 dragningar, frö 11;" in sv.stdout
    assert "bootstrap percentiles (200 draws, seed 11;" in en.stdout
    out = json.loads(cli(*args, "-f", "json").stdout)
    assert (out["n_boot"], out["seed"], out["scales"][0]["n_boot"]) == (200, 11, 200)
    feldt = json.loads(cli("alpha", samples_dir / "karlstad_servqual.xlsx", "--items",
                           "P1,P2,P3,P4", "-f", "json").stdout)  # fmt: skip
    assert (feldt["ci_method"], feldt["n_boot"], feldt["seed"]) == ("feldt", 0, None)


def test_alpha_command_with_reverse_and_warning(cli, tmp_path: Path) -> None:
    # Item c runs against a and b; undeclared it draws a negative item-rest warning.
    import numpy as np

    rng = np.random.default_rng(3)
    f = rng.normal(size=80)
    cols = [np.clip(np.round(3.5 + 1.2 * f + rng.normal(size=80)), 1, 6) for _ in range(3)]
    cols[2] = 7 - cols[2]  # negatively worded
    path = tmp_path / "s.csv"
    rows = ["a;b;c", *[";".join(f"{v:g}" for v in r) for r in zip(*cols, strict=True)]]
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    r = cli("alpha", path, "--items", "a,b,c", "--scale-range", "1,6", "-f", "json")
    assert r.exit_code == 0, r.stderr
    out = json.loads(r.stdout)
    assert out["scales"][0]["scale"] == "scale"
    assert any("c" in w and "negative" in w for w in out["warnings"])
    fixed = cli("alpha", path, "--items", "a,b,c", "--reverse", "c", "--scale-range", "1,6",
                "--name", "Demo", "-f", "json")  # fmt: skip
    res = json.loads(fixed.stdout)
    assert res["scales"][0]["alpha"] > out["scales"][0]["alpha"]
    assert res["scales"][0]["scale"] == "Demo" and not res["warnings"]


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["--items", "F1"], 2, "--items needs at least two columns"),
        (["--items", "F1,Q9"], 2, "--items needs column Q9"),
        (["--items", "F1,F1,F2"], 2, "--items names 'F1' twice"),
        (["--items", "F1,F2", "--reverse", "U1"], 2, "--reverse names 'U1'"),
        (["--items", "F1,F2", "--scale-range", "5,1"], 2, "min must be below max"),
        (["--items", "F1,F2", "--scale-range", "x"], 2, "--scale-range must be min,max"),
        (["--items", "id,Enhet"], 1, "column 'Enhet': no numeric value"),
    ],
)
def test_alpha_bad_usage(cli, data_dir: Path, args: list[str], code: int, message: str) -> None:
    r = cli("alpha", data_dir / "kiosk.csv", *args)
    assert r.exit_code == code, r.stderr
    assert message in r.stderr and "Traceback" not in r.stderr


def test_alpha_constant_item(cli, tmp_path: Path) -> None:
    path = tmp_path / "c.csv"
    path.write_text("a,b\n1,3\n2,3\n3,3\n", encoding="utf-8")
    r = cli("alpha", path, "--items", "a,b")
    assert r.exit_code == 1 and "b" in r.stderr and "Traceback" not in r.stderr


def test_reliability_bad_file(cli, data_dir: Path) -> None:
    r = cli("reliability", data_dir / "corrupt.xlsx")
    assert r.exit_code == 1 and "not a readable spreadsheet" in r.stderr


def test_nothing_computable_is_one_line_error(cli, tmp_path: Path) -> None:
    path = tmp_path / "one.csv"
    path.write_text("E1,E2,E3,E4,P1,P2,P3,P4\n5,6,7,5,4,5,6,4\n", encoding="utf-8")
    inst = tmp_path / "four.toml"
    inst.write_text(
        'name = "Fyra"\nscale = [1, 7]\nexpectation = "E{item}"\nperception = "P{item}"\n'
        "[dimensions]\nA = [1, 2]\nB = [3, 4]\n",
        encoding="utf-8",
    )
    r = cli("reliability", path, "-i", inst)
    assert r.exit_code == 1 and "no scale could be computed" in r.stderr
    assert len(r.stderr.strip().splitlines()) == 1


def test_groups_too_small_are_skipped_not_a_crash(cli, samples_dir: Path) -> None:
    r = cli("reliability", samples_dir / "karlstad_servqual.xlsx", "--by", "Ålder",
            "--no-validity", "-f", "json")  # fmt: skip
    assert r.exit_code == 0, r.stderr
    out = json.loads(r.stdout)
    assert any(g["scales"] == [] and g["skipped"] for g in out["groups"].values())
    # every row is in one group or counted as without one (the sample leaves Ålder blank twice)
    assert out["n_without_group"] == 2
    assert sum(g["n_rows"] for g in out["groups"].values()) + 2 == out["n_rows"]


def test_item_n_matches_psych_and_is_explained(cli, samples_dir_module: Path,
                                               expected: dict) -> None:  # fmt: skip
    # review 10a, finding 7: the item table had means on every answer to the item (E1: 390)
    # beside the gap table's on the pairs (379), with no n and no word why. The CSV keeps "n"
    # for the scale's; each item's own is "item_n" (psych's item.stats$n).
    import io

    import pandas as pd

    file = samples_dir_module / "karlstad_servqual.csv"
    out = cli("reliability", file, "--no-validity", "-f", "csv")
    assert out.exit_code == 0
    tidy = pd.read_csv(io.StringIO(out.stdout))
    for name, want in expected.items():
        if ":" not in name:
            continue
        got = tidy[(tidy["group"] == "ALL") & (tidy["scale"] == name)]
        assert got["item_n"].tolist() == want["n"], name
        assert (got["n"] <= got["item_n"]).all() and got["n"].nunique() == 1  # the scale's n
    md = cli("reliability", file, "--no-validity", "-f", "markdown", "--lang", "sv").stdout
    table = md.split("Statistik per påstående", 1)[1]
    assert "| Skala | Påstående | n | α om borttaget |" in table
    assert "| Förväntan – Fysisk miljö | Påstående 1 | 390 | 0,796 |" in table
    assert "n: de svarande som besvarat påståendet" in table
    assert "gapanalysens medel per påstående" in table
    listwise = cli("reliability", file, "--no-validity", "--missing", "listwise", "-f", "csv")
    lw = pd.read_csv(io.StringIO(listwise.stdout))
    assert (lw["item_n"] == lw["n"]).all()  # listwise: every item on the complete rows


def test_json_items_carry_their_n(sample_json: dict, expected: dict, cli,
                                  samples_dir_module: Path) -> None:  # fmt: skip
    """Session 14 (x-small): the terminal, CSV and Markdown item tables had each item's n (psych's
    item.stats$n, review 10a finding 7) but the JSON's item entries had none; ``reliability``
    (whole sample and per group) and ``alpha`` now carry it."""
    scales = {s["scale"]: s for s in sample_json["scales"]}
    for name, want in expected.items():
        if ":" not in name:
            continue
        assert [i["n"] for i in scales[name]["items"]] == want["n"], name
    file = samples_dir_module / "karlstad_servqual.csv"
    grouped = cli("reliability", file, "--by", "Tjänst", "--no-validity", "-f", "json")
    by = json.loads(grouped.stdout)
    for group in by["groups"].values():
        for scale in group["scales"]:
            assert all(isinstance(i["n"], int) and i["n"] > 0 for i in scale["items"])
    items = "E1,E2,E3,E4"  # psych's E:Tangibles: the same items, the same n per item
    one = json.loads(cli("alpha", file, "--items", items, "-f", "json").stdout)["scales"][0]
    assert [i["n"] for i in one["items"]] == expected["E:Tangibles"]["n"]
    listwise = cli("alpha", file, "--items", items, "--missing", "listwise", "-f", "json")
    lw = json.loads(listwise.stdout)["scales"][0]
    assert {i["n"] for i in lw["items"]} == {lw["n"]}  # listwise: every item on the complete rows
