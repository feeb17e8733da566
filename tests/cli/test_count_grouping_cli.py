"""Counts in sentences in the language's number format, as the tables (session 14, w-count):
English groups with a comma ("1,200"), Swedish with a no-break space ("1 200"). ``gap`` wrote
"Respondents: 1200." and "(1200 of 1200)" in English beside a table whose n read "1,200"; the
contacts notes wrote "1200" in both languages. A year, a row number or a degree of freedom is
a name, not a count, and stays ungrouped ("t(1199)").
"""

from __future__ import annotations

import re
from pathlib import Path

import numpy as np
import pytest

DATA = Path(__file__).parents[1] / "data"
NBSP = "\u00a0"
ROWS = 1200


@pytest.fixture(scope="module")
def big(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """kiosk.csv's columns, 1,200 rows drawn from one factor; U1 blank in 1,100 rows (so
    Miljö is scored from fewer than all its items 1,100 times) and both weights blank in the
    first 1,001 rows."""
    rng = np.random.default_rng(14)
    f = rng.normal(size=ROWS)
    items = {
        f"{side}{i}": np.clip(np.round(3 + f + rng.normal(size=ROWS)), 1, 5).astype(int).astype(str)
        for side in "FU"
        for i in range(1, 6)
    }
    items["U1"][:1100] = ""
    unit = np.where(np.arange(ROWS) % 2, "Norr", "Söder")
    weights = np.where(np.arange(ROWS) < 1001, ",", "50,50")
    lines = ["id,Enhet," + ",".join(items) + ",V1,V2"]
    lines += [f"{r + 1},{unit[r]}," + ",".join(v[r] for v in items.values()) + f",{weights[r]}"
              for r in range(ROWS)]  # fmt: skip
    path = tmp_path_factory.mktemp("big") / "kiosk_big.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _flat(text: str) -> str:
    return re.sub(r"[ \n]+", " ", text)  # one line, wherever it wraps (the NBSP kept)


@pytest.mark.parametrize(
    ("lang", "wanted"),
    [
        ("en", ["Respondents: 1,200.", "count (1,200 of 1,200)",
                "1,001 without valid importance points",
                "fewer than all items: Miljö 1,100,", "(n: Miljö 1,200, Bemötande 1,200)",
                "gap valid (1,200; 0 incomplete", "t(1199)"]),
        ("sv", [f"Svarande: 1{NBSP}200.", f"räknas (1{NBSP}200 av 1{NBSP}200)",
                f"1{NBSP}001 utan giltiga viktighetspoäng", f"alla påståenden: Miljö 1{NBSP}100,",
                f"(n: Miljö 1{NBSP}200, Bemötande 1{NBSP}200)",
                f"giltiga (1{NBSP}200; 0 ofullständiga", "t(1199)"]),
    ],
)  # fmt: skip
def test_gap_notes_group_thousands(cli, big: Path, lang: str, wanted: list[str]) -> None:
    r = cli("gap", big, "-i", DATA / "kiosk.toml", "--no-items", "--lang", lang, "-f",
            "markdown")  # fmt: skip
    assert r.exit_code == 0, r.stderr
    text = _flat(r.stdout)
    missing = [w for w in wanted if w not in text]
    assert not missing, missing
    for raw in ("1200 of", "1200 av", ": 1200.", "Miljö 1100", "1001 without", "1001 utan"):
        assert raw not in text


@pytest.fixture(scope="module")
def contacts(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """contacts_2019.csv's first data row repeated to 1,500 contacts of one year."""
    head, first = (DATA / "contacts_2019.csv").read_text(encoding="utf-8").splitlines()[:2]
    path = tmp_path_factory.mktemp("contacts") / "contacts_big.csv"
    path.write_text("\n".join([head, *[first] * 1500]) + "\n", encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("lang", "count"), [("en", "Contacts: 1,500."), ("sv", f"Kontakter: 1{NBSP}500.")]
)
def test_contacts_note_groups_thousands(cli, contacts: Path, lang: str, count: str) -> None:
    r = cli("contacts", contacts, "--lang", lang, "-f", "markdown")
    assert r.exit_code == 0, r.stderr
    text = _flat(r.stdout)
    assert count in text and ": 1500." not in text


@pytest.mark.parametrize(
    ("lang", "wanted"),
    # the importance points' blanks counted apart from the answers' (b-left, session 18)
    [("en", "Excluded cells: blank 1,100 (all in U1). Excluded importance points (V1, V2): "
            "blank 2,002."),
     ("sv", f"Uteslutna celler: tomma 1{NBSP}100 (alla i U1). Uteslutna viktighetspoäng (V1, "
            f"V2): tomma 2{NBSP}002.")],
)  # fmt: skip
def test_the_excluded_cells_group_thousands(cli, big: Path, lang: str, wanted: str) -> None:
    """The exclusion note's counts too (review 11b, finding 7: "Svarande: 2 996. Uteslutna
    celler: tomma 3610." mixed two forms in one sentence)."""
    r = cli("gap", big, "-i", DATA / "kiosk.toml", "--no-items", "--lang", lang)
    assert r.exit_code == 0, r.stderr
    text = _flat(r.stdout)
    assert wanted in text, text[-600:]
    assert "2002" not in text and "1100" not in text
