"""Review 4 (reliability, gap, errors), through the real CLI: findings 6, 12, 13 and 14."""

from __future__ import annotations

from pathlib import Path

import pytest

KARLSTAD = "karlstad_servqual.xlsx"


def _flat(text: str) -> str:
    """The terminal's text without its line wrapping and table rules."""
    return " ".join(text.replace("│", " ").replace("|", " ").split())


@pytest.mark.parametrize("lang", ["en", "sv"])
@pytest.mark.parametrize("fmt", ["table", "markdown"])
def test_alpha_shows_the_users_column_names(cli, samples_dir: Path, lang: str, fmt: str) -> None:
    # Finding 6: E1 and P1 were both "Statement 1" (sv "Påstående 1"): one name for two rows.
    r = cli("alpha", samples_dir / KARLSTAD, "--items", "E1,P1,E2,P2", "--lang", lang, "-f", fmt)
    assert r.exit_code == 0, r.stderr
    text = _flat(r.stdout)
    for item in ("E1", "P1", "E2", "P2"):
        assert f"scale {item} " in text
    assert "Statement 1" not in r.stdout and "Påstående 1" not in r.stdout


def test_reliability_keeps_the_instruments_statement_names(cli, samples_dir: Path) -> None:
    # The instrument's E/P scales in `reliability` still read "Statement 3" (catalog.item_name).
    r = cli("reliability", samples_dir / KARLSTAD, "--no-validity", "-f", "markdown")
    assert r.exit_code == 0, r.stderr
    assert "| Statement 3 |" in r.stdout
