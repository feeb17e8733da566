"""The toolbox commands through the real CLI, end to end against R (tests/core/r/toolbox.R).

The synthetic survey toolbox_synth.csv is read by the real reader with tests/data/toolbox.toml,
so these tests check the loader and the wiring as well as the statistics. Tolerances as in
tests/core/test_toolbox.py.
"""

from __future__ import annotations

import json
import math
from pathlib import Path

import pandas as pd
import pytest

R = Path(__file__).parents[1] / "core" / "r"
SYNTH = R / "toolbox_synth.csv"


@pytest.fixture(scope="module")
def want() -> dict:
    return json.loads((R / "toolbox.json").read_text())


def inst(data_dir: Path) -> list[str]:
    return ["--instrument", str(data_dir / "toolbox.toml")]


def close(got: object, value: object, field: str) -> None:
    if isinstance(value, str):
        assert got == value, field
    elif value is None or (isinstance(value, float) and math.isnan(value)):
        assert got is None, field
    else:
        tol = 1e-8 if field.startswith("p") and field != "perception" else 1e-10
        assert got == pytest.approx(value, rel=tol, abs=1e-12), field


def check(got: list[dict], want: list[dict], skip: tuple[str, ...] = ()) -> None:
    assert len(got) == len(want)
    for g, w in zip(got, want, strict=True):
        for field, value in w.items():
            if field not in skip:
                close(g[field], value, field)


def test_tolerance_json_matches_r(cli, data_dir: Path, want: dict) -> None:
    r = cli("tolerance", SYNTH, *inst(data_dir), "-f", "json")
    assert r.exit_code == 0, r.stderr
    out = json.loads(r.stdout)
    check(out["dimensions"], want["tolerance"]["dimensions"])
    check(out["items"], want["tolerance"]["items"])
    keys = {"dimension", "n", "adequate", "desired", "perception", "msa", "msa_ci_low",
            "msa_ci_high", "msa_p", "mss", "mss_ci_low", "mss_ci_high", "mss_p", "zone_width",
            "share_below_adequate", "share_above_desired"}  # fmt: skip
    assert keys <= set(out["dimensions"][0])
    assert out["columns"]["adequate"][0] == "A1"


def test_tolerance_weighted_and_by(cli, data_dir: Path, want: dict) -> None:
    r = cli("tolerance", SYNTH, *inst(data_dir), "--by", "role", "--weight-column", "w",
            "-f", "json")  # fmt: skip
    assert r.exit_code == 0, r.stderr
    out = json.loads(r.stdout)
    assert sorted(out["groups"]) == ["customer", "staff"]
    n = sum(g["dimensions"][0]["n"] for g in out["groups"].values())
    assert n == out["dimensions"][0]["n"]
    est = {e["name"]: e for e in out["weighted"]["estimates"]}
    assert "survey::svymean" in out["weighted"]["method"]
    assert est["Reliability: msa"]["n_eff"] < est["Reliability: msa"]["n"]


def test_tolerance_table_names_its_rules(cli, data_dir: Path) -> None:
    r = cli("tolerance", SYNTH, *inst(data_dir), "--lang", "sv")
    assert r.exit_code == 0, r.stderr
    assert "Toleranszon per dimension" in r.stdout
    assert "D < A behålls" in r.stdout and "Uteslutna celler" in r.stdout


def test_knowledge_gap_matches_r(cli, data_dir: Path, want: dict, tmp_path: Path) -> None:
    frame = pd.read_csv(SYNTH)
    cust, staff = tmp_path / "cust.csv", tmp_path / "staff.csv"
    frame[frame["role"] == "customer"].to_csv(cust, index=False)
    e_cols = ["role"] + [f"E{i}" for i in range(1, 7)]
    frame.loc[frame["role"] == "staff", e_cols].to_csv(staff, index=False)
    r = cli("knowledge-gap", cust, staff, *inst(data_dir), "-f", "json")
    assert r.exit_code == 0, r.stderr
    out = json.loads(r.stdout)
    check(out["dimensions"], want["knowledge_gap"]["dimensions"])
    check(out["items"], want["knowledge_gap"]["items"])
    r = cli("knowledge-gap", cust, staff, *inst(data_dir), "-f", "csv")
    assert r.exit_code == 0 and r.stdout.startswith("group,level,name,n_customers")


def test_items_match_r(cli, data_dir: Path, want: dict) -> None:
    r = cli("items", SYNTH, *inst(data_dir), "-f", "json")
    assert r.exit_code == 0, r.stderr
    out = json.loads(r.stdout)
    assert {i["set"] for i in out["items"]} == {"expectation", "perception", "adequate", "desired"}
    p_items = [i for i in out["items"] if i["set"] == "perception"]
    for got, w in zip(p_items, want["items"], strict=True):
        assert list(got["counts"].values()) == [int(c) for c in w["counts"]]
        assert got["missing"] == {"blank": 160 - w["n"]}
    check(p_items, want["items"], skip=("item", "counts"))


def test_items_with_item_list_needs_a_scale(cli) -> None:
    r = cli("items", SYNTH, "--items", "P1,P2")
    assert r.exit_code == 2 and "--scale-range" in r.stderr
    r = cli("items", SYNTH, "--items", "P1,P2", "--scale-range", "1,7", "-f", "csv")
    assert r.exit_code == 0, r.stderr
    assert r.stdout.splitlines()[1].startswith("P1,,")


def test_gap_dimension_comparison_and_importance_match_r(cli, data_dir: Path, want: dict) -> None:
    r = cli("gap", SYNTH, *inst(data_dir), "--overall", "overall", "-f", "json")
    assert r.exit_code == 0, r.stderr
    out = json.loads(r.stdout)
    dc = out["dimension_comparison"]
    for field, value in want["dimension_comparison"]["friedman"].items():
        close(dc["friedman"][field], value, field)
    check(dc["pairs"], want["dimension_comparison"]["pairs"])
    imp = out["importance"]
    for field in ("n", "r2", "adj_r2"):
        close(imp[field], want["importance_gap"][field], field)
    check(imp["coefficients"], want["importance_gap"]["coefficients"])
    assert imp["overall"] == "overall" and imp["predictors"] == "gap"
    r = cli("gap", SYNTH, *inst(data_dir), "--overall", "overall", "--importance-on",
            "perception", "-f", "json")  # fmt: skip
    check(json.loads(r.stdout)["importance"]["coefficients"],
          want["importance_perception"]["coefficients"])  # fmt: skip


def test_gap_weighted_gap_matches_survey_package(cli, data_dir: Path, want: dict) -> None:
    r = cli("gap", SYNTH, *inst(data_dir), "--weight-column", "w", "--profile", "role",
            "-f", "json")  # fmt: skip
    assert r.exit_code == 0, r.stderr
    out = json.loads(r.stdout)
    est = {e["name"]: e for e in out["weighted"]["estimates"]}
    for field, value in want["weighted"]["gap_reliability"].items():
        close(est["Reliability: gap"][field], value, field)
    prof = {p["value"]: p for p in out["profile"]}
    assert prof["customer"]["n"] == 110 and prof["staff"]["n"] == 50
    assert prof["customer"]["weighted_share"] + prof["staff"]["weighted_share"] == pytest.approx(1)


def test_gap_two_way_by(cli, samples_dir: Path) -> None:
    r = cli("gap", samples_dir / "karlstad_servqual_2025.xlsx", "--by", "Kön,Åldersgrupp",
            "--no-items", "-f", "json")  # fmt: skip
    assert r.exit_code == 0, r.stderr
    out = json.loads(r.stdout)
    assert "Kvinna × 65+" in out["groups"]
    assert out["by"] == "Kön × Åldersgrupp"


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["gap", SYNTH, "--overall", "nope"], 2, "--overall column 'nope'"),
        (["gap", SYNTH, "--importance-on", "x", "--overall", "overall"], 2, "gap or perception"),
        (["gap", SYNTH, "--by", "a,b,c"], 2, "one column or two"),
        (["gap", SYNTH, "--importance-on", "perception"], 2, "needs --overall"),
        (["tolerance", SYNTH, "--weight-column", "zz"], 2, "--weight-column column 'zz'"),
        (["tolerance", SYNTH], 1, "needs columns"),
        (["items", SYNTH, "--items", "P1", "--scale-range", "7,1"], 2, "below max"),
    ],
)
def test_errors_are_one_line(cli, data_dir: Path, args: list, code: int, message: str) -> None:
    extra = [] if args[0] == "tolerance" and "--weight-column" not in args else inst(data_dir)
    if args[0] == "tolerance" and "--weight-column" not in args:
        extra = ["--instrument", "pzb1991"]
    r = cli(*args, *extra)
    assert r.exit_code == code, r.stderr
    assert message in r.stderr and len(r.stderr.strip().splitlines()) == 1


def test_outputs_are_reproducible(cli, data_dir: Path, tmp_path: Path) -> None:
    outs = []
    for k in range(2):
        path = tmp_path / f"out{k}.json"
        r = cli("tolerance", SYNTH, *inst(data_dir), "-o", path)
        assert r.exit_code == 0, r.stderr
        outs.append(path.read_bytes())
    assert outs[0] == outs[1]


def test_samples_run(cli, samples_dir: Path) -> None:
    r = cli("tolerance", samples_dir / "karlstad_tolerans.xlsx", "--by", "Tjänst", "-f", "markdown")
    assert r.exit_code == 0, r.stderr
    r = cli("knowledge-gap", samples_dir / "karlstad_servqual.xlsx",
            samples_dir / "karlstad_personal.xlsx", "-f", "json")  # fmt: skip
    assert r.exit_code == 0, r.stderr
    dims = {d["dimension"]: d for d in json.loads(r.stdout)["dimensions"]}
    assert dims["Reliability"]["ci_high"] < 0  # staff underestimate reliability (by design)


@pytest.mark.parametrize("command", ["gap", "tolerance"])
def test_negative_weight_is_a_data_error(cli, data_dir: Path, tmp_path: Path, command: str) -> None:
    frame = pd.read_csv(SYNTH)
    frame.loc[4, "w"] = -1.5
    path = tmp_path / "neg.csv"
    frame.to_csv(path, index=False)
    r = cli(command, path, *inst(data_dir), "--weight-column", "w")
    assert r.exit_code == 1
    assert "row 6" in r.stderr and "column 'w'" in r.stderr and "negative" in r.stderr


def test_missing_weights_are_counted(cli, data_dir: Path, tmp_path: Path) -> None:
    frame = pd.read_csv(SYNTH)
    frame.loc[[1, 2, 3], "w"] = None
    path = tmp_path / "gaps.csv"
    frame.to_csv(path, index=False)
    r = cli("gap", path, *inst(data_dir), "--weight-column", "w", "-f", "json")
    assert r.exit_code == 0, r.stderr
    weighted = json.loads(r.stdout)["weighted"]
    assert weighted["n_missing_weight"] == 3
    assert weighted["estimates"][0]["n"] == json.loads(r.stdout)["dimensions"][0]["n"] - 3


def test_items_weighted_top2_matches_survey_package(cli, data_dir: Path, want: dict) -> None:
    r = cli("items", SYNTH, *inst(data_dir), "--weight-column", "w", "-f", "json")
    assert r.exit_code == 0, r.stderr
    est = {e["name"]: e for e in json.loads(r.stdout)["weighted"]["estimates"]}
    for field, value in want["weighted"]["top2_p3"].items():
        close(est["P3: top2"][field], value, field)
    for field, value in want["weighted"]["p1"].items():
        close(est["P1: mean"][field], value, field)
    r = cli("items", SYNTH, "--items", "P1", "--scale-range", "1,7", "--weight-column", "w")
    assert r.exit_code == 2 and "with an instrument" in r.stderr


def test_two_way_by_in_tolerance_and_knowledge_gap(cli, samples_dir: Path) -> None:
    r = cli("tolerance", samples_dir / "karlstad_tolerans.xlsx", "--by", "Tjänst,Kön",
            "--no-items", "-f", "json")  # fmt: skip
    assert r.exit_code == 0, r.stderr
    out = json.loads(r.stdout)
    assert out["by"] == "Tjänst × Kön" and "Äldreomsorg × Kvinna" in out["groups"]
    assert sum(g["n_rows"] for g in out["groups"].values()) + out["n_without_group"] == 242
    r = cli("knowledge-gap", samples_dir / "karlstad_servqual.xlsx",
            samples_dir / "karlstad_personal.xlsx", "--by", "Tjänst,Kön", "-f", "json")  # fmt: skip
    assert r.exit_code == 0, r.stderr
    assert "Grundskola × Man" in json.loads(r.stdout)["groups"]


def test_gap_csv_carries_the_toolbox_rows(cli, data_dir: Path) -> None:
    import io

    r = cli("gap", SYNTH, *inst(data_dir), "--overall", "overall", "--weight-column", "w",
            "--profile", "role", "-f", "csv")  # fmt: skip
    assert r.exit_code == 0, r.stderr
    frame = pd.read_csv(io.StringIO(r.stdout))
    counts = frame["level"].value_counts()
    assert counts["dimension_pair"] == 3 and counts["friedman"] == 1
    assert counts["importance"] == 3 and counts["profile"] == 2
    pair = frame[frame["name"] == "Reliability − Responsiveness"].iloc[0]
    assert pair["p_holm"] >= pair["p_t"]


def test_excluded_cells_are_written(cli, samples_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "excluded.csv"
    r = cli("knowledge-gap", samples_dir / "karlstad_servqual.xlsx",
            samples_dir / "karlstad_personal.xlsx", "--excluded", out, "-f", "json")  # fmt: skip
    assert r.exit_code == 0, r.stderr
    frame = pd.read_csv(out)
    counts = frame.groupby("file").size().to_dict()
    excluded = json.loads(r.stdout)["excluded"]
    assert counts == {"karlstad_servqual.xlsx": sum(excluded["customers"].values()),
                      "karlstad_personal.xlsx": sum(excluded["staff"].values())}  # fmt: skip
    r = cli("tolerance", samples_dir / "karlstad_tolerans.xlsx", "--excluded", out, "-o", out)
    assert r.exit_code == 2 and "same file" in r.stderr


def test_never_writes_onto_the_instrument(cli, data_dir: Path) -> None:
    toml = data_dir / "toolbox.toml"
    before = toml.read_bytes()
    r = cli("tolerance", SYNTH, "--instrument", toml, "-o", toml)
    assert r.exit_code == 2 and "is an input file" in r.stderr
    assert toml.read_bytes() == before


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_gap_importance_note_shows_the_model_f(cli, data_dir: Path, lang: str) -> None:
    """The importance section's note gives the model's F test, the JSON's ``f_test`` (one
    field of the core result for both), beside R² (the APA line had it, the note did not)."""
    args = ["gap", SYNTH, *inst(data_dir), "--overall", "overall", "--lang", lang]
    f = json.loads(cli(*args, "-f", "json").stdout)["importance"]["f_test"]
    text = " ".join(cli(*args, "-f", "markdown", "--no-items").stdout.split())
    sep, point = ("; ", ",") if lang == "sv" else (", ", ".")
    shown = f"{f['f']:.2f}".replace(".", point)
    assert f"F({f['df1']}{sep}{f['df2']}) = {shown}, p" in text
    assert text.count(f"F({f['df1']}{sep}{f['df2']}) = {shown}") == 2  # the note and the APA line
