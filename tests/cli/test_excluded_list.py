"""Every command's ``--excluded`` list has the same columns, file and sheet first (review 6,
finding 16: the single-file list had no file column although its note promised one)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

DATA = Path(__file__).parent.parent / "data"
SAMPLES = Path(__file__).parent.parent.parent / "data" / "samples"
COLUMNS = ["file", "sheet", "row", "column", "value", "reason"]

# command line, and the (file, sheet) pairs its list must name (at least one cell each)
CASES = {
    "gap": (["gap", SAMPLES / "karlstad_servqual.xlsx"], {("karlstad_servqual.xlsx", "Enkät")}),
    "reliability": (
        ["reliability", DATA / "kiosk.csv", "-i", DATA / "kiosk.toml"],
        {("kiosk.csv", "")},
    ),
    "alpha": (["alpha", DATA / "kiosk.csv", "--items", "F1,F2,F3"], {("kiosk.csv", "")}),
    "items": (
        ["items", DATA / "kiosk.csv", "--instrument", DATA / "kiosk.toml"],
        {("kiosk.csv", "")},
    ),
    "tolerance": (
        ["tolerance", SAMPLES / "karlstad_tolerans.xlsx"],
        {("karlstad_tolerans.xlsx", "Enkät")},
    ),
    "knowledge-gap": (
        ["knowledge-gap", SAMPLES / "karlstad_servqual.xlsx", SAMPLES / "karlstad_personal.xlsx"],
        {("karlstad_servqual.xlsx", "Enkät"), ("karlstad_personal.xlsx", "Enkät")},
    ),
    "contacts": (
        ["contacts", SAMPLES / "servicematning_2019.xlsx"],
        {("servicematning_2019.xlsx", "Kontakter")},
    ),
    "trend": (
        ["trend", SAMPLES / "servicematning_2019.xlsx", SAMPLES / "servicematning_2020.xlsx"],
        {("servicematning_2019.xlsx", "Kontakter"), ("servicematning_2020.xlsx", "Kontakter")},
    ),
    "kpi": (["kpi", DATA / "kpi_cases.toml"], {("kpi_cases.csv", "")}),
    "feedback": (["feedback", DATA / "feedback_en.csv"], {("feedback_en.csv", "")}),
    "service-survey": (
        ["service-survey", SAMPLES / "servicematning_medborgare_2022_2024.xlsx"],
        {("servicematning_medborgare_2022_2024.xlsx", "Svar")},
    ),
    "kolada": (["kolada", SAMPLES / "kolada_servicematning.csv", "-m", "Lekeberg"], set()),
}


@pytest.mark.parametrize("name", list(CASES))
def test_every_list_has_the_same_columns(cli, tmp_path: Path, name: str) -> None:
    args, where = CASES[name]
    listed = tmp_path / "excluded.csv"
    r = cli(*args, "-f", "json", "--excluded", listed)
    assert r.exit_code == 0, r.stderr
    cells = pd.read_csv(listed, keep_default_na=False, dtype=str)
    assert list(cells.columns[:6]) == COLUMNS
    assert set(zip(cells["file"], cells["sheet"], strict=True)) == where
    assert (cells["row"].str.fullmatch(r"\d+")).all() and (cells["reason"] != "").all()


def test_the_list_agrees_with_the_counts(cli, tmp_path: Path) -> None:
    """The listed cells are the counted ones: reason by reason, as the JSON counts them."""
    listed = tmp_path / "excluded.csv"
    r = cli("gap", SAMPLES / "karlstad_servqual.xlsx", "-f", "json", "--excluded", listed)
    import json

    counted = json.loads(r.stdout)["excluded"]
    cells = pd.read_csv(listed, keep_default_na=False, dtype=str)
    assert cells["reason"].value_counts().to_dict() == counted
