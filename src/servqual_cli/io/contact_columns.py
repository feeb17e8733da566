"""Parse a contact file's columns, one at a time, into the tidy frame of
:class:`~servqual_cli.io.contacts.ContactData`: channel, area, the send and reply times, reached,
the queue time, the answer to the question and the bemötande points.

Every value that cannot be used is left out of the KPIs it feeds and logged (file row, column,
value, reason); cells that are empty because the contact did not get that far (the queue time of
an unreached call, the bemötande of an unanswered e-mail) are not exclusions. A column where no
filled cell is valid is refused as the wrong column (:func:`reject_all_bad`).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from servqual_cli.errors import DataError, Location
from servqual_cli.io.cells import (
    YES_NO,
    blank_to_missing,
    fold_text,
    lookup,
    parse_dates,
    parse_numbers,
    reasons,
    to_objects,
)
from servqual_cli.io.contact_values import ANSWERED, CHANNELS, TREATMENT_POINTS
from servqual_cli.io.exclusions import ExclusionLog
from servqual_cli.vocab.date_order import end_before_start


def reject_all_bad(
    valid: np.ndarray, filled: np.ndarray, name: str, what: str, data: ContactContext
) -> None:
    """A column where no filled cell is valid is the wrong column, not a few typos."""
    if filled.any() and not (valid & filled).any():
        first = int(np.flatnonzero(filled)[0])
        raise DataError(
            f"no value in this column is {what} (e.g. {data.values(name)[first]!r}); "
            "is it the right column?",
            Location(data.source, data.sheet, int(data.rows[first]), name),
            code="contacts_no_valid_value",
            facts={"what": what, "value": data.values(name)[first]},
        )


@dataclass(frozen=True)
class ContactContext:
    """The selected rows of a table, for parsing and logging one column at a time."""

    frame: pd.DataFrame
    rows: np.ndarray
    source: str
    sheet: str | None
    municipality: np.ndarray

    def values(self, name: str) -> np.ndarray:
        return self.frame[name].to_numpy(dtype=object)


def subset(ctx: ContactContext, keep: np.ndarray) -> ContactContext:
    frame = ctx.frame.loc[keep].reset_index(drop=True)
    return ContactContext(frame, ctx.rows[keep], ctx.source, ctx.sheet, ctx.municipality[keep])


def parse_columns(
    ctx: ContactContext, roles: dict[str, str], years: np.ndarray, log: ExclusionLog
) -> pd.DataFrame:
    n = len(ctx.rows)
    channel_col = roles["channel"]
    channel, blank, bad = lookup(ctx.frame[channel_col], CHANNELS, squeeze=True)
    reject_all_bad(~(blank | bad), ~blank, channel_col, "a channel (telefon or e-post)", ctx)
    log.add(
        ctx.rows, channel_col, ctx.values(channel_col), reasons(n, blank=blank, unparseable=bad)
    )
    keep = ~(blank | bad)
    if not keep.any():
        raise DataError("no contact with a valid channel is left", Location(ctx.source, ctx.sheet),
                        code="contacts_no_channel_left")  # fmt: skip
    ctx, years, channel = subset(ctx, keep), years[keep], channel[keep]
    n = len(ctx.rows)
    phone, email = channel == "phone", channel == "email"
    out = pd.DataFrame(
        {
            "row": ctx.rows.astype(np.int64),
            "municipality": ctx.municipality,
            "year": years.astype(float),
            "channel": channel,
            "area": _areas(ctx, roles.get("area"), log),
        }
    )
    sent, answered, timing_valid = _times(ctx, roles, email, log)
    out["sent_at"], out["answered_at"], out["timing_valid"] = sent, answered, timing_valid
    reached = np.full(n, np.nan)
    if "reached" in roles:
        name = roles["reached"]
        values, blank, bad = lookup(ctx.frame[name], YES_NO)
        reached[phone] = values[phone].astype(float)
        reject_all_bad(phone & ~(blank | bad), phone & ~blank, name, "ja or nej", ctx)
        log.add(ctx.rows, name, ctx.values(name),
                reasons(n, blank=phone & blank, unparseable=phone & bad))  # fmt: skip
    out["reached"] = reached
    out["wait_seconds"] = _waits(ctx, roles.get("wait_seconds"), phone, reached, log)
    answered_q = np.full(n, None, dtype=object)
    if "answered_question" in roles:
        name = roles["answered_question"]
        values, blank, bad = lookup(ctx.frame[name], ANSWERED)
        reject_all_bad(~(blank | bad), ~blank, name, "ja, nej or delvis", ctx)
        log.add(ctx.rows, name, ctx.values(name), reasons(n, blank=blank, unparseable=bad))
        answered_q = values
    out["answered_question"] = answered_q
    out["treatment"] = _treatment(ctx, roles.get("treatment"), out, log)
    return out


def _areas(ctx: ContactContext, name: str | None, log: ExclusionLog) -> np.ndarray:
    n = len(ctx.rows)
    if name is None:
        return np.full(n, None, dtype=object)
    text = ctx.frame[name].astype("string").str.split().str.join(" ")
    text = blank_to_missing(text)
    blank = text.isna().to_numpy(dtype=bool)
    log.add(ctx.rows, name, ctx.values(name), reasons(n, blank=blank))
    # One spelling per area: "Bygglov" and "bygglov " are the same area, shown as first written.
    key = fold_text(text)
    first = text.groupby(key, sort=False).transform("first")
    return to_objects(first)


def _times(
    ctx: ContactContext, roles: dict[str, str], email: np.ndarray, log: ExclusionLog
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    n = len(ctx.rows)
    nat = np.full(n, np.datetime64("NaT"), dtype="datetime64[ns]")
    if "sent_at" not in roles:
        return nat, nat.copy(), np.zeros(n, dtype=bool)
    sent_col = roles["sent_at"]
    sent_times, sent_reason = parse_dates(ctx.frame[sent_col], excel_serials=True)
    sent = sent_times.to_numpy()
    reject_all_bad(~np.isnat(sent), sent_reason != "blank", sent_col, "a date and time", ctx)
    # A missing send time matters only where a reply time is measured: e-mails.
    sent_reason[~email & (sent_reason == "blank")] = None
    log.add(ctx.rows, sent_col, ctx.values(sent_col), sent_reason)
    if "answered_at" not in roles:
        return sent, nat.copy(), np.zeros(n, dtype=bool)
    ans_col = roles["answered_at"]
    answered_times, ans_reason = parse_dates(ctx.frame[ans_col], excel_serials=True)
    # Phone rows have no reply time; whatever is there is unused.
    answered = np.where(email, answered_times.to_numpy(), np.datetime64("NaT"))
    filled = email & (ans_reason != "blank")
    reject_all_bad(email & ~np.isnat(answered), filled, ans_col, "a date and time", ctx)
    ans_reason[(ans_reason == "blank") | ~email] = None  # an empty reply time: never answered
    before = email & ~np.isnat(sent) & ~np.isnat(answered) & end_before_start(sent, answered)
    ans_reason[before] = "end_before_start"
    log.add(ctx.rows, ans_col, ctx.values(ans_col), ans_reason)
    timing_valid = email & ~np.isnat(sent) & pd.isna(ans_reason)
    answered = np.where(timing_valid, answered, np.datetime64("NaT"))
    return sent, answered.astype("datetime64[ns]"), timing_valid.astype(bool)


def _waits(
    ctx: ContactContext,
    name: str | None,
    phone: np.ndarray,
    reached: np.ndarray,
    log: ExclusionLog,
) -> np.ndarray:
    n = len(ctx.rows)
    out = np.full(n, np.nan)
    if name is None:
        return out
    values, why = parse_numbers(ctx.frame[name], clock=True)
    blank, bad = why == "blank", why == "unparseable"
    negative = ~blank & ~bad & (values < 0)
    reject_all_bad(phone & ~(blank | bad), phone & ~blank, name, "a number of seconds", ctx)
    # A blank queue time is missing only for a call that got through.
    blank_reached = phone & blank & (reached == 1)
    why = reasons(n, blank=blank_reached, unparseable=phone & bad, out_of_range=phone & negative)
    log.add(ctx.rows, name, ctx.values(name), why)
    ok = phone & ~(blank | bad | negative)
    out[ok] = values[ok]
    return out


def _treatment(
    ctx: ContactContext, name: str | None, out: pd.DataFrame, log: ExclusionLog
) -> np.ndarray:
    n = len(ctx.rows)
    points = np.full(n, np.nan)
    if name is None:
        return points
    values, blank, bad = lookup(ctx.frame[name], TREATMENT_POINTS)
    reject_all_bad(~(blank | bad), ~blank, name, "a bemötande rating", ctx)
    # Contacts that reached someone should have a rating; others are blank by design.
    got_through = (out["reached"].to_numpy() == 1) | out["answered_at"].notna().to_numpy()
    log.add(ctx.rows, name, ctx.values(name),
            reasons(n, blank=blank & got_through, unparseable=bad))  # fmt: skip
    ok = ~(blank | bad)
    points[ok] = values[ok].astype(float)
    return points
