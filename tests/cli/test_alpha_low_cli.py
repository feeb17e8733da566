"""Review 15, finding 2: a low or negative Cronbach's α is named in ``reliability``, ``alpha``
and the report, and the report's summary line gives the gaps' α beside the perceptions'.

tests/data/alpha_negative.csv (alpha_negative_gen.py) with alpha_negative.toml: Bemötande is a
good scale in E and P; Rättssäkerhet's perceptions hang together (α 0,77) but its gaps do not
(α −0,20), the case where the summary quoted only the good P numbers. The α values are R psych's
(tests/cli/r/alpha_negative.R, stored in alpha_negative.json beside it). The rule: below 0,70 a
warning (Nunnally 1978), below 0 a stronger one (core.alpha_screen.screen_low). Every test fails
on the code before it (no such warning; the summary named only P). Closing 17: the low-α
warnings of several scales share one line (report.reliability_warnings.reader_warnings).
"""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

DATA = Path(__file__).resolve().parents[1] / "data"
CSV, TOML = DATA / "alpha_negative.csv", DATA / "alpha_negative.toml"
R = json.loads((Path(__file__).parent / "r" / "alpha_negative.json").read_text("utf-8"))
LOW = {"P:all", "gap:Bemötande", "gap:all"}  # 0 ≤ α < 0,70
NEGATIVE = {"E:Rättssäkerhet", "E:all", "gap:Rättssäkerhet"}  # α < 0
WARN = {
    "sv": ("Gap – Rättssäkerhet: α −0,197 är negativt: påståendena samvarierar i genomsnitt "
           "negativt, så de mäter inte samma sak och deras poäng ska inte tolkas som en skala",
           "α ligger under 0,70, den vanliga tumregeln för en skala (Nunnally 1978), för 3 "
           "skalor: Upplevelse, hela skalan (α 0,607); Gap – Bemötande (α 0,377); Gap, hela "
           "skalan (α 0,025). Deras poäng bär mycket mätfel"),
    "en": ("Gap – Legal certainty: α -0.197 is negative: the items covary negatively on average, "
           "so they do not measure one thing and their score is not to be read as a scale",
           "α is below 0.70, the usual rule of thumb for a scale (Nunnally 1978), for 3 "
           "scales: Perception, whole scale (α 0.607); Gap – Treatment (α 0.377); Gap, whole "
           "scale (α 0.025). Their scores carry much measurement error"),
}  # fmt: skip


def _flat(text: str) -> str:
    return " ".join(text.split())


def test_reliability_json_names_each_low_and_negative_scale(cli) -> None:
    run = cli("reliability", CSV, "-i", TOML, "-f", "json")
    assert run.exit_code == 0, run.stderr
    d = json.loads(run.stdout)
    alphas = {s["scale"]: s["alpha"] for s in d["scales"]}
    assert alphas == pytest.approx({k: v["raw_alpha"] for k, v in R.items()}, abs=1e-9)
    found = {(c["scale"], c["code"]) for c in d["caveats"]
             if c["code"] in ("alpha_low", "alpha_negative")}  # fmt: skip
    assert found == {(s, "alpha_low") for s in LOW} | {(s, "alpha_negative") for s in NEGATIVE}
    neg = next(c for c in d["caveats"] if c["scale"] == "gap:Rättssäkerhet")
    assert neg["params"] == {"alpha": pytest.approx(R["gap:Rättssäkerhet"]["raw_alpha"])}
    low = next(c for c in d["caveats"] if c["scale"] == "gap:Bemötande")
    assert low["params"]["bound"] == 0.7 and low["code"] == "alpha_low"


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_reliability_terminal_warns_in_the_readers_language(cli, lang: str) -> None:
    run = cli("reliability", CSV, "-i", TOML, "--lang", lang)
    assert run.exit_code == 0, run.stderr
    out = _flat(run.stdout)
    for sentence in WARN[lang]:
        assert sentence in out
    # P Rättssäkerhet (0,77) is above the rule: no word on it
    assert (
        "Upplevelse – Rättssäkerhet: α" not in out and "Perception – Legal certainty: α" not in out
    )


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_reliability_groups_the_low_alpha_warnings_in_one_line(cli, lang: str) -> None:
    """Closing 17: one line per weak scale (11 near-identical lines on review 15's file); now
    the three scales below 0,70 share one line, and each negative α keeps its own."""
    run = cli("reliability", CSV, "-i", TOML, "--lang", lang)
    assert run.exit_code == 0, run.stderr
    out = _flat(run.stdout)
    rule = {"sv": "ligger under 0,70, den vanliga", "en": "is below 0.70, the usual"}[lang]
    negative = {"sv": "är negativt: påståendena", "en": "is negative: the items"}[lang]
    assert out.count(rule) == 1
    assert out.count(negative) == len(NEGATIVE)
    assert {"sv": "Gap – Bemötande: α", "en": "Gap – Treatment: α"}[lang] not in out


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_alpha_command_warns_of_a_negative_alpha(cli, lang: str) -> None:
    run = cli("alpha", CSV, "--items", "E4:E6", "--lang", lang)
    assert run.exit_code == 0, run.stderr
    out = _flat(run.stdout)
    word = {
        "sv": "α −4,950 är negativt: påståendena samvarierar i genomsnitt negativt",
        "en": "α -4.950 is negative: the items covary negatively on average",
    }[lang]
    assert word in out
    assert json.loads(cli("alpha", CSV, "--items", "E4:E6", "-f", "json").stdout)["caveats"][0][
        "code"] == "alpha_negative"  # fmt: skip


# every scale of the section's table, E's too, counted and its negative α named (review 17,
# finding 12: the line named P and the gaps only, "4 av dessa 6", and left out E Rättssäkerhet's
# α −4,95 and the whole E scale's −0,02); the α values are R psych's (alpha_negative.json)
GLANCE = {
    "sv": ("Reliabilitet i korthet: Cronbachs α för förväntan (E): Bemötande 0,83, "
           "Rättssäkerhet −4,95, hela skalan −0,02; för upplevelsen (P): Bemötande 0,91, "
           "Rättssäkerhet 0,77, hela skalan 0,61; för gapen (P − E), som resultaten bygger på: "
           "Bemötande 0,38, Rättssäkerhet −0,20, hela skalan 0,02. 6 av dessa 9 ligger under "
           "0,70, den vanliga tumregeln för en skala (Nunnally 1978): deras poäng bär mycket "
           "mätfel. Negativt α: Förväntan – Rättssäkerhet; Förväntan, hela skalan och Gap – "
           "Rättssäkerhet. Där mäter påståendena inte samma sak och poängen ska inte tolkas som "
           "en skala. Gapen är upplevelse minus förväntan, så ett negativt α i förväntan (ofta "
           "ett omvänt påstående som inte angetts, eller ett kodningsfel) gör också gapen där "
           "osäkra."),
    "en": ("Reliability at a glance: Cronbach's α of the expectations (E): Treatment 0.83, Legal "
           "certainty -4.95, whole scale -0.02; of the perceptions (P): Treatment 0.91, Legal "
           "certainty 0.77, whole scale 0.61; of the gaps (P − E), on which the results rest: "
           "Treatment 0.38, Legal certainty -0.20, whole scale 0.02. 6 of these 9 are below "
           "0.70, the usual rule of thumb for a scale (Nunnally 1978): their scores carry much "
           "measurement error. Negative α: Expectation – Legal certainty; Expectation, whole "
           "scale and Gap – Legal certainty. There the items do not measure one thing and the "
           "score is not to be read as a scale. The gaps are perception minus expectation, so a "
           "negative α in the expectations (often a reversed item not declared, or a coding "
           "error) makes the gaps there uncertain too."),
}  # fmt: skip
METHOD = {
    "sv": "Ett α under 0,70 ger en varning (Nunnallys tumregel från 1978; en läshjälp, ingen dom)",
    "en": "An α below 0.70 gives a warning (Nunnally's 1978 rule of thumb; a reading aid, not a",
}


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_report_summary_names_the_gaps_alpha_and_the_rule(lang: str) -> None:
    from servqual_cli.report.build import build_report, load_survey
    from servqual_cli.report.config import load_config
    from servqual_cli.report.markdown import render_document

    config = replace(load_config(DATA / "alpha_negative_report.toml"), language=lang)
    md = _flat(render_document(build_report(config, load_survey(config))))
    assert GLANCE[lang] in md
    assert WARN[lang][0] in md and WARN[lang][1] in md  # the section's warnings
    assert METHOD[lang] in md
    assert "Nunnally (1978), Psychometric Theory" in md  # and in the references
