"""Writes the inputs of tests/cli/test_trend_small_base_years_cli.py (w-trend2, session 17):
a small base in one year only.

- survey_trend_small_2025.csv: the first 12 respondents of
  data/samples/karlstad_servqual_2025.xlsx, so a SERVQUAL survey trend from
  karlstad_servqual.xlsx (2024, 400 answers) to it rests on 12 answers in 2025 only.
- servicematning_small_2019.csv: data/samples/servicematning_2019.xlsx with its first 20 phone
  contacts only (all 54 e-mails kept), so a trend to servicematning_2020.xlsx (54 calls) has
  its phone totals small in 2019 only.
"""

from pathlib import Path

import pandas as pd

# a script, not a module: importing it (a test run, a doctest) writes nothing
if __name__ == "__main__":
    here = Path(__file__).parent
    samples = here.parents[1] / "data" / "samples"

    def whole(frame: pd.DataFrame) -> pd.DataFrame:
        """Whole answers as the source writes them ("5", not "5,0" where a blank made a float)."""
        return frame.apply(
            lambda c: c.astype("Int64") if c.dtype == float and (c.dropna() % 1 == 0).all() else c
        )

    survey = pd.read_excel(samples / "karlstad_servqual_2025.xlsx", engine="openpyxl").head(12)
    whole(survey).to_csv(here / "survey_trend_small_2025.csv", sep=";", index=False, decimal=",")

    contacts = pd.read_excel(samples / "servicematning_2019.xlsx", engine="openpyxl")
    phone = contacts["kanal"].eq("telefon")
    keep = ~phone | (phone.cumsum() <= 20)
    small = whole(contacts[keep])
    small["skickad"] = small["skickad"].dt.strftime("%Y-%m-%d %H:%M:%S")
    small["besvarad"] = small["besvarad"].dt.strftime("%Y-%m-%d %H:%M:%S")
    small.to_csv(here / "servicematning_small_2019.csv", sep=";", index=False, decimal=",")
