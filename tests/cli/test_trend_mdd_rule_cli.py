"""``servqual trend`` on contact files names the one rule behind its detectable-change lines:
the MDD and the "must exceed about" threshold come from the stricter of the test and the
interval, as the verdict needs both (sv and en)."""

from __future__ import annotations

from pathlib import Path

SAMPLES = Path(__file__).parent.parent.parent / "data" / "samples"
Y19, Y20 = SAMPLES / "servicematning_2019.xlsx", SAMPLES / "servicematning_2020.xlsx"


def test_mdd_lines_name_the_stricter_rule(cli) -> None:
    sv = " ".join(cli("trend", Y19, Y20, "--lang", "sv").stdout.split())
    assert ("Vid 80 % styrka och 5 % signifikansnivå (båda talen från det strängare av testet "
            "och intervallet, eftersom bedömningen kräver båda):") in sv  # fmt: skip
    en = " ".join(cli("trend", Y19, Y20, "--lang", "en").stdout.split())
    assert ("At 80% power and 5% significance (both numbers from the stricter of the test and "
            "the interval, as the verdict needs both):") in en  # fmt: skip
    # the e-mail reply time: its Hodges-Lehmann interval [-22.7; -5.3] around -19.1 h is the
    # stricter (13.8 h to 0 against the test's 9.4 h), so the MDD is 2.80 / 1.96 of 13.8 h
    assert "E-mail: median reply time: a true change of 19.7 working hours" in en
