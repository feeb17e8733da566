"""The note that names ``--missing-codes`` (``alpha``, ``items``, ``gap``): which answers the run
read as no answer. The cells themselves are counted in the exclusion summary beside it ("declared
missing"; in ``gap`` "missing code" with each code's cells); this sentence names the rule that put
them there (an output names every rule that changes a result)."""

from __future__ import annotations

from collections.abc import Sequence

from servqual_cli.report.catalog import RELIABILITY, label
from servqual_cli.report.spec import Section, Text
from servqual_cli.report.word_lists import join_words

__all__ = ["missing_codes_sections", "missing_codes_text", "union_text"]

# A text code in quotes, the language's own marks (as the catalogs quote answers).
_QUOTES = {"sv": ("”", "”"), "en": ("“", "”")}


def missing_codes_text(
    codes: Sequence[str], lang: str, option: str = "--missing-codes"
) -> str | None:
    """The sentence for ``codes`` (None without codes): numbers bare, texts in quotes;
    ``option`` names where the codes were given (the report's ``survey.missing_codes``).

    >>> missing_codes_text(["99"], "sv")
    '99 räknas som saknat svar (--missing-codes).'
    >>> missing_codes_text(["99", "-1", "Ej svar"], "en")
    '99, -1 and “Ej svar” counted as no answer (--missing-codes).'
    >>> missing_codes_text([], "en") is None
    True
    """
    if not codes:
        return None
    return label("missing_codes_note", lang, RELIABILITY).format(
        codes=_shown(codes, lang), option=option
    )


def union_text(
    codes: Sequence[str], own: Sequence[str], lang: str, option: str = "--missing-codes"
) -> str | None:
    """``gap``'s sentence: :func:`missing_codes_text`, or with an instrument that declares its
    own ``missing`` codes the rule that both lists apply (the union; the option never lifts an
    instrument's code). None without ``codes``.

    >>> union_text(["99"], ["Vet ej", "98"], "sv")
    '99 räknas som saknat svar (--missing-codes), liksom instrumentets egna koder (”Vet ej” och \
98, missing i instrumentfilen): båda listorna gäller.'
    >>> union_text(["99"], [], "en")
    '99 counted as no answer (--missing-codes).'

    A report names its config key (session 18):

    >>> union_text(["88"], ["99"], "en", "survey.missing_codes")[:47]
    '88 counted as no answer (survey.missing_codes),'
    """
    if not codes or not own:
        return missing_codes_text(codes, lang, option)
    return label("missing_codes_union", lang, RELIABILITY).format(
        codes=_shown(codes, lang), own=_shown(own, lang), option=option
    )


def _shown(codes: Sequence[str], lang: str) -> str:
    """Numbers bare, texts in the language's quotes, joined as a list ("99 och ”Ej svar”")."""
    left, right = _QUOTES["sv" if lang == "sv" else "en"]
    return join_words([c if _is_number(c) else f"{left}{c}{right}" for c in codes], lang)


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
