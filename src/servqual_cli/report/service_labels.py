"""Swedish and English labels of the KPI and feedback sections (``servqual kpi/feedback``)."""

from __future__ import annotations

from servqual_cli.report.labels import label

__all__ = ["SERVICE_LABELS", "sl"]

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
