"""Write the SERVQUAL surveys with title rows (tests/cli/test_trend_title_year_cli.py).

Run from the repository root: ``python tests/data/titles/make_titled.py``. Each file holds
seeded answers (E1–E22, P1–P22, 1–7) under a title above the header, as municipal exports
have it, and no year column, so ``servqual trend`` labels each side by its title's year, its
file name's or its file name (m-misc, session 12):

* ``enkat_a.csv``: "Servicemätning 2021", a blank line, the header, 40 respondents.
* ``enkat_b.xlsx``: "Medborgarenkät, Lekebergs kommun 2022" over a blank row, 80 respondents
  (long enough for the single-read xlsx path).
* ``enkat_span.csv``: "Servicemätning 2021–2022": two years, so no year from the title.
* ``enkat_dates.csv``: "Servicemätning" and "Utskrift 2022-01-15, dnr KS 2021/0145,
  kommunkod 1780": a date, a case number and a code, none of them a year.
* ``enkat_2023.csv``: "Servicemätning 2022" in a file named 2023: the title wins, and the note
  says the file name gives another year.
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import openpyxl

HERE = Path(__file__).parent
HEADER = ["Respondent"] + [f"E{i}" for i in range(1, 23)] + [f"P{i}" for i in range(1, 23)]


def answers(n: int, seed: int, shift: int) -> list[list[int]]:
    """``n`` respondents: expectations 4–7, perceptions 3–7 (``shift`` lifts them by one)."""
    rng = np.random.default_rng(seed)
    e = rng.integers(4, 8, (n, 22))
    p = np.clip(rng.integers(3, 7, (n, 22)) + shift, 1, 7)
    ids = np.arange(1, n + 1)[:, None]
    return np.hstack([ids, e, p]).tolist()


def csv(name: str, titles: list[str], n: int, seed: int, shift: int) -> None:
    lines = [t + ";" * (len(HEADER) - 1) for t in titles]
    lines += [";" * (len(HEADER) - 1), ";".join(HEADER)]
    lines += [";".join(map(str, row)) for row in answers(n, seed, shift)]
    (HERE / name).write_text("\n".join(lines) + "\n", encoding="utf-8")


def workbook(name: str, title: str, n: int, seed: int, shift: int) -> None:
    import datetime as dt
    import io
    import zipfile

    from openpyxl.writer.excel import ExcelWriter

    sys.path.insert(0, str(HERE.parent / "reader"))
    from make_files import _zip  # (fixed zip timestamps)

    wb = openpyxl.Workbook()
    fixed = dt.datetime(2025, 1, 15, 8, 0)  # fixed properties: byte-identical on every run
    wb.properties.created = wb.properties.modified = fixed
    ws = wb.active
    ws.title = "Enkät"
    ws.append([title])
    ws.append([])
    ws.append(HEADER)
    for row in answers(n, seed, shift):
        ws.append(row)
    raw = io.BytesIO()
    ExcelWriter(wb, zipfile.ZipFile(raw, "w", zipfile.ZIP_DEFLATED)).save()  # keeps `modified`
    with zipfile.ZipFile(raw) as zf:
        (HERE / name).write_bytes(_zip({n: zf.read(n) for n in zf.namelist()}))


def main() -> None:
    csv("enkat_a.csv", ["Servicemätning 2021"], 40, 1, 0)
    workbook("enkat_b.xlsx", "Medborgarenkät, Lekebergs kommun 2022", 80, 2, 1)
    csv("enkat_span.csv", ["Servicemätning 2021–2022"], 40, 3, 0)
    printed = "Utskrift 2022-01-15, dnr KS 2021/0145, kommunkod 1780"  # no year among them
    csv("enkat_dates.csv", ["Servicemätning", printed], 40, 4, 0)
    csv("enkat_2023.csv", ["Servicemätning 2022"], 40, 5, 1)


if __name__ == "__main__":
    main()
