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
    from servqual_cli.io.survey import SurveyData
    from servqual_cli.report.build import ReportContext

__all__ = [
    "dropped_rows_rules",
    "importance_sentence",
    "missing_rules",
    "missing_text",
    "survey_weight_missing",
    "survey_weight_rule",
]


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
        text = missing_codes_text(config_codes, lang, option=key) if out else None
        out.append(text or union_text(config_codes, own, lang, option=key) or "")
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


def dropped_rows_rules(
    no_answer_rows: tuple[int, ...], summary_rows: Sequence[tuple[int, str]], lang: str
) -> str:
    """The clauses, each with its leading space, on the rows left out before any answer was
    read: rows with no answer to any item (as gap and the summary name them) and trailing
    summary rows (``(row, label)``); "" when none (review 17, finding 18).

    >>> text = dropped_rows_rules((32, 33), [(122, "Summa")], "sv")
    >>> print(text)  # doctest: +NORMALIZE_WHITESPACE
     2 rader utan något giltigt svar i påståendena (rad 32, 33) räknas inte som svarande. En
     summeringsrad sist i filen (rad 122 ”Summa”) utelämnas.
    >>> dropped_rows_rules((), [], "en")
    ''
    """
    from servqual_cli.report.gap_sections import no_answer_text

    out = [no_answer_text(no_answer_rows, lang).strip()] if no_answer_rows else []
    if summary_rows:
        q = ("”", "”") if lang == "sv" else ("“", "”")
        rows = ", ".join(f"{row} {q[0]}{name}{q[1]}" for row, name in summary_rows)
        key = "method_summary_row" if len(summary_rows) == 1 else "method_summary_rows"
        out.append(rl(key, lang, n=count_text(len(summary_rows), lang), rows=rows))
    return "".join(f" {text}" for text in out)


def survey_weight_rule(column: str | None, n_missing: int, lang: str) -> str:
    """The clause, with its leading space, on the respondents without a valid survey weight in
    ``column`` left out of the weighted estimates; "" without a weight column or when every
    respondent had one (review 17, finding 18).

    >>> survey_weight_rule("Vikt", 4, "en")[-63:]
    'every weighted estimate (4); they count in the unweighted ones.'
    >>> survey_weight_rule("Vikt", 0, "sv"), survey_weight_rule(None, 3, "sv")
    ('', '')
    """
    if column is None or not n_missing:
        return ""
    n = count_text(n_missing, lang)
    return f" {rl('method_survey_weight_missing', lang, column=column, n=n)}"


def survey_weight_missing(ctx: ReportContext) -> tuple[str | None, int]:
    """The ``[survey] weight_column`` and its respondents without a valid weight, left out of
    the weighted estimates ((None, 0) without the key)."""
    from servqual_cli.report.survey_results import survey_weighting

    weighting = survey_weighting(ctx)
    if weighting is None:
        return None, 0
    return weighting.column, int(weighting.n_missing_weight)


def missing_text(
    d: SurveyData,
    lang: str,
    importance: bool,
    config_codes: tuple[str, ...] = (),
    survey_weight: tuple[str | None, int] = (None, 0),
) -> str:
    """The method note on missing data with a clause per rule that changed the results: the
    rows with no answer and a trailing summary row left out, the instrument's own missing
    codes, answers read from text, duplicate rows kept (review 15, finding 13), from the counts
    the summary shows; the importance weights' rule only when ``importance`` weights were used
    (finding 12); the respondents without a valid survey weight (``survey_weight``: column and
    count) left out of the weighted estimates (review 17, finding 18)."""
    from servqual_cli.report.recode_note import recoded_of

    recoded = sum(recoded_of(d.exclusion_log).values())
    summary = [(r.row, r.label) for r in d.table.summary_rows if r.kind == "summary"]
    rules = dropped_rows_rules(d.no_answer_rows, summary, lang) + missing_rules(
        d.excluded, d.instrument.missing, recoded, d.duplicates, lang, config_codes
    )
    extra = f" {rl('method_missing_importance', lang)}" if importance else ""
    extra += survey_weight_rule(*survey_weight, lang)
    return rl("method_missing_text", lang, rules=rules, importance=extra)
