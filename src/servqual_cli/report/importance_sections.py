"""The derived-importance section (``gap --overall``): the OLS of the overall item on the
dimension scores, its relative weights and the model's F test, all from
:class:`~servqual_cli.core.importance.Importance`; here only labels and layout."""

from __future__ import annotations

from typing import Any

import pandas as pd

from servqual_cli.core.importance import VIF_LIMIT, Importance
from servqual_cli.report.catalog import dimension_name
from servqual_cli.report.gap_labels import apa_p
from servqual_cli.report.labels import count_text, label
from servqual_cli.report.numbers import fmt_number
from servqual_cli.report.spec import Section, Table, Text
from servqual_cli.report.toolbox_sections import table, tlabel

__all__ = ["importance_sections"]


def importance_sections(res: Importance, lang: str, command: bool = True) -> list[Section]:
    """The ``--overall`` regression: its coefficients table, a note with n, R², adjusted R²
    and the model's F test (:attr:`Importance.f_test`), a warning naming the collinear
    dimensions (review 13, finding 1) and a warning when no b has p < .05 (review 3, finding
    24), whose "explain little" follows the model's F test (review 13, finding 12). Weighted
    (``res.weight_column``): the title, the note and the F say so; ``command`` (``gap``, not
    the report) adds where the unweighted fit is (-f json/csv)."""
    sv = lang == "sv"
    coef = res.coefficients.rename(columns={"b": "b_coef"})
    what = label(res.predictors, lang) if res.predictors != "gap" else "gap (P−E)"
    r2, adj = fmt_number(res.r2, lang, 3), fmt_number(res.adj_r2, lang, 3)
    f = res.f_test  # the model's F test of R² = 0, from the result (never computed here)
    sep = "; " if sv else ", "  # "F(5; 307)": a comma is the Swedish decimal sign
    f_text = f"F({f.df1}{sep}{f.df2}) = {fmt_number(f.f, lang, 2)}, {apa_p(f.p, lang)}"
    n = count_text(res.n, lang)
    weighted = res.weight_column is not None
    if weighted:  # session 17: a survey-weighted fit says so in its title, note and test
        f_text = f"Wald-{f_text}" if sv else f"Wald {f_text}"
    left = _left_out(res, lang)
    vif = (
        "VIF = 1/(1 − R²ⱼ), R²ⱼ från regressionen av dimension j på de andra"
        if sv
        else "VIF = 1/(1 − R²ⱼ), R²ⱼ of dimension j regressed on the others"
    )
    fit = "WLS" if weighted else "OLS"
    note = (
        f"{fit} av {res.overall!r} på dimensionernas {what}; n = {n}{left}; R² = {r2}, "
        f"justerat R² = {adj}, {f_text}. Relativa vikter enligt Johnson (2000) summerar till "
        f"R². r = dimensionens korrelation med {res.overall!r}; {vif}."
        if sv
        else f"{fit} of {res.overall!r} on the dimensions' {what}; n = {n}{left}; R² = {r2}, "
        f"adjusted R² = {adj}, {f_text}. Johnson's (2000) relative weights sum to R². "
        f"r = the dimension's correlation with {res.overall!r}; {vif}."
    )
    title = f"{fit}: {res.overall} ~ {what}"
    if weighted:
        rule = tlabel("importance_weighted_rule", lang).format(column=res.weight_column)
        if command:  # gap's JSON/CSV keep the unweighted fit; a report's reader has no -f
            rule = f"{rule} {tlabel('importance_unweighted_where', lang)}"
        note = f"{rule} {note}"
        title = tlabel("importance_weighted_title", lang).format(
            head=title, column=res.weight_column
        )
    blocks: list[Table | Text] = [
        table(
            title,
            coef,
            lang,
            sheet="Vikt" if sv else "Importance",
            conf=res.conf,
        ),
        Text(note, kind="note"),
    ]
    if res.collinear:
        blocks.append(Text(collinearity_warning(res, lang), kind="warning"))
    # Review 3, finding 24: shares of a small R² with no b told from zero rank noise.
    if (
        "p" in res.coefficients.columns
        and not (pd.to_numeric(res.coefficients["p"], errors="coerce") < 0.05).any()
    ):
        key = "no_b_model_explains" if f.p < 0.05 else "no_b_model_null"
        blocks.append(Text(tlabel(key, lang).format(r2=r2, overall=res.overall), kind="warning"))
    return [Section(title=tlabel("importance", lang), blocks=tuple(blocks))]


def _left_out(res: Importance, lang: str) -> str:
    """The parenthesis after n ("10 utan alla värden utelämnade; 2 utan vikt …"): who is not
    in n, each count only when it is not 0 (review 13, finding 12: a rule that removed nobody)."""
    parts = []
    for key, count in (("importance_incomplete", res.n_incomplete),
                       ("importance_no_weight", res.n_missing_weight),
                       ("importance_zero_weight", res.n_zero_weight)):  # fmt: skip
        if count:  # "1 … utelämnad", a singular (closing 17)
            one = count == 1 and key != "importance_zero_weight"
            parts.append(tlabel(f"{key}_one" if one else key, lang).format(
                n=count_text(count, lang)))  # fmt: skip
    return f" ({'; '.join(parts)})" if parts else ""


def collinearity_warning(res: Importance, lang: str) -> str:
    """The dimensions named by the result's collinearity checks (VIF over the limit, b against
    the sign of its own r, |β| over 1) with their values, and what to read instead (review 13,
    finding 1: a significant negative b beside a positive r was shown as importance).

    ``The dimensions are strongly correlated with each other (VIF above 5: Empathy 9.1,
    Assurance 8.7; b of the opposite sign to the dimension's own correlation with 'Overall':
    Empathy (r = 0.80, b = -0.89)). b and β can then change sign …``
    """
    rows = res.coefficients.set_index("dimension")

    def num(value: Any) -> str:
        return fmt_number(value, lang, 2)

    parts = []
    if res.vif_high:
        listed = ", ".join(
            f"{dimension_name(d, lang)} ({fmt_number(rows.at[d, 'vif'], lang, 1)})"
            for d in res.vif_high
        )
        parts.append(tlabel("collinear_vif", lang).format(limit=f"{VIF_LIMIT:g}", names=listed))
    if res.sign_differs:
        listed = ", ".join(
            f"{dimension_name(d, lang)} (r = {num(rows.at[d, 'r_overall'])}, "
            f"b = {num(rows.at[d, 'b'])})"
            for d in res.sign_differs
        )
        parts.append(tlabel("collinear_sign", lang).format(overall=res.overall, names=listed))
    if res.beta_beyond_one:
        listed = ", ".join(
            f"{dimension_name(d, lang)} (β = {num(rows.at[d, 'beta'])})"
            for d in res.beta_beyond_one
        )
        parts.append(tlabel("collinear_beta", lang).format(names=listed))
    head = tlabel("collinear_strong" if res.vif_high else "collinear_some", lang)
    return f"{head} ({'; '.join(parts)}). {tlabel('collinear_advice', lang)}"
