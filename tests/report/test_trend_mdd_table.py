"""The trend's minimum detectable changes as one sentence and a table (review 9 finding 10: 14
near-identical 60-word paragraphs that differed only in six numbers), and a threshold beyond the
room a share has in the direction it moved worded, not shown as a number (session 12, k-mdd)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from servqual_cli.core.contacts import ALL
from servqual_cli.core.trend import compare_kpis
from servqual_cli.report.measurement_trend import mdd_table, trend_sections
from servqual_cli.report.spec import Document, Table, Text

SAMPLES = Path(__file__).parent.parent.parent / "data" / "samples"


@pytest.fixture(scope="module")
def sample() -> pd.DataFrame:
    from servqual_cli.core.contacts import kpi_observations
    from servqual_cli.io.contacts import load_contacts
    from servqual_cli.io.read import read_table

    years = [kpi_observations(load_contacts(read_table(SAMPLES / f"servicematning_{y}.xlsx"))
                              .frame, keys=()) for y in (2019, 2020)]  # fmt: skip
    return compare_kpis(*years)


def _share(k1: int, n1: int, k2: int, n2: int, adjust: str = "none") -> pd.DataFrame:
    def year(k: int, n: int) -> pd.DataFrame:
        return pd.DataFrame({"channel": "phone", "area": ALL, "kpi": "phone_reached",
                             "x": [1.0] * k + [0.0] * (n - k)})  # fmt: skip

    return compare_kpis(year(k1, n1), year(k2, n2), adjust=adjust)


def test_every_number_is_the_cores_in_display_units(sample: pd.DataFrame) -> None:
    """N, C and C unadjusted are the core's mdd, critical, critical_unadjusted (x 100 for shares
    and the index, seconds and hours as they are), n before and after its counts: nothing the
    paragraphs carried is lost, the one flagged cell aside (its number is in the JSON)."""
    text, table = mdd_table(sample, "en", 0.8, 0.95, "holm", "2019 → 2020")
    assert isinstance(text, Text) and text.text.count(". ") == 0  # one sentence
    assert table.title == "Minimum detectable change N and threshold C, all areas 2019 → 2020"
    total = sample[sample["area"].eq(ALL)]
    assert len(table.frame) == len(total) == 14
    frame = table.frame.set_index("KPI")
    units = total["kpi"].map(lambda k: 1.0 if "median" in k else 100.0).to_numpy()
    from servqual_cli.report.measurement_tables import kpi_names

    names = kpi_names(total, "en").tolist()
    heads = {"mdd": "MDD N, 80% power (Holm)", "critical": "Threshold C, 5% (Holm)",
             "critical_unadjusted": "Threshold C, 5% (unadjusted)"}  # fmt: skip
    for column, head in heads.items():
        got = frame.loc[names, head].to_numpy(dtype=object)
        want = total[column].to_numpy(dtype=float) * units
        flagged = (total[f"{column}_beyond_room"].to_numpy(dtype=bool) if column != "mdd"
                   else np.zeros(len(total), dtype=bool))  # fmt: skip
        assert all(isinstance(g, str) for g in got[flagged])
        assert np.allclose(got[~flagged].astype(float), want[~flagged], rtol=1e-12)
    assert frame.loc[names, "n before"].tolist() == total["n_before"].tolist()
    assert frame.loc[names, "n after"].tolist() == total["n_after"].tolist()
    assert table.formats["MDD N, 80% power (Holm)"] == ".1f"


def test_the_flagged_share_says_no_rise_and_how_much_is_possible(sample: pd.DataFrame) -> None:
    """Good-or-better by phone, 38/45 = 84,4 % and rising: at most 15,6 pp (7/45) possible."""
    for lang, name, words in (
        ("sv", "Gott bemötande (god eller mycket god), telefon",
         "ingen ökning kan skiljas från slumpen (högst 15,6 procentenheter möjligt)"),
        ("en", "Good or very good courtesy, phone",
         "no rise can be told from chance (at most 15.6 percentage points possible)"),
    ):  # fmt: skip
        frame = mdd_table(sample, lang, 0.8, 0.95)[1].frame
        row = frame[frame.iloc[:, 0].eq(name)].iloc[0]
        assert row.iloc[2] == words
        assert row.iloc[3] == pytest.approx(15.18, abs=0.01)  # unadjusted: a number
        assert sum(isinstance(v, str) for v in frame.iloc[:, 1:4].to_numpy().ravel()) == 1


def test_a_fall_beyond_the_room_and_both_columns() -> None:
    """1/8 -> 0/8 falls: at most 12,5 pp down is possible and no fall reaches 5 % (statsmodels
    p of 1/8 against 0/8 is 0,30); under Holm with a second total both thresholds are words."""
    frame = mdd_table(_share(1, 8, 0, 8), "sv", 0.8, 0.95, "none")[1].frame
    assert list(frame.columns) == ["Nyckeltal", "Minsta påvisbara N, 80\u00a0% styrka",
                                   "Tröskel C, 5\u00a0%", "n före", "n efter"]  # fmt: skip
    assert frame.iloc[0, 2] == (
        "ingen minskning kan skiljas från slumpen (högst 12,5 procentenheter möjligt)"
    )
    two = pd.concat([_share(1, 8, 0, 8), _share(4, 8, 8, 8).assign(kpi="phone_answered_question")])
    en = mdd_table(two, "en", 0.8, 0.95, "holm")[1].frame
    fall = en[en["KPI"].eq("Phone: reached a person")].iloc[0]
    assert (
        fall.iloc[2]
        == fall.iloc[3]
        == ("no fall can be told from chance (at most 12.5 percentage points possible)")
    )


def test_headings_name_the_power_and_the_level() -> None:
    """--conf 0.9 and power 0.9: "90 % styrka", "10 %" (as interval headings name theirs)."""
    text, table = mdd_table(_share(30, 60, 40, 60), "sv", 0.9, 0.9, "holm")
    assert list(table.frame.columns)[1:4] == ["Minsta påvisbara N, 90\u00a0% styrka (Holm)",
                                              "Tröskel C, 10\u00a0% (Holm)",
                                              "Tröskel C, 10\u00a0% (ojusterad)"]  # fmt: skip
    assert "med 90\u00a0% sannolikhet" in text.text and "vid 10\u00a0% signifikansnivå" in text.text
    assert "ungefär" in text.text and "Holm-justeringen över de 1 totalerna" in text.text


def test_the_section_is_a_sentence_and_a_table_and_excel_keeps_numbers(
    sample: pd.DataFrame,
) -> None:
    sections = trend_sections(sample, "2019", "2020", "sv")
    mdd = sections[-1]
    assert mdd.title == "Minsta påvisbara förändring"
    assert [type(b) for b in mdd.blocks] == [Text, Table]
    from servqual_cli.report.excel import build_workbook

    wb = build_workbook(Document("t", tuple(sections), {"lang": "sv"}))
    ws = wb["Minsta påvisbara"]
    rows = list(ws.iter_rows(min_row=3, max_row=16, values_only=True))
    good = next(r for r in rows if str(r[0]).startswith("Gott bemötande") and "telefon" in r[0])
    assert isinstance(good[1], float) and isinstance(good[3], float)
    assert good[2].startswith("ingen ökning kan skiljas från slumpen")
    assert all(isinstance(r[1], float) for r in rows)
