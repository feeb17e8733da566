"""One municipality's KPIs against the other participating municipalities.

For each KPI (area total) the benchmark is the unweighted mean of the *other* municipalities'
values, as a municipal memo compares itself with "genomsnittet för deltagande kommuner"; the
rank counts this municipality among all of them, 1 = best, honouring the KPI's direction (for a
queue time the shortest is best). Tied values share the better rank. The comparison describes;
it does not test (the other municipalities are the population, not a sample).

``side_of_mean`` (``above``, ``below`` or ``at``) says where this municipality's value (at the
published precision) lies against the others' mean, by the sign of ``diff`` alone: a position,
not a judgement, since above is better for a share and worse for a queue time (review 11b: the
former ``relative`` said "worse" by the sign beside a ``verdict`` "same"). It is null where the
KPI is unranked.

Two judgements stand beside the rank (issue 9, item 4):

* ``verdict`` (``better``, ``same`` or ``worse``) from this municipality's own confidence
  interval against the others' mean: ``better`` only when the whole interval lies on the better
  side of the mean, ``worse`` only when it lies wholly on the worse side, ``same`` otherwise, so a
  difference the data cannot tell from zero is never "worse". The interval is the KPI's own
  (Wilson for a share, the distribution-free order-statistic interval for a median, Student t
  for the treatment index): ``verdict_method`` names it (``wilson_interval``,
  ``median_interval``, ``t_interval``). A value without an interval (read from the benchmark
  file rather than computed from contacts) is judged the Kolada way by rank thirds instead
  (``verdict_method`` ``rank_thirds``: top third ``better``, middle ``same``, bottom ``worse``).
* ``rank_third`` (``green``, ``yellow``, ``red``): Kolada's colours, "the best results green,
  the worst red, the middle yellow" [1]_, as thirds of the ranking:
  ``third = ceil(3 * rank / n_municipalities)``.

This municipality's values come from the contacts being analysed, never from the benchmark file:
the file supplies the other municipalities only. Its own row in the file, if any, is left out of
the others and kept as ``file_value`` for a note when the two differ.

Rank and difference are on the **published precision** (:data:`RANK_BASIS`): the others' values
are published rounded (Kolada: one decimal, in percent for shares), so this municipality's value
is rounded the same way (:func:`published_precision`, half away from zero) before it is ranked
and before ``diff`` is taken; ties share the best rank. Comparing an unrounded 74.07 % with
others' 74.1 % would rank it below every municipality that published the same 74.1 % (19th of
30 where ``servqual kolada`` on the published value says 16th). ``value`` and its interval stay
unrounded. When the benchmark file is a contact log the others' values are computed, not
published: nothing is rounded and equal fractions tie (:data:`RANK_BASIS_COMPUTED`, review 16
finding 5).

References
----------
.. [1] RKA, Kolada, "Guide till tabeller och diagram" (https://www.kolada.se, Jämföraren): for
   each KPI all municipalities are ranked; the best get green, the worst red, the middle yellow.
.. [2] Wilson, E. B. (1927). *JASA* 22(158), 209-212.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from servqual_cli.core.contacts import SPECS, contact_kpis
from servqual_cli.core.published_rank import (
    RANK_BASIS,
    RANK_BASIS_COMPUTED,
    published_precision,
    rank_at_published,
    round_half_away,
)
from servqual_cli.core.results import records

if TYPE_CHECKING:
    from servqual_cli.vocab.inputs import BenchmarkData

__all__ = [
    "BENCHMARK_COLUMNS",
    "FILE_TOLERANCE",
    "RANK_BASIS_COMPUTED",
    "Benchmark",
    "benchmark_kpis",
    "benchmark_verdicts",
    "published_precision",
    "rank_at_published",
    "rank_benchmark",
    "rank_thirds",
    "round_half_away",
]

BENCHMARK_COLUMNS = ["kpi", "channel", "value", "ci_low", "ci_high", "others_mean", "diff", "rank",
                     "n_municipalities", "others_min", "others_max", "side_of_mean", "verdict",
                     "verdict_method", "rank_third", "file_value"]  # fmt: skip
INTERVAL_METHODS = {"share": "wilson_interval", "median": "median_interval", "index": "t_interval"}
THIRDS = ("green", "yellow", "red")
VERDICT_RULE = (
    "better/worse only when this municipality's whole confidence interval lies on one side of "
    "the others' mean, else same; without an interval, by rank thirds (top third better, "
    "bottom third worse); rank_third = ceil(3 * rank / n_municipalities): green, yellow, red"
)


def rank_thirds(rank: pd.Series, n: pd.Series) -> pd.Series:
    """Kolada's colour of a rank among ``n`` municipalities (1 = best), by thirds.

    ``ceil(3 * rank / n)``: 1 is green, 2 yellow, 3 red; None where the rank is None or the
    municipality is alone (n < 2).

    >>> rank_thirds(pd.Series([1, 3, 4, 6, 7, 10, None]), pd.Series([10] * 7)).tolist()
    ['green', 'green', 'yellow', 'yellow', 'red', 'red', None]
    """
    r = pd.to_numeric(rank, errors="coerce").to_numpy(dtype=float)
    total = n.to_numpy(dtype=float)
    third = np.ceil(np.round(3.0 * r / total, 12))
    colour = np.select([third <= 1, third == 2, third >= 3], list(THIRDS), "")
    alone = ~(total >= 2)  # a municipality alone has no position among others
    return pd.Series(colour, index=rank.index, dtype=object).where(~np.isnan(r) & ~alone, None)


def benchmark_verdicts(
    value: pd.Series,
    ci_low: pd.Series,
    ci_high: pd.Series,
    others_mean: pd.Series,
    direction: np.ndarray,
    kind: pd.Series,
    third: pd.Series,
) -> tuple[pd.Series, pd.Series]:
    """``verdict`` and ``verdict_method`` per KPI (see the module docstring).

    >>> one = lambda x: pd.Series([x])
    >>> v, m = benchmark_verdicts(one(0.78), one(0.65), one(0.87), one(0.785), np.array([1.0]),
    ...                           one("share"), one("yellow"))
    >>> v.tolist(), m.tolist()
    (['same'], ['wilson_interval'])
    >>> v, m = benchmark_verdicts(one(0.6), one(0.5), one(0.7), one(0.8), np.array([1.0]),
    ...                           one("share"), one("yellow"))
    >>> v.tolist()
    ['worse']
    >>> v, m = benchmark_verdicts(one(30.0), one(float("nan")), one(float("nan")), one(50.0),
    ...                           np.array([-1.0]), one("median"), one("green"))
    >>> v.tolist(), m.tolist()
    (['better'], ['rank_thirds'])
    """
    lo = ci_low.to_numpy(dtype=float)
    hi = ci_high.to_numpy(dtype=float)
    mean = others_mean.to_numpy(dtype=float)
    up = direction > 0
    better = np.where(up, lo > mean, hi < mean)
    worse = np.where(up, hi < mean, lo > mean)
    by_interval = np.select([better, worse], ["better", "worse"], "same")
    from_third = third.map({"green": "better", "yellow": "same", "red": "worse"})
    has_interval = ~np.isnan(lo) & ~np.isnan(hi)
    ranked = value.notna().to_numpy() & ~np.isnan(mean)
    verdict = pd.Series(np.where(has_interval, by_interval, from_third.to_numpy(dtype=object)),
                        index=value.index, dtype=object).where(ranked, None)  # fmt: skip
    method = pd.Series(np.where(has_interval, kind.map(INTERVAL_METHODS).to_numpy(dtype=object),
                                "rank_thirds"), index=value.index, dtype=object)  # fmt: skip
    return verdict, method.where(ranked & verdict.notna().to_numpy(), None)


FILE_TOLERANCE = 0.05  # display units (percentage points, index points, seconds, hours)


def benchmark_kpis(values: pd.DataFrame, computed: bool = False) -> pd.DataFrame:
    """This municipality's value, the others' mean, min and max, and its rank per KPI.

    Parameters
    ----------
    values : DataFrame
        One row per municipality, KPI and channel: columns ``municipality``, ``kpi``,
        ``channel``, ``value`` and ``is_this`` (True on this municipality's rows, one per KPI);
        optionally ``ci_low`` and ``ci_high``, the interval of this municipality's value.
        KPIs without a direction (the "delvis" shares) and KPIs no other municipality has are
        left out. A KPI the others have but this municipality lacks (no e-mails measured) is
        kept, unranked: ``value``, ``diff`` and ``side_of_mean`` null and ``rank`` None.
    computed : bool
        True when the others' values were computed from a contact log, not published: ranked
        unrounded (:data:`RANK_BASIS_COMPUTED`), not at an inferred published precision.

    Returns
    -------
    DataFrame
        :data:`BENCHMARK_COLUMNS`; ``side_of_mean`` is ``above``, ``below`` or ``at`` the
        others' mean by the sign of ``diff`` alone (a position, not a judgement: ``verdict`` is
        the judgement, ``verdict_method`` its method, ``rank_third`` Kolada's colour). ``rank``
        holds Python ints (None: unranked).
        ``file_value`` is null here; :func:`rank_benchmark` fills it.

    Examples
    --------
    >>> v = pd.DataFrame({"municipality": ["A", "B", "C"] * 2,
    ...     "kpi": ["phone_reached"] * 3 + ["phone_wait_seconds_median"] * 3,
    ...     "channel": "phone", "value": [0.8, 0.9, 0.7, 56.0, 72.0, 40.0],
    ...     "is_this": [True, False, False] * 2})
    >>> cols = ["kpi", "others_mean", "rank", "side_of_mean", "verdict", "rank_third"]
    >>> benchmark_kpis(v)[cols].values.tolist()  # doctest: +NORMALIZE_WHITESPACE
    [['phone_reached', 0.8, 2, 'at', 'same', 'yellow'],
     ['phone_wait_seconds_median', 56.0, 2, 'at', 'same', 'yellow']]
    >>> v.loc[0, "value"] = 0.95  # above the others' mean 0.8: better for a share
    >>> v.loc[3, "value"] = 80.0  # above the others' 56 s: worse for a wait
    >>> benchmark_kpis(v)[cols].values.tolist()  # doctest: +NORMALIZE_WHITESPACE
    [['phone_reached', 0.8, 1, 'above', 'better', 'green'],
     ['phone_wait_seconds_median', 56.0, 3, 'above', 'worse', 'red']]
    """
    directed = [name for name, spec in SPECS.items() if spec.direction != 0]
    v = values[values["kpi"].isin(directed) & values["value"].notna()]
    keys = ["kpi", "channel"]
    if "ci_low" not in v:  # published values carry no interval
        v = v.assign(ci_low=np.nan, ci_high=np.nan)
    this = v[v["is_this"]].drop_duplicates(keys)[[*keys, "value", "ci_low", "ci_high"]]
    others = v[~v["is_this"]]
    stats = others.groupby(keys, sort=False)["value"].agg(
        others_mean="mean", others_min="min", others_max="max", n_others="count"
    )
    out = stats.reset_index().merge(this, on=keys, how="left")
    direction = out["kpi"].map(lambda k: SPECS[k].direction).to_numpy(dtype=float)
    # Rank = 1 + the number of others strictly better (ties share the better rank), with this
    # municipality's value at the others' published precision (RANK_BASIS).
    directions = {name: float(spec.direction) for name, spec in SPECS.items()}
    scales = {name: 100.0 for name, spec in SPECS.items() if spec.unit in ("share", "index")}
    at = rank_at_published(
        out[[*keys, "value"]], others, keys, directions, scales, published=not computed
    )
    out["published"] = at["published"]
    ranked = out["value"].notna().to_numpy()
    n_better = at["n_better"].to_numpy(dtype=np.int64)
    out["rank"] = pd.Series(
        [int(b) + 1 if r else None for b, r in zip(n_better, ranked, strict=True)],
        index=out.index,
        dtype=object,
    )
    out["n_municipalities"] = out["n_others"].astype(np.int64) + 1
    out["diff"] = out["published"] - out["others_mean"]
    # the side by the sign alone, rounded at 12 decimals so that a tie at the published
    # precision (74.1 against a mean of 74.1) is "at", not a float's 1e-15 above
    sign = np.sign(np.round(out["diff"].to_numpy(dtype=float), 12))
    side = np.select([sign > 0, sign < 0], ["above", "below"], "at")
    out["side_of_mean"] = pd.Series(side, index=out.index, dtype=object).where(ranked, None)
    out["rank_third"] = rank_thirds(out["rank"], out["n_municipalities"])
    kind = out["kpi"].map(lambda k: SPECS[k].kind)
    out["verdict"], out["verdict_method"] = benchmark_verdicts(
        out["value"],
        out["ci_low"],
        out["ci_high"],
        out["others_mean"],
        direction,
        kind,
        out["rank_third"],
    )
    out["file_value"] = np.nan
    order = out["kpi"].map({name: i for i, name in enumerate(SPECS)})
    channel = out["channel"].map({"phone": 0, "email": 1, "ALL": 2})
    out = out.assign(_o=order, _c=channel).sort_values(["_o", "_c"], kind="stable")
    return out[BENCHMARK_COLUMNS].reset_index(drop=True)


@dataclass(frozen=True)
class Benchmark:
    """This municipality's KPIs (:func:`benchmark_kpis`) against the others of a benchmark file.

    ``this_from_own`` when this municipality's values were computed from the analysed contacts
    (JSON ``this_from``: ``own file``); else (no contacts given) from the benchmark file's row
    for it (``benchmark file``).

    ``this_year`` is the period of this municipality's values as the output labels it (the
    analysed year's label, e.g. ``"2020"``); None when they come from the benchmark file, whose
    year they share. A benchmark file read without a year gives its latest one, which can be
    earlier than the analysed year (Kolada publishes months later): then ``same_year`` is False
    and every number of the table sets this municipality's year against the others' earlier
    one (t-slope, session 13).
    """

    source: BenchmarkData
    kpis: pd.DataFrame
    this_from_own: bool
    this_year: str | None = None

    @property
    def others_year(self) -> str | None:
        """The year of the other municipalities' values (the benchmark file's), as text."""
        return None if self.source.year is None else str(self.source.year)

    @property
    def shown_this_year(self) -> str | None:
        """The period of this municipality's values: its label, else the file's year."""
        return self.others_year if self.this_year is None else self.this_year

    @property
    def same_year(self) -> bool | None:
        """True when both sides are of one year; False when they are of different years; None
        when either is unknown (a label that names no year).

        >>> from types import SimpleNamespace
        >>> def of(others, this):
        ...     return Benchmark(SimpleNamespace(year=others), pd.DataFrame(), True, this)
        >>> of(2019, "2020").same_year, of(2020, "2020").same_year, of(2019, None).same_year
        (False, True, True)
        >>> of(2019, "enkat_ny").same_year is None
        True
        """
        this, others = self.shown_this_year, self.others_year
        if this is None or others is None:
            return None
        if this == others:
            return True
        return False if this.isdigit() else None

    @property
    def others_computed(self) -> bool:
        """True when the others' values are computed from the file's contacts (not published)."""
        return self.source.contacts is not None

    @property
    def rank_basis(self) -> str:
        """:data:`RANK_BASIS`, or :data:`RANK_BASIS_COMPUTED` for others computed from contacts."""
        return RANK_BASIS_COMPUTED if self.others_computed else RANK_BASIS

    @property
    def unranked(self) -> pd.DataFrame:
        """The KPIs the others have but the analysed contacts cannot compute (no e-mails)."""
        return self.kpis[self.kpis["value"].isna()]

    @property
    def file_differs(self) -> pd.DataFrame:
        """Ranked KPIs whose value in the benchmark file differs from the computed one by more
        than :data:`FILE_TOLERANCE` display units (0.05 percentage points for a share)."""
        if not self.this_from_own or self.same_year is not True:
            # a file row of another (or an unknown) year is no check of the computed value
            return self.kpis.iloc[0:0]
        k = self.kpis
        scale = np.where(k["kpi"].map(lambda n: SPECS[n].unit).isin(["share", "index"]), 100, 1)
        gap = (k["value"] - k["file_value"]).abs().to_numpy(dtype=float) * scale
        return k[np.nan_to_num(gap, nan=0.0) > FILE_TOLERANCE + 1e-9]

    def to_dict(self) -> dict[str, Any]:
        s = self.source
        return {**s.describe(), "this_from": "own file" if self.this_from_own else "benchmark file",
                "this_year": self.shown_this_year, "others_year": self.others_year,
                "same_year": self.same_year,
                "n_average_rows": s.n_average_rows, "excluded": s.excluded,
                "verdict_rule": VERDICT_RULE, "rank_basis": self.rank_basis,
                "kpis": records(self.kpis)}  # fmt: skip


def rank_benchmark(
    data: BenchmarkData,
    own: pd.DataFrame | None = None,
    conf: float = 0.95,
    own_year: str | None = None,
) -> Benchmark:
    """Rank this municipality among the others of a benchmark file.

    Parameters
    ----------
    data : BenchmarkData
        From :func:`~servqual_cli.io.measurement.read_benchmark`: published values, or contact
        rows that give each municipality's KPIs (all areas).
    own : DataFrame, optional
        This municipality's analysed contacts (``ContactData.frame`` of the after year). When
        given, its values are always computed from them, for the KPIs the others have; the
        file's row for this municipality is left out of the others and reported as
        ``file_value``. A KPI the contacts cannot compute is kept unranked (``rank`` None).
        Without ``own`` the file's row for this municipality is used (``this_from`` is then
        ``benchmark file``).
    conf : float
        Confidence level of the KPIs computed from contacts.
    own_year : str, optional
        The period label of ``own`` (the analysed year), kept as ``Benchmark.this_year`` so the
        output can name both years when the file's year is another one.
    """
    if data.contacts is not None:
        keys = ("municipality", "is_this")  # is_this is one value per municipality
        kp = contact_kpis(data.contacts, keys=keys, by_area=False, conf=conf)
        values = kp[["municipality", "kpi", "channel", "value", "ci_low", "ci_high"]].assign(
            is_this=kp["is_this"].astype(bool)
        )
    else:
        if data.values is None:  # not user input: an invariant of the caller
            raise RuntimeError("internal: data.values is missing")
        values = data.values
    index = ["kpi", "channel"]
    in_file = values[values["is_this"] & values["value"].notna()].drop_duplicates(index)
    file_value = in_file[[*index, "value"]].rename(columns={"value": "file_value"})
    from_own = own is not None
    if own is not None:
        values = values[~values["is_this"]]
        mine = contact_kpis(own, keys=(), by_area=False, conf=conf)
        published = pd.MultiIndex.from_frame(values[index])
        mine = mine[pd.MultiIndex.from_frame(mine[index]).isin(published)]
        mine = mine[["kpi", "channel", "value", "ci_low", "ci_high"]]
        values = pd.concat([values, mine.assign(municipality=data.municipality, is_this=True)],
                           ignore_index=True)  # fmt: skip
    kpis = benchmark_kpis(values, computed=data.contacts is not None)
    filled = kpis.drop(columns="file_value").merge(file_value, on=index, how="left")
    this_year = own_year if from_own else None
    return Benchmark(data, filled[BENCHMARK_COLUMNS], from_own, this_year)
