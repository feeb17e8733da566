"""Document sections from reliability results (``servqual reliability``/``alpha`` and reports)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

import pandas as pd

from servqual_cli.core.omega import OMEGA_CFA
from servqual_cli.core.reliability import AlphaResult
from servqual_cli.core.reliability_screen import PROBLEMS
from servqual_cli.core.scales import InstrumentReliability, Validity
from servqual_cli.report.catalog import RELIABILITY as LABELS
from servqual_cli.report.catalog import RELIABILITY_PROBLEMS as _PROBLEMS
from servqual_cli.report.catalog import RELIABILITY_SHEETS as _SHEETS
from servqual_cli.report.catalog import dimension_name, item_name, label, scale_name
from servqual_cli.report.conf_level import level_text, with_level
from servqual_cli.report.efa_sections import efa_tables
from servqual_cli.report.numbers import fmt_int, fmt_number
from servqual_cli.report.reliability_warnings import reader_reason, reader_warning
from servqual_cli.report.spec import Section, Table, Text

FORMATS = {
    "n": "d",
    "item_n": "d",
    "k": "d",
    "alpha": ".3f",
    "alpha_std": ".3f",
    "average_r": ".3f",
    "omega_total": ".3f",
    "ci_low": ".3f",
    "ci_high": ".3f",
    "alpha_if_deleted": ".3f",
    "item_rest_r": ".3f",
    "mean": ".2f",
    "sd": ".2f",
    "kmo": ".3f",
    "bartlett_chi2": ".1f",
    "bartlett_p": "p",
    "cfa_chi2": ".1f",
    "cfa_df": "d",
    "cfi": ".3f",
    "tli": ".3f",
    "rmsea": ".3f",
    "srmr": ".3f",
    "composite_reliability": ".3f",
    "ave": ".3f",
}


def _sheet(key: str, lang: str) -> str:
    """Excel sheet name in the report's language."""
    sv, en = _SHEETS[key]
    return sv if lang == "sv" else en


def _l(key: str, lang: str) -> str:
    return label(key, lang, LABELS)


def _p(key: str, lang: str) -> str:
    return label(key, lang, _PROBLEMS)


def withdrawn_note(shown: Sequence[tuple[str, str]], key: str, lang: str) -> str | None:
    """Which values are shown as "–" and why: ``shown`` holds (what, problem code) pairs.

    >>> withdrawn_note([("Perception, whole scale", "not_converged")], "omega_withdrawn", "en")
    "McDonald's ω cannot be computed (–): the fit did not converge: Perception, whole scale."
    """
    if not shown:
        return None
    reasons = "; ".join(
        f"{_p(code, lang)}: {', '.join(what for what, c in shown if c == code)}"
        for code in PROBLEMS
        if any(c == code for _, c in shown)
    )
    return _p(key, lang).format(reasons=reasons)


def _ci_note(result: InstrumentReliability | AlphaResult, lang: str) -> str:
    """The interval note at the level actually used (``--conf``)."""
    scales = result.scales if isinstance(result, InstrumentReliability) else (result,)
    conf = scales[0].conf if scales else 0.95
    missing = str(result.missing)
    if result.ci_method == "bootstrap":
        note = _l("ci_note_bootstrap", lang)
        seed = "–" if result.seed is None else str(result.seed)  # a seed is a name, not a count
        note = note.replace("{n_boot}", fmt_int(result.n_boot, lang)).replace("{seed}", seed)
    else:  # the n Feldt's interval used, named (review 11, finding 8)
        note = _l(f"ci_note_feldt_{'listwise' if missing == 'listwise' else 'pairwise'}", lang)
        n = f", {fmt_int(scales[0].n, lang)}" if len(scales) == 1 else _l("ci_note_n_column", lang)
        note = note.replace("{n}", n)
    rule = _l(f"alpha_{missing}", lang) if missing in ("pairwise", "listwise") else ""
    return (f"{rule} " if rule else "") + with_level(note, conf, lang)


def _item_n_note(missing: str, lang: str, gap_table: bool = False) -> str:
    """What the item table's n counts; with ``gap_table`` (an instrument's E and P items) why
    its means can differ from the gap table's, which uses the pairs with both E and P (review
    10a, finding 7: item 1's E mean 5,62 here, 5,61 there, and no word why).

    >>> _item_n_note("listwise", "en")
    'n: the respondents who answered every item of the scale (listwise deletion); the mean and \
SD use them.'
    """
    note = _l("item_n_listwise" if missing == "listwise" else "item_n_pairwise", lang)
    return f"{note} {_l('item_n_gap_table', lang)}" if gap_table else note


def _omega_note(scales: Sequence[AlphaResult], lang: str) -> str | None:
    shown = [(scale_name(s.scale, lang), s.omega_problem) for s in scales if s.omega_problem]
    return withdrawn_note(shown, "omega_withdrawn", lang)


def _table(
    frame: pd.DataFrame,
    title: str,
    lang: str,
    sheet: str,
    note: str | None = None,
    signed: Sequence[str] = (),
    own_items: bool = False,
    conf: float | None = None,
) -> Table:
    """``own_items`` keeps item columns as the user named them (``alpha`` takes any item set, so
    the instrument's "E3 → Statement 3" relabelling would give different items one name);
    ``conf`` puts the interval's level in its headers ("95 % KI låg", review 5 item 21)."""
    heads = {c: _l(c, lang) for c in frame.columns}
    if conf is not None:
        for c in ("ci_low", "ci_high"):
            if c in heads:
                heads[c] = f"{level_text(conf, lang)} {heads[c]}"
    formats = {heads.get(k, _l(k, lang)): v for k, v in FORMATS.items()}
    frame = frame.copy()
    names = (("scale", scale_name), ("score", scale_name), ("item", item_name))
    for col, name in names[:2] if own_items else names:
        if col in frame.columns:  # readers' words, not codes such as "E:Tangibles" or "P1-E1"
            frame[col] = [name(v, lang) for v in frame[col]]
    if "factor" in frame.columns:
        frame["factor"] = [dimension_name(v, lang) for v in frame["factor"]]
    renamed = frame.rename(columns=heads)
    return Table(title, renamed, formats, tuple(_l(s, lang) for s in signed), note, sheet)


SCALE_COLUMNS = ["scale", "n", "k", "alpha", "ci_low", "ci_high", "alpha_std", "average_r",
                 "omega_total"]  # fmt: skip
ITEM_COLUMNS = ["scale", "item", "item_n", "alpha_if_deleted", "item_rest_r", "mean", "sd"]


def scales_frame(scales: Sequence[AlphaResult]) -> pd.DataFrame:
    """One row per scale: scale, n, k, alpha, ci_low, ci_high, alpha_std, average_r, omega.

    With no scale (all skipped) the frame is empty but keeps its columns.
    """
    if not scales:
        return pd.DataFrame(columns=SCALE_COLUMNS)
    return pd.DataFrame(
        [
            {
                "scale": s.scale,
                "n": s.n,
                "k": s.k,
                "alpha": s.alpha,
                "ci_low": s.ci_low,
                "ci_high": s.ci_high,
                "alpha_std": s.alpha_std,
                "average_r": s.average_r,
                "omega_total": s.omega_total,
            }
            for s in scales
        ]
    )


def items_frame(scales: Sequence[AlphaResult]) -> pd.DataFrame:
    """One row per (scale, item): the item's n, alpha if deleted, item-rest r, mean, SD.

    The item's n is ``item_n`` (the core's ``n``), so a frame merged with
    :func:`scales_frame` keeps ``n`` for the scale's (the ``reliability`` CSV's columns)."""
    parts = []
    for s in scales:
        part = s.items[["item", "n", "alpha_if_deleted", "item_rest_r", "mean", "sd"]].copy()
        part = part.rename(columns={"n": "item_n"})
        part.insert(0, "scale", s.scale)
        parts.append(part)
    return pd.concat(parts, ignore_index=True) if parts else pd.DataFrame(columns=ITEM_COLUMNS)


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


def reliability_sections(
    result: InstrumentReliability,
    lang: str,
    items: bool = True,
    title: str | None = None,
    n_rows: int | None = None,
) -> list[Section]:
    """Reliability, item statistics, validity and CFA tables, then the warnings (the core's and
    :func:`validity_warnings`; ``n_rows``: the survey's rows, for the CFA's share of them)."""
    note = _ci_note(result, lang) + " " + _l("omega_note_dims", lang)
    if any(s.omega_estimator == OMEGA_CFA for s in result.scales):
        note += " " + _l("omega_note_all", lang)
    withdrawn = _omega_note(result.scales, lang)
    if withdrawn:
        note += " " + withdrawn
    blocks: list[Table | Text] = [
        _table(
            scales_frame(result.scales),
            _l("reliability", lang),
            lang,
            _sheet("rel", lang),
            note,
            conf=result.scales[0].conf if result.scales else None,
        )
    ]
    if items:
        table = _table(
            items_frame(result.scales),
            _l("item_statistics", lang),
            lang,
            _sheet("items", lang),
            note=_item_n_note(str(result.missing), lang, gap_table=True),
            signed=("item_rest_r",),
        )
        blocks.append(replace(table, appendix=True))  # detail: the report's appendix
    if result.validity:
        matrices = "; ".join(_matrix(v, lang) for v in result.validity)
        validity_note = f"{_l('matrix', lang)}: {matrices}" if matrices else ""
        diverged = [scale_name(v.score, lang) for v in result.validity
                    if v.cfa is not None and not v.cfa.converged]  # fmt: skip
        if diverged:
            fit_note = _p("cfa_fit_withdrawn", lang).format(scores=", ".join(diverged))
            validity_note = f"{validity_note}. {fit_note}" if validity_note else fit_note
        few = [scale_name(v.score, lang) for v in result.validity
               if v.cfa is not None and v.cfa.converged and v.cfa.problem]  # fmt: skip
        if few:
            rows_note = _p("cfa_rows_withdrawn", lang).format(scores=", ".join(few))
            validity_note = f"{validity_note}. {rows_note}" if validity_note else rows_note
        blocks.append(
            _table(
                validity_frame(result.validity, lang),
                _l("validity", lang),
                lang,
                _sheet("validity", lang),
                note=validity_note or None,
            )
        )
        blocks.extend(efa_tables(result, lang, _sheet("efa", lang)))
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
                    note=" ".join(
                        t
                        for t in (
                            _l("cr_note", lang),
                            withdrawn_note(shown, "cr_ave_withdrawn", lang),
                        )
                        if t
                    ),
                )
            )
    for name, why in result.skipped.items():
        text = f"{_l('skipped', lang)}: {scale_name(name, lang)}: {reader_reason(why, lang)}"
        blocks.append(Text(text, kind="warning"))
    for caveat in result.warnings:
        blocks.append(Text(reader_warning(caveat, lang), kind="warning"))
    for w in validity_warnings(result, lang, n_rows):
        blocks.append(Text(w, kind="warning"))
    return [Section(title=title or "", blocks=tuple(blocks))]


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


def alpha_sections(result: AlphaResult, lang: str) -> list[Section]:
    note = _ci_note(result, lang)
    withdrawn = _omega_note([result], lang)
    if withdrawn:
        note += " " + withdrawn
    blocks: list[Table | Text] = [
        _table(
            scales_frame([result]),
            _l("reliability", lang),
            lang,
            _sheet("rel", lang),
            note,
            conf=result.conf,
        ),
        _table(
            items_frame([result]),
            _l("item_statistics", lang),
            lang,
            _sheet("items", lang),
            note=_item_n_note(str(result.missing), lang),
            signed=("item_rest_r",),
            own_items=True,  # review 4, finding 6: the user's column names, as in the JSON
        ),
    ]
    blocks += [Text(reader_reason(w, lang), kind="warning") for w in result.warnings]
    return [Section(title="", blocks=tuple(blocks))]
