"""Does the data use the declared scale? A warning when no answer reaches one of its ends.

Review 2 item 17: a file with answers 1–6 only was read with the built-in 1–7 scale without a
word, so "Top 2" held the 6s alone and reverse scoring (min + max − x) shifted by one. A scale
whose top (or bottom) point no answer in any item uses is most likely a different scale:
:func:`scale_use` finds it from each column's extremes (one reduction per column, no copy),
before reverse scoring.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import numpy as np

if TYPE_CHECKING:  # pragma: no cover
    from servqual_cli.instruments.model import Instrument


@dataclass(frozen=True)
class ScaleNote:
    """What the reader is told, as data: ``code`` names the situation (the key of its wording
    in :data:`servqual_cli.report.catalog_scale_use.SCALE_USE`) and ``params`` hold its facts,
    as :class:`servqual_cli.core.caveats.Caveat` does for reliability. The io layer says what
    it found; the report says it in Swedish or English
    (:mod:`servqual_cli.report.scale_use_note`)."""

    code: str
    params: Mapping[str, Any]


@dataclass(frozen=True)
class ScaleUse:
    """The declared scale, the lowest and highest answer in any item, and the item count."""

    declared: tuple[float, float]
    used: tuple[float, float]
    n_items: int
    # the file, as the command was given it, for the remedy (review 5, finding 13); not data
    source: str | None = field(default=None, compare=False)

    @property
    def top_unused(self) -> bool:
        return self.used[1] < self.declared[1]

    @property
    def bottom_unused(self) -> bool:
        return self.used[0] > self.declared[0]

    def to_dict(self) -> dict[str, Any]:
        return {
            "declared": list(self.declared),
            "used": list(self.used),
            "n_items": self.n_items,
            "top_unused": self.top_unused,
            "bottom_unused": self.bottom_unused,
        }

    @property
    def warning(self) -> ScaleNote:
        """Which end no answer uses, and the scale the data suggest: code ``scale_unused``
        with the two scales, the unused ends (``"top"``, ``"bottom"``) and the item count.

        >>> ScaleUse((1.0, 7.0), (1.0, 6.0), 44).warning
        ScaleNote(code='scale_unused', params={'declared': (1.0, 7.0), 'used': (1.0, 6.0), \
'ends': ('top',), 'n_items': 44})
        """
        ends = ("top",) * self.top_unused + ("bottom",) * self.bottom_unused
        params = {"declared": self.declared, "used": self.used, "ends": ends,
                  "n_items": self.n_items}  # fmt: skip
        return ScaleNote("scale_unused", params)

    @property
    def remedy(self) -> ScaleNote | None:
        """What to do about it on the command line (review 5, finding 13): code
        ``scale_remedy`` with the file (``None`` for standard input) and the scale the data
        use. None without a source file (the report's warning names no command).

        >>> ScaleUse((1.0, 7.0), (1.0, 5.0), 44, "enkät.xlsx").remedy
        ScaleNote(code='scale_remedy', params={'file': 'enkät.xlsx', 'scale': (1.0, 5.0)})
        >>> ScaleUse((1.0, 7.0), (1.0, 5.0), 44).remedy is None
        True
        """
        if self.source is None:
            return None
        file = self.source if self.source != "<stdin>" else None
        return ScaleNote("scale_remedy", {"file": file, "scale": self.used})


def scale_use(
    matrices: Mapping[str, np.ndarray],
    scale: tuple[float, float],
    reversed_positions: Sequence[int] = (),
) -> ScaleUse | None:
    """The scale's use when no answer in any item reaches its top or bottom point, else None.

    ``matrices`` are role -> (n_rows, n_items) scores after reverse scoring (NaN = missing);
    the columns at ``reversed_positions`` are read back as answered (min + max − x). No answer
    at all gives None (there is nothing to judge).

    >>> m = np.array([[1.0, 6.0], [3.0, np.nan]])
    >>> scale_use({"p": m}, (1.0, 7.0)).used
    (1.0, 6.0)
    >>> scale_use({"p": m}, (1.0, 6.0)) is None
    True
    >>> scale_use({"p": m}, (1.0, 7.0), reversed_positions=[0]).used  # answers 7 and 5
    (5.0, 7.0)
    """
    lo, hi = scale
    rev = np.zeros(0, dtype=np.intp) if not reversed_positions else np.asarray(reversed_positions)
    if _both_ends_early(matrices, lo, hi, rev):  # the usual file: no pass over every cell
        return None
    top, bottom, n_items = -np.inf, np.inf, 0
    for m in matrices.values():
        if m.size == 0:
            continue
        col_max = np.fmax.reduce(m, axis=0)  # NaN only for a column without any answer
        col_min = np.fmin.reduce(m, axis=0)
        if rev.size:
            col_max[rev], col_min[rev] = lo + hi - col_min[rev], lo + hi - col_max[rev]
        n_items += m.shape[1]
        if not np.isnan(col_max).all():
            top = max(top, float(np.nanmax(col_max)))
            bottom = min(bottom, float(np.nanmin(col_min)))
    if not np.isfinite(top) or (top >= hi and bottom <= lo):
        return None
    return ScaleUse((float(lo), float(hi)), (bottom, top), n_items)


HEAD_ROWS = 4096


def _both_ends_early(
    matrices: Mapping[str, np.ndarray], lo: float, hi: float, rev: np.ndarray
) -> bool:
    """Both scale ends among the first :data:`HEAD_ROWS` answers of the non-reversed items
    (then :func:`scale_use` is None without reading the rest; a 1M-row file costs ~0.2 s)."""
    top = bottom = False
    for m in matrices.values():
        head = np.delete(m[:HEAD_ROWS], rev, axis=1) if rev.size else m[:HEAD_ROWS]
        top = top or bool((head == hi).any())
        bottom = bottom or bool((head == lo).any())
    return top and bottom


def instrument_scale_use(
    matrices: Mapping[str, np.ndarray], instrument: Instrument, source: str | None = None
) -> ScaleUse | None:
    """:func:`scale_use` of the instrument's item matrices (its scale and reversed items);
    ``source`` (the file) gives the warning its remedy."""
    reverse = set(instrument.reverse)
    positions = [k for k, item in enumerate(instrument.items) if item in reverse]
    use = scale_use(matrices, instrument.scale, positions)
    if use is None or source is None:
        return use
    return ScaleUse(use.declared, use.used, use.n_items, source)
