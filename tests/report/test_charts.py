"""Charts: every kind draws, files are byte-identical across runs and carry no dates or versions."""

from __future__ import annotations

import struct
from pathlib import Path

import pandas as pd
import pytest

from servqual_cli.report import charts
from servqual_cli.report.markdown import figure_stem
from servqual_cli.report.spec import Document, Figure, Section

DIMS = ["Miljö", "Bemötande", "Tillgänglighet"]
FIGURES = [
    Figure("dims", "Dimensioner", "dimension_gaps", {
        "categories": DIMS, "expectation": [6.0, 6.2, 5.9], "perception": [5.5, 5.0, 6.1],
        "gap": [-0.5, -1.2, 0.2], "ci_low": [-0.7, -1.4, 0.0], "ci_high": [-0.3, -1.0, 0.4],
        "scale": [1.0, 7.0],
        "labels": {"expectation": "E", "perception": "P", "mean": "Medel", "gap": "Gap"},
    }),
    Figure("items", "Påståenden", "item_gaps", {
        "categories": ["2 · Bemötande", "1 · Miljö", "3 · Miljö"], "gap": [-1.0, -0.2, 0.3],
        "ci_low": [-1.2, -0.4, 0.1], "ci_high": [-0.8, 0.0, 0.5], "labels": {"gap": "Gap"},
    }),
    Figure("heat", "Grupper", "group_heatmap", {
        "rows": ["Norr", "Söder"], "columns": DIMS,
        "values": [[-0.5, -1.0, None], [0.1, -0.2, -0.4]],
        "n": [10, 12], "labels": {"rows": "Enhet", "columns": "Dimension", "value": "Gap"},
    }),
    Figure("ipa", "IPA", "ipa", {
        "points": DIMS, "importance": [30.0, 50.0, 20.0], "performance": [5.5, 5.0, 6.1],
        "x_cross": 5.53, "y_cross": 33.3, "scale": [1.0, 7.0],
        "quadrants": ["Koncentrera", "Fortsätt", "Låg prioritet", "Överprestation"],
        "labels": {"x": "Upplevelse", "y": "Viktighet"},
    }),
    Figure("bars", "Nyckeltal per område", "bars", {
        "categories": ["bygglov", "förskola"], "percent": True,
        "series": [{"name": "2019", "values": [60.0, 70.0]},
                   {"name": "2020", "values": [40.0, 80.0], "ci_low": [30.0, 70.0],
                    "ci_high": [50.0, 90.0], "n": [40, 52]}],
        "reference": {"value": 80.0, "label": "Mål 80 %"},
        "labels": {"x": "Område", "y": "Andel (%)"},
    }),
    Figure("kpi_väntetid", "Väntetid", "kpi_aspect", pd.DataFrame({
        "name": ["E-post inom en arbetsdag", "Väntetid i telefon"], "value": [0.81, 56.0],
        "ci_low": [0.69, 45.0], "ci_high": [0.89, 79.0], "goal": [0.9, 90.0],
        "unit": ["working days", "seconds"], "higher_is_better": [True, False],
        "share": [True, False]})),
    Figure("feedback_periods", "Synpunkter", "feedback_periods", pd.DataFrame({
        "period": ["2023-01", "2023-01", "2023-02", "2023-02"],
        "type": ["klagomål", "beröm", "klagomål", "beröm"], "n": [80, 6, 64, 4]})),
    Figure("lines", "Över tid", "lines", {
        "x": [2019, 2020], "series": [{"name": "Lekeberg", "values": [60.0, 50.0]},
                                      {"name": "Snitt", "values": [59.0, 60.0], "dashed": True}],
        "labels": {"x": "År", "y": "Andel (%)"}, "percent": True,
    }),
]  # fmt: skip
# The toolbox's kinds (report/toolbox_charts.py).
FIGURES += [
    Figure("zot", "Toleranszon", "tolerance_zone", {
        "categories": DIMS, "adequate": [4.1, 5.2, 4.6], "desired": [5.9, 6.2, 6.1],
        "perception": [5.0, 5.1, 6.3], "scale": [1.0, 7.0],
        "labels": {"zone": "Toleranszon (A–D)", "perception": "Upplevd (P)", "x": "Medel"},
    }),
    Figure("likert", "Svarsfördelning", "likert_bars", {
        "items": ["P1", "P2"], "counts": [[1, 2, 3, 10, 20, 15, 5], [0, 0, 4, 8, 30, 20, 2]],
        "points": ["1", "2", "3", "4", "5", "6", "7"], "labels": {"x": "Andel svar"},
    }),
]  # fmt: skip
DOC = Document("t", (Section("s", tuple(FIGURES)),))


@pytest.fixture(scope="module")
def written(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """Every figure written twice, into two folders."""
    a, b = tmp_path_factory.mktemp("a"), tmp_path_factory.mktemp("b")
    charts.save_all(DOC, a)
    charts.save_all(DOC, b)
    return a, b


def png_text_keys(data: bytes) -> list[bytes]:
    """Keys of the PNG's tEXt/iTXt/zTXt chunks (where a Software or date entry would be)."""
    keys, pos = [], 8
    while pos < len(data):
        (length,) = struct.unpack(">I", data[pos : pos + 4])
        kind = data[pos + 4 : pos + 8]
        if kind in (b"tEXt", b"iTXt", b"zTXt"):
            keys.append(data[pos + 8 : pos + 8 + length].split(b"\0")[0])
        if kind == b"tIME":
            keys.append(b"tIME")
        pos += 12 + length
    return keys


def test_every_kind_writes_png_and_svg(written: tuple[Path, Path]) -> None:
    a, _ = written
    names = sorted(p.name for p in a.iterdir())
    stems = [figure_stem(f) for f in FIGURES]
    assert "kpi_vantetid" in stems  # file names are ASCII whatever the figure is called
    assert names == sorted(f"{stem}.{ext}" for stem in stems for ext in ("png", "svg"))
    assert set(charts.CHARTS) == {f.kind for f in FIGURES}


def test_files_are_identical_across_runs(written: tuple[Path, Path]) -> None:
    a, b = written
    for path in a.iterdir():
        assert path.read_bytes() == (b / path.name).read_bytes(), path.name


def test_no_dates_creators_or_versions(written: tuple[Path, Path]) -> None:
    a, _ = written
    for path in a.glob("*.svg"):
        svg = path.read_text(encoding="utf-8")
        assert "<dc:date>" not in svg and "Matplotlib v" not in svg and "<dc:creator>" not in svg
    for path in a.glob("*.png"):
        assert png_text_keys(path.read_bytes()) == [], path.name


def test_unknown_kind_and_duplicate_names(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="unknown chart kind 'pie'"):
        charts.render(Figure("x", "x", "pie", {}))
    twice = Document("t", (Section("s", (FIGURES[1], FIGURES[1])),))
    with pytest.raises(ValueError, match="two figures are named 'items'"):
        charts.save_all(twice, tmp_path)


def test_palette_is_okabe_ito() -> None:
    assert charts.OKABE_ITO[:4] == ("#0072B2", "#E69F00", "#009E73", "#D55E00")
    assert charts.STYLE["svg.hashsalt"]  # fixed ids, not random ones


def test_control_characters_in_labels_stay_inert(tmp_path: Path) -> None:
    """A BEL, a Word line break (U+000B, ``_x000B_`` in an xlsx) or a bidi override in a group
    name is drawn as an escape: the SVG stays well-formed XML and holds no raw control or bidi
    character (review 10b, finding 3: the SVG did not parse)."""
    import xml.etree.ElementTree as ET

    hostile = Figure(
        "heat",
        "Grupper \u202e",
        "group_heatmap",
        {
            "rows": ["Grund\x0bskola", "Sö\x07der\u202e"],
            "columns": DIMS,
            "values": [[-0.5, -1.0, None], [0.1, -0.2, -0.4]],
            "n": [10, 12],
            "labels": {"rows": "Enhet", "columns": "Dimension", "value": "Gap"},
        },
    )
    hbar = Figure(
        "bars2",
        "Staplar",
        "bars",
        {
            "categories": ["ok", "bad\x1b[2J"],
            "percent": True,
            "series": [{"name": "2019\x07", "values": [60.0, 70.0]}],
            "labels": {"x": "Område\x0b", "y": "Andel"},
        },
    )
    for figure in (hostile, hbar):
        _png, svg = charts.save(figure, tmp_path, "sv")
        text = svg.read_text(encoding="utf-8")
        ET.fromstring(text.encode("utf-8"))  # raises on an ill-formed file
        assert not any(c in text for c in "\x07\x0b\x1b\u202e")
    heat = (tmp_path / f"{figure_stem(hostile)}.svg").read_text(encoding="utf-8")
    assert "Grund\\x0bskola" in heat and "Sö\\x07der\\u202e" in heat
    bars = (tmp_path / f"{figure_stem(hbar)}.svg").read_text(encoding="utf-8")
    assert "bad\\x1b[2J" in bars and "2019\\x07" in bars
