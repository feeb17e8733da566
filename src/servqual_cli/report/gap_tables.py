"""The tables of one gap analysis: gaps per dimension and per item, and the overall score,
each with the notes that name its rules (Wilcoxon method, proration, bases, weights)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pandas as pd

from servqual_cli.core.gaps import GapAnalysis
from servqual_cli.core.small_samples import MIN_N
from servqual_cli.report.below_test import flag_below
from servqual_cli.report.catalog import GROUPS as GROUP_LABELS
from servqual_cli.report.catalog import count_text, dimension_name, label
from servqual_cli.report.gap_labels import (
    DIM_COLUMNS,
    ITEM_COLUMNS,
    adjusted_label,
    family_words,
    labelled,
    no_variation_rows,
    small_base_note,
    variation_note,
    with_adjusted,
    with_small_base,
)
from servqual_cli.report.numbers import fmt_number
from servqual_cli.report.spec import Table


def _method_note(result: GapAnalysis, lang: str) -> str:
    """Which signed rank p each row got, and the zero rule, under the table."""
    methods = sorted(
        set(result.dimensions["wilcoxon_method"]) | set(result.items["wilcoxon_method"])
    )
    if lang == "sv":
        methods = [method_sv(m) for m in methods]
    return "p (Wilcoxon): " + "; ".join(methods)


_METHOD_SV = (
    (
        "fewer than 2 nonzero differences, no test",
        "färre än 2 differenser skilda från noll, inget test",
    ),
    ("exact conditional", "exakt betingat"),
    (
        "normal approximation, continuity corrected",
        "normalapproximation med kontinuitetskorrektion",
    ),
    ("normal approximation", "normalapproximation"),
    ("no nonzero difference", "ingen differens skild från noll"),
    ("zeros dropped, Wilcoxon", "nollor uteslutna, Wilcoxon"),
    ("zeros ranked, Pratt", "nollor rangordnade, Pratt"),
)


def method_sv(method: str) -> str:
    """A signed-rank method code in the gap table's Swedish words (public: the Swedish
    workbook's cells say it as the table's note does, :mod:`servqual_cli.cli.output_xlsx_values`).

    >>> method_sv("exact conditional (zeros dropped, Wilcoxon)")
    'exakt betingat (nollor uteslutna, Wilcoxon)'
    """
    for en, sv in _METHOD_SV:
        method = method.replace(en, sv)
    return method


def _prorated_note(result: GapAnalysis, lang: str) -> str:
    """The proration rule and how many respondents it scored from fewer than all items."""
    d = result.dimensions
    names = [dimension_name(k, lang) for k in d["dimension"]]  # the reader's words
    rule = {"half": ("minst hälften av påståendena", "at least half the items"),
            "all": ("alla påståenden", "every item")}.get(result.min_items)  # fmt: skip
    if rule is None:
        rule = _number_rule(result, names)
    counts = ", ".join(
        f"{k} {count_text(n, lang)}" for k, n in zip(names, d["n_prorated"], strict=True)
    )
    if lang == "sv":
        return f"Dimensionspoäng kräver {rule[0]}; svar från färre än alla påståenden: {counts}."
    return f"A dimension score needs {rule[1]}; scored from fewer than all items: {counts}."


def _number_rule(result: GapAnalysis, names: list[str]) -> tuple[str, str]:
    """``--min-items N`` in words that stay true when N is more than a dimension has: such a
    dimension needs every item (review 4, finding 14), and the note says so."""
    n = result.min_items
    sizes = result.items["dimension"].value_counts()
    k = [int(sizes.get(dim, 0)) for dim in result.dimensions["dimension"]]
    fewer = [(name, size) for name, size in zip(names, k, strict=True) if size < int(n)]
    if not fewer:
        return f"minst {n} påståenden", f"at least {n} items"
    if len(fewer) == len(k):
        return (
            f"alla påståenden ({n} är fler än någon dimension har)",
            f"every item ({n} is more than any dimension has)",
        )
    listed = ", ".join(f"{name} {size}" for name, size in fewer)
    return (
        f"minst {n} påståenden (alla i en dimension med färre: {listed})",
        f"at least {n} items (every item in a dimension with fewer: {listed})",
    )


def _base_note(result: GapAnalysis, lang: str) -> str:
    """Two columns give a mean of P on different bases (review item 16): the gap columns use the
    respondents with both E and P (the column n), SERVPERF everyone who answered P."""
    d = result.dimensions
    if "n_servperf" not in d.columns:
        return ""
    names = [dimension_name(k, lang) for k in d["dimension"]]
    counts = ", ".join(
        f"{k} {count_text(n, lang)}" for k, n in zip(names, d["n_servperf"], strict=True)
    )
    return label("base_note", lang).format(counts=counts)


def dimension_table(
    result: GapAnalysis, lang: str, title: str | None = None, min_n: int = MIN_N
) -> Table:
    frame, formats, signed = labelled(result.dimensions[DIM_COLUMNS], lang, result.conf)
    family = family_words(len(result.dimensions), "dimensions", lang)
    frame = with_adjusted(frame, formats, result.adjust, family, lang)
    frame = with_small_base(frame, result.dimensions, lang)
    adjusted = adjusted_label(result.adjust, family, lang)  # the test that colours the gap
    extra = " ".join(
        t
        for t in (variation_note(no_variation_rows(result, lang), lang),
                  small_base_note(result.dimensions, lang, min_n))
        if t
    )  # fmt: skip
    table = Table(
        title=title or label("dimension_gaps", lang),
        frame=frame,
        formats=formats,
        signed=signed[:1],
        note=f"{label('negative_note', lang)} {_method_note(result, lang)}. "
        f"{_prorated_note(result, lang)} {_base_note(result, lang)}"
        + (f" {extra}" if extra else "")
        + f" {label('unrounded_note', lang, GROUP_LABELS)}",
        sheet="Dimensioner" if lang == "sv" else "Dimensions",
    )
    return flag_below(table, signed[0], adjusted, lang)


def item_table(
    result: GapAnalysis,
    lang: str,
    title: str | None = None,
    statements: Mapping[int, str] | None = None,
    survey_weights: str | None = None,
    reversed_note: str | None = None,
) -> Table:
    """Gaps per item; with ``statements`` (item -> wording) the wording is shown beside the
    item number, so the reader sees what was asked. ``survey_weights`` (the weight column of
    weighted estimates shown elsewhere, e.g. the report's cards) adds "The items: unweighted
    (the sample)" to the note (review 5, finding 16: −1.05 under weighted cards of −1.20);
    ``reversed_note`` (the instrument's reversed items and their scoring) ends it, so a
    negatively worded item's score is read as scored (review 13, finding 4)."""
    items = result.items[ITEM_COLUMNS]
    if statements:
        items = items.copy()
        items.insert(1, "statement", [statements.get(int(i), "") for i in items["item"]])
    frame, formats, signed = labelled(items, lang, result.conf)
    family = family_words(len(result.items), "items", lang)
    frame = with_adjusted(frame, formats, result.adjust, family, lang)
    frame = with_small_base(frame, result.items, lang)
    table = Table(
        title=title or label("item_gaps", lang),
        frame=frame,
        formats=formats,
        signed=signed[:1],
        note=_items_note(lang, survey_weights) + (f" {reversed_note}" if reversed_note else ""),
        sheet="Påståenden" if lang == "sv" else "Items",
    )
    return flag_below(table, signed[0], adjusted_label(result.adjust, family, lang), lang)


def _items_note(lang: str, survey_weights: str | None) -> str:
    """The item table's note: unrounded values, and unweighted when weights are used elsewhere.

    >>> _items_note("sv", "Vikt")[:57]
    'Påståendena: oviktade (urvalet), fast vikter från Vikt an'
    """
    note = label("unrounded_note", lang, GROUP_LABELS)
    if survey_weights is None:
        return note
    head = label("items_unweighted", lang, GROUP_LABELS).format(column=survey_weights)
    return f"{head} {note}"


def overall_table(
    result: GapAnalysis,
    lang: str,
    importance_columns: str | None = None,
    survey_weighted: Mapping[str, Any] | None = None,
) -> Table:
    """The overall SERVQUAL score, unweighted and importance-weighted (``importance_columns``:
    the importance columns' names for the note when the file has none); ``survey_weighted``
    (``column``, ``n``, ``n_eff``, ``score``, ``ci_low``, ``ci_high``) adds the total weighted
    by survey weights (:func:`~servqual_cli.core.weighted_gaps.weighted_servqual`)."""
    o = result.overall
    rows = [
        {
            "": label("unweighted", lang),
            "n": o.n_unweighted,
            "score": o.unweighted,
            "ci_low": o.ci_low,
            "ci_high": o.ci_high,
        }
    ]
    if o.weighted is not None:
        rows.append(
            {
                "": label("weighted", lang),
                "n": o.n_weighted,
                "score": o.weighted,
                "ci_low": o.weighted_ci_low,
                "ci_high": o.weighted_ci_high,
            }
        )
    if survey_weighted is not None:
        sw = survey_weighted
        n_eff = fmt_number(float(sw["n_eff"]), lang, 0)
        rows.append(
            {
                "": label("survey_weighted_row", lang).format(column=sw["column"], n_eff=n_eff),
                "n": sw["n"],
                "score": sw["score"],
                "ci_low": sw["ci_low"],
                "ci_high": sw["ci_high"],
            }
        )
    frame, formats, _ = labelled(pd.DataFrame(rows), lang, result.conf)
    # who counts: only respondents with every dimension gap (review 3, finding 22)
    notes = [
        label("overall_rule", lang).format(
            n=count_text(o.n_unweighted, lang), rows=count_text(result.n_rows, lang)
        )
    ]
    if survey_weighted is not None:
        notes.append(label("survey_weighted_note", lang))
    if o.weighted is None and importance_columns:  # importance weights, not survey weights
        notes.append(label("no_importance_weights", lang).format(columns=importance_columns))
    elif o.weighted is None:
        notes.append(label("no_weights", lang))
    elif o.n_weight_excluded:
        notes.append(f"{count_text(o.n_weight_excluded, lang)} {label('weight_excluded', lang)}")
    if o.weighted is not None:
        notes.append(_weight_note(o.weight_rule, o.n_weight_not_100, lang))
    return Table(
        title=label("overall", lang),
        frame=frame,
        formats=formats,
        signed=(label("score", lang),),
        note=_sentence("; ".join(notes)),
        sheet="Total",
    )


def _sentence(text: str) -> str | None:
    """A note as a sentence: capital first letter, a full stop (review 4, finding 23).

    >>> _sentence("only respondents with a gap in every dimension count (399 of 400)")
    'Only respondents with a gap in every dimension count (399 of 400).'
    """
    if not text:
        return None
    return text[0].upper() + text[1:] + ("" if text.endswith(".") else ".")


def _weight_note(rule: str, not_100: int, lang: str) -> str:
    """How the weights were read; the rows rescaled to 100 points, in words when there are none
    or one ("no row needed rescaling", not "0 rows did not sum to 100 and were rescaled").

    >>> _weight_note("allocation", 0, "en")
    'importance points read as 100 allocated points; no row needed rescaling'
    >>> _weight_note("allocation", 1, "sv")[-57:]
    '1 rad summerade inte till 100 och skalades till sin summa'
    """
    if rule == "rating":
        if lang == "sv":
            return "viktighetspoäng lästa som betyg per dimension, skalade till sin summa"
        return "importance points read as ratings per dimension, rescaled to their sum"
    if lang == "sv":
        if not not_100:
            return "viktighetspoäng lästa som 100 fördelade poäng; ingen rad behövde skalas om"
        rows = "1 rad" if not_100 == 1 else f"{count_text(not_100, lang)} rader"
        return (
            f"viktighetspoäng lästa som 100 fördelade poäng; {rows} summerade inte till 100 "
            "och skalades till sin summa"
        )
    if not not_100:
        return "importance points read as 100 allocated points; no row needed rescaling"
    rows = "1 row" if not_100 == 1 else f"{count_text(not_100, lang)} rows"
    return (
        f"importance points read as 100 allocated points; {rows} did not sum to 100 and were "
        "rescaled to their sum"
    )
