"""The core's reliability caveats in the reader's words (review 2, item 13): rendered from their
code and parameters, never matched as English text."""

from __future__ import annotations

import re
import string
from pathlib import Path

import pytest

from servqual_cli.core.caveats import CODES, Caveat
from servqual_cli.report.catalog_reliability import RELIABILITY_WARNINGS
from servqual_cli.report.reliability_warnings import (
    reader_reason,
    reader_sentence,
    reader_warning,
    reader_warnings,
)

CORE = Path(__file__).parents[2] / "src" / "servqual_cli" / "core"
TOO_FEW = Caveat("too_few_items", {"k": 3, "n": 2, "items": ("E3", "E4")})
# One caveat per code with the English text the core wrote before caveats were data (kept
# byte for byte in the JSON output).
CASES = [
    (Caveat("negative_item_rest", {"item": "E4", "r": -0.0154}),
     "item E4 has a negative item-rest correlation (-0.015): reversed item not declared?"),
    (Caveat("constant_dropped", {"item": "E1"}),
     "item E1 has no variance (every answer the same) and was left out, as R psych::alpha does"),
    (Caveat("heywood_one_factor", {"items": ("P5",)}),
     "Heywood case in the one-factor model: the uniqueness of P5 stopped at the 0.005 bound "
     "(factanal's rule), where unbounded ML (lavaan) would estimate a negative residual "
     "variance: one factor fits these items poorly, and the bounded omega is no reliability to "
     "report"),
    (Caveat("one_factor_not_converged"),
     "the one-factor model did not converge; omega is not reported"),
    (Caveat("negative_loadings", {"items": ("P7", "P9")}),
     "items load negatively on the common factor: P7, P9 (reversed item not declared?)"),
    (Caveat("omega_not_computed", {"why": TOO_FEW}),
     "omega not computed: need at least 3 items, got 2 (E3, E4)"),
    (Caveat("too_few_items", {"k": 2, "n": 1, "items": ("E3",), "left_out": ("E1",)}),
     "need at least 2 items, got 1 (E3) (left out for no variance: E1)"),
    (Caveat("no_variance", {"items": ("E1",)}),
     "items have no variance (every answer the same): E1"),
    (Caveat("no_values", {"items": ("E2",)}), "items have no values at all: E2"),
    (Caveat("two_items"), "a scale needs at least two items"),
    (Caveat("heywood_cfa", {"item": "P21"}),
     "item P21: negative residual variance (Heywood case)"),
    (Caveat("phi_not_pd"), "factor correlation matrix is not positive definite"),
    (Caveat("cfa_not_converged"), "CFA estimation did not converge; results are unreliable"),
    (Caveat("corr_undefined", {"score": "E"}),
     "correlations of E undefined (too few answers or no variance): KMO, Bartlett and the EFA "
     "are not computed"),
    (Caveat("corr_not_pd", {"missing": "pairwise", "score": "gap", "ev": -0.01234,
                            "hint": True}),
     "the pairwise correlation matrix of gap is not positive definite (smallest eigenvalue "
     "-0.0123); KMO, Bartlett and the EFA are not computed from it (try --missing listwise)"),
    (Caveat("cfa_not_computed", {"why": Caveat("cov_singular")}),
     "CFA not computed: item covariance matrix is singular (constant or linearly dependent "
     "items)"),
    (Caveat("cov_singular"),
     "item covariance matrix is singular (constant or linearly dependent items)"),
    (Caveat("heywood_efa", {"items": ("E1", "E2")}),
     "Heywood case in the EFA: uniqueness at its lower bound for E1, E2"),
    (Caveat("efa_not_converged"), "factor extraction or rotation did not converge"),
    (Caveat("kmo_low", {"kmo": 0.4547, "min": 0.5}),
     "KMO 0.455 < 0.5: the correlations are too weak for a factor analysis (Kaiser 1974); the "
     "EFA loadings are not to be interpreted."),
    (Caveat("bartlett_identity", {"p": 0.7833, "sig": 0.05}),
     "the correlation matrix cannot be told from an identity matrix (Bartlett p = 0.783 ≥ "
     "0.05): the items may as well be uncorrelated, so the EFA loadings are not to be "
     "interpreted."),
    (Caveat("boot_complete", {"n": 28}), "bootstrap CI resamples the 28 complete rows only"),
    (Caveat("boot_complete_of", {"n": 28, "alpha": 0.8353}),
     "the bootstrap CI is that of α on the 28 complete rows (0.835), the rows it resamples; the "
     "α in the table uses pairwise deletion."),
    (Caveat("boot_no_variance", {"n": 3}), "3 bootstrap draws had no variance"),
    (Caveat("alpha_undefined"),
     "the items' covariances sum to zero (the total score has no variance): alpha is undefined"),
    (Caveat("few_respondents", {"n": 2, "min": 30}),
     "alpha and its interval rest on 2 respondents, fewer than 30: too few for a stable "
     "estimate; read them with great caution"),
    # a low or negative alpha (core.alpha_screen.screen_low, review 15 finding 2)
    (Caveat("alpha_low", {"alpha": 0.5203, "bound": 0.7}),
     "alpha 0.520 is below 0.70, the usual rule of thumb for a scale (Nunnally 1978): the score "
     "carries much measurement error, so differences in it are harder to detect; read them with "
     "caution (a reading aid, not a verdict on the scale)"),
    (Caveat("alpha_negative", {"alpha": -0.0604}),
     "alpha -0.060 is negative: the items covary negatively on average, so they do not measure "
     "one thing and their score is not to be read as a scale"),
    (Caveat("if_deleted_undefined", {"items": ("P1", "P4")}),
     "alpha if item deleted is undefined for P1, P4: the other items' total score has no "
     "variance (shown as –)"),
    (Caveat("item_rest_beyond_one", {"items": ("E4",)}),
     "item-rest r beyond ±1 for E4: with pairwise deletion each covariance has its own rows, "
     "so this is not a correlation (R psych prints the same value); --missing listwise gives "
     "one"),
    (Caveat("cfa_listwise_share", {"used": 28, "n": 300, "share": 28 / 3}),
     "CFA listwise: only 28 of 300 rows (9%) have every item answered"),
    (Caveat("cfa_too_few_rows", {"n": 8, "k": 13}),
     "CFA on 8 complete rows for 13 free parameters, fewer rows than parameters: its fit "
     "indices, CR, AVE and omega are not reported"),
    (Caveat("cfa_few_rows", {"n": 44, "k": 13, "per": 5}),
     "CFA on 44 complete rows for 13 free parameters, fewer than 5 per parameter (Bentler & "
     "Chou 1987): read its fit indices, CR and AVE with caution"),
    (Caveat("boot_too_few_rows", {"n": 1}), "bootstrap CI needs at least 2 complete rows, got 1"),
    (Caveat("duplicate_items", {"items": ("E1",)}), "items listed more than once: E1"),
    (Caveat("not_numeric", {"items": ("E1", "E2")}), "items are not numeric: E1, E2"),
    (Caveat("no_rows", {"items": ("E1", "E2")}), "no respondents (no rows) for items E1, E2"),
    (Caveat("infinite_values", {"items": ("E1",)}), "items contain infinite values: E1"),
    (Caveat("few_complete_rows", {"n": 1}),
     "fewer than 2 respondents answered every item (1 complete rows); try missing='pairwise'"),
    (Caveat("few_pair_rows", {"item": "E1", "other": "E2", "n": 1}),
     "fewer than 2 respondents answered both E1 and E2 (1 rows)"),
    (Caveat("kmo_not_computed", {"why": Caveat("corr_missing", {"items": ("E1",)})}),
     "KMO/Bartlett not computed: correlation matrix has missing values for items: E1"),
    (Caveat("kmo_not_computed", {"why": Caveat("corr_singular", {"items": ("E1", "E2")})}),
     "KMO/Bartlett not computed: correlation matrix is singular: some items are linear "
     "combinations of others (E1, E2)"),
    (Caveat("bartlett_too_few", {"n": 1}), "Bartlett's test needs at least 2 respondents, got 1"),
    (Caveat("bartlett_not_pd"),
     "correlation matrix is not positive definite (items linearly dependent?)"),
    (Caveat("efa_not_computed", {"why": Caveat("efa_not_pd")}),
     "EFA not computed: the item correlation matrix is not positive definite (linearly dependent "
     "items, or an artefact of pairwise deletion): try listwise deletion or minres"),
    (Caveat("too_many_factors", {"m": 3, "k": 4}), "cannot extract 3 factors from 4 items"),
    (Caveat("efa_corr_undefined", {"items": ("E1",)}),
     "correlations undefined (too few answers or no variance) for items: E1"),
    (Caveat("cfa_rows_le_items", {"n": 5, "k": 6}),
     "CFA needs more complete rows (5) than items (6)"),
    (Caveat("cfa_not_identified", {"n": 7, "df": -1}),
     "the CFA model is not identified (7 parameters, df = -1)"),
    (Caveat("cfa_not_computed", {"why": Caveat("cfa_no_factors")}),
     "CFA not computed: the CFA model has no factors"),
    (Caveat("error", {"text": "Singular matrix"}), "Singular matrix"),
    # alpha --reverse without --scale-range (review 18, finding 6)
    (Caveat("reverse_pivot_from_answers", {"items": ("E2",), "low": 3, "high": 7, "pivot": 10}),
     "the reversal of E2 uses the range the answers span (3–7) as the scale: the reversed means "
     "are those of 10 − the answer and are wrong on a wider scale (e.g. on 1–7 the reversal is "
     "8 − the answer); alpha and the correlations do not depend on it; give the "
     "questionnaire's scale with --scale-range (e.g. --scale-range 1,7)"),
    # an item the instrument already reverses (review 13, finding 4)
    (Caveat("negative_item_rest_declared", {"item": "P3", "r": -0.273}),
     "item P3 has a negative item-rest correlation (-0.273): the item is declared reversed: is "
     "the reversal right?"),
    (Caveat("negative_loadings_declared", {"items": ("P3",)}),
     "items load negatively on the common factor: P3 (declared reversed: is the reversal "
     "right?)"),
]  # fmt: skip
ENGLISH = ("item", "items", "not", "the", "has", "was", "case", "did", "computed", "matrix",
           "pairwise", "listwise", "none", "respondents", "rows")  # fmt: skip
HELPERS = {"validity_prefix", "corr_hint", "left_out_suffix", "missing_pairwise",
           "missing_listwise", "no_items", "alpha_low_grouped", "alpha_low_scale"}  # fmt: skip


def _codes(caveat: Caveat) -> list[str]:
    nested = [c for v in caveat.params.values() if isinstance(v, Caveat) for c in _codes(v)]
    return [caveat.code, *nested]


def test_every_code_has_a_case_and_its_words_in_both_languages() -> None:
    assert {code for c, _ in CASES for code in _codes(c)} == set(CODES)
    # the catalog holds the words of every code and of nothing else
    assert set(RELIABILITY_WARNINGS) - HELPERS == set(CODES)


def test_every_code_the_core_emits_is_known() -> None:
    """Walk the core's sources: every code given to a Caveat or an error is a catalog key."""
    pattern = re.compile(r"(?:Caveat|data_error|usage_error)\(\s*\"(\w+)\"")
    emitted = {m for p in CORE.glob("*.py") for m in pattern.findall(p.read_text("utf-8"))}
    assert len(emitted) >= 40  # the walk finds them (a broken pattern would find none)
    assert emitted <= set(RELIABILITY_WARNINGS)
    assert emitted == set(CODES)  # and no code the core never emits


def test_an_unknown_code_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown caveat code 'nope'"):
        Caveat("nope")


def _fields(template: str) -> set[str]:
    return {f for _, f, _, _ in string.Formatter().parse(template) if f}


@pytest.mark.parametrize("code", sorted(CODES))
def test_catalog_templates_use_the_cores_parameters(code: str) -> None:
    sv, en = RELIABILITY_WARNINGS[code]
    core = _fields(CODES[code]) | ({"hint"} if code == "corr_not_pd" else set())
    assert _fields(sv) == core and _fields(en) == core


@pytest.mark.parametrize(("caveat", "message"), CASES, ids=[c.code for c, _ in CASES])
def test_message_is_the_cores_english_and_the_report_is_swedish(
    caveat: Caveat, message: str
) -> None:
    assert caveat.message == message
    en = reader_reason(caveat, "en")
    sv = reader_reason(caveat, "sv")
    if caveat.code == "error":  # a foreign error's text, as made
        assert sv == en == message
        return
    assert sv != en
    words = set(re.sub(r"[(),;:?]|--\S+ \S+", " ", sv).split())  # an option stays an option
    assert not words & set(ENGLISH), sv


def test_numbers_and_words_in_the_readers_style() -> None:
    pd_ = Caveat("corr_not_pd", {"missing": "listwise", "score": "gap", "ev": -2.5e-17,
                                 "hint": False})  # fmt: skip
    sv = reader_reason(pd_, "sv")
    assert "korrelationsmatrisen (listvis) för Gap" in sv and "(minsta egenvärde −2,5e−17)" in sv
    assert not sv.endswith(")")  # no hint listwise
    assert reader_reason(pd_, "en").startswith("the listwise correlation matrix of Gap ")
    empty = Caveat("too_few_items", {"k": 2, "n": 0, "items": ()})
    assert empty.message == "need at least 2 items, got 0 (none)"
    assert reader_reason(empty, "sv") == "kräver minst 2 påståenden, fick 0 (inga)"
    nested = Caveat("omega_not_computed", {"why": CASES[6][0]})
    assert reader_reason(nested, "sv") == (
        "ω beräknades inte: kräver minst 2 påståenden, fick 1 (E3) (utelämnade för att de "
        "saknar variation: E1)"
    )


def test_prefix_is_the_scale_label() -> None:
    no_values = Caveat("no_values", {"items": ("E2",)}, scale="gap:all")
    assert no_values.message == "gap:all: items have no values at all: E2"
    assert reader_warning(no_values, "sv").startswith("Gap, hela skalan: ")
    efa = Caveat("efa_not_converged", scale="E", validity=True)
    assert efa.message == "E validity: factor extraction or rotation did not converge"
    assert reader_warning(efa, "sv") == (
        "Förväntan, validitet: faktorextraktionen eller rotationen konvergerade inte."
    )
    assert reader_warning(Caveat("two_items"), "sv") == "en skala kräver minst två påståenden."


def test_factorability_warnings_end_as_sentences_and_heywood_names_the_efa() -> None:
    # review 14, finding 9: the KMO and Bartlett warnings end with a full stop, as the AVE
    # warnings beside them do; English "too weak", not "not enough"
    gates = (Caveat("kmo_low", {"kmo": 0.4547, "min": 0.5}),
             Caveat("bartlett_identity", {"p": 0.7833, "sig": 0.05}))  # fmt: skip
    for caveat in gates:
        for lang in ("sv", "en"):
            assert reader_reason(caveat, lang).endswith("."), (caveat.code, lang)
    assert "too weak for a factor analysis" in reader_reason(gates[0], "en")
    # finding 11: the EFA's Heywood case says it is the EFA's (the ω ones name their model)
    heywood = Caveat("heywood_efa", {"items": ("U16-F16",)}, scale="gap", validity=True)
    assert reader_warning(heywood, "sv") == (
        "Gap, validitet: Heywood-fall i EFA:n: unikheten vid sin nedre gräns för U16-F16."
    )
    assert reader_reason(heywood, "en").startswith("Heywood case in the EFA: ")


def _one_stop(text: str) -> bool:
    """One sentence stop at the end: ". ? ! …" last, not doubled ("..", "?."); a question in
    brackets is followed by the sentence's own full stop ("(angetts?).")."""
    return bool(re.search(r"(?:[^.?!…]|[?!]\))[.?!…]\Z", text))


@pytest.mark.parametrize(("caveat", "message"), CASES, ids=[c.code for c, _ in CASES])
@pytest.mark.parametrize("lang", ["sv", "en"])
def test_every_warning_of_the_catalog_ends_with_one_sentence_stop(
    caveat: Caveat, message: str, lang: str
) -> None:
    # session 17: "CFA beräknades inte: …", the listwise share and the one-factor Heywood
    # warnings ended without a full stop beside the KMO and AVE warnings that had one; every
    # code of the catalog (CASES holds them all), with and without its scale, nested or not
    for scale, validity in ((None, False), ("gap:Assurance", False), ("E", True)):
        shown = Caveat(caveat.code, dict(caveat.params), scale=scale, validity=validity)
        assert _one_stop(reader_warning(shown, lang)), (lang, reader_warning(shown, lang))
    assert _one_stop(reader_sentence(caveat, lang))
    # the clause stays a clause where it is nested or ends an error line
    assert reader_sentence(caveat, lang).startswith(reader_reason(caveat, lang))


def test_low_alpha_warnings_of_several_scales_share_one_line() -> None:
    """Closing 17: a file with 11 weak scales printed 11 near-identical lines; the scales below
    0,70 share one line (each with its α), a negative α keeps its own stronger line, and a
    single low scale keeps its own sentence."""
    lows = tuple(Caveat("alpha_low", {"alpha": 0.1 + k / 20, "bound": 0.7}, scale=f"gap:D{k}")
                 for k in range(11))  # fmt: skip
    neg = Caveat("alpha_negative", {"alpha": -0.2}, scale="gap:Rättssäkerhet")
    other = Caveat("negative_item_rest", {"item": "E4", "r": -0.1}, scale="E:all")
    lines = reader_warnings((other, *lows[:5], neg, *lows[5:]), "sv")
    assert len(lines) == 3
    assert lines[0] == reader_warning(other, "sv") and lines[2] == reader_warning(neg, "sv")
    assert lines[1].startswith("α ligger under 0,70, den vanliga tumregeln för en skala "
                               "(Nunnally 1978), för 11 skalor: Gap – D0 (α 0,100); Gap – D1 "
                               "(α 0,150);")  # fmt: skip
    assert lines[1].endswith("Gap – D10 (α 0,600). Deras poäng bär mycket mätfel, så skillnader "
                             "i dem är svårare att upptäcka; läs dem med försiktighet (en "
                             "läshjälp, ingen dom över skalorna).")  # fmt: skip
    assert reader_warnings((lows[0], neg), "en") == [reader_warning(lows[0], "en"),
                                                     reader_warning(neg, "en")]  # fmt: skip
