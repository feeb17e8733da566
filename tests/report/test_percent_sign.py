"""One per cent rule per language (review 2, item 23 e: one English markdown run printed
"13.0%" in one table and "13.7 %" in the next): English "13.7%", Swedish "13,7 %" with a
no-break space, from every path that writes a per cent sign."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from servqual_cli.report.conf_level import level_text
from servqual_cli.report.numbers import fmt_percent
from servqual_cli.report.percent_sign import with_percent
from servqual_cli.report.spec import format_value

SPACED = re.compile(r"\d[ \u00a0]%")  # a number, a space of any kind, the sign
PLAIN_SPACE = re.compile(r"\d %")


@given(st.floats(0, 1, allow_nan=False))
def test_every_formatter_follows_the_rule(share: float) -> None:
    assert not SPACED.search(fmt_percent(share, "en"))
    assert not SPACED.search(format_value(share, "pct"))  # the plain (unlocalised) tables
    assert not SPACED.search(format_value(share, "pct", "en"))
    assert fmt_percent(share, "sv").endswith("\u00a0%")
    assert format_value(share, "pct", "sv").endswith("\u00a0%")
    assert not SPACED.search(level_text(0.95, "en")) and level_text(0.95, "sv") == "95\u00a0%"


def test_the_rule_itself() -> None:  # the checks above can fail
    assert with_percent("13.7", "en") == "13.7%" and with_percent("13,7", "sv") == "13,7\u00a0%"
    assert SPACED.search("13.7 %") and PLAIN_SPACE.search("13,7 %")


@pytest.mark.parametrize(
    "args",
    [
        ("tolerance", "karlstad_tolerans.xlsx", "--no-items"),
        ("items", "karlstad_servqual.xlsx"),
        ("service-survey", "servicematning_medborgare_2022_2024.xlsx"),
    ],
)
@pytest.mark.parametrize("lang", ["en", "sv"])
def test_markdown_outputs_follow_the_rule(
    cli, samples_dir: Path, args: tuple[str, ...], lang: str
) -> None:
    command, name, *rest = args
    r = cli(command, samples_dir / name, *rest, "--lang", lang, "-f", "markdown")
    assert r.exit_code == 0, r.stderr
    assert "%" in r.stdout
    if lang == "en":
        assert not SPACED.search(r.stdout)
    else:
        assert not PLAIN_SPACE.search(r.stdout) and re.search(r"\d\u00a0%", r.stdout)
