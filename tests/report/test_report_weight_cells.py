"""Session 18 (a-count, item 3): the report counts and names the cells of ``[survey]
weight_column`` with no valid weight (a blank, a text such as "ja") among its excluded cells,
as ``gap --weight-column`` does (f-r15c, io.weight_column.with_weight_cells). Before, the
report's "Uteslutna celler" left them out while gap counted "tom vikt 1" and "ogiltigt värde 1
(alla i Vikt; ”ja” 1)" on the same file.

tests/data/a_count_weights.toml reports on tests/data/r15_enkat.xlsx (row 10: the weight "ja",
row 14: a blank weight).
"""

from __future__ import annotations

from pathlib import Path

import pytest

DATA = Path(__file__).parents[1] / "data"
CONFIG, FILE, TOML = (
    DATA / "a_count_weights.toml",
    DATA / "r15_enkat.xlsx",
    DATA / "r15_kommun.toml",
)

WORDS = {
    "sv": "Vikt (urvalsvikter): 2 utan giltig vikt – tom vikt 1, ogiltigt värde 1 (”ja” 1).",
    "en": "Vikt (survey weights): 2 without a valid weight – blank weight 1, not a valid value 1 "
    "(“ja” 1).",
}
GAP = {
    "sv": ("tom vikt 1 (alla i Vikt)", "ogiltigt värde 1 (alla i Vikt; ”ja” 1)"),
    "en": ("blank weight 1 (all in Vikt)", "not a valid value 1 (all in Vikt; “ja” 1)"),
}


def _text(s: str) -> str:
    return " ".join(s.split())


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_the_report_counts_the_weight_cells_gap_counts(cli, tmp_path: Path, lang: str) -> None:
    out = tmp_path / "out"
    r = cli("report", CONFIG, "-o", out, "--lang", lang)
    assert r.exit_code == 0, r.stderr
    md = _text((out / "report.md").read_text("utf-8"))
    assert WORDS[lang] in md
    # counted once: apart from the answers, whose invalid texts do not include the weight's
    intro = md[md.index("Rapporten bygger" if lang == "sv" else "The report is based") :]
    answers = intro[: intro.index(WORDS[lang])]
    assert "”ja”" not in answers and "“ja”" not in answers and "vikt 1" not in answers
    gap = _text(cli("gap", FILE, "-i", TOML, "--weight-column", "Vikt", "--lang", lang).stdout)
    assert all(words in gap for words in GAP[lang])  # the same cells, as gap counts them
