"""Review 17, findings 4, 11 and 1: ``alpha`` on an SPSS file and with ``--reverse``.

4: in a .sav the cell is the number; a value label only names it. ``alpha`` without
``--scale-range`` read the labelled scale points (1 "Instämmer inte alls", 7 "Instämmer helt")
as their words and threw them out as "ogiltigt värde", and reported α on the rest (0,259 on
tests/data/spss_missing/user_missing.sav, 7 cells of 7s dropped). Now the items read their
codes as gap's do (io.item_roles.spss_cells), declared codes counted as gap counts them.
Reference: Cronbach's α from the covariance matrix of pyreadstat's numbers (pairwise, as
``psych::alpha``), 98/99 (declared missing) left out, in the test itself.

11: ``--reverse`` without ``--scale-range`` takes the pivot from the answers; a warning at the
top says so and names ``--scale-range``.

1: ``alpha --reverse F2`` said of F2 "omvänt påstående som inte angetts?" under the rule that
had just reversed it; now the declared item is asked whether the reversal is right, as
``reliability`` asks (core.declared_reversed).
"""

from __future__ import annotations

import json

import pyreadstat
import pytest

from .conftest import DATA

SAV = DATA / "spss_missing" / "user_missing.sav"
ITEMS = ("--items", "E1,P1,E2,P2")


def _alpha_reference() -> float:
    raw, _ = pyreadstat.read_sav(str(SAV), user_missing=False)  # 98/99 read as NaN
    cov = raw[["E1", "P1", "E2", "P2"]].cov().to_numpy()  # pairwise, as psych::alpha
    k = cov.shape[0]
    return float(k / (k - 1) * (1 - cov.trace() / cov.sum()))


def test_labelled_scale_points_are_their_numbers(cli) -> None:
    plain = json.loads(cli("alpha", SAV, *ITEMS, "-f", "json").stdout)
    ranged = json.loads(cli("alpha", SAV, *ITEMS, "--scale-range", "1,7", "-f", "json").stdout)
    assert plain["scales"][0]["alpha"] == pytest.approx(_alpha_reference(), abs=1e-12)
    assert plain["scales"][0]["alpha"] == pytest.approx(0.8162368515009201, abs=1e-12)
    # no labelled 7 thrown out; "Vet ej" (99) and the declared 98 counted as gap counts them
    assert plain["excluded"] == ranged["excluded"] == {"dont_know": 3, "missing_token": 2}


def test_labelled_scale_points_in_the_note(cli) -> None:
    r = cli("alpha", SAV, *ITEMS, "--lang", "sv")
    assert r.exit_code == 0, r.stderr
    text = " ".join(r.stdout.split())
    assert "ogiltigt värde" not in text and "Instämmer helt" not in text
    assert "svaren går här från 4 till 7" in text


@pytest.mark.parametrize(
    ("lang", "warning"),
    [
        ("sv", "Omvändningen av P1 utgår från svarens spann (4–7) som skala: de omvända "
               "medelvärdena är de av 11 − svaret"),
        ("en", "The reversal of P1 uses the range the answers span (4–7) as the scale: the "
               "reversed means are those of 11 − the answer"),
    ],
)  # fmt: skip
def test_reverse_from_the_answers_warns_first(cli, lang: str, warning: str) -> None:
    r = cli("alpha", SAV, *ITEMS, "--reverse", "P1", "--lang", lang)
    assert r.exit_code == 0, r.stderr
    text = " ".join(r.stdout.split())
    assert warning in text and "--scale-range 1,7" in text
    assert text.index(warning) < text.index("α")  # at the top, before the table
    ranged = cli("alpha", SAV, *ITEMS, "--reverse", "P1", "--scale-range", "1,7", "--lang", lang)
    assert warning[:20] not in " ".join(ranged.stdout.split())  # the scale given: no warning


CODE_99 = (DATA / "alpha_code_99_labels.csv", "--items", "F1,F2,F3", "--scale-range", "1,7",
           "--missing-codes", "99")  # fmt: skip


@pytest.mark.parametrize(
    ("lang", "asked", "wrong"),
    [
        ("sv", "påstående F2 har negativ korrelation med övriga påståenden (−0,531): påståendet "
               "är angivet som omvänt: stämmer omvändningen?", "F2 (omvänt påstående som inte"),
        ("en", "item F2 has a negative item-rest correlation (-0.531): the item is declared "
               "reversed: is the reversal right?", "F2 (reversed item not declared?)"),
    ],
)  # fmt: skip
def test_reversed_item_is_asked_about_its_reversal(cli, lang: str, asked: str, wrong: str) -> None:
    r = cli("alpha", *CODE_99, "--reverse", "F2", "--lang", lang)
    assert r.exit_code == 0, r.stderr
    text = " ".join(r.stdout.split())
    assert asked in text and wrong not in text
    d = json.loads(cli("alpha", *CODE_99, "--reverse", "F2", "-f", "json").stdout)
    codes = {(c["code"], c["params"].get("item")) for c in d["caveats"]}
    assert ("negative_item_rest_declared", "F2") in codes
    assert ("negative_item_rest", "F2") not in codes
    assert ("negative_item_rest", "F1") in codes  # an item not reversed: the old question
