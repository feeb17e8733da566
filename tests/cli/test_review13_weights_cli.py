"""Review 13, findings 5, 6 and 11: weights in ``tolerance``, ``items`` and ``gap``.

5: ``-f csv`` and ``-f xlsx`` of ``tolerance`` and ``items --weight-column`` carried no weighted
estimate (the terminal, markdown and JSON did). 6: ``tolerance --weight-column`` showed only the
sample's position, under a title that did not say so; the weighted shares were printed as
"0,14". 11: ``gap --weight-column``'s first (weighted) table did not name the respondents left
out for a missing weight. References: tests/core/r/tolerance_weighted.R (R survey::svymean and
the position rule) and tests/core/r/toolbox.R (the items' weighted estimates).
"""

from __future__ import annotations

import csv
import io
import json
import math
from pathlib import Path

import pandas as pd
import pytest

R = Path(__file__).parents[1] / "core" / "r"
SYNTH = R / "toolbox_synth.csv"


@pytest.fixture(scope="module")
def want_zone() -> list[dict]:
    return json.loads((R / "tolerance_weighted.json").read_text())


@pytest.fixture(scope="module")
def want_toolbox() -> dict:
    return json.loads((R / "toolbox.json").read_text())


def _args(data_dir: Path, command: str, *more: str) -> list[str]:
    return [command, str(SYNTH), "--instrument", str(data_dir / "toolbox.toml"),
            "--weight-column", "w", *more]  # fmt: skip


def _rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


def _sheet(path: Path) -> list[dict[str, object]]:
    from openpyxl import load_workbook

    ws = load_workbook(path, read_only=True).worksheets[0]
    values = list(ws.iter_rows(values_only=True))
    return [dict(zip(values[0], row, strict=True)) for row in values[1:]]


def _flat(text: str) -> str:
    return " ".join(text.replace("\xa0", " ").split())


def test_weighted_zone_matches_r_with_its_position(cli, data_dir: Path, want_zone) -> None:
    r = cli(*_args(data_dir, "tolerance", "-f", "json"))
    assert r.exit_code == 0, r.stderr
    got = json.loads(r.stdout)["weighted"]["dimensions"]
    assert len(got) == len(want_zone) == 3
    for g, w in zip(got, want_zone, strict=True):
        for field, value in w.items():
            if field.endswith("_se"):
                continue  # the SEs are the estimates' (the CSV test below)
            if isinstance(value, str):
                assert g[field] == value, field
            else:
                assert g[field] == pytest.approx(value, rel=1e-10), field
    assert [g["position"] for g in got] == ["inside", "inside", "unclear"]


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_tolerance_csv_and_xlsx_carry_the_weighted_rows(
    cli, data_dir: Path, tmp_path: Path, want_zone, fmt: str
) -> None:
    out = tmp_path / f"tol.{fmt}"
    r = cli(*_args(data_dir, "tolerance", "-o", str(out)))
    assert r.exit_code == 0, r.stderr
    rows = _rows(out.read_text(encoding="utf-8")) if fmt == "csv" else _sheet(out)
    weighted = {str(x["name"]): x for x in rows if x["level"] == "weighted"}
    assert len(weighted) == 12  # 3 dimensions × MSA, MSS, share below A, share above D
    for w in want_zone:
        msa = weighted[f"{w['dimension']}: MSA (P\u2212A)"]
        assert float(msa["mean"]) == pytest.approx(w["msa"], rel=1e-10)
        assert float(msa["se"]) == pytest.approx(w["msa_se"], rel=1e-10)
        assert float(msa["ci_high"]) == pytest.approx(w["msa_ci_high"], rel=1e-10)
        mss = weighted[f"{w['dimension']}: MSS (P\u2212D)"]
        assert float(mss["se"]) == pytest.approx(w["mss_se"], rel=1e-10)
        assert msa["position"] == mss["position"] == w["position"]
        below = weighted[f"{w['dimension']}: Share below A"]
        assert float(below["mean"]) == pytest.approx(w["share_below_adequate"], rel=1e-10)
        assert float(msa["n"]) == w["n"] and float(msa["n_eff"]) == pytest.approx(w["n_eff"])
    assert {x["group"] for x in weighted.values()} == {"ALL"}


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_items_csv_and_xlsx_carry_the_weighted_rows(
    cli, data_dir: Path, tmp_path: Path, want_toolbox, fmt: str
) -> None:
    out = tmp_path / f"items.{fmt}"
    r = cli(*_args(data_dir, "items", "-o", str(out)))
    assert r.exit_code == 0, r.stderr
    rows = _rows(out.read_text(encoding="utf-8")) if fmt == "csv" else _sheet(out)
    assert {x["level"] for x in rows} == {"item", "weighted"}
    items = [x for x in rows if x["level"] == "item"]
    weighted = {str(x["item"]): x for x in rows if x["level"] == "weighted"}
    assert len(weighted) == 3 * len(items)  # mean, top-2, bottom-2 of every item
    for name, key in (("P3: Top 2", "top2_p3"), ("P1: Mean", "p1")):
        for field in ("n", "mean", "se", "ci_low", "ci_high", "n_eff"):
            got = float(weighted[name][field])  # type: ignore[arg-type]
            assert got == pytest.approx(want_toolbox["weighted"][key][field], rel=1e-10), field
    assert weighted["P3: Top 2"]["set"] == "perception"
    assert weighted["A1: Mean"]["set"] == "adequate"
    p3 = next(x for x in items if x["item"] == "P3")
    assert not (p3["se"] or "") and not math.isnan(float(p3["mean"]))  # type: ignore[arg-type]
    unweighted = ["items", str(SYNTH), "--instrument", str(data_dir / "toolbox.toml"), "-f", "csv"]
    plain = cli(*unweighted).stdout  # without weights the CSV is as it was
    assert plain.startswith("item,set,n,mean,") and ",weighted," not in plain


WORDS = {
    "sv": ("Viktad toleranszon per dimension (w)", "Toleranszon per dimension – oviktat (urvalet)",
           "| Tillförlitlighet | 156 | 1,24 |", "10,4 %", "inom zonen",
           "Läget bedöms på de viktade intervallen"),
    "en": ("Weighted zone of tolerance by dimension (w)",
           "Zone of tolerance by dimension – unweighted (the sample)",
           "| Reliability | 156 | 1.24 |", "10.4%", "inside the zone",
           "The position is judged on the weighted intervals"),
}  # fmt: skip


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_tolerance_weighted_table_first_with_position_and_percent(
    cli, data_dir: Path, lang: str
) -> None:
    r = cli(*_args(data_dir, "tolerance", "--no-items", "-f", "markdown", "--lang", lang))
    assert r.exit_code == 0, r.stderr
    text = r.stdout.replace("\xa0", " ")
    weighted_title, sample_title, row, share, position, rule = WORDS[lang]
    assert weighted_title in text and sample_title in text
    first = text[text.index(weighted_title) : text.index(sample_title)]  # the weighted table
    assert row in first and share in first and position in first
    assert rule in _flat(first)
    assert "| 0,10 | 0,19 |" not in first and "| 0.10 | 0.19 |" not in first  # no fractions
    unweighted = ["tolerance", str(SYNTH), "--instrument", str(data_dir / "toolbox.toml"),
                  "--no-items", "-f", "markdown", "--lang", lang]  # fmt: skip
    plain = cli(*unweighted).stdout  # without weights: the title as it was, no label
    assert sample_title.split(" – ")[0] in plain and sample_title not in plain


@pytest.mark.parametrize(
    ("lang", "words", "title"),
    [("sv", "(3 svarande utan giltig vikt utelämnade)", "Gap per dimension"),
     ("en", "(3 respondents without a valid weight left out)", "Dimension gaps")],
)  # fmt: skip
def test_first_weighted_gap_note_names_the_missing_weights(
    cli, data_dir: Path, tmp_path: Path, lang: str, words: str, title: str
) -> None:
    frame = pd.read_csv(SYNTH)
    frame.loc[[1, 2, 3], "w"] = None
    path = tmp_path / "gaps.csv"
    frame.to_csv(path, index=False)
    r = cli("gap", path, "--instrument", data_dir / "toolbox.toml", "--weight-column", "w",
            "--no-items", "--lang", lang, "-f", "markdown")  # fmt: skip
    assert r.exit_code == 0, r.stderr
    text = _flat(r.stdout)
    first = text[: text.index(title)]  # the weighted table and its note, before the sample's
    assert words in first
    data = json.loads(cli("gap", path, "--instrument", data_dir / "toolbox.toml",
                          "--weight-column", "w", "-f", "json").stdout)  # fmt: skip
    assert data["weighted_tests"]["n_missing_weight"] == 3
