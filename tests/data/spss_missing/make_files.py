"""Write the SPSS files of tests/cli/test_spss_user_missing_cli.py (review 16, finding 6).

Twelve respondents, columns Enhet (1 "Norr", 2 "Söder", 9 "Vet ej" declared missing), E1, P1,
E2, P2 on 1-7 (reader/two_items.toml). In the items, 99 is labelled "Vet ej" and 98 is
unlabelled; both are declared user-missing (``missing_ranges``), as SPSS exports them:

- user_missing.sav: E1 holds 99 three times (rows 2, 5, 9), P2 holds 98 twice (rows 3, 7);
  Enhet 9 in row 12. No other cell is empty.
- user_missing_undeclared.sav: the same data with no missing declaration (99 then reads by its
  label "Vet ej", 98 as a number off the scale), the reader's behaviour before the fix for
  comparison.

Run: ``python tests/data/spss_missing/make_files.py`` (pyreadstat); it writes beside itself.
"""

from pathlib import Path

import pandas as pd
import pyreadstat

# a script, not a module: importing it (a test run, a doctest) writes nothing
if __name__ == "__main__":
    d = pd.DataFrame(
        {
            "Enhet": [1, 2, 1, 2, 1, 2, 1, 2, 1, 2, 1, 9],
            "E1": [6, 99, 7, 6, 99, 5, 6, 7, 99, 6, 5, 7],
            "P1": [5, 4, 6, 5, 4, 4, 5, 6, 5, 5, 4, 6],
            "E2": [6, 7, 6, 5, 7, 6, 6, 7, 6, 5, 6, 7],
            "P2": [5, 6, 98, 4, 6, 5, 98, 6, 5, 4, 5, 6],
        },
        dtype=float,
    )
    scale = {1.0: "Instämmer inte alls", 7.0: "Instämmer helt"}
    labels = {
        "Enhet": {1.0: "Norr", 2.0: "Söder", 9.0: "Vet ej"},
        **{c: {**scale, 99.0: "Vet ej"} for c in ("E1", "P1", "E2", "P2")},
    }
    missing = {"Enhet": [9.0], **{c: [{"lo": 98.0, "hi": 99.0}] for c in ("E1", "P1", "E2", "P2")}}
    here = Path(__file__).parent
    pyreadstat.write_sav(
        d, str(here / "user_missing.sav"), variable_value_labels=labels, missing_ranges=missing
    )
    pyreadstat.write_sav(d, str(here / "user_missing_undeclared.sav"), variable_value_labels=labels)
