"""`servqual reliability`/`alpha` never print an impossible ω, CR or AVE (review 2, item 1), leave a
constant item out in both commands (item 12) and speak Swedish in a Swedish run (item 13).

tests/data/reliability_noise_30.csv: 30 respondents with random answers (E 4-7, P 2-7), a pilot
with no structure, where the CFA gave ω 2.205, CR 5.071 and AVE 6.012 before.
"""

from __future__ import annotations

import json
from pathlib import Path


def _json(cli, *args: str | Path) -> dict:
    r = cli(*args, "-f", "json")
    assert r.exit_code == 0, r.stderr
    return json.loads(r.stdout)


def test_no_impossible_value_in_json(cli, data_dir: Path) -> None:
    out = _json(cli, "reliability", data_dir / "reliability_noise_30.csv", "--no-items")
    for s in out["scales"]:
        if s["omega_total"] is None:
            continue
        assert 0 <= s["omega_total"] <= 1, s["scale"]
    withdrawn = [s for s in out["scales"] if s["omega_problem"]]
    assert withdrawn and all(s["omega_total"] is None for s in withdrawn)
    for v in out["validity"]:
        for f in v["cfa"]["factors"]:
            for key in ("composite_reliability", "ave"):
                assert f[key] is None or 0 <= f[key] <= 1, (v["score"], f)
            assert (f["problem"] is None) == (f["ave"] is not None)
        assert v["cfa"]["omega_total"] is None or 0 <= v["cfa"]["omega_total"] <= 1


def test_terminal_shows_dash_and_reason(cli, data_dir: Path) -> None:
    path = data_dir / "reliability_noise_30.csv"
    en = cli("reliability", path, "--no-items")
    assert en.exit_code == 0, en.stderr
    for bad in ("2.205", "5.071", "6.012"):
        assert bad not in en.stdout
    text = " ".join(en.stdout.split())
    assert "McDonald's ω cannot be computed (–)" in text
    assert "CR and AVE cannot be computed (–)" in text
    sv = cli("reliability", path, "--no-items", "--lang", "sv")
    text = " ".join(sv.stdout.split())
    assert "McDonalds ω kan ej beräknas (–)" in text and "2,205" not in text


def test_swedish_run_has_no_english_warning_or_code(cli, data_dir: Path) -> None:
    for name in ("reliability_noise_30.csv", "reliability_constant_item.csv"):
        r = cli("reliability", data_dir / name, "--no-items", "--lang", "sv")
        assert r.exit_code == 0, r.stderr
        text = " ".join(r.stdout.split())
        for english in (
            "Heywood case",
            "Not computed",
            "did not converge",
            "E:all",
            "P:all",
            "E:Tangibles",
            "gap:",
            "has a negative",
            "validity:",
            "items load",
        ):
            assert english not in text, (name, english)


def test_constant_item_is_left_out_in_both_commands(cli, data_dir: Path) -> None:
    path = data_dir / "reliability_constant_item.csv"  # E1 = 5 in every row
    rel = _json(cli, "reliability", path, "--no-validity", "--no-items")
    scales = {s["scale"]: s for s in rel["scales"]}
    assert scales["E:Tangibles"]["k"] == 3 and scales["E:all"]["k"] == 21
    assert "E:Tangibles" not in rel["skipped"]
    assert any("E1 has no variance" in w and "left out" in w for w in rel["warnings"])
    one = _json(cli, "alpha", path, "--items", "E1,E3,E4", "--scale-range", "1,7")
    assert one["scales"][0]["k"] == 2
    assert any("E1 has no variance" in w for w in one["warnings"])
    r = cli("alpha", path, "--items", "E1,E3", "--scale-range", "1,7")
    assert r.exit_code == 1 and "Traceback" not in r.stderr
    assert "reliability_constant_item.csv" in r.stderr and "E1" in r.stderr
    assert len(r.stderr.strip().splitlines()) == 1


def test_conf_level_in_the_interval_note(cli, data_dir: Path) -> None:
    path = data_dir / "reliability_constant_item.csv"
    en = cli("alpha", path, "--items", "E2,E3,E4", "--conf", "0.9")
    assert "90% CI by Feldt" in en.stdout and "95%" not in en.stdout
    sv = cli("reliability", path, "--no-validity", "--no-items", "--conf", "0.9", "--lang", "sv")
    assert "90\u00a0% KI enligt Feldt" in sv.stdout or "90 % KI enligt Feldt" in sv.stdout


def test_the_reported_warnings_end_as_sentences(cli, data_dir: Path, samples_dir: Path) -> None:
    # session 17: the listwise share, "CFA beräknades inte" and the one-factor Heywood warnings
    # end with a full stop as `servqual reliability` prints them
    listwise = cli("reliability", samples_dir / "karlstad_servqual.xlsx", "--no-items",
                   "--lang", "sv")  # fmt: skip
    text = " ".join(listwise.stdout.split())
    assert "passningsmåtten gäller de svarande som svarat på allt." in text  # listwise share
    constant = cli("reliability", data_dir / "reliability_constant_item.csv", "--no-items",
                   "--lang", "sv")  # fmt: skip
    text = " ".join(constant.stdout.split())
    assert "(konstanta eller linjärt beroende påståenden)." in text  # CFA beräknades inte
    assert "en faktor passar dåligt för dessa påståenden och ω redovisas inte." in text
