"""`servqual reliability`: an EFA on correlations that cannot carry one is marked, and its
factors are not named like items (review 13, findings 2 and 15).

tests/data/reliability_noise_30.csv: 30 random pilot answers. Every score fails both gates:
KMO 0.332 / 0.262 / 0.183 < 0.5 (Kaiser 1974) and Bartlett p 0.675 / 0.696 / 0.769
(psych::KMO, psych::cortest.bartlett: tests/core/r/factorability.R). The sample
(data/samples/karlstad_servqual.xlsx) passes both and carries no such mark.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

R = json.loads((Path(__file__).parents[1] / "core" / "r" / "factorability.json").read_text("utf-8"))


def _flat(text: str) -> str:
    return " ".join(text.split())


def test_noise_pilot_is_warned_in_swedish_and_its_tables_marked(cli, data_dir: Path) -> None:
    r = cli("reliability", data_dir / "reliability_noise_30.csv", "--no-items", "--lang", "sv")
    assert r.exit_code == 0, r.stderr
    text = _flat(r.stdout)
    assert ("Gap, validitet: KMO 0,183 < 0,5: korrelationerna räcker inte för faktoranalys "
            "(Kaiser 1974); EFA-laddningarna ska inte tolkas.") in text  # fmt: skip
    assert ("Förväntan, validitet: korrelationsmatrisen kan inte skiljas från en identitetsmatris "
            "(Bartlett p = 0,675 ≥ 0,05): påståendena kan lika gärna vara okorrelerade, så "
            "EFA-laddningarna ska inte tolkas.") in text  # fmt: skip
    for score in ("Förväntan", "Upplevelse", "Gap"):
        assert f"Explorativ faktoranalys (EFA), mönstermatris: {score} (ska inte tolkas)" in text
        assert f"faktorkorrelationer: {score} (ska inte tolkas)" in text
    # the reason stands first in the table's own note, before the method
    assert ("Ska inte tolkas: KMO 0,332 < 0,5 (korrelationerna räcker inte för faktoranalys) och "
            "Bartletts test kan inte skilja korrelationsmatrisen från en identitetsmatris "
            "(p = 0,675 ≥ 0,05") in text  # fmt: skip


def test_json_carries_the_flags_and_the_caveats(cli, data_dir: Path) -> None:
    r = cli("reliability", data_dir / "reliability_noise_30.csv", "--no-items", "-f", "json")
    assert r.exit_code == 0, r.stderr
    out = json.loads(r.stdout)
    for v in out["validity"]:
        ref = R["noise_30"][v["score"]]
        assert abs(v["kmo"]["msa"] - ref["kmo"]) < 1e-10
        assert abs(v["bartlett"]["p"] - ref["p"]) < 1e-9
        flags = v["factorability"]
        assert flags["efa_interpretable"] is False
        assert flags["kmo_below_min"] and flags["bartlett_not_significant"]
        assert v["efa"] is not None  # the EFA is kept
        codes = [c["code"] for c in v["caveats"]]
        assert "kmo_low" in codes and "bartlett_identity" in codes
        # the JSON keeps psych's short factor keys (EFAResult.to_dict's documented contract)
        assert "F1" in v["efa"]["items"][0]


def test_sample_is_not_marked_and_factors_are_not_named_like_items(cli, samples_dir: Path) -> None:
    path = samples_dir / "karlstad_servqual.xlsx"
    r = cli("reliability", path, "--no-items", "-f", "markdown")
    assert r.exit_code == 0, r.stderr
    assert "not to be interpreted" not in r.stdout and "KMO 0." not in r.stdout
    head = next(line for line in r.stdout.splitlines() if line.startswith("| Item "))
    assert "| Factor 1 |" in head and not re.search(r"\| F\d+ \|", head)
    row = next(line for line in r.stdout.splitlines() if line.startswith("| Statement 1 "))
    assert re.search(r"\| Factor \d \|", row)  # the highest loading names a factor
    assert "| r with Factor 1 |" in r.stdout
    # review 13, finding 18: the note on which matrix fed KMO, Bartlett, EFA and CFA ends its
    # sentence, so an appended one (the weighting rule) does not run on from it
    matrix = next(line for line in r.stdout.splitlines() if line.startswith("*Correlation matrix"))
    assert matrix.endswith("(lavaan's default).*")
    out = json.loads(cli("reliability", path, "--no-items", "-f", "json").stdout)
    assert all(v["factorability"]["efa_interpretable"] for v in out["validity"])
    assert not [c for c in out["caveats"] if c["code"] in ("kmo_low", "bartlett_identity")]
