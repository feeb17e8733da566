"""Generate the sample data sets in ``data/samples/``.

Run from anywhere (``make samples`` runs ``python data/samples/generate.py``); every file is
written next to this script. The script is deterministic: one fixed seed, one
``numpy.random.Generator`` per data set, fixed workbook properties and fixed zip timestamps, so
running it twice gives byte-identical files. See README.md for what each file holds and which
patterns are planted in it.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import holidays
import numpy as np
from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from openpyxl.writer.excel import ExcelWriter

OUT = Path(__file__).resolve().parent
SEED = 20240917
FIXED_TIME = dt.datetime(2025, 1, 15, 8, 0, 0)

Cell = Any  # a spreadsheet value: int, float, str, date, datetime or None
Row = list[Cell]


def rng_for(part: int) -> np.random.Generator:
    """An independent generator per data set, so changing one leaves the others unchanged."""
    return np.random.default_rng([SEED, part])


# --------------------------------------------------------------------------------------------
# Swedish calendar
# --------------------------------------------------------------------------------------------

_PUBLIC = holidays.country_holidays("SE", years=range(2018, 2027))
_DAYS_OFF = {d for d, name in _PUBLIC.items() if "Sunday" not in name and "Söndag" not in name}
for _year in range(2018, 2027):
    _june19 = dt.date(_year, 6, 19)
    _DAYS_OFF.add(_june19 + dt.timedelta(days=(4 - _june19.weekday()) % 7))  # midsommarafton
    _DAYS_OFF.update({dt.date(_year, 12, 24), dt.date(_year, 12, 31)})  # julafton, nyårsafton


def is_workday(day: dt.date) -> bool:
    return day.weekday() < 5 and day not in _DAYS_OFF


def next_workday(day: dt.date) -> dt.date:
    while not is_workday(day):
        day += dt.timedelta(days=1)
    return day


def add_working_time(start: dt.datetime, days: float) -> dt.datetime:
    """``start`` plus ``days`` x 24 hours, counting only time on working days."""
    remaining = dt.timedelta(days=days)
    current = start
    while True:
        midnight = dt.datetime.combine(current.date() + dt.timedelta(days=1), dt.time())
        if is_workday(current.date()):
            available = midnight - current
            if remaining <= available:
                return current + remaining
            remaining -= available
        current = midnight


def working_days_elapsed(start: dt.datetime, end: dt.datetime) -> float:
    """Elapsed time between two timestamps that lies on working days, in 24-hour days."""
    total = dt.timedelta()
    current = start
    while current < end:
        midnight = dt.datetime.combine(current.date() + dt.timedelta(days=1), dt.time())
        stop = min(midnight, end)
        if is_workday(current.date()):
            total += stop - current
        current = stop
    return total / dt.timedelta(days=1)


def workdays_in(first: dt.date, last: dt.date) -> list[dt.date]:
    days = (first + dt.timedelta(days=i) for i in range((last - first).days + 1))
    return [d for d in days if is_workday(d)]


# --------------------------------------------------------------------------------------------
# Writers
# --------------------------------------------------------------------------------------------


def write_xlsx(
    path: Path,
    sheet: str,
    rows: Sequence[Row],
    header_row: int,
    widths: dict[str, float] | None = None,
    number_formats: dict[str, str] | None = None,
) -> None:
    """Write one sheet reproducibly: fixed document properties and fixed zip timestamps."""
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = sheet
    for row in rows:
        ws.append(row)
    header = rows[header_row - 1]
    for cell in ws[header_row]:
        cell.font = Font(bold=True)
    if header_row == 1:
        ws.freeze_panes = "A2"
    for index, name in enumerate(header, start=1):
        letter = get_column_letter(index)
        width = (widths or {}).get(str(name))
        if width is not None:
            ws.column_dimensions[letter].width = width
        fmt = (number_formats or {}).get(str(name))
        if fmt is not None:
            for (cell,) in ws.iter_rows(
                min_row=header_row + 1, min_col=index, max_col=index, max_row=ws.max_row
            ):
                if isinstance(cell.value, dt.datetime | dt.date):
                    cell.number_format = fmt
    props = wb.properties
    props.creator = "servqual samples (data/samples/generate.py)"
    props.lastModifiedBy = props.creator
    props.created = FIXED_TIME
    props.modified = FIXED_TIME

    raw = io.BytesIO()
    archive = zipfile.ZipFile(raw, "w", zipfile.ZIP_DEFLATED)
    ExcelWriter(wb, archive).save()  # closes the archive; unlike save_workbook keeps `modified`
    out = io.BytesIO()
    with zipfile.ZipFile(raw) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=FIXED_TIME.timetuple()[:6])
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.create_system = 0
            fixed.external_attr = 0
            dst.writestr(fixed, src.read(info.filename))
    path.write_bytes(out.getvalue())


def excel_csv_field(value: Cell) -> str:
    """A value as Swedish Excel writes it in "CSV (semikolonavgränsad)"."""
    if value is None:
        return ""
    if isinstance(value, float):
        if value.is_integer():
            return str(int(value))
        return f"{value:g}".replace(".", ",")
    text = str(value)
    if any(ch in text for ch in ';"\r\n'):
        return '"' + text.replace('"', '""') + '"'
    return text


def write_excel_csv(path: Path, rows: Sequence[Row]) -> None:
    """cp1252, ';', decimal comma, CRLF, every row padded to the used range (as Excel does)."""
    width = max(len(row) for row in rows)
    lines = []
    for row in rows:
        padded = list(row) + [None] * (width - len(row))
        lines.append(";".join(excel_csv_field(v) for v in padded))
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode("cp1252"))


# --------------------------------------------------------------------------------------------
# 1-2. SERVQUAL survey, Karlstad
# --------------------------------------------------------------------------------------------

SURVEY_TITLE = "Medborgarundersökning om kommunal service, Karlstads kommun 2024"
SERVICES = ["Förskola/barnomsorg", "Grundskola", "Gymnasieskola", "Äldreomsorg"]
SERVICE_COUNTS = [101, 99, 97, 103]
DIMENSIONS: dict[str, list[int]] = {
    "Tangibles": [1, 2, 3, 4],
    "Reliability": [5, 6, 7, 8, 9],
    "Responsiveness": [10, 11, 12, 13],
    "Assurance": [14, 15, 16, 17],
    "Empathy": [18, 19, 20, 21, 22],
}
# Latent expectation level per dimension (before rounding and clipping to 1..7).
E_LEVEL = [5.75, 6.45, 6.2, 6.3, 6.1]
# Latent P - E per service and dimension (T, R, Resp, A, Emp). Clipping at 7 pulls the
# observed E down a little, so observed gaps are slightly smaller; README lists what came out.
GAP_PLAN: dict[str, list[float]] = {
    "Förskola/barnomsorg": [-0.15, -0.8, -1.15, -0.6, -1.05],
    "Grundskola": [-0.4, -0.9, -1.25, -0.7, -1.15],
    "Gymnasieskola": [0.1, -0.5, -0.75, -0.35, -0.65],
    "Äldreomsorg": [-0.05, -1.1, -1.55, -0.8, -1.5],
}
# Mean importance points (W1..W5 = T, R, Resp, A, Emp), summing to 100.
WEIGHT_MEANS = np.array([11.0, 31.0, 22.0, 19.0, 17.0])


def survey_weights(rng: np.random.Generator) -> list[float | int | None]:
    raw = rng.dirichlet(WEIGHT_MEANS / 100 * 14) * 100
    step = float(rng.choice([5.0, 2.5, 1.0], p=[0.65, 0.15, 0.20]))
    rounded = np.round(raw / step) * step
    rounded[int(np.argmax(rounded))] += 100 - rounded.sum()
    out: list[float | int | None] = []
    for w in rounded:
        out.append(int(w) if float(w).is_integer() else float(w))
    return out


def survey_age(rng: np.random.Generator, service: str) -> int:
    if service == "Förskola/barnomsorg":
        return int(np.clip(round(rng.normal(35, 5)), 21, 52))
    if service == "Grundskola":
        return int(np.clip(round(rng.normal(41, 6)), 25, 62))
    if service == "Gymnasieskola":
        if rng.random() < 0.45:
            return int(rng.integers(16, 20))
        return int(np.clip(round(rng.normal(47, 5)), 34, 64))
    if rng.random() < 0.55:
        return int(np.clip(round(rng.normal(82, 6)), 66, 99))
    return int(np.clip(round(rng.normal(58, 8)), 35, 80))


def make_survey() -> tuple[list[str], list[Row]]:
    rng = rng_for(1)
    services = np.repeat(np.array(SERVICES, dtype=object), SERVICE_COUNTS)
    services = services[rng.permutation(len(services))]
    n = len(services)
    service_index = np.array([SERVICES.index(s) for s in services])
    gaps = np.array([GAP_PLAN[s] for s in SERVICES])  # service x dimension

    general_e = rng.normal(size=n)
    general_p = 0.3 * general_e + np.sqrt(1 - 0.3**2) * rng.normal(size=n)
    e_items = np.zeros((n, 22))
    p_items = np.zeros((n, 22))
    for d, items in enumerate(DIMENSIONS.values()):
        factor_e = rng.normal(size=n)
        factor_p = rng.normal(size=n)
        gap = gaps[service_index, d]
        for item in items:
            offset = rng.normal(0, 0.1)
            e_latent = E_LEVEL[d] + offset + 0.45 * general_e + 0.6 * factor_e
            e_items[:, item - 1] = e_latent + 0.55 * rng.normal(size=n)
            p_latent = E_LEVEL[d] + offset + gap + 0.55 * general_p + 0.7 * factor_p
            p_items[:, item - 1] = p_latent + 0.75 * rng.normal(size=n)
    e_int = np.clip(np.rint(e_items), 1, 7).astype(int)
    p_int = np.clip(np.rint(p_items), 1, 7).astype(int)

    header = (
        ["Respondent", "Tjänst", "Kön", "Ålder"]
        + [f"E{i}" for i in range(1, 23)]
        + [f"P{i}" for i in range(1, 23)]
        + [f"W{i}" for i in range(1, 6)]
    )
    answers: list[Row] = [[int(v) for v in e_int[r]] + [int(v) for v in p_int[r]] for r in range(n)]

    # Mess: ~1% "Vet ej", ~1% blank, four out-of-range codes, one Swedish label.
    n_cells = n * 44
    n_vet_ej = round(0.01 * n_cells)
    n_blank = round(0.01 * n_cells)
    picked = rng.choice(n_cells, size=n_vet_ej + n_blank + 5, replace=False)
    for k, flat in enumerate(picked):
        r, c = divmod(int(flat), 44)
        if k < n_vet_ej:
            answers[r][c] = "Vet ej"
        elif k < n_vet_ej + n_blank:
            answers[r][c] = None
        elif k < n_vet_ej + n_blank + 4:
            answers[r][c] = [8, 0, 8, 0][k - n_vet_ej - n_blank]
        else:
            c = 22 + int(rng.integers(0, 22)) if c < 22 else c  # a P column
            answers[r][c] = "Instämmer helt"

    gender_labels: list[str | None] = ["Kvinna", "Man", "Annat", None]
    no_weights = set(rng.choice(n, size=11, replace=False).tolist())
    no_age = set(rng.choice(n, size=2, replace=False).tolist())
    rows: list[Row] = []
    for r in range(n):
        gender = gender_labels[int(rng.choice(4, p=[0.56, 0.41, 0.01, 0.02]))]
        age: int | None = survey_age(rng, str(services[r]))
        weights: list[float | int | None] = survey_weights(rng)
        if r in no_age:
            age = None
        if r in no_weights:
            weights = [None] * 5
        rows.append([r + 1, str(services[r]), gender, age, *answers[r], *weights])
    return header, rows


def write_survey() -> None:
    header, rows = make_survey()
    sheet_rows: list[Row] = [[SURVEY_TITLE], [], list(header), *rows]
    widths = {"Respondent": 11.0, "Tjänst": 21.0, "Kön": 8.0, "Ålder": 7.0}
    write_xlsx(OUT / "karlstad_servqual.xlsx", "Enkät", sheet_rows, header_row=3, widths=widths)
    write_excel_csv(OUT / "karlstad_servqual.csv", sheet_rows)


# --------------------------------------------------------------------------------------------
# 3-5. Service measurement by test contacts (servicemätning), Lekeberg and others
# --------------------------------------------------------------------------------------------

AREAS = [
    "bygglov",
    "förskola",
    "grundskola",
    "individ- och familjeomsorg",
    "miljö och hälsa",
    "gator och vägar",
    "äldreomsorg",
    "handikappomsorg",
]
AREA_N = [7, 7, 7, 7, 6, 7, 7, 6]  # 54 per channel
CONTACT_HEADER = [
    "år",
    "kommun",
    "kanal",
    "område",
    "skickad",
    "besvarad",
    "nådd",
    "väntetid_s",
    "svar_på_frågan",
    "bemötande",
]
TREATMENT = ["mycket god", "god", "medelgod", "dålig"]
TREATMENT_POINTS = {"mycket god": 3, "god": 2, "medelgod": 1, "dålig": 0}

# Planted counts for Lekeberg, per area in AREAS order.
# Phone: reached (nådd = ja), svar "ja", svar "delvis" (the rest "nej").
# E-mail: answered, answered within one working day, svar "ja", svar "delvis".
LEKEBERG_PLAN: dict[int, dict[str, list[int]]] = {
    2019: {
        "reached": [6, 6, 6, 5, 5, 6, 6, 5],
        "phone_yes": [4, 4, 4, 3, 4, 5, 4, 4],
        "phone_partly": [1, 1, 1, 1, 0, 0, 1, 1],
        "answered": [7, 7, 7, 6, 6, 7, 6, 6],
        "fast": [5, 3, 3, 3, 4, 5, 3, 4],
        "email_yes": [6, 6, 5, 4, 5, 6, 5, 5],
        "email_partly": [1, 0, 1, 1, 1, 0, 1, 1],
    },
    2020: {
        "reached": [4, 7, 6, 6, 4, 5, 7, 4],
        "phone_yes": [2, 5, 5, 4, 3, 3, 5, 2],
        "phone_partly": [1, 1, 0, 1, 1, 1, 1, 1],
        "answered": [7, 7, 7, 7, 6, 6, 7, 5],
        "fast": [4, 7, 7, 7, 4, 4, 7, 3],
        "email_yes": [4, 6, 6, 6, 4, 4, 7, 3],
        "email_partly": [2, 1, 1, 1, 1, 1, 0, 1],
    },
}
LEKEBERG_TREATMENT = {2019: [39, 43, 13, 2], 2020: [31, 48, 16, 0]}
LEKEBERG_WAIT_MEDIAN = {2019: 84.0, 2020: 56.0}


def contact_times(rng: np.random.Generator, year: int, n: int, fridays: int) -> list[dt.datetime]:
    """Weekdays in Sept-Nov, 08:00-16:00; ``fridays`` of them on Friday afternoons."""
    days = workdays_in(dt.date(year, 9, 2), dt.date(year, 11, 27))
    friday_days = [d for d in days if d.weekday() == 4]
    out = []
    for k in range(n):
        if k < fridays:
            day = friday_days[int(rng.integers(len(friday_days)))]
            seconds = int(rng.integers(13 * 3600, 16 * 3600))
        else:
            day = days[int(rng.integers(len(days)))]
            seconds = int(rng.integers(8 * 3600, 16 * 3600))
        out.append(dt.datetime.combine(day, dt.time()) + dt.timedelta(seconds=seconds))
    return [out[i] for i in rng.permutation(n)]


def reply_time(
    rng: np.random.Generator, sent: dt.datetime, fast: bool, same_day: bool
) -> dt.datetime:
    """A reply timestamp, mostly in office hours. ``fast`` replies come within one working day
    of ``sent`` (the same day when ``same_day``, else the next working day before the clock time
    of sending); the others later than that."""
    if fast and same_day:
        for _ in range(20):
            reply = sent + dt.timedelta(hours=float(rng.lognormal(np.log(2.0), 0.8)))
            if reply.date() == sent.date() and reply.hour < 17:
                return reply.replace(microsecond=0)
    if fast:
        day = next_workday(sent.date() + dt.timedelta(days=1))
        start = 7.5 * 3600
        stop = sent.hour * 3600 + sent.minute * 60 + sent.second
        seconds = int(rng.integers(int(start), max(int(start) + 60, stop)))
        return dt.datetime.combine(day, dt.time()) + dt.timedelta(seconds=seconds)
    while True:
        reply = add_working_time(sent, 1.02 + float(rng.lognormal(np.log(0.8), 0.8)))
        hour = reply.hour + reply.minute / 60
        office = 7.5 <= hour <= 17.0
        evening = 17.0 < hour <= 21.0 and rng.random() < 0.15
        if office or evening:
            return reply.replace(microsecond=0)


def spread(
    rng: np.random.Generator, n: int, counts: Sequence[int], labels: Sequence[str]
) -> list[str]:
    """``n`` labels with exact ``counts`` of the first labels (the rest the last), shuffled."""
    values: list[str] = []
    for count, label in zip(counts, labels, strict=False):
        values += [label] * count
    values += [labels[-1]] * (n - len(values))
    return [values[i] for i in rng.permutation(n)]


def treatment_labels(
    rng: np.random.Generator, n: int, counts: Sequence[int] | None, probs: Sequence[float]
) -> list[str]:
    if counts is not None:
        assert sum(counts) == n, (sum(counts), n)
        return spread(rng, n, counts, TREATMENT)
    return [TREATMENT[int(i)] for i in rng.choice(4, size=n, p=probs)]


def contact_rows(
    rng: np.random.Generator,
    year: int,
    kommun: str,
    plan: dict[str, list[int]],
    wait_median: float,
    same_day: float,
    treatment_counts: Sequence[int] | None = None,
    treatment_probs: Sequence[float] = (0.35, 0.48, 0.15, 0.02),
) -> list[Row]:
    """One municipality's 54 calls and 54 e-mails following ``plan`` (counts per area)."""
    phone_times = contact_times(rng, year, sum(AREA_N), fridays=0)
    mail_times = contact_times(rng, year, sum(AREA_N), fridays=6)
    phone: list[Row] = []
    mail: list[Row] = []
    # Queue times: lognormal, centred so that the sample median is exactly `wait_median`.
    z = rng.normal(size=sum(plan["reached"]))
    waits = [max(3, round(wait_median * float(np.exp(0.75 * v)))) for v in z - np.median(z)]
    n_fast = sum(plan["fast"])
    same_day_flags = spread(rng, n_fast, [round(same_day * n_fast)], ["ja", "nej"])
    for a, area in enumerate(AREAS):
        n = AREA_N[a]
        reached = spread(rng, n, [plan["reached"][a]], ["ja", "nej"])
        # Only reached calls can give an answer; unreached calls are "nej".
        reached_answers = spread(
            rng,
            plan["reached"][a],
            [plan["phone_yes"][a], plan["phone_partly"][a]],
            ["ja", "delvis", "nej"],
        )
        for k in range(n):
            sent = phone_times.pop()
            if reached[k] == "ja":
                wait = waits.pop()
                phone.append(
                    [year, kommun, "telefon", area, sent, None, "ja", wait, reached_answers.pop()]
                )
            else:
                phone.append([year, kommun, "telefon", area, sent, None, "nej", None, "nej"])
        answered = spread(rng, n, [plan["answered"][a]], ["ja", "nej"])
        fast = spread(rng, plan["answered"][a], [plan["fast"][a]], ["ja", "nej"])
        mail_answers = spread(
            rng,
            plan["answered"][a],
            [plan["email_yes"][a], plan["email_partly"][a]],
            ["ja", "delvis", "nej"],
        )
        for k in range(n):
            sent = mail_times.pop()
            if answered[k] == "ja":
                is_fast = fast.pop() == "ja"
                same = is_fast and same_day_flags.pop() == "ja"
                reply = reply_time(rng, sent, is_fast, same)
                mail.append(
                    [year, kommun, "e-post", area, sent, reply, None, None, mail_answers.pop()]
                )
            else:
                mail.append([year, kommun, "e-post", area, sent, None, None, None, "nej"])
    rows = sorted(phone, key=lambda r: r[4]) + sorted(mail, key=lambda r: r[4])
    rated = [r for r in rows if (r[2] == "telefon" and r[6] == "ja") or r[5] is not None]
    for row, label in zip(
        rated, treatment_labels(rng, len(rated), treatment_counts, treatment_probs), strict=True
    ):
        row.append(label)
    for row in rows:
        if len(row) == 9:
            row.append(None)
    return rows


def lekeberg_rows(year: int) -> list[Row]:
    rng = rng_for(year)
    rows = contact_rows(
        rng,
        year,
        "Lekeberg",
        LEKEBERG_PLAN[year],
        wait_median=LEKEBERG_WAIT_MEDIAN[year],
        same_day=0.25 if year == 2019 else 0.58,
        treatment_counts=LEKEBERG_TREATMENT[year],
    )
    if year == 2019:  # a data-entry slip: "kanske" in `nådd` on a call that was reached
        reached = [r for r in rows if r[2] == "telefon" and r[6] == "ja"]
        reached[11][6] = "kanske"
    else:  # an unparseable reply date on an answered e-mail
        answered = [r for r in rows if r[2] == "e-post" and r[5] is not None]
        answered[20][5] = "okänt"
    return rows


# Comparison municipalities (real SCB codes). Lekeberg is added from its own file.
MUNICIPALITIES: list[tuple[str, str]] = [
    ("0160", "Täby"),
    ("0180", "Stockholm"),
    ("0182", "Nacka"),
    ("0380", "Uppsala"),
    ("0484", "Eskilstuna"),
    ("0580", "Linköping"),
    ("0680", "Jönköping"),
    ("0780", "Växjö"),
    ("0880", "Kalmar"),
    ("1281", "Lund"),
    ("1283", "Helsingborg"),
    ("1490", "Borås"),
    ("1761", "Hammarö"),
    ("1780", "Karlstad"),
    ("1784", "Arvika"),
    ("1814", "Lekeberg"),
    ("1860", "Laxå"),
    ("1861", "Hallsberg"),
    ("1862", "Degerfors"),
    ("1880", "Örebro"),
    ("1881", "Kumla"),
    ("1882", "Askersund"),
    ("1883", "Karlskoga"),
    ("1884", "Nora"),
    ("1885", "Lindesberg"),
    ("1980", "Västerås"),
    ("2180", "Gävle"),
    ("2480", "Umeå"),
    ("2580", "Luleå"),
    ("2581", "Piteå"),
]


def municipality_plan(
    rng: np.random.Generator, quality: dict[str, float]
) -> tuple[dict[str, list[int]], float, float, list[float]]:
    """Random per-area counts from a municipality's quality parameters."""
    plan: dict[str, list[int]] = {k: [] for k in LEKEBERG_PLAN[2019]}
    for n in AREA_N:
        reached = int(rng.binomial(n, quality["reach"]))
        yes = int(rng.binomial(reached, quality["phone_answer"]))
        partly = int(rng.binomial(reached - yes, 0.4))
        answered = int(rng.binomial(n, quality["email_answered"]))
        fast = int(rng.binomial(answered, quality["fast"]))
        email_yes = int(rng.binomial(answered, quality["email_answer"]))
        email_partly = int(rng.binomial(answered - email_yes, 0.5))
        for key, value in zip(
            plan, [reached, yes, partly, answered, fast, email_yes, email_partly], strict=True
        ):
            plan[key].append(value)
    very_good = quality["very_good"]
    bad = 0.0 if quality["bad"] < 0 else quality["bad"]
    probs = [very_good, 1 - very_good - quality["fair"] - bad, quality["fair"], bad]
    return plan, quality["wait"], quality["same_day"], probs


def municipality_quality(rng: np.random.Generator) -> dict[int, dict[str, float]]:
    """Quality parameters for 2019 and 2020 (2020 = 2019 plus a small change)."""
    base = {
        "reach": float(np.clip(rng.normal(0.83, 0.06), 0.6, 0.98)),
        "phone_answer": float(np.clip(rng.normal(0.73, 0.07), 0.45, 0.95)),
        "email_answered": float(np.clip(rng.normal(0.96, 0.025), 0.85, 1.0)),
        "email_answer": float(np.clip(rng.normal(0.75, 0.06), 0.5, 0.95)),
        "fast": float(np.clip(rng.normal(0.68, 0.1), 0.4, 0.95)),
        "same_day": float(rng.uniform(0.25, 0.6)),
        "wait": float(np.exp(rng.normal(np.log(70), 0.35))),
        "very_good": float(np.clip(rng.normal(0.36, 0.07), 0.15, 0.6)),
        "fair": float(np.clip(rng.normal(0.13, 0.04), 0.03, 0.25)),
        "bad": float(rng.normal(0.015, 0.015)),
    }
    later = dict(base)
    for key, sd in [("reach", 0.03), ("phone_answer", 0.03), ("email_answer", 0.03)]:
        later[key] = float(np.clip(base[key] + rng.normal(0, sd), 0.4, 0.99))
    later["fast"] = float(np.clip(base["fast"] + rng.normal(0.03, 0.05), 0.4, 0.97))
    later["wait"] = base["wait"] * float(np.exp(rng.normal(-0.05, 0.15)))
    return {2019: base, 2020: later}


def comparison_rows() -> dict[int, list[Row]]:
    """Contact rows for every municipality, 2019 and 2020 (2019 feeds only the Kolada file)."""
    rng = rng_for(4)
    out: dict[int, list[Row]] = {2019: [], 2020: []}
    for code, name in MUNICIPALITIES:
        quality = municipality_quality(rng)
        for year in (2019, 2020):
            if code == "1814":
                out[year] += lekeberg_rows(year)
                continue
            plan, wait, same_day, probs = municipality_plan(rng, quality[year])
            out[year] += contact_rows(rng, year, name, plan, wait, same_day, None, probs)
    return out


CONTACT_WIDTHS = {
    "kommun": 12.0,
    "område": 24.0,
    "skickad": 18.0,
    "besvarad": 18.0,
    "väntetid_s": 11.0,
    "svar_på_frågan": 15.0,
    "bemötande": 12.0,
}
DATETIME_FORMAT = {"skickad": "yyyy-mm-dd hh:mm", "besvarad": "yyyy-mm-dd hh:mm"}


def write_contacts(path: Path, rows: list[Row]) -> None:
    write_xlsx(
        path,
        "Kontakter",
        [CONTACT_HEADER, *rows],
        header_row=1,
        widths=CONTACT_WIDTHS,
        number_formats=DATETIME_FORMAT,
    )


KOLADA_KPIS = [
    ("U07451", "phone_reached"),
    ("U07452", "phone_answered_question"),
    ("U07453", "email_within_1_working_day"),
    ("U07454", "email_answered_question"),
    ("U07455", "treatment_index"),
]


def contact_kpis(rows: list[Row]) -> dict[str, float]:
    """The five KKiK-style shares (percent) of one municipality-year; odd values left out."""
    phone = [r for r in rows if r[2] == "telefon"]
    mail = [r for r in rows if r[2] == "e-post"]
    reached = [r[6] for r in phone if r[6] in ("ja", "nej")]
    valid_mail = [r for r in mail if r[5] is None or isinstance(r[5], dt.datetime)]
    within = [r[5] is not None and working_days_elapsed(r[4], r[5]) <= 1.0 for r in valid_mail]
    points = [TREATMENT_POINTS[r[9]] for r in rows if r[9] is not None]
    return {
        "phone_reached": 100 * reached.count("ja") / len(reached),
        "phone_answered_question": 100 * sum(r[8] == "ja" for r in phone) / len(phone),
        "email_within_1_working_day": 100 * sum(within) / len(within),
        "email_answered_question": 100 * sum(r[8] == "ja" for r in mail) / len(mail),
        "treatment_index": 100 * sum(points) / (3 * len(points)),
    }


def write_kolada(contacts: dict[int, list[Row]]) -> None:
    lines = ["kpi,kpi_name,municipality_id,municipality,period,gender,value"]
    values: dict[tuple[str, int], dict[str, float]] = {}
    for year, rows in contacts.items():
        for code, name in MUNICIPALITIES:
            values[code, year] = contact_kpis([r for r in rows if r[1] == name])
    for kpi, kpi_name in KOLADA_KPIS:
        for code, name in MUNICIPALITIES:
            for year in (2019, 2020):
                value = values[code, year][kpi_name]
                lines.append(f"{kpi},{kpi_name},{code},{name},{year},T,{value:.1f}")
    (OUT / "kolada_servicematning.csv").write_bytes(("\n".join(lines) + "\n").encode("utf-8"))


def write_service_measurement() -> None:
    write_contacts(OUT / "servicematning_2019.xlsx", lekeberg_rows(2019))
    write_contacts(OUT / "servicematning_2020.xlsx", lekeberg_rows(2020))
    contacts = comparison_rows()
    write_contacts(OUT / "servicematning_jamforelse_2020.xlsx", contacts[2020])
    write_kolada(contacts)


# --------------------------------------------------------------------------------------------
# 6. Feedback register (synpunktshantering)
# --------------------------------------------------------------------------------------------

UNITS = [
    "Barn- och utbildningsförvaltningen",
    "Socialförvaltningen",
    "Samhällsbyggnadsförvaltningen",
    "Kultur- och fritidsförvaltningen",
    "Tekniska förvaltningen",
    "Kommunledningsförvaltningen",
]
UNIT_VOLUME = {2023: [220, 170, 230, 120, 370, 90], 2024: [215, 175, 225, 125, 450, 95]}
FEEDBACK_TYPES = ["klagomål", "synpunkt", "förslag", "fråga", "beröm"]
TYPE_PROBS = {
    "Barn- och utbildningsförvaltningen": [0.52, 0.22, 0.10, 0.10, 0.06],
    "Socialförvaltningen": [0.56, 0.20, 0.06, 0.10, 0.08],
    "Samhällsbyggnadsförvaltningen": [0.55, 0.22, 0.10, 0.10, 0.03],
    "Kultur- och fritidsförvaltningen": [0.36, 0.22, 0.26, 0.06, 0.10],
    "Tekniska förvaltningen": [0.62, 0.18, 0.12, 0.05, 0.03],
    "Kommunledningsförvaltningen": [0.40, 0.24, 0.12, 0.18, 0.06],
}
CATEGORIES = {
    "Barn- och utbildningsförvaltningen": [
        "förskola",
        "grundskola",
        "fritidshem",
        "skolskjuts",
        "skolmåltider",
    ],
    "Socialförvaltningen": [
        "äldreomsorg",
        "hemtjänst",
        "LSS",
        "individ- och familjeomsorg",
        "försörjningsstöd",
    ],
    "Samhällsbyggnadsförvaltningen": ["bygglov", "detaljplan", "miljö och hälsa", "kart och mät"],
    "Kultur- och fritidsförvaltningen": [
        "bibliotek",
        "idrottsanläggningar",
        "badhus",
        "kulturskola",
        "evenemang",
    ],
    "Tekniska förvaltningen": [
        "snöröjning",
        "gator och vägar",
        "gatubelysning",
        "parker och grönytor",
        "avfall och återvinning",
        "vatten och avlopp",
    ],
    "Kommunledningsförvaltningen": ["bemötande", "webbplats", "kontaktcenter", "information"],
}
CHANNELS = ["e-post", "webbformulär", "telefon", "besök", "brev"]
CHANNEL_PROBS = [0.30, 0.40, 0.18, 0.07, 0.05]
ANONYMOUS_BY_CHANNEL = {"e-post": 0.08, "webbformulär": 0.30, "telefon": 0.10, "besök": 0.15}
ANONYMOUS_BY_CHANNEL["brev"] = 0.40
REPLY_MEDIAN = {2023: 7.0, 2024: 5.0}
UNIT_SPEED = [1.0, 1.3, 1.1, 0.9, 1.15, 0.7]
EXTRACTED = dt.date(2024, 12, 31)


def season(unit: str, month: int) -> float:
    """Relative inflow by month: snow in winter and potholes in spring for Tekniska, etc."""
    factor = 0.55 if month == 7 else 0.85 if month in (6, 8, 12) else 1.0
    if unit == "Tekniska förvaltningen":
        factor *= {1: 1.8, 2: 1.6, 3: 1.3, 4: 1.2, 5: 1.1, 12: 1.6}.get(month, 0.8)
    if unit == "Barn- och utbildningsförvaltningen":
        factor *= {7: 0.4, 8: 1.4, 9: 1.3}.get(month, 1.0)
    if unit == "Kultur- och fritidsförvaltningen":
        factor *= {6: 1.4, 7: 2.0, 8: 1.4}.get(month, 1.0)
    return factor


def inflow_days(rng: np.random.Generator, year: int, unit: str, n: int) -> list[dt.date]:
    days = [dt.date(year, 1, 1) + dt.timedelta(days=i) for i in range(366)]
    days = [d for d in days if d.year == year]
    weights = np.array(
        [season(unit, d.month) * (1.0 if is_workday(d) else 0.3) for d in days], dtype=float
    )
    picked = rng.choice(len(days), size=n, p=weights / weights.sum())
    return sorted(days[int(i)] for i in picked)


def feedback_rows() -> list[Row]:
    rng = rng_for(6)
    items: list[dict[str, Any]] = []
    for year in (2023, 2024):
        for u, unit in enumerate(UNITS):
            n = UNIT_VOLUME[year][u]
            probs = np.array(TYPE_PROBS[unit])
            if year == 2024 and unit == "Tekniska förvaltningen":
                probs = np.array([0.68, 0.15, 0.10, 0.04, 0.03])
            for day in inflow_days(rng, year, unit, n):
                kind = FEEDBACK_TYPES[int(rng.choice(5, p=probs))]
                channel = CHANNELS[int(rng.choice(5, p=CHANNEL_PROBS))]
                if channel in ("telefon", "besök", "brev") and not is_workday(day):
                    channel = "webbformulär"
                items.append(
                    {
                        "inkommen": day,
                        "typ": kind,
                        "förvaltning": unit,
                        "kanal": channel,
                        "kategori": str(rng.choice(CATEGORIES[unit])),
                        "kontakt": rng.random() >= ANONYMOUS_BY_CHANNEL[channel],
                        "speed": UNIT_SPEED[u] * (0.6 if kind == "fråga" else 1.0),
                    }
                )
    items.sort(key=lambda item: (item["inkommen"], UNITS.index(str(item["förvaltning"]))))

    rows: list[Row] = []
    counters = {2023: 0, 2024: 0}
    for item in items:
        received = item["inkommen"]
        assert isinstance(received, dt.date)
        counters[received.year] += 1
        replied: dt.date | None = None
        closed: dt.date | None = None
        if item["kontakt"]:
            if rng.random() >= 0.05:
                median = REPLY_MEDIAN[received.year] * float(item["speed"])
                days = int(rng.lognormal(np.log(median), 0.8))
                replied = next_workday(received + dt.timedelta(days=days))
                extra = 0 if rng.random() < 0.6 else int(rng.geometric(0.12))
                closed = next_workday(replied + dt.timedelta(days=extra))
            elif rng.random() < 0.5:  # closed without a reply
                closed = next_workday(received + dt.timedelta(days=int(rng.integers(10, 90))))
        else:
            closed = next_workday(received + dt.timedelta(days=int(rng.lognormal(np.log(8), 0.9))))
        if closed is not None and rng.random() < 0.01:  # a few still open from long ago
            closed = None
        if replied is not None and replied > EXTRACTED:
            replied = None
        if closed is not None and closed > EXTRACTED:
            closed = None
        rows.append(
            [
                f"SYN-{received.year}-{counters[received.year]:04d}",
                received,
                item["typ"],
                item["förvaltning"],
                item["kanal"],
                item["kategori"],
                "ja" if item["kontakt"] else "nej",
                replied,
                closed,
            ]
        )

    # Data-entry errors: three `avslutad` dates before `inkommen`.
    closed_rows = [i for i, r in enumerate(rows) if r[8] is not None and r[7] is not None]
    for k, i in enumerate([closed_rows[137], closed_rows[900], closed_rows[1650]]):
        received = rows[i][1]
        assert isinstance(received, dt.date)
        if k == 0:  # wrong year
            rows[i][8] = rows[i][8].replace(year=received.year - 1)
        elif k == 1:  # one day before arrival
            rows[i][8] = received - dt.timedelta(days=1)
        else:  # typed in as 11 January
            rows[i][8] = dt.date(received.year, 1, 11)
    # One item exported twice.
    duplicate = closed_rows[1200]
    rows.insert(duplicate + 1, list(rows[duplicate]))
    return rows


def write_feedback() -> None:
    header = [
        "id",
        "inkommen",
        "typ",
        "förvaltning",
        "kanal",
        "kategori",
        "kontaktuppgifter",
        "besvarad",
        "avslutad",
    ]
    widths = {"id": 15.0, "inkommen": 11.0, "förvaltning": 34.0, "kategori": 24.0}
    widths.update({"kontaktuppgifter": 16.0, "besvarad": 11.0, "avslutad": 11.0})
    write_xlsx(
        OUT / "synpunkter_2023_2024.xlsx",
        "Synpunkter",
        [header, *feedback_rows()],
        header_row=1,
        widths=widths,
    )


# --------------------------------------------------------------------------------------------
# 7. Building permits (bygglov)
# --------------------------------------------------------------------------------------------

CASE_TYPES = [
    "nybyggnad enbostadshus",
    "tillbyggnad",
    "fasadändring",
    "attefall/anmälan",
    "rivning",
]
CASE_TYPE_PROBS = [0.20, 0.30, 0.15, 0.25, 0.10]
CASE_LEAD_MEDIAN = [44.0, 37.0, 30.0, 24.0, 27.0]  # days from komplett to beslut
YEAR_LEAD_FACTOR = {2023: 1.2, 2024: 0.95}
CASE_VOLUME = {2023: 312, 2024: 291}


def permit_rows() -> list[Row]:
    rng = rng_for(7)
    rows: list[Row] = []
    for year in (2023, 2024):
        days = workdays_in(dt.date(year, 1, 1), dt.date(year, 12, 31))
        weights = np.array(
            [{3: 1.4, 4: 1.6, 5: 1.5, 6: 1.2, 7: 0.5}.get(d.month, 1.0) for d in days]
        )
        picked = sorted(rng.choice(len(days), size=CASE_VOLUME[year], p=weights / weights.sum()))
        number = int(rng.integers(5, 20))
        for i in picked:
            received = days[int(i)]
            number += int(rng.integers(1, 4))  # the diary is shared with other case types
            t = int(rng.choice(5, p=CASE_TYPE_PROBS))
            decision_type = str(
                rng.choice(["bifall", "avslag", "avskrivning"], p=[0.86, 0.05, 0.09])
            )
            start = received
            if rng.random() > 0.35:  # kompletteringar needed
                wait = min(120, int(rng.lognormal(np.log(14), 0.8)))
                start = next_workday(received + dt.timedelta(days=wait))
            complete: dt.date | None = start
            if decision_type == "avskrivning" and rng.random() < 0.4:
                complete = None  # withdrawn before the application was ever complete
            median = CASE_LEAD_MEDIAN[t] * YEAR_LEAD_FACTOR[year]
            median *= {"avslag": 1.3, "avskrivning": 0.7}.get(decision_type, 1.0)
            lead = int(rng.lognormal(np.log(median), 0.55))
            decision_day = next_workday(start + dt.timedelta(days=lead))
            decided = decision_day if decision_day <= EXTRACTED else None
            if complete is not None and complete > EXTRACTED:
                complete = None
            rows.append(
                [
                    f"BYGG {year}-{number:06d}",
                    CASE_TYPES[t],
                    received,
                    complete,
                    decided,
                    decision_type if decided is not None else None,
                ]
            )
    return rows


def write_permits() -> None:
    header = ["ärendenummer", "ärendetyp", "inkommen", "komplett", "beslut", "beslutstyp"]
    widths = {"ärendenummer": 18.0, "ärendetyp": 24.0, "inkommen": 11.0, "komplett": 11.0}
    widths.update({"beslut": 11.0, "beslutstyp": 12.0})
    write_xlsx(
        OUT / "bygglov_arenden.xlsx",
        "Ärenden",
        [header, *permit_rows()],
        header_row=1,
        widths=widths,
    )


# --------------------------------------------------------------------------------------------
# 8. KPIs and service declarations
# --------------------------------------------------------------------------------------------

KPI_TOML = """\
# Nyckeltal och servicedeklarationer (KPIs and service declarations) for `servqual kpi`.
# Generated by data/samples/generate.py. UTF-8. Paths are relative to this file's folder.
#
# Top level
#   title            text shown above the KPI table.
#   min_n            groups (`by`) with fewer cases are "too few": not judged and never named
#                    below the goal. Default 30 (in a report: the report's min_n).
#
# Each [[kpi]] table
#   name             the KPI's name as published (text, required).
#   aspect           one of "nåbarhet" | "väntetid" | "genomförandetid" | "resultat" (required).
#   data             a data file (xlsx or csv), relative to this file (required).
#   filter           inline table {column = value}; keep only rows where each column equals the
#                    value (text comparison). Optional. Quote a column name with å, ä or ö:
#                    filter = { kanal = "e-post", "område" = "bygglov" }.
#   by               a column to break the KPI down by (one value per group). Optional.
#   Two kinds of KPI:
#   a) duration KPIs: the time from `start` to `end`
#   start, end       date or datetime columns. A missing `end` means the case is still open or
#                    was never answered (an unanswered e-mail is not within the limit).
#   limit            the promise, "<number> <unit>" with unit "working day(s)", "day(s)",
#                    "week(s)", "hour(s)" or "working hour(s)", in English or Swedish:
#                    "1 working day", "14 days", "10 weeks", "48 hours", "2 arbetsdagar".
#   unit             unit for statistic values and `norm`: "days", "working days", "seconds".
#   b) value KPIs: a column of values
#   value_column     the column to measure (numbers for median/mean/p90, labels for share).
#   success          for statistic = "share": the label, or a list of labels, that count as a
#                    success; the share is successes / rows with a non-empty value.
#   unreached        for median/mean/p90: { column = answer } marking a contact that reached
#                    no one; its blank value is counted as "unreached", not as a blank cell.
#                    Default { "nådd" = "nej" } (when the file has that column); false: none.
#   Common
#   statistic        "median" | "mean" | "p90" | "share_within" | "share". Default:
#                    "share_within" when `limit` is given (a service declaration).
#   target           the required share, 0-1 (share and share_within KPIs).
#   norm             the comparison norm for median/mean/p90, in `unit`; lower is better
#                    unless higher_is_better = true.
#   higher_is_better true | false (default true for shares, false for median/mean/p90).
#   register         "auto" | "feedback" | "none". A KPI on a feedback register (a file with
#                    its columns) measures only the rows `servqual feedback` keeps: repeated ids
#                    and answers before the receipt are left out and counted. Default "auto".
#   period           for a KPI without a date column: the period its data cover, a year
#                    ("2024") or a range ("2023-2024"), shown beside the value. Optional;
#                    without it the file's year column (år, year, mätår), if any, names it.
#
# A service declaration is a KPI with a `limit` and a `target`.

title = "Nyckeltal och servicedeklarationer, Lekebergs kommun"

[[kpi]]
name = "Telefon: når en person"
aspect = "nåbarhet"
data = "servicematning_2020.xlsx"
filter = { kanal = "telefon" }
value_column = "nådd"
statistic = "share"
success = "ja"
target = 0.80
by = "område"

[[kpi]]
name = "E-post besvaras inom en arbetsdag"
aspect = "väntetid"
data = "servicematning_2020.xlsx"
filter = { kanal = "e-post" }
start = "skickad"
end = "besvarad"
limit = "1 working day"
target = 0.90
by = "område"

[[kpi]]
name = "Väntetid i telefon (median)"
aspect = "väntetid"
data = "servicematning_2020.xlsx"
filter = { kanal = "telefon" }
value_column = "väntetid_s"
statistic = "median"
unit = "seconds"
norm = 90
unreached = { "nådd" = "nej" }

[[kpi]]
name = "Handläggningstid bygglov"
aspect = "genomförandetid"
data = "bygglov_arenden.xlsx"
start = "komplett"
end = "beslut"
statistic = "median"
unit = "days"
norm = 70

[[kpi]]
name = "Bygglov beslutas inom tio veckor från komplett ansökan"
aspect = "genomförandetid"
data = "bygglov_arenden.xlsx"
start = "komplett"
end = "beslut"
limit = "10 weeks"
target = 0.90
by = "ärendetyp"

[[kpi]]
name = "Synpunkter besvaras inom 14 dagar"
aspect = "genomförandetid"
data = "synpunkter_2023_2024.xlsx"
filter = { kontaktuppgifter = "ja" }
start = "inkommen"
end = "besvarad"
limit = "14 days"
target = 0.90
by = "förvaltning"

[[kpi]]
name = "Svar på frågan"
aspect = "resultat"
data = "servicematning_2020.xlsx"
value_column = "svar_på_frågan"
statistic = "share"
success = "ja"
target = 0.80
by = "kanal"

[[kpi]]
name = "Gott bemötande (god eller mycket god)"
aspect = "resultat"
data = "servicematning_2020.xlsx"
value_column = "bemötande"
statistic = "share"
success = ["mycket god", "god"]
target = 0.90
"""


def write_kpi_toml() -> None:
    (OUT / "kpi.toml").write_bytes(KPI_TOML.encode("utf-8"))


# --------------------------------------------------------------------------------------------
# Contact series 2021-2022 (with 2019-2020 above: four years of Lekeberg) and the citizen
# survey of the service measurement since 2022 (answers 1-5, "Vet ej")
# --------------------------------------------------------------------------------------------
SERIES_PLAN: dict[int, dict[str, list[int]]] = {
    2021: {
        "reached": [5, 5, 5, 5, 4, 5, 5, 4],
        "phone_yes": [3, 4, 3, 3, 3, 3, 4, 3],
        "phone_partly": [1, 0, 1, 1, 0, 1, 0, 1],
        "answered": [7, 7, 6, 7, 6, 7, 7, 6],
        "fast": [5, 6, 5, 6, 5, 6, 6, 5],
        "email_yes": [5, 6, 5, 5, 4, 5, 6, 4],
        "email_partly": [1, 1, 1, 1, 1, 1, 0, 1],
    },
    2022: {
        "reached": [4, 5, 4, 5, 4, 4, 5, 4],
        "phone_yes": [3, 3, 3, 3, 2, 3, 3, 2],
        "phone_partly": [0, 1, 1, 1, 1, 0, 1, 1],
        "answered": [7, 7, 7, 7, 6, 7, 7, 6],
        "fast": [6, 7, 6, 7, 5, 6, 7, 5],
        "email_yes": [6, 6, 6, 6, 5, 6, 6, 5],
        "email_partly": [1, 1, 0, 1, 1, 1, 1, 1],
    },
}
SERIES_TREATMENT = {2021: [28, 45, 16, 2], 2022: [30, 44, 14, 1]}
SERIES_WAIT_MEDIAN = {2021: 70.0, 2022: 95.0}


def lekeberg_series_rows(year: int) -> list[Row]:
    """Lekeberg's contacts of 2021 and 2022: fewer calls reach a person year by year."""
    return contact_rows(
        rng_for(7000 + year),
        year,
        "Lekeberg",
        SERIES_PLAN[year],
        wait_median=SERIES_WAIT_MEDIAN[year],
        same_day=0.6,
        treatment_counts=SERIES_TREATMENT[year],
    )


def write_contact_series() -> None:
    for year in (2021, 2022):
        write_contacts(OUT / f"servicematning_{year}.xlsx", lekeberg_series_rows(year))


CITIZEN_HEADER = ["år", "kanal", "enkelt_att_få_hjälp", "bemötande", "tydligt_svar"]
# Answer probabilities 1..5 per year and channel (telephone ease falls, e-mail holds).
CITIZEN_PROBS = {
    ("telefon", 2022): [0.05, 0.08, 0.17, 0.35, 0.35],
    ("telefon", 2023): [0.07, 0.10, 0.20, 0.33, 0.30],
    ("telefon", 2024): [0.10, 0.13, 0.22, 0.30, 0.25],
    ("e-post", 2022): [0.06, 0.10, 0.20, 0.34, 0.30],
    ("e-post", 2023): [0.06, 0.09, 0.20, 0.35, 0.30],
    ("e-post", 2024): [0.05, 0.09, 0.20, 0.35, 0.31],
}
CITIZEN_N = {"telefon": 140, "e-post": 25}  # e-mail: a small base, flagged below --min-n


def citizen_rows() -> list[Row]:
    rng = rng_for(7100)
    rows: list[Row] = []
    for (channel, year), probs in CITIZEN_PROBS.items():
        for _ in range(CITIZEN_N[channel]):
            answers: list[Cell] = []
            for _question in range(3):
                value = int(rng.choice(5, p=probs)) + 1
                answers.append("Vet ej" if rng.random() < 0.06 else value)
            rows.append([year, channel, *answers])
    return rows


def write_citizen_survey() -> None:
    write_xlsx(OUT / "servicematning_medborgare_2022_2024.xlsx", "Svar",
               [CITIZEN_HEADER, *citizen_rows()], header_row=1)  # fmt: skip


# --------------------------------------------------------------------------------------------
# Toolbox samples: zone of tolerance, staff survey (knowledge gap), survey with overall item
# and post-stratification weights
# --------------------------------------------------------------------------------------------

# Adequate level per dimension and zone width (D - A): PZB (1994) found reliability with the
# highest adequate level and the narrowest zone.
ZOT_ADEQUATE = [4.1, 5.2, 4.6, 4.7, 4.4]
ZOT_WIDTH = [1.9, 1.2, 1.6, 1.5, 1.7]
ZOT_P = {"Förskola/barnomsorg": [5.3, 5.4, 4.8, 5.6, 5.2], "Äldreomsorg": [5.0, 5.0, 4.3, 5.3, 4.6],
         "Grundskola": [5.1, 5.2, 4.6, 5.4, 4.9]}  # fmt: skip


def _dimension_item_matrix(
    rng: np.random.Generator, level: np.ndarray, person: np.ndarray, noise: float
) -> np.ndarray:
    """(n, 22) latent scores: per-dimension level (n, 5) + person effect + item noise."""
    n = level.shape[0]
    out = np.zeros((n, 22))
    for d, items in enumerate(DIMENSIONS.values()):
        factor = rng.normal(size=n)
        for item in items:
            out[:, item - 1] = level[:, d] + person + 0.5 * factor + noise * rng.normal(size=n)
    return out


def _mess(rng: np.random.Generator, answers: list[Row], first: int, n_cols: int) -> None:
    """About 1 % "Vet ej" and 1 % blanks in the answer columns [first, first + n_cols)."""
    n_cells = len(answers) * n_cols
    picked = rng.choice(n_cells, size=2 * round(0.01 * n_cells), replace=False)
    for k, flat in enumerate(picked):
        r, c = divmod(int(flat), n_cols)
        answers[r][first + c] = "Vet ej" if k % 2 == 0 else None


def make_tolerance_survey() -> tuple[list[str], list[Row]]:
    rng = rng_for(41)
    services = list(ZOT_P)
    n_per = [84, 78, 80]
    service = np.repeat(np.arange(3), n_per)[rng.permutation(sum(n_per))]
    n = len(service)
    person = 0.5 * rng.normal(size=n)
    a = _dimension_item_matrix(rng, np.tile(ZOT_ADEQUATE, (n, 1)), person, 0.6)
    width = _dimension_item_matrix(rng, np.tile(ZOT_WIDTH, (n, 1)), 0.2 * rng.normal(size=n), 0.5)
    p_level = np.array([ZOT_P[services[k]] for k in service])
    p = _dimension_item_matrix(rng, p_level, 0.6 * person + 0.5 * rng.normal(size=n), 0.7)
    a_int = np.clip(np.rint(a), 1, 7).astype(int)
    d_int = np.clip(np.rint(a + width), 1, 7).astype(int)
    p_int = np.clip(np.rint(p), 1, 7).astype(int)
    header = (["Respondent", "Tjänst", "Kön"] + [f"A{i}" for i in range(1, 23)]
              + [f"D{i}" for i in range(1, 23)] + [f"P{i}" for i in range(1, 23)])  # fmt: skip
    genders = rng.choice(["Kvinna", "Man"], size=n, p=[0.55, 0.45])
    rows: list[Row] = [
        [r + 1, services[service[r]], str(genders[r])]
        + [int(v) for v in a_int[r]] + [int(v) for v in d_int[r]] + [int(v) for v in p_int[r]]
        for r in range(n)
    ]  # fmt: skip
    _mess(rng, rows, 3, 66)
    return header, rows


STAFF_BIAS = [0.35, -0.75, -0.6, -0.2, -0.45]  # staff - citizens, per dimension (T R Resp A E)


def make_staff_survey() -> tuple[list[str], list[Row]]:
    rng = rng_for(42)
    n = 86
    units = rng.choice(SERVICES, size=n)
    level = np.tile(np.array(E_LEVEL) + np.array(STAFF_BIAS), (n, 1))
    e = _dimension_item_matrix(rng, level, 0.45 * rng.normal(size=n), 0.55)
    e_int = np.clip(np.rint(e), 1, 7).astype(int)
    roles = rng.choice(["Medarbetare", "Chef"], size=n, p=[0.8, 0.2])
    header = ["Respondent", "Tjänst", "Roll"] + [f"E{i}" for i in range(1, 23)]
    rows: list[Row] = [
        [r + 1, str(units[r]), str(roles[r])] + [int(v) for v in e_int[r]] for r in range(n)
    ]
    _mess(rng, rows, 3, 22)
    return header, rows


# Population (adults using each service) per gender x age group, for post-stratification.
AGE_GROUPS = ["16-29", "30-49", "50-64", "65+"]
POPULATION = {("Kvinna", "16-29"): 6200, ("Kvinna", "30-49"): 9800, ("Kvinna", "50-64"): 7100,
              ("Kvinna", "65+"): 8900, ("Man", "16-29"): 6500, ("Man", "30-49"): 10100,
              ("Man", "50-64"): 7300, ("Man", "65+"): 7600}  # fmt: skip
# Response propensity: young men answer least, older women most (as in real citizen surveys).
PROPENSITY = {"16-29": 0.5, "30-49": 0.9, "50-64": 1.2, "65+": 1.5}
OVERALL_SLOPES = [0.1, 0.55, 0.35, 0.2, 0.25]  # overall quality on the dimension gaps


def make_weighted_survey() -> tuple[list[str], list[Row]]:
    rng = rng_for(43)
    n = 320
    cells = list(POPULATION)
    prob = np.array([POPULATION[c] * PROPENSITY[c[1]] * (0.8 if c[0] == "Man" else 1.0)
                     for c in cells])  # fmt: skip
    cell = rng.choice(len(cells), size=n, p=prob / prob.sum())
    counts = np.bincount(cell, minlength=len(cells))
    weight = np.array([POPULATION[cells[k]] / counts[k] for k in cell])
    services = rng.choice(SERVICES, size=n)
    age_effect = np.array([{"16-29": -0.4, "30-49": -0.2, "50-64": 0.1, "65+": 0.4}[cells[k][1]]
                           for k in cell])  # fmt: skip
    gap_plan = np.array([GAP_PLAN[s] for s in services])
    e = _dimension_item_matrix(rng, np.tile(E_LEVEL, (n, 1)), 0.45 * rng.normal(size=n), 0.55)
    person_p = 0.5 * rng.normal(size=n) + age_effect
    p_level = np.tile(E_LEVEL, (n, 1)) + gap_plan + age_effect[:, None] * 0.5
    p = _dimension_item_matrix(rng, p_level, person_p, 0.7)
    e_int = np.clip(np.rint(e), 1, 7).astype(int)
    p_int = np.clip(np.rint(p), 1, 7).astype(int)
    dim_gap = np.column_stack(
        [(p_int[:, [i - 1 for i in its]] - e_int[:, [i - 1 for i in its]]).mean(axis=1)
         for its in DIMENSIONS.values()]
    )  # fmt: skip
    overall = 5.4 + dim_gap @ np.array(OVERALL_SLOPES) + 0.8 * rng.normal(size=n)
    overall_int = np.clip(np.rint(overall), 1, 7).astype(int)
    header = (["Respondent", "Tjänst", "Kön", "Åldersgrupp", "Vikt"]
              + [f"E{i}" for i in range(1, 23)] + [f"P{i}" for i in range(1, 23)]
              + ["Helhetsbetyg"])  # fmt: skip
    no_overall = set(rng.choice(n, size=7, replace=False).tolist())
    rows: list[Row] = []
    for r in range(n):
        gender, age = cells[cell[r]]
        rows.append(
            [r + 1, str(services[r]), gender, age, round(float(weight[r]), 2)]
            + [int(v) for v in e_int[r]] + [int(v) for v in p_int[r]]
            + [None if r in no_overall else int(overall_int[r])]
        )  # fmt: skip
    _mess(rng, rows, 5, 44)
    return header, rows


def write_toolbox_samples() -> None:
    for name, (header, rows) in {
        "karlstad_tolerans.xlsx": make_tolerance_survey(),
        "karlstad_personal.xlsx": make_staff_survey(),
        "karlstad_servqual_2025.xlsx": make_weighted_survey(),
    }.items():
        write_xlsx(OUT / name, "Enkät", [list(header), *rows], header_row=1)


def main() -> None:
    write_survey()
    write_service_measurement()
    write_feedback()
    write_permits()
    write_kpi_toml()
    write_contact_series()
    write_citizen_survey()
    write_toolbox_samples()
    for path in sorted(OUT.iterdir()):
        if path.suffix in (".xlsx", ".csv", ".toml"):
            print(f"{path.name:40s} {path.stat().st_size:>9,d} bytes")


if __name__ == "__main__":
    main()
