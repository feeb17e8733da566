"""`make bench`: every benchmark, printed as tables. Speed is measured here, never in tests."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).parent
BENCHES = [
    (
        "Whole-CLI workloads of #16 (servqual, peer, floor)",
        ["cli_bench.py", "--markdown", str(HERE / "last_run.md")],
    ),
    ("Reading spreadsheets", ["bench_read.py", "--rows", "100000", "--no-openpyxl"]),
    ("Gap analysis", ["bench_gap.py"]),
    ("Reliability (alpha and item table)", ["bench_reliability.py"]),
]


def main() -> int:
    status = 0
    for title, cmd in BENCHES:
        script = HERE / cmd[0]
        if not script.exists():
            continue
        print(f"\n== {title} ==", flush=True)
        status |= subprocess.call([sys.executable, str(script), *cmd[1:]])
    return status


if __name__ == "__main__":
    sys.exit(main())
