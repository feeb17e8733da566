"""Loading a feedback register: column aliases, type synonyms, exclusions with their rows.

Expected values: the sample register's planted errors as data/samples/README.md lists them
(one id exported twice, three items closed before they arrived), and hand-made cases in
tests/data/feedback_en.csv whose outcome is stated beside each check.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from servqual_cli.errors import DataError
from servqual_cli.io.feedback import TYPES, load_feedback
from servqual_cli.io.read import RawTable, read_table

SAMPLES = Path(__file__).parents[2] / "data" / "samples"
DATA = Path(__file__).parents[1] / "data"


@pytest.fixture(scope="module")
def sample() -> object:
    return load_feedback(read_table(SAMPLES / "synpunkter_2023_2024.xlsx"))


def test_sample_register_swedish_columns(sample) -> None:
    # 2486 rows - 1 duplicate; the 3 items closed "before" they arrived stay (only their
    # closing date is unusable): 2023 keeps its 1 200 items
    assert sample.n_rows == 2486 and len(sample.frame) == 2485
    assert int((sample.frame["received"].dt.year == 2023).sum()) == 1200
    assert sample.columns == {
        "id": "id",
        "received": "inkommen",
        "type": "typ",
        "unit": "förvaltning",
        "channel": "kanal",
        "category": "kategori",
        "contact_given": "kontaktuppgifter",
        "answered": "besvarad",
        "closed": "avslutad",
    }
    assert sample.excluded == {"duplicate": 1, "end_before_start": 3}
    log = sample.log.to_frame()
    # file rows = item number + 1 (header in row 1): SYN-2023-0179, -1189, SYN-2024-0390 (its
    # second copy, after the 1200 items of 2023) and SYN-2024-0990
    assert log[["row", "column", "reason"]].values.tolist() == [
        [180, "avslutad", "end_before_start"],
        [1190, "avslutad", "end_before_start"],
        [1592, "id", "duplicate"],
        [2192, "avslutad", "end_before_start"],
    ]
    assert log["value"].tolist()[0] == "2022-02-20"
    f = sample.frame
    assert set(f["type"]) == set(TYPES)
    assert f["contact"].dtype == bool and int((~f["contact"]).sum()) == 513
    assert f["received"].dtype == "datetime64[ns]" and f["closed"].isna().sum() == 92


def test_english_columns_synonyms_and_every_exclusion() -> None:
    fb = load_feedback(read_table(DATA / "feedback_en.csv"))
    assert fb.columns["contact_given"] == "Contact given" and fb.columns["closed"] == "Closed"
    assert fb.excluded == {
        "blank": 1,  # F8: blank contact cell, row kept but not in reply figures
        "duplicate": 1,  # second F5
        "end_before_start": 1,  # F6 answered the day before it arrived: the cell, not the item
        "invalid_date": 1,  # F9 answered "soon"
        "unparseable": 1,  # F7 type "other"
    }
    f = fb.frame
    assert f["id"].tolist() == ["F1", "F2", "F3", "F4", "F5", "F6", "F8", "F10"]
    assert f["type"].tolist() == [
        "klagomål",
        "beröm",
        "fråga",
        "förslag",
        "synpunkt",
        "klagomål",
        "klagomål",
        "klagomål",
    ]
    assert f["contact"].tolist() == [True, False, True, False, True, True, False, True]
    assert f["row"].tolist() == [2, 3, 4, 5, 6, 8, 10, 12]


def test_strict_rejects_the_first_wrong_value() -> None:
    with pytest.raises(DataError) as err:
        load_feedback(read_table(DATA / "feedback_en.csv"), strict=True)
    assert "row 7, column 'ID'" in str(err.value) and "--strict" in str(err.value)


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("feedback_missing_columns.csv", "missing column(s): unit (or förvaltning"),
        ("feedback_duplicate_columns.csv", "column 'inkommen' appears 2 times"),
    ],
)
def test_bad_columns(name: str, message: str) -> None:
    with pytest.raises(DataError) as err:
        load_feedback(read_table(DATA / name))
    assert message in str(err.value)


def test_no_usable_rows() -> None:
    raw = pd.DataFrame(
        {
            "inkommen": ["2024-01-02"],
            "typ": ["övrigt"],  # not one of the five types: excluded
            "förvaltning": ["A"],
            "kontaktuppgifter": ["ja"],
            "besvarad": [""],
        },
        dtype=object,
    )
    with pytest.raises(DataError, match="no usable rows"):
        load_feedback(RawTable(raw, "r.csv", None, 1, np.array([2]), ""))


def test_optional_columns_may_be_missing() -> None:
    raw = pd.DataFrame(
        {
            "Received": ["2024-01-02"],
            "Type": ["Beröm"],
            "Unit": [""],
            "Contact": ["Ja"],
            "Answered": [""],
        },
        dtype=object,
    )
    fb = load_feedback(RawTable(raw, "r.csv", None, 1, np.array([2]), ""))
    assert fb.frame["unit"].tolist() == ["–"]  # a blank unit still counts, under "–"
    assert fb.frame["id"].isna().all() and fb.frame["closed"].isna().all()
    assert "closed" not in fb.columns


# --------------------------------------------------------------------------------------------
# a date column in a form the tool does not read
# --------------------------------------------------------------------------------------------
def _register(answered: list[str], received: list[str] | None = None) -> RawTable:
    n = len(answered)
    raw = pd.DataFrame(
        {
            "inkommen": received or ["2024-01-02"] * n,
            "typ": ["beröm"] * n,
            "förvaltning": ["A"] * n,
            "kontaktuppgifter": ["ja"] * n,
            "besvarad": answered,
        },
        dtype=object,
    )
    return RawTable(raw, "r.xlsx", "Blad1", 1, np.arange(2, n + 2), "")


def test_mostly_unreadable_date_column_is_an_error() -> None:
    with pytest.raises(DataError) as err:
        load_feedback(read_table(DATA / "feedback_dotted_dates.csv"))
    message = str(err.value)
    assert "feedback_dotted_dates.csv, row 2, column 'Answered': " in message
    assert "'05.01.2024' is not a readable date" in message and "(3 of 4 non-blank)" in message
    assert "yyyy-mm-dd" in message and "day and month order is never guessed" in message


@pytest.mark.parametrize(
    ("answered", "fails"),
    [
        (["2024-01-05", "05.01.2024", "", ""], False),  # 1 of 2 non-blank: half, excluded
        (["2024-01-05", "05.01.2024", "5/1/2024", ""], True),  # 2 of 3: more than half
        (["", "", "", "45300"], False),  # an Excel serial day, read as contacts reads it
        (["", "", "", ""], False),  # blank: nothing answered yet
    ],
)
def test_date_column_rule_is_more_than_half_of_the_non_blank_cells(
    answered: list[str], fails: bool
) -> None:
    table = _register(answered)
    if fails:
        with pytest.raises(DataError, match=r"r\.xlsx, sheet 'Blad1', row \d, column 'besvarad'"):
            load_feedback(table)
    else:
        fb = load_feedback(table)
        assert fb.excluded.get("invalid_date", 0) == answered.count("05.01.2024")


def test_received_column_is_checked_too() -> None:
    table = _register(["", "", ""], received=["02.01.2024", "03.01.2024", "2024-01-04"])
    with pytest.raises(DataError, match=r"row 2, column 'inkommen': '02\.01\.2024'"):
        load_feedback(table)


def _messy_register(path: Path) -> Path:
    """A register with repeated ids, unreadable and reversed dates, odd types, blank cells."""
    rng = np.random.default_rng(3)
    n = 600
    ids = [f"S{i}" for i in range(n)]
    ids[7] = ids[3]
    received = rng.choice(["2024-01-02", "2024-02-30", "", "2024-03-04", "03.05.2024"], n)
    answered = rng.choice(["2024-01-05", "", "inte", "2023-12-01", "2024-03-06"], n)
    types = rng.choice(["klagomål", "Beröm", " fråga", "idé?", ""], n)
    contact = rng.choice(["ja", "nej", "", "kanske"], n)
    lines = ["ID;Inkommen;Typ;Förvaltning;Kontaktuppgifter;Besvarad;Avslutad"]
    for row in zip(ids, received, types, contact, answered, strict=True):
        i, r, t, c, a = row
        lines.append(f"{i};{r};{t};Bygg;{c};{a};{a}")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_encoded_csv_columns_give_the_frame_path_result(tmp_path: Path) -> None:
    """Feedback parses a fast-path CSV's columns from their codes and distinct texts; the
    result (rows, values, exclusions by reason and cell) equals reading the same cells from
    the object frame."""
    from dataclasses import replace

    table = read_table(_messy_register(tmp_path / "r.csv"))
    assert table.encoded is not None  # the route under test is taken
    plain = replace(table, frame=table.frame, encoded=None)
    fast, slow = load_feedback(table), load_feedback(plain)
    pd.testing.assert_frame_equal(fast.frame, slow.frame)
    assert fast.excluded == slow.excluded and sum(fast.excluded.values()) > 0
    pd.testing.assert_frame_equal(fast.log.to_frame(), slow.log.to_frame())
