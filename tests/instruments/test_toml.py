"""Custom instruments from TOML and the built-ins."""

from __future__ import annotations

from pathlib import Path

import pytest

from servqual_cli.errors import ConfigError
from servqual_cli.instruments.builtin import PZB1988, PZB1991
from servqual_cli.instruments.toml import instrument_from_dict, load_instrument


def test_builtins() -> None:
    assert load_instrument(None) is PZB1991
    assert load_instrument("PZB1988") is PZB1988
    assert len(PZB1991.items) == 22 and PZB1991.reverse == ()
    assert PZB1988.reverse == (10, 11, 12, 13, 18, 19, 20, 21, 22)
    assert list(PZB1991.dimensions) == [
        "Tangibles", "Reliability", "Responsiveness", "Assurance", "Empathy"
    ]  # fmt: skip
    assert PZB1991.dimensions["Assurance"] == (14, 15, 16, 17)


def test_kiosk_file(data_dir: Path) -> None:
    inst = load_instrument(str(data_dir / "kiosk.toml"))
    assert inst.scale == (1.0, 5.0)
    assert inst.items == (1, 2, 3, 4, 5)
    assert inst.expectation_column(3) == "F3" and inst.weight_column(2) == "V2"
    assert inst.labels["Helt rätt"] == 5.0


@pytest.mark.parametrize(
    ("file", "message"),
    [("bad.toml", "invalid TOML"), ("unknown_key.toml", "unknown key 'colour'")],
)
def test_bad_files(data_dir: Path, file: str, message: str) -> None:
    with pytest.raises(ConfigError, match=message):
        load_instrument(str(data_dir / file))


def test_missing_file() -> None:
    with pytest.raises(ConfigError, match="no instrument file 'nope.toml'"):
        load_instrument("nope.toml")


BASE = {"name": "X", "scale": [1, 5], "expectation": "E{item}", "perception": "P{item}",
        "dimensions": {"A": [1, 2]}}  # fmt: skip


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"scale": [5, 1]}, "min < max"),
        ({"expectation": "E"}, "containing {item}"),
        ({"weights": "W"}, "containing {dimension}"),
        ({"dimensions": {"A": [1, 2], "B": [2]}}, "item 2 is in both"),
        ({"reverse": [9]}, "in no dimension"),
        ({"labels": {"Bra": 9}}, "outside the scale"),
        ({"missing": "Vet ej"}, "list of texts or numbers"),
        ({"missing": [True]}, "list of texts or numbers"),
        ({"missing": ["Vet ej", float("inf")]}, "list of texts or numbers"),
    ],
)
def test_validation(change: dict, message: str) -> None:
    with pytest.raises(ConfigError, match=message):
        instrument_from_dict({**BASE, **change})


def test_missing_key() -> None:
    data = dict(BASE)
    del data["perception"]
    with pytest.raises(ConfigError, match="missing key 'perception'"):
        instrument_from_dict(data)


def test_missing_accepts_numbers_as_their_text() -> None:
    """``missing = [99]`` is the token "99" (review 11, finding 3): users write the code so."""
    inst = instrument_from_dict({**BASE, "missing": [99, 99.0, "Vet ej", 0.5]})
    assert inst.missing == ("99", "99", "Vet ej", "0.5")
