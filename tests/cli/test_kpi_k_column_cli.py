"""The KPI table's column k counts the contacts that met the measure (the glossary's word), so it
is never above n; an index row's k would be a sum of scores 0–3 (97 of 43 contacts) and shows
"–" instead (review 3, finding 17)."""

from __future__ import annotations

from pathlib import Path

import pytest

SAMPLE = Path(__file__).parent.parent.parent / "data" / "samples"


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_k_is_a_count_of_contacts_never_above_n(cli, tmp_path: Path, lang: str) -> None:
    out = tmp_path / "c.md"
    r = cli("contacts", SAMPLE / "servicematning_2020.xlsx", "--lang", lang, "-o", out)
    assert r.exit_code == 0, r.stderr
    lines = out.read_text(encoding="utf-8").splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("| ") and "| k |" in line)
    rows = []
    for line in lines[start + 2 :]:
        if not line.startswith("|"):
            break
        rows.append([c.strip() for c in line.strip("|").split("|")])
    index_rows = [row for row in rows if "(0–100)" in row[0]]
    assert len(index_rows) == 3  # phone, e-mail, all
    assert all(row[2] == "–" for row in index_rows), index_rows
    counted = [row for row in rows if row[2] != "–"]
    assert len(counted) >= 8
    for row in counted:
        n, k = (int(v.replace("\u00a0", "").replace(" ", "")) for v in row[1:3])
        assert 0 <= k <= n, row
