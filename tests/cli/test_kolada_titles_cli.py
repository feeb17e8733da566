"""``servqual kolada`` tables are titled by the KPI's name with the Kolada id in parentheses
(house-style item 5): the titles said "U07451 phone_reached", an id and an internal name."""

from __future__ import annotations

from pathlib import Path

import pytest

SAMPLES = Path(__file__).parents[2] / "data" / "samples"


def _titles(text: str) -> list[str]:
    """The lines just above a table's top border."""
    lines = text.splitlines()
    return [lines[i - 1].strip() for i, line in enumerate(lines) if line.startswith("┏") and i]


@pytest.mark.parametrize(
    ("lang", "first"),
    [("en", "Phone: reached a person (U07451)"), ("sv", "Telefon: når en person (U07451)")],
)
def test_sample_titles_name_the_kpi_in_both_languages(cli, lang: str, first: str) -> None:
    r = cli("kolada", SAMPLES / "kolada_servicematning.csv", "-m", "Lekeberg", "--lang", lang)
    assert r.exit_code == 0, r.stderr
    titles = _titles(r.stdout)
    assert titles[0] == first
    assert all(t.endswith(")") and "(U0745" in t for t in titles), titles
    assert not any("phone_reached" in t or "treatment_index" in t for t in titles)


def test_a_published_title_is_kept_and_no_title_leaves_the_id(cli, data_dir: Path) -> None:
    r = cli("kolada", data_dir / "kolada_wide_sv.csv", "-m", "Lekeberg")
    assert r.exit_code == 0, r.stderr
    assert _titles(r.stdout)[0] == "Andel når en person via telefon, % (U07451)"
    r = cli("kolada", data_dir / "kolada_page1.json", data_dir / "kolada_page2.json", "-m", "1814")
    assert r.exit_code == 0, r.stderr
    assert _titles(r.stdout)[0] == "U07451"  # the API data carry no title
