"""The report's zone of tolerance names its file and respondents, the summary lists that file,
and the note's promise of the Wilson intervals is kept by a CSV the manifest lists (review 7,
finding 3: Tabell 6 gave P 4,56 on n 242 under a SERVQUAL table with P 4,93 on n 400 and never
named karlstad_tolerans.xlsx; the note pointed to a CSV the report did not write)."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pandas as pd
import pytest

SAMPLES = Path(__file__).parent.parent.parent / "data" / "samples"


def _report(cli, tmp_path: Path, body: str, lang: str = "sv") -> Path:
    config = tmp_path / "report.toml"
    config.write_text(f'language = "{lang}"\n' + body.replace("SAMPLES", SAMPLES.as_posix()),
                      encoding="utf-8")  # fmt: skip
    r = cli("report", config, "-o", tmp_path / "out")
    assert r.exit_code == 0, r.stderr
    return tmp_path / "out"


BOTH = ('sections = ["summary", "servqual", "tolerance"]\n[survey]\n'
        'file = "SAMPLES/karlstad_servqual.xlsx"\n[tolerance]\n'
        'file = "SAMPLES/karlstad_tolerans.xlsx"\n')  # fmt: skip


def test_the_section_and_the_summary_name_the_other_survey(cli, tmp_path: Path) -> None:
    md = (_report(cli, tmp_path, BOTH) / "report.md").read_text(encoding="utf-8")
    summary = md.split("## Sammanfattning", 1)[1].split("\n## ", 1)[0]
    assert summary.index("400 svarande i karlstad_servqual.xlsx") < summary.index(
        "Rapporten bygger också på 242 svarande i karlstad_tolerans.xlsx (toleranszonen), en "
        "annan enkät."
    )
    section = md.split("## Toleranszon per dimension", 1)[1]
    lead = section.strip().split("\n", 1)[0]
    assert lead == (
        "Toleranszonen bygger på 242 svarande i karlstad_tolerans.xlsx, en annan "
        "enkät än SERVQUAL-avsnittets (400 svarande i karlstad_servqual.xlsx)."
    )
    assert "JSON- och CSV-utdata" not in section
    assert "finns i data/tolerance_dimensions.csv" in section


def test_the_csv_holds_the_wilson_limits_and_is_in_the_manifest(cli, tmp_path: Path) -> None:
    out = _report(cli, tmp_path, BOTH, lang="en")
    path = out / "data" / "tolerance_dimensions.csv"
    frame = pd.read_csv(path, sep=";")
    assert list(frame["Dimension"]) == ["Tangibles", "Reliability", "Responsiveness",
                                        "Assurance", "Empathy"]  # fmt: skip
    row = frame.set_index("Dimension").loc["Responsiveness"]
    assert row["n"] == 242 and row["Share below A"] == pytest.approx(113 / 242)
    # Wilson (1927) score interval of 113 of 242 at 95 %, computed here from its formula
    z, p, n = 1.959963984540054, 113 / 242, 242
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z / (1 + z * z / n) * (p * (1 - p) / n + z * z / (4 * n * n)) ** 0.5
    assert row["Share below A 95% CI low"] == pytest.approx(centre - half, abs=1e-12)
    assert row["Share below A 95% CI high"] == pytest.approx(centre + half, abs=1e-12)
    listed = {o["path"]: o for o in json.loads((out / "manifest.json").read_text())["outputs"]}
    entry = listed["data/tolerance_dimensions.csv"]
    assert entry["sha256"] == hashlib.sha256(path.read_bytes()).hexdigest()


def test_a_tolerance_only_report_names_its_file_in_the_summary(cli, tmp_path: Path) -> None:
    body = ('sections = ["summary", "tolerance"]\n[tolerance]\n'
            'file = "SAMPLES/karlstad_tolerans.xlsx"\n')  # fmt: skip
    md = (_report(cli, tmp_path, body) / "report.md").read_text(encoding="utf-8")
    assert "Rapporten bygger på 242 svarande i karlstad_tolerans.xlsx (toleranszonen)." in md
    assert "Toleranszonen bygger på 242 svarande i karlstad_tolerans.xlsx.\n" in md
