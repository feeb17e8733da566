"""The SERVQUAL method text names the methods the report shows (review 10a, finding 9): the
group tests' paragraph, with Games-Howell's studentized-range intervals and ω² / ε², only in a
report that has the group tests, and no claim that every interval is a t interval."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from servqual_cli.report.build import build_report
from servqual_cli.report.config import parse_config
from servqual_cli.report.markdown import render_document

SAMPLES = Path(__file__).parents[2] / "data" / "samples"


def _method(sections: list[str], lang: str) -> str:
    data = tomllib.loads((SAMPLES / "report_karlstad.toml").read_text(encoding="utf-8"))
    data["sections"] = sections
    data["language"] = lang
    md = render_document(build_report(parse_config(data, SAMPLES, None)))
    head = "Metod" if lang == "sv" else "Method"
    return md.split(f"# {head}\n", 1)[1]


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_group_tests_are_described_where_the_report_shows_them(lang: str) -> None:
    method = _method(["servqual", "groups", "method"], lang)
    if lang == "sv":
        assert "#### Skillnader mellan grupper\n\nWelchs ANOVA och Kruskal-Wallis" in method
        assert "ω² (ur den vanliga variansanalysens F) och ε² (H/(n − 1))" in method
        assert "Games-Howell, vars 95\u00a0% konfidensintervall och p bygger på den " in method
        assert "studentiserade variationsvidden, inte på t" in method
        assert "Gapens och medelvärdenas konfidensintervall är 95\u00a0% t-intervall." in method
        assert "Konfidensintervallen är 95" not in method  # every interval a t interval: no
    else:
        assert "#### Differences between groups\n\nWelch's ANOVA and Kruskal-Wallis" in method
        assert "rest on the studentized range, not on t" in method
        assert "The confidence intervals of the gaps and means are 95% t intervals." in method
    without = _method(["servqual", "method"], lang)
    for word in ("Games-Howell", "Kruskal-Wallis", "ω²", "ANOVA"):
        assert word not in without  # no group tests in this report: not in its method
    assert "Cohen" in without
