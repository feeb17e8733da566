"""The gap analysis (items, dimensions, overall, per group) on large synthetic surveys.

Not a test: run with ``make bench``. Shows that the core is vectorised (no loop over
respondents): time should grow roughly linearly with n.
"""

from __future__ import annotations

import time

import numpy as np

from servqual_cli.core.gaps import gap_analysis
from servqual_cli.core.group_gaps import grouped_gap_analysis
from servqual_cli.instruments.builtin import PZB1991


def synthetic(n: int, seed: int = 1) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    rng = np.random.default_rng(seed)
    e = np.clip(np.round(rng.normal(6, 1, size=(n, 22))), 1, 7)
    p = np.clip(np.round(e - rng.normal(0.8, 1.2, size=(n, 22))), 1, 7)
    e[rng.random(e.shape) < 0.02] = np.nan
    w = rng.dirichlet(np.ones(5), size=n) * 100
    groups = rng.choice(np.array(["Förskola", "Grundskola", "Gymnasium", "Äldreomsorg"]), n)
    return e, p, w, groups


def main() -> None:
    dims = {}
    k = 0
    for name, items in PZB1991.dimensions.items():
        dims[name] = list(range(k, k + len(items)))
        k += len(items)
    names = [str(i) for i in PZB1991.items]
    print(f"{'respondents':>12} {'gap (s)':>10} {'--by 4 groups (s)':>18}")
    for n in (1_000, 10_000, 100_000, 1_000_000):
        e, p, w, g = synthetic(n)
        t0 = time.perf_counter()
        gap_analysis(e, p, names, dims, w)
        t1 = time.perf_counter()
        grouped_gap_analysis(e, p, names, dims, g, "service", w)
        t2 = time.perf_counter()
        print(f"{n:>12,} {t1 - t0:>10.3f} {t2 - t1:>18.3f}", flush=True)


if __name__ == "__main__":
    main()
