"""The exploratory factor analysis as tables a thesis can cite: the pattern matrix per score.

``servqual reliability --validity`` computes an EFA of each score (E, P, gap) as ``psych::fa``
does; these tables show what ``psych::print.fa`` shows: the rotated loadings with each item's
communality (h²), the variance each factor explains and, for an oblique rotation, the factor
correlations. Loadings of at least 0.30 in absolute value count as loadings (the conventional
minimum, Hair et al. 2019, ch. 3), so each item's highest loading and its cross-loadings are
named beside the numbers; every loading is shown, none is blanked.

References
----------
Hair, J. F., Black, W. C., Babin, B. J. & Anderson, R. E. (2019). *Multivariate Data Analysis*
(8th ed.). Cengage. Revelle, W. ``psych::print.fa`` (the layout of loadings, h2, SS loadings,
Proportion Var and the factor correlations).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np
import pandas as pd

from servqual_cli.core.scales import InstrumentReliability, Validity
from servqual_cli.report.catalog import dimension_name, item_name, label, scale_name
from servqual_cli.report.catalog_efa import EFA as _EFA
from servqual_cli.report.numbers import fmt_number
from servqual_cli.report.spec import Table

__all__ = ["LOADING_CUT", "efa_tables", "item_dimensions", "loadings_frame", "variance_frame"]

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


def _factor_list(values: Sequence[str], lang: str) -> str:
    return ", ".join(values) if values else _e("none", lang)


def loadings_frame(v: Validity, dims: Mapping[str, str], lang: str) -> pd.DataFrame:
    """One row per item: dimension, loadings F1…Fm, h², the factor of the highest loading and
    the other factors it loads on (|loading| ≥ :data:`LOADING_CUT`; "none" below the cut)."""
    if v.efa is None:
        raise ValueError("no EFA in this validity result")
    lam = v.efa.loadings
    cols = [str(c) for c in lam.columns]
    absl = np.abs(lam.to_numpy(dtype=float))
    top = absl.argmax(axis=1)
    items = [str(i) for i in lam.index]
    frame = pd.DataFrame(
        {
            "item": [item_name(i, lang) for i in items],
            "dimension": [dimension_name(dims.get(i, "–"), lang) for i in items],
        }
    )
    for c in cols:
        frame[c] = lam[c].to_numpy(dtype=float)
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


def variance_frame(v: Validity) -> pd.DataFrame:
    """One row per factor: SS loadings, their share of the items' total variance (SS / p, as
    psych's "Proportion Var") and, for an oblique rotation, its correlations with the factors."""
    if v.efa is None:
        raise ValueError("no EFA in this validity result")
    ss = v.efa.ss_loadings
    p = len(v.efa.loadings.index)
    frame = pd.DataFrame(
        {
            "factor": [str(c) for c in ss.index],
            "ss_loadings": ss.to_numpy(dtype=float),
            "proportion": ss.to_numpy(dtype=float) / p,
        }
    )
    if v.efa.phi is not None:
        for c in v.efa.phi.columns:
            frame[f"r {c}"] = v.efa.phi[c].to_numpy(dtype=float)
    return frame


def _basis(v: Validity, lang: str) -> str:
    key = "basis_listwise" if v.missing == "listwise" else "basis_pairwise"
    return _e(key, lang).format(n=fmt_number(v.corr_n, lang, 0))


def efa_tables(result: InstrumentReliability, lang: str, sheet: str) -> list[Table]:
    """The pattern matrix and the variance/factor-correlation table of each score's EFA.

    Both are appendix tables in a report (detail for the thesis, not the board). Their Excel
    sheets name the score and the table ("EFA E", "EFA E varians", "EFA P", ...; review 6,
    finding 14: "EFA (2)" … "EFA (5)" did not say which).
    """
    dims = item_dimensions(result)
    out: list[Table] = []
    for v in result.validity:
        if v.efa is None:
            continue
        efa = v.efa
        score = scale_name(v.score, lang)
        cols = [str(c) for c in efa.loadings.columns]
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
        loadings = loadings_frame(v, dims, lang).rename(
            columns={k: _e(k, lang) for k in ("item", "dimension", "communality")}
            | {
                "primary": _e("primary", lang),
                "cross": _e("cross", lang).format(cut=fmt_number(LOADING_CUT, lang, 2)),
            }
        )
        out.append(
            Table(
                _e("title", lang).format(score=score),
                loadings,
                formats,
                (),
                note,
                f"{sheet} {v.score}",
                appendix=True,
            )
        )
        var = variance_frame(v)
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
                _e("variance_title", lang).format(score=score),
                var,
                var_formats,
                (),
                _e("variance_note", lang),
                f"{sheet} {v.score} {_e('variance_sheet', lang)}",
                appendix=True,
            )
        )
    return out
