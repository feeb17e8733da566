"""Writes tolerance_small_group.csv for tests/cli/test_by_groups_cli.py (review 13, finding 17):
tests/core/r/toolbox_synth.csv with an Enhet column (Norr: the first 12 respondents, Söder: the
other 148; a group below gap's min_n of 30 beside one above it) and a running number Löpnr (one
value per respondent: an identifier, not a grouping). Its weight column w (156 distinct values
with decimals) is the finding's `--by Vikt`.
"""

from pathlib import Path

import pandas as pd

# a script, not a module: importing it (a test run, a doctest) writes nothing
if __name__ == "__main__":
    here = Path(__file__).parent
    synth = pd.read_csv(here.parent / "core" / "r" / "toolbox_synth.csv")
    synth.insert(0, "Enhet", ["Norr"] * 12 + ["Söder"] * (len(synth) - 12))
    synth.insert(0, "Löpnr", range(1, len(synth) + 1))
    synth.to_csv(here / "tolerance_small_group.csv", index=False)
