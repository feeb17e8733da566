"""The clauses of the report's method notes that depend on the data: the importance-weighted
score only when it was computed (review 15, finding 12), and one clause per rule that changed
the results, from the counts the summary shows (finding 13).

>>> from servqual_cli.io.duplicates import DuplicateRows
>>> print(missing_rules({"blank": 3, "missing_token": 102}, ("Vet ej", "99"), 409,
...                     DuplicateRows((164, 165), (7, 14)), "sv"))  # doctest: +NORMALIZE_WHITESPACE
 Instrumentets egna koder för saknat svar (”99”) räknas också som saknade (angivet saknat värde
 102). Svar skrivna med ord (etiketter) eller med ett ledande tal läses som
 skalsteg: 409 celler, var och en i sammanfattningen. 2 rader som upprepar en tidigare rad i alla
 påståenden (rad 164, 165) behålls och ingår i alla resultat.
>>> missing_rules({"blank": 3}, (), 0, None, "en"), missing_rules({}, (), 1, None, "sv")[-38:]
('', '1 cell, var och en i sammanfattningen.')
>>> importance_sentence(None, "sv"), importance_sentence("rating", "en")[:29]
('', ' Importance-weighted SERVQUAL')
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from servqual_cli.report.catalog import count_text, label, rl

if TYPE_CHECKING:  # pragma: no cover
    from servqual_cli.io.duplicates import DuplicateRows

__all__ = ["importance_sentence", "missing_rules"]


def importance_sentence(weight_rule: str | None, lang: str) -> str:
    """The sentence " Viktighetsviktad SERVQUAL väger …" (with its leading space) for the
    rule that read the importance weights (``allocation`` or ``rating``); "" when no
    importance-weighted score was computed (``None``)."""
    if weight_rule is None:
        return ""
    key = "method_importance_rating" if weight_rule == "rating" else "method_importance_allocation"
    return f" {rl(key, lang)}"


def missing_rules(
    excluded: Mapping[str, int],
    codes: Sequence[str],
    recoded_cells: int,
    duplicates: DuplicateRows | None,
    lang: str,
    config_codes: Sequence[str] = (),
) -> str:
    """The clauses, each with its leading space, for the rules beyond blanks, "Vet ej",
    out-of-range values and text that changed this survey's results: the instrument's own
    missing codes (``codes`` but the built-in words such as "Vet ej", which the summary counts
    apart, with its count of ``missing_token`` cells), answers
    read from labels or a leading number (``recoded_cells``) and duplicate rows kept; the
    config's ``survey.missing_codes`` (``config_codes``) as gap names its ``--missing-codes``.

    >>> missing_rules({"missing_code": 2}, ("99",), 0, None, "en", ("88",))[:47]
    ' 88 counted as no answer (survey.missing_codes)'
    """
    from servqual_cli.io.answer_words import DONT_KNOW, NOT_APPLICABLE, NOT_AVAILABLE, fold

    sv = lang == "sv"
    out = []
    own = tuple(codes)
    n_codes = int(excluded.get("missing_token", 0))
    # a code that is a built-in word ("Vet ej") is counted under its own reason, not here
    builtin = DONT_KNOW | NOT_APPLICABLE | NOT_AVAILABLE
    codes = [c for c in codes if fold(c) not in builtin]
    if codes and n_codes:
        quoted = ", ".join(f"”{c}”" if sv else f"“{c}”" for c in codes)
        counted = f"{label('missing_token', lang)} {count_text(n_codes, lang)}"
        out.append(rl("method_missing_codes", lang, codes=quoted, counted=counted))
    if config_codes:  # the union with the instrument's own codes, as gap says it (session 18);
        # when the clause above named the instrument's codes, the config's alone
        from servqual_cli.report.missing_codes_note import missing_codes_text, union_text

        key = "survey.missing_codes"
        text = missing_codes_text(config_codes, lang, key) if out else None
        out.append(text or union_text(config_codes, own, lang, key) or "")
    if recoded_cells:
        word = "cell" if recoded_cells == 1 else "celler" if sv else "cells"
        cells = f"{count_text(recoded_cells, lang)} {word}"
        out.append(rl("method_recoded", lang, cells=cells))
    if duplicates is not None and duplicates.rows:
        rows = ", ".join(str(r) for r in duplicates.rows)  # row numbers are names, not counts
        n_rows = len(duplicates.rows)
        key = "method_duplicate" if n_rows == 1 else "method_duplicates"
        out.append(rl(key, lang, n=count_text(n_rows, lang), rows=rows))
    return "".join(f" {text}" for text in out)
