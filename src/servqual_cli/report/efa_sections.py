"""The exploratory factor analysis as tables a thesis can cite: the pattern matrix per score.

``servqual reliability --validity`` computes an EFA of each score (E, P, gap) as ``psych::fa``
does; these tables show what ``psych::print.fa`` shows: the rotated loadings with each item's
communality (h²), the variance each factor explains and, for an oblique rotation, the factor
correlations. Loadings of at least 0.30 in absolute value count as loadings (the conventional
minimum, Hair et al. 2019, ch. 3), so each item's highest loading and its cross-loadings are
named beside the numbers; every loading is shown, none is blanked. The factors are labelled
"Faktor 1" / "Factor 1" here; the core and the JSON keep psych's short keys ``F1`` … (review 13,
finding 15: "F1" is also an item where F stands for förväntan). A score whose correlations fail
KMO or Bartlett's test (:class:`~servqual_cli.core.factorability.Factorability`) keeps its
tables, marked "ska inte tolkas" in the title and with the reasons first in the note.

References
----------
Hair, J. F., Black, W. C., Babin, B. J. & Anderson, R. E. (2019). *Multivariate Data Analysis*
(8th ed.). Cengage. Revelle, W. ``psych::print.fa`` (the layout of loadings, h2, SS loadings,
Proportion Var and the factor correlations).
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence

import numpy as np
import pandas as pd

from servqual_cli.core.scales import InstrumentReliability, Validity
from servqual_cli.report.catalog import dimension_name, item_name, label, scale_name
from servqual_cli.report.catalog_efa import EFA as _EFA
from servqual_cli.report.note_join import join_sentences
from servqual_cli.report.numbers import fmt_number, fmt_p
from servqual_cli.report.spec import Table

__all__ = ["LOADING_CUT", "efa_tables", "factor_label", "item_dimensions", "loadings_frame",
           "not_interpretable_note", "variance_frame"]  # fmt: skip

LOADING_CUT = 0.30  # |loading| that counts as a loading (Hair et al. 2019)


def _e(key: str, lang: str) -> str:
    return label(key, lang, _EFA)


def item_dimensions(result: InstrumentReliability) -> dict[str, str]:
    """Each item's dimension, from the dimension scales (``"E:Tangibles"`` holds E1–E4).

    >>> import pandas as pd
    >>> from servqual_cli.core.reliability import AlphaResult
    >>> items = pd.DataFrame({"item": ["E1", "E2"]})
    >>> s = AlphaResult(2, 2, 0.8, 0.8, 0.6, 0.7, 0.9, "feldt", items, scale="E:Tangibles")
    >>> item_dimensions(InstrumentReliability(scales=(s,)))
    {'E1': 'Tangibles', 'E2': 'Tangibles'}
    """
    out: dict[str, str] = {}
    for s in result.scales:
        _, sep, dim = str(s.scale).partition(":")
        if sep and dim != "all":
            out.update({str(i): dim for i in s.items["item"]})
    return out


def factor_label(key: str, lang: str) -> str:
    """The core's factor key as the reader sees it: ``F3`` is "Faktor 3" / "Factor 3".

    >>> factor_label("F3", "sv"), factor_label("F1", "en"), factor_label("MR1", "en")
    ('Faktor 3', 'Factor 1', 'MR1')
    """
    number = key[1:]
    return _e("factor_n", lang).format(n=number) if key[:1] == "F" and number.isdigit() else key


def _factor_list(values: Sequence[str], lang: str) -> str:
    return ", ".join(values) if values else _e("none", lang)


def loadings_frame(
    v: Validity, dims: Mapping[str, str], lang: str, reversed_items: Collection[str] = ()
) -> pd.DataFrame:
    """One row per item: dimension, loadings "Factor 1" … "Factor m", h², the factor of the
    highest loading and the other factors it loads on (|loading| ≥ :data:`LOADING_CUT`; "none"
    below the cut). An item of ``reversed_items`` (its column names, ``E3``) is marked
    "(omvänt)", as the survey's item tables mark it: it loads with its sign turned (s18)."""
    from servqual_cli.report.reverse_note import mark_reversed

    if v.efa is None:
        raise ValueError("no EFA in this validity result")
    lam = v.efa.loadings
    cols = [factor_label(str(c), lang) for c in lam.columns]
    absl = np.abs(lam.to_numpy(dtype=float))
    top = absl.argmax(axis=1)
    items = [str(i) for i in lam.index]
    frame = pd.DataFrame(
        {
            "item": [
                mark_reversed(name, lang) if i in reversed_items else name
                for i, name in zip(items, (item_name(i, lang) for i in items), strict=True)
            ],
            "dimension": [dimension_name(dims.get(i, "–"), lang) for i in items],
        }
    )
    for c, values in zip(cols, lam.to_numpy(dtype=float).T, strict=True):
        frame[c] = values
    frame["communality"] = v.efa.communality.to_numpy(dtype=float)
    frame["primary"] = [  # an item whose every loading is below the cut loads on no factor
        cols[j] if row[j] >= LOADING_CUT else _e("none", lang)
        for row, j in zip(absl, top, strict=True)
    ]
    frame["cross"] = [
        _factor_list([c for k, c in enumerate(cols) if k != j and row[k] >= LOADING_CUT], lang)
        for row, j in zip(absl, top, strict=True)
    ]
    return frame


def variance_frame(v: Validity, lang: str = "en") -> pd.DataFrame:
    """One row per factor ("Factor 1" …): SS loadings, their share of the items' total variance
    (SS / p, as psych's "Proportion Var") and, for an oblique rotation, its correlations with
    the factors (columns "r Factor 1" …)."""
    if v.efa is None:
        raise ValueError("no EFA in this validity result")
    ss = v.efa.ss_loadings
    p = len(v.efa.loadings.index)
    frame = pd.DataFrame(
        {
            "factor": [factor_label(str(c), lang) for c in ss.index],
            "ss_loadings": ss.to_numpy(dtype=float),
            "proportion": ss.to_numpy(dtype=float) / p,
        }
    )
    if v.efa.phi is not None:
        for c in v.efa.phi.columns:
            frame[f"r {factor_label(str(c), lang)}"] = v.efa.phi[c].to_numpy(dtype=float)
    return frame


def _basis(v: Validity, lang: str) -> str:
    key = "basis_listwise" if v.missing == "listwise" else "basis_pairwise"
    return _e(key, lang).format(n=fmt_number(v.corr_n, lang, 0))


def not_interpretable_note(v: Validity, lang: str) -> str | None:
    """The first sentences of a flagged score's EFA notes: why its loadings are not to be read
    (the core's flags, :attr:`Validity.factorability`), or None where the gates hold.

    >>> from servqual_cli.core.factorability import Factorability
    >>> from types import SimpleNamespace as NS
    >>> gates = NS(factorability=Factorability(0.4547, 0.7833, 0.05))
    >>> not_interpretable_note(gates, "sv")[:79]
    'Ska inte tolkas: KMO 0,455 < 0,5 (korrelationerna räcker inte för faktoranalys)'
    """
    gates = v.factorability
    if gates is None or gates.efa_interpretable:
        return None
    reasons = []
    if gates.kmo_low:
        kmo, low = fmt_number(gates.kmo, lang, 3), fmt_number(gates.kmo_min, lang, 1)
        reasons.append(_e("reason_kmo", lang).format(kmo=kmo, min=low))
    if gates.identity_not_rejected:
        sig = format(round(gates.sig, 6), "g")  # 0.05, 0.01: the level as the user gave it
        sig = sig.replace(".", ",") if lang == "sv" else sig
        reasons.append(_e("reason_bartlett", lang).format(p=fmt_p(gates.bartlett_p, lang), sig=sig))
    return _e("not_interpretable_note", lang).format(reasons=_e("reason_and", lang).join(reasons))


def efa_tables(
    result: InstrumentReliability,
    lang: str,
    sheet: str,
    reverse: str | None = None,
    reversed_items: Collection[str] = (),
) -> list[Table]:
    """The pattern matrix and the variance/factor-correlation table of each score's EFA.

    Both are appendix tables in a report (detail for the thesis, not the board). Their Excel
    sheets name the score and the table ("EFA E", "EFA E varians", "EFA P", ...; review 6,
    finding 14: "EFA (2)" … "EFA (5)" did not say which). ``reverse``: the reversed items' rule
    (:func:`~servqual_cli.report.reverse_note.reverse_note`), which ends the pattern matrix's
    note as it ends every other item table's: a reversed item loads with its sign turned, and
    the appendix is read apart from the method section (closing 16); ``reversed_items``: the
    columns it names, each marked "(omvänt)" on its row (s18).
    """
    dims = item_dimensions(result)
    out: list[Table] = []
    for v in result.validity:
        if v.efa is None:
            continue
        efa = v.efa
        score = scale_name(v.score, lang)
        cols = [factor_label(str(c), lang) for c in efa.loadings.columns]
        formats = {c: ".2f" for c in cols} | {_e("communality", lang): ".2f"}
        note = _e("note", lang).format(
            method=_e(f"method_{efa.method}", lang),
            rotation=_e(f"rotation_{efa.rotation}", lang),
            k=efa.n_factors,
            basis=_basis(v, lang),
            cut=fmt_number(LOADING_CUT, lang, 2),
        )
        if efa.n_factors > 1 and efa.rotation == "oblimin":
            note += " " + _e("note_oblique", lang)
        # KMO < 0.5 or Bartlett not significant: kept, but marked at the table itself (title and
        # the note's first sentence), not only among the warnings (review 13, finding 2)
        warn = not_interpretable_note(v, lang)
        mark = "" if warn is None else f" ({_e('not_interpretable', lang)})"
        loadings = loadings_frame(v, dims, lang, reversed_items).rename(
            columns={k: _e(k, lang) for k in ("item", "dimension", "communality")}
            | {
                "primary": _e("primary", lang),
                "cross": _e("cross", lang).format(cut=fmt_number(LOADING_CUT, lang, 2)),
            }
        )
        out.append(
            Table(
                _e("title", lang).format(score=score) + mark,
                loadings,
                formats,
                (),
                # after the warning the method note is a sentence of its own: "Minres (…"
                join_sentences(warn, note[:1].upper() + note[1:] if warn else note, reverse),
                f"{sheet} {v.score}",
                appendix=True,
            )
        )
        var = variance_frame(v, lang)
        var_formats = {c: ".2f" for c in var.columns if c.startswith("r ")}
        var_formats |= {_e("ss_loadings", lang): ".2f", _e("proportion", lang): "pct"}
        var = var.rename(
            columns={k: _e(k, lang) for k in ("factor", "ss_loadings", "proportion")}
            | {c: f"{_e('r_with', lang)} {c[2:]}" for c in var.columns if c.startswith("r ")}
        )
        var_formats = {
            (f"{_e('r_with', lang)} {k[2:]}" if k.startswith("r ") else k): f
            for k, f in var_formats.items()
        }
        out.append(
            Table(
                _e("variance_title", lang).format(score=score) + mark,
                var,
                var_formats,
                (),
                join_sentences(warn, _e("variance_note", lang)),
                f"{sheet} {v.score} {_e('variance_sheet', lang)}",
                appendix=True,
            )
        )
    return out
