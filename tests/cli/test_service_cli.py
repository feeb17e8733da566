"""`servqual kpi` and `servqual feedback` through the real CLI: output, options, bad input.

Expected numbers come from hand-made files whose cases are worked out in the comments
(tests/data/kpi_cases.csv, tests/data/feedback_en.csv) or from data/samples/README.md; the
statistics themselves are checked against R in tests/core.
"""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

ROOT = Path(__file__).parents[2]
SAMPLES = ROOT / "data" / "samples"
DATA = ROOT / "tests" / "data"
ISSUE_KPI_KEYS = [
    "name",
    "aspect",
    "n",
    "value",
    "ci_low",
    "ci_high",
    "target",
    "norm",
    "verdict",
    "groups",
]


def one_line_error(result, code: int, *parts: str) -> None:
    assert result.exit_code == code, (result.exit_code, result.stderr)
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("servqual: error: "), result.stderr
    assert "Traceback" not in result.stderr
    for part in parts:
        assert part in lines[0], (part, lines[0])


# --------------------------------------------------------------------------------------------
# kpi
# --------------------------------------------------------------------------------------------
def test_kpi_table_is_grouped_by_aspect(cli) -> None:
    r = cli("kpi", SAMPLES / "kpi.toml", "--lang", "sv")
    assert r.exit_code == 0, r.stderr
    out = r.stdout
    assert out.startswith("Nyckeltal och servicedeklarationer, Lekebergs kommun")
    heads = [out.index(f"\n{h}\n") for h in ("Nåbarhet", "Väntetid", "Genomförandetid", "Resultat")]
    assert heads == sorted(heads)
    for text in (
        "Nyckeltal – Nåbarhet",
        "Värde",  # headers may wrap ("Värde" / "(%)") so that no number is ever cut
        "KI",
        " 79,6 ",
        " 67,1 ",
        " 88,2 ",
        "mål ≥ 80\u00a0%",
        "kan ej avgöras",
        " 56,0 ",
        " s ",
        "norm: medianen ≤ 90 s",  # the statistic the norm judges (review 16 finding 1)
        " 32,0 ",  # equal follow-up (review 3 finding 3): 30,0 on the decided cases alone
        " dagar ",
        "ej uppfyllt",
        "uppfyllt",
        "ärenden): 36 →",  # "32 dagar" stays with its unit on the next line (c-conf)
        "2023 (1 jan–21 okt,",  # the two windows (review 10a, finding 4)
        "32 dagar (skillnad",
        "(Mann-Whitney)",  # review 4 finding 18: the change's test is named
        "uteslutna celler: ogiltigt datum 1 (”okänt” 1)",  # named, lower case (review 14 #13)
    ):
        assert text in out, text
    # an area of 7 e-mails is never named below the target (min_n 30, review 3 finding 8)
    assert "bygglov 57,1\u00a0%" not in out
    for text in ("uteslutna celler: ogiltigt datum 1",):
        assert text in out, text


def test_kpi_json_schema_and_order(cli) -> None:
    r = cli("kpi", SAMPLES / "kpi.toml", "--format", "json")
    assert r.exit_code == 0, r.stderr
    out = json.loads(r.stdout)
    assert list(out) == ["tool", "title", "config", "input", "kpis"]  # tool: review 9 #6
    assert out["config"] == "kpi.toml"
    kpis = out["kpis"]
    assert [k["aspect"] for k in kpis] == [
        "nåbarhet",
        "väntetid",
        "väntetid",
        "genomförandetid",
        "genomförandetid",
        "genomförandetid",
        "resultat",
        "resultat",
    ]
    for k in kpis:
        assert list(k)[:10] == ISSUE_KPI_KEYS
    phone = kpis[0]
    assert (phone["n"], round(phone["value"], 3), phone["verdict"]) == (54, 0.796, "cannot tell")
    assert set(phone["groups"][0]) == {"group", "n", "value", "ci_low", "ci_high", "verdict",
                                       "p_below", "interval_verdict", "p_holm"}  # fmt: skip
    assert phone["change"] is None and phone["target"] == 0.8 and phone["norm"] is None
    lead = kpis[3]
    # judged on 2024, the latest period; the median over 2023 and 2024 is kept as pooled
    assert (lead["value"], lead["norm"], lead["verdict"], lead["period"]) == (
        32.0,  # the 235 cases that had the whole 70 days (review 3 finding 3)
        70.0,
        "met",
        "2024",
    )
    assert lead["pooled"]["value"] == 35.0 and lead["pooled"]["periods"] == ["2023", "2024"]
    assert lead["change"]["previous_value"] == 36.0 and lead["change"]["value"] == 32.0


def test_kpi_csv_markdown_english(cli) -> None:
    r = cli("kpi", DATA / "kpi_cases.toml", "-f", "csv")
    assert r.exit_code == 0, r.stderr
    lines = r.stdout.splitlines()
    assert lines[0].startswith("kpi,aspect,statistic,unit,target,norm,level,group,n,value")
    assert sum(line.startswith("E-post inom en arbetsdag,väntetid") for line in lines) == 4
    md = cli("kpi", DATA / "kpi_cases.toml", "-f", "markdown", "--lang", "en", "--groups")
    assert md.exit_code == 0, md.stderr
    assert (
        "## Waiting time" in md.stdout
        # every KPI of the file rests on fewer than 30 cases: "Base" says so (review 12c #5)
        and "| KPI | Period | n | Base | Value (%) | 95% CI low (%) | 95% CI high (%) |"
        in md.stdout
    )
    assert "### E-post inom en arbetsdag – enhet" in md.stdout  # --groups tables


def test_kpi_end_before_start_is_counted_as_excluded(cli, tmp_path: Path) -> None:
    ex = tmp_path / "excluded.csv"
    r = cli("kpi", DATA / "kpi_cases.toml", "-f", "json", "--excluded", ex)
    assert r.exit_code == 0, r.stderr
    email = json.loads(r.stdout)["kpis"][1]  # väntetid after the nåbarhet KPI
    assert email["name"] == "E-post inom en arbetsdag"
    assert email["excluded"] == {"end_before_start": 1}
    assert (email["pooled"]["n"], round(email["pooled"]["value"], 4)) == (9, round(5 / 9, 4))
    assert (email["period"], email["n"], round(email["value"], 4)) == ("2024", 7, round(4 / 7, 4))
    rows = ex.read_text("utf-8").splitlines()
    assert rows[0] == "file,sheet,row,column,value,reason,kpi"
    assert (
        "kpi_cases.csv,,8,besvarad,2024-02-01 10:00,end_before_start,E-post inom en arbetsdag"
        in rows
    )
    strict = cli("kpi", DATA / "kpi_cases.toml", "--strict")
    one_line_error(strict, 1, "kpi_cases.csv, row 8, column 'besvarad'", "--strict")


def test_kpi_as_of_and_period(cli) -> None:
    r = cli(
        "kpi", DATA / "kpi_cases.toml", "-f", "json", "--as-of", "2024-06-30", "--period", "quarter"
    )
    assert r.exit_code == 0, r.stderr
    email = json.loads(r.stdout)["kpis"][1]
    # Sent by 30 June: cases 1, 2, 3, 6, 8, 9, 10; on time 1, 2, 9 (8 still open, late)
    assert (email["pooled"]["n"], email["n_after_as_of"], email["as_of"]) == (7, 2, "2024-06-30")
    assert round(email["pooled"]["value"] * 7) == 3
    # the verdict judges the quarter of --as-of: 2024Q2, 1 of 3 on time
    assert (email["period"], email["n"], round(email["value"] * 3)) == ("2024Q2", 3, 1)
    change = email["change"]
    # 2024Q1: cases 1 (on time) and 8 (late); 2024Q2: 2 on time, 3 and 6 late
    assert (change["previous_period"], change["period"]) == ("2024Q1", "2024Q2")
    assert (change["previous_value"], round(change["value"], 4)) == (0.5, round(1 / 3, 4))


@pytest.mark.parametrize(
    ("name", "code", "parts"),
    [
        ("kpi_unknown_key.toml", 2, ["[[kpi]] 1 (\"Bygglov\"), key 'tagret': unknown key"]),
        ("kpi_unknown_column.toml", 2, ["key 'start': no column 'sent_at' in kpi_cases.csv"]),
        ("kpi_bad_limit.toml", 2, ["key 'limit': cannot read the time limit 'two weeks'"]),
        ("kpi_bad_syntax.toml", 2, ["kpi_bad_syntax.toml: invalid TOML"]),
        ("kpi_missing.toml", 2, ["kpi_missing.toml: KPI configuration file not found"]),
        (
            "kpi_dotted_dates.toml",
            1,
            [
                "kpi_dotted_dates.csv, row 2, column 'besvarad'",
                "[[kpi]] 1 (\"E-post inom en arbetsdag\"), key 'end'",
                "'04.03.2024 15:00' is not a readable date",
                "(2 of 3 non-blank)",
                "expected ISO dates yyyy-mm-dd",
            ],
        ),
        (
            "kpi_text_value.toml",
            1,
            [
                "kpi_cases.csv, column 'kanal'",
                "[[kpi]] 1 (\"Väntetid\"), key 'value_column'",
                "has no numeric values",
                "'e-post', 'telefon'",
            ],
        ),
        (
            "kpi_unknown_success.toml",
            2,
            [
                "kpi_unknown_success.toml: [[kpi]] 1 (\"Nöjda\"), key 'success'",
                "'jaa' never occurs in column 'nöjd' of kpi_cases.csv (it has: 'ja', 'nej')",
            ],
        ),
    ],
)
def test_kpi_bad_configs(cli, name: str, code: int, parts: list[str]) -> None:
    one_line_error(cli("kpi", DATA / name), code, *parts)


def test_kpi_limits_and_units_in_the_report_language(cli) -> None:
    sv = cli("kpi", DATA / "kpi_cases.toml", "--lang", "sv", "-f", "markdown")
    assert sv.exit_code == 0, sv.stderr
    assert (
        "mål ≥ 90\u00a0% (1 arbetsdag)" in sv.stdout and "mål ≥ 90\u00a0% (48 timmar)" in sv.stdout
    )
    assert "working" not in sv.stdout and "hours" not in sv.stdout
    en = cli("kpi", DATA / "kpi_cases.toml", "--lang", "en", "-f", "markdown")
    assert "target ≥ 90% (1 working day)" in en.stdout and "(48 hours)" in en.stdout
    raw = json.loads(cli("kpi", DATA / "kpi_cases.toml", "-f", "json").stdout)
    assert raw["kpis"][1]["limit"] == "1 working day"  # the data keep the user's text


def test_kpi_refuses_to_overwrite_its_inputs(cli) -> None:
    one_line_error(
        cli("kpi", DATA / "kpi_cases.toml", "-o", DATA / "kpi_cases.csv"), 2, "is an input file"
    )
    one_line_error(
        cli("kpi", DATA / "kpi_cases.toml", "-o", DATA / "kpi_cases.toml"), 2, "is an input file"
    )
    one_line_error(
        cli("kpi", SAMPLES / "kpi.toml", "--sheet", "Blad9"),
        2,
        "servicematning_2020.xlsx: no sheet 'Blad9'",
    )


# --------------------------------------------------------------------------------------------
# feedback
# --------------------------------------------------------------------------------------------
def test_feedback_json_hand_made_register(cli) -> None:
    r = cli("feedback", DATA / "feedback_en.csv", "--format", "json")
    assert r.exit_code == 0, r.stderr
    out = json.loads(r.stdout)
    for key in ("n_rows", "excluded", "by_type", "by_unit_type", "reply", "backlog", "trend"):
        assert key in out
    # F6 (answered the day before it arrived) counts as an item; only its timing is left out
    assert out["n_rows"] == 11 and out["n_items"] == 8 and out["as_of"] == "2024-02-20"
    assert out["excluded"] == {
        "blank": 1,
        "duplicate": 1,
        "end_before_start": 1,
        "invalid_date": 1,
        "unparseable": 1,
    }
    assert out["by_type"][0] == {"type": "klagomål", "n": 4, "share": 4 / 8}
    assert set(out["by_unit_type"][0]) == {"unit", "type", "n"}
    # Contact given: F1 (3 days), F3 (open, 47 days: late), F5 (22 days: late), F10 (open, new),
    # F6 (answer date before receipt: neither answered, decided nor open).
    # F4 is anonymous but has an answer date: never in the reply figures. F8: contact blank.
    assert out["reply"] == {
        "n_with_contact": 5,
        "n_answered": 2,
        "median_days": 12.5,
        "p90_days": pytest.approx(20.1),
        "median_ci_low": None,
        "median_ci_high": None,
        "within_promise": 1,
        "n_decided": 3,
        "n_undecided": 0,  # F10 has not had the 14 days: left out of the share (review 4, 10)
        "within_promise_share": 1 / 3,
        "ci_low": pytest.approx(0.0615, 1e-3),
        "ci_high": pytest.approx(0.7923, 1e-3),
        "promise": "14 days",
        "n_too_recent": 1,
        "n_too_recent_open": 1,
        "n_unanswered_overdue": 1,  # F3: decided (past the promise) without a reply
        # review 10a finding 1: Kaplan-Meier over the 4 timed (F6 has none): F1 3 and F5 22
        # answered, F3 (47 days) and F10 censored; S = 1/3 after day 22, so no 90th percentile
        "n_timed": 4,
        "n_unanswered": 2,
        "km_median_days": 22.0,
        "km_p90_days": None,
        "km_follow_up_days": 47.0,
        # their 95 % intervals, R quantile(survfit(Surv(c(3, 47, 22, 0), c(1, 0, 1, 0)) ~ 1),
        # conf.int = TRUE): lower 3 and 22, upper NA and NA (not reached)
        "km_median_ci_low": 3.0,
        "km_median_ci_high": None,
        "km_p90_ci_low": 22.0,
        "km_p90_ci_high": None,
    }
    assert out["backlog"] == [
        {"unit": "Roads", "n_open": 1, "n_open_overdue": 1, "n_unanswered_overdue": 1,
         "n_unanswered_overdue_closed": 0},
        {"unit": "Parks", "n_open": 1, "n_open_overdue": 0, "n_unanswered_overdue": 0,
         "n_unanswered_overdue_closed": 0},
    ]  # fmt: skip
    assert out["trend"] == [] and out["n_anonymous"] == 3


def test_feedback_promise_as_of_period(cli) -> None:
    r = cli(
        "feedback",
        DATA / "feedback_en.csv",
        "-f",
        "json",
        "--promise",
        "2 veckor",
        "--as-of",
        "2024-01-31",
        "--period",
        "quarter",
    )
    assert r.exit_code == 0, r.stderr
    out = json.loads(r.stdout)
    assert out["promise"] == "2 veckor" and out["n_after_as_of"] == 1  # F10 arrives in February
    assert {p["period"] for p in out["by_period"]} == {"2024Q1"}
    assert out["reply"]["n_decided"] == 3 and out["reply"]["n_undecided"] == 0


def test_feedback_sample_table_and_trend(cli) -> None:
    r = cli("feedback", SAMPLES / "synpunkter_2023_2024.xlsx", "--lang", "en")
    assert r.exit_code == 0, r.stderr
    for text in (
        "Feedback received",
        "complaint",
        "Replies (contact details given only)",
        "Backlog: cases not closed and unanswered items older than the promise (as of 2024-12-31)",
        "Against the previous twelve months",
        "Tekniska förvaltningen",
        "anonymous items are counted but never in the reply figures",
    ):
        assert text in r.stdout, text
    csv = cli("feedback", DATA / "feedback_en.csv", "-f", "csv")
    assert csv.stdout.splitlines()[0] == (
        "section,measure,level,key,unit,type,period,channel,effect,test,statistic,value,conf"
    )
    assert "by_type,,,,,klagomål,,,,,n,4," in csv.stdout


def test_feedback_promise_in_the_report_language(cli) -> None:
    sv = cli("feedback", DATA / "feedback_en.csv", "--lang", "sv")
    assert sv.exit_code == 0, sv.stderr
    assert "Svar (endast med kontaktuppgifter), löfte 14 dagar" in sv.stdout
    own = cli("feedback", DATA / "feedback_en.csv", "--lang", "sv", "--promise", "2 Veckor")
    assert "löfte 2 Veckor" in own.stdout  # already Swedish: kept as written
    en = cli("feedback", DATA / "feedback_en.csv", "--lang", "en", "--promise", "1 arbetsdag")
    assert "Replies (contact details given only), promise 1 working day" in en.stdout


def test_feedback_date_column_in_an_unread_form_is_an_error(cli, tmp_path: Path) -> None:
    """Every answer date as dd.mm.yyyy text: refused, not 1,857 items silently dropped."""
    sample = pd.read_excel(SAMPLES / "synpunkter_2023_2024.xlsx", engine="openpyxl")
    sample["besvarad"] = pd.to_datetime(sample["besvarad"]).dt.strftime("%d.%m.%Y")
    path = tmp_path / "synpunkter_punkter.xlsx"
    sample.to_excel(path, sheet_name="Synpunkter", index=False, engine="openpyxl")
    one_line_error(
        cli("feedback", path),
        1,
        "synpunkter_punkter.xlsx, sheet 'Synpunkter', row 2, column 'besvarad'",
        "'04.01.2023' is not a readable date",
        "(1857 of 1857 non-blank)",
        "expected ISO dates yyyy-mm-dd (2024-03-05)",
    )
    one_line_error(
        cli("feedback", DATA / "feedback_dotted_dates.csv"),
        1,
        "feedback_dotted_dates.csv, row 2, column 'Answered'",
        "'05.01.2024'",
        "(3 of 4 non-blank)",
    )


def test_feedback_output_file_and_exclusions(cli, tmp_path: Path) -> None:
    out, ex = tmp_path / "fb.json", tmp_path / "ex.csv"
    args = ("feedback", DATA / "feedback_en.csv", "-o", out, "--excluded", ex)
    assert cli(*args).exit_code == 0
    first = out.read_bytes()
    assert cli(*args).exit_code == 0 and out.read_bytes() == first
    assert json.loads(first)["n_items"] == 8
    assert ex.read_text("utf-8").splitlines()[1:3] == [
        "feedback_en.csv,,7,ID,F5,duplicate",
        "feedback_en.csv,,8,Answered,2024-01-08,end_before_start",
    ]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["ex.csv", "fb.json"]
    strict = cli("feedback", DATA / "feedback_en.csv", "--strict")
    one_line_error(strict, 1, "feedback_en.csv, row 7, column 'ID'")


@pytest.mark.parametrize(
    ("args", "code", "parts"),
    [
        (["feedback_empty.csv"], 1, ["feedback_empty.csv: file is empty"]),
        (["feedback_header_only.csv"], 1, ["has a header (row 1) but no data rows"]),
        (["feedback_missing_columns.csv"], 1, ["missing column(s): unit", "contact_given"]),
        (["feedback_duplicate_columns.csv"], 1, ["column 'inkommen' appears 2 times"]),
        (["feedback_corrupt.xlsx"], 1, ["feedback_corrupt.xlsx: is not a readable spreadsheet"]),
        (["nothing_here.csv"], 2, ["nothing_here.csv: file not found"]),
        (["feedback_en.csv", "--promise", "snart"], 2, ["--promise: cannot read the time limit"]),
        (["feedback_en.csv", "--as-of", "31/1/2024"], 2, ["Invalid value for '--as-of'"]),
        (["feedback_en.csv", "--period", "week"], 2, ["Invalid value for '--period'"]),
        (["feedback_en.csv", "-o", "feedback_en.csv"], 2, ["is an input file"]),
    ],
)
def test_feedback_bad_input(cli, args: list[str], code: int, parts: list[str]) -> None:
    paths = [str(DATA / a) if a.endswith((".csv", ".xlsx")) else a for a in args]
    one_line_error(cli("feedback", *paths), code, *parts)


def test_feedback_wrong_sheet(cli) -> None:
    r = cli("feedback", SAMPLES / "synpunkter_2023_2024.xlsx", "--sheet", "Blad1")
    one_line_error(r, 2, "no sheet 'Blad1'; the workbook has 'Synpunkter'")


def test_feedback_all_anonymous_says_so_instead_of_an_empty_table(cli, tmp_path: Path) -> None:
    frame = pd.read_csv(DATA / "feedback_en.csv")
    frame["Contact given"] = "no"
    path = tmp_path / "anonymous.csv"
    frame.to_csv(path, index=False)
    en = cli("feedback", path, "--lang", "en")
    assert en.exit_code == 0, en.stderr
    assert "No items with contact details: no reply times by unit." in en.stdout
    assert "Replies by unit" not in en.stdout
    sv = cli("feedback", path, "--lang", "sv", "-f", "markdown")
    assert sv.exit_code == 0, sv.stderr
    assert "Inga synpunkter med kontaktuppgifter" in sv.stdout
    assert "Svar per förvaltning" not in sv.stdout


# --------------------------------------------------------------------------------------------
# one computation per measure (issue #9): kpi, feedback and the report agree
# --------------------------------------------------------------------------------------------


def _reply_kpi(cli, config: Path) -> dict:
    r = cli("kpi", config, "--as-of", "2024-12-31", "--format", "json")
    assert r.exit_code == 0, r.stderr
    return next(k for k in json.loads(r.stdout)["kpis"] if k["name"].startswith("Synpunkter"))


def test_kpi_on_the_register_cleans_as_feedback_does(cli, tmp_path: Path) -> None:
    r = cli("feedback", SAMPLES / "synpunkter_2023_2024.xlsx", "--as-of", "2024-12-31",
            "--format", "json")  # fmt: skip
    assert r.exit_code == 0, r.stderr
    register = json.loads(r.stdout)
    reply = register["reply"]
    kpi = _reply_kpi(cli, SAMPLES / "kpi.toml")
    # the KPI pools 2023-2024 like the register's reply figures and both measure only the
    # items that had the whole 14 days before as_of (equal follow-up, review 3 finding 3 and
    # review 4 finding 10): one share for one promise, 2024 824 of 984 in both
    assert reply["n_decided"] == 1951 == kpi["pooled"]["n"]
    assert (reply["n_too_recent"], reply["n_too_recent_open"]) == (21, 10)
    share = next(t for t in register["trend"] if t["measure"] == "reply_within_promise")
    assert (share["n"], round(share["value"], 4)) == (984, round(kpi["value"], 4))
    assert kpi["follow_up"]["n_kept"] == 984 and kpi["follow_up"]["n_open_left_out"] == 10
    # the rows the register drops are counted and shown with its reasons; the register's 3
    # closing dates before receipt drop only those cells (the KPI measures the answer date)
    assert register["excluded"] == {"duplicate": 1, "end_before_start": 3}
    assert kpi["excluded"] == {"duplicate": 1}
    # the report's KPI and register sections show the same (tests/report/test_parts.py too)
    from servqual_cli.report.build import build_report
    from servqual_cli.report.config import load_config
    from servqual_cli.report.spec import Glance

    doc = build_report(load_config(SAMPLES / "report_lekeberg.toml"))
    rows = next(b.rows for s in doc.sections for b in s.blocks if isinstance(b, Glance))
    row = next(x for x in rows if x.name.startswith("Synpunkter"))
    assert (row.n, row.value) == (kpi["n"], pytest.approx(kpi["value"], abs=1e-12))
    # register = "none" measures every row: the duplicate id is counted twice (a different n)
    text = (SAMPLES / "kpi.toml").read_text(encoding="utf-8")
    own = text.replace('by = "förvaltning"\n', 'by = "förvaltning"\nregister = "none"\n', 1)
    own = own.replace('data = "', f'data = "{SAMPLES.as_posix()}/')
    (tmp_path / "kpi.toml").write_text(own, encoding="utf-8")
    raw = _reply_kpi(cli, tmp_path / "kpi.toml")
    assert raw["register"] == "none" and raw["pooled"]["n"] > kpi["pooled"]["n"]
    assert "duplicate" not in raw["excluded"]


def test_kpi_as_of_before_every_case_is_an_error(cli, tmp_path: Path) -> None:
    """Review 4 finding 9: --as-of before the data gave exit 0, n 0 rows and verdicts on later
    data; now one line naming the file, column, KPI and the first date (or year: the sample's
    first KPI takes its period from the file's column år)."""
    r = cli("kpi", SAMPLES / "kpi.toml", "--as-of", "2019-01-01")
    one_line_error(r, 1, "servicematning_2020.xlsx, column 'år'", "'Telefon: når en person'",
                   "is from 2019 or before (the first is from 2020)", "2019-01-01")  # fmt: skip
    data = json.dumps((SAMPLES / "servicematning_2020.xlsx").as_posix())
    (tmp_path / "k.toml").write_text(
        f'[[kpi]]\nname = "E-post besvaras inom en arbetsdag"\naspect = "väntetid"\n'
        f'data = {data}\nfilter = {{ kanal = "e-post" }}\nstart = "skickad"\n'
        'end = "besvarad"\nlimit = "1 working day"\ntarget = 0.90\n',
        encoding="utf-8",
    )
    r = cli("kpi", tmp_path / "k.toml", "--as-of", "2019-01-01")
    one_line_error(r, 1, "servicematning_2020.xlsx, column 'skickad'",
                   "'E-post besvaras inom en arbetsdag'", "2019-01-01", "2020-09-02")  # fmt: skip


def test_kpi_without_a_date_column_says_as_of_does_not_apply(cli, data_dir: Path) -> None:
    r = cli("kpi", data_dir / "kpi_cases.toml", "--as-of", "2024-12-31", "-f", "markdown")
    assert r.exit_code == 0, r.stderr
    flat = " ".join(r.stdout.split())
    assert "all rows of the file, whatever the as-of date" in flat
