"""The toolbox's sections and charts: ZOT chart and Likert bars draw deterministically."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from servqual_cli.core.item_distribution import item_distributions
from servqual_cli.core.tolerance import tolerance_analysis
from servqual_cli.report import charts
from servqual_cli.report.spec import Figure
from servqual_cli.report.toolbox_sections import item_distribution_sections, tolerance_sections


def _figures(sections) -> list[Figure]:
    return [b for s in sections for b in s.blocks if isinstance(b, Figure)]


def _tolerance():
    rng = np.random.default_rng(5)
    a = rng.integers(3, 6, size=(40, 4)).astype(float)
    d = np.clip(a + rng.integers(0, 3, size=(40, 4)), 1, 7)
    p = rng.integers(2, 8, size=(40, 4)).astype(float)
    return tolerance_analysis(a, d, p, ["1", "2", "3", "4"], {"Ett": [0, 1], "Två": [2, 3]})


def test_charts_are_registered_and_deterministic(tmp_path: Path) -> None:
    res = _tolerance()
    figs = _figures(tolerance_sections(res, {}, "sv"))
    dist = item_distributions(np.array([[1.0, 7], [2, 6], [4, 7], [7, 3]]), ["a", "b"], (1, 7),
                              sets=["perception"] * 2)  # fmt: skip
    figs += _figures(item_distribution_sections(dist, {}, "en"))
    assert [f.kind for f in figs] == ["tolerance_zone", "likert_bars"]
    for folder in (tmp_path / "a", tmp_path / "b"):
        folder.mkdir()
        for fig in figs:
            charts.save(fig, folder)
    for path in sorted((tmp_path / "a").iterdir()):
        assert path.read_bytes() == (tmp_path / "b" / path.name).read_bytes()
    assert len(list((tmp_path / "a").iterdir())) == 4


def test_tolerance_position_labels_are_swedish() -> None:
    sections = tolerance_sections(_tolerance(), {"blank": 2}, "sv", items=False, chart=False)
    table = sections[0].blocks[0]
    assert "Läge" in table.frame.columns  # type: ignore[union-attr]
    values = set(table.frame["Läge"])  # type: ignore[union-attr]
    assert values <= {"under zonen", "inom zonen", "över zonen", "vid en gräns (kan ej avgöras)"}


def test_report_sections_are_opt_in(cli, tmp_path: Path, data_dir: Path) -> None:
    synth = Path(__file__).parents[1] / "core" / "r" / "toolbox_synth.csv"
    inst = data_dir / "toolbox.toml"
    base = f'language = "en"\n[survey]\nfile = "{synth}"\ninstrument = "{inst}"\n'
    (tmp_path / "default.toml").write_text(base, encoding="utf-8")
    r = cli("report", tmp_path / "default.toml", "-o", tmp_path / "plain")
    assert r.exit_code == 0, r.stderr
    plain = (tmp_path / "plain" / "report.md").read_text(encoding="utf-8")
    assert "Which gap is largest?" not in plain and "Zone of tolerance" not in plain
    sections = '["summary", "servqual", "dimension_comparison", "item_distributions", ' \
        '"tolerance", "method"]'  # fmt: skip
    (tmp_path / "toolbox.toml").write_text(f"sections = {sections}\n{base}", encoding="utf-8")
    r = cli("report", tmp_path / "toolbox.toml", "-o", tmp_path / "full")
    assert r.exit_code == 0, r.stderr
    full = (tmp_path / "full" / "report.md").read_text(encoding="utf-8")
    for heading in ("Which gap is largest?", "Item distributions", "Zone of tolerance"):
        assert f"## {heading}" in full
    figures = {p.name for p in (tmp_path / "full" / "figures").iterdir()}
    assert {"tolerance_zone.png", "likert_expectation.png", "likert_perception.png"} <= figures
