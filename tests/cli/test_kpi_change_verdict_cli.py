"""Review 18 finding 8: the ``kpi`` table's change cell never said bättre/sämre/ingen påvisbar
förändring, though its note defines when a change counts as better or worse, and the report's
overview says it for the same KPI. The cell now ends with the overview's words, from the
change's ``detected`` and ``better`` (the JSON's), and spaces its periods "2024 → 2025" as
every other span.

Files: tests/data/kpi_small_previous.toml (91,7 → 40,0 %, Fisher p 0,00237 by scipy, Newcombe
[−66,3; −20,9] by statsmodels, review 18); data/samples/kpi.toml (bygglov 87,5 → 91,5 %,
p 0,183: not detected; the lead time's shift −5,0 days, p 0,005: better).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from .conftest import DATA

SAMPLES = Path(__file__).parents[2] / "data" / "samples"
WORDS = {"sv": ("▼ sämre", "▲ bättre", "ingen påvisbar förändring"),
         "en": ("▼ worse", "▲ better", "no detectable change")}  # fmt: skip


def _changes(cli, toml: Path, lang: str) -> dict[str, str]:
    """Each KPI's change cell in the Markdown table, by KPI name."""
    out = cli("kpi", toml, "--lang", lang, "-f", "markdown")
    assert out.exit_code == 0, out.stderr
    rows = [[c.strip() for c in line.strip().strip("|").split("|")]
            for line in out.stdout.splitlines() if line.startswith("| ")]  # fmt: skip
    return {r[0]: r[-1] for r in rows if r[-1] not in ("–", "---", "Förändring", "Change")}


def _json(cli, toml: Path) -> dict[str, dict]:
    out = cli("kpi", toml, "-f", "json")
    assert out.exit_code == 0, out.stderr
    return {k["name"]: k["change"] for k in json.loads(out.stdout)["kpis"] if k["change"]}


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_a_detected_drop_says_worse(cli, lang: str) -> None:
    worse = WORDS[lang][0]
    (cell,) = _changes(cli, DATA / "kpi_small_previous.toml", lang).values()
    assert cell.startswith("2024 → 2025: ") and cell.endswith(f", {worse}")


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_each_cell_ends_with_the_verdict_of_its_json(cli, lang: str) -> None:
    worse, better, none = WORDS[lang]
    cells = _changes(cli, SAMPLES / "kpi.toml", lang)
    changes = _json(cli, SAMPLES / "kpi.toml")
    assert set(cells) == set(changes) and len(cells) == 3
    for name, change in changes.items():
        word = (better if change["better"] else worse) if change["detected"] else none
        assert cells[name].endswith(f", {word}"), (name, cells[name])
    # +4,0 procentenheter, p 0,183 no longer reads as an improvement
    assert cells["Bygglov beslutas inom tio veckor från komplett ansökan"].endswith(none)
