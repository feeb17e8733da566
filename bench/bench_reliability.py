"""Benchmark: Cronbach's alpha with the full item table, against pingouin and R psych.

Times ``cronbach_alpha`` (alpha, alpha_std, Feldt CI, alpha if deleted, item-rest r, item
means/SDs) on synthetic 22-item Likert data, complete and with ~1% missing cells, beside
``pingouin.cronbach_alpha`` (alpha and CI only) and, when ``Rscript`` is on PATH,
``psych::alpha()`` on the same numbers (only the ``alpha()`` call is timed, with system.time).
Also times a 2,000-draw bootstrap CI on 1,000 x 22.

Targets: at 1M x 22 at least 20x faster than psych and no slower than pingouin; the bootstrap
under one second.

    python bench/bench_reliability.py            # 10k, 100k and 1M respondents (~2 min)
    python bench/bench_reliability.py --quick    # 10k and 100k only (~15 s)
    python bench/bench_reliability.py --no-r     # skip R even if installed

Multi-threaded OpenBLAS can be much slower when other processes compete for the cores (its
threads spin-wait on each other); on a busy machine compare with OPENBLAS_NUM_THREADS=1.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import tempfile
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from servqual_cli.core.reliability import cronbach_alpha

K = 22
DIMENSIONS = np.repeat(np.arange(5), [4, 5, 4, 4, 5])  # SERVQUAL's 22 items in 5 dimensions

R_SCRIPT = r"""
suppressPackageStartupMessages(library(psych))
args <- commandArgs(TRUE)
for (i in seq(1, length(args), by = 3)) {
  n <- as.integer(args[i + 1]); k <- as.integer(args[i + 2])
  x <- matrix(readBin(args[i], "double", n * k), nrow = n, ncol = k)
  x[is.nan(x)] <- NA
  df <- as.data.frame(x)
  colnames(df) <- paste0("P", 1:k)
  elapsed <- system.time(a <- alpha(df, warnings = FALSE))[["elapsed"]]
  cat(args[i], elapsed, sprintf("%.15g", a$total$raw_alpha), "\n")
}
"""


def make_data(n: int, missing_rate: float, seed: int = 2024) -> pd.DataFrame:
    """Seeded 1-7 Likert scores from 5 correlated factors, with a share of cells set missing."""
    rng = np.random.default_rng(seed)
    common = rng.normal(size=(n, 1))
    factors = 0.7 * common + 0.7 * rng.normal(size=(n, 5))
    latent = 0.75 * factors[:, DIMENSIONS] + 0.66 * rng.normal(size=(n, K))
    x = np.clip(np.round(4.6 + 1.2 * latent), 1, 7)
    if missing_rate > 0:
        x[rng.random((n, K)) < missing_rate] = np.nan
    return pd.DataFrame(x, columns=[f"P{i + 1}" for i in range(K)])


def best_time(fn: Callable[[], Any], repeats: int) -> float:
    """Fastest of ``repeats`` wall-clock timings (the least disturbed run)."""
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def time_psych(frames: dict[str, pd.DataFrame]) -> dict[str, tuple[float, float]]:
    """Seconds spent in psych::alpha() and its raw_alpha for each frame (one R session)."""
    if shutil.which("Rscript") is None:
        return {}
    with tempfile.TemporaryDirectory() as tmp:
        args: list[str] = []
        for key, frame in frames.items():
            path = Path(tmp) / f"{key}.bin"
            # Column-major float64 is what R's matrix(readBin(...)) expects; NaN becomes NA.
            np.asfortranarray(frame.to_numpy(np.float64)).T.tofile(path)
            args += [str(path), str(frame.shape[0]), str(frame.shape[1])]
        script = Path(tmp) / "alpha.R"
        script.write_text(R_SCRIPT)
        out = subprocess.run(
            ["Rscript", str(script), *args], capture_output=True, text=True, check=True
        ).stdout
    result: dict[str, tuple[float, float]] = {}
    for line in out.splitlines():
        file, elapsed, alpha = line.split()
        result[Path(file).stem] = (float(elapsed), float(alpha))
    return result


def run(
    sizes: tuple[int, ...] = (10_000, 100_000, 1_000_000), use_r: bool = True
) -> list[dict[str, Any]]:
    """Benchmark rows: one per (size, missingness), then the bootstrap timing."""
    import pingouin  # imported here: a test-only dependency, and slow to import

    frames = {
        f"n{n}_{label}": make_data(n, rate)
        for n in sizes
        for label, rate in (("complete", 0.0), ("nan1pct", 0.01))
    }
    psych = time_psych(frames) if use_r else {}
    rows: list[dict[str, Any]] = []
    for key, frame in frames.items():
        repeats = 5 if len(frame) <= 100_000 else 3
        ours = cronbach_alpha(frame)
        t_ours = best_time(partial(cronbach_alpha, frame), repeats)
        t_pg = best_time(partial(pingouin.cronbach_alpha, frame), repeats)
        row: dict[str, Any] = {
            "benchmark": "alpha_item_table",
            "n": len(frame),
            "k": K,
            "data": "complete" if key.endswith("complete") else "~1% NaN",
            "servqual_s": t_ours,
            "pingouin_s": t_pg,
            "pingouin_ratio": t_pg / t_ours,
            "psych_s": None,
            "psych_ratio": None,
            "alpha_diff_vs_psych": None,
        }
        if key in psych:
            t_r, alpha_r = psych[key]
            row.update(
                psych_s=t_r, psych_ratio=t_r / t_ours, alpha_diff_vs_psych=abs(ours.alpha - alpha_r)
            )
        rows.append(row)
    boot_frame = make_data(1_000, 0.0, seed=7)
    t_boot = best_time(lambda: cronbach_alpha(boot_frame, n_boot=2_000, seed=1), 5)
    rows.append(
        {
            "benchmark": "bootstrap_ci_2000",
            "n": 1_000,
            "k": K,
            "data": "complete",
            "servqual_s": t_boot,
            "target_s": 1.0,
        }
    )
    return rows


def _fmt(value: Any, spec: str, suffix: str = "") -> str:
    return "-" if value is None else format(value, spec) + suffix


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="skip 1,000,000 respondents")
    parser.add_argument("--no-r", action="store_true", help="skip psych::alpha() even if R is here")
    args = parser.parse_args()
    sizes = (10_000, 100_000) if args.quick else (10_000, 100_000, 1_000_000)
    rows = run(sizes, use_r=not args.no_r)
    print(
        f"{'n':>9} {'data':>9} {'servqual s':>11} {'pingouin s':>11} {'psych s':>9} "
        f"{'psych/ours':>11} {'pingouin/ours':>14} {'|Δalpha|':>9}"
    )
    for r in rows:
        if r["benchmark"] != "alpha_item_table":
            continue
        print(
            f"{r['n']:>9,} {r['data']:>9} {r['servqual_s']:>11.4f} {r['pingouin_s']:>11.4f} "
            f"{_fmt(r['psych_s'], '9.3f'):>9} {_fmt(r['psych_ratio'], '.1f', 'x'):>11} "
            f"{r['pingouin_ratio']:>13.1f}x {_fmt(r['alpha_diff_vs_psych'], '9.1e'):>9}"
        )
    boot = rows[-1]
    print(
        f"bootstrap CI, 2,000 draws on {boot['n']:,} x {boot['k']}: {boot['servqual_s']:.3f} s "
        f"(target < {boot['target_s']:.0f} s)"
    )


if __name__ == "__main__":
    main()
