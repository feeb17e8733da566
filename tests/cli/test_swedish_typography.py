"""Swedish typography of the commands' terminal output (review 6, finding 8): a no-break space
before "%" (Språkrådet), an en dash in number ranges ("6–7"), a thousands space in counts
("2 486"), and no English word left in a Swedish sentence.

``report`` writes files, not the terminal: its wording shares the catalogs scanned here.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

SAMPLES = Path(__file__).parent.parent.parent / "data" / "samples"

COMMANDS = {
    "gap": ["gap", SAMPLES / "karlstad_servqual.xlsx", "--by", "Tjänst"],
    "alpha": ["alpha", SAMPLES / "karlstad_servqual.xlsx", "--items", "P1:P4"],
    "items": ["items", SAMPLES / "karlstad_servqual.xlsx"],
    "reliability": ["reliability", SAMPLES / "karlstad_servqual.xlsx"],
    "tolerance": ["tolerance", SAMPLES / "karlstad_tolerans.xlsx"],
    "knowledge-gap": [
        "knowledge-gap", SAMPLES / "karlstad_servqual.xlsx", SAMPLES / "karlstad_personal.xlsx"
    ],
    "contacts": ["contacts", SAMPLES / "servicematning_2019.xlsx"],
    "kpi": ["kpi", SAMPLES / "kpi.toml"],
    "feedback": ["feedback", SAMPLES / "synpunkter_2023_2024.xlsx"],
    "service-survey": ["service-survey", SAMPLES / "servicematning_medborgare_2022_2024.xlsx"],
    "describe": ["describe", SAMPLES / "karlstad_servqual.xlsx"],
    "trend": ["trend", SAMPLES / "servicematning_2019.xlsx", SAMPLES / "servicematning_2020.xlsx"],
}  # fmt: skip

# English words a Swedish sentence must not carry (whole words; options and file names are
# removed first, so "--scale-range" and "karlstad_servqual.xlsx" do not count).
ENGLISH = ("scale", "the", "and", "of", "rows", "row", "cells", "file", "Perceived", "missing",
           "Expected", "with", "not", "Upplevd")  # fmt: skip
_NOT_PROSE = re.compile(r"--[\w-]+|\S+\.(?:xlsx|csv|toml|json|sav|ods)\b|servqual \w+")


def problems(text: str) -> list[str]:
    """The typography faults in Swedish ``text`` (each with a little context).

    >>> problems("Med 6-7 kontakter och 80 % styrka; 2486 rader; scale")
    ['plain space before %: 80 %', 'hyphen in a range: 6-7', 'no thousands space: 2486 rader', \
'English word: scale']
    >>> problems("Med 6–7 kontakter och 80\\u00a0% styrka; 2\\u00a0486 rader; år 2024-01")
    []
    """
    found = [f"plain space before %: {m.group(0)}" for m in re.finditer(r"\d+ %", text)]
    # a hyphen between digits, except in dates (2024-01-31) and ISO months (2023-01)
    for m in re.finditer(r"(?<![\d-])(\d{1,3})-(\d{1,3})(?![\d-])", text):
        found.append(f"hyphen in a range: {m.group(0)}")
    for m in re.finditer(r"\b(\d{4,})\s+(rader|synpunkter|svar|kontakter|celler)\b", text):
        found.append(f"no thousands space: {m.group(0)}")
    prose = _NOT_PROSE.sub(" ", text)
    for word in ENGLISH:
        if re.search(rf"(?<![\w-]){word}(?![\w-])", prose):
            found.append(f"English word: {word}")
    return found


@pytest.mark.parametrize("name", list(COMMANDS))
def test_swedish_output_keeps_the_rules(cli, name: str) -> None:
    r = cli(*COMMANDS[name], "--lang", "sv")
    assert r.exit_code == 0, r.stderr
    # table borders become "|", so a number and the next cell's "%" are not one "80 %"
    # (and str.split is not used: it would take U+00A0 for a space too)
    text = re.sub(r"[ \t\n]+", " ", re.sub("[│┃]", "|", r.stdout))
    assert problems(text) == []


def test_alpha_names_its_default_scale_in_the_language(cli) -> None:
    args = ("alpha", SAMPLES / "karlstad_servqual.xlsx", "--items", "P1:P4")
    assert "Cronbachs alfa – skala" in cli(*args, "--lang", "sv").stdout
    assert "– scale" in cli(*args).stdout
    assert "– Trivsel" in cli(*args, "--lang", "sv", "--name", "Trivsel").stdout
