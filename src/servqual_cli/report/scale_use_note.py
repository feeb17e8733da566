"""The scale-use warning in the reader's language, from the codes and facts of
:class:`servqual_cli.io.scale_use.ScaleUse` (wording: :data:`.catalog_scale_use.SCALE_USE`).

Scale points are written as the warning always wrote them, ``f"{v:g}"``, with "−" for a minus
in a Swedish sentence and "-" in an English one (the sign every other English number carries);
the command line keeps the plain digits a user types.

>>> from servqual_cli.io.scale_use import ScaleUse
>>> scale_use_message(ScaleUse((1.0, 7.0), (1.0, 6.0), 44), "en")
'Scale declared 1–7, but no answer is above 6 in any of the 44 items: is it 1–6?'
>>> scale_use_message(ScaleUse((1.0, 7.0), (2.0, 7.0), 1), "sv")
'Skalan är angiven som 1–7, men inget svar är under 2 i påståendet: är det 2–7?'
>>> scale_use_message(ScaleUse((-3.0, 3.0), (-2.0, 3.0), 5), "en")
'Scale declared -3–3, but no answer is below -2 in any of the 5 items: is it -2–3?'
>>> print(scale_use_remedy(ScaleUse((1.0, 7.0), (1.0, 5.0), 44, "enkät.xlsx"), "en"))
If so: servqual describe enkät.xlsx --instrument-template > instrument.toml writes an
instrument for the file; set its scale = [1, 5] if it says otherwise, then run again
with -i instrument.toml.
>>> scale_use_remedy(ScaleUse((1.0, 7.0), (1.0, 5.0), 44), "en")
''
"""

from __future__ import annotations

from servqual_cli.io.scale_use import ScaleUse
from servqual_cli.report.catalog import SCALE_USE, count_text, label
from servqual_cli.report.spec import Section, Text

__all__ = ["scale_use_message", "scale_use_remedy", "scale_use_sections"]


def _word(key: str, lang: str, **fill: object) -> str:
    text = label(key, lang, SCALE_USE)
    return text.format(**fill) if fill else text


def _point(value: float, lang: str) -> str:
    text = f"{value:g}"
    return text.replace("-", "−") if lang == "sv" else text


def scale_use_message(use: ScaleUse, lang: str) -> str:
    """The warning: which end no answer uses, and the scale the data suggest."""
    note = use.warning
    (low, high), (used_low, used_high) = note.params["declared"], note.params["used"]
    value = {"top": used_high, "bottom": used_low}
    ends = _word("ends_or", lang).join(
        _word(f"end_{end}", lang, value=_point(value[end], lang)) for end in note.params["ends"]
    )
    n = note.params["n_items"]
    items = (
        _word("in_the_item", lang) if n == 1 else _word("in_any_item", lang, n=count_text(n, lang))
    )
    return _word(
        note.code, lang, low=_point(low, lang), high=_point(high, lang), ends=ends, items=items,
        used_low=_point(used_low, lang), used_high=_point(used_high, lang),
    )  # fmt: skip


def scale_use_remedy(use: ScaleUse, lang: str) -> str:
    """The command that writes an instrument for the file, and the scale line to check; empty
    without a source file."""
    note = use.remedy
    if note is None:
        return ""
    name = note.params["file"] or "FILE"  # standard input: the user names the file
    if any(c.isspace() for c in name):
        name = f'"{name}"'
    command = f"servqual describe {name} --instrument-template > instrument.toml"
    low, high = (f"{v:g}" for v in note.params["scale"])
    return _word(note.code, lang, command=command, low=low, high=high)


def scale_use_sections(use: ScaleUse | None, lang: str) -> list[Section]:
    """A warning before the tables when no answer reaches an end of the declared scale
    (review 2 item 17: a 1–6 file read as 1–7 shifts reverse scoring and the top boxes), with
    the command that fixes it (review 5, finding 13)."""
    if use is None:
        return []
    text = f"{scale_use_message(use, lang)} {scale_use_remedy(use, lang)}".strip()
    return [Section(title="", blocks=(Text(text, kind="warning"),))]
