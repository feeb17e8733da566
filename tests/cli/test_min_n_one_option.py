"""Session 18 (a-xlsx): ``--min-n`` was defined in cli/options.py and again in cli/toolbox.py,
inline in gap and citizen, and its default 30 typed in 10+ signatures instead of
``core.thresholds.MIN_N``: one option, one constant. The commands keep the default (30) and the
option."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from servqual_cli.core.thresholds import MIN_N

SRC = Path(__file__).parents[2] / "src" / "servqual_cli"


def test_one_option_and_one_constant() -> None:
    texts = {p: p.read_text(encoding="utf-8") for p in SRC.rglob("*.py")}
    defined = [p.name for p, t in texts.items() if '"--min-n"' in t]
    assert defined == ["options.py"]
    typed = [p.name for p, t in texts.items() if re.search(r"min_n: [\w.]+ = 30\b", t)]
    assert typed == []


@pytest.mark.parametrize(
    "command", ["gap", "tolerance", "knowledge-gap", "trend", "service-survey"]
)
def test_every_command_keeps_the_option_and_its_default(cli, command: str) -> None:
    r = cli(command, "--help")
    assert r.exit_code == 0, r.stderr
    text = " ".join(r.stdout.split())
    assert "--min-n" in text and "default: 30" in text and MIN_N == 30
