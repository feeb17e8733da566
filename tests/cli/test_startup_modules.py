"""Start-up (issue #16): a command run loads no library its work does not use.

Each case runs the real CLI in a fresh interpreter and lists which of the watched modules are in
``sys.modules`` afterwards. scipy.optimize is for the CFA only (omega and the EFA fit with
core.boxmin), scipy.stats for no command on these inputs, the workbook reader for workbooks.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = str(ROOT / "data" / "samples" / "karlstad_servqual.xlsx")
KIOSK = str(ROOT / "tests" / "data" / "kiosk.csv")

CODE = """
import sys
from servqual_cli.cli.main import main
watched = sys.argv[1].split(",")
code = main(sys.argv[2:])
print(code, *[m for m in watched if m in sys.modules], file=sys.stderr)
"""
WATCHED = (
    "scipy.optimize",
    "scipy.stats",
    "servqual_cli.io.read_sheet",
    "servqual_cli.io.zipguard",
    "servqual_cli.core.cfa",
    "matplotlib",
    "statsmodels",
)


def loaded(*args: str, watched: tuple[str, ...] = WATCHED) -> list[str]:
    out = subprocess.run(
        [sys.executable, "-c", CODE, ",".join(watched), *args],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
    )
    return out.stderr.strip().splitlines()[-1].split()


@pytest.mark.parametrize("fmt", ["table", "json"])
def test_alpha_on_a_csv_loads_neither_scipy_optimize_nor_the_workbook_reader(fmt: str) -> None:
    assert loaded("alpha", KIOSK, "--items", "F2,F3,F4,F5", "-f", fmt) == ["0"]


def test_gap_on_the_sample_loads_no_optimiser_nor_scipy_stats() -> None:
    got = loaded("gap", SAMPLE, "--no-items")
    assert got[0] == "0"
    assert not {"scipy.optimize", "scipy.stats", "servqual_cli.core.cfa"} & set(got)
    assert "servqual_cli.io.read_sheet" in got  # a workbook: the watch list is live


def test_reliability_loads_scipy_optimize_for_its_cfa_only() -> None:
    got = loaded("reliability", SAMPLE, "--no-items")
    assert got[0] == "0"
    assert "scipy.optimize" in got and "servqual_cli.core.cfa" in got
    assert "scipy.stats" not in got
    no_cfa = loaded("reliability", SAMPLE, "--no-items", "--no-validity")
    assert no_cfa[0] == "0" and "scipy.optimize" not in no_cfa


# An error in the data is found by the reader: the statistics (scipy.special, about 0.2 s) and
# the table renderer load only after the data were read without one.
STATS = ("scipy", "servqual_cli.core.gaps", "servqual_cli.core.scales", "rich")


@pytest.mark.parametrize(
    "args",
    [
        ["alpha", KIOSK, "--items", "NOPE"],
        ["gap", str(ROOT / "tests" / "data" / "ragged.csv")],
        ["gap", str(ROOT / "tests" / "data" / "missing_columns.csv")],
        ["reliability", str(ROOT / "tests" / "data" / "ragged.csv")],
    ],
)
def test_a_bad_file_is_refused_before_the_statistics_load(args: list[str]) -> None:
    got = loaded(*args, watched=STATS)
    assert got[0] in ("1", "2") and got[1:] == []


def test_the_statistics_watch_list_is_live() -> None:
    got = loaded("alpha", KIOSK, "--items", "F2,F3,F4,F5", watched=STATS)
    assert got == ["0", "scipy", "servqual_cli.core.scales", "rich"]


# The terminal keeps "14 dagar" and "n = 345" whole when rich wraps a cell; the rule is
# report.unbreakable's. report.typeset (the page's typesetting) and markupsafe were imported on
# every terminal render, about 5-8 ms of alpha's start (m-misc, session 12); the page loads them.
PAGE = ("servqual_cli.report.typeset", "markupsafe", "servqual_cli.report.unbreakable")


def test_a_terminal_render_loads_neither_the_page_typesetting_nor_markupsafe() -> None:
    got = loaded("alpha", KIOSK, "--items", "F2,F3,F4,F5", watched=PAGE)
    assert got == ["0", "servqual_cli.report.unbreakable"]  # the terminal's rule did run
    page = loaded("alpha", KIOSK, "--items", "F2,F3,F4,F5", "-f", "html", watched=PAGE)
    assert page == ["0", *PAGE]  # the watch list is live


# numpy.f2py and numpy.testing are registered as lazy modules before scipy loads
# (servqual_cli.lazy_numpy): their code never runs in a command (about 0.1 s a run).
NUMPY_EXTRAS = ("numpy.f2py.f2py2e", "numpy.testing._private", "unittest", "scipy.special")


@pytest.mark.parametrize(
    "args",
    [
        ["gap", SAMPLE, "--no-items"],
        ["alpha", KIOSK, "--items", "F2,F3,F4,F5", "-f", "json"],
        ["reliability", SAMPLE, "--no-items"],
    ],
)
def test_numpy_f2py_and_testing_never_run(args: list[str]) -> None:
    assert loaded(*args, watched=NUMPY_EXTRAS) == ["0", "scipy.special"]


# The fast CSV reader's blocks, the exclusion log of encoded columns and the duplicate check
# run without pandas (issue #16): pyarrow's Array.to_numpy would import it (io.encoded's
# arrow_ints reads the buffers instead). Blocked outright here, so any import fails the run.
# Fewer than 1000 distinct texts per column: from there blank_texts and trimmed_codes build a
# pyarrow array of the Python strings, and pa.array asks pyarrow's pandas shim (which imports
# pandas) whether its argument is a pandas object: not yet pandas-free.
NO_PANDAS = r"""
import sys
sys.modules["pandas"] = None  # import pandas now raises ImportError
import numpy as np
from servqual_cli.io.csvfast import read_body
from servqual_cli.io.duplicates import _first_equal, _repeated, _row_hash, trimmed_codes
from servqual_cli.io.encoded import blank_texts
from servqual_cli.io.exclusions import ExclusionLog
from servqual_cli.io.limits import Limits

ids = "\n".join(f" R{i % 900};{i % 900 % 7};x{i % 990}" for i in range(3000)).encode()
cols = read_body(b"id;a;b\n" + ids + b"\n", 7, ";", 3, Limits())
codes = trimmed_codes(cols[0].uniques)
blank = blank_texts(cols[2].uniques)
a = cols[1].cells().astype(float)
h = _row_hash([a], len(a)) ^ codes[cols[0].codes].astype(np.uint64)
rows = _repeated(h)
first = _first_equal(np.column_stack([a[rows], codes[cols[0].codes][rows]]))
log = ExclusionLog("t.csv")
log.add_coded(np.arange(3000) + 2, "a", cols[1].codes, cols[1].uniques,
              np.array(["blank" if u == "0" else None for u in cols[1].uniques], dtype=object))
print(len(rows), int((first != np.arange(len(rows))).sum()), int(blank.sum()), log.counts(),
      "pandas" in sys.modules and sys.modules["pandas"] is not None)
"""


def test_the_fast_csv_blocks_exclusions_and_duplicates_need_no_pandas() -> None:
    out = subprocess.run(
        [sys.executable, "-c", NO_PANDAS], capture_output=True, text=True, check=True, cwd=ROOT
    )
    assert out.stdout.split() == ["3000", "2100", "0", "{'blank':", "430}", "False"]


# The target of issue #16's alpha start-up: no pandas (about 0.3 s CPU of every run). Not met
# yet: io.item_set's ItemSet.frame, core.reliability's AlphaResult.items, core.omega's table and
# report.spec.Table are DataFrames (README "Start-up time"). Strict, so the run that meets it
# fails here until the mark is removed.
@pytest.mark.xfail(strict=True, reason="alpha's results and tables are still DataFrames")
def test_alpha_on_a_csv_loads_no_pandas() -> None:
    got = loaded("alpha", KIOSK, "--items", "F2,F3,F4,F5", watched=("pandas", "scipy.stats"))
    assert got == ["0"]
