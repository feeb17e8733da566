"""Reading contact files and Kolada tables: roles, values, exclusions and errors."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from servqual_cli.errors import DataError, UsageError
from servqual_cli.io.contacts import load_contacts
from servqual_cli.io.kolada import is_kolada_table, load_kolada
from servqual_cli.io.read import RawTable, read_table

SAMPLES = Path(__file__).parent.parent.parent / "data" / "samples"
KPIS = ["phone_reached", "email_within_1_working_day", "treatment_index"]


def raw(frame: dict[str, list[object]], source: str = "t.csv") -> RawTable:
    data = pd.DataFrame(frame, dtype=object)
    return RawTable(data, source, None, 1, np.arange(2, len(data) + 2), "")


def test_sample_2019_roles_and_the_kanske_cell() -> None:
    data = load_contacts(read_table(SAMPLES / "servicematning_2019.xlsx"))
    assert data.roles["channel"] == "kanal" and data.roles["treatment"] == "bemötande"
    assert len(data.frame) == 108 and data.years == [2019] and data.municipalities == ["Lekeberg"]
    assert data.excluded == {"unparseable": 1}
    cell = data.exclusions.iloc[0]
    assert (cell["row"], cell["column"], cell["value"]) == (17, "nådd", "kanske")
    frame = data.frame
    assert frame["channel"].value_counts().to_dict() == {"phone": 54, "email": 54}
    # Only the bad cell is lost: the call still counts for svar på frågan.
    kanske = frame[frame["row"].eq(17)].iloc[0]
    assert np.isnan(kanske["reached"]) and kanske["answered_question"] == "no"
    assert kanske["wait_seconds"] > 0 and kanske["treatment"] >= 0


def test_sample_2020_okant_leaves_the_email_out_of_timing_only() -> None:
    data = load_contacts(read_table(SAMPLES / "servicematning_2020.xlsx"))
    assert data.excluded == {"invalid_date": 1}
    cell = data.exclusions.iloc[0]
    assert (cell["row"], cell["column"], cell["value"]) == (76, "besvarad", "okänt")
    row = data.frame[data.frame["row"].eq(76)].iloc[0]
    assert not row["timing_valid"] and row["answered_question"] is not None
    email = data.frame[data.frame["channel"].eq("email")]
    assert int(email["timing_valid"].sum()) == 53
    assert int(email["answered_at"].isna().sum()) == 3  # 2 never answered + the okänt one


def test_strict_names_file_row_and_column() -> None:
    with pytest.raises(DataError, match=r"row 17, column 'nådd'.*kanske"):
        load_contacts(read_table(SAMPLES / "servicematning_2019.xlsx"), strict=True)


def test_swedish_excel_csv(data_dir: Path) -> None:
    data = load_contacts(read_table(data_dir / "contacts_sv.csv"))
    f = data.frame
    assert data.excluded == {}
    assert f["area"].tolist()[:2] == ["bygglov", "bygglov"]  # "Bygglov" folded to first spelling
    assert f["channel"].tolist() == ["phone"] * 3 + ["email"] * 3
    assert f.loc[0, "wait_seconds"] == 84.0
    assert f.loc[2, "wait_seconds"] == 84.0  # "1:24" is 84 seconds
    assert np.isnan(f.loc[1, "wait_seconds"])  # unreached: blank by design, not logged
    assert f.loc[0, "sent_at"] == pd.Timestamp("2020-09-02 08:10")  # "08.10"
    assert f["answered_question"].tolist() == ["yes", "no", "partly", "yes", "no", "yes"]
    assert f.loc[0, "treatment"] == 3.0 and np.isnan(f.loc[1, "treatment"])


def test_english_names_and_values(data_dir: Path) -> None:
    data = load_contacts(read_table(data_dir / "contacts_years.csv"))
    assert data.years == [2019, 2020] and data.roles["sent_at"] == "sent_at"
    assert set(data.frame["reached"].dropna()) <= {0.0, 1.0}
    assert data.frame["treatment"].dropna().between(0, 3).all()


def test_year_option(data_dir: Path) -> None:
    only = load_contacts(read_table(data_dir / "contacts_years.csv"), year=2020)
    assert only.years == [2020] and len(only.frame) == 20
    assigned = load_contacts(read_table(data_dir / "contacts_2019.csv"), year=2019)
    assert assigned.years == [2019]
    with pytest.raises(UsageError, match="no rows for year 2018"):
        load_contacts(read_table(data_dir / "contacts_years.csv"), year=2018)


def test_municipality_option() -> None:
    table = read_table(SAMPLES / "servicematning_jamforelse_2020.xlsx")
    data = load_contacts(table, municipality="karlstad")
    assert data.municipalities == ["Karlstad"] and len(data.frame) == 108
    with pytest.raises(UsageError, match="no rows for municipality 'Atlantis'"):
        load_contacts(table, municipality="Atlantis")


def test_bad_values_are_excluded_with_reasons() -> None:
    t = raw({
        "kanal": ["telefon", "telefon", "brev", "e-post", "e-post", "telefon"],
        "skickad": ["2024-05-31 15:00", "2024-05-31 15:00", "2024-05-31 15:00",
                    "2024-05-31 15:00", "2024-05-31 15:00", None],
        "besvarad": [None, None, None, "2024-05-31 14:00", "2024-06-03 10:00", None],
        "nådd": ["ja", "kanske", "ja", None, None, "ja"],
        "väntetid_s": ["-5", "30", None, None, None, None],
        "svar_på_frågan": ["ja", "ja", "ja", "ja", "vet inte", "ja"],
        "bemötande": ["god", "utmärkt", "god", "god", "god", None],
    })  # fmt: skip
    data = load_contacts(t)
    log = data.exclusions.set_index(["row", "column"])["reason"].to_dict()
    assert log == {
        (2, "väntetid_s"): "out_of_range",
        (3, "nådd"): "unparseable",
        (3, "bemötande"): "unparseable",
        (4, "kanal"): "unparseable",  # "brev" is no channel: the row is left out
        (5, "besvarad"): "end_before_start",
        (6, "svar_på_frågan"): "unparseable",
        (7, "väntetid_s"): "blank",  # a reached call should have a queue time
        (7, "bemötande"): "blank",  # and a rating
    }
    assert data.frame["row"].tolist() == [2, 3, 5, 6, 7]
    timing = data.frame.set_index("row")["timing_valid"]
    assert timing.to_dict() == {2: False, 3: False, 5: False, 6: True, 7: False}


def test_missing_send_time_of_a_call_is_not_an_exclusion() -> None:
    t = raw({"kanal": ["telefon", "e-post"], "skickad": [None, None],
             "besvarad": [None, "2024-06-03 10:00"], "svar_på_frågan": ["ja", "ja"]})  # fmt: skip
    data = load_contacts(t)
    assert data.exclusions[["row", "column", "reason"]].values.tolist() == [
        [3, "skickad", "blank"]]  # fmt: skip


@pytest.mark.parametrize(
    "frame, message",
    [
        ({"år": [2020], "område": ["a"]}, r"missing column\(s\): channel"),
        ({"kanal": ["telefon"], "område": ["a"]}, "no KPI column"),
        ({"kanal": ["e-post"], "besvarad": ["2020-01-02"]}, "no sent_at"),
        ({"kanal": ["x", "y"], "svar_på_frågan": ["ja", "ja"]},
         "no value in this column is a channel"),
        ({"kanal": ["telefon"], "nådd": ["kanske"]}, "no value in this column is ja or nej"),
        ({"kanal": ["e-post"] * 2, "skickad": ["snart", "igår"], "svar_på_frågan": ["ja"] * 2},
         r"row 2, column 'skickad': no value in this column is a date"),
    ],
)  # fmt: skip
def test_unusable_files_are_errors(frame: dict[str, list[object]], message: str) -> None:
    with pytest.raises(DataError, match=message):
        load_contacts(raw(frame))


def test_two_columns_for_one_role(data_dir: Path) -> None:
    with pytest.raises(DataError, match="'channel' and 'kanal' both look like the channel"):
        load_contacts(read_table(data_dir / "contacts_two_channel_columns.csv"))
    with pytest.raises(DataError, match="appears 2 times"):
        load_contacts(read_table(data_dir / "contacts_duplicate_columns.csv"))


# ---- Kolada -------------------------------------------------------------------------------------


def test_kolada_sample() -> None:
    table = read_table(SAMPLES / "kolada_servicematning.csv")
    assert is_kolada_table(table.columns, table.source, None)
    k = load_kolada(table, KPIS, percent=KPIS)
    f = k.frame
    assert len(f) == 3 * 30 * 2 and k.ignored_kpis == ("U07452", "U07454")
    assert "0180" in set(f["municipality_id"])  # leading zero kept
    lek = f[f["municipality_id"].eq("1814") & f["period"].eq(2020)].set_index("kpi")["value"]
    assert lek["phone_reached"] == pytest.approx(0.796)
    assert lek["email_within_1_working_day"] == pytest.approx(0.811)
    means = f[f["period"].eq(2020)].groupby("kpi")["value"].mean()
    assert means["treatment_index"] == pytest.approx(0.740, abs=5e-4)  # data/samples/README.md


def test_kolada_export_details(data_dir: Path) -> None:
    k = load_kolada(read_table(data_dir / "contacts_kolada.csv"), KPIS, percent=KPIS)
    f = k.frame
    assert k.n_average_rows == 2  # 0000 (Riket) and G2328
    assert k.excluded == {"not_available": 1}  # Luleå's ".."
    assert k.ignored_kpis == ("N99999",)
    reached = f[f["kpi"].eq("phone_reached") & f["period"].eq(2020)]
    assert reached["municipality"].tolist() == ["Stockholm", "Karlstad", "Lekeberg"]  # T only
    within = f[f["kpi"].eq("email_within_1_working_day")].set_index("municipality")["value"]
    assert within["Karlstad"] == pytest.approx(0.705)  # decimal comma


def test_kolada_numeric_ids_get_their_leading_zero() -> None:
    t = raw({"kpi": ["phone_reached"] * 2, "municipality_id": [180.0, 1814.0],
             "value": [90.0, 80.0]})  # fmt: skip
    k = load_kolada(t, KPIS, percent=KPIS)
    assert k.frame["municipality_id"].tolist() == ["0180", "1814"]


def test_kolada_errors_and_strict() -> None:
    with pytest.raises(DataError, match="no row holds a known KPI"):
        load_kolada(raw({"kpi": ["X1"], "municipality": ["A"], "value": [1]}), KPIS)
    with pytest.raises(DataError, match="municipality_id or municipality"):
        load_kolada(raw({"kpi": ["phone_reached"], "value": [1]}), KPIS)
    bad = raw({"kpi": ["phone_reached"] * 2, "municipality": ["A", "B"], "value": ["x", 5]})
    assert load_kolada(bad, KPIS).excluded == {"unparseable": 1}
    with pytest.raises(DataError, match=r"row 2, column 'value'"):
        load_kolada(bad, KPIS, strict=True)
    dup = raw({"kpi": ["phone_reached"] * 2, "municipality": ["A", "a"], "value": [5, "5,0"]})
    out = load_kolada(dup, KPIS)
    assert out.excluded == {"duplicate": 1} and out.frame["value"].tolist() == [5.0]
    # different values for one KPI, municipality and year: an error, not a silent first
    # (review 12a, finding 7)
    clash = raw({"kpi": ["phone_reached"] * 2, "municipality": ["A", "a"], "value": [5, 6]})
    with pytest.raises(
        DataError, match=r"rows 2 and 3: phone_reached, A has two values \(5 and 6\)"
    ):
        load_kolada(clash, KPIS)
