"""Reading a 100k x 50 survey workbook: servqual's reader (calamine) against pandas+openpyxl.

Not a test: run with ``make bench`` (or ``python bench/bench_read.py [--rows N]``). The workbook
is generated once (seeded) into the system temp folder and reused.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

import numpy as np


def make_workbook(rows: int, cols: int = 50) -> Path:
    path = Path(tempfile.gettempdir()) / f"servqual_bench_{rows}x{cols}.xlsx"
    if path.exists():
        return path
    from openpyxl import Workbook

    rng = np.random.default_rng(2024)
    data = rng.integers(1, 8, size=(rows, cols))
    wb = Workbook(write_only=True)  # constant memory: the fastest openpyxl writer
    ws = wb.create_sheet("Enkät")
    ws.append(["Medborgarundersökning 2024"])
    ws.append([])
    ws.append([f"E{i + 1}" if i < cols // 2 else f"P{i + 1 - cols // 2}" for i in range(cols)])
    for row in data.tolist():
        ws.append(row)
    wb.save(path)
    return path


def timed(fn, repeat: int = 1) -> float:
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t0)
    return best


def run(rows: int = 100_000, with_openpyxl: bool = True) -> list[dict[str, object]]:
    import pandas as pd

    from servqual_cli.io.read import read_table

    path = make_workbook(rows)
    results: list[dict[str, object]] = []
    t = timed(lambda: read_table(path))
    results.append({"reader": "servqual read_table (python-calamine)", "seconds": t})
    t = timed(lambda: pd.read_excel(path, engine="calamine", header=2))
    results.append({"reader": "pandas read_excel(engine='calamine')", "seconds": t})
    try:
        import fastexcel

        t = timed(lambda: fastexcel.read_excel(str(path)).load_sheet(0, header_row=2).to_pandas())
        results.append({"reader": "fastexcel (Arrow), no title-row detection", "seconds": t})
    except ImportError:
        pass
    if with_openpyxl:
        t = timed(lambda: pd.read_excel(path, engine="openpyxl", header=2))
        results.append({"reader": "pandas read_excel(engine='openpyxl')", "seconds": t})
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--no-openpyxl", action="store_true", help="skip the slow reference")
    args = parser.parse_args()
    res = run(args.rows, not args.no_openpyxl)
    base = res[0]["seconds"]
    print(f"Reading a {args.rows:,} x 50 xlsx (best of 1):")
    for r in res:
        ratio = float(r["seconds"]) / float(base)  # type: ignore[arg-type]
        print(f"  {r['reader']:<48} {r['seconds']:8.2f} s   x{ratio:5.2f}")


if __name__ == "__main__":
    main()
