"""Review 16, finding 4: ``service-survey --benchmark`` said "bättre" for e-post / Tydligt svar on
21 answers, in the row whose rank the same table withholds as too small a base, and its four
verdicts were unadjusted while every other verdict of the output followed Holm, with no word.
Now a verdict on a small base is marked in its cell with its n (it stays: it follows the
interval, which allows for n, as everywhere else since review 12a finding 3), and the note names
the rule: unadjusted, no Holm over the m comparisons, the others' mean taken as exact. On the
old code the cell read "bättre" and the note said nothing of adjustment.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

DATA = Path(__file__).parent.parent / "data"
SURVEY = Path(__file__).parents[2] / "data" / "samples" / "servicematning_medborgare_2022_2024.xlsx"
ARGS = ("service-survey", SURVEY, "--benchmark", DATA / "kolada_survey_2024.csv", "-m",
        "Lekeberg", "--kpi-map", DATA / "kolada_survey_map.toml")  # fmt: skip


def _table(text: str, column: str) -> tuple[list[str], list[list[str]]]:
    lines = text.splitlines()
    at = next(i for i, ln in enumerate(lines) if ln.startswith("|") and column in ln)
    header = [c.strip() for c in lines[at].strip("|").split("|")]
    body = []
    for ln in lines[at + 2 :]:
        if not ln.startswith("|"):
            break
        body.append([c.strip() for c in ln.strip("|").split("|")])
    return header, body


@pytest.mark.parametrize(
    ("lang", "cell", "same", "rule"),
    [
        ("sv", "bättre (litet underlag, n = 21)", "kan inte skiljas från medel (litet underlag, "
         "n = 23)", "Bedömningarna är ojusterade: var och en följer sitt eget 95\u00a0%-intervall, "
         "utan Holm-justering över de 4 jämförelserna, och övrigas medel behandlas som exakt."),
        ("en", "better (small base, n = 21)", "cannot tell from the mean (small base, n = 23)",
         "The verdicts are unadjusted: each follows its own 95% interval, with no Holm "
         "adjustment over the 4 comparisons, and the others' mean is taken as exact."),
    ],
)  # fmt: skip
def test_a_small_base_verdict_is_marked_and_the_note_says_unadjusted(
    cli, tmp_path: Path, lang: str, cell: str, same: str, rule: str
) -> None:
    bench = json.loads(cli(*ARGS, "-f", "json").stdout)["benchmark"]["kpis"]
    rows = {(k["channel"], k["question"]): k for k in bench}
    clarity = rows[("email", "clarity")]
    # the interval lies wholly above the others' mean: the verdict itself is right
    assert clarity["n"] == 21 and clarity["small_base"] is True
    assert clarity["ci_low"] > clarity["others_mean"] and clarity["verdict"] == "better"
    assert sum(k["verdict"] is not None for k in bench) == 4
    out = tmp_path / f"b_{lang}.md"
    r = cli(*ARGS, "--lang", lang, "-o", out)
    assert r.exit_code == 0, r.stderr
    text = out.read_text(encoding="utf-8")
    head = "Bedömning" if lang == "sv" else "Verdict"
    header, body = _table(text, "Kolada")
    verdicts = [b[header.index(head)] for b in body]
    assert cell in verdicts and same in verdicts
    # a verdict on a base large enough is not marked
    assert sum("(" in v for v in verdicts) == 2
    assert rule in re.sub(r"[ \n>]+", " ", text)  # the note's lines, no-break spaces kept
