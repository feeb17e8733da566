"""Trend totals over a changed mix of areas are named, with like-for-like totals (review 16
finding 2).

``trend_mix_2020.csv`` / ``trend_mix_2021.csv``: the sample test-call logs where bygglov has 7
e-mails and 7 calls in 2020 but no e-mail and 2 calls in 2021 (the reviewer's
/tmp/r16/kontakter_*.csv). The 2020 e-mail total includes bygglov (43/53 within a working day,
81,1 %) and 2021's does not (39/47); like for like 2020 is 39/46 = 84,8 % (the reviewer's pandas
recount), a fall of 1,8 points where the ordinary total shows a rise of 1,8.
"""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest


@pytest.fixture
def files(data_dir: Path) -> tuple[Path, Path]:
    return data_dir / "trend_mix_2020.csv", data_dir / "trend_mix_2021.csv"


def _row(rows: list[dict], kpi: str) -> dict:
    return next(r for r in rows if r["kpi"] == kpi and r["area"] == "ALL")


def test_json_names_the_mix_and_gives_like_for_like_totals(cli, files, tmp_path: Path) -> None:
    r = cli("trend", *files, "--format", "json")
    assert r.exit_code == 0, r.stderr
    d = json.loads(r.stdout)
    mix = {(a["channel"], a["area"]): (a["n_before"], a["n_after"], a["absent"])
           for a in d["area_mix"]["areas"]}  # fmt: skip
    assert mix == {("phone", "bygglov"): (7, 2, False), ("email", "bygglov"): (7, 0, True)}
    assert any("bygglov: phone 7 → 2, e-mail 7 → 0" in w for w in d["warnings"])
    ordinary = _row(d["comparisons"], "email_within_1_working_day")
    same = _row(d["totals_like_for_like"], "email_within_1_working_day")
    assert ordinary["diff"] == pytest.approx(0.0181, abs=5e-4)  # the misleading +1,8
    assert (same["n_before"], same["before"]) == (46, pytest.approx(39 / 46))
    assert same["diff"] == pytest.approx(-0.018, abs=5e-4)
    # review 18 finding 13: the halved phone area is left out too (one rule with the overview)
    phone = _row(d["totals_like_for_like"], "phone_reached")
    assert (phone["n_before"], phone["n_after"]) == (47, 47)
    assert (phone["before"], phone["after"]) == (pytest.approx(39 / 47), pytest.approx(28 / 47))
    # reference: the ordinary totals on the files without bygglov's e-mails and calls (every
    # area and channel the mix names; pandas) are the like-for-like ones, p and all
    cut = []
    for path in files:
        frame = pd.read_csv(path, sep=";", dtype=str, keep_default_na=False)
        keep = ~(frame["område"].eq("bygglov") & frame["kanal"].isin(["e-post", "telefon"]))
        out = tmp_path / path.name
        frame[keep].to_csv(out, sep=";", index=False)
        cut.append(out)
    ref = json.loads(cli("trend", *cut, "--format", "json").stdout)
    kpis = ("email_within_1_working_day", "email_response_hours_median", "phone_reached",
            "phone_answered_question", "treatment_index")  # fmt: skip
    for kpi in kpis:
        mine, theirs = _row(d["totals_like_for_like"], kpi), _row(ref["comparisons"], kpi)
        for key in ("before", "after", "diff", "p", "p_adjusted", "n_before", "n_after"):
            assert mine[key] == pytest.approx(theirs[key]), (kpi, key)


def test_terminal_sv_and_en_say_it_under_the_totals(cli, files) -> None:
    sv = cli("trend", *files, "--lang", "sv")
    assert sv.exit_code == 0, sv.stderr
    text = " ".join(sv.stdout.split())
    assert ("Totalerna (alla områden) bygger på olika områden åren 2020 och 2021: bygglov: "
            "telefon 7 → 2, e-post 7 → 0") in text  # fmt: skip
    totals = text.index("Förändring, alla områden 2020 → 2021")
    same = text.index("Förändring, samma områden båda åren 2020 → 2021")
    assert totals < text.index("bygger på olika områden") < same < text.index("per område")
    assert "84,8" in text[same:]  # 39/46 like for like
    # review 18 finding 13: the phone row without the halved area, as the report's overview
    phone = text[same:].split("Telefon: når en")[1][:60].split()
    assert phone[:3] == ["│", "83,0", "│"] and "59,6" in phone
    en = " ".join(cli("trend", *files).stdout.split())
    assert "The totals (all areas) are built on different areas in 2020 and 2021" in en
    assert "Change, the same areas both years 2020 → 2021" in en


def test_csv_has_the_like_for_like_rows(cli, files) -> None:
    r = cli("trend", *files, "--format", "csv")
    assert r.exit_code == 0, r.stderr
    frame = pd.read_csv(pd.io.common.StringIO(r.stdout))
    same = frame[frame["table"].eq("trend_same_areas")].set_index("kpi")
    assert same.loc["email_within_1_working_day", "before"] == pytest.approx(39 / 46)


def test_same_areas_both_years_add_nothing(cli, samples_dir: Path) -> None:
    r = cli("trend", samples_dir / "servicematning_2019.xlsx",
            samples_dir / "servicematning_2020.xlsx", "--format", "json")  # fmt: skip
    d = json.loads(r.stdout)
    assert d["area_mix"]["areas"] == [] and d["totals_like_for_like"] == []
    assert not any("different areas" in w for w in d["warnings"])


def test_report_names_the_mix_in_the_overview_and_the_summary(cli, data_dir, tmp_path) -> None:
    out = tmp_path / "rep"
    r = cli("report", data_dir / "trend_mix_report.toml", "-o", out)
    assert r.exit_code == 0, r.stderr
    md = (out / "report.md").read_text(encoding="utf-8")
    overview = md[md.index("## Resultat i korthet") : md.index("## Sammanfattning")]
    row = next(line for line in overview.splitlines()
               if line.startswith("| E-post: svar inom 1 arbetsdag"))  # fmt: skip
    assert "+1,8 procentenheter" in row  # the ordinary total, kept
    assert ("Totalen bygger på olika områden de två åren (bygglov: e-post 7 → 0); med samma "
            "områden båda åren 84,8 → 83,0, förändring −1,8") in row  # fmt: skip
    hours = next(line for line in overview.splitlines()
                 if line.startswith("| E-post: svarstid"))  # fmt: skip
    # a time's change is the shift, named so beside the medians (not "förändring")
    assert "båda åren medianen 11,2 → 19,4, typisk förskjutning +0,7" in hours
    summary = md[md.index("## Sammanfattning") :]
    assert "Totalerna (alla områden) bygger på olika områden åren 2020 och 2021" in summary
    assert "Förändring, samma områden båda åren 2020 → 2021" in md
    en = cli("report", data_dir / "trend_mix_report.toml", "-o", tmp_path / "en", "--lang", "en")
    assert en.exit_code == 0, en.stderr
    text = (tmp_path / "en" / "report.md").read_text(encoding="utf-8")
    assert "with the same areas both years 84.8 → 83.0, change -1.8" in text


def test_series_over_three_years_names_the_mix(cli, data_dir: Path) -> None:
    three = [data_dir / f"trend_mix_{year}.csv" for year in (2019, 2020, 2021)]
    d = json.loads(cli("trend", *three, "--format", "json").stdout)
    mix = {(a["channel"], a["area"]): a["counts"] for a in d["series"]["area_mix"]}
    assert mix == {("phone", "bygglov"): [7, 7, 2], ("email", "bygglov"): [7, 7, 0]}
    assert any(w.startswith("The trend over all years rests on totals over different areas")
               for w in d["warnings"])  # fmt: skip
    sv = " ".join(cli("trend", *three, "--lang", "sv").stdout.split())
    assert ("Trenden över alla år bygger på totaler över olika områden: bygglov: telefon "
            "7 → 7 → 2, e-post 7 → 7 → 0 (kontakter 2019 → 2020 → 2021)") in sv  # fmt: skip


def test_series_warning_says_the_same_in_english_and_swedish(cli, data_dir: Path) -> None:
    """Closing 17: the English series sentence told the reader to read the areas' values first
    while the Swedish said that the total's trend mixes two changes; both now say the latter
    (words in report/trend_mix_words.py, not in the section module)."""
    three = [data_dir / f"trend_mix_{year}.csv" for year in (2019, 2020, 2021)]
    en = " ".join(cli("trend", *three, "--lang", "en").stdout.split())
    sv = " ".join(cli("trend", *three, "--lang", "sv").stdout.split())
    assert ("(contacts 2019 → 2020 → 2021); the total's trend mixes a change of level with a "
            "change of which areas it contains.") in en  # fmt: skip
    assert ("(kontakter 2019 → 2020 → 2021); totalens trend blandar en förändring av nivån med "
            "en förändring av vilka områden som ingår.") in sv  # fmt: skip
    assert "Read the areas' own values" not in en


@pytest.fixture(scope="module")
def mix_report(tmp_path_factory: pytest.TempPathFactory) -> str:
    """The report's Markdown on the two years (written once for the tests below)."""
    from servqual_cli.cli.main import main

    out = tmp_path_factory.mktemp("mix") / "rep"
    data = Path(__file__).parents[1] / "data"
    assert main(["report", str(data / "trend_mix_report.toml"), "-o", str(out)]) == 0
    return " ".join((out / "report.md").read_text(encoding="utf-8").replace("\xa0", " ").split())


def test_report_lead_marks_an_area_on_few_contacts(mix_report: str) -> None:
    """Review 17 finding 14: the lead and the overview's cell named förskola's worse phone
    reach on 7 contacts a year without the small base its area table marks; the mark is the
    core's (compare_kpis' small_base, either year under min_n 30), as the SERVQUAL lead's."""
    lead = mix_report[mix_report.index("## Resultat i korthet") : mix_report.index("| Mått |")]
    # review 18 finding 2: 7/7 → 0/7 is no longer "sämre" (Fisher's exact test, Holm 0,060)
    assert "Sämre 2020 → 2021 i förskola" not in lead
    assert "Inget mått har en påvisbar försämring mot föregående period." in lead
    overview = mix_report[mix_report.index("| Mått |") : mix_report.index("## Sammanfattning")]
    assert "Sämre än föregående period i förskola" not in overview
    assert "i förskola (0,0 %, n = 7)" not in mix_report


def test_report_gives_the_phone_total_without_the_halved_area(mix_report: str) -> None:
    """Review 17 finding 14: bygglov's calls fell 7 → 2, so the phone total weighs the areas
    differently, and the note said so without a figure (the e-mail rows had one). Bygglov was
    measured both years, so the figure is the total without bygglov in either year; recounted
    here with pandas from the two contact files."""
    data = Path(__file__).parents[1] / "data"
    phone = [
        pd.read_csv(data / f"trend_mix_{y}.csv", sep=";").query(
            "kanal == 'telefon' and område != 'bygglov'"
        )
        for y in (2020, 2021)
    ]
    share = [100 * p["nådd"].eq("ja").mean() for p in phone]
    before, after = (f"{v:.1f}".replace(".", ",") for v in share)
    assert (before, after) == ("83,0", "59,6")  # 39/47 and 28/47
    row = mix_report.split(" | Telefon: når en person | ")[1]  # the overview's row onwards
    assert (
        "Antalet kontakter skiljer sig kraftigt mellan åren (bygglov: telefon 7 → 2): totalen "
        f"väger områdena olika; utan bygglov båda åren {before} → {after}, förändring −23,4 "
        "(p efter Holm 0,170, ingen påvisbar förändring)"
    ) in row
    assert [p["väntetid_s"].median() for p in phone] == [56.0, 73.5]  # calls that got through
    waits = mix_report.split(" | Telefon: väntetid, median (s) | ")[1]
    assert "utan bygglov båda åren medianen 56,0 → 73,5, typisk förskjutning +20,0" in waits


def test_same_areas_table_and_overview_follow_one_rule(mix_report: str) -> None:
    """Review 18 finding 13: the overview quoted 83,0 → 59,6 (without bygglov's halved calls)
    while the "samma områden båda åren" table kept them (79,6 → 61,2, the ordinary total). The
    table leaves out every area and channel the warning names; the overview quotes its row,
    p after Holm and all."""
    table = mix_report[mix_report.index("Förändring, samma områden båda åren 2020 → 2021 |") :]
    row = table.split("| Telefon: når en person |")[1].split("|")[:9]
    assert [c.strip() for c in row] == ["83,0", "59,6", "–", "−23,4", "−40,4", "−5,2", "0,170",
                                        "47", "47"]  # fmt: skip
    assert (
        "Totalerna utan de områden och kanaler som nämns (bygglov: telefon 7 → 2, e-post 7 → 0)"
        in table
    )
    assert "79,6 | 61,2" not in table[: table.index("Tabell")]
    overview = mix_report[mix_report.index("| Mått |") : mix_report.index("## Sammanfattning")]
    assert "utan bygglov båda åren 83,0 → 59,6, förändring −23,4 (p efter Holm 0,170," in overview


def test_area_share_on_few_contacts_takes_the_exact_test(cli, files) -> None:
    """Review 18 finding 2: förskola's phone reach 7/7 → 0/7 (expected counts 3,5) by the score
    test read "sämre" at Holm 0,019; Fisher's exact test (R fisher.test, tests/core/r/
    trend_cochran.json) gives 0,000583 × 103 = 0,060. The JSON names the test per row."""
    import json as _json

    ref = _json.loads((Path(__file__).parents[1] / "core" / "r" / "trend_cochran.json").read_text())
    d = json.loads(cli("trend", *files, "--format", "json").stdout)
    row = next(r for r in d["comparisons"]
               if r["kpi"] == "phone_reached" and r["area"] == "förskola")  # fmt: skip
    assert row["test"] == "fisher"
    assert row["p"] == pytest.approx(ref["cases"][0]["fisher_p"], rel=1e-9)
    assert row["p_adjusted"] == pytest.approx(ref["holm_103"]["fisher"], rel=1e-9)
    assert row["verdict"] == "no detectable change"
    total = next(r for r in d["comparisons"] if r["kpi"] == "phone_reached" and r["area"] == "ALL")
    assert total["test"] == "score"  # expected counts far above 5
    sv = " ".join(cli("trend", *files, "--lang", "sv").stdout.split())
    assert "Fishers exakta test där ett förväntat antal är under 5, Cochrans regel" in sv
