"""Build document sections from gap results (shared by ``servqual gap`` and ``servqual report``)."""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

import pandas as pd

from servqual_cli.core.gaps import GapAnalysis
from servqual_cli.core.group_gaps import GroupedGapAnalysis
from servqual_cli.report.catalog import dimension_name, exclusion_summary, label
from servqual_cli.report.spec import Section, Table, Text

DIM_COLUMNS = ["dimension", "n", "expectation", "perception", "gap", "ci_low", "ci_high",
               "p_t", "p_wilcoxon", "p_holm", "dz", "servperf"]  # fmt: skip
ITEM_COLUMNS = ["item", "dimension", "n", "expectation", "perception", "gap", "ci_low",
                "ci_high", "p_t", "p_wilcoxon", "p_holm", "dz"]  # fmt: skip
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
        "dz": ".2f",
        "servperf": ".2f",
        "diff": ".2f",
        "p_adj": "p",
        "welch_p": "p",
        "kruskal_p": "p",
        "score": ".3f",
    }
)


def _labelled(
    frame: pd.DataFrame, lang: str
) -> tuple[pd.DataFrame, dict[str, str], tuple[str, ...]]:
    if "dimension" in frame.columns:  # the built-in dimensions in the reader's language
        frame = frame.assign(dimension=[dimension_name(d, lang) for d in frame["dimension"]])
    renamed = frame.rename(columns={c: label(c, lang) for c in frame.columns})
    formats = {label(k, lang): v for k, v in FORMATS.items()}
    signed = tuple(label(c, lang) for c in ("gap", "ci_high", "diff") if c in frame.columns)
    return renamed, formats, signed


def dimension_table(result: GapAnalysis, lang: str, title: str | None = None) -> Table:
    frame, formats, signed = _labelled(result.dimensions[DIM_COLUMNS], lang)
    return Table(
        title=title or label("dimension_gaps", lang),
        frame=frame,
        formats=formats,
        signed=signed[:1],
        note=label("negative_note", lang),
        sheet="Dimensioner" if lang == "sv" else "Dimensions",
    )


def item_table(
    result: GapAnalysis,
    lang: str,
    title: str | None = None,
    statements: Mapping[int, str] | None = None,
) -> Table:
    """Gaps per item; with ``statements`` (item -> wording) the wording is shown beside the
    item number, so the reader sees what was asked."""
    items = result.items[ITEM_COLUMNS]
    if statements:
        items = items.copy()
        items.insert(1, "statement", [statements.get(int(i), "") for i in items["item"]])
    frame, formats, signed = _labelled(items, lang)
    return Table(
        title=title or label("item_gaps", lang),
        frame=frame,
        formats=formats,
        signed=signed[:1],
        sheet="Påståenden" if lang == "sv" else "Items",
    )


def overall_table(result: GapAnalysis, lang: str) -> Table:
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
    frame, formats, _ = _labelled(pd.DataFrame(rows), lang)
    notes = []
    if o.weighted is None:
        notes.append(label("no_weights", lang))
    elif o.n_weight_excluded:
        notes.append(f"{o.n_weight_excluded} {label('weight_excluded', lang)}")
    return Table(
        title=label("overall", lang),
        frame=frame,
        formats=formats,
        signed=(label("score", lang),),
        note="; ".join(notes) or None,
        sheet="Total",
    )


def gap_sections(
    result: GapAnalysis, excluded: dict[str, int], lang: str, items: bool = True
) -> list[Section]:
    blocks: list[Table | Text] = [dimension_table(result, lang)]
    if items:
        blocks.append(item_table(result, lang))
    blocks.append(overall_table(result, lang))
    blocks.append(Text(f"{label('respondents', lang)}: {result.n_rows}. "
                       f"{exclusion_summary(excluded, lang)}.", kind="note"))  # fmt: skip
    return [Section(title="", blocks=tuple(blocks))]


def group_sections(result: GroupedGapAnalysis, lang: str) -> list[Section]:
    """Per-group dimension gaps side by side, plus the across-group tests."""
    rows = []
    for name, res in result.groups.items():
        for rec in res.dimensions.itertuples(index=False):
            rows.append(
                {
                    "group": name,
                    "dimension": rec.dimension,
                    "n": rec.n,
                    "expectation": rec.expectation,
                    "perception": rec.perception,
                    "gap": rec.gap,
                    "ci_low": rec.ci_low,
                    "ci_high": rec.ci_high,
                    "p_holm": rec.p_holm,
                }
            )
    frame, formats, signed = _labelled(pd.DataFrame(rows), lang)
    per_group = Table(
        title=f"{label('dimension_gaps', lang)} – {result.by}",
        frame=frame,
        formats=formats,
        signed=signed[:1],
        sheet="Grupper" if lang == "sv" else "Groups",
    )
    tests = pd.DataFrame(
        [
            {"dimension": c.dimension, "welch_p": c.welch_p, "kruskal_p": c.kruskal_p}
            for c in result.comparisons
        ]
    )
    tframe, tformats, _ = _labelled(tests, lang)
    blocks: list[Table | Text] = [
        per_group,
        Table(
            title=label("group_tests", lang),
            frame=tframe,
            formats=tformats,
            sheet="Grupptest" if lang == "sv" else "Group tests",
        ),
    ]
    posthoc = []
    for c in result.comparisons:
        if c.games_howell.empty:
            continue
        merged = c.games_howell[["group_a", "group_b", "diff", "p_adj"]].copy()
        merged["p_dunn"] = c.dunn["p_adj"].to_numpy()
        merged.insert(0, "dimension", c.dimension)
        posthoc.append(merged)
    if posthoc:
        pframe, pformats, _ = _labelled(pd.concat(posthoc, ignore_index=True), lang)
        pformats[label("p_dunn", lang)] = "p"
        blocks.append(
            Table(
                title=label("posthoc", lang),
                frame=pframe,
                formats=pformats,
                sheet="Parvis" if lang == "sv" else "Pairwise",
            )
        )
    if result.n_without_group:
        blocks.append(Text(f"{result.n_without_group} {label('without_group', lang)}.", "note"))
    return [Section(title=f"{label('group', lang)}: {result.by}", blocks=tuple(blocks))]
