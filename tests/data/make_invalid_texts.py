"""Writes the invalid_texts_*.csv files of session 16 (tests/cli/test_invalid_texts_more_cli.py).

Each is a file the tests already read (or the first rows of a sample) with six cells replaced
by three hostile texts no reader takes as an answer: "<script>alert(1)</script>" in 3 cells of
one column, "=cmd|' /C calc'!A0" (a formula) in 2 cells of a second and "a<ESC>[2Jb" (a raw
escape byte that would clear a terminal) in 1 cell of a third:

- invalid_texts_tolerance.csv: karlstad_tolerans.xlsx, 40 rows; A1, P2, D3.
- invalid_texts_staff.csv: karlstad_personal.xlsx, 30 rows; E1, E2, E5.
- invalid_texts_kiosk.csv: kiosk.csv; U1, U2, U4.
- invalid_texts_contacts_2020.csv: contacts_2020.csv; reached (3 + 2), answered_question.
- invalid_texts_medborgare.csv: servicematning_medborgare_2022_2024.xlsx, 60 rows;
  enkelt_att_få_hjälp, bemötande, tydligt_svar.
- invalid_texts_feedback.csv: feedback_en.csv; Type (3 + 2), Contact given.
- invalid_texts_dates.csv: feedback_en.csv; Received (3 + 2), Answered: dates no reader takes.

Run from the repository root: python tests/data/make_invalid_texts.py
"""

from __future__ import annotations

import pandas as pd

T, S = "tests/data/", "data/samples/"
SCRIPT, CMD, ESC = "<script>alert(1)</script>", "=cmd|' /C calc'!A0", "a\x1b[2Jb"


def put(frame: pd.DataFrame, first: str, second: str, third: str) -> pd.DataFrame:
    frame = frame.astype(object)
    for column, rows, text in ((first, [0, 1, 2], SCRIPT), (second, [3, 4], CMD),
                               (third, [5], ESC)):  # fmt: skip
        frame.loc[rows, column] = text
    return frame


def dump(frame: pd.DataFrame, name: str) -> None:
    frame.to_csv(T + name, index=False, lineterminator="\n")


def text_csv(name: str) -> pd.DataFrame:
    return pd.read_csv(T + name, dtype=object, keep_default_na=False)


if __name__ == "__main__":
    tolerance = pd.read_excel(S + "karlstad_tolerans.xlsx").head(40)
    dump(put(tolerance, "A1", "P2", "D3"), "invalid_texts_tolerance.csv")
    staff = pd.read_excel(S + "karlstad_personal.xlsx").head(30)
    dump(put(staff, "E1", "E2", "E5"), "invalid_texts_staff.csv")
    dump(put(text_csv("kiosk.csv"), "U1", "U2", "U4"), "invalid_texts_kiosk.csv")
    contacts = put(text_csv("contacts_2020.csv"), "reached", "reached", "answered_question")
    dump(contacts, "invalid_texts_contacts_2020.csv")
    citizens = pd.read_excel(S + "servicematning_medborgare_2022_2024.xlsx").head(60)
    dump(put(citizens, "enkelt_att_få_hjälp", "bemötande", "tydligt_svar"),
         "invalid_texts_medborgare.csv")  # fmt: skip
    dump(put(text_csv("feedback_en.csv"), "Type", "Type", "Contact given"),
         "invalid_texts_feedback.csv")  # fmt: skip
    dump(put(text_csv("feedback_en.csv"), "Received", "Received", "Answered"),
         "invalid_texts_dates.csv")  # fmt: skip
