"""A share KPI's blank values of contacts that reached no one (review 10a, finding 5; closing 13
"Left out"): a call whose ``nådd`` says ``nej`` and an e-mail with no answer date have no rating,
so they are counted as ``unreached`` / ``unanswered``, not as blank cells ("Uteslutna celler:
tomma 13" read as 13 contacts that skipped the question). A true blank (an answered contact
without a rating) stays ``blank``. The rows are left out either way: no value or n changes.

Expected counts: written out by hand for the small file; for the sample, counted with pandas on
servicematning_2020.xlsx (not the tool's reader).
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from servqual_cli.core.kpi import evaluate_kpis
from servqual_cli.io.kpi_config import load_kpi_config
from servqual_cli.io.kpi_data import load_all_kpi_data
from servqual_cli.io.read import read_table

SAMPLES = Path(__file__).parents[2] / "data" / "samples"
GOOD = "Gott bemötande (god eller mycket god)"

CSV = """kanal,nådd,besvarad,bemötande,väntetid_s
telefon,ja,,god,30
telefon,nej,,,
telefon,ja,,,40
e-post,,2024-03-01 10:00,mycket god,
e-post,,,,
e-post,,2024-03-02 11:00,,
Telefon,NEJ,,,
"""

TOML = """
[[kpi]]
name = "Bemötande"
aspect = "resultat"
data = "c.csv"
value_column = "bemötande"
statistic = "share"
success = ["god", "mycket god"]
target = 0.9
period = "2024"

[[kpi]]
name = "Väntetid"
aspect = "väntetid"
data = "c.csv"
filter = { kanal = "telefon" }
value_column = "väntetid_s"
statistic = "median"
unit = "seconds"
norm = 60
period = "2024"
"""


def _load(tmp_path: Path, csv: str = CSV) -> list:
    (tmp_path / "c.csv").write_text(csv, encoding="utf-8")
    (tmp_path / "k.toml").write_text(TOML, encoding="utf-8")
    return load_all_kpi_data(load_kpi_config(tmp_path / "k.toml"), read_table)


def test_unreached_and_unanswered_are_named_true_blanks_stay_blank(tmp_path: Path) -> None:
    share, wait = _load(tmp_path)
    # rows 3 and 8: calls that reached no one (nådd nej, in any case); row 6: an e-mail never
    # answered; rows 4 (a reached call) and 7 (an answered e-mail) are true blanks
    assert share.log.counts() == {"unreached": 2, "unanswered": 1, "blank": 2}
    log = share.log.to_frame().sort_values("row")
    assert log["row"].tolist() == [3, 4, 6, 7, 8]
    assert log["reason"].tolist() == ["unreached", "blank", "unanswered", "blank", "unreached"]
    assert share.frame["row"].tolist() == [2, 5]  # the rated contacts only: n unchanged
    # the waiting-time KPI's rule is the same column's (only its calls)
    assert wait.log.counts() == {"unreached": 2}


def test_without_a_contact_file_a_blank_is_blank(tmp_path: Path) -> None:
    """No answer column: no e-mail rule; no nådd column: no call rule."""
    csv = "bemötande,väntetid_s,kanal\ngod,1,telefon\n,2,e-post\nmycket god,3,telefon\n"
    share, _ = _load(tmp_path, csv)
    assert share.log.counts() == {"blank": 1}


def test_a_strict_run_does_not_reject_a_contact_that_reached_no_one(tmp_path: Path) -> None:
    """--strict rejects wrong values, not missing ones; a contact that reached no one has no
    value to be wrong (before, the waiting time's "unreached" cells were rejected)."""
    share, wait = _load(tmp_path)
    share.log.raise_if_strict()
    wait.log.raise_if_strict()


@pytest.fixture(scope="module")
def sample() -> dict:
    config = load_kpi_config(SAMPLES / "kpi.toml")
    return {r.spec.name: r for r in evaluate_kpis(load_all_kpi_data(config, read_table))}


def test_the_sample_13_are_11_calls_and_2_emails(sample: dict) -> None:
    d = pd.read_excel(SAMPLES / "servicematning_2020.xlsx", engine="openpyxl")
    blank = d["bemötande"].isna()
    calls = blank & d["kanal"].eq("telefon") & d["nådd"].eq("nej")
    emails = blank & d["kanal"].eq("e-post") & d["besvarad"].isna()
    rated = d["bemötande"].notna()
    good = d["bemötande"].isin(["god", "mycket god"])
    assert (int(calls.sum()), int(emails.sum()), int((blank & ~calls & ~emails).sum())) == (
        11,
        2,
        0,
    )
    r = sample[GOOD]
    assert r.excluded == {"unreached": 11, "unanswered": 2}  # no "blank": none is a true blank
    assert r.n == int(rated.sum()) == 95  # unchanged
    assert r.value == pytest.approx(good.sum() / rated.sum(), rel=1e-12)
