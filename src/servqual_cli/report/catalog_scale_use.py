"""The words of the scale-use warning (part of the label catalog): no answer reaches an end of
the declared scale (:class:`servqual_cli.io.scale_use.ScaleUse`), and the command that writes
an instrument with the scale the data use.

:data:`SCALE_USE` is ``key: (sv, en)``, keyed by the codes of
:class:`servqual_cli.io.scale_use.ScaleNote` (and the pieces of their sentences);
:mod:`servqual_cli.report.catalog` lists it (``"scale_use."``) and
:mod:`servqual_cli.report.scale_use_note` fills it in. Moved out of the io layer, which
built both languages' sentences itself.
"""

from __future__ import annotations

Pairs = dict[str, tuple[str, str]]

SCALE_USE: Pairs = {
    "scale_unused": (
        "Skalan är angiven som {low}–{high}, men inget svar är {ends} {items}: är det "
        "{used_low}–{used_high}?",
        "Scale declared {low}–{high}, but no answer is {ends} {items}: is it "
        "{used_low}–{used_high}?",
    ),
    "end_top": ("över {value}", "above {value}"),
    "end_bottom": ("under {value}", "below {value}"),
    "ends_or": (" eller ", " or "),
    "in_the_item": ("i påståendet", "in the item"),
    "in_any_item": ("i något av de {n} påståendena", "in any of the {n} items"),
    # review 5, finding 13: the command that writes an instrument for the file
    "scale_remedy": (
        "Om så är fallet: {command} skriver ett instrument för filen; sätt dess "
        "scale = [{low}, {high}] om där står något annat och kör sedan igen med "
        "-i instrument.toml.",
        "If so: {command} writes an instrument for the file; set its scale = "
        "[{low}, {high}] if it says otherwise, then run again with -i instrument.toml.",
    ),
}
