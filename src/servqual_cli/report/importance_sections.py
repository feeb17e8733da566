"""The derived-importance section (``gap --overall``): the OLS of the overall item on the
dimension scores, its relative weights and the model's F test, all from
:class:`~servqual_cli.core.importance.Importance`; here only labels and layout."""

from __future__ import annotations

import pandas as pd

from servqual_cli.core.importance import Importance
from servqual_cli.report.gap_labels import apa_p
from servqual_cli.report.labels import count_text, label
from servqual_cli.report.numbers import fmt_number
from servqual_cli.report.spec import Section, Table, Text
from servqual_cli.report.toolbox_sections import table, tlabel

__all__ = ["importance_sections"]


def importance_sections(res: Importance, lang: str) -> list[Section]:
    """The ``--overall`` regression: its coefficients table, a note with n, R², adjusted R²
    and the model's F test (:attr:`Importance.f_test`), and a warning when no b differs from
    zero (review 3, finding 24)."""
    sv = lang == "sv"
    coef = res.coefficients.rename(columns={"b": "b_coef"})
    what = label(res.predictors, lang) if res.predictors != "gap" else "gap (P−E)"
    r2, adj = fmt_number(res.r2, lang, 3), fmt_number(res.adj_r2, lang, 3)
    f = res.f_test  # the model's F test of R² = 0, from the result (never computed here)
    sep = "; " if sv else ", "  # "F(5; 307)": a comma is the Swedish decimal sign
    f_text = f"F({f.df1}{sep}{f.df2}) = {fmt_number(f.f, lang, 2)}, {apa_p(f.p, lang)}"
    n, incomplete = count_text(res.n, lang), count_text(res.n_incomplete, lang)
    note = (
        f"OLS av {res.overall!r} på dimensionernas {what}; n = {n} ({incomplete} "
        f"utan alla värden utelämnade); R² = {r2}, justerat R² = {adj}, {f_text}. "
        "Relativa vikter enligt Johnson (2000) summerar till R²."
        if sv
        else f"OLS of {res.overall!r} on the dimensions' {what}; n = {n} ({incomplete} "
        f"without every value left out); R² = {r2}, adjusted R² = {adj}, {f_text}. "
        "Johnson's (2000) relative weights sum to R²."
    )
    blocks: list[Table | Text] = [
        table(
            f"OLS: {res.overall} ~ {what}",
            coef,
            lang,
            sheet="Vikt" if sv else "Importance",
            conf=res.conf,
        ),
        Text(note, kind="note"),
    ]
    # Review 3, finding 24: shares of a small R² with no b told from zero rank noise.
    if (
        "p" in res.coefficients.columns
        and not (pd.to_numeric(res.coefficients["p"], errors="coerce") < 0.05).any()
    ):
        text = (
            f"Inget b skiljer sig från noll (p < 0,05) och R² = {r2}: dimensionerna förklarar "
            f"lite av {res.overall!r}, och andelarna av R² kan inte rangordnas."
            if sv
            else f"No b differs from zero (p < 0.05) and R² = {r2}: the dimensions explain little "
            f"of {res.overall!r}, and the shares of R² cannot be ranked."
        )
        blocks.append(Text(text, kind="warning"))
    return [Section(title=tlabel("importance", lang), blocks=tuple(blocks))]
