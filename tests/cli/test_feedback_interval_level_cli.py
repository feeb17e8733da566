"""The feedback register's tables name their interval level (c-conf, session 11; review 5,
finding 21: every interval header names its level). ``servqual feedback --lang sv`` headed the
reply, reply-per-unit, count-trend and reply-trend tables "KI låg" / "KI hög" (the Lekeberg
report's tables 16, 17, 19 and 20) because the analysis did not carry its level; it does now
(``FeedbackAnalysis.conf``), and the headings go through the one rule,
:func:`servqual_cli.report.conf_level.interval_head`. Checked at ``--conf 0.9`` so that a
hard-coded "95" fails, in the terminal, Markdown and HTML outputs of the real CLI.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

REGISTER = "synpunkter_2023_2024.xlsx"


def bare(text: str, lang: str) -> list[str]:
    """Interval headings without a level before the word: "| CI low |", "┃ KI låg ┃"."""
    word = "KI låg|KI hög" if lang == "sv" else "CI low|CI high"
    text = re.sub(r"%\s?(?=[KC]I )", "%_", text)  # "90 % KI låg", "90% CI low": named
    return re.findall(rf"(?:^|[|┃│>\s])(?:{word})(?=\s*(?:[|┃│<]|$))", text, flags=re.M)


@pytest.mark.parametrize("lang", ["sv", "en"])
@pytest.mark.parametrize("fmt", ["table", "markdown", "html"])
def test_feedback_intervals_name_their_level(cli, samples_dir: Path, lang, fmt) -> None:
    r = cli("feedback", samples_dir / REGISTER, "--lang", lang, "-f", fmt, "--conf", "0.9")
    assert r.exit_code == 0, r.stderr
    text = re.sub(r"<[^>]+>", "", r.stdout).replace("\xa0", " ")  # HTML: <abbr>KI</abbr>
    assert ("90 % KI låg" if lang == "sv" else "90% CI low") in text
    assert bare(text, lang) == []
    assert "95 %" not in text and "95%" not in text  # no interval at the default level


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_every_feedback_interval_table_is_headed(cli, samples_dir: Path, lang) -> None:
    """All four interval tables: replies, replies per unit, the trend of counts and replies."""
    r = cli("feedback", samples_dir / REGISTER, "--lang", lang, "-f", "markdown")
    md = r.stdout.replace("\xa0", " ")
    pair = "| 95 % KI låg | 95 % KI hög |" if lang == "sv" else "| 95% CI low | 95% CI high |"
    assert md.count(pair) == 4


@pytest.mark.parametrize("conf", ["0.9", "0.95"])
def test_feedback_json_records_the_level_and_methods_of_its_intervals(
    cli, samples_dir: Path, tmp_path: Path, conf: str
) -> None:
    """m-misc, session 12: ``feedback -f json`` carried every interval but neither the level
    they were computed at nor how, as ``contacts`` (``conf``, ``ci_method``) and ``gap``
    (``tests.conf``) record theirs. Read back and checked against the intervals themselves:
    recomputed at the recorded level by the recorded method (statsmodels' Wilson and
    Newcombe, scipy's exact binomial mapped to the Poisson rate ratio, as R ``poisson.test``),
    so a JSON level that is not the one used fails."""
    from scipy.stats import binomtest
    from statsmodels.stats.proportion import confint_proportions_2indep, proportion_confint

    out = tmp_path / "f.json"
    r = cli("feedback", samples_dir / REGISTER, "--conf", conf, "-f", "json", "-o", out)
    assert r.exit_code == 0, r.stderr
    d = json.loads(out.read_text(encoding="utf-8"))
    assert d["conf"] == float(conf)
    assert d["ci_method"] == {
        "median_days": "order statistics",
        "km_median_days": "brookmeyer-crowley log",
        "km_p90_days": "brookmeyer-crowley log",
        "within_promise_share": "wilson",
        "count": "exact poisson",
        "reply_within_promise": "newcombe",
        "shift_days_to_reply": "mann-whitney",
        "km_days_to_reply": "brookmeyer-crowley log",  # trend_km's windows (session 15)
    }
    alpha = 1 - d["conf"]
    reply = d["reply"]  # Wilson, at the recorded level
    low, high = proportion_confint(
        reply["within_promise"], reply["n_decided"], alpha=alpha, method="wilson"
    )
    assert (reply["ci_low"], reply["ci_high"]) == (pytest.approx(low), pytest.approx(high))
    rows = {(t["measure"], t["key"]): t for t in d["trend"]}
    share = rows[("reply_within_promise", None)]  # Newcombe, at the recorded level
    k, k0 = round(share["value"] * share["n"]), round(share["previous_value"] * share["n_previous"])
    low, high = confint_proportions_2indep(
        k, share["n"], k0, share["n_previous"], method="newcomb", compare="diff", alpha=alpha
    )
    assert (share["ci_low"], share["ci_high"]) == (pytest.approx(low), pytest.approx(high))
    total = rows[("count", "all")]  # exact Poisson: Clopper-Pearson of k1 | k1 + k2, mapped
    days, days0 = (d["trend_window"][w]["days"] for w in ("current", "previous"))
    ci = binomtest(total["n"], total["n"] + total["n_previous"]).proportion_ci(
        confidence_level=d["conf"], method="exact"
    )
    ratio = [p / (1 - p) * days0 / days for p in (ci.low, ci.high)]
    assert (total["ci_low"], total["ci_high"]) == (pytest.approx(ratio[0]), pytest.approx(ratio[1]))
    # the Kaplan-Meier quantiles' intervals at the recorded level: R quantile(survfit(...,
    # conf.int = conf), conf.int = TRUE), stored by tests/core/r/feedback_km.R (session 14)
    km = json.loads((Path(__file__).parents[1] / "core" / "r" / "feedback_km.json").read_text())
    ref = km["overall_90"] if d["conf"] == 0.9 else km["overall"]
    assert ref["conf"] == d["conf"]
    assert [reply["km_median_ci_low"], reply["km_p90_ci_low"]] == ref["r_lower"]
    assert [reply["km_median_ci_high"], reply["km_p90_ci_high"]] == ref["r_upper"]
