"""The note that names ``--missing-codes`` (``alpha``, ``items``): which answers the run read as
no answer. The cells themselves are counted under "declared missing" in the exclusion summary
beside it; this sentence names the rule that put them there (an output names every rule that
changes a result)."""

from __future__ import annotations

from collections.abc import Sequence

from servqual_cli.report.catalog import RELIABILITY, label
from servqual_cli.report.spec import Section, Text
from servqual_cli.report.word_lists import join_words

__all__ = ["missing_codes_sections", "missing_codes_text"]

# A text code in quotes, the language's own marks (as the catalogs quote answers).
_QUOTES = {"sv": ("”", "”"), "en": ("“", "”")}


def missing_codes_text(codes: Sequence[str], lang: str) -> str | None:
    """The sentence for ``codes`` (None without codes): numbers bare, texts in quotes.

    >>> missing_codes_text(["99"], "sv")
    '99 räknas som saknat svar (--missing-codes).'
    >>> missing_codes_text(["99", "-1", "Ej svar"], "en")
    '99, -1 and “Ej svar” counted as no answer (--missing-codes).'
    >>> missing_codes_text([], "en") is None
    True
    """
    if not codes:
        return None
    left, right = _QUOTES["sv" if lang == "sv" else "en"]
    shown = [c if _is_number(c) else f"{left}{c}{right}" for c in codes]
    return label("missing_codes_note", lang, RELIABILITY).format(codes=join_words(shown, lang))


def missing_codes_sections(codes: Sequence[str], lang: str) -> list[Section]:
    """:func:`missing_codes_text` as a note section (none without codes)."""
    text = missing_codes_text(codes, lang)
    return [Section("", (Text(text, kind="note"),))] if text else []


def _is_number(code: str) -> bool:
    """A code read as a number too ("99", "-1", "99,0"; the matcher's rule, not inf or nan).

    >>> [_is_number(c) for c in ("99", "99,0", "-1", "Vet ej", "inf")]
    [True, True, True, False, False]
    """
    import math

    if "_" in code:  # float() reads "9_9" as 99; the matcher does not
        return False
    try:
        return math.isfinite(float(code.replace(",", ".")))
    except ValueError:
        return False
