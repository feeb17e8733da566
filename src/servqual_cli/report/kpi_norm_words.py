"""Words of a norm judged on a statistic and of the cases beyond it (review 16, finding 1),
spread into :data:`~servqual_cli.report.catalog_kpi.KPI` (which must stay under 400 lines).

A norm on a median time ("Handläggningstid bygglov, norm 70 dagar") was shown as "32,0 dagar
| ≤ 70,0 dagar | ✓ uppfyllt" and "Målet nås": neither cell said median, and 8,5 % of the cases
took longer than the 70 days the law sets for each case. The value and goal now name the
statistic, the cases beyond the norm stand beside the verdict, and a norm is "normen", not
"målet".
"""

from __future__ import annotations

KPI_NORM: dict[str, tuple[str, str]] = {
    # the value with its statistic: "median 32,0 dagar"
    "stat_value_median": ("median {value}", "median {value}"),
    "stat_value_mean": ("medelvärde {value}", "mean {value}"),
    "stat_value_p90": ("90:e percentil {value}", "90th percentile {value}"),
    # what the norm is held against: "norm: medianen ≤ 70 dagar"
    "stat_of_median": ("medianen", "the median"),
    "stat_of_mean": ("medelvärdet", "the mean"),
    "stat_of_p90": ("90:e percentilen", "the 90th percentile"),
    "norm_on": ("norm: {stat} {sign} {norm}", "norm: {stat} {sign} {norm}"),
    # the cases on the wrong side of the norm, beside the verdict; {open}: beyond_norm_open
    "beyond_norm_longer": (
        "{k} av {n} {unit} ({share}{open}) tog längre än {norm}",
        "{k} of {n} {unit} ({share}{open}) took longer than {norm}",
    ),
    "beyond_norm_above": (
        "{k} av {n} {unit} ({share}{open}) låg över {norm}",
        "{k} of {n} {unit} ({share}{open}) were above {norm}",
    ),
    "beyond_norm_below": (
        "{k} av {n} {unit} ({share}) låg under {norm}",
        "{k} of {n} {unit} ({share}) were below {norm}",
    ),
    "beyond_norm_open": ("; varav {k} pågår", "; {k} of them still open"),
    # s18: the open cases still within the norm are in neither count; said, so the base can be
    # matched to the KPI's n (the decided cases, plus the open ones beyond the norm)
    "beyond_norm_open_within": (
        "; pågående {unit} ännu inom normen räknas inte: {k}",
        "; open {unit} still within the norm are not counted: {k}",
    ),
    # the KPI table's note: what the verdict judges, and the cases beyond
    "norm_judged_on": (
        "normen bedöms på {stat}: {beyond}",
        "the norm is judged on {stat}: {beyond}",
    ),
    # the plain-language paragraph: a norm is "normen", never "målet"
    "p_norm_met": ("Normen nås{period} för {items}.", "The norm is met{period} for {items}."),
    "p_norm_not_met_one": (
        "Normen nås inte{period} för {name}: {value}.",
        "The norm is not met{period} for {name}: {value}.",
    ),
    "p_norm_cannot_tell": (
        "Det går inte att avgöra om normen nås{period} för {items}.",
        "The data cannot tell whether the norm is met{period} for {items}.",
    ),
    "p_norm_beyond": ("{name}: {beyond}.", "{name}: {beyond}."),
    # review 17 finding 13: the lead's count leaves out the calls that reached no one (they
    # have no waiting time); said in the same sentence, with the calls in all
    "beyond_reached": (
        "{beyond}, bland de {n} som nådde en person; {k} av {total} samtal nådde ingen",
        "{beyond}, among the {n} that reached a person; {k} of {total} calls reached no one",
    ),
    # the unreached count is every period's when the data hold several (excluded_periods)
    "beyond_reached_periods": (
        "{beyond}, bland de {n} som nådde en person; {k} samtal {periods} nådde ingen",
        "{beyond}, among the {n} that reached a person; {k} calls in {periods} reached no one",
    ),
    # the web card: "Normen för medianen (högst 70,0 dagar) uppfylls"
    "card_norm_stat": ("Normen för {stat} ({bound})", "The norm for {stat} ({bound})"),
}
