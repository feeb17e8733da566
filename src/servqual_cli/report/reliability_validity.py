"""The validity tables of ``servqual reliability`` (KMO, Bartlett, the CFA's fit, EFA, composite
reliability and AVE) and the warnings they call for, moved out of
:mod:`~servqual_cli.report.reliability_sections` (scales and items stay there)."""

from __future__ import annotations

from collections.abc import Collection, Sequence

import pandas as pd

from servqual_cli.core.scales import InstrumentReliability, Validity
from servqual_cli.report.catalog import dimension_name, scale_name
from servqual_cli.report.efa_sections import efa_tables
from servqual_cli.report.note_join import join_sentences
from servqual_cli.report.numbers import fmt_int, fmt_number
from servqual_cli.report.reliability_tables import problem_label as _p
from servqual_cli.report.reliability_tables import rel_label as _l
from servqual_cli.report.reliability_tables import rel_table as _table
from servqual_cli.report.reliability_tables import sheet_name as _sheet
from servqual_cli.report.reliability_tables import withdrawn_note
from servqual_cli.report.spec import Table, Text


def validity_frame(validity: Sequence[Validity], lang: str = "en") -> pd.DataFrame:
    """One row per score: KMO, Bartlett and the CFA's fit; a CFA that did not converge, or
    that rests on too few complete rows per parameter, shows "–" for its fit indices."""
    rows = []
    for v in validity:
        c = v.cfa if v.cfa is not None and v.cfa.converged and not v.cfa.problem else None
        rows.append(
            {
                "score": v.score,
                "kmo": None if v.kmo is None else v.kmo.msa,
                "bartlett_chi2": None if v.bartlett is None else v.bartlett.chi2,
                "bartlett_p": None if v.bartlett is None else v.bartlett.p,
                "cfa_chi2": None if c is None else c.chi2,
                "cfa_df": None if c is None else c.df,
                "cfi": None if c is None else c.cfi,
                "tli": None if c is None else c.tli,
                "rmsea": None if c is None else c.rmsea,
                "rmsea_ci": None
                if c is None
                else "–".join(fmt_number(x, lang, 3) for x in (c.rmsea_ci_low, c.rmsea_ci_high)),
                "srmr": None if c is None else c.srmr,
            }
        )
    return pd.DataFrame(rows)


AVE_MIN = 0.5  # Fornell & Larcker (1981): below it a factor explains less than its error


def validity_warnings(
    result: InstrumentReliability, lang: str, n_rows: int | None = None
) -> list[str]:
    """Warnings the validity tables call for beyond the core's own: factors whose AVE is below
    0.5 (Fornell & Larcker 1981, convergent validity). A CFA on too few complete rows is the
    core's warning (``core.scales.cfa_row_warnings``), in the terminal, the JSON and the report
    alike; ``n_rows`` is kept for the callers.
    """
    out = []
    for v in result.validity:
        if v.cfa is None or v.cfa.problem:  # withdrawn whole: the core's warning says why
            continue
        f = v.cfa.factors
        # An AVE that cannot be computed (Heywood case, outside 0-1) fails the check too; a CFA
        # that did not converge is reported as such (its warning and the table notes), not here.
        failed = _problems(f).notna() if v.cfa.converged else pd.Series(False, index=f.index)
        low = f[(f["ave"].astype(float) < AVE_MIN) | failed]
        if len(low):
            named = ", ".join(
                f"{dimension_name(str(d), lang)} "
                + (f"– ({_p('ave_failed', lang)}: {_p(str(p), lang)})" if isinstance(p, str)
                   else fmt_number(a, lang, 3))
                for d, a, p in zip(low["factor"], low["ave"], _problems(low), strict=True)
            )  # fmt: skip
            out.append(
                _l("ave_warning", lang).format(score=scale_name(v.score, lang), factors=named)
            )
    return out


def _problems(factors: pd.DataFrame) -> pd.Series:
    """Each factor's problem code (None when CR and AVE stand); absent for an unscreened CFA."""
    if "problem" in factors.columns:
        return factors["problem"].astype(object)
    return pd.Series([None] * len(factors), index=factors.index, dtype=object)


def validity_blocks(
    result: InstrumentReliability,
    lang: str,
    reverse: str | None = None,
    reversed_items: Collection[str] = (),
) -> list[Table | Text]:
    """The validity table (KMO, Bartlett, the CFA's fit), the EFA tables and the CR and AVE
    table of ``result``'s scores, with their notes (none without validity results; ``reverse``:
    the reversed items' rule, under the EFA's pattern matrix; ``reversed_items``: their
    columns, marked "(omvänt)" in it)."""
    blocks: list[Table | Text] = []
    if not result.validity:
        return blocks
    matrices = "; ".join(_matrix(v, lang) for v in result.validity)
    validity_note = f"{_l('matrix', lang)}: {matrices}" if matrices else ""
    diverged = [scale_name(v.score, lang) for v in result.validity
                if v.cfa is not None and not v.cfa.converged]  # fmt: skip
    if diverged:
        fit_note = _p("cfa_fit_withdrawn", lang).format(scores=", ".join(diverged))
        validity_note = join_sentences(validity_note, fit_note)
    few = [scale_name(v.score, lang) for v in result.validity
           if v.cfa is not None and v.cfa.converged and v.cfa.problem]  # fmt: skip
    if few:
        rows_note = _p("cfa_rows_withdrawn", lang).format(scores=", ".join(few))
        validity_note = join_sentences(validity_note, rows_note)
    blocks.append(
        _table(
            validity_frame(result.validity, lang),
            _l("validity", lang),
            lang,
            _sheet("validity", lang),
            note=join_sentences(validity_note) or None,  # ended (review 13, finding 18)
        )
    )
    blocks.extend(efa_tables(result, lang, _sheet("efa", lang), reverse, reversed_items))
    cr = [
        v.cfa.factors.assign(score=v.score)[["score", "factor", "composite_reliability", "ave"]]
        for v in result.validity
        if v.cfa is not None
    ]
    if cr:
        shown = [  # a CFA withdrawn whole once, with every dimension
            (
                f"{scale_name(v.score, lang)} ({_p('all_factors', lang)})",
                "not_converged" if not v.cfa.converged else str(v.cfa.problem),
            )
            for v in result.validity
            if v.cfa is not None and (not v.cfa.converged or v.cfa.problem)
        ] + [
            (f"{scale_name(v.score, lang)}: {dimension_name(str(d), lang)}", str(p))
            for v in result.validity
            if v.cfa is not None and v.cfa.converged and not v.cfa.problem
            for d, p in zip(v.cfa.factors["factor"], _problems(v.cfa.factors), strict=True)
            if isinstance(p, str)
        ]
        blocks.append(
            _table(
                pd.concat(cr, ignore_index=True),
                _l("cr_ave", lang),
                lang,
                _sheet("cfa", lang),
                note=join_sentences(
                    _l("cr_note", lang), withdrawn_note(shown, "cr_ave_withdrawn", lang)
                ),
            )
        )
    return blocks


def _matrix(v: Validity, lang: str) -> str:
    """Which correlation matrix and rows fed KMO, Bartlett, EFA and the CFA of one score; the
    English words are :attr:`Validity.matrix`'s (the JSON's), the counts the language's.

    >>> from types import SimpleNamespace as NS
    >>> _matrix(NS(score="P", missing="listwise", corr_n=1234, cfa_rows=1234), "en")
    'Perception: listwise: correlations of the 1,234 complete rows; CFA on the same rows'
    >>> _matrix(NS(score="P", missing="pairwise", corr_n=1234, cfa_rows=980), "sv")[:72]
    'Upplevelse: parvis, korrelationer av varje pars rader (minsta n = 1\\xa0234)'
    """
    score = scale_name(v.score, lang)  # "Expectation", not the code "E"
    n, rows = fmt_int(v.corr_n, lang), fmt_int(v.cfa_rows, lang)
    key = "matrix_listwise" if v.missing == "listwise" else "matrix_pairwise"
    return f"{score}: {_l(key, lang).format(n=n, rows=rows)}"
