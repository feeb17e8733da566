"""Review 5 rests fixed by the coordinator: alpha says when no scale range was applied (item 4),
and the reliability table's interval headers carry their level (item 21, "Tabell 8")."""

from __future__ import annotations

from pathlib import Path


def test_alpha_without_a_range_names_the_values_it_counted(cli, samples_dir: Path) -> None:
    """P1 holds an 8 and P2 a 0 on the 1–7 sample: without --scale-range they count (α 0.827
    against 0.838), and the note shows the span so a reader sees them."""
    survey = samples_dir / "karlstad_servqual.xlsx"
    res = cli("alpha", survey, "--items", "P1,P2,P3,P4")
    assert res.exit_code == 0, res.stderr
    text = " ".join(res.stdout.split())  # the terminal wraps the note
    assert "No scale given (--scale-range): every number counts" in text
    assert "run from 0 to 8" in text
    ranged = cli("alpha", survey, "--items", "P1,P2,P3,P4", "--scale-range", "1,7")
    assert ranged.exit_code == 0 and "No scale given" not in ranged.stdout
    sv = cli("alpha", survey, "--items", "P1,P2,P3,P4", "--lang", "sv")
    assert "går här från 0 till 8" in " ".join(sv.stdout.split())


def test_reliability_interval_headers_name_the_level(cli, samples_dir: Path) -> None:
    survey = samples_dir / "karlstad_servqual.xlsx"
    sv = cli("reliability", survey, "--no-items", "--no-validity", "--lang", "sv", "-f", "markdown")
    assert "| 95\u00a0% KI låg | 95\u00a0% KI hög |" in sv.stdout
    en = cli("alpha", survey, "--items", "E1,E2,E3,E4", "--conf", "0.9", "-f", "markdown")
    assert "| 90% CI low | 90% CI high |" in en.stdout
