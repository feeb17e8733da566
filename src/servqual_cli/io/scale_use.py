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

    def message(self, lang: str = "en") -> str:
        """The warning in ``lang``: which end no answer uses, and the scale the data suggest.

        >>> ScaleUse((1.0, 7.0), (1.0, 6.0), 44).message()
        'Scale declared 1–7, but no answer is above 6 in any of the 44 items: is it 1–6?'
        >>> ScaleUse((1.0, 7.0), (2.0, 7.0), 1).message("sv")
        'Skalan är angiven som 1–7, men inget svar är under 2 i påståendet: är det 2–7?'
        """
        lo, hi = (_num(v) for v in self.declared)
        ulo, uhi = (_num(v) for v in self.used)
        sv = lang == "sv"
        ends = []
        if self.top_unused:
            ends.append(f"över {uhi}" if sv else f"above {uhi}")
        if self.bottom_unused:
            ends.append(f"under {ulo}" if sv else f"below {ulo}")
        where = " eller " if sv else " or "
        if sv:
            items = (
                "i påståendet" if self.n_items == 1 else f"i något av de {self.n_items} påståendena"
            )
            return (f"Skalan är angiven som {lo}–{hi}, men inget svar är {where.join(ends)} "
                    f"{items}: är det {ulo}–{uhi}?")  # fmt: skip
        items = "in the item" if self.n_items == 1 else f"in any of the {self.n_items} items"
        return (f"Scale declared {lo}–{hi}, but no answer is {where.join(ends)} {items}: "
                f"is it {ulo}–{uhi}?")  # fmt: skip

    def remedy(self, lang: str = "en") -> str:
        """What to do about it on the command line: the command that writes an instrument for
        the file, whose scale line to check, and ``-i`` (review 5, finding 13). Empty without
        a source file (the report's warning names no command).

        >>> print(ScaleUse((1.0, 7.0), (1.0, 5.0), 44, "enkät.xlsx").remedy())
        If so: servqual describe enkät.xlsx --instrument-template > instrument.toml writes an
        instrument for the file; set its scale = [1, 5] if it says otherwise, then run again
        with -i instrument.toml.
        >>> ScaleUse((1.0, 7.0), (1.0, 5.0), 44).remedy()
        ''
        """
        if self.source is None:
            return ""
        name = self.source if self.source != "<stdin>" else "FILE"
        if any(c.isspace() for c in name):
            name = f'"{name}"'
        lo, hi = (f"{v:g}" for v in self.used)
        command = f"servqual describe {name} --instrument-template > instrument.toml"
        if lang == "sv":
            return (f"Om så är fallet: {command} skriver ett instrument för filen; sätt dess "
                    f"scale = [{lo}, {hi}] om där står något annat och kör sedan igen med "
                    "-i instrument.toml.")  # fmt: skip
        return (
            f"If so: {command} writes an instrument for the file; set its scale = "
            f"[{lo}, {hi}] if it says otherwise, then run again with -i instrument.toml."
        )


def _num(value: float) -> str:
    return f"{value:g}".replace("-", "−")


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
