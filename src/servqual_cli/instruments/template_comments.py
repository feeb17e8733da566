"""The comments of a starter instrument (:mod:`servqual_cli.instruments.template`): what the
template took on trust, in the run's language (review 11b, finding 5).

The sentences come by key from the caller (the ``tpl_`` keys of
:data:`servqual_cli.report.catalog_describe.DESCRIBE`; this layer may not import the report's
catalog); each is wrapped into ``#`` lines of at most 96 characters.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING

from servqual_cli.io.values import fold

if TYPE_CHECKING:
    from servqual_cli.instruments.template import ScaleColumn

__all__ = ["basic", "code_lines", "label_lines", "left_out_lines", "sayer", "word"]


def word(words: Mapping[str, str], key: str) -> str:
    return words.get(key, key)


def sayer(words: Mapping[str, str]) -> Callable[..., list[str]]:
    """``say(key, **facts)``: the sentence of ``key`` filled in, as comment lines of at most
    96 characters.

    >>> sayer({"k": "Check {what}."})("k", what="it")
    ['# Check it.']
    """
    import textwrap

    def say(key: str, **facts: object) -> list[str]:
        text = word(words, key).format(**facts)
        return ["# " + line for line in textwrap.wrap(text, 94, break_on_hyphens=False)]

    return say


def label_lines(
    chosen: Sequence[ScaleColumn],
    known: dict[str, float],
    scale: tuple[int, int],
    say: Callable[..., list[str]],
) -> list[str]:
    """Which built-in labels the text answers were read with (io.answer_words), with values."""
    seen = {t: int(known[fold(t)]) for c in chosen for t in c.texts if fold(t) in known}
    if not seen:
        return []
    shown = ", ".join(f"{t} = {v}" for t, v in sorted(seen.items(), key=lambda p: (p[1], p[0])))
    n = sum(any(fold(t) in known for t in c.texts) for c in chosen)
    points = scale[1] - scale[0] + 1
    key = "tpl_labels_one" if n == 1 else "tpl_labels_many"
    return say(key, n=n, points=points, lo=scale[0], hi=scale[1], shown=shown)


def code_lines(
    chosen: Sequence[ScaleColumn],
    scale: tuple[int, int],
    say: Callable[..., list[str]],
    words: Mapping[str, str],
    count: Callable[[int], str],
) -> list[str]:
    """``missing = ["99"]`` for a far code beside the scale, with why (review 11, finding 3)."""
    codes = Counter(c.code for c in chosen if c.code is not None)
    if not codes:
        return []
    cells = Counter[int]()
    for c in chosen:
        if c.code is not None:
            cells[c.code] += c.n_code
    lo, hi = scale
    out = []
    for code in sorted(codes):
        n = word(words, "tpl_cell" if cells[code] == 1 else "tpl_cells")
        out += say("tpl_code", code=code, lo=lo, hi=hi, k=count(codes[code]),
                   m=count(len(chosen)), cells=n.format(n=count(cells[code])))  # fmt: skip
    out.append("missing = [" + ", ".join(basic(str(c)) for c in sorted(codes)) + "]")
    return out


def left_out_lines(
    left_out: Sequence[tuple[str, str]],
    unpaired: Sequence[ScaleColumn],
    expected: Sequence[ScaleColumn],
    unpaired_why: str,
    say: Callable[..., list[str]],
) -> list[str]:
    """Every column the template does not use, with why (review 11, finding 3: 38 of 44
    columns left out without a word)."""
    named = {c.name for c in expected}
    rows = [*left_out, *((c.name, unpaired_why) for c in unpaired if c.name not in named)]
    if not rows:
        return []
    return [*say("tpl_left_out"), *(f"#   {basic(n)}: {why}" for n, why in rows)]


def basic(text: str) -> str:
    """A TOML basic string (JSON's escapes are TOML's)."""
    return json.dumps(text, ensure_ascii=False)
