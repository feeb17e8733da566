"""Registers at scale (#16): `servqual feedback` on 1M rows and `servqual kpi` over 3 registers.

Generates seeded registers shaped like the bundled samples (``synpunkter_2023_2024.xlsx``,
``bygglov_arenden.xlsx``, ``servicematning_2020.xlsx``) as CSV into ``bench/.data/registers``,
then runs, alternately in every round, as whole processes:

- ``servqual feedback FILE`` and ``servqual kpi CONFIG`` (the CLI, output to a temporary folder);
- the floor: a minimal pyarrow + numpy script reading the same files and computing the same
  counts and shares (no checks, no exclusions log, no output).

It prints the median wall time, the ratio to the floor, the peak resident memory (``wait4``'s
``ru_maxrss``) and PASS/FAIL against the targets of #16: ``feedback`` 1M rows ≤ 5 s, ``kpi``
1M rows over three registers ≤ 10 s.

Usage: ``python bench/bench_registers.py [--rows 1000000] [--repeat 3] [--quick]``.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.csv as pacsv

HERE = Path(__file__).parent
DATA = HERE / ".data" / "registers"
SERVQUAL = Path(sys.executable).with_name("servqual")
TARGETS = {"feedback": 5.0, "kpi": 10.0}  # seconds, whole process (#16)

UNITS = [
    "Kommunledningsförvaltningen",
    "Tekniska förvaltningen",
    "Barn- och utbildningsförvaltningen",
    "Socialförvaltningen",
    "Kultur- och fritidsförvaltningen",
    "Samhällsbyggnadsförvaltningen",
]
TYPES = ["klagomål", "synpunkt", "förslag", "fråga", "beröm"]
CHANNELS = ["webbformulär", "e-post", "telefon", "besök", "brev"]
CASE_TYPES = ["nybyggnad enbostadshus", "tillbyggnad", "fasadändring", "attefall/anmälan"]
AREAS = ["bygglov", "förskola", "äldreomsorg", "gator"]


def _dates(rng: np.random.Generator, n: int, start: str = "2023-01-01") -> np.ndarray:
    return np.datetime64(start) + rng.integers(0, 730, n).astype("timedelta64[D]")


def _iso(days: np.ndarray, blank: np.ndarray | None = None) -> pa.Array:
    text = pa.array(np.datetime_as_string(days, unit="D"))
    if blank is None:
        return text
    return pa.array(np.where(blank, "", np.asarray(text, dtype=object)))


def _write(path: Path, columns: dict[str, pa.Array | np.ndarray]) -> None:
    table = pa.table(
        {k: pa.array(v) if isinstance(v, np.ndarray) else v for k, v in columns.items()}
    )
    # Unquoted, as registers are exported (no field holds the delimiter or a quote).
    pacsv.write_csv(table, path, pacsv.WriteOptions(quoting_style="none"))


def generate(rows: int) -> dict[str, Path]:
    """Seeded registers: feedback (``rows``), and three KPI registers totalling ``rows``."""
    DATA.mkdir(parents=True, exist_ok=True)
    out = {
        "feedback": DATA / f"synpunkter_{rows}.csv",
        "permits": DATA / f"bygglov_{rows}.csv",
        "contacts": DATA / f"kontakter_{rows}.csv",
        "kpi": DATA / f"kpi_{rows}.toml",
    }
    if all(p.exists() for p in out.values()):
        return out
    rng = np.random.default_rng(16)
    n = rows
    received = _dates(rng, n)
    reply = received + rng.geometric(0.15, n).astype("timedelta64[D]")
    contact = rng.random(n) < 0.8
    unanswered = ~contact | (rng.random(n) < 0.05)
    closed = reply + rng.geometric(0.5, n).astype("timedelta64[D]")
    _write(
        out["feedback"],
        {
            "id": np.char.add("SYN-", np.arange(n).astype(str)),
            "inkommen": _iso(received),
            "typ": np.array(TYPES)[rng.choice(5, n, p=[0.4, 0.25, 0.1, 0.15, 0.1])],
            "förvaltning": np.array(UNITS)[rng.integers(0, len(UNITS), n)],
            "kanal": np.array(CHANNELS)[rng.integers(0, 5, n)],
            "kategori": np.char.add("kategori ", rng.integers(0, 12, n).astype(str)),
            "kontaktuppgifter": np.where(contact, "ja", "nej"),
            "besvarad": _iso(reply, unanswered),
            "avslutad": _iso(closed, rng.random(n) < 0.1),
        },
    )
    # KPI registers: feedback (40 %), permits (30 %), contacts (30 %) of `rows`.
    n_fb, n_permit = (4 * rows) // 10, (3 * rows) // 10
    n_contact = rows - n_fb - n_permit
    fb = pacsv.read_csv(out["feedback"]).slice(0, n_fb)
    pacsv.write_csv(
        fb, DATA / f"synpunkter_kpi_{rows}.csv", pacsv.WriteOptions(quoting_style="none")
    )
    complete = _dates(rng, n_permit)
    decided = complete + rng.gamma(3.0, 15.0, n_permit).astype("timedelta64[D]")
    _write(
        out["permits"],
        {
            "ärendenummer": np.char.add("BYGG ", np.arange(n_permit).astype(str)),
            "ärendetyp": np.array(CASE_TYPES)[rng.integers(0, 4, n_permit)],
            "komplett": _iso(complete),
            "beslut": _iso(decided, rng.random(n_permit) < 0.05),
        },
    )
    sent = np.datetime64("2020-01-01T08:00") + rng.integers(0, 366 * 24 * 60, n_contact).astype(
        "timedelta64[m]"
    )
    answered = sent + rng.exponential(900.0, n_contact).astype("timedelta64[m]")
    phone = rng.random(n_contact) < 0.5
    _write(
        out["contacts"],
        {
            "kanal": np.where(phone, "telefon", "e-post"),
            "område": np.array(AREAS)[rng.integers(0, 4, n_contact)],
            "skickad": pa.array(np.datetime_as_string(sent, unit="m")),
            "besvarad": pa.array(
                np.where(phone, "", np.char.replace(np.datetime_as_string(answered, "m"), "T", " "))
            ),
            "nådd": np.where(rng.random(n_contact) < 0.8, "ja", "nej"),
            "väntetid_s": np.where(
                phone, np.round(rng.lognormal(4.3, 0.7, n_contact)).astype(int).astype(str), ""
            ),
            "svar_på_frågan": np.array(["ja", "delvis", "nej"])[rng.integers(0, 3, n_contact)],
        },
    )
    out["kpi"].write_text(
        f"""title = "Bench"

[[kpi]]
name = "Synpunkter besvaras inom 14 dagar"
aspect = "genomförandetid"
data = "synpunkter_kpi_{rows}.csv"
filter = {{ kontaktuppgifter = "ja" }}
start = "inkommen"
end = "besvarad"
limit = "14 days"
target = 0.90
by = "förvaltning"

[[kpi]]
name = "Synpunkter avslutas inom 10 arbetsdagar"
aspect = "genomförandetid"
data = "synpunkter_kpi_{rows}.csv"
start = "inkommen"
end = "avslutad"
limit = "10 working days"
target = 0.80

[[kpi]]
name = "Handläggningstid bygglov"
aspect = "genomförandetid"
data = "bygglov_{rows}.csv"
start = "komplett"
end = "beslut"
statistic = "median"
unit = "days"
norm = 70

[[kpi]]
name = "Bygglov beslutas inom tio veckor"
aspect = "genomförandetid"
data = "bygglov_{rows}.csv"
start = "komplett"
end = "beslut"
limit = "10 weeks"
target = 0.90
by = "ärendetyp"

[[kpi]]
name = "Telefonsamtal når en handläggare"
aspect = "nåbarhet"
data = "kontakter_{rows}.csv"
filter = {{ kanal = "telefon" }}
value_column = "nådd"
statistic = "share"
success = "ja"
target = 0.80
by = "område"

[[kpi]]
name = "E-post besvaras inom en arbetsdag"
aspect = "väntetid"
data = "kontakter_{rows}.csv"
filter = {{ kanal = "e-post" }}
start = "skickad"
end = "besvarad"
limit = "1 working day"
target = 0.90

[[kpi]]
name = "Väntetid i telefon (median)"
aspect = "väntetid"
data = "kontakter_{rows}.csv"
filter = {{ kanal = "telefon" }}
value_column = "väntetid_s"
statistic = "median"
unit = "seconds"
norm = 90

[[kpi]]
name = "Svar på frågan"
aspect = "resultat"
data = "kontakter_{rows}.csv"
value_column = "svar_på_frågan"
statistic = "share"
success = "ja"
target = 0.80
""",
        encoding="utf-8",
    )
    return out


# The floor: read with pyarrow, compute the same counts and shares in numpy, print them.
FLOOR_FEEDBACK = """
import sys, numpy as np, pyarrow.csv as c, pyarrow.compute as pc
t = c.read_csv(sys.argv[1])
r = t["inkommen"].to_numpy().astype("datetime64[D]")
a = pc.cast(t["besvarad"], "date32").to_numpy(zero_copy_only=False).astype("datetime64[D]")
typ = t["typ"].to_numpy(zero_copy_only=False)
unit = t["förvaltning"].to_numpy(zero_copy_only=False)
contact = t["kontaktuppgifter"].to_numpy(zero_copy_only=False) == "ja"
days = (a - r).astype(float)
u, codes = np.unique(unit, return_inverse=True)
ty, tc = np.unique(typ, return_inverse=True)
counts = np.bincount(codes * len(ty) + tc, minlength=len(u) * len(ty)).reshape(len(u), len(ty))
answered = contact & ~np.isnan(days)
print(counts.sum(), answered.mean(), np.nanmedian(days[contact]))
"""

FLOOR_KPI = """
import sys, numpy as np, pyarrow.csv as c, pyarrow.compute as pc
from pathlib import Path
d = Path(sys.argv[1]).parent
rows = sys.argv[2]
def day(col):
    return pc.cast(col, "timestamp[s]").to_numpy(zero_copy_only=False).astype("datetime64[s]")
def within(start, end, limit):
    return np.mean((end - start) <= limit)
def busdays(start, end):
    ok = ~np.isnat(start) & ~np.isnat(end)
    return np.busday_count(start[ok].astype("datetime64[D]"), end[ok].astype("datetime64[D]"))
fb = c.read_csv(d / f"synpunkter_kpi_{rows}.csv")
r, a = day(fb["inkommen"]), day(pc.cast(fb["besvarad"], "date32"))
cl = day(pc.cast(fb["avslutad"], "date32"))
k = fb["kontaktuppgifter"].to_numpy(zero_copy_only=False) == "ja"
print(within(r[k], a[k], np.timedelta64(14, "D")))
print(busdays(r, cl).mean())
p = c.read_csv(d / f"bygglov_{rows}.csv")
s, e = day(p["komplett"]), day(pc.cast(p["beslut"], "date32"))
lead = (e - s).astype(float) / 86400
print(np.nanmedian(lead), within(s, e, np.timedelta64(70, "D")))
t = c.read_csv(d / f"kontakter_{rows}.csv", convert_options=c.ConvertOptions(
    column_types={"besvarad": "string", "väntetid_s": "string"}))
phone = t["kanal"].to_numpy(zero_copy_only=False) == "telefon"
print(np.mean(t["nådd"].to_numpy(zero_copy_only=False)[phone] == "ja"))
s = day(t["skickad"])
e = day(pc.cast(pc.if_else(pc.equal(t["besvarad"], ""), None, t["besvarad"]), "timestamp[s]"))
print(busdays(s[~phone], e[~phone]).mean())
w = pc.cast(pc.if_else(pc.equal(t["väntetid_s"], ""), None, t["väntetid_s"]), "float64")
print(np.nanmedian(w.to_numpy(zero_copy_only=False)[phone]))
print(np.mean(t["svar_på_frågan"].to_numpy(zero_copy_only=False) == "ja"))
"""


def run(cmd: list[str]) -> tuple[float, float, float]:
    """Wall seconds, peak RSS (MiB) and CPU seconds of one process; fails on a non-zero exit."""
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - t0
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode not in (0,):
        err = proc.stderr.read().decode() if proc.stderr else ""
        raise SystemExit(f"{' '.join(cmd)} exited {proc.returncode}: {err[-500:]}")
    return wall, usage.ru_maxrss / 1024, usage.ru_utime + usage.ru_stime


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rows", type=int, default=1_000_000)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--quick", action="store_true", help="20k rows, one round (smoke run)")
    args = ap.parse_args()
    rows, repeat = (20_000, 1) if args.quick else (args.rows, args.repeat)
    files = generate(rows)
    py = sys.executable
    with tempfile.TemporaryDirectory() as tmp:
        work = {
            "feedback": (
                [str(SERVQUAL), "feedback", str(files["feedback"]), "-o", f"{tmp}/fb"],
                [py, "-c", FLOOR_FEEDBACK, str(files["feedback"])],
            ),
            "kpi": (
                [str(SERVQUAL), "kpi", str(files["kpi"]), "-o", f"{tmp}/kpi"],
                [py, "-c", FLOOR_KPI, str(files["kpi"]), str(rows)],
            ),
        }
        times: dict[tuple[str, str], list[tuple[float, float, float]]] = {}
        for _ in range(repeat):  # alternate servqual and the floor in every round
            for name, (cli, floor) in work.items():
                times.setdefault((name, "servqual"), []).append(run(cli))
                times.setdefault((name, "floor"), []).append(run(floor))
    load = os.getloadavg()[0]
    print(f"rows {rows:,}, {repeat} round(s), load average {load:.1f}, {os.cpu_count()} cores")
    # CPU seconds (user + system) move less with the machine's load than wall time does.
    print(
        f"{'workload':10} {'servqual s':>11} {'floor s':>8} {'ratio':>6} {'cpu s':>6} "
        f"{'floor cpu':>9} {'peak MiB':>9}  target (wall)"
    )
    status = 0
    for name, target in TARGETS.items():
        sq = statistics.median(t for t, _, _ in times[name, "servqual"])
        fl = statistics.median(t for t, _, _ in times[name, "floor"])
        cpu = statistics.median(c for _, _, c in times[name, "servqual"])
        fl_cpu = statistics.median(c for _, _, c in times[name, "floor"])
        rss = max(m for _, m, _ in times[name, "servqual"])
        ok = sq <= target or args.quick
        status |= not ok
        verdict = "PASS" if ok else "FAIL"
        print(
            f"{name:10} {sq:11.2f} {fl:8.2f} {sq / fl:6.1f} {cpu:6.2f} {fl_cpu:9.2f} {rss:9.0f}"
            f"  ≤ {target:.0f} s {verdict}"
        )
    return status


if __name__ == "__main__":
    sys.exit(main())
