"""The option parser's own messages (Typer's bundled Click: an unknown option, a value not among
the choices, out of range, not a date) said again in Swedish from their English form, for
:mod:`servqual_cli.cli.error_text`. Click's English stays as Click wrote it, except a date not
read: Click names its strftime codes ("'%Y-%m-%d', '%Y-%m-%d %H:%M'"), English says the form
("YYYY-MM-DD or YYYY-MM-DD HH:MM") as Swedish does (review 16, finding 10); a message no
pattern knows keeps its English. Split from :mod:`~servqual_cli.cli.error_text` (over 400 lines)
in session 13, when ranges and dates were said in words.
"""

from __future__ import annotations

import re

from servqual_cli.cli.read_back import read_back
from servqual_cli.report.catalog_errors import CLICK

__all__ = ["click_text"]

_CLICK_PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = (
    (
        re.compile(
            r"^No such option: (?P<option>\S+)(?: \(Possible options: (?P<options>.+)\))?"
            r"(?: Did you mean (?P<mean>\S+)\?)?$"
        ),
        "no_such_option",
    ),
    (re.compile(r"^Invalid value for (?P<option>.+?): (?P<reason>.+)$"), "invalid_value"),
    (re.compile(r"^Option (?P<option>'\S+') requires an argument\.$"), "needs_value"),
    (re.compile(r"^Missing argument (?P<name>\S+)\.$"), "missing_argument"),
    (re.compile(r"^Missing option (?P<name>.+)\.$"), "missing_option"),
    (
        re.compile(r"^Got unexpected extra arguments?(?:\(s\))? \((?P<value>.+)\)$"),
        "extra_argument",
    ),
)
_REASONS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"^(?P<value>.+) is not one of (?P<choices>.+)\.$"), "not_one_of"),
    (re.compile(r"^(?P<value>.+) is not in the range (?P<range>.+)\.$"), "not_in_range"),
    (re.compile(r"^(?P<value>.+) is not a valid (?:integer|int)(?: range)?\.$"), "not_integer"),
    (re.compile(r"^(?P<value>.+) is not a valid float(?: range)?\.$"), "not_number"),
    (re.compile(r"^(?P<value>.+) does not match the formats? (?P<formats>.+)\.$"), "not_date"),
)
# Click's range "0.5<=x<=0.999", "x>=1", "0<x<1" said in words, with the decimal comma
_BOUNDS = re.compile(r"^(?:(?P<lo>[-\d.]+)(?P<lo_op><=?))?x(?:(?P<hi_op><=?)(?P<hi>[-\d.]+))?$")
_ONE_SIDE = re.compile(r"^x(?P<op>[<>]=?)(?P<bound>[-\d.]+)$")
_SIDE_WORDS = {">=": "minst {0}", ">": "över {0}", "<=": "högst {0}", "<": "under {0}"}
# strftime codes as a reader writes a date's form (SS 8222: ÅÅÅÅ-MM-DD; ISO 8601: YYYY-MM-DD)
_DATE_CODES = {
    "sv": {"%Y": "ÅÅÅÅ", "%m": "MM", "%d": "DD", "%H": "TT", "%M": "MM", "%S": "SS"},
    "en": {"%Y": "YYYY", "%m": "MM", "%d": "DD", "%H": "HH", "%M": "MM", "%S": "SS"},
}


def click_text(message: str, lang: str) -> str:
    """Click's one-line message in ``lang`` (unchanged in English or when not recognised).

    >>> click_text("Invalid value for '--format' / '-f': 'foo' is not one of 'csv', 'json'.",
    ...            "sv")
    "ogiltigt värde för '--format' / '-f': 'foo' är inte något av 'csv', 'json'"
    >>> click_text("No such option: --formt (Possible options: --format)", "sv")
    'okänd flagga: --formt (möjliga flaggor: --format)'
    >>> click_text("Invalid value for '--as-of': 'x' does not match the format '%Y-%m-%d'.", "en")
    "Invalid value for '--as-of': 'x' is not a date of the form YYYY-MM-DD"
    """
    if lang != "sv":
        return _english_date(message)
    found = read_back(message, _CLICK_PATTERNS)
    if found is None:
        return message
    match, key = found
    fill = {k: v for k, v in match.groupdict().items() if v is not None}
    if key == "invalid_value":
        fill["reason"] = _click_reason(fill["reason"])
    text = CLICK[key][0].format(**fill)
    if key == "no_such_option":
        if "options" in fill:
            text += CLICK["possible_options"][0].format(options=fill["options"])
        if "mean" in fill:
            text += CLICK["did_you_mean"][0].format(option=fill["mean"])
    return text


def _click_reason(reason: str) -> str:
    found = read_back(reason, _REASONS)
    if found is None:
        return reason
    fill = found[0].groupdict()
    if found[1] == "not_in_range":
        fill["range"] = _range_words(fill["range"])
        if re.fullmatch(r"-?[\d.]+", fill["value"]):  # Click's own float, "2.0": a comma too
            fill["value"] = _sv_number(fill["value"])
    elif found[1] == "not_date":
        fill["formats"] = _date_forms(fill["formats"], "sv")
    return CLICK[found[1]][0].format(**fill)


def _english_date(message: str) -> str:
    """Click's English, with a date's strftime formats said as the form of a date (the rest as
    Click wrote it)."""
    found = read_back(message, _CLICK_PATTERNS[1:2])
    reason = None if found is None else read_back(found[0]["reason"], _REASONS[-1:])
    if found is None or reason is None:
        return message
    fill = {**reason[0].groupdict()}
    fill["formats"] = _date_forms(fill["formats"], "en")
    return CLICK["invalid_value"][1].format(option=found[0]["option"],
                                            reason=CLICK["not_date"][1].format(**fill))  # fmt: skip


def _sv_number(text: str) -> str:
    return text.replace("-", "\u2212").replace(".", ",")


def _range_words(text: str) -> str:
    """Click's range in Swedish words (the notation itself kept when not recognised).

    >>> _range_words("0.5<=x<=0.999"), _range_words("x>=1"), _range_words("0<x<1")
    ('från 0,5 till 0,999', 'minst 1', 'över 0 och under 1')
    """
    one = _ONE_SIDE.fullmatch(text)
    if one is not None:
        return _SIDE_WORDS[one["op"]].format(_sv_number(one["bound"]))
    both = _BOUNDS.fullmatch(text)
    if both is None or both["lo"] is None or both["hi"] is None:
        return text
    lo, hi = _sv_number(both["lo"]), _sv_number(both["hi"])
    if both["lo_op"] == "<=" and both["hi_op"] == "<=":
        return f"från {lo} till {hi}"
    low = _SIDE_WORDS[">=" if both["lo_op"] == "<=" else ">"].format(lo)
    return f"{low} och {_SIDE_WORDS[both['hi_op']].format(hi)}"


def _date_forms(text: str, lang: str) -> str:
    """Click's strftime formats as a reader writes the form of a date.

    >>> _date_forms("'%Y-%m-%d', '%Y-%m-%d %H:%M'", "sv")
    'ÅÅÅÅ-MM-DD eller ÅÅÅÅ-MM-DD TT:MM'
    >>> _date_forms("'%Y-%m-%d', '%Y-%m-%d %H:%M'", "en")
    'YYYY-MM-DD or YYYY-MM-DD HH:MM'
    """
    forms = [f.strip().strip("'") for f in text.split(",")]
    for code, word in _DATE_CODES[lang].items():
        forms = [f.replace(code, word) for f in forms]
    return (" eller " if lang == "sv" else " or ").join(forms)
