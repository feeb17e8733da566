"""The gap tables' columns, labels and formats, and the notes they share (a row with no
variation, a small base): used by :mod:`~servqual_cli.report.gap_tables` and
:mod:`~servqual_cli.report.group_gap_sections`."""

from __future__ import annotations

from dataclasses import replace
from types import MappingProxyType
from typing import TYPE_CHECKING

import pandas as pd

from servqual_cli.core.gaps import GapAnalysis
from servqual_cli.report.catalog import GROUPS as GROUP_LABELS
from servqual_cli.report.catalog import count_text, dimension_name, label
from servqual_cli.report.conf_level import interval_head
from servqual_cli.report.numbers import MINUS, fmt_p

if TYPE_CHECKING:
    from servqual_cli.report.spec import Table

DIM_COLUMNS = ["dimension", "n", "expectation", "perception", "gap", "ci_low", "ci_high",
               "p_t", "p_wilcoxon", "p_adjusted", "dz", "servperf"]  # fmt: skip
ITEM_COLUMNS = ["item", "dimension", "n", "expectation", "perception", "gap", "ci_low",
                "ci_high", "p_t", "p_wilcoxon", "p_adjusted", "dz"]  # fmt: skip
FORMATS = MappingProxyType(
    {
        "n": "d",
        "expectation": ".2f",
        "perception": ".2f",
        "gap": ".2f",
        "gap_sd": ".2f",
        "ci_low": ".2f",
        "ci_high": ".2f",
        "t": ".2f",
        "p_t": "p",
        "p_wilcoxon": "p",
        "p_holm": "p",
        "p_adjusted": "p",
        "dz": ".2f",
        "servperf": ".2f",
        "diff": ".2f",
        "diff_ab": ".2f",
        "p_adj": "p",
        "welch_p": "p",
        "kruskal_p": "p",
        "score": ".3f",
    }
)


def labelled(
    frame: pd.DataFrame, lang: str, conf: float | None = None
) -> tuple[pd.DataFrame, dict[str, str], tuple[str, ...]]:
    """The frame with the reader's column names, their formats and the signed columns; with
    ``conf`` the interval columns name their level ("95% CI low", as ``trend`` and
    ``service-survey`` do: review 4, finding 23)."""
    if "dimension" in frame.columns:  # the built-in dimensions in the reader's language
        frame = frame.assign(dimension=[dimension_name(d, lang) for d in frame["dimension"]])
    names = {c: label(c, lang) for c in {*frame.columns, *FORMATS, "diff"}}
    names = {c: interval_head(c, h, conf, lang) for c, h in names.items()}
    renamed = frame.rename(columns={c: names[c] for c in frame.columns})
    formats = {names[k]: v for k, v in FORMATS.items()}
    signed = tuple(names[c] for c in ("gap", "ci_high", "diff") if c in frame.columns)
    return renamed, formats, signed


_ADJUST_NAMES = {"holm": "Holm", "bh": "BH", "none": "ojusterat|unadjusted"}


def adjusted_label(adjust: str, family: str, lang: str) -> str:
    """``p (Holm, 5 dimensions)``: the adjusted p's column names its method and family."""
    name = _ADJUST_NAMES.get(adjust, adjust)
    if "|" in name:
        name = name.split("|")[0 if lang == "sv" else 1]
    return f"p ({name}, {family})"


def family_words(n: int, what: str, lang: str) -> str:
    """The adjustment family in the column header. ``groups`` counts the tests actually made
    (a group with fewer than two gaps has none), and says so when there is none (review 2
    item 9: "35 groups × dimensions" stood over a family of 15 tests)."""
    if what == "groups":
        if n == 0:
            return "inget test" if lang == "sv" else "no test"
        if lang == "sv":
            return f"{count_text(n, lang)} test, grupper × dimensioner"
        return f"{count_text(n, lang)} test{'s' if n != 1 else ''}, groups × dimensions"
    sv = {"dimensions": "dimensioner", "items": "påståenden"}
    return f"{count_text(n, lang)} {sv[what] if lang == 'sv' else what}"


def with_adjusted(
    frame: pd.DataFrame, formats: dict[str, str], adjust: str, family: str, lang: str
) -> pd.DataFrame:
    new = adjusted_label(adjust, family, lang)
    formats[new] = "p"
    return frame.rename(columns={label("p_adjusted", lang): new})


def with_small_base(frame: pd.DataFrame, source: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The "Small base" column (as ``service-survey``'s), when some row has one."""
    if "small_base" not in source.columns or not source["small_base"].any():
        return frame
    yes = label("yes", lang, GROUP_LABELS)
    flags = [yes if bool(b) else "" for b in source["small_base"]]
    return frame.assign(**{label("small_base", lang, GROUP_LABELS): flags})


def small_base_note(source: pd.DataFrame, lang: str, min_n: int) -> str:
    if "small_base" not in source.columns or not source["small_base"].any():
        return ""
    return label("small_base_note", lang, GROUP_LABELS).format(min_n=min_n)


def small_base_table(table: Table, source: pd.DataFrame, lang: str, min_n: int | None) -> Table:
    """``table`` with gap's "Small base" column and note when ``source`` (the rows ``table``
    shows, in order) flags one: a ``tolerance --by`` or ``knowledge-gap --by`` group's table
    (review 13, finding 17); unchanged without ``min_n`` or a flagged row."""
    note = small_base_note(source, lang, min_n) if min_n is not None else ""
    if not note:
        return table
    return replace(table, frame=with_small_base(table.frame, source, lang),
                   note=f"{table.note} {note}" if table.note else note)  # fmt: skip


def variation_note(rows: list[tuple[str, float]], lang: str) -> str:
    """ "No variation: Assurance (every gap is -1.00)": why a row has no SD, t or interval."""
    if not rows:
        return ""
    every = label("every_gap", lang, GROUP_LABELS)
    parts = [f"{name} ({every.format(gap=num(gap, 2, lang))})" for name, gap in rows]
    return f"{label('no_variation', lang, GROUP_LABELS)}: {', '.join(parts)}."


def no_variation_rows(result: GapAnalysis, lang: str, prefix: str = "") -> list[tuple[str, float]]:
    d = result.dimensions
    if "no_variation" not in d.columns:
        return []
    flat = d[d["no_variation"]]
    names = [prefix + dimension_name(str(k), lang) for k in flat["dimension"]]
    return list(zip(names, flat["gap"].astype(float).tolist(), strict=True))


def num(value: float, digits: int, lang: str) -> str:
    """A number of an APA line or a note under a table, with the sign the table beside it
    uses: U+2212 and a decimal comma in Swedish (:mod:`~servqual_cli.report.numbers`), and in
    English the plain ``-`` of the English tables (review 9, finding 11: "-0.17" in the table
    and "−0.17" in the line under it was two signs in one output).

    A value that rounds to zero has no sign, as in the tables (review 13, finding 12: "β =
    −0,00" in the line under a table that says "0,00").

    >>> num(-0.174, 2, "en"), num(-0.174, 2, "sv"), num(3.0, 0, "sv")
    ('-0.17', '−0,17', '3')
    >>> num(-0.004, 2, "sv"), num(-0.004, 2, "en"), num(-0.4, 0, "en"), num(-0.0, 1, "sv")
    ('0,00', '0.00', '0', '0,0')
    """
    text = f"{value:.{digits}f}"
    if text.lstrip("-").strip("0.") == "":
        text = text.lstrip("-")  # "−0,00" is 0 to the reader: numbers.fmt_number's rule
    return text.replace("-", MINUS).replace(".", ",") if lang == "sv" else text


def apa_p(p: float, lang: str) -> str:
    """An APA p: ``p = .006``, ``p < .001`` (sv: ``p = 0,006``, ``p < 0,001``), for every APA
    line (the gap, group, model and weighted lines).

    Three decimals without the leading zero, except that a p below .05 never prints as
    ``p = .050`` (review 5, finding 6): it takes the decimals :func:`~.numbers.fmt_p` gives it;
    a Holm p capped at 1 is ``p > .999``, not ``p = .000``.

    >>> apa_p(0.0055, "en"), apa_p(0.0004, "sv"), apa_p(float("nan"), "en")
    ('p = .006', 'p < 0,001', 'p = –')
    >>> apa_p(1.0, "en"), apa_p(0.99949, "sv"), apa_p(0.04973, "en"), apa_p(0.04973, "sv")
    ('p > .999', 'p = 0,999', 'p = .0497', 'p = 0,0497')
    >>> apa_p(0.0499999999, "en"), apa_p(0.05, "en")
    ('p < .05', 'p = .050')
    """
    if p != p:  # NaN
        return "p = –"
    if p < 0.001:
        return "p < 0,001" if lang == "sv" else "p < .001"
    if p >= 0.9995:  # "1.000"[1:] would print "p = .000" (a Holm p capped at 1)
        return "p > 0,999" if lang == "sv" else "p > .999"
    text = fmt_p(p, lang)  # "0.0497": never "0.050" below the line
    if text.startswith("<"):
        return "p < 0,05" if lang == "sv" else "p < .05"
    return f"p = {text}" if lang == "sv" else f"p = {text[1:]}"
