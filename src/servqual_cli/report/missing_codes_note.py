"""The note that names ``--missing-codes`` (``alpha``, ``items``, ``gap``): which answers the run
read as no answer. The cells themselves are counted in the exclusion summary beside it ("declared
missing"; in ``gap`` "missing code" with each code's cells); this sentence names the rule that put
them there (an output names every rule that changes a result)."""

from __future__ import annotations

from collections.abc import Sequence

from servqual_cli.report.catalog import RELIABILITY, label
from servqual_cli.report.numbers import fmt_int
from servqual_cli.report.spec import Section, Text
from servqual_cli.report.word_lists import join_words

__all__ = ["missing_codes_sections", "missing_codes_text", "union_text"]

# A text code in quotes, the language's own marks (as the catalogs quote answers).
_QUOTES = {"sv": ("”", "”"), "en": ("“", "”")}


def missing_codes_text(
    codes: Sequence[str],
    lang: str,
    none: Sequence[str] = (),
    option: str = "--missing-codes",
    in_file: Sequence[tuple[str, str, int]] = (),
) -> str | None:
    """The sentence for ``codes`` (None without codes): numbers bare, texts in quotes; ``none``
    the codes no cell holds (:func:`~servqual_cli.io.code_cells.codes_without_cells`), named,
    for a rule that changed nothing is no rule applied (review 17, finding 10); ``option``
    names where the codes were given (the report's ``survey.missing_codes``).

    >>> missing_codes_text(["99"], "sv")
    '99 räknas som saknat svar (--missing-codes).'
    >>> missing_codes_text(["99", "-1", "Ej svar"], "en")
    '99, -1 and “Ej svar” counted as no answer (--missing-codes).'
    >>> missing_codes_text(["abc"], "sv", none=["abc"])
    '”abc” räknas som saknat svar (--missing-codes; ingen cell har koden).'
    >>> missing_codes_text(["99", "abc"], "en", none=["abc"])
    '99 and “abc” counted as no answer (--missing-codes; no cell holds “abc”).'
    >>> missing_codes_text([], "en") is None
    True

    ``in_file``: the codes an SPSS file already declares missing, (code, label, cells), each
    named, for "no cell holds the code" beside its counted cells misled (review 18, finding 11).

    >>> missing_codes_text(["99"], "sv", in_file=[("99", "Vet ej", 5)])[45:]
    '99 är redan angivet som saknat värde i filen (”Vet ej”, 5 celler); --missing-codes behövs \
inte för det.'
    >>> missing_codes_text(["98"], "en", in_file=[("98", "", 1)])[43:]
    '98 is already declared missing in the file (1 cell); --missing-codes is not needed for it.'
    """
    if not codes:
        return None
    text = label("missing_codes_note", lang, RELIABILITY).format(
        codes=_shown(codes, lang), option=option
    )
    text = _with_none(text, codes, none, lang, option)
    for code, said, cells in in_file:
        left, right = _QUOTES["sv" if lang == "sv" else "en"]
        noun = "cell" if cells == 1 else ("celler" if lang == "sv" else "cells")
        count = f"{fmt_int(cells, lang)} {noun}"
        said = f"{left}{said}{right}, {count}" if said else count
        text += " " + label("missing_codes_in_file", lang, RELIABILITY).format(
            code=_shown([code], lang), said=said
        )
    return text


def _with_none(text: str, codes: Sequence[str], none: Sequence[str], lang: str, option: str) -> str:
    """``text`` whose "(--missing-codes" names the codes no cell holds (all: "the code")."""
    if not none:
        return text
    if len(none) == len(codes):
        key = "missing_codes_none_all" if len(codes) == 1 else "missing_codes_none_any"
        said = label(key, lang, RELIABILITY)
    else:
        said = label("missing_codes_none", lang, RELIABILITY).format(codes=_shown(none, lang))
    return text.replace(f"({option}", f"({option}; {said}", 1)


def union_text(
    codes: Sequence[str],
    own: Sequence[str],
    lang: str,
    none: Sequence[str] = (),
    option: str = "--missing-codes",
) -> str | None:
    """``gap``'s sentence: :func:`missing_codes_text`, or with an instrument that declares its
    own ``missing`` codes the rule that both lists apply (the union; the option never lifts an
    instrument's code). None without ``codes``.

    >>> union_text(["99"], ["Vet ej", "98"], "sv")
    '99 räknas som saknat svar (--missing-codes), liksom instrumentets egna koder (”Vet ej” och \
98, missing i instrumentfilen): båda listorna gäller.'
    >>> union_text(["99"], [], "en")
    '99 counted as no answer (--missing-codes).'
    >>> union_text(["abc"], ["98"], "sv", none=["abc"])[:68]
    '”abc” räknas som saknat svar (--missing-codes; ingen cell har koden)'

    A report names its config key (session 18):

    >>> union_text(["88"], ["99"], "en", option="survey.missing_codes")[:47]
    '88 counted as no answer (survey.missing_codes),'
    """
    if not codes or not own:
        return missing_codes_text(codes, lang, none, option)
    text = label("missing_codes_union", lang, RELIABILITY).format(
        codes=_shown(codes, lang), own=_shown(own, lang), option=option
    )
    return _with_none(text, codes, none, lang, option)


def _shown(codes: Sequence[str], lang: str) -> str:
    """Numbers bare, texts in the language's quotes, joined as a list ("99 och ”Ej svar”")."""
    left, right = _QUOTES["sv" if lang == "sv" else "en"]
    return join_words([c if _is_number(c) else f"{left}{c}{right}" for c in codes], lang)


def missing_codes_sections(
    codes: Sequence[str],
    lang: str,
    none: Sequence[str] = (),
    in_file: Sequence[tuple[str, str, int]] = (),
) -> list[Section]:
    """:func:`missing_codes_text` as a note section (none without codes)."""
    text = missing_codes_text(codes, lang, none, in_file=in_file)
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
