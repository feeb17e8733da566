"""Write the survey-tool exports of tests/cli/test_template_exports_cli.py (run from this folder).

Small versions (120 respondents, 4 statements) of the exports of review 11 (its /tmp/r11/b/mk.py),
in the shapes the tools give them:

- netigate.xlsx: a cover sheet "Information", then "Rådata" with "Förväntningar - <påstående>" /
  "Upplevelse - <påstående>", answers "1 - Instämmer inte alls", 2-6, "7 - Instämmer helt" and
  "Vet ej";
- esmaker.csv: cp1252, ";", perception only, 5-point labels "Mycket missnöjd" … "Mycket nöjd"
  and "Ej aktuellt", and an "Antal svar" row at the bottom;
- msforms.xlsx: the same statements under two questions, so every statement header appears
  twice; labels "Instämmer inte alls" … "Neutral" … "Instämmer helt";
- surveyreport.xlsx: a merged two-row header ("Fråga 1. …" over "Förväntan" / "Upplevelse"),
  99 for "Vet ej" and an "Antal svar" row at the bottom;
- google.csv: Google Forms' grids, "<question> [<statement>]" under a question on an excellent
  service and one on the service the respondent used;
- comments.csv: free-text comments only (no column a rating scale).

The answers come from one seeded generator, so the files are the same on every run.
"""

from __future__ import annotations

from pathlib import Path

STATEMENTS = [
    "Verksamheten har modern utrustning.",
    "Personalen ger dig snabb service.",
    "Personalen är alltid artig mot dig.",
    "Personalen förstår dina särskilda behov.",
]
N = 120  # over 100, so the count row at the bottom is under 1 % of a column (a stray)


def answers(seed: int, top: int) -> list[list[int | None]]:
    """N rows of 2 x 4 answers on 1..top (expectations above perceptions), a few blanks (None)
    and a few "Vet ej" (0)."""
    import numpy as np

    rng = np.random.default_rng(seed)
    e = np.clip(np.round(rng.normal(top - 0.8, 0.9, (N, 4))), 1, top)
    p = np.clip(np.round(e - np.abs(rng.normal(0.6, 0.9, (N, 4)))), 1, top)
    out: list[list[int | None]] = []
    for i, row in enumerate(np.hstack([e, p]).astype(int).tolist()):
        cells: list[int | None] = list(row)
        if i % 5 == 4:
            cells[(i // 5) % 8] = 0  # "Vet ej": 3 in each column
        if i % 11 == 7:
            cells[(i // 11 + 3) % 8] = None  # blank
        out.append(cells)
    return out


def main() -> None:
    import openpyxl

    here = Path(__file__).parent
    # Netigate: 1-7 with the two ends labelled, a cover sheet first
    wb = openpyxl.Workbook()
    cover = wb.active
    cover.title = "Information"
    for line in ("Rapport", "Medborgarundersökning 2024", "Exporterad 2024-03-28 av Netigate"):
        cover.append([line])
    data = wb.create_sheet("Rådata")
    data.append(["Svar-ID", "Vilken verksamhet gäller ditt svar?"]
                + [f"Förväntningar - {s}" for s in STATEMENTS]
                + [f"Upplevelse - {s}" for s in STATEMENTS])  # fmt: skip
    ends = {1: "1 - Instämmer inte alls", 7: "7 - Instämmer helt", 0: "Vet ej"}
    units = ["Bibliotek", "Simhall", "Kundcenter"]
    for i, row in enumerate(answers(1, 7)):
        cells = [None if v is None else ends.get(v, str(v)) for v in row]
        data.append([10001 + i, units[i % 3], *cells])
    wb.save(here / "netigate.xlsx")

    # Esmaker: perception only, 5-point labels, cp1252 and ";"
    labels = {1: "Mycket missnöjd", 2: "Ganska missnöjd", 3: "Varken eller", 4: "Ganska nöjd",
              5: "Mycket nöjd", 0: "Ej aktuellt"}  # fmt: skip
    lines = [";".join(["Inskickat", "Kön", *(f"{k}. {s}" for k, s in enumerate(STATEMENTS, 1))])]
    rows = answers(2, 5)
    for i, row in enumerate(rows):
        cells = ["" if v is None else labels[v] for v in row[4:]]
        lines.append(";".join([f"2024-03-{4 + i % 20:02d} 1{i % 10}:{i % 60:02d}",
                               "Kvinna" if i % 2 else "Man", *cells]))  # fmt: skip
    counts = [str(sum(r[4 + j] not in (None, 0) for r in rows)) for j in range(4)]
    lines.append(";".join(["Antal svar", "", *counts]))
    (here / "esmaker.csv").write_bytes(("\r\n".join(lines) + "\r\n").encode("cp1252"))

    # Microsoft Forms: the same statements under two Likert questions
    five = {1: "Instämmer inte alls", 2: "Instämmer inte", 3: "Neutral", 4: "Instämmer",
            5: "Instämmer helt", 0: None}  # fmt: skip
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Form1"
    ws.append(["ID", "Starttid", "E-post", *STATEMENTS, *STATEMENTS])
    for i, row in enumerate(answers(3, 5)):
        ws.append([i + 1, f"2024-03-{4 + i % 20:02d} 10:00", "anonymous",
                   *(None if v is None else five[v] for v in row)])  # fmt: skip
    wb.save(here / "msforms.xlsx")

    # Survey&Report: a merged two-row header, 99 = "Vet ej", a count row at the bottom
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Data"
    heads = [cell for k, s in enumerate(STATEMENTS, 1) for cell in (f"Fråga {k}. {s}", None)]
    ws.append(["Löpnr", "Verksamhet", *heads])
    ws.append([None, None] + ["Förväntan", "Upplevelse"] * 4)
    for c in range(4):
        ws.merge_cells(start_row=1, start_column=3 + 2 * c, end_row=1, end_column=4 + 2 * c)
    rows = answers(4, 7)
    for i, row in enumerate(rows):
        pairs = [row[j] for k in range(4) for j in (k, k + 4)]  # E1, P1, E2, P2, ...
        ws.append([i + 1, units[i % 3], *(99 if v == 0 else v for v in pairs)])
    order = [j for k in range(4) for j in (k, k + 4)]
    ws.append(["Antal svar", None,
               *(sum(r[j] not in (None, 0) for r in rows) for j in order)])  # fmt: skip
    wb.save(here / "surveyreport.xlsx")

    # Google Forms: two grid questions with the same bracketed statements, 1-7 and "Vet ej"
    asks = ["Hur väl stämmer påståendena för en utmärkt kommunal verksamhet?",
            "Hur väl stämmer påståendena för den verksamhet du haft kontakt med?"]  # fmt: skip
    heads = [f"{q} [{s}]" for q in asks for s in STATEMENTS]
    lines = [",".join(["Tidstämpel", '"Vilken verksamhet har du haft kontakt med?"',
                       *(f'"{h}"' for h in heads)])]  # fmt: skip
    for i, row in enumerate(answers(5, 7)):
        cells = ["" if v is None else "Vet ej" if v == 0 else str(v) for v in row]
        lines.append(",".join([f"2024/03/{4 + i % 20:02d} 10:{i % 60:02d}:00 fm CET",
                               units[i % 3], *cells]))  # fmt: skip
    (here / "google.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")

    # free-text comments only: nothing to make an instrument of
    lines = ["Svar-ID,Datum,Verksamhet,Kommentar"]
    words = ["Bra bemötande", "Långa väntetider i telefon", "Vet ej", "Trevlig personal",
             "Svårt att hitta på webben"]  # fmt: skip
    lines += [f"{20001 + i},2024-03-{4 + i:02d},{units[i % 3]},{words[i % 5]}" for i in range(12)]
    (here / "comments.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
