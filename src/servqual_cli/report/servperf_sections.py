"""Document sections for a perception-only (SERVPERF) instrument in ``servqual gap``."""

from __future__ import annotations

import pandas as pd

from servqual_cli.core.servperf import ServperfAnalysis
from servqual_cli.report.catalog import SERVPERF as SERVPERF_LABELS
from servqual_cli.report.conf_level import interval_head
from servqual_cli.report.labels import count_text, exclusion_summary, label
from servqual_cli.report.spec import Section, Table, Text

FORMATS = {"n": "d", "perception": ".2f", "sd": ".2f", "ci_low": ".2f", "ci_high": ".2f",
           "score": ".2f"}  # fmt: skip


def _table(frame: pd.DataFrame, title: str, sheet: str, lang: str, conf: float) -> Table:
    """``frame`` headed in ``lang``; its interval columns name their level ("95 % KI låg"), as
    every other table's do (:func:`~servqual_cli.report.conf_level.interval_head`)."""

    def lab(key: str) -> str:
        return interval_head(key, label(key, lang, SERVPERF_LABELS), conf, lang)

    return Table(
        title=title,
        frame=frame.rename(columns={c: lab(c) for c in frame.columns}),
        formats={lab(k): v for k, v in FORMATS.items()},
        sheet=sheet,
    )


def servperf_sections(
    result: ServperfAnalysis, excluded: dict[str, int], lang: str, items: bool = True,
    exclusions: str | None = None,
) -> list[Section]:  # fmt: skip
    """Dimension, item and overall perception tables, the SERVPERF note and the exclusions
    (``exclusions``: the note as the command made it, naming the invalid texts; else the
    counts of ``excluded``)."""
    sv = lang == "sv"

    def lab(key: str) -> str:
        return label(key, lang, SERVPERF_LABELS)

    blocks: list[Table | Text] = [
        Text(lab("servperf_note"), kind="note"),
        _table(result.dimensions, lab("servperf_dimensions"),
               "Dimensioner" if sv else "Dimensions", lang, result.conf),
    ]  # fmt: skip
    if items:
        blocks.append(
            _table(
                result.items,
                lab("servperf_items"),
                "Påståenden" if sv else "Items",
                lang,
                result.conf,
            )
        )
    o = result.overall
    rows = [{"": label("unweighted", lang), "n": o.n_unweighted, "score": o.unweighted,
             "ci_low": o.ci_low, "ci_high": o.ci_high}]  # fmt: skip
    if o.weighted is not None:
        rows.append({"": label("weighted", lang), "n": o.n_weighted, "score": o.weighted,
                     "ci_low": o.weighted_ci_low, "ci_high": o.weighted_ci_high})  # fmt: skip
    overall = _table(pd.DataFrame(rows), lab("servperf_overall"), "Total", lang, result.conf)
    note = None
    if o.weighted is None:
        note = label("no_weights", lang)
    elif o.n_weight_excluded:
        note = f"{count_text(o.n_weight_excluded, lang)} {label('weight_excluded', lang)}"
    overall = Table(overall.title, overall.frame, overall.formats, note=note, sheet="Total")
    blocks.append(overall)
    if exclusions is None:
        exclusions = f"{exclusion_summary(excluded, lang)}."
    blocks.append(Text(f"{label('respondents', lang)}: {count_text(result.n_rows, lang)}. "
                       f"{exclusions}", kind="note"))  # fmt: skip
    return [Section(title="", blocks=tuple(blocks))]
