"""`servqual gap` through the real CLI: options, formats, exit codes and error messages."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest


def kiosk(data_dir: Path) -> list[str]:
    return ["--instrument", str(data_dir / "kiosk.toml")]


def test_table_output(cli, data_dir: Path) -> None:
    r = cli("gap", data_dir / "kiosk.csv", *kiosk(data_dir))
    assert r.exit_code == 0, r.stderr
    assert "Dimension gaps" in r.stdout and "Bemötande" in r.stdout
    # exclusions are counted under the tables, never silently dropped
    # "Ingen uppfattning", which kiosk.toml declares missing, is a built-in "don't know" word
    # since review 11 (#5); a built-in word wins over a declaration, as "Vet ej" always did
    text = " ".join(r.stdout.split())  # (the terminal wraps the line)
    assert "don't know 2" in text and "declared missing" not in text
    assert "out of range 1" in text
    assert "not a valid value 1" in text


def test_json_schema(cli, data_dir: Path) -> None:
    r = cli("gap", data_dir / "kiosk.csv", *kiosk(data_dir), "--format", "json")
    assert r.exit_code == 0, r.stderr
    out = json.loads(r.stdout)
    assert out["n_rows"] == 30
    assert out["excluded"]["dont_know"] == 2  # "Vet ej" and "Ingen uppfattning" (review 11)
    assert "missing_token" not in out["excluded"]  # (its declaration: a built-in word now)
    dims = {d["dimension"]: d for d in out["dimensions"]}
    assert set(dims) == {"Miljö", "Bemötande"}
    for key in ["dimension", "n", "expectation", "perception", "gap", "gap_sd", "ci_low",
                "ci_high", "t", "p_t", "p_wilcoxon", "p_holm", "dz"]:  # fmt: skip
        assert key in dims["Miljö"]
    assert {"item", "dimension", "n", "expectation", "perception", "gap"} <= set(out["items"][0])
    assert set(out["overall"]) >= {"unweighted", "n_unweighted", "importance_weighted",
                                   "n_importance_weighted"}  # fmt: skip
    assert "weighted" not in out["overall"]  # survey weights are the top-level "weighted"
    assert out["overall"]["n_weight_excluded"] == 1  # the negative weight
    assert out["input"]["sha256"] and out["instrument"]["reverse"] == [3]


def test_by_groups(cli, data_dir: Path) -> None:
    r = cli("gap", data_dir / "kiosk.csv", *kiosk(data_dir), "--by", "enhet", "-f", "json")
    assert r.exit_code == 0, r.stderr
    out = json.loads(r.stdout)
    assert sorted(out["groups"]) == ["Norr", "Söder"]
    assert out["groups"]["Norr"]["n_rows"] == 15
    assert len(out["group_tests"]) == 2 and "welch_anova" in out["group_tests"][0]


def test_swedish_csv_and_xlsx_give_the_same_gaps(cli, data_dir: Path) -> None:
    outs = []
    for args in (["kiosk.csv"], ["kiosk_sv.csv"], ["kiosk.xlsx", "--sheet", "Data"]):
        r = cli("gap", data_dir / args[0], *args[1:], *kiosk(data_dir), "-f", "json")
        assert r.exit_code == 0, r.stderr
        outs.append(json.loads(r.stdout)["dimensions"])
    assert outs[0] == outs[1] == outs[2]


def test_csv_and_markdown(cli, data_dir: Path) -> None:
    r = cli("gap", data_dir / "kiosk.csv", *kiosk(data_dir), "-f", "csv")
    assert r.exit_code == 0
    assert r.stdout.splitlines()[0].startswith("group,level,name,")
    md = cli("gap", data_dir / "kiosk.csv", *kiosk(data_dir), "-f", "markdown", "--lang", "sv")
    assert "| Dimension | n | Förväntan (E) |" in md.stdout


def test_output_file_is_atomic_and_reproducible(cli, data_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "gaps.json"
    assert cli("gap", data_dir / "kiosk.csv", *kiosk(data_dir), "-o", out).exit_code == 0
    first = out.read_bytes()
    assert cli("gap", data_dir / "kiosk.csv", *kiosk(data_dir), "-o", out).exit_code == 0
    assert out.read_bytes() == first  # byte-identical
    assert json.loads(first)["n_rows"] == 30
    assert [p.name for p in tmp_path.iterdir()] == ["gaps.json"]  # no temp files left


def test_excluded_cells_file(cli, data_dir: Path, tmp_path: Path) -> None:
    ex = tmp_path / "ex.csv"
    r = cli("gap", data_dir / "kiosk.csv", *kiosk(data_dir), "--excluded", ex)
    assert r.exit_code == 0
    lines = ex.read_text().splitlines()
    assert lines[0] == "file,sheet,row,column,value,reason"
    assert "kiosk.csv,,2,F1,Vet ej,dont_know" in lines
    assert "kiosk.csv,,4,F2,9,out_of_range" in lines


def test_strict_rejects_out_of_range(cli, data_dir: Path) -> None:
    r = cli("gap", data_dir / "kiosk.csv", *kiosk(data_dir), "--strict")
    assert r.exit_code == 1
    assert "kiosk.csv, row 4, column 'F2': out of range: '9'" in r.stderr
    assert len(r.stderr.strip().splitlines()) == 1


def test_header_row_option(cli, data_dir: Path) -> None:
    r = cli("gap", data_dir / "kiosk_sv.csv", *kiosk(data_dir), "--header-row", "3", "-f", "json")
    assert r.exit_code == 0 and json.loads(r.stdout)["input"]["header_row"] == 3


def test_stdin(cli, data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import io
    import sys

    raw = (data_dir / "kiosk.csv").read_bytes()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(raw)))
    r = cli("gap", "-", *kiosk(data_dir), "-f", "json")
    assert r.exit_code == 0 and json.loads(r.stdout)["n_rows"] == 30


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["empty.csv"], 1, "empty.csv: file is empty"),
        (["header_only.csv"], 1, "no data rows below it"),
        (["missing_columns.csv"], 1, "needs columns F3, F4, F5, U2, U3, U4, U5"),
        (["all_text.csv"], 1, "column 'F3': no valid answer in the whole column"),
        (["ragged.csv"], 1, "ragged.csv, row 3: has 16 fields"),
        (["duplicate_columns.csv"], 1, "column 'F1' appears 2 times (columns C, D)"),
        (["corrupt.xlsx"], 1, "corrupt.xlsx: is not a readable spreadsheet"),
        (["kiosk.xlsx", "--sheet", "Blad9"], 2, "no sheet 'Blad9'"),
        (["nope.csv"], 2, "nope.csv: file not found"),
        (["kiosk.csv", "--by", "Skola"], 2, "--by column 'Skola' is not in the file"),
    ],
)
def test_bad_inputs(cli, data_dir: Path, args: list[str], code: int, message: str) -> None:
    r = cli("gap", data_dir / args[0], *args[1:], *kiosk(data_dir))
    assert r.exit_code == code, r.stderr
    assert message in r.stderr
    assert "Traceback" not in r.stderr and len(r.stderr.strip().splitlines()) == 1


@pytest.mark.parametrize(
    ("toml", "message"),
    [
        ("bad.toml", "invalid TOML"),
        ("unknown_key.toml", "unknown key 'colour'"),
        ("items_not_in_file.toml", "needs columns F6, U6"),
    ],
)
def test_bad_instruments(cli, data_dir: Path, toml: str, message: str) -> None:
    r = cli("gap", data_dir / "kiosk.csv", "--instrument", data_dir / toml)
    assert r.exit_code in (1, 2) and message in r.stderr
    assert "Traceback" not in r.stderr


def test_output_equal_to_input_is_refused(cli, data_dir: Path, tmp_path: Path) -> None:
    src = tmp_path / "kiosk.csv"
    src.write_bytes((data_dir / "kiosk.csv").read_bytes())
    r = cli("gap", src, *kiosk(data_dir), "-o", src)
    assert r.exit_code == 2 and "is an input file; refusing to overwrite it" in r.stderr
    assert src.read_bytes() == (data_dir / "kiosk.csv").read_bytes()


def test_unknown_option_is_usage_error(cli, data_dir: Path) -> None:
    r = cli("gap", data_dir / "kiosk.csv", "--frobnicate")
    assert r.exit_code == 2 and "No such option" in r.stderr
    assert len(r.stderr.strip().splitlines()) == 1


def test_debug_shows_traceback(cli, data_dir: Path) -> None:
    r = cli("gap", data_dir / "empty.csv", "--debug")
    assert r.exit_code == 1 and "Traceback" in r.stderr


def test_help_imports_no_heavy_library() -> None:
    import subprocess
    import sys

    code = (
        "import sys; from servqual_cli.cli.main import main; "
        "rc = main(['--help']); "
        "heavy = [m for m in ('pandas', 'scipy', 'matplotlib', 'statsmodels') if m in sys.modules];"
        "print(heavy)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip().splitlines()[-1] == "[]"


def test_sample_survey_1988_reverses(cli, samples_dir: Path) -> None:
    a = json.loads(cli("gap", samples_dir / "karlstad_servqual.xlsx", "-f", "json").stdout)
    b = cli("gap", samples_dir / "karlstad_servqual.xlsx", "-i", "pzb1988", "-f", "json")
    b_out = json.loads(b.stdout)
    # Reversing both E and P of an item negates its gap.
    g10a = next(i["gap"] for i in a["items"] if i["item"] == "10")
    g10b = next(i["gap"] for i in b_out["items"] if i["item"] == "10")
    assert g10b == pytest.approx(-g10a)


def test_an_all_missing_item_column_is_kept_not_an_error(
    cli, data_dir: Path, tmp_path: Path
) -> None:
    """A column of only "Vet ej" is missing data (counted), not a wrong column."""
    lines = (data_dir / "kiosk.csv").read_text(encoding="utf-8").splitlines()
    head = lines[0].split(",")
    col = head.index("U5")
    rows = [lines[0]]
    for line in lines[1:]:
        cells = line.split(",")
        cells[col] = "Vet ej"
        rows.append(",".join(cells))
    path = tmp_path / "vetej.csv"
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    r = cli("gap", path, *kiosk(data_dir), "-f", "json")
    assert r.exit_code == 0, r.stderr
    out = json.loads(r.stdout)
    assert out["excluded"]["dont_know"] == 32  # 30 in U5, "Vet ej" in F1, "Ingen uppfattning"
    item5 = next(i for i in out["items"] if i["item"] == "5")
    assert item5["n"] == 0 and item5["gap"] is None


def test_outputs_must_differ_and_be_regular_files(cli, data_dir: Path, tmp_path: Path) -> None:
    same = tmp_path / "x.json"
    r = cli("gap", data_dir / "kiosk.csv", *kiosk(data_dir), "-o", same, "--excluded", same)
    assert r.exit_code == 2 and "are the same file" in r.stderr
    fifo = tmp_path / "pipe"
    import os

    os.mkfifo(fifo)
    r = cli("gap", data_dir / "kiosk.csv", *kiosk(data_dir), "-o", fifo)
    assert r.exit_code == 2 and "not a regular file" in r.stderr
    assert fifo.exists() and not fifo.is_file()  # the pipe is still a pipe


def test_output_through_symlink_keeps_link_and_normal_permissions(
    cli, data_dir: Path, tmp_path: Path
) -> None:
    target = tmp_path / "real.json"
    target.write_text("old")
    link = tmp_path / "link.json"
    link.symlink_to(target)
    assert cli("gap", data_dir / "kiosk.csv", *kiosk(data_dir), "-o", link).exit_code == 0
    assert link.is_symlink() and json.loads(target.read_text())["n_rows"] == 30
    fresh = tmp_path / "fresh.json"
    assert cli("gap", data_dir / "kiosk.csv", *kiosk(data_dir), "-o", fresh).exit_code == 0
    assert fresh.stat().st_mode & 0o044  # readable by group/others like any file, not 0600


def test_by_groups_names_groups_left_out_and_conf(cli, data_dir: Path, tmp_path: Path) -> None:
    """A one-respondent group enters no test (one rule for Welch, Kruskal-Wallis and Dunn,
    review 2 item 9); the JSON says which and why, the table says it once."""
    lines = (data_dir / "kiosk.csv").read_text(encoding="utf-8").splitlines()
    lines[3] = lines[3].replace(",Norr,", ",Väst,").replace(",Söder,", ",Väst,")
    src = tmp_path / "kiosk_vast.csv"
    src.write_text("\n".join(lines) + "\n", encoding="utf-8")
    args = ("gap", src, *kiosk(data_dir), "--by", "enhet", "--conf", "0.9", "-f", "json")
    r = cli(*args)
    assert r.exit_code == 0, r.stderr
    test = json.loads(r.stdout)["group_tests"][0]
    assert test["kruskal_wallis"]["groups"] == ["Norr", "Söder"]
    assert test["kruskal_wallis"]["left_out"]["Väst"].startswith("fewer than 2")
    assert test["welch_anova"]["groups"] == ["Norr", "Söder"]
    assert test["welch_anova"]["left_out"]["Väst"].startswith("fewer than 2")
    assert test["games_howell_conf"] == 0.9
    assert test["welch_anova"]["omega2"]["ci_method"] == "noncentral F"
    table = cli(*args[:-2])
    flat = " ".join(table.stdout.split())
    assert "every test: left out Väst (fewer than 2 valid dimension gaps)" in flat
    assert flat.count("left out Väst") == 1


def test_effect_sizes_methods_and_adjustment_in_json(cli, data_dir: Path) -> None:
    args = ("gap", data_dir / "kiosk.csv", *kiosk(data_dir), "-f", "json")
    holm = json.loads(cli(*args).stdout)
    bh = json.loads(cli(*args, "--adjust", "bh", "--zero-method", "pratt").stdout)
    assert holm["tests"]["adjust"] == {"method": "holm", "of": "p_t",
                                       "families": {"dimensions": 2, "items": 5}}  # fmt: skip
    assert bh["tests"]["adjust"]["method"] == "bh" and "pratt" in bh["tests"]["wilcoxon"]
    d = holm["dimensions"][0]
    assert d["dz_ci_low"] < d["dz"] < d["dz_ci_high"] and d["df"] == d["n"] - 1
    assert d["wilcoxon_method"].startswith("exact conditional (zeros dropped")
    assert bh["dimensions"][0]["wilcoxon_method"].startswith("exact conditional (zeros ranked")
    p = np.array([x["p_t"] for x in holm["items"]])
    assert [x["p_adjusted"] for x in bh["items"]] == pytest.approx(p_adjust_bh(p), rel=1e-12)
    assert [x["p_adjusted"] for x in holm["items"]] == [x["p_holm"] for x in holm["items"]]


def p_adjust_bh(p: np.ndarray) -> list[float]:
    """Benjamini-Hochberg written out (R p.adjust(p, "BH")), independent of core.posthoc."""
    m = p.size
    order = np.argsort(p)
    ranked = np.minimum.accumulate((p[order] * m / np.arange(1, m + 1))[::-1])[::-1]
    out = np.empty(m)
    out[order] = np.minimum(ranked, 1.0)
    return out.tolist()


def test_format_apa_and_the_table_names_family_and_method(cli, data_dir: Path) -> None:
    r = cli("gap", data_dir / "kiosk.csv", *kiosk(data_dir), "-f", "apa")
    assert r.exit_code == 0, r.stderr
    lines = r.stdout.splitlines()
    # 2 dimensions, then the Friedman test and the one pair (review 15, finding 14)
    assert len(lines) == 4 and lines[0].startswith("Miljö: M = ")
    assert lines[3].startswith("Miljö − Bemötande: M = ") and "(Holm, 1 pair: " in lines[3]
    assert "dz = " in lines[0] and "95% CI [" in lines[0] and "r_rb = " in lines[0]
    sv = cli("gap", data_dir / "kiosk.csv", *kiosk(data_dir), "-f", "apa", "--lang", "sv")
    assert "95\u00a0% KI [" in sv.stdout and "; V = " in sv.stdout  # no-break space (sv)
    table = cli("gap", data_dir / "kiosk.csv", *kiosk(data_dir), "--adjust", "bh", "-f", "markdown")
    assert "p (BH, 2 dimensions)" in table.stdout and "p (BH, 5 items)" in table.stdout
    bad = cli("reliability", data_dir / "kiosk.csv", *kiosk(data_dir), "-f", "apa")
    assert bad.exit_code == 2 and "apa" in bad.stderr


def test_disclosure_of_proration_and_weight_rows(cli, data_dir: Path, tmp_path: Path) -> None:
    lines = (data_dir / "kiosk.csv").read_text(encoding="utf-8").splitlines()
    lines[1] = lines[1].rsplit(",", 2)[0] + ",30,30"  # 60 points instead of 100
    src = tmp_path / "kiosk_weights.csv"
    src.write_text("\n".join(lines) + "\n", encoding="utf-8")
    args = ("gap", src, *kiosk(data_dir), "-f", "json")
    half = json.loads(cli(*args).stdout)
    assert [d["n_prorated"] for d in half["dimensions"]] == [3, 2]
    assert half["overall"]["n_weight_not_100"] == 1
    assert half["tests"]["min_items"] == "half" and half["tests"]["weight_rule"] == "allocation"
    strict = json.loads(cli(*args, "--min-items", "all", "--weights", "rating").stdout)
    assert [d["n_prorated"] for d in strict["dimensions"]] == [0, 0]
    assert [d["n"] for d in strict["dimensions"]] == [27, 28]  # the prorated 3 and 2 left out
    assert strict["overall"]["weight_rule"] == "rating"
    assert strict["overall"]["n_weight_not_100"] == 0
    md = cli("gap", src, *kiosk(data_dir), "-f", "markdown").stdout
    assert "1 row did not sum to 100" in md and "Miljö 3, Bemötande 2" in md
    bad = cli("gap", src, *kiosk(data_dir), "--min-items", "most")
    assert bad.exit_code == 2 and "--min-items" in bad.stderr
