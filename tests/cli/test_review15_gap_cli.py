"""Review 15, findings 11 and 14: what ``gap -f json`` records of the instrument, and the APA
lines of "which gap is largest?" (the Friedman test and the dimension pairs)."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path


def test_json_records_the_instrument_rules_and_file(cli, data_dir: Path) -> None:
    # finding 11: the JSON named the instrument's scale and reverse items, but not its missing
    # codes, its [labels] or which file (and which version of it) was read
    toml = data_dir / "kiosk.toml"
    r = cli("gap", data_dir / "kiosk.csv", "-i", str(toml), "-f", "json")
    assert r.exit_code == 0, r.stderr
    inst = json.loads(r.stdout)["instrument"]
    assert inst["missing"] == ["Ingen uppfattning"]
    assert inst["labels"] == {"Helt rätt": 5.0}
    assert inst["path"] == str(toml)
    assert inst["sha256"] == hashlib.sha256(toml.read_bytes()).hexdigest()


def test_json_builtin_instrument_has_no_file(cli, samples_dir: Path) -> None:
    r = cli("gap", samples_dir / "karlstad_servqual.csv", "-f", "json")
    assert r.exit_code == 0, r.stderr
    inst = json.loads(r.stdout)["instrument"]
    assert inst["path"] is None and inst["sha256"] is None
    assert inst["missing"] == [] and inst["labels"] == {}
