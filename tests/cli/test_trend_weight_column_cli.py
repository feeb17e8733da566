"""``servqual trend --weight-column`` on SERVQUAL surveys (review 4 finding 4): weighted gaps per
year and a design-based change, the weights and the method named in the output (values against R
``survey::svyglm``: tests/core/test_survey_trend_weighted.py)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

R = json.loads((Path(__file__).parent.parent / "core" / "r" / "survey_trend_weighted.json")
               .read_text())  # fmt: skip


def _pair(samples_dir: Path) -> tuple[Path, Path]:
    return samples_dir / "karlstad_servqual.xlsx", samples_dir / "karlstad_servqual_2025.xlsx"


@pytest.mark.parametrize("lang", ["en", "sv"])
def test_weighted_trend_names_weights_method_and_the_unweighted_year(
    cli, samples_dir: Path, lang: str
) -> None:
    r = cli("trend", *_pair(samples_dir), "--weight-column", "Vikt", "--lang", lang)
    assert r.exit_code == 0, r.stderr
    flat = " ".join(r.stdout.split())
    want = {
        "en": ["Weighted by Vikt (2025).",
               "2024 has no column Vikt: each of its respondents weighs 1",
               "SERVQUAL gap per dimension, weighted", "survey::svyglm(gap ~ year)",
               "the design p adjusted (Holm) over the 5 dimensions", "Responsiveness"],
        "sv": ["Viktat med Vikt (2025).",
               "2024 har ingen kolumn Vikt: där väger varje svarande 1",
               "SERVQUAL-gap per dimension, viktade", "survey::svyglm(gap ~ year)",
               "designens p justerat (Holm) över de 5 dimensionerna",
               "Lyhördhet │ −1,19 │ −1,08 │ +0,11"],
    }[lang]  # fmt: skip
    for text in want:
        assert text in flat, text
    assert "does not use" not in flat and "inte använder" not in flat  # the column is used
    assert "(unweighted)" not in flat and "(oviktad)" not in flat


def test_weighted_trend_json_is_the_r_reference(cli, samples_dir: Path) -> None:
    r = cli("trend", *_pair(samples_dir), "--weight-column", "vikt", "-f", "json")
    assert r.exit_code == 0, r.stderr
    out = json.loads(r.stdout)
    assert out["unused_weight_columns"] == []
    want = {"2024": None, "2025": "Vikt"}  # 2024 from the title row (m-misc, session 12)
    assert out["weights"]["columns"] == want
    assert out["weights"]["unweighted_years"] == ["2024"]
    assert "svyglm" in out["weights"]["method"]
    rows = {d["dimension"]: d for d in out["dimensions"]}
    for case in R["samples"]:
        row = rows[case["dimension"]]
        for field in ("diff", "p", "ci_low", "ci_high", "after"):
            assert row[field] == pytest.approx(case[field], rel=1e-9), field
    # weighted, Responsiveness is no longer "better" (unweighted p < 0.001, review 4 finding 4)
    assert rows["Responsiveness"]["verdict"] == "no detectable change"
    plain = json.loads(cli("trend", *_pair(samples_dir), "-f", "json").stdout)
    by = {d["dimension"]: d for d in plain["dimensions"]}
    assert by["Responsiveness"]["verdict"] == "better"
    assert plain["unused_weight_columns"] == ["Vikt (2025)"]
    assert "weights" not in plain


def test_weighted_trend_csv_rows_are_the_weighted_table(cli, samples_dir: Path) -> None:
    r = cli("trend", *_pair(samples_dir), "--weight-column", "Vikt", "-f", "csv")
    assert r.exit_code == 0, r.stderr
    header = r.stdout.splitlines()[0].split(",")
    assert {"n_eff_after", "se", "df", "unweighted_after"} <= set(header)


def test_weight_column_on_contacts_is_bad_usage(cli, samples_dir: Path) -> None:
    r = cli("trend", samples_dir / "servicematning_2019.xlsx",
            samples_dir / "servicematning_2020.xlsx", "--weight-column", "Vikt")  # fmt: skip
    assert r.exit_code == 2
    assert "--weight-column weights SERVQUAL survey respondents" in r.stderr
    assert "Traceback" not in r.stderr


def test_weight_column_in_neither_file_is_bad_usage(cli, samples_dir: Path) -> None:
    r = cli("trend", *_pair(samples_dir), "--weight-column", "Nope")
    assert r.exit_code == 2
    assert "--weight-column column 'Nope' is not in the file" in r.stderr
    assert "karlstad_servqual_2025.xlsx" in r.stderr


def _survey_csv(path: Path, weights: list[str]) -> Path:
    items = [f"E{i}" for i in range(1, 23)] + [f"P{i}" for i in range(1, 23)]
    rows = ["Respondent;Vikt;" + ";".join(items)]
    for k, w in enumerate(weights):
        answers = [str(4 + (k + i) % 3) for i in range(44)]
        rows.append(f"{k + 1};{w};" + ";".join(answers))
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return path


def test_a_negative_weight_is_bad_data_with_its_row(cli, tmp_path: Path) -> None:
    before = _survey_csv(tmp_path / "enkat_2023.csv", ["1,5", "2", "1", "1"])
    after = _survey_csv(tmp_path / "enkat_2024.csv", ["1", "-2", "1", "1"])
    r = cli("trend", before, after, "--weight-column", "Vikt")
    assert r.exit_code == 1
    assert "enkat_2024.csv" in r.stderr and "row 3" in r.stderr and "Vikt" in r.stderr
    assert "negative survey weight" in r.stderr


def test_respondents_without_a_weight_are_counted_and_named(cli, tmp_path: Path) -> None:
    before = _survey_csv(tmp_path / "enkat_2023.csv", ["1,5", "2", "1", "1", "1"])
    after = _survey_csv(tmp_path / "enkat_2024.csv", ["1", "", "1", "2", "1"])
    r = cli("trend", before, after, "--weight-column", "Vikt")
    assert r.exit_code == 0, r.stderr
    assert "2024: respondents without a weight, left out: 1." in " ".join(r.stdout.split())
    j = json.loads(cli("trend", before, after, "--weight-column", "Vikt", "-f", "json").stdout)
    assert j["weights"]["n_missing_weight"] == {"2023": 0, "2024": 1}
    assert [d["n_after"] for d in j["dimensions"]] == [4] * 6


@pytest.mark.parametrize("adjust", ["holm", "bh", "none"])
def test_weighted_trend_follows_adjust(cli, samples_dir: Path, adjust: str) -> None:
    """The weighted trend adjusts the dimensions' design p as the unweighted trend does (review
    10a finding 6; it was unadjusted whatever --adjust said): statsmodels multipletests over the
    five dimensions, the overall score its own p; the verdict follows the adjusted p."""
    from statsmodels.stats.multitest import multipletests

    r = cli("trend", *_pair(samples_dir), "--weight-column", "Vikt", "--adjust", adjust,
            "-f", "json")  # fmt: skip
    assert r.exit_code == 0, r.stderr
    out = json.loads(r.stdout)
    rows = out["dimensions"]
    dims = [row for row in rows if row["dimension"] != "Overall"]
    (overall,) = [row for row in rows if row["dimension"] == "Overall"]
    assert len(dims) == 5 and out["adjust"] == adjust
    p = [row["p"] for row in dims]
    want = p if adjust == "none" else multipletests(p, method={"holm": "holm", "bh": "fdr_bh"}[
        adjust])[1]  # fmt: skip
    assert [row["p_adjusted"] for row in dims] == pytest.approx(list(want), rel=1e-12)
    assert overall["p_adjusted"] == pytest.approx(overall["p"], rel=1e-12)
    for row in rows:
        detected = row["p_adjusted"] < 0.05 and (row["ci_low"] > 0 or row["ci_high"] < 0)
        assert (row["verdict"] != "no detectable change") == detected, row
    text = cli("trend", *_pair(samples_dir), "--weight-column", "Vikt", "--adjust", adjust)
    flat = " ".join(text.stdout.split())
    if adjust == "none":
        assert "p is not adjusted across the rows (--adjust none)" in flat
    else:
        assert "over the 5 dimensions" in flat
