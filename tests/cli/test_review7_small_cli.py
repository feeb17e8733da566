"""Review 7's smaller findings on the real CLI: 5 (the feedback register's days-to-reply change
names the Hodges-Lehmann shift its Mann-Whitney p judges, with that test's interval)."""

from __future__ import annotations

import json
from pathlib import Path

REGISTER = "synpunkter_2023_2024.xlsx"


def test_feedback_days_to_reply_shows_the_shift_its_p_judges(cli, samples_dir: Path) -> None:
    r = cli("feedback", samples_dir / REGISTER, "-f", "json")
    assert r.exit_code == 0, r.stderr
    rows = {t["measure"]: t for t in json.loads(r.stdout)["trend"] if t["level"] == "reply"}
    median, shift = rows["median_days_to_reply"], rows["shift_days_to_reply"]
    # the medians' difference carries no test; the p sits with the shift and its interval
    assert (median["previous_value"], median["value"], median["estimate"]) == (7.0, 5.0, -2.0)
    assert median["p"] is None and median["ci_low"] is None
    # R wilcox.test(after, before, conf.int = TRUE, exact = FALSE): -2.0 [-2.0; -1.0], 1.1e-15
    assert (shift["estimate"], shift["ci_low"], shift["ci_high"]) == (-2.0, -2.0, -1.0)
    assert shift["p"] < 1e-14 and shift["test"] == "mann-whitney"
    sv = cli("feedback", samples_dir / REGISTER, "--lang", "sv", "-f", "markdown").stdout
    # review 10a finding 1: among the answered, their n on the row
    assert (
        "| Median dagar till svar, bland besvarade (n = 913 → 943) | dagar | 7,0 | 5,0 | −2,0 | – "
        "| – | – | – |" in sv
    )
    assert (
        "| Typisk förskjutning, dagar till svar, bland besvarade (n = 913 → 943) | dagar | – | – "
        "| −2,0 | −2,0 | −1,0 |" in sv
    )
    assert "Hodges-Lehmanns typiska förskjutning" in sv and "median: Mann-Whitney" not in sv


def test_alpha_on_two_respondents_says_n_and_prints_no_infinity(cli, tmp_path: Path) -> None:
    # review 7 finding 9: "α −3,000" and "α om borttaget −∞" with no word on n
    data = tmp_path / "small.csv"
    data.write_text("Resp,E1,E2,E3,E4,P1,P2,P3,P4\n1,5,6,7,5,4,5,6,4\n2,6,6,6,6,5,5,5,5\n")
    for lang, said in (
        ("sv", "α och dess intervall bygger på 2 svarande, färre än 30"),
        ("en", "α and its interval rest on 2 respondents, fewer than 30"),
    ):
        r = cli("alpha", data, "--items", "P1:P4", "--lang", lang)
        assert r.exit_code == 0, r.stderr
        assert said in " ".join(r.stdout.split())
        assert "∞" not in r.stdout and "inf" not in r.stdout.lower()
    md = cli("alpha", data, "--items", "P1:P4", "--lang", "sv", "-f", "markdown").stdout
    assert "| P1 | 2 | – |" in md.replace("| skala ", "") and "∞" not in md  # item n, α if del.
    d = json.loads(cli("alpha", data, "--items", "P1:P4", "-f", "json").stdout)
    codes = [c["code"] for c in d["caveats"]]
    assert codes[:2] == ["few_respondents", "if_deleted_undefined"]


def test_knowledge_gap_refuses_one_file_as_both_surveys(
    cli, samples_dir: Path, tmp_path: Path
) -> None:
    # review 7 finding 10: exit 0 with every difference 0,00 and "no difference"
    survey = samples_dir / "karlstad_servqual.xlsx"
    copy = tmp_path / "kopia.xlsx"
    copy.write_bytes(survey.read_bytes())  # another name, the same bytes
    for staff in (survey, copy):
        r = cli("knowledge-gap", survey, staff, "--lang", "sv")
        assert r.exit_code == 2
        assert r.stderr.count("\n") == 1 and "Traceback" not in r.stderr
        # in Swedish since session 13 (the run's --lang sv)
        assert f"CUSTOMERS (karlstad_servqual.xlsx) och STAFF ({staff.name})" in r.stderr
        assert "samma SHA-256" in r.stderr
    ok = cli("knowledge-gap", survey, samples_dir / "karlstad_personal.xlsx")
    assert ok.exit_code == 0, ok.stderr


def test_survey_trend_counts_only_the_cells_it_reads(
    cli, samples_dir: Path, tmp_path: Path
) -> None:
    # review 7 finding 11: "tomma 231" held the 55 blank importance weights (W1-W5) the trend
    # never reads; the report counts them apart ("Uteslutna viktighetspoäng (W1–W5): tomma 55")
    files = (samples_dir / "karlstad_servqual.xlsx", samples_dir / "karlstad_servqual_2025.xlsx")
    d = json.loads(cli("trend", *files, "-f", "json").stdout)
    assert d["before"]["excluded"] == {"blank": 176, "dont_know": 176, "out_of_range": 4}
    assert d["excluded"]["blank"] == 176 + d["after"]["excluded"]["blank"]
    sv = " ".join(cli("trend", *files, "--lang", "sv").stdout.split())
    assert "karlstad_servqual.xlsx: tomma 176, vet ej 176, utanför skalan 4" in sv
    listed = tmp_path / "uteslutna.csv"
    assert cli("trend", *files, "--excluded", listed).exit_code == 0
    rows = listed.read_text("utf-8").splitlines()[1:]
    assert len(rows) == 176 + 176 + 4 + 141 + 141  # the counts shown, cell by cell
    assert not [r for r in rows if r.split(",")[3].startswith("W")]


def test_usage_hints_name_the_command_the_user_typed(cli, samples_dir: Path) -> None:
    # review 7 finding 12: "servqual kolada FILE" runs kolada's show by itself; its hint said
    # "(see 'servqual kolada show --help')", a name neither servqual --help nor the README uses
    data = samples_dir / "kolada_servicematning.csv"
    r = cli("kolada", data)
    assert r.exit_code == 2
    assert r.stderr == (
        "servqual: error: Missing option '--municipality' / '-m'. (see 'servqual kolada --help')\n"
    )
    assert "(see 'servqual kolada --help')" in cli("kolada", data, "-m", "X", "--bogus").stderr
    # typed, a subcommand is named: show and fetch, and the top-level commands
    assert "(see 'servqual kolada show --help')" in cli("kolada", "show", data).stderr
    assert "(see 'servqual kolada fetch --help')" in cli("kolada", "fetch", "--bogus").stderr
    for command in ("gap", "trend", "knowledge-gap", "alpha"):
        assert f"(see 'servqual {command} --help')" in cli(command, "--bogus").stderr
