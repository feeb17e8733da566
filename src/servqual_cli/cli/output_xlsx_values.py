"""The cells of a Swedish workbook in the reader's words (split from :mod:`.output_xlsx`).

Session 16 gave ``-o FILE.xlsx --lang sv`` Swedish headers but left the tidy table's codes in
the cells: "Tangibles", "dimension", "better", "phone", "cannot tell" beside "Fysisk miljö",
"bättre" and "telefon" in the terminal (w-xlsx2). The workbook is read by people, so its text
cells say what the terminal says; the CSV and JSON keep the codes, which scripts filter on (the
notes sheet says so). Only text cells of the columns listed per command change; numbers, a
user's own names (groups, units, KPI names) and every English workbook stay as they are.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

# Per command: column -> (the key prefix its words are found under in catalog_tidy_values's
# VALUES, the command's catalog tables to look a code up in after that). A column not listed
# keeps its cells. The prefix lets two columns share words (interval_verdict is a verdict).
_SERVQUAL: dict[str, tuple[str, tuple[str, ...]]] = {
    "group": ("group", ()),
    "level": ("level", ()),
    "name": ("name", ()),  # by row: a dimension's name, a pair's, or the overall rows' codes
    "dimension": ("dimension", ()),
    "dimension_a": ("dimension", ()),
    "dimension_b": ("dimension", ()),
    "a": ("dimension", ()),  # the pairwise rows' two dimensions
    "b": ("dimension", ()),
    "scale": ("scale", ()),
    "set": ("set", ()),  # items: expectation, perception
    "rank_biserial_ci_note": ("rank_biserial_ci_note", ()),
    "wilcoxon_method": ("wilcoxon_method", ()),
    # the verdicts (tolerance's position, knowledge-gap's reading) and knowledge-gap's Holm
    # family: one mechanism with the other codes (output_xlsx had a second map for the verdicts
    # and left p_holm_family as codes, s18 a-xlsx)
    "position": ("position", ("TOOLBOX",)),
    "reading": ("reading", ()),
    "p_holm_family": ("p_holm_family", ()),
}
# reliability's items as its terminal names them ("E3" -> "Påstående 3"); alpha's terminal
# keeps the column names (a user's own items), and so does its workbook
_RELIABILITY = {**_SERVQUAL, "item": ("item", ())}
_MEASUREMENT: dict[str, tuple[str, tuple[str, ...]]] = {
    "kpi": ("kpi", ("MEASUREMENT",)),
    "channel": ("channel", ("MEASUREMENT",)),
    "area": ("area", ()),
    "verdict": ("verdict", ()),
    "test": ("test", ()),
    "estimate": ("estimate", ()),
    "table": ("table", ()),
    "rank_third": ("rank_third", ("MEASUREMENT",)),  # Kolada's colour of a benchmark row
    "verdict_method": ("verdict_method", ()),  # the benchmark's (review 17 finding 15)
    "side_of_mean": ("side_of_mean", ()),  # trend --benchmark's (review 18 finding 14)
}
# trend's table codes have words of their own: its "trend" is a change between two years; the
# SERVQUAL survey trend's dimensions as its tables name them (review 17 finding 20)
_TREND = {**_MEASUREMENT, "table": ("trend_table", ()), "dimension": ("survey_dimension", ())}
_COLUMNS: dict[str, Mapping[str, tuple[str, tuple[str, ...]]]] = {
    **dict.fromkeys(("gap", "items", "tolerance", "knowledge-gap", "alpha"), _SERVQUAL),
    "reliability": _RELIABILITY,
    "contacts": _MEASUREMENT,
    "trend": _TREND,
    "kpi": {"statistic": ("statistic", ()), "unit": ("unit", ()),
            "level": ("kpi_level", ()),
            "verdict": ("verdict", ()), "interval_verdict": ("verdict", ())},
    "service-survey": {"table": ("table", ()), "channel": ("channel", ("SERVICE_SURVEY",)),
                       "question": ("question", ("SERVICE_SURVEY",)),
                       "kpi": ("question", ("SERVICE_SURVEY",)), "area": ("area", ()),
                       "verdict": ("verdict", ()), "test": ("test", ()),
                       "rank_third": ("rank_third", ("SERVICE_SURVEY",)),
                       "verdict_method": ("verdict_method", ())},
    "kolada": {"rank_third": ("rank_third", ("KOLADA",)),
               "verdict_method": ("verdict_method", ())},
    # describe: the column's type as the terminal's "Typ" ("tal"), the missing counts' "blank"
    "describe": {"type": ("type", ("DESCRIBE",)), "missing": ("missing_counts", ())},
    "feedback": {"section": ("section", ()), "measure": ("measure", ()), "level": ("level", ()),
                 "key": ("key", ()), "effect": ("effect", ()), "test": ("test", ()),
                 "statistic": ("statistic", ()), "value": ("value", ())},
}  # fmt: skip


def translates(command: str | None) -> bool:
    """Whether a Swedish workbook of ``command`` has its cells in words.

    >>> translates("gap"), translates("kolada"), translates(None)
    (True, True, False)
    """
    return (command or "") in _COLUMNS


def _word_of(prefix: str, tables: tuple[str, ...]) -> Callable[[str], str]:
    """The Swedish word of a code in a column: VALUES' ``"prefix:code"``, the command's tables,
    then VALUES' plain ``code``; the code itself when none has it (a user's own name)."""
    from servqual_cli.report import catalog
    from servqual_cli.report.catalog_tidy_values import TIDY_VALUES as VALUES

    looked: list[Mapping[str, tuple[str, str]]] = [getattr(catalog, t) for t in tables]

    def word(code: str) -> str:
        pair = VALUES.get(f"{prefix}:{code}")
        for table in looked:
            pair = pair or table.get(code)
        pair = pair or VALUES.get(code)
        return code if pair is None else pair[0]

    if prefix in ("dimension", "scale", "wilcoxon_method", "missing_counts", "item"):
        return _special(prefix)
    return word


def _special(prefix: str) -> Callable[[str], str]:
    """The words a renderer builds rather than looks up: a dimension's name (the instrument's
    own label in effect first), a pair "Tangibles − Empathy", a reliability scale "E:Tangibles"
    and item "E3", the signed-rank method as the gap table's note words it, and describe's
    missing counts.

    >>> _special("missing_counts")("blank=3; vet ej=1")
    'tomma=3; vet ej=1'
    >>> _special("item")("P12-E12"), _special("item")("Q1")
    ('Påstående 12', 'Q1')
    """
    from servqual_cli.report.catalog import dimension_name, scale_name

    if prefix == "scale":
        return lambda code: scale_name(code, "sv")
    if prefix == "missing_counts":  # "blank=3; vet ej=1": the terminal's "tomma"
        return lambda code: code.replace("blank=", "tomma=")
    if prefix == "wilcoxon_method":
        from servqual_cli.report.gap_tables import method_sv

        return method_sv
    if prefix == "item":
        from servqual_cli.report.catalog import item_name

        return lambda code: item_name(code, "sv")
    return lambda code: " − ".join(dimension_name(part, "sv") for part in code.split(" − "))


def in_words(frame: Any, command: str | None) -> Any:
    """``frame`` with the text cells of ``command``'s coded columns in Swedish words, looked up
    once per distinct code (a dict map, no loop over rows). ``name`` is a dimension's name on
    the dimension and pair rows, an item's number on item rows (kept), a code elsewhere;
    ``"too few"`` carries the row's ``min_n`` as the terminal's "för få (n < 30)".

    >>> import pandas as pd
    >>> f = pd.DataFrame({"level": ["dimension", "item", "overall"],
    ...                   "name": ["Tangibles", "1", "unweighted"], "n": [3, 3, 3]})
    >>> in_words(f, "gap").values.tolist()
    [['dimension', 'Fysisk miljö', 3], ['påstående', '1', 3], ['total SERVQUAL', 'oviktad', 3]]
    >>> k = pd.DataFrame({"verdict": ["too few", "met", None], "min_n": [30, 30, 30]})
    >>> in_words(k, "kpi")["verdict"].tolist()[:2], in_words(k, "kpi")["verdict"].isna().tolist()
    (['för få (n < 30)', 'uppfyllt'], [False, False, True])
    >>> in_words(k, None) is k
    True
    """
    columns = _COLUMNS.get(command or "")
    if not columns or not len(frame):
        return frame
    out = frame.copy()
    if "small_groups" in out.columns:
        out["small_groups"] = _group_counts(out["small_groups"])
    for name in _YES_NO.intersection(out.columns):
        out[name] = _yes_no(out[name])
    for name, (prefix, tables) in columns.items():
        if name not in out.columns or out[name].dtype.kind in "biufcmM":
            continue
        column = out[name]
        if name == "name" and "level" in out.columns:
            out[name] = _names(column, frame["level"])
            continue
        if prefix == "survey_dimension":
            out[name] = _mapped(column, _survey_dimension("se_before" in out.columns))
            continue
        out[name] = _mapped(column, _word_of(prefix, tables))
        if "min_n" in out.columns and name in ("verdict", "interval_verdict"):
            out[name] = _with_min_n(out[name], out["min_n"])
    return out


# the yes/no columns whose TRUE/FALSE the terminal words (trend --benchmark's "same_year" read
# TRUE beside "Samma år"; review 18 finding 14)
_YES_NO = frozenset({"same_year"})


def _yes_no(column: Any) -> Any:
    """A yes/no column as "ja"/"nej", empty cells left empty (a dict map, no loop over rows).

    >>> import pandas as pd
    >>> out = _yes_no(pd.Series([True, False, None], dtype=object))
    >>> out[:2].tolist(), bool(out.isna()[2])
    (['ja', 'nej'], True)
    """
    from servqual_cli.report.catalog_tidy_values import TIDY_VALUES as VALUES

    return column.astype(object).map({flag: VALUES[f"yes_no:{flag}"][0] for flag in (True, False)})


def _mapped(column: Any, word: Callable[[str], str]) -> Any:
    """``column`` with each text cell replaced by ``word(cell)``, looked up once per distinct
    text (a dict map), other cells (numbers, empty) kept."""
    import pandas as pd

    words = {c: word(c) for c in pd.unique(column) if isinstance(c, str)}  # distinct, not rows
    if not words:
        return column
    mapped = column.map(words)
    return mapped.where(mapped.notna(), column)


# the levels whose rows are named by a dimension (or a pair): gap's weighted levels and the
# importance rows too, which stayed "Tangibles" beside "Fysisk miljö" (review 17 finding 6)
_DIMENSION_LEVELS = ("dimension", "dimension_pair", "weighted_test", "weighted_group",
                     "weighted_group_test", "importance", "importance_unweighted")  # fmt: skip


def _names(column: Any, level: Any) -> Any:
    """The ``name`` column by the row's level: dimensions and pairs named, tolerance's weighted
    rows ("Tangibles: msa") as dimension and figure, the overall rows' codes in words, items'
    numbers kept."""
    dims = level.isin(_DIMENSION_LEVELS).to_numpy()
    weighted = level.eq("weighted").to_numpy()
    coded = ~dims & ~weighted & ~level.isin(("item",)).to_numpy()
    out = column.copy()
    out[dims] = _mapped(column[dims], _special("dimension"))
    out[coded] = _mapped(column[coded], _word_of("name", ()))
    out[weighted] = _mapped(column[weighted], _weighted_name)
    return out


# the figures of the weighted rows' names (core/weighted_gaps.py, cli/toolbox_parts.py)
_FIGURES = ("gap", "perception", "msa", "mss", "share_below_adequate", "share_above_desired",
            "mean", "top2", "bottom2")  # fmt: skip


def _weighted_name(code: str) -> str:
    """A weighted row's name, which the tidy table gives in the terminal's English words
    ("Tangibles: Perception (P)", session 17), in the Swedish ones: the figure's English label
    or code looked up among :data:`_FIGURES`, the overall row's name as a whole (both stayed
    English, review 17 finding 6).

    >>> _weighted_name("Tangibles: Perception (P)"), _weighted_name("Tangibles: msa")
    ('Fysisk miljö: Upplevelse (P)', 'Fysisk miljö: MSA (P−A)')
    >>> _weighted_name("overall SERVQUAL (mean of the dimension gaps)")
    'Total SERVQUAL (medel av dimensionernas gap)'
    >>> _weighted_name("P3: Share below A"), _weighted_name("Own: words")
    ('P3: Andel under A', 'Own: words')
    """
    from servqual_cli.report.toolbox_sections import estimate_label

    dim, sep, figure = code.rpartition(": ")
    if not sep:
        return estimate_label(code, "sv")  # the overall row's name; any other is kept
    english = {estimate_label(f"x: {k}", "en").partition(": ")[2]: k for k in _FIGURES}
    key = english.get(figure, figure)
    if key not in _FIGURES:
        return code
    return estimate_label(f"{dim}: {key}", "sv")


def _survey_dimension(weighted: bool) -> Callable[[str], str]:
    """The survey trend's dimension in its table's words: the overall row as the weighted
    or the unweighted table names it, the others as every command names a dimension."""
    from servqual_cli.report.catalog import MEASUREMENT
    from servqual_cli.report.catalog_measurement import OVERALL

    overall = MEASUREMENT["weighted_overall" if weighted else OVERALL][0]
    dimension = _special("dimension")
    return lambda code: overall if code == OVERALL else dimension(code)


def _group_counts(column: Any) -> Any:
    """gap's ``small_groups`` ({group: n}) as "A (12), B (8)", empty when none (the cell read
    "{}"; review 17 finding 6); looked up once per distinct text, no loop over rows."""
    import pandas as pd

    has = column.notna()
    text = column[has].astype(str)
    first = pd.Series(column[has].to_numpy(), index=text.to_numpy())  # one dict per text
    first = first[~first.index.duplicated()]
    words = {t: ", ".join(f"{g} ({n})" for g, n in d.items()) or None
             for t, d in first.items()}  # fmt: skip
    out = column.copy().astype(object)
    out[has] = text.map(words)
    return out


def _with_min_n(column: Any, min_n: Any) -> Any:
    """Each "{min_n}" filled with the row's own least n (vectorised string concatenation)."""
    has = column.str.contains("{min_n}", regex=False).fillna(False).astype(bool)
    if not has.any():
        return column
    parts = column[has].str.split("{min_n}", n=1, expand=True)
    out = column.copy().astype(object)
    out[has] = parts[0] + min_n[has].astype("Int64").astype(str) + parts[1]
    return out
