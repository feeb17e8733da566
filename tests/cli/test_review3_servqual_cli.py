"""Review 3 (SERVQUAL side), findings 9, 13, 24 and 26 through the real CLI: reversed items are
named, group p-values named apart, noise not ranked, group exclusions not claimed to be none."""

from __future__ import annotations

from pathlib import Path

import pytest

WORDS = {
    "sv": "Omvänt formulerade påståenden 10–13 och 18–22 räknade som 8 − svaret (skala 1–7).",
    "en": "Negatively worded items 10–13 and 18–22 scored as 8 − the answer (scale 1–7).",
}


@pytest.mark.parametrize("lang", ["sv", "en"])
@pytest.mark.parametrize("command", ["gap", "reliability", "items"])
def test_reversed_items_are_named(cli, data_dir: Path, command: str, lang: str) -> None:
    extra = ("--no-items", "--no-validity") if command == "reliability" else ()
    extra = ("--no-items",) if command == "gap" else extra
    r = cli(command, data_dir / "survey_blanks_pzb1988.csv", "-i", "pzb1988", *extra,
            "--lang", lang)  # fmt: skip
    assert r.exit_code == 0, r.stderr
    assert WORDS[lang] in " ".join(r.stdout.split())


def test_no_reverse_note_without_reversed_items(cli, samples_dir: Path) -> None:
    r = cli("gap", samples_dir / "karlstad_servqual.xlsx", "--no-items", "--lang", "sv")
    assert "Omvänt formulerade" not in r.stdout


def test_report_names_reversed_items_and_the_listwise_cfa(
    cli, data_dir: Path, tmp_path: Path
) -> None:
    # findings 9 and 1 in the report: the method names the reversal; the gap CFA on 28 of 300
    # complete rows (54 free parameters) is withdrawn with its reason
    r = cli("report", data_dir / "survey_blanks_pzb1988.csv", "-i", "pzb1988", "--lang", "sv",
            "-o", tmp_path / "rep")  # fmt: skip
    assert r.exit_code == 0, r.stderr
    md = (tmp_path / "rep" / "report.md").read_text(encoding="utf-8")
    assert WORDS["sv"] in md
    assert "Validitet (CFA listvis: kompletta rader)" in md
    assert "färre kompletta rader än fria parametrar" in md
    assert "bara 28 av 300 rader (9\u00a0%)" in md  # a no-break space (review 6, finding 8)
    (gap,) = [line for line in md.splitlines() if line.startswith("| Gap | 0,775 |")]
    assert gap.endswith("| – | – | – | – | – | – | – |")  # no CFI 0,686 from 28 rows


def test_group_json_names_its_within_group_adjustment(cli, data_dir: Path) -> None:
    # Review 3, finding 13: a group's own p_holm (Holm within its 5 dimensions) is not the
    # table's p (Holm over groups x dimensions); the JSON names it apart.
    import json

    r = cli("gap", data_dir / "survey_blanks_pzb1988.csv", "-i", "pzb1988", "--by", "Tjänst",
            "--no-items", "-f", "json")  # fmt: skip
    out = json.loads(r.stdout)
    group = next(iter(out["groups"].values()))
    for row in group["dimensions"] + group["items"]:
        assert "p_holm" not in row and "p_adjusted" not in row
        assert "p_holm_within_group" in row and "p_adjusted_within_group" in row
    assert "p_holm" in out["dimensions"][0]  # everyone's table keeps its name
    tests = out["group_dimension_tests"]
    assert tests["n_tests"] == 20 and "p_adjusted" in tests["tests"][0]


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_importance_shares_of_noise_are_not_ranked(cli, data_dir: Path, lang: str) -> None:
    # Review 3, finding 24: R² = 0.042 and no b with p < 0.05 (0.056-0.305 in R's lm)
    r = cli("gap", data_dir / "survey_blanks_pzb1988.csv", "-i", "pzb1988", "--no-items",
            "--overall", "Helhetsbetyg", "--lang", lang)  # fmt: skip
    text = " ".join(r.stdout.split())
    want = "kan inte rangordnas" if lang == "sv" else "the shares of R² cannot be ranked"
    assert want in text


def test_importance_with_a_real_driver_has_no_such_warning(cli, samples_dir: Path) -> None:
    r = cli("gap", samples_dir / "karlstad_servqual_2025.xlsx", "--no-items", "--overall",
            "Helhetsbetyg")  # fmt: skip
    assert "cannot be ranked" not in r.stdout


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_tolerance_groups_do_not_claim_no_exclusions(cli, samples_dir: Path, lang: str) -> None:
    # Review 3, finding 26: each group printed "Uteslutna celler: inga" although its rows had
    # 48-60 blank and "Vet ej" cells; the group notes now point to the whole file's count.
    r = cli("tolerance", samples_dir / "karlstad_tolerans.xlsx", "--no-items", "--by", "Tjänst",
            "--lang", lang)  # fmt: skip
    text = " ".join(r.stdout.split())
    none = "Uteslutna celler: inga" if lang == "sv" else "Excluded cells: none"
    see = "se hela filen ovan" if lang == "sv" else "see the whole file above"
    assert none not in text and text.count(see) == 3
