"""The plain-language paragraph under "Results at a glance": bad news first, then the good, in
the words of the Lekeberg memo; see :func:`~servqual_cli.report.glance.glance_block`.

Review 6, finding 4: short sentences, one measure per clause, the period on every verdict
("Bättre 2023 → 2024: ..."), no file names, no alpha, no test names and no p-values (the cards'
notes and the method section carry them). Finding 1: when the report has no targets, no
previous period or no comparison, the paragraph says so instead of a clean bill of health.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from servqual_cli.report.catalog import rl
from servqual_cli.report.config import MIN_N
from servqual_cli.report.glance_norm import is_norm, norm_not_met, norm_sentences
from servqual_cli.report.glance_small import small_counts
from servqual_cli.report.glance_table import value_text
from servqual_cli.report.numbers import fmt_int, fmt_number
from servqual_cli.report.spec import GlanceRow
from servqual_cli.report.word_lists import join_items, join_words

# join_words lives in word_lists (one rule for every list); re-exported for build and the charts
__all__ = ["join_words", "summary_paragraph", "where"]

_REGISTER = ("feedback", "backlog")  # the feedback register's rows: their own sentences
_GAPS = ("dimension", "overall")  # SERVQUAL gaps: held against expectations, not a target
# rows whose n counts cases or contacts, not survey answers (KPIs, the register)
_COUNTS_CASES = ("kpi", "contact_kpi", *_REGISTER)


def where(row: GlanceRow, lang: str) -> str:
    """What the row says of the groups it names: "under målet i telefon (53,7 %, n = 54)",
    "below expectations in ..." (each group judged by its own test, never ranked).

    >>> where(GlanceRow("kpi", "A", "share", 0.6, area="telefon", area_kind="below_target"), "sv")
    'under målet i telefon'
    """
    key = f"p_where_{row.area_kind}" if row.area_kind else "p_where"
    return rl(key, lang, areas=row.area)


def _short(row: GlanceRow, lang: str) -> str:
    """The row's name in the paragraph; a small base says its n (review 12a finding 3), or the
    years of a change on a small earlier year, "(2019: n = 6)" (w-trend2, s17)."""
    name = row.short_name or row.name
    if row.small_periods:
        return f"{name} ({small_counts(row, lang)})"
    return f"{name} (n = {row.n})" if row.small_base and row.n is not None else name


def _in(period: str | None, lang: str) -> str:
    """ " 2020" / " in 2020", or nothing when the row names no period."""
    return rl("p_in", lang, period=period) if period else ""


def _span(row: GlanceRow, lang: str) -> str:
    """A change's periods, "2019 → 2020" (or "than the previous period" when unnamed)."""
    if row.previous_period and row.period:
        return f"{row.previous_period} → {row.period}"
    return rl("p_than_previous", lang)


def _grouped(
    rows: Sequence[GlanceRow], key: Callable[[GlanceRow], str]
) -> list[tuple[str, list[GlanceRow]]]:
    """Rows grouped by ``key`` (a period), groups in the order they first appear (worst first).

    >>> [(k, [r.name for r in g]) for k, g in _grouped(
    ...     [GlanceRow("kpi", n, "share", 0.5, period=p) for n, p in
    ...      (("a", "2020"), ("b", "2024"), ("c", "2020"))], lambda r: r.period or "")]
    [('2020', ['a', 'c']), ('2024', ['b'])]
    """
    groups: dict[str, list[GlanceRow]] = {}
    for r in rows:
        groups.setdefault(key(r), []).append(r)
    return list(groups.items())


def _by_period(
    rows: Sequence[GlanceRow], lang: str, key: str, span: bool = False, **fields: str
) -> list[str]:
    """One sentence per period: "Målet nås 2020 för A och B.", "Bättre 2019 → 2020: A."."""
    out = []
    for period, group in _grouped(
        rows, (lambda r: _span(r, lang)) if span else (lambda r: r.period or "")
    ):
        when = {"periods": period} if span else {"period": _in(period, lang)}
        out.append(
            rl(
                key,
                lang,
                items=join_items([_short(r, lang) for r in group], lang),
                **when,
                **fields,
            )
        )
    return out


def _sentence(text: str) -> str:
    return f"{text[:1].upper()}{text[1:]}."


def _register_bad(rows: Sequence[GlanceRow], lang: str) -> list[str]:
    """The feedback register's bad news: more complaints, and open items older than the
    promise (the counts only; the rate ratio and its p are in the card's note)."""
    out = [
        rl(
            "p_complaints_rise",
            lang,
            periods=_span(r, lang),
            before=fmt_int(r.previous_value, lang),
            after=fmt_int(r.value, lang),
        )
        for r in rows
        if r.kind == "feedback" and r.change_verdict == "worse"
    ]
    # the backlog's whole sentence (its row's note says only what the row does not)
    return out + [r.plain for r in rows if r.kind == "backlog" and r.value and r.plain]


def _register_more(rows: Sequence[GlanceRow], lang: str) -> list[str]:
    """More feedback items of every type: counted, not judged worse; the register's types once."""
    more = [r for r in rows if r.kind == "feedback" and r.change_verdict == "more"]
    out = []
    for period, group in _grouped(more, lambda r: _span(r, lang)):
        items = [
            f"{_short(r, lang)} ({fmt_int(r.previous_value, lang)} → {fmt_int(r.value, lang)})"
            for r in group
        ]
        out.append(rl("p_feedback_rise", lang, periods=period, items=join_items(items, lang)))
    plain = next((r.plain for r in more if r.plain), None)
    return out + ([plain] if plain else [])


def _register_not_compared(rows: Sequence[GlanceRow]) -> list[str]:
    """The units and types the register's trend does not compare (no item in one window), one
    sentence per level, said whatever else the paragraph says (review 16, finding 3: a renamed
    unit's rise vanished from the overview without a word)."""
    gone = [r.plain for r in rows if r.kind == "feedback" and r.change is None and r.plain]
    return list(dict.fromkeys(gone))


def _or_list(keys: Sequence[str], lang: str) -> str:
    words = [rl(k, lang) for k in keys]
    if len(words) <= 1:
        return "".join(words)
    return f"{', '.join(words[:-1])} {rl('or', lang)} {words[-1]}"


def _gap_sentences(dims: Sequence[GlanceRow], lang: str) -> list[str]:
    """The dimensions whose gap is below expectations, and the largest (or the tied largest).

    Review 12b, finding 5: "largest" is said only among the dimensions below expectations (the
    tie list is theirs); of one alone there is no largest; when the pair tests cannot tell any
    of them from the largest, none is named the largest (review 12c, finding 4: a test that
    cannot tell two gaps apart does not show them equal, so the sentence does not say "equal").

    >>> dim = lambda n, v, verdict, tied=(): GlanceRow("dimension", n, "gap", v,
    ...     period="2026", target=0.0, target_verdict=verdict, tied_with=tied)
    >>> _gap_sentences([dim("A", -0.12, "not_met", ("B", "C")), dim("B", -0.08, "cannot_tell"),
    ...     dim("C", -0.05, "cannot_tell")], "sv")
    ['Invånarnas upplevelse når inte upp till förväntan 2026 för A (−0,12).']
    >>> _gap_sentences([dim("A", -0.88, "not_met", ("B", "C")), dim("B", -0.84, "not_met"),
    ...     dim("C", -0.79, "not_met")], "en")  # doctest: +NORMALIZE_WHITESPACE
    ["Residents' perceptions fall short of their expectations in 2026 for A, B and C; none of
    the gaps can be told from the largest, so none is named the largest (between -0.88 and
    -0.79)."]
    """
    short = [r for r in dims if r.target_verdict == "not_met"]
    if not short:
        return []
    worst = min(short, key=lambda r: r.value if r.value is not None else 0.0)
    period = _in(worst.period, lang) if len({r.period for r in short}) == 1 else ""
    named = f"{worst.name} ({fmt_number(worst.value, lang)})"
    if len(short) == 1:
        return [rl("p_gap_one", lang, period=period, worst=named)]
    items = join_items([r.name for r in short], lang)
    others = {r.name: r for r in short if r is not worst}
    tied = [n for n in worst.tied_with if n in others]  # never one not below expectations
    if len(tied) == len(others):  # none is told from the largest: no "largest"
        values = [r.value for r in short if r.value is not None]
        low, high = fmt_number(min(values), lang), fmt_number(max(values), lang)
        return [rl("p_gap_equal", lang, period=period, items=items, low=low, high=high)]
    if tied:  # the pair tests cannot tell them apart: none is "the largest"
        named = join_words(
            [named, *(f"{n} ({fmt_number(others[n].value, lang)})" for n in tied)], lang
        )
    key = "p_gap_tied" if tied else "p_gap"
    return [rl(key, lang, period=period, items=items, worst=named)]


def _gap_rest(dims: Sequence[GlanceRow], lang: str, verdict: str) -> list[str]:
    """The dimensions the data cannot tell from expectations (``cannot_tell``) or that meet
    them (``met``), one sentence per period: the paragraph says the good with the bad (review
    12b, finding 5: four of five dimensions "kan ej skiljas från förväntan" on their cards
    and nowhere in the paragraph).

    >>> _gap_rest([GlanceRow("dimension", n, "gap", -0.05, period="2026", target=0.0,
    ...     target_verdict="cannot_tell") for n in ("A", "B")], "sv", "cannot_tell")
    ['Upplevelsen kan inte skiljas från förväntan 2026 för A och B.']
    """
    return _by_period([r for r in dims if r.target_verdict == verdict], lang, f"p_gap_{verdict}")


def _gap_areas(dims: Sequence[GlanceRow], lang: str) -> list[str]:
    """The groups of every dimension that names some, or of none (review 10a, finding 3: only
    the largest gap's groups were named, which suggested the others differ when three more were
    below expectations in all 4 groups too). Dimensions naming the same groups share a sentence.

    >>> row = lambda n, a: GlanceRow("dimension", n, "gap", -0.5, area=a,
    ...     area_kind="below_expectation")
    >>> _gap_areas([row("A", "alla 4 grupper"), row("B", "X (−0,4, n = 9)"),
    ...     row("C", "alla 4 grupper"), row("D", None)], "sv")
    ['Under förväntan i alla 4 grupper: A och C.', 'B: under förväntan i X (−0,4, n = 9).']
    """
    out = []
    for text, group in _grouped([r for r in dims if r.area], lambda r: where(r, lang)):
        if len(group) == 1:
            out.append(rl("p_area_of", lang, name=group[0].name, where=text))
        else:
            items = join_items([r.name for r in group], lang)
            out.append(rl("p_areas_of", lang, where=text[:1].upper() + text[1:], items=items))
    return out


def _judged(row: GlanceRow) -> bool:
    return any(
        v is not None for v in (row.target_verdict, row.change_verdict, row.benchmark_verdict)
    )


def _what_is_missing(
    measures: Sequence[GlanceRow], register: Sequence[GlanceRow], lang: str
) -> list[str]:
    """What the report's measures have nothing to be judged against, said once (finding 1)."""
    if not measures:
        return []
    missing = []
    if all(r.target is None for r in measures):
        missing.append("p_missing_target")
    if all(r.previous_period is None for r in (*measures, *register)):
        missing.append("p_missing_previous")
    if all(r.others_mean is None and r.benchmark_verdict is None for r in measures):
        missing.append("p_missing_benchmark")
    if not missing:
        return []
    return [rl("p_missing", lang, items=join_words([rl(k, lang) for k in missing], lang))]


def summary_paragraph(rows: Sequence[GlanceRow], lang: str, min_n: int = MIN_N) -> list[str]:
    """Plain sentences naming the bad news first, then the good, then what is not judged; rows
    on fewer than ``min_n`` answers are judged by their intervals like any other, named with
    their n, and listed once more as a small base.

    Short paragraphs by kind (review 7, finding 14: 197 words in one block filled 1,5 phone
    screens): what misses its target, got worse or is below the others; the feedback register
    (its backlog and counts); what cannot be told or is not judged; what is met or better.
    Empty paragraphs are left out.

    >>> rows = [GlanceRow("contact_kpi", "Svar", "share", 0.55, period="2019", n=54)]
    >>> summary_paragraph(rows, "en")
    ['The report has no targets, no previous period and no comparison with other \
municipalities. None of the measures is judged.']
    >>> summary_paragraph([GlanceRow("kpi", "A", "share", 0.8, period="2020", n=50,
    ...     target=0.9, target_verdict="not_met", previous_period="2019", previous_value=0.7,
    ...     change=0.1, change_verdict="better")], "sv")
    ['Målet nås inte 2020 för A: 80,0\xa0%.', 'Rapporten har ingen jämförelse med andra \
kommuner.', 'Bättre 2019 → 2020: A.']
    """
    # a small base is judged like any other row, by its interval, and named once more with
    # what that means (review 12a finding 3: "too few answers" hid an unmet target)
    smalls = [r for r in rows if r.small_base]
    # a change small only in its earlier year names that year (w-trend2, s17)
    small = [_short(r, lang) if r.small_periods else r.short_name or r.name for r in smalls]
    register = [r for r in rows if r.kind in _REGISTER]
    rows = [r for r in rows if r.kind not in _REGISTER]
    measures = [r for r in rows if r.kind not in _GAPS]
    dims = [r for r in rows if r.kind == "dimension"]
    bad: list[str] = []
    for r in measures:
        if r.target_verdict == "not_met" and is_norm(r):  # "Normen nås inte" (review 16 #1)
            bad += norm_not_met(r, _short(r, lang), lang)
        elif r.target_verdict == "not_met":
            value = value_text(r, r.value, lang)
            name = _short(r, lang)
            bad.append(
                rl("p_not_met_one", lang, period=_in(r.period, lang), name=name, value=value)
            )
            if r.area:
                bad.append(_sentence(where(r, lang)))
    bad += _by_period([r for r in rows if r.change_verdict == "worse"], lang, "p_worse", span=True)
    # an area's own change judged worse (Holm over the areas) is bad news too, named even when
    # the total's is not (review 8, finding 4: nothing judged "sämre" left out)
    bad += [
        rl("p_area_worse", lang, periods=_span(r, lang), areas=r.area, name=_short(r, lang))
        for r in rows
        if r.area_kind == "worse" and r.area
    ]
    bad += _by_period([r for r in rows if r.benchmark_verdict == "worse"], lang, "p_below")
    bad += _gap_sentences(dims, lang)
    bad += _gap_areas(dims, lang)
    feedback = _register_bad(register, lang)
    checks = [
        key
        for key, used in (
            ("p_check_target", any(r.target_verdict is not None for r in measures)),
            ("p_check_change", any(r.change_verdict is not None for r in (*rows, *register))),
            ("p_check_benchmark", any(r.benchmark_verdict is not None for r in rows)),
        )
        if used
    ]
    if not bad and not feedback and checks:
        bad.append(rl("p_nothing_bad", lang, checks=_or_list(checks, lang)))
    feedback += _register_more(register, lang) + _register_not_compared(register)
    cannot = _by_period(
        [r for r in measures if r.target_verdict == "cannot_tell" and not is_norm(r)],
        lang,
        "p_cannot_tell",
    )
    cannot += norm_sentences(measures, "cannot_tell", lambda r: _short(r, lang), lang)
    cannot += _what_is_missing(measures, register, lang)
    cannot += _gap_rest(dims, lang, "cannot_tell")
    if not any(_judged(r) for r in (*rows, *register)) and (measures or dims):
        cannot.append(rl("p_nothing_judged", lang))
    else:
        unjudged = [_short(r, lang) for r in measures if not _judged(r)]
        if unjudged:
            cannot.append(rl("p_unjudged", lang, items=join_items(unjudged, lang)))
    if small:
        counted = {r.kind for r in smalls}  # what their n counts: answers, or KPI cases
        unit = rl("p_unit_cases" if counted & set(_COUNTS_CASES) else "p_unit_answers", lang)
        items = join_items(small, lang)
        cannot.append(rl("p_too_few", lang, items=items, min_n=min_n, unit=unit))
    good = _by_period(
        [r for r in measures if r.target_verdict == "met" and not is_norm(r)], lang, "p_met"
    )
    good += norm_sentences(measures, "met", lambda r: _short(r, lang), lang)
    good += _by_period(
        [r for r in rows if r.change_verdict == "better"], lang, "p_better", span=True
    )
    good += _gap_rest(dims, lang, "met")
    return [" ".join(p) for p in (bad, feedback, cannot, good) if p]
