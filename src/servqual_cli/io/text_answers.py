"""Item columns answered in words, read without a scale (review 11, finding 2).

``servqual alpha`` without ``--scale-range`` has no scale, so no built-in label set applies and
every "Mycket nöjd" is left out as an unparseable cell. An Esmaker export then keeps one number
per column (the "Antal svar" count in its last row), the core finds every item constant and the
user was told the 22 items were "left out for no variance": a data problem that does not exist.
:func:`refuse_text_answers` says the cause and the fix instead: the columns hold answers in
words, the commonest of them with their counts, and the ``--scale-range`` that reads them (the
size of the built-in label set they fall in, else a generic example).

A column counts as answered in words when it has more such cells than numbers; a column that
really holds one number throughout keeps the "no variance" reason, and columns of words no
label set reads and no number at all (a unit name picked by mistake) keep "no numeric value".
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from servqual_cli.errors import DataError, Location
from servqual_cli.io.answer_words import builtin_labels, fold
from servqual_cli.io.exclusions import ExclusionLog

__all__ = ["refuse_text_answers", "scale_for"]

# Share of the word answers a built-in set must read for its size to be the advice (the rest,
# e.g. a combined "Vet ej/Ej aktuellt" box, is left out and counted as before).
_COVER = 0.95
_SHOWN = 3  # labels named in the message, commonest first


def scale_for(counts: dict[str, int]) -> int | None:
    """The number of points of the built-in label set (5 or 7) that reads the answers
    ``counts`` (text -> cells), or None when neither reads nearly all of them. Both sets read
    the shared labels ("Instämmer helt"): then more than five different labels mean 7.

    >>> scale_for({"Mycket nöjd": 9, "Ganska nöjd": 5, "Varken eller": 2})
    5
    >>> scale_for({"Instämmer delvis inte": 3, "Instämmer helt": 4})
    7
    >>> scale_for({"Bra": 3, "Dåligt": 4}) is None
    True
    """
    total = sum(counts.values())
    folded = {fold(t) for t in counts}
    fits = []
    for points in (5, 7):
        known = builtin_labels(1, points)
        read = sum(n for t, n in counts.items() if fold(t) in known)
        if total and read >= _COVER * total:
            fits.append(points)
    if fits == [5, 7]:
        return 7 if len(folded) > 5 else 5
    return fits[0] if fits else None


def refuse_text_answers(
    block: np.ndarray, names: Sequence[str], log: ExclusionLog, where: tuple[str, str | None]
) -> None:
    """Raise a :class:`DataError` (``text_answers_need_scale``, or ``text_answers_no_scale``
    when no built-in set reads them) when any of the item columns ``names`` (rows of ``block``,
    read without a scale) has more answers in words than numbers; else return.
    """
    texts = log.by_column().get("unparseable", {})
    if not texts:  # the usual case: no pass over the block
        return
    numbers = (~np.isnan(block)).sum(axis=1)
    counts = dict(zip(names, numbers.tolist(), strict=True))
    wordy = [n for n in names if texts.get(n, 0) > counts[n]]
    if not wordy:
        return
    frame = log.to_frame()  # only on the way to an error: its cost does not matter
    cells = frame.loc[frame["column"].isin(wordy) & (frame["reason"] == "unparseable"), "value"]
    counted = cells.value_counts(sort=False)
    # commonest first, ties by text: the same file gives the same line
    ranked = sorted(zip(counted.index.astype(str), counted.tolist(), strict=True),
                    key=lambda tn: (-tn[1], tn[0]))  # fmt: skip
    points = scale_for(dict(ranked))
    if points is None and not any(counts[n] for n in wordy):
        return  # words of no scale and not one number ('Söder', 'Norr'): "no numeric value"
    shown = ranked[:_SHOWN]
    more = len(ranked) > _SHOWN
    facts: dict[str, object] = {
        "n": len(wordy),
        "columns": wordy,
        "labels": _listed(shown, more, "en"),
        "labels_sv": _listed(shown, more, "sv"),
        "what": _what(wordy, "en"),
        "what_sv": _what(wordy, "sv"),
        "points": points,
    }
    column = wordy[0] if len(wordy) == 1 else None
    if points is None:
        code = "text_answers_no_scale"
        message = (
            f"{facts['what']} answers in words ({facts['labels']}) that no built-in label set "
            "reads: give the scale (e.g. --scale-range 1,5) if they are labels of a 5- or 7-point "
            "set, else recode them as numbers"
        )
    else:
        code = "text_answers_need_scale"
        message = (
            f"{facts['what']} answers in words ({facts['labels']}) that are read as numbers "
            f"only with a scale: give --scale-range 1,{points}"
        )
    raise DataError(message, Location(where[0], where[1], None, column), code=code, facts=facts)


def _listed(shown: list[tuple[str, int]], more: bool, lang: str) -> str:
    """``'Mycket nöjd' 3986, 'Ganska nöjd' 2570, …`` (Swedish: thousands with a no-break space).

    >>> _listed([("Mycket nöjd", 3986)], True, "sv")
    "'Mycket nöjd' 3\\xa0986, …"
    """
    # the counts as count_text (report.catalog) writes them; io imports no report module
    parts = [f"{text!r} " + (f"{n:,}".replace(",", "\u00a0") if lang == "sv" else str(n))
             for text, n in shown]  # fmt: skip
    return ", ".join(parts + (["…" if lang == "sv" else "..."] if more else []))


def _what(columns: Sequence[str], lang: str) -> str:
    if len(columns) == 1:
        return "kolumnen har" if lang == "sv" else "the column holds"
    return f"{len(columns)} kolumner har" if lang == "sv" else f"{len(columns)} columns hold"
