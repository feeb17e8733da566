"""Which ``--missing-codes`` matched no cell of the items read (review 17, finding 10).

``--missing-codes abc`` on a file whose "Vet ej" is 99 applies nothing, yet the note "”abc”
counted as no answer" reads as if a rule changed the result. The codes are matched against the
texts the run left out as no answer (a handful of distinct texts, from the exclusion log), with
the reader's own matcher (:func:`~servqual_cli.io.values.parse_scale_texts`: "99" matches 99,
99.0 and "99,0"; a word matches whatever its case and spaces), so the note can say which code
no cell holds.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from servqual_cli.io.answer_words import fold
from servqual_cli.io.exclusions import ExclusionLog

__all__ = ["codes_without_cells"]

# The reasons a code's cells are logged under: the option's own ("missing_code", in gap), an
# instrument's or alpha's ("missing_token"), and a code that is a built-in no-answer word.
_NO_ANSWER = ("missing_code", "missing_token", "dont_know", "not_applicable", "not_available")


def codes_without_cells(codes: Sequence[str], log: ExclusionLog | None) -> tuple[str, ...]:
    """The ``codes`` (as given) that no excluded cell holds, in their order.

    >>> log = ExclusionLog("a.csv")
    >>> log.add(np.array([2, 3, 4]), "F1", np.array([99.0, "Vet ej", 5], dtype=object),
    ...         np.array(["missing_token", "dont_know", None], dtype=object))
    >>> codes_without_cells(["99,0", "abc", "vet ej", "5"], log)
    ('abc', '5')
    >>> codes_without_cells([], log)
    ()
    """
    if not codes or log is None:
        return tuple(codes)
    texts = [t for r in _NO_ANSWER for t, _ in log.value_counts(r)]
    if not texts:
        return tuple(codes)
    from servqual_cli.io.values import parse_scale_texts

    cells = np.array(texts, dtype=object)
    folded = {fold(t) for t in texts}
    out = []
    for code in codes:  # a handful of codes, each matched against the distinct texts at once
        reasons = parse_scale_texts(cells, (-np.inf, np.inf), None, (code,))[1]
        if fold(code) not in folded and not (reasons == "missing_token").any():
            out.append(code)
    return tuple(out)
