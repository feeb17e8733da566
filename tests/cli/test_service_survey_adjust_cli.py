"""``servqual service-survey --adjust`` (review 4 finding 19): the choices and default of gap's and
trend's --adjust, named in the output. The p-values are the R-checked Welch p of
test_service_survey_cli.py; the adjusted ones are checked here against statsmodels'
multipletests (an implementation independent of core.inference.p_adjust)."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
from statsmodels.stats.multitest import multipletests

FILE = Path(__file__).parents[2] / "data" / "samples" / "servicematning_medborgare_2022_2024.xlsx"


def _json(cli, *args: str) -> dict:
    r = cli("service-survey", FILE, "-f", "json", *args)
    assert r.exit_code == 0, r.stderr
    return json.loads(r.stdout)


def _verdicts(out: dict) -> dict[tuple[int, str, str], str]:
    return {(c["after"], c["channel"], c["question"]): c["verdict"] for c in out["changes"]}


def test_holm_is_the_default_and_none_turns_chance_changes_into_verdicts(cli) -> None:
    default, holm, none = _json(cli), _json(cli, "--adjust", "holm"), _json(cli, "--adjust", "none")
    assert default == holm and default["adjust"]["method"] == "holm"
    assert none["adjust"]["method"] == "none" and "own p" in none["adjust"]["rule"]
    # telephone clarity 2022-2023 (raw p 0.008) and treatment 2023-2024 (0.026): "worse" on their
    # own p, not after Holm over the twelve changes
    changed = {k for k, v in _verdicts(none).items() if v != _verdicts(holm)[k]}
    assert changed == {(2023, "phone", "clarity"), (2024, "phone", "treatment")}
    assert all(_verdicts(none)[k] == "worse" for k in changed)
    assert all(_verdicts(holm)[k] == "no detectable change" for k in changed)
    for c in none["changes"]:
        assert c["p_adjusted"] == c["p"]


@pytest.mark.parametrize(("code", "method"), [("holm", "holm"), ("bh", "fdr_bh")])
def test_adjusted_p_is_statsmodels_multipletests_per_family(cli, code: str, method: str) -> None:
    out = _json(cli, "--adjust", code)
    for family in ("changes", "trends"):
        p = np.array([c["p"] for c in out[family]], dtype=float)
        want = multipletests(p, method=method)[1]
        got = np.array([c["p_adjusted"] for c in out[family]], dtype=float)
        assert got == pytest.approx(want, rel=1e-12), family


@pytest.mark.parametrize(
    ("lang", "code", "words"),
    [("en", "bh", ["p (Benjamini-Hochberg, 12 tests)", "p (Benjamini-Hochberg, --adjust bh)"]),
     ("sv", "holm", ["p (Holm, 12 test)", "p (Holm, --adjust holm): justerat"]),
     ("en", "none", ["p is not adjusted for multiple tests (--adjust none)"]),
     ("sv", "none", ["p är inte justerat för flera test (--adjust none)"])],
)  # fmt: skip
def test_the_output_names_the_adjustment(cli, lang: str, code: str, words: list[str]) -> None:
    r = cli("service-survey", FILE, "--adjust", code, "--lang", lang, "-f", "markdown")
    assert r.exit_code == 0, r.stderr
    flat = " ".join(r.stdout.split())
    for w in words:
        assert w in flat, w
    if code == "none":
        assert "Holm" not in flat and "(unadjusted)" not in flat and "(ojusterat)" not in flat


def test_an_unknown_adjustment_is_bad_usage(cli) -> None:
    r = cli("service-survey", FILE, "--adjust", "bonferroni")
    assert r.exit_code == 2 and "--adjust" in r.stderr
