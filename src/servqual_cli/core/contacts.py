"""KPIs of a service measurement by test contacts (servicemätning via telefon och e-post).

Input is the tidy contact frame of :func:`servqual_cli.io.contacts.load_contacts` (one row per
call or e-mail). Every KPI is computed per channel, per area and in total (area ``"ALL"``), from
the contacts where its value is known:

=============================== ======= ======================================================
KPI                             channel definition
=============================== ======= ======================================================
phone_reached                   phone   calls with reached = ja / calls with ja or nej
phone_answered_question         phone   calls with answered_question = ja / all calls
phone_answered_question_partly  phone   ... = delvis / all calls
phone_wait_seconds_median       phone   median queue time of calls that reached a person
email_within_1_working_day      email   e-mails answered within 1 working day / e-mails (rule below)
email_within_2_working_days     email   ... within 48 working-day hours
email_response_hours_median     email   median working-day hours to the reply (answered only)
email_answered_question         email   e-mails with answered_question = ja / all e-mails
email_answered_question_partly  email   ... = delvis / all e-mails
answered_question               ALL     contacts with answered_question = ja / all contacts
answered_question_partly        ALL     ... = delvis / all contacts
treatment_index                 each    bemötande points (3/2/1/0) / (3 x rated contacts)
treatment_good_or_better        each    rated god or mycket god / rated contacts
=============================== ======= ======================================================

"Within N working days" follows ``email_rule`` (:mod:`servqual_cli.core.email_rule`: ``24h``,
the default, ``next-day`` or ``office-hours=08-17``); the median reply time is always in
working-day hours as defined next. Working-day time counts only hours on Swedish working
days (Monday-Friday except public holidays, midsommarafton, julafton and nyårsafton), each
working day 24 hours of wall-clock time
(:func:`servqual_cli.core.calendar.working_hours_between`): an e-mail sent Friday 15:00 and
answered Monday 10:00 took 19 working hours. Unanswered e-mails count as not within the limit;
e-mails whose times are unusable (a reply time that is not a date, or before the e-mail) are
left out of the e-mail timing KPIs only.

References
----------
.. [1] SKR, Kommunens Kvalitet i Korthet (KKiK): e-mail answered within one working day, simple
   question answered by phone, bemötande points mycket god 3, god 2, medelgod 1, dålig 0.
.. [2] Wilson, E. B. (1927). Probable inference, the law of succession, and statistical
   inference. *JASA* 22(158), 209-212.
.. [3] Conover, W. J. (1999). *Practical Nonparametric Statistics*, 3rd ed., section 3.2.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from servqual_cli.core.calendar import working_hours_between
from servqual_cli.core.duration_summary import quantile_ci
from servqual_cli.core.email_rule import EmailRule
from servqual_cli.core.inference import one_sample_t
from servqual_cli.core.proportions import wilson_ci
from servqual_cli.core.wait_basis import wait_mask
from servqual_cli.vocab.contacts import ALL, KPI_COLUMNS, KPIS, SPECS, TREATMENT_LABELS, KpiSpec

__all__ = [
    "ALL",
    "CI_METHODS",
    "KPIS",
    "KPI_COLUMNS",
    "KpiSpec",
    "area_sort_key",
    "contact_kpis",
    "kpi_observations",
    "summarise_observations",
    "treatment_counts",
]

_KPI_ORDER = {spec.name: i for i, spec in enumerate(KPIS)}
_CHANNEL_ORDER = {"phone": 0, "email": 1, ALL: 2}
# Swedish alphabetical order puts å, ä, ö after z; these stand-ins sort just after "z".
_SWEDISH = str.maketrans({"å": "{", "ä": "|", "ö": "}", "æ": "|", "ø": "}"})


def area_sort_key(area: pd.Series) -> pd.Series:
    """Sort key for areas: the total first, then Swedish alphabetical order.

    >>> s = pd.Series(["äldreomsorg", "ALL", "bygglov", "öppen förskola", "åtgärd"])
    >>> s.iloc[area_sort_key(s).argsort()].tolist()
    ['ALL', 'bygglov', 'åtgärd', 'äldreomsorg', 'öppen förskola']
    """
    text = area.astype("string").str.casefold().str.translate(_SWEDISH).fillna("~")
    return text.where(area.ne(ALL).fillna(True).astype(bool), "")


def kpi_observations(
    contacts: pd.DataFrame,
    keys: Sequence[str] = ("year",),
    by_area: bool = True,
    email_rule: EmailRule | None = None,
) -> pd.DataFrame:
    """One row per contact and KPI it counts towards: the raw material of every KPI and test.

    Parameters
    ----------
    contacts : DataFrame
        The tidy contact frame (see :class:`servqual_cli.io.contacts.ContactData`).
    keys : sequence of str
        Contact columns kept on each observation (e.g. ``year``, ``municipality``).
    by_area : bool
        Also emit per-area observations; the total (area ``"ALL"``) is always emitted.
    email_rule : EmailRule, optional
        When an e-mail counts as answered within 1 or 2 working days
        (:mod:`servqual_cli.core.email_rule`; default ``24h``, 24 working-day hours a day).

    Returns
    -------
    DataFrame
        Columns ``*keys, channel, area, kpi, x``: ``x`` is 1.0/0.0 for shares, the time for
        medians and points / 3 for the treatment index.

    Examples
    --------
    >>> c = pd.DataFrame({"year": [2020.0] * 3, "channel": ["phone", "phone", "email"],
    ...     "area": ["bygglov", "skola", "bygglov"], "reached": [1.0, 0.0, np.nan],
    ...     "wait_seconds": [40.0, np.nan, np.nan], "answered_question": ["yes", "no", "partly"],
    ...     "treatment": [2.0, np.nan, 3.0],
    ...     "sent_at": pd.to_datetime(["2024-05-31 10:00"] * 2 + ["2024-05-31 15:00"]),
    ...     "answered_at": pd.to_datetime([None, None, "2024-06-03 10:00"]),
    ...     "timing_valid": [False, False, True]})
    >>> obs = kpi_observations(c, by_area=False)
    >>> obs.loc[obs.kpi == "email_response_hours_median", "x"].tolist()
    [19.0]
    >>> obs.loc[obs.kpi == "answered_question", "x"].tolist()
    [1.0, 0.0, 0.0]
    """
    keys = list(keys)
    c = contacts
    phone = c["channel"].eq("phone").to_numpy(dtype=bool)
    email = c["channel"].eq("email").to_numpy(dtype=bool)
    answer = c["answered_question"]
    has_answer = answer.notna().to_numpy(dtype=bool)
    is_yes = answer.eq("yes").fillna(False).to_numpy(dtype=float)
    is_partly = answer.eq("partly").fillna(False).to_numpy(dtype=float)
    reached = c["reached"].to_numpy(dtype=float)
    wait = c["wait_seconds"].to_numpy(dtype=float)
    # Queue times of calls that got through. A recorded time with an unknown reached value
    # (none given, or an excluded one such as "kanske") is kept: the file leaves the time empty
    # for unreached calls, so the time itself says the call got through. The notes count these
    # apart (core.wait_basis, review 10a finding 5).
    wait_ok = wait_mask(c)
    timing = c["timing_valid"].to_numpy(dtype=bool) & email
    answered = c["answered_at"].notna().to_numpy(dtype=bool)
    hours = np.full(len(c), np.nan)
    measured = timing & answered
    if measured.any():
        hours[measured] = working_hours_between(
            c["sent_at"].to_numpy()[measured], c["answered_at"].to_numpy()[measured]
        )
    rule = email_rule or EmailRule("24h")
    within = {days: np.zeros(len(c), dtype=bool) for days in (1, 2)}
    if measured.any():
        sent, replied = c["sent_at"].to_numpy()[measured], c["answered_at"].to_numpy()[measured]
        for days in within:
            within[days][measured] = rule.within(sent, replied, days)
    points = c["treatment"].to_numpy(dtype=float)
    rated = ~np.isnan(points)
    parts: list[tuple[str, str, np.ndarray, np.ndarray]] = [
        ("phone_reached", "phone", phone & ~np.isnan(reached), reached),
        ("phone_answered_question", "phone", phone & has_answer, is_yes),
        ("phone_answered_question_partly", "phone", phone & has_answer, is_partly),
        ("phone_wait_seconds_median", "phone", wait_ok, wait),
        ("email_within_1_working_day", "email", timing, within[1] * 1.0),
        ("email_within_2_working_days", "email", timing, within[2] * 1.0),
        ("email_response_hours_median", "email", measured, hours),
        ("email_answered_question", "email", email & has_answer, is_yes),
        ("email_answered_question_partly", "email", email & has_answer, is_partly),
        ("answered_question", ALL, has_answer, is_yes),
        ("answered_question_partly", ALL, has_answer, is_partly),
    ]
    good = (points >= 2.0) * 1.0
    for channel, mask in (("phone", phone), ("email", email), (ALL, np.ones(len(c), bool))):
        parts.append(("treatment_index", channel, mask & rated, points / 3.0))
        parts.append(("treatment_good_or_better", channel, mask & rated, good))
    # Gather row positions and values of every KPI, then build one frame: a few array
    # concatenations instead of a frame per KPI.
    parts = [(k, ch, np.flatnonzero(m), x) for k, ch, m, x in parts if m.any()]
    columns = [*keys, "channel", "area", "kpi", "x"]
    if not parts:
        return pd.DataFrame(columns=columns)
    rows = np.concatenate([idx for _, _, idx, _ in parts])
    sizes = [idx.size for _, _, idx, _ in parts]
    total = pd.DataFrame({key: c[key].to_numpy()[rows] for key in keys})
    total["channel"] = np.repeat([ch for _, ch, _, _ in parts], sizes)
    total["area"] = ALL
    total["kpi"] = np.repeat([k for k, _, _, _ in parts], sizes)
    total["x"] = np.concatenate([x[idx] for _, _, idx, x in parts]).astype(float)
    if not by_area or "area" not in c:
        return total[columns]
    areas = c["area"].to_numpy(dtype=object)[rows]
    known = pd.notna(areas)
    per_area = total[known].assign(area=areas[known])
    return pd.concat([total, per_area], ignore_index=True)[columns]


def unanswered_emails(kpis: pd.DataFrame) -> int:
    """E-mails (all areas) with valid timing but no reply: in ``email_within_1_working_day``
    (where they count as not within the limit) but not in ``email_response_hours_median``
    (a time to reply needs a reply). 0 when either KPI is missing.

    ``kpis`` has the columns ``kpi``, ``channel``, ``area`` and ``n`` (:func:`contact_kpis`, one
    year).

    >>> k = pd.DataFrame({"kpi": ["email_within_1_working_day", "email_response_hours_median"],
    ...                   "channel": "email", "area": "ALL", "n": [53, 51]})
    >>> unanswered_emails(k)
    2
    """
    total = kpis[kpis["area"].eq(ALL) & kpis["channel"].eq("email")].set_index("kpi")["n"]
    if not {"email_within_1_working_day", "email_response_hours_median"} <= set(total.index):
        return 0
    gap = int(total["email_within_1_working_day"]) - int(total["email_response_hours_median"])
    return max(gap, 0)


def unreached_calls(kpis: pd.DataFrame) -> tuple[int, int]:
    """(calls with a waiting time, calls that reached no one), all areas: the median queue time
    is over the calls that reached a person; those that did not have no waiting time
    (review 3, finding 10). (0, 0) when either KPI is missing.

    >>> k = pd.DataFrame({"kpi": ["phone_reached", "phone_wait_seconds_median"],
    ...                   "channel": "phone", "area": "ALL", "n": [54, 43], "k": [43, None]})
    >>> unreached_calls(k)
    (43, 11)
    """
    rows = kpis[kpis["area"].eq(ALL) & kpis["channel"].eq("phone")].set_index("kpi")
    if not {"phone_reached", "phone_wait_seconds_median"} <= set(rows.index):
        return 0, 0
    n = rows["n"].astype(float)
    k = rows["k"].astype(float)
    n_wait = int(n["phone_wait_seconds_median"])
    return n_wait, int(n["phone_reached"]) - int(k["phone_reached"])


#: How :func:`summarise_observations` makes each kind of KPI's interval (JSON ``ci_method``).
CI_METHODS = {
    "share": "wilson",  # Wilson score interval, R prop.test(correct = FALSE)
    "median": "order statistics",  # distribution-free, Conover (1999)
    "index": "logit t",  # t interval of mean(points / 3) on the logit scale (delta method)
}


def summarise_observations(
    obs: pd.DataFrame, keys: Sequence[str] = ("year",), conf: float = 0.95
) -> pd.DataFrame:
    """KPI values with n, k and a confidence interval, one row per key, channel, area and KPI.

    Shares: ``k`` successes of ``n``, Wilson score interval (R ``prop.test(correct = FALSE)``).
    Medians: ``k`` None, distribution-free order-statistic interval (Conover 1999).
    Treatment index: ``k`` = points, value = k / (3 n) in [0, 1]; its interval is the Student
    t interval of the mean of points / 3 on the logit scale (delta method, SE / (p (1 - p))),
    transformed back, so it stays within 0-1 (a plain t interval of 3, 3, 3, 2 reaches 118 %).
    An index of exactly 0 or 1 has no logit and no spread: its interval is empty (NaN).

    Returns
    -------
    DataFrame
        Columns ``*keys, channel, area, kpi, n, k, value, ci_low, ci_high``, sorted by keys, KPI,
        channel and area (total first).
    """
    keys = list(keys)
    group_cols = [*keys, "channel", "area", "kpi"]
    if obs.empty:
        return pd.DataFrame(columns=[*keys, *KPI_COLUMNS])
    grouped = obs.groupby(group_cols, sort=False, dropna=False)["x"]
    out = grouped.agg(n="count", total="sum", mean="mean", median="median").reset_index()
    kind = out["kpi"].map(lambda k: SPECS[k].kind).to_numpy(dtype=object)
    n = out["n"].to_numpy(dtype=float)
    share, median, index = kind == "share", kind == "median", kind == "index"
    value = np.where(median, out["median"], out["mean"]).astype(float)
    k = np.full(len(out), np.nan)
    k[share] = np.round(out["total"].to_numpy(dtype=float)[share])
    k[index] = np.round(out["total"].to_numpy(dtype=float)[index] * 3.0)
    value[index] = k[index] / (3.0 * n[index])  # exactly points / maximum, as KKiK defines it
    low, high = np.full(len(out), np.nan), np.full(len(out), np.nan)
    if share.any():
        low[share], high[share] = wilson_ci(k[share], n[share], conf)
    groups = list(grouped.groups.values())  # row labels of each group, in `out` order
    x = obs["x"].to_numpy(dtype=float)
    for i in np.flatnonzero(median):  # a loop over groups (areas x KPIs), not over contacts
        low[i], high[i], _ = quantile_ci(x[np.asarray(groups[i])], 0.5, conf)
    if index.any():
        low[index], high[index] = _mean_intervals(
            [x[np.asarray(groups[i])] for i in np.flatnonzero(index)], conf
        )
    out = out.assign(k=k, value=value, ci_low=low, ci_high=high)
    out["n"] = out["n"].astype(np.int64)
    out["k"] = out["k"].astype("Int64")
    order = pd.DataFrame(
        {
            **{key: out[key] for key in keys},
            "_kpi": out["kpi"].map(_KPI_ORDER),
            "_channel": out["channel"].map(_CHANNEL_ORDER),
            "_area": area_sort_key(out["area"]),
        }
    )
    out = out.iloc[order.sort_values(list(order.columns), kind="stable").index]
    return out[[*keys, *KPI_COLUMNS]].reset_index(drop=True)


def _mean_intervals(samples: list[np.ndarray], conf: float) -> tuple[np.ndarray, np.ndarray]:
    """Logit-scale Student t intervals of each sample's mean (values in [0, 1]), vectorised.

    logit(p) ± t_{n-1} SE / (p (1 - p)), back-transformed: the delta-method interval for a
    mean bounded by 0 and 1 (Agresti 2013, *Categorical Data Analysis*, 3rd ed., §1.4 and
    §16.1), always inside (0, 1). The t quantile and SE come from ``one_sample_t``.
    """
    width = max(len(s) for s in samples)
    matrix = np.full((width, len(samples)), np.nan)
    for j, s in enumerate(samples):
        matrix[: len(s), j] = s
    table = one_sample_t(matrix, conf=conf)
    p = table["mean"].to_numpy(dtype=float)
    # one_sample_t's half-width is t * SE: reuse it on the logit scale.
    half = (table["ci_high"].to_numpy(dtype=float) - p) / (p * (1.0 - p))
    with np.errstate(divide="ignore", invalid="ignore"):
        centre = np.log(p / (1.0 - p))
        low = 1.0 / (1.0 + np.exp(-(centre - half)))
        high = 1.0 / (1.0 + np.exp(-(centre + half)))
    inside = (p > 0) & (p < 1)
    return np.where(inside, low, np.nan), np.where(inside, high, np.nan)


def contact_kpis(
    contacts: pd.DataFrame,
    keys: Sequence[str] = ("year",),
    by_area: bool = True,
    conf: float = 0.95,
    email_rule: EmailRule | None = None,
) -> pd.DataFrame:
    """Every KPI per key (e.g. year), channel, area and in total; see the module docstring.

    Examples
    --------
    >>> c = pd.DataFrame({"year": [2020.0] * 4, "channel": ["phone"] * 4, "area": ["a"] * 4,
    ...     "reached": [1.0, 1.0, 0.0, np.nan], "wait_seconds": [30.0, 50.0, np.nan, np.nan],
    ...     "answered_question": ["yes", "partly", "no", None],
    ...     "treatment": [3.0, 2.0, np.nan, np.nan], "sent_at": pd.NaT, "answered_at": pd.NaT,
    ...     "timing_valid": False})
    >>> t = contact_kpis(c, by_area=False)
    >>> t.loc[t.kpi == "phone_reached", ["n", "k", "value"]].values.tolist()
    [[3, 2, 0.6666666666666666]]
    >>> t.loc[(t.kpi == "treatment_index") & (t.channel == "ALL"), ["n", "k", "value"]].values
    array([[2, 5, 0.8333333333333334]], dtype=object)
    >>> t.loc[t.kpi == "phone_wait_seconds_median", ["n", "value", "ci_low"]].values.tolist()
    [[2.0, 40.0, nan]]
    """
    obs = kpi_observations(contacts, keys, by_area, email_rule)
    return summarise_observations(obs, keys, conf)


def treatment_counts(contacts: pd.DataFrame, keys: Sequence[str] = ("year",)) -> pd.DataFrame:
    """Number of contacts per bemötande rating, per key and channel and in total.

    >>> c = pd.DataFrame({"year": [2020.0] * 3, "channel": ["phone", "email", "email"],
    ...                   "treatment": [3.0, 2.0, 3.0]})
    >>> treatment_counts(c).values.tolist()
    [[2020.0, 'phone', 1, 0, 0, 0], [2020.0, 'email', 1, 1, 0, 0], [2020.0, 'ALL', 2, 1, 0, 0]]
    """
    keys = list(keys)
    rated = contacts[contacts["treatment"].notna()]
    both = pd.concat([rated, rated.assign(channel=ALL)], ignore_index=True)
    labels = both["treatment"].map(TREATMENT_LABELS)
    table = pd.crosstab([both[k] for k in [*keys, "channel"]], labels, dropna=False)
    table = table.reindex(columns=list(TREATMENT_LABELS.values()), fill_value=0).reset_index()
    table.columns.name = None
    order = table["channel"].map(_CHANNEL_ORDER)
    table = table.iloc[pd.DataFrame({**{k: table[k] for k in keys}, "_c": order})
                       .sort_values([*keys, "_c"], kind="stable").index]  # fmt: skip
    return table.reset_index(drop=True)
