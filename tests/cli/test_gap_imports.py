"""Start-up of ``servqual gap`` on the sample (issue #16, session 14): what a default run does
not use is not imported, and its CSV frame is not built.

Each case runs the real CLI in a fresh interpreter and lists which of the watched modules are in
``sys.modules`` afterwards; each watch list is shown to be live by a run that does load them (so
a wrong module name cannot make the test pass). The modules were loaded on every gap run before
(about 30 modules, 20-30 ms of a start with the CSV frame).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = str(ROOT / "data" / "samples" / "karlstad_servqual.xlsx")
SAMPLE_2025 = str(ROOT / "data" / "samples" / "karlstad_servqual_2025.xlsx")

# The watched modules in sys.modules after the run, and how often gap built its CSV frame.
CODE = """
import sys
import servqual_cli.cli.gap as gap
from servqual_cli.cli.main import main

built = []
tidy_gaps = gap.tidy_gaps
gap.tidy_gaps = lambda payload: built.append(1) or tidy_gaps(payload)
watched = sys.argv[1].split(",")
code = main(sys.argv[2:])
print(code, len(built), *[m for m in watched if m in sys.modules], file=sys.stderr)
"""

# --by only (the group analysis, its sections and the weighted group sections they import)
GROUPS = (
    "servqual_cli.core.group_gaps",
    "servqual_cli.report.group_gap_sections",
    "servqual_cli.report.weighted_gap_sections",
)
# the toolbox's other results: report.toolbox_sections and report.gap_apa name them in
# annotations only (tolerance, knowledge-gap, items, --overall, --weight-column)
TOOLBOX = (
    "servqual_cli.core.importance",
    "servqual_cli.core.item_distribution",
    "servqual_cli.core.knowledge_gap",
    "servqual_cli.core.survey_weights",
    "servqual_cli.core.tolerance",
    "servqual_cli.core.weighted_tests",
)
# other commands' words: report.catalog imports them on first use
CATALOGS = (
    "servqual_cli.report.catalog_describe",
    "servqual_cli.report.catalog_errors",
    "servqual_cli.report.catalog_kpi",
    "servqual_cli.report.catalog_measurement",
    "servqual_cli.report.catalog_reliability",
    "servqual_cli.report.chart_words",
)
XLSX_OUT = ("servqual_cli.cli.output_xlsx", "openpyxl")
DEFERRED = (*GROUPS, *TOOLBOX, *CATALOGS, *XLSX_OUT)


def loaded(*args: str, watched: tuple[str, ...] = DEFERRED) -> tuple[str, int, list[str]]:
    """Exit code, CSV frames built, and the watched modules loaded by ``servqual *args``."""
    out = subprocess.run(
        [sys.executable, "-c", CODE, ",".join(watched), *args],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
    )
    code, built, *modules = out.stderr.strip().splitlines()[-1].split()
    return code, int(built), modules


@pytest.mark.parametrize("fmt", ["table", "json", "markdown"])
def test_gap_on_the_sample_loads_none_of_the_deferred_modules(fmt: str) -> None:
    assert loaded("gap", SAMPLE, "--no-items", "-f", fmt) == ("0", 0, [])


def test_gap_by_loads_the_group_modules() -> None:
    code, _, got = loaded("gap", SAMPLE, "--no-items", "--by", "Tjänst", watched=GROUPS)
    assert (code, got) == ("0", list(GROUPS))


def test_the_toolbox_watch_list_is_live() -> None:
    code, _, got = loaded(
        "gap", SAMPLE_2025, "--no-items", "--overall", "Helhetsbetyg", "--weight-column", "Vikt",
        watched=TOOLBOX,
    )  # fmt: skip
    assert code == "0"
    assert {"servqual_cli.core.importance", "servqual_cli.core.weighted_tests"} <= set(got)
    code, _, got = loaded("tolerance", str(ROOT / "data" / "samples" / "karlstad_tolerans.xlsx"),
                          "--no-items", watched=TOOLBOX)  # fmt: skip
    assert code == "0" and "servqual_cli.core.tolerance" in got


def test_the_catalog_watch_list_is_live() -> None:
    code, _, got = loaded("reliability", SAMPLE, "--no-items", watched=CATALOGS)
    assert code == "0" and "servqual_cli.report.catalog_reliability" in got
    # a --lang sv error line reads the error catalog
    code, _, got = loaded("gap", "no/such/file.xlsx", "--lang", "sv", watched=CATALOGS)
    assert code != "0" and "servqual_cli.report.catalog_errors" in got


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_the_csv_frame_is_built_for_csv_and_xlsx_only(fmt: str, tmp_path: Path) -> None:
    target = tmp_path / f"gap.{fmt}"
    code, built, got = loaded("gap", SAMPLE, "--no-items", "-o", str(target), watched=XLSX_OUT)
    assert (code, built) == ("0", 1)
    assert target.stat().st_size > 0
    assert got == ([] if fmt == "csv" else list(XLSX_OUT))
