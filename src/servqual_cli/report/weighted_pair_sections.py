"""The weighted paired comparison of the dimension gaps, beside the unweighted one.

Review 13, finding 19: a weighted report's lead judges "which gap is largest" on the weighted
gaps the cards show, so the pairs it rests on are the weighted ones
(:func:`~servqual_cli.core.weighted_pairs.weighted_pairs`); this table shows them, so a reader
who checks the lead against "Vilket gap är störst?" finds the test it used and not only the
unweighted one. Everything shown is computed in core.
"""

from __future__ import annotations

import pandas as pd

from servqual_cli.report.catalog import TOOLBOX as TOOLBOX_LABELS
from servqual_cli.report.catalog import count_text, dimension_name, label
from servqual_cli.report.conf_level import level_text
from servqual_cli.report.gap_labels import adjusted_label
from servqual_cli.report.spec import Table

__all__ = ["weighted_pairs_table"]

COLUMNS = ["a", "b", "n", "diff", "se", "ci_low", "ci_high", "t", "df", "p", "p_holm"]
_FORMATS = {"n": "d", "diff": ".2f", "se": ".3f", "ci_low": ".2f", "ci_high": ".2f",
            "t": ".2f", "df": "d", "p": "p", "p_holm": "p"}  # fmt: skip


def _w(key: str, lang: str) -> str:
    return label(f"wpairs_{key}", lang, TOOLBOX_LABELS)


def weighted_pairs_table(
    pairs: pd.DataFrame, column: str, conf: float, lang: str, note_key: str = "note"
) -> Table:
    """The weighted pairs (a, b, n, diff, se, CI, t, df, p, Holm p) as a report table.
    ``note_key``: ``"note_gap"`` in ``servqual gap``, whose output has no "Resultat i korthet".

    >>> p = pd.DataFrame({"a": ["Tangibles"], "b": ["Empathy"], "n": [9], "diff": [0.5],
    ...     "se": [0.2], "ci_low": [0.03], "ci_high": [0.97], "t": [2.5], "df": [7.0],
    ...     "p": [0.04], "p_holm": [0.04]})
    >>> t = weighted_pairs_table(p, "Vikt", 0.95, "sv")
    >>> t.title, list(t.frame.columns)[:4], t.frame.iloc[0, 0]
    ('Viktade parvisa jämförelser av dimensionsgap (Vikt)', ['Dimension A', 'Dimension B', \
'n', 'Viktad skillnad'], 'Fysisk miljö')
    """
    frame = pairs[COLUMNS].copy()
    for c in ("a", "b"):
        frame[c] = [dimension_name(v, lang) for v in frame[c]]
    frame["df"] = frame["df"].astype("Int64")  # whole degrees of freedom, "–" when none
    heads = {c: label(f"w_{c}", lang, TOOLBOX_LABELS) for c in ("n", "se", "t", "df", "p")}
    heads |= {c: label(c, lang, TOOLBOX_LABELS) for c in ("a", "b")}
    heads["diff"] = _w("diff", lang)
    for c in ("ci_low", "ci_high"):
        heads[c] = f"{level_text(conf, lang)} {label(f'w_{c}', lang, TOOLBOX_LABELS)}"
    family = f"{count_text(len(frame), lang)} {_w('pairs', lang)}"
    heads["p_holm"] = adjusted_label("holm", family, lang)
    return Table(
        title=f"{_w('title', lang)} ({column})",
        frame=frame.rename(columns=heads),
        formats={heads[c]: f for c, f in _FORMATS.items()},
        signed=(heads["diff"], heads["ci_low"], heads["ci_high"]),
        note=_w(note_key, lang).format(column=column),
        sheet="Viktade par" if lang == "sv" else "Weighted pairs",
    )
