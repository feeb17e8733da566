"""Swedish and English labels of the KPI and feedback sections (``servqual kpi/feedback``).

Besides the fixed labels, time limits and duration units written by the user ("14 days",
"1 working day", "10 veckor") are rendered in the report's language by :func:`limit_text` and
:func:`unit_text`, so a Swedish report reads "löfte 14 dagar" whatever language the
configuration was written in.
"""

from __future__ import annotations

import re

from servqual_cli.core.durations import parse_limit
from servqual_cli.errors import ConfigError
from servqual_cli.report.labels import label

__all__ = ["SERVICE_LABELS", "limit_text", "sl", "unit_text"]

SERVICE_LABELS: dict[str, tuple[str, str]] = {
    # key: (sv, en)
    "nåbarhet": ("Nåbarhet", "Reachability"),
    "väntetid": ("Väntetid", "Waiting time"),
    "genomförandetid": ("Genomförandetid", "Lead time"),
    "resultat": ("Resultat", "Result"),
    "kpi": ("Nyckeltal", "KPI"),
    "klagomål": ("klagomål", "complaint"),
    "synpunkt": ("synpunkt", "comment"),
    "förslag": ("förslag", "suggestion"),
    "fråga": ("fråga", "question"),
    "beröm": ("beröm", "praise"),
    "value": ("Värde", "Value"),
    "ci": ("95 % KI", "95% CI"),
    "goal": ("Mål / norm", "Target / norm"),
    "verdict": ("Bedömning", "Verdict"),
    "worst": ("Sämst", "Worst groups"),
    "change": ("Förändring", "Change"),
    "met": ("uppfyllt", "met"),
    "not met": ("ej uppfyllt", "not met"),
    "cannot tell": ("kan ej avgöras", "cannot tell"),
    "target_word": ("mål", "target"),
    "norm_word": ("norm", "norm"),
    "days": ("dagar", "days"),
    "working days": ("arbetsdagar", "working days"),
    "hours": ("timmar", "hours"),
    "working hours": ("arbetstimmar", "working hours"),
    "weeks": ("veckor", "weeks"),
    "seconds": ("s", "s"),
    "unit_word": ("Enhet", "Unit"),
    "group": ("Grupp", "Group"),
    "type": ("Typ", "Type"),
    "unit": ("Förvaltning", "Unit"),
    "channel": ("Kanal", "Channel"),
    "period": ("Period", "Period"),
    "n": ("Antal", "n"),
    "share": ("Andel", "Share"),
    "total": ("Totalt", "Total"),
    "all": ("alla", "all"),
    "counts": ("Inkomna synpunkter", "Feedback received"),
    "reply": ("Svar (endast med kontaktuppgifter)", "Replies (contact details given only)"),
    "n_with_contact": ("Med kontaktuppgifter", "With contact details"),
    "n_answered": ("Besvarade", "Answered"),
    "median_days": ("Median dagar", "Median days"),
    "p90_days": ("90:e percentil dagar", "90th percentile days"),
    "within_promise": ("Inom löftet", "Within promise"),
    "n_decided": ("Avgjorda", "Decided"),
    "within_promise_share": ("Andel inom löftet", "Share within promise"),
    "ci_low": ("KI låg", "CI low"),
    "ci_high": ("KI hög", "CI high"),
    "backlog": ("Balans: öppna ärenden äldre än löftet", "Backlog: open items older than promise"),
    "n_open": ("Öppna", "Open"),
    "n_open_overdue": ("Öppna, äldre än löftet", "Open, older than promise"),
    "trend": ("Jämfört med föregående tolv månader", "Against the previous twelve months"),
    "level": ("Nivå", "Level"),
    "key": ("Grupp", "Group"),
    "previous_value": ("Föregående", "Previous"),
    "current_value": ("Senaste", "Latest"),
    "estimate": ("Kvot / skillnad", "Ratio / difference"),
    "p": ("p", "p"),
    "p_holm": ("p (Holm)", "p (Holm)"),
    "reply_within_promise": ("Andel besvarade inom löftet", "Share answered within promise"),
    "median_days_to_reply": ("Median dagar till svar", "Median days to reply"),
    "count": ("Antal", "Count"),
    "anonymous_note": (
        "anonyma synpunkter räknas men ingår aldrig i svarsuppgifterna",
        "anonymous items are counted but never in the reply figures",
    ),
    "as_of": ("per", "as of"),
    "promise": ("löfte", "promise"),
    "start_after_as_of": ("start efter datumet", "start after the as-of date"),
    "reply_short": ("Svar", "Reply"),
    "trend_note": (
        "Antal: kvot av dagstakt med exakt Poissontest; andel inom löftet: skillnad i "
        "procentenheter, Fishers exakta test; median: Mann-Whitney. p (Holm) justerar inom typer "
        "och inom förvaltningar.",
        "Counts: ratio of daily rates, exact Poisson test; share within promise: difference in "
        "percentage points, Fisher's exact test; median: Mann-Whitney. p (Holm) adjusts within "
        "types and within units.",
    ),
    "reply_total": ("Svar, alla förvaltningar", "Replies, all units"),
    "backlog_unit": ("Balans per förvaltning", "Backlog by unit"),
    "no_contact_items": (
        "Inga synpunkter med kontaktuppgifter: inga svarstider per förvaltning.",
        "No items with contact details: no reply times by unit.",
    ),
    "trend_counts": ("Antal synpunkter", "Number of items"),
    "trend_reply": ("Svar", "Replies"),
    "measure": ("Mått", "Measure"),
    "ratio": ("Kvot", "Ratio"),
    "difference": ("Skillnad", "Difference"),
    # Excel sheet names (at most 31 characters)
    "sheet_type": ("Synpunkter per typ", "Feedback by type"),
    "sheet_unit": ("Synpunkter per förvaltning", "Feedback by unit"),
    "sheet_channel": ("Synpunkter per kanal", "Feedback by channel"),
    "sheet_period": ("Synpunkter per period", "Feedback by period"),
    "sheet_reply": ("Svar", "Replies"),
    "sheet_reply_unit": ("Svar per förvaltning", "Replies by unit"),
    "sheet_backlog": ("Balans", "Backlog"),
    "sheet_trend": ("Synpunkter, trend", "Feedback trend"),
    "sheet_reply_trend": ("Svar, trend", "Replies trend"),
    "undecided": (
        "öppna ärenden ännu inom gränsen ingår inte",
        "open cases still inside the limit are not counted",
    ),
}


def sl(key: str, lang: str) -> str:
    """Label of ``key`` in ``lang``: :data:`SERVICE_LABELS`, else the shared labels.

    >>> sl("nåbarhet", "en"), sl("blank", "sv")
    ('Reachability', 'tomma')
    """
    return label(key, lang, SERVICE_LABELS)


# (unit, is weeks) -> ((sv singular, sv plural), (en singular, en plural))
_UNIT_NAMES: dict[tuple[str, bool], tuple[tuple[str, str], tuple[str, str]]] = {
    ("days", False): (("dag", "dagar"), ("day", "days")),
    ("days", True): (("vecka", "veckor"), ("week", "weeks")),
    ("working_days", False): (("arbetsdag", "arbetsdagar"), ("working day", "working days")),
    ("hours", False): (("timme", "timmar"), ("hour", "hours")),
    ("working_hours", False): (("arbetstimme", "arbetstimmar"), ("working hour", "working hours")),
}
# Unit words that are already in one language (as parse_limit accepts them): kept as written.
_OWN_WORDS = {
    "sv": frozenset(
        {
            *("dag", "dagar", "dygn", "kalenderdag", "kalenderdagar", "vecka", "veckor"),
            *("arbetsdag", "arbetsdagar", "vardag", "vardagar", "timme", "timmar", "tim"),
            *("arbetstimme", "arbetstimmar"),
        }
    ),
    "en": frozenset(
        {
            *("day", "days", "week", "weeks", "workday", "workdays", "hour", "hours"),
            *("calendar day", "calendar days", "working day", "working days", "business day"),
            *("business days", "working hour", "working hours", "business hour", "business hours"),
        }
    ),
}
_LIMIT = re.compile(r"^\s*(?P<value>\d+(?:[.,]\d+)?)\s*(?P<unit>[^\d].*?)\s*$")


def _words(unit: str) -> tuple[tuple[str, str], tuple[str, str]] | None:
    """Singular and plural names of a duration unit word, or None if it is not one."""
    try:
        parsed = parse_limit(f"1 {unit}")
    except ConfigError:
        return None
    return _UNIT_NAMES.get((parsed.unit, parsed.value == 7.0))


def _folded(word: str) -> str:
    return re.sub(r"\s+", " ", word.lower()).strip().rstrip(".")


def limit_text(text: str, lang: str) -> str:
    """A time limit as the user wrote it, in the report's language.

    Text already in that language is kept as written; otherwise the number is kept and the
    unit named in ``lang`` (singular for 1). Text that is not a limit is returned unchanged.

    >>> [limit_text(t, "sv") for t in ("14 days", "1 working day", "10 weeks", "48 hours")]
    ['14 dagar', '1 arbetsdag', '10 veckor', '48 timmar']
    >>> limit_text("2 Arbetsdagar", "sv"), limit_text("2 arbetsdagar", "en")
    ('2 Arbetsdagar', '2 working days')
    >>> limit_text("1,5 dygn", "en"), limit_text("1 vecka", "en"), limit_text("snart", "sv")
    ('1.5 days', '1 week', 'snart')
    """
    match = _LIMIT.match(text)
    if match is None:
        return text
    word = _folded(match.group("unit"))
    names = _words(word)
    if names is None or word in _OWN_WORDS.get(lang, frozenset()):
        return text.strip()
    number = match.group("value")
    value = float(number.replace(",", "."))
    singular, plural = names[0] if lang == "sv" else names[1]
    if lang != "sv":
        number = number.replace(",", ".")
    return f"{number} {singular if value == 1 else plural}"


def unit_text(unit: str | None, lang: str) -> str | None:
    """A KPI's display unit in the report's language: the labels of :data:`SERVICE_LABELS`
    ("seconds" is "s"), else a duration unit named in ``lang``, else the unit as written.

    >>> unit_text("working days", "sv"), unit_text("veckor", "en"), unit_text("kr", "sv")
    ('arbetsdagar', 'weeks', 'kr')
    """
    if unit is None:
        return None
    if unit in SERVICE_LABELS:
        return sl(unit, lang)
    word = _folded(unit)
    names = _words(word)
    if names is None or word in _OWN_WORDS.get(lang, frozenset()):
        return unit
    return names[0][1] if lang == "sv" else names[1][1]
