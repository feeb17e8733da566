"""The e-mail rule's sentence under the KPI tables, worded from the catalog (review 7, finding 8:
the sentence was hard-coded in :mod:`servqual_cli.core.email_rule`, against the layer rule, and
read "inom 24 N timmar").

The core gives the rule's kind and its hours per day; the words are
:data:`~servqual_cli.report.catalog.MEASUREMENT`' ``email_rule_*`` entries.
"""

from __future__ import annotations

from servqual_cli.core.email_rule import EmailRule
from servqual_cli.report.catalog import MEASUREMENT, label

__all__ = ["email_rule_text"]


def email_rule_text(rule: EmailRule, lang: str = "en") -> str:
    """One sentence for under the table (English for the JSON's ``description``).

    >>> from servqual_cli.core.email_rule import parse_email_rule
    >>> email_rule_text(parse_email_rule("24h"), "sv")[36:]
    'inom N × 24 timmar räknat på arbetsdagar (hela dygn); helger och helgdagar räknas inte.'
    >>> email_rule_text(parse_email_rule("office-hours=08-17"))
    'E-mail answered within N working days: within N × 9 office hours (08-17 on working days).'
    """
    text = label(f"email_rule_{rule.kind}", lang, MEASUREMENT)
    return text.format(hours=rule.hours_per_day, window=rule.window)
