"""`--items P1-P22` on a cp1252 CSV: the range hint alone, with no encoding advice.

Review 14, finding 12: the hint "a range of names is written P1:P22" knows both names because
the file's header was read right, yet the error went on "the file was read as cp1252; if the
names look garbled, try --encoding cp1250 ...". data/samples/karlstad_servqual.csv is read by
the cp1252 fallback (no UTF-8), so the advice would apply to a name it could not find.
"""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.mark.parametrize(("items", "code"), [("P1-P22", "range_dash"),
                                             ("P22:P1", "range_reversed")])  # fmt: skip
@pytest.mark.parametrize("lang", ["sv", "en"])
def test_a_range_hint_gives_no_encoding_advice(
    cli, samples_dir: Path, items: str, code: str, lang: str
) -> None:
    path = samples_dir / "karlstad_servqual.csv"
    r = cli("alpha", path, "--items", items, "--lang", lang)
    assert r.exit_code == 2, r.stderr
    assert "P1:P22" in r.stderr, r.stderr
    assert "encoding" not in r.stderr and "cp1252" not in r.stderr, r.stderr


def test_a_name_the_file_lacks_keeps_the_encoding_advice(cli, samples_dir: Path) -> None:
    # the advice stays where it may apply: a name not found could be a garbled one
    r = cli("alpha", samples_dir / "karlstad_servqual.csv", "--items", "Pxx:P22", "--lang", "sv")
    assert r.exit_code == 2, r.stderr
    assert "filen lästes som cp1252" in r.stderr, r.stderr
