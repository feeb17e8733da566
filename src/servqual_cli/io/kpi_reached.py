"""Which blank value cells of a KPI belong to a contact that reached no one (split from
:mod:`servqual_cli.io.kpi_data`, which calls :func:`unreached_reasons`).

A test call that reached no one has no waiting time and no rating; an e-mail never answered has
no rating either. Counted as blank cells they read as contacts that skipped the question (review
10a, finding 5: "Uteslutna celler: tomma 13" on "Gott bemötande" were 11 calls that reached no
one and 2 e-mails never answered). So a blank value on such a row gets its own reason:

- ``unreached``: the row's ``unreached`` column holds its answer (the KPI's rule, default
  ``nådd = nej``; the rule of the waiting-time KPI, review 3 finding 10). A value KPI of numbers
  takes the rule from its config; a share KPI uses the default whenever the file has that
  column (its config has no ``unreached`` key: the key is for numbers);
- ``unanswered`` (share KPIs): in a contact file (a channel column, ``kanal``), an e-mail whose
  answer column (``besvarad``) is blank, as :mod:`servqual_cli.core.contacts` counts an e-mail
  without a reply as not answered.

A true blank (a contact that was reached or answered but has no value) stays ``blank``. The
reason changes only the words: the row is left out of the KPI either way, so no value or n
changes.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pandas as pd

from servqual_cli.io.cells import lookup
from servqual_cli.io.columns import ColumnIndex
from servqual_cli.io.contact_values import CHANNELS
from servqual_cli.io.contacts import CONTACT_ROLES
from servqual_cli.io.values import fold
from servqual_cli.vocab.kpi import UNREACHED, KpiSpec

__all__ = ["unreached_reasons"]


def unreached_reasons(
    spec: KpiSpec,
    why: np.ndarray,
    index: ColumnIndex,
    as_text: Callable[[str, str], pd.Series],
    column: Callable[[int], pd.Series],
) -> np.ndarray:
    """The value column's exclusion reasons ``why``, with a blank cell on a row of a contact
    that reached no one given as ``unreached`` (a call, by the ``unreached`` rule) or
    ``unanswered`` (an e-mail without an answer, share KPIs): see the module docstring.

    The default rule applies only when its column is in the file; a rule the config sets must
    find its column (ConfigError naming the key, from ``as_text``). ``column`` reads a column
    of the file by position (the channel and answer columns)."""
    share = spec.statistic == "share"
    rule = UNREACHED if share else spec.unreached
    if rule is None:
        return why
    out = why
    name, answers = rule
    blank = np.asarray(why == "blank", dtype=bool)
    if spec.unreached_given or index.find(name) is not None:  # a rule set must find its column
        reached = as_text("unreached", name).map(fold, na_action="ignore")
        hit = blank & reached.isin([fold(a) for a in answers]).to_numpy(dtype=bool)
        if hit.any():
            out = why.copy()
            out[hit] = "unreached"
    if share and blank.any():
        unanswered = blank & _unanswered_emails(index, column, len(why))
        if unanswered.any():
            out = out.copy()
            out[unanswered] = "unanswered"
    return out


def _unanswered_emails(
    index: ColumnIndex, column: Callable[[int], pd.Series], n: int
) -> np.ndarray:
    """Per row: an e-mail of a contact file (its channel column says e-post) whose answer
    column is blank; all False when the file has no channel or no answer column."""
    channel = index.find_role(CONTACT_ROLES["channel"])
    answered = index.find_role(CONTACT_ROLES["answered_at"])
    if channel is None or answered is None:
        return np.zeros(n, dtype=bool)
    kinds, _, _ = lookup(column(int(channel)), CHANNELS, squeeze=True)
    email = np.asarray(pd.Series(kinds, dtype=object).eq("email"), dtype=bool)
    cells = column(int(answered))
    empty = cells.astype("string").str.strip().eq("").fillna(False)
    return email & (cells.isna().to_numpy(dtype=bool) | empty.to_numpy(dtype=bool))
