"""The words of the reversed-items note (:mod:`~servqual_cli.report.reverse_note`), spread into
:data:`~servqual_cli.report.catalog_shared.SHARED`: every command that reverses an item says so.
Each entry is ``key: (sv, en)``.

Closing 17: the note of ``alpha --reverse`` was a copy of the instrument's note patched with
``str.replace``; both now fill the same sentence, with the scale clause as a word of its own.
"""

from __future__ import annotations

REVERSE_WORDS: dict[str, tuple[str, str]] = {
    # {items}: "10–13 och 18–22" or "E4 och P11"; {top}: lo + hi; {scale}: rev_scale(_answers)
    "rev_items": (
        "Omvänt formulerade påståenden {items} räknade som {top} − svaret {scale}.",
        "Negatively worded items {items} scored as {top} − the answer {scale}.",
    ),
    "rev_item": (
        "Omvänt formulerat påstående {items} räknat som {top} − svaret {scale}.",
        "Negatively worded item {items} scored as {top} − the answer {scale}.",
    ),
    "rev_scale": ("(skala {lo}–{hi})", "(scale {lo}–{hi})"),
    # `alpha --reverse` without --scale-range: the pivot comes from the answers (review 15, 6)
    "rev_scale_answers": (
        "(skalan från svaren: {lo}–{hi})",
        "(the scale from the answers: {lo}–{hi})",
    ),
    # the zone of tolerance: A and D are reversed as P is, so "D < A" is counted after it
    "rev_tolerance": ("A och D vänds på samma sätt.", "A and D are reversed the same way."),
    # "(omvänt)": the head noun is "påstående", neuter (ett påstående) (review 18, 12)
    "rev_mark": ("omvänt", "reversed"),
}
