"""What an answer's text means before it is a number: the words for "no answer" ("Vet ej",
"Ingen åsikt", "NA"), spreadsheet error values ("#N/A", "Err:502"), and the built-in Likert
labels by scale length, all matched after :func:`fold`.

:mod:`~servqual_cli.io.values` parses answers with them; the readers of groups, roles, contact
and KPI files match their own columns against the same words.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import numpy as np

# Answers that mean "no answer" (Swedish and English survey tools). Matched case-insensitively.
_DONT_KNOW_WORDS = frozenset(
    {
        "vet ej",
        "vet inte",
        "ingen åsikt",
        # The non-answer box of SCB's citizen survey and of many municipal surveys (review 11,
        # finding 5): the respondent has no view to give, as with "Vet ej".
        "ingen uppfattning",
        "kan ej bedöma",
        "kan inte bedöma",
        "vill ej uppge",
        "vill inte uppge",
        "vill ej svara",
        "vill inte svara",
        "don't know",
        "dont know",
        "do not know",
        "no opinion",
        "prefer not to say",
    }
)
# Answers that say the question does not apply to the respondent ("Ej aktuellt"): no answer
# either, but not "don't know", so they are counted under their own reason (review 5, item 12:
# a board reading "vet ej 40" would take 40 uncertain citizens where 40 had no such contact).
_NOT_APPLICABLE_WORDS = frozenset(
    {
        "ej aktuellt",
        "ej aktuell",  # as often written without the t (review 2, item 23d)
        "inte aktuellt",
        "ej tillämpligt",
        "inte tillämpligt",
        "not applicable",
    }
)
# A combined box ("Vet ej/Ej aktuellt", "Vet inte/ingen åsikt") is one answer and gets one
# reason: dont_know when any of its parts is a "don't know" word, since a respondent without
# such a contact does not know either, while not_applicable would claim the question did not
# apply, which the box does not say (review 11, finding 5). Both parts must be non-answer words.
_JOINS = ("/", " / ", ", ", " eller ", " or ")


def _combined(first: frozenset[str], second: frozenset[str]) -> frozenset[str]:
    """Every "a<join>b" of a word of ``first`` and another of ``second`` (either order)."""
    return frozenset(
        f"{a}{join}{b}"
        for x, y in ((first, second), (second, first))
        for a in x
        for b in y
        if a != b
        for join in _JOINS
    )


DONT_KNOW = _DONT_KNOW_WORDS | _combined(_DONT_KNOW_WORDS, _DONT_KNOW_WORDS | _NOT_APPLICABLE_WORDS)
NOT_APPLICABLE = _NOT_APPLICABLE_WORDS | _combined(_NOT_APPLICABLE_WORDS, _NOT_APPLICABLE_WORDS)
# "NA" and the like, and a survey tool's own word for a question left unanswered ("Ej svar",
# "Inget svar"): no answer was given, which is neither "don't know" nor "not applicable".
NOT_AVAILABLE = frozenset(
    {"na", "n/a", "nan", "null", "none", ".", "..", "-", "–", "ej svar", "inget svar", "no answer"}
)
# Excel's and LibreOffice's error values as a cell shows them (folded): "#N/A", "#DIV/0!",
# "Err:502". The spreadsheet reader puts them back where calamine reads them as empty; a CSV
# exported from Excel holds them as text. They are excel_error exclusions, never blanks.
EXCEL_ERROR = re.compile(
    r"#(?:n/a|div/0!|value!|ref!|name\?|num!|null!|spill!|calc!|getting_data|field!|blocked!"
    r"|connect!|busy!|unknown!|error)|err:\d{3}"
)


def is_excel_error(text: str) -> bool:
    """Whether a cell's text is a spreadsheet error value.

    >>> is_excel_error("#N/A"), is_excel_error(" #DIV/0! "), is_excel_error("Err:502")
    (True, True, True)
    >>> is_excel_error("#1"), is_excel_error("N/A")
    (False, False)
    """
    return EXCEL_ERROR.fullmatch(fold(text)) is not None


# Built-in label sets by scale length (Swedish first, then English), value = position from 1.
_LABELS_5 = {
    1: ["instämmer inte alls", "stämmer inte alls", "i mycket låg grad", "strongly disagree",
        "mycket dåligt", "mycket missnöjd", "very dissatisfied"],
    2: ["instämmer inte", "instämmer i liten grad", "stämmer ganska dåligt", "i låg grad",
        "disagree", "ganska dåligt", "ganska missnöjd", "dissatisfied"],
    3: ["varken eller", "varken instämmer eller tar avstånd", "instämmer delvis", "i viss grad",
        "neither agree nor disagree", "neutral"],
    4: ["instämmer", "instämmer i stor grad", "stämmer ganska bra", "i hög grad", "agree",
        "ganska bra", "ganska nöjd", "satisfied"],
    5: ["instämmer helt", "stämmer helt", "stämmer mycket bra", "i mycket hög grad",
        "strongly agree", "mycket bra", "mycket nöjd", "very satisfied"],
}  # fmt: skip
_LABELS_7 = {
    1: ["instämmer inte alls", "stämmer inte alls", "strongly disagree"],
    2: ["instämmer inte", "tar avstånd", "disagree"],
    3: ["instämmer delvis inte", "tar delvis avstånd", "somewhat disagree"],
    4: ["varken eller", "varken instämmer eller tar avstånd", "neutral",
        "neither agree nor disagree"],
    5: ["instämmer delvis", "somewhat agree"],
    6: ["instämmer", "instämmer till stor del", "agree"],
    7: ["instämmer helt", "instämmer helt och hållet", "stämmer helt", "strongly agree"],
}  # fmt: skip
_ENDPOINTS_LOW = ("instämmer inte alls", "stämmer inte alls", "strongly disagree")
_ENDPOINTS_HIGH = ("instämmer helt och hållet", "instämmer helt", "stämmer helt", "strongly agree")


def fold(text: str) -> str:
    """Case-fold, trim and squeeze spaces, unify apostrophes.

    >>> fold("  Vet  EJ ")
    'vet ej'
    """
    return " ".join(str(text).replace("’", "'").casefold().split())


def builtin_labels(scale_min: float, scale_max: float) -> dict[str, float]:
    """Label -> value for a scale: endpoint labels always, full sets for 5 and 7 points.

    >>> builtin_labels(1, 7)["instämmer helt och hållet"]
    7.0
    >>> builtin_labels(1, 5)["varken eller"]
    3.0
    >>> builtin_labels(0, 10)["strongly agree"]
    10.0
    """
    out: dict[str, float] = {}
    if not (np.isfinite(scale_min) and np.isfinite(scale_max)):
        return out  # an open scale has no label positions
    points = round(scale_max - scale_min + 1)
    table = {5: _LABELS_5, 7: _LABELS_7}.get(points)
    if table is not None:
        for position, labels in table.items():
            for label in labels:
                out.setdefault(label, float(scale_min + position - 1))
    for label in _ENDPOINTS_LOW:
        out.setdefault(label, float(scale_min))
    for label in _ENDPOINTS_HIGH:
        out.setdefault(label, float(scale_max))
    return out


def declared_numbers(values: np.ndarray, reasons: np.ndarray, tokens: Iterable[str]) -> np.ndarray:
    """``values`` with every number equal to a declared missing token (an instrument's
    ``missing = ["99"]``) left out as ``missing_token`` (``reasons`` is changed): a code such
    as 99 for "Vet ej" is a number in a spreadsheet (99, 99.0) and may be written "99,0" in a
    CSV, and matching the token's text alone left it "out of range" (review 11, finding 3).

    >>> r = np.array([None, None, None, "blank"], dtype=object)
    >>> declared_numbers(np.array([99.0, 5.0, 0.0, np.nan]), r, ["99", "Vet ej", "0,0"]).tolist()
    [nan, 5.0, nan, nan]
    >>> r.tolist()
    ['missing_token', None, 'missing_token', 'blank']
    """
    numbers = [_token_number(t) for t in tokens]
    numbers = [x for x in numbers if np.isfinite(x)]
    if not numbers:
        return values
    hit = np.isin(values, numbers)  # NaN is never in the list
    if not hit.any():
        return values
    reasons[hit] = "missing_token"
    return np.where(hit, np.nan, values)


def _token_number(token: str) -> float:
    """A declared token as a number ("99", "99,0", "-1"), else NaN.

    >>> _token_number(" 99,0 "), _token_number("Vet ej"), _token_number("9_9")
    (99.0, nan, nan)
    """
    text = fold(token).replace(",", ".")
    if not text.isascii() or "_" in text:
        return float("nan")
    try:
        return float(text)
    except ValueError:
        return float("nan")
