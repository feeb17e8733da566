"""Session 18 (a-xlsx): the codes a Swedish per-command workbook (``-o x.xlsx --lang sv``) still
showed after w-xlsx2, and one column holding two things.

* knowledge-gap's ``p_holm_family`` cells were "dimensions", "items" (its tables say "p (Holm,
  3 dimensioner)");
* reliability's items were "E1" where its terminal says "Påstående 1";
* gap ``--overall``: the regression's b sat in the pairs' column ``b``, headed "Dimension B"
  (a number under a dimension's heading); it has a column of its own, "b";
* Kolada's colours (``rank_third``) were worded by a second mechanism in output_xlsx beside
  output_xlsx_values' table, which service-survey's benchmark rows never reached: one table now.

Files: tests/data/kg_over_*.csv with toolbox.toml, tests/data/kiosk.csv with kiosk.toml, the
Karlstad sample survey (data/samples/).
"""

from __future__ import annotations

import json
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

from servqual_cli.cli.output_xlsx_values import in_words

from .conftest import DATA

KG = (DATA / "kg_over_citizens.csv", DATA / "kg_over_staff.csv", "-i", DATA / "toolbox.toml")


def _sheet(cli, tmp_path: Path, lang: str, *args) -> list[dict]:
    path = tmp_path / f"{args[0]}_{lang}.xlsx"
    r = cli(*args, "--lang", lang, "-o", path)
    assert r.exit_code == 0, r.stderr
    rows = list(openpyxl.load_workbook(path).worksheets[0].iter_rows(values_only=True))
    return [dict(zip(rows[0], row, strict=True)) for row in rows[1:]]


@pytest.mark.parametrize(
    ("lang", "head", "words"),
    [("sv", "Holm-familj", {"dimensioner", "påståenden"}),
     ("en", "p_holm_family", {"dimensions", "items"})],
)  # fmt: skip
def test_knowledge_gap_holm_family_in_words(cli, tmp_path: Path, lang, head, words) -> None:
    rows = _sheet(cli, tmp_path, lang, "knowledge-gap", *KG)
    assert {row[head] for row in rows} == words


def test_knowledge_gap_groups_family_in_words() -> None:
    f = pd.DataFrame({"p_holm_family": ["groups x dimensions", "dimensions"], "reading": [
        "overestimate", "unclear"]})  # fmt: skip
    out = in_words(f, "knowledge-gap")
    assert out["p_holm_family"].tolist() == ["grupper × dimensioner", "dimensioner"]
    assert out["reading"].tolist() == ["personalen överskattar", "ingen säker skillnad"]


@pytest.mark.parametrize(
    ("lang", "head", "first"), [("sv", "Påstående", "Påstående 1"), ("en", "item", "E1")]
)
def test_reliability_items_named_as_the_terminal(
    cli, samples_dir: Path, tmp_path: Path, lang: str, head: str, first: str
) -> None:
    rows = _sheet(cli, tmp_path, lang, "reliability", samples_dir / "karlstad_servqual_2025.xlsx")
    items = [row[head] for row in rows]
    assert items[0] == first
    if lang == "sv":
        assert all(str(i).startswith("Påstående ") for i in items)
        term = cli("reliability", samples_dir / "karlstad_servqual_2025.xlsx", "--lang", "sv")
        assert "Påstående 22" in term.stdout and "Påstående 22" in items


@pytest.mark.parametrize(
    ("lang", "pair_b", "coef"), [("sv", "Dimension B", "b"), ("en", "b", "b_coef")]
)
def test_importance_b_has_its_own_column(cli, tmp_path: Path, lang, pair_b, coef) -> None:
    args = ("gap", DATA / "kiosk.csv", "-i", DATA / "kiosk.toml", "--overall", "F1")
    rows = _sheet(cli, tmp_path, lang, *args)
    level = "Nivå" if lang == "sv" else "level"
    pairs = [r for r in rows if r[level] in ("dimensionspar", "dimension_pair")]
    importance = [r for r in rows if r[level] in ("härledd vikt", "importance")]
    assert pairs and importance
    # the pair's second dimension stays text, and no number stands under its heading
    assert all(isinstance(r[pair_b], str) for r in pairs)
    assert all(r[pair_b] is None for r in importance)
    out = json.loads(cli(*args, "-f", "json").stdout)
    expected = [c["b"] for c in out["importance"]["coefficients"]]
    assert [r[coef] for r in importance] == expected  # every digit, in a column of its own
    assert all(r[coef] is None for r in pairs)


def test_kolada_colours_in_words_for_kolada_and_the_service_survey() -> None:
    f = pd.DataFrame({"rank_third": ["green", None, "red"]})
    assert in_words(f, "kolada")["rank_third"].tolist()[::2] == [
        "grön (bästa tredjedelen)", "röd (sämsta tredjedelen)"]  # fmt: skip
    assert in_words(f, "service-survey")["rank_third"].tolist()[::2] == ["grön", "röd"]
    assert in_words(f, "trend")["rank_third"].tolist()[::2] == ["grön", "röd"]
    assert in_words(f, "kolada")["rank_third"].isna().tolist() == [False, True, False]


def test_one_mechanism_and_no_private_import() -> None:
    """output_xlsx's ``_VERDICTS`` beside output_xlsx_values' table: one; the signed-rank
    method's words are the gap table's public ``method_sv``."""
    import inspect

    from servqual_cli.cli import output_xlsx, output_xlsx_values

    assert not hasattr(output_xlsx, "_VERDICTS")
    assert "_method_sv" not in inspect.getsource(output_xlsx_values)
    tol = pd.DataFrame({"position": ["below", "unclear"]})
    assert in_words(tol, "tolerance")["position"].tolist() == [
        "under zonen", "vid en gräns (kan ej avgöras)"]  # fmt: skip
