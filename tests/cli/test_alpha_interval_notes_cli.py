"""Review 11, finding 8: the basis of α's intervals and the EFA's n, said exactly.

* Feldt: "med det n som faktiskt användes" named no n; the note now says it is the smallest
  pairwise n and gives it for one scale (``psych::alpha.ci(0.85308, 376, 4)`` is how the
  reviewer checked it), or points to the table's n for an instrument's many scales.
* Bootstrap: the interval is of α on the complete rows, printed beside the pairwise α; the note
  gives that α (checked against pingouin on the complete rows; R ``psych::alpha(na.omit(x))``
  gives 0.835 for P1–P4 of the sample) and ends with a full stop.
* ``reliability -f json``: ``validity[].efa.n`` was the row count (400) beside Bartlett's and
  the text's smallest pairwise n (373); now the same n, and ``n_rows`` says 400.
"""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pingouin

SAMPLE = Path(__file__).parent.parent.parent / "data" / "samples" / "karlstad_servqual.csv"
P14 = ("alpha", str(SAMPLE), "--items", "P1:P4", "--scale-range", "1,7")


def _p14() -> pd.DataFrame:
    """P1–P4 read by pandas itself (cp1252, ";", two title rows), 1–7 kept, "Vet ej" NaN."""
    frame = pd.read_csv(SAMPLE, sep=";", encoding="cp1252", skiprows=2)
    x = frame[["P1", "P2", "P3", "P4"]].apply(pd.to_numeric, errors="coerce")
    return x.where(x.ge(1) & x.le(7))


def _flat(text: str) -> str:
    return " ".join(text.split())


def test_feldt_note_names_the_smallest_pairwise_n(cli) -> None:
    d = json.loads(cli(*P14, "-f", "json").stdout)
    n = d["scales"][0]["n"]
    answered = _p14().notna().astype(int)
    pairs = answered.T @ answered  # rows with both items of each pair
    assert n == int(pairs.to_numpy().min()) < len(answered)
    sv = _flat(cli(*P14, "--lang", "sv").stdout)
    en = _flat(cli(*P14).stdout)
    assert f"95 % KI enligt Feldt med det minsta parvisa n, {n}." in sv
    assert f"95% CI by Feldt's method with the smallest pairwise n, {n}." in en
    assert "faktiskt användes" not in sv and "actually used" not in en
    listwise = _flat(cli(*P14, "--missing", "listwise").stdout)
    rows = json.loads(cli(*P14, "--missing", "listwise", "-f", "json").stdout)["scales"][0]["n"]
    assert f"with the number of complete rows, {rows}." in listwise


def test_bootstrap_note_gives_the_complete_rows_alpha(cli) -> None:
    args = (*P14, "--bootstrap", "200")
    d = json.loads(cli(*args, "-f", "json").stdout)
    frame = _p14().dropna()
    reference, _ = pingouin.cronbach_alpha(frame)  # the complete rows' α, independently
    (code,) = [c for c in d["caveats"] if c["code"].startswith("boot_complete")]
    assert code["code"] == "boot_complete_of" and code["params"]["n"] == len(frame) == 370
    assert abs(code["params"]["alpha"] - reference) < 1e-9
    assert abs(reference - 0.835) < 5e-4 and abs(d["scales"][0]["alpha"] - 0.838) < 5e-4
    sv = _flat(cli(*args, "--lang", "sv").stdout)
    assert (
        "bootstrap-KI är intervallet för α på de 370 kompletta raderna (0,835), de rader det "
        "drar om; α i tabellen bygger på parvis borttagning." in sv
    )
    en = _flat(cli(*args).stdout)
    assert "the bootstrap CI is that of α on the 370 complete rows (0.835)" in en
    assert "the α in the table uses pairwise deletion." in en


def test_efa_n_is_the_n_behind_its_correlations(cli) -> None:
    d = json.loads(cli("reliability", str(SAMPLE), "-f", "json").stdout)
    for check in d["validity"]:
        assert check["efa"]["n"] == check["bartlett"]["n"] < 400, check["score"]
        assert check["efa"]["n_rows"] == 400
    assert [c["efa"]["n"] for c in d["validity"] if c["score"] == "P"] == [373]
