"""Whole-CLI workloads of issue #16: servqual against the peer a user would pick and the floor.

Not a test: run with ``make bench`` (or ``python bench/cli_bench.py [--repeat N] [--quick]``).
Data are generated once (seeded) into ``bench/.data/``. Each workload runs servqual, its peers
and its floor as separate processes, alternating (servqual, peer, floor, servqual, ...), and
reports the median wall time and the peak resident memory (``wait4``'s ``ru_maxrss``). The table
ends with each target of the issue and PASS or FAIL; ``--markdown FILE`` writes it for
``bench/README.md``.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

HERE = Path(__file__).parent
DATA = HERE / ".data"
ROOT = HERE.parent
PY = sys.executable
SERVQUAL = [PY, "-m", "servqual_cli"]
# Not OMP_NUM_THREADS: Arrow sizes its CPU pool by it, and the floors' multithreaded CSV read is
# part of the least work a script could do on two cores (with it at 1 the gap floor took 3.6 s
# instead of 2.1 s, which flattered servqual).
SAME_ENV = {
    "OPENBLAS_NUM_THREADS": "1",
    "MKL_NUM_THREADS": "1",
    "NUMPY_MADVISE_HUGEPAGE": "0",
}
ITEMS22 = ",".join(f"X{i + 1}" for i in range(22))


# -- data ---------------------------------------------------------------------------------------


def alpha_csv(rows: int) -> Path:
    """rows x 22 Likert answers (1-7), 5 % blank, ``;``-separated, one common factor."""
    path = DATA / f"alpha_{rows}.csv"
    if path.exists():
        return path
    rng = np.random.default_rng(16)
    trait = rng.normal(size=(rows, 1))
    x = np.clip(np.round(4 + 1.2 * trait + rng.normal(size=(rows, 22))), 1, 7).astype(np.int64)
    cells = x.astype(str)
    cells[rng.random(cells.shape) < 0.05] = ""
    _write(path, [f"X{i + 1}" for i in range(22)], cells)
    return path


def gap_csv(rows: int) -> Path:
    """rows x (Tjänst, E1..E22, P1..P22), 2 % blank, four services."""
    path = DATA / f"gap_{rows}.csv"
    if path.exists():
        return path
    rng = np.random.default_rng(17)
    e = np.clip(np.round(rng.normal(6, 1, size=(rows, 22))), 1, 7).astype(np.int64)
    p = np.clip(np.round(e - rng.normal(0.8, 1.2, size=(rows, 22))), 1, 7).astype(np.int64)
    cells = np.concatenate([e, p], axis=1).astype(str)
    cells[rng.random(cells.shape) < 0.02] = ""
    groups = rng.choice(np.array(["Förskola", "Grundskola", "Gymnasium", "Äldreomsorg"]), rows)
    header = ["Tjänst"] + [f"E{i + 1}" for i in range(22)] + [f"P{i + 1}" for i in range(22)]
    _write(path, header, np.concatenate([groups[:, None], cells], axis=1))
    return path


def split_csv(groups: int, per_group: int) -> Path:
    """A gap survey with ``groups`` units (column Enhet) of about ``per_group`` respondents."""
    rows = groups * per_group
    path = DATA / f"split_{groups}x{per_group}.csv"
    if path.exists():
        return path
    rng = np.random.default_rng(20)
    e = np.clip(np.round(rng.normal(6, 1, size=(rows, 22))), 1, 7).astype(np.int64)
    p = np.clip(np.round(e - rng.normal(0.8, 1.2, size=(rows, 22))), 1, 7).astype(np.int64)
    cells = np.concatenate([e, p], axis=1).astype(str)
    cells[rng.random(cells.shape) < 0.02] = ""
    units = np.array([f"Enhet {i + 1:02d}" for i in range(groups)])[rng.integers(0, groups, rows)]
    header = ["Enhet"] + [f"E{i + 1}" for i in range(22)] + [f"P{i + 1}" for i in range(22)]
    _write(path, header, np.concatenate([units[:, None], cells], axis=1))
    return path


def survey_xlsx(rows: int, cols: int = 50) -> Path:
    path = DATA / f"survey_{rows}x{cols}.xlsx"
    if path.exists():
        return path
    from openpyxl import Workbook

    rng = np.random.default_rng(2024)
    data = rng.integers(1, 8, size=(rows, cols))
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("Enkät")
    ws.append(["Medborgarundersökning 2024"])
    ws.append([])
    ws.append([f"X{i + 1}" for i in range(cols)])
    for row in data.tolist():
        ws.append(row)
    wb.save(path)
    return path


def _write(path: Path, header: list[str], cells: np.ndarray) -> None:
    DATA.mkdir(exist_ok=True)
    tmp = path.with_suffix(".tmp")
    with tmp.open("w", encoding="utf-8", newline="") as fh:
        fh.write(";".join(header) + "\n")
        for start in range(0, len(cells), 100_000):  # in blocks: bounded memory
            block = cells[start : start + 100_000]
            fh.write("\n".join(";".join(r) for r in block.tolist()) + "\n")
    tmp.replace(path)


# -- peers and floors (each a separate process) -------------------------------------------------

ALPHA_PANDAS = """
import sys, numpy as np, pandas as pd
x = pd.read_csv(sys.argv[1], sep=";").to_numpy(dtype=float)
k = x.shape[1]; c = pd.DataFrame(x).cov().to_numpy()  # pairwise, as psych
print(k / (k - 1) * (1 - np.trace(c) / c.sum()))
"""
ALPHA_FLOOR = """
import sys, numpy as np, pyarrow.csv as pc
t = pc.read_csv(sys.argv[1], parse_options=pc.ParseOptions(delimiter=";"))
x = np.empty((t.num_columns, t.num_rows))  # one contiguous row per item: no column_stack copy
for j, c in enumerate(t.columns):
    x[j] = c.to_numpy()  # int64 with nulls -> float64 with NaN
m = ~np.isnan(x); mf = m.astype(float)
z = np.where(m, x - np.nanmean(x, 1, keepdims=True), 0.0)
c = (z @ z.T) / (mf @ mf.T - 1)  # pairwise-complete covariance, BLAS products
k = x.shape[0]; print(k / (k - 1) * (1 - np.trace(c) / c.sum()))
"""
ALPHA_R = """
suppressMessages(library(psych))
d <- read.csv(commandArgs(TRUE)[1], sep = ";")
a <- psych::alpha(d, warnings = FALSE, check.keys = FALSE)
cat(a$total$raw_alpha, "\\n")
"""
GAP_PANDAS = """
import sys, numpy as np, pandas as pd
from scipy import stats
d = pd.read_csv(sys.argv[1], sep=";")
by = len(sys.argv) > 2
e = d[[f"E{i}" for i in range(1, 23)]].to_numpy(float)
g = d[[f"P{i}" for i in range(1, 23)]].to_numpy(float) - e
def table(g):
    for j in range(g.shape[1]):
        x = g[:, j][~np.isnan(g[:, j])]
        stats.ttest_1samp(x, 0.0); stats.wilcoxon(x[x != 0])
    s = np.nanmean(g, axis=1); s = s[~np.isnan(s)]
    return stats.ttest_1samp(s, 0.0)
table(g)
if by:
    for _, idx in d.groupby("Tjänst").indices.items():
        table(g[idx])
print("ok")
"""
GAP_FLOOR = """
import sys, numpy as np, pyarrow.csv as pc, pyarrow.compute as pcc
t = pc.read_csv(sys.argv[1], parse_options=pc.ParseOptions(delimiter=";"))
g = np.empty((22, t.num_rows))  # item gaps P - E, one contiguous row per item
for i in range(22):
    np.subtract(t[f"P{i + 1}"].to_numpy(), t[f"E{i + 1}"].to_numpy(), out=g[i])
def table(g):  # one-sample t per item, NaN-aware, no nanstd temporaries
    ok = ~np.isnan(g); k = ok.sum(1); m = np.where(ok, g, 0.0).sum(1) / k
    s = np.sqrt((np.where(ok, g - m[:, None], 0.0) ** 2).sum(1) / (k - 1))
    return m / (s / np.sqrt(k))
table(g)
if len(sys.argv) > 2:
    codes = pcc.dictionary_encode(t["Tjänst"]).combine_chunks().indices.to_numpy()
    for k in range(codes.max() + 1):
        table(g[:, codes == k])
print("ok")
"""
XLSX_FASTEXCEL = """
import sys, fastexcel
r = fastexcel.read_excel(sys.argv[1]); s = r.load_sheet(0, header_row=2)
print(s.to_arrow().num_rows)
"""
XLSX_CALAMINE = """
import sys, python_calamine
wb = python_calamine.CalamineWorkbook.from_path(sys.argv[1])
print(len(wb.get_sheet_by_index(0).to_python()))
"""
XLSX_SERVQUAL = """
import sys
from servqual_cli.io.read import read_table
print(len(read_table(sys.argv[1]).frame))
"""


SAMPLE_PANDAS = """
import sys, pandas as pd, scipy.stats as st
d = pd.read_excel(sys.argv[1], header=2, engine="calamine")
for i in range(1, 23):
    e, p = pd.to_numeric(d[f"E{i}"], errors="coerce"), pd.to_numeric(d[f"P{i}"], errors="coerce")
    ok = e.notna() & p.notna()
    print(i, (p[ok] - e[ok]).mean(), st.ttest_rel(p[ok], e[ok]).pvalue)
"""
# The least a process doing gap's job must load: the libraries, and nothing read or computed.
SAMPLE_IMPORTS = "import numpy, pandas, pyarrow, scipy.special, typer, fastexcel"


def _py(code: str, *args: str) -> list[str]:
    return [PY, "-c", code, *args]


# -- running ------------------------------------------------------------------------------------


@dataclass
class Runner:
    label: str
    argv: list[str]
    times: list[float] = field(default_factory=list)
    cpu: list[float] = field(default_factory=list)  # user + system: moves less with the load
    peak_kib: int = 0
    failed: str = ""

    def run(self) -> None:
        # Every runner gets the environment servqual sets for itself (one BLAS thread, no
        # transparent huge pages for numpy's buffers): the ratio then compares the work done,
        # not a setting a peer or floor script could have had for free.
        env = {**os.environ, "PYTHONHASHSEED": "0", **SAME_ENV}
        start = time.perf_counter()
        proc = subprocess.Popen(
            self.argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env, cwd=ROOT
        )
        _, status, usage = os.wait4(proc.pid, 0)
        self.times.append(time.perf_counter() - start)
        self.cpu.append(usage.ru_utime + usage.ru_stime)  # with the children (--split's pool)
        self.peak_kib = max(self.peak_kib, int(usage.ru_maxrss))
        err = proc.stderr.read().decode(errors="replace") if proc.stderr else ""
        proc.returncode = os.waitstatus_to_exitcode(status)
        if proc.returncode != 0:
            self.failed = err.strip().splitlines()[-1] if err.strip() else f"exit {proc.returncode}"

    @property
    def median(self) -> float:
        return statistics.median(self.times) if self.times else float("nan")

    @property
    def median_cpu(self) -> float:
        return statistics.median(self.cpu) if self.cpu else float("nan")


@dataclass
class Workload:
    name: str
    servqual: Runner
    others: list[Runner]
    targets: list[tuple[str, str, float]]  # (text, kind, bound)


def _by(w: Workload, label: str) -> Runner | None:
    return next((r for r in w.others if r.label == label), None)


def judge(w: Workload) -> list[tuple[str, str, bool | None]]:
    """(target, measured, pass) for each target of a workload."""
    out: list[tuple[str, str, bool | None]] = []
    sq = w.servqual
    for text, kind, bound in w.targets:
        if kind == "wall":
            out.append((text, f"{sq.median:.2f} s", sq.median <= bound))
        elif kind == "rss":
            mib = sq.peak_kib / 1024
            out.append((text, f"{mib:.0f} MiB", mib <= bound))
        else:  # ratio against a runner: "x<label>" servqual <= bound * other, "/<label>" faster
            other = _by(w, kind[1:])
            if other is None or other.failed or not other.times:
                out.append((text, "peer not run", None))
                continue
            ratio = sq.median / other.median
            if kind[0] == "x":
                out.append((text, f"{ratio:.2f}x", ratio <= bound))
            else:
                out.append((text, f"{other.median / sq.median:.1f}x faster", ratio <= 1 / bound))
    return out


def workloads(quick: bool) -> list[Workload]:
    small, large = (30_000, 100_000) if quick else (300_000, 1_000_000)
    a_small, a_large, g_large = alpha_csv(small), alpha_csv(large), gap_csv(large)
    xlsx = survey_xlsx(10_000 if quick else 100_000)
    sample = ROOT / "data" / "samples" / "karlstad_servqual.xlsx"
    have_r = shutil.which("Rscript") is not None
    out = [
        Workload(
            "gap on the bundled sample",
            Runner("servqual", [*SERVQUAL, "gap", str(sample), "--no-items"]),
            [
                Runner("pandas+scipy", _py(SAMPLE_PANDAS, str(sample))),
                Runner("imports only", _py(SAMPLE_IMPORTS)),
            ],
            [("≤ 0.5 s wall", "wall", 0.5)],
        ),
        Workload(
            f"alpha {small:,} x 22 CSV, 5 % blank",
            Runner("servqual", [*SERVQUAL, "alpha", str(a_small), "--items", ITEMS22]),
            [
                *([Runner("R psych", ["Rscript", "-e", ALPHA_R, str(a_small)])] if have_r else []),
                Runner("pandas", _py(ALPHA_PANDAS, str(a_small))),
                Runner("floor", _py(ALPHA_FLOOR, str(a_small))),
            ],
            [("≥ 10x faster than R psych::alpha(read.csv)", "/R psych", 10.0)],
        ),
        Workload(
            f"alpha {large:,} x 22 CSV",
            Runner("servqual", [*SERVQUAL, "alpha", str(a_large), "--items", ITEMS22]),
            [
                Runner("pandas", _py(ALPHA_PANDAS, str(a_large))),
                Runner("floor", _py(ALPHA_FLOOR, str(a_large))),
            ],
            [("≤ 1.5x floor", "xfloor", 1.5), ("peak RSS ≤ 600 MiB", "rss", 600)],
        ),
        Workload(
            f"gap {large:,} CSV",
            Runner("servqual", [*SERVQUAL, "gap", str(g_large), "--no-items"]),
            [
                Runner("pandas+scipy", _py(GAP_PANDAS, str(g_large))),
                Runner("floor", _py(GAP_FLOOR, str(g_large))),
            ],
            [
                ("≤ 1.5x floor", "xfloor", 1.5),
                ("faster than pandas + scipy", "/pandas+scipy", 1.0),
                ("peak RSS ≤ 1.2 GiB", "rss", 1229),
            ],
        ),
        Workload(
            f"gap --by {large:,} CSV",
            Runner("servqual", [*SERVQUAL, "gap", str(g_large), "--by", "Tjänst", "--no-items"]),
            [
                Runner("pandas+scipy", _py(GAP_PANDAS, str(g_large), "by")),
                Runner("floor", _py(GAP_FLOOR, str(g_large), "by")),
            ],
            [("≤ 1.5x floor", "xfloor", 1.5)],
        ),
    ]
    out += register_workloads(20_000 if quick else 1_000_000)
    split = split_csv(20, 100 if quick else 500)
    reports = DATA / "out"
    split_cmd = [*SERVQUAL, "report", str(split), "--by", "Enhet", "--split"]
    out.append(
        Workload(
            f"report --split, 20 groups ({split.stem.split('_')[1]} rows)",
            Runner("servqual -j2", [*split_cmd, "-j2", "-o", str(reports / "split_j2")]),
            [Runner("servqual -j1", [*split_cmd, "-j1", "-o", str(reports / "split_j1")])],
            [("-j2 ≥ 1.6x faster than -j1", "/servqual -j1", 1.6)],
        )
    )
    xlsx_others = [Runner("calamine rows", _py(XLSX_CALAMINE, str(xlsx)))]
    try:
        import fastexcel  # noqa: F401 - only the benchmark compares with it

        xlsx_others.insert(0, Runner("fastexcel", _py(XLSX_FASTEXCEL, str(xlsx))))
    except ImportError:
        pass
    out.append(
        Workload(
            f"read {xlsx.stem.split('_')[1]} xlsx",
            Runner("servqual", _py(XLSX_SERVQUAL, str(xlsx))),
            xlsx_others,
            [("≤ 1.2x fastexcel", "xfastexcel", 1.2)],
        )
    )
    return out


def register_workloads(rows: int) -> list[Workload]:
    """``feedback`` on a register of ``rows`` and ``kpi`` over three registers totalling
    ``rows`` (the data and floors of ``bench_registers.py``)."""
    import bench_registers as br  # beside this file

    files = br.generate(rows)
    out = DATA / "out"
    fb_out = out / "feedback.txt"
    return [
        Workload(
            f"feedback {rows:,} rows",
            Runner("servqual", [*SERVQUAL, "feedback", str(files["feedback"]), "-o", str(fb_out)]),
            [Runner("floor", _py(br.FLOOR_FEEDBACK, str(files["feedback"])))],
            [("≤ 5 s wall", "wall", 5.0)],
        ),
        Workload(
            f"kpi {rows:,} rows, 3 registers",
            Runner("servqual", [*SERVQUAL, "kpi", str(files["kpi"]), "-o", str(out / "kpi.txt")]),
            [Runner("floor", _py(br.FLOOR_KPI, str(files["kpi"]), str(rows)))],
            [("≤ 10 s wall", "wall", 10.0)],
        ),
    ]


def render(ws: list[Workload]) -> str:
    lines = [
        "| workload | runner | median s | CPU s | peak MiB | vs servqual |",
        "|---|---|---:|---:|---:|---:|",
    ]
    for w in ws:
        for r in [w.servqual, *w.others]:
            if r.failed:
                lines.append(f"| {w.name} | {r.label} | failed: {r.failed[:60]} | | | |")
                continue
            ratio = w.servqual.median / r.median if r is not w.servqual else 1.0
            lines.append(
                f"| {w.name} | {r.label} | {r.median:.2f} | {r.median_cpu:.2f} | "
                f"{r.peak_kib / 1024:.0f} | {ratio:.2f}x |"
            )
    lines += ["", "| workload | target | measured | verdict |", "|---|---|---|---|"]
    for w in ws:
        for text, measured, ok in judge(w):
            verdict = "n/a" if ok is None else ("PASS" if ok else "FAIL")
            lines.append(f"| {w.name} | {text} | {measured} | {verdict} |")
    return "\n".join(lines)


def machine() -> str:
    load = os.getloadavg()
    return (
        f"{platform.platform()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
        f"load average {load[0]:.1f} / {load[1]:.1f} / {load[2]:.1f} (1/5/15 min) at the start"
    )


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--quick", action="store_true", help="small sizes (a smoke run)")
    ap.add_argument("--markdown", type=Path, help="also write the table here")
    ap.add_argument("--generate", action="store_true", help="only write the data files")
    ap.add_argument(
        "--only", default="", help="run only workloads whose name contains this text (a check)"
    )
    args = ap.parse_args()
    if args.generate:
        workloads(args.quick)
        return 0
    # Generate in a child: a forked runner would otherwise inherit (and report) this process's
    # peak memory from making the data.
    gen = [PY, str(Path(__file__)), "--generate", *(["--quick"] if args.quick else [])]
    subprocess.run(gen, check=True)
    (DATA / "out").mkdir(exist_ok=True)
    head = machine()
    print(head, flush=True)
    ws = [w for w in workloads(args.quick) if args.only in w.name]
    for _ in range(args.repeat):  # alternate: every runner once per round
        for w in ws:
            for r in [w.servqual, *w.others]:
                if not r.failed:
                    r.run()
            print(".", end="", flush=True)
    print()
    table = render(ws)
    print(table)
    if args.markdown:
        args.markdown.write_text(
            f"Measured on {head}; {args.repeat} alternating rounds, medians.\n\n{table}\n",
            encoding="utf-8",
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
