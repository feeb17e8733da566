"""Build document sections from gap results (shared by ``servqual gap`` and ``servqual report``)."""

from __future__ import annotations

from types import MappingProxyType

import pandas as pd

from servqual_cli.core.gaps import GapAnalysis
from servqual_cli.core.group_gaps import GroupedGapAnalysis
from servqual_cli.report.labels import exclusion_summary, label
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


def item_table(result: GapAnalysis, lang: str, title: str | None = None) -> Table:
    frame, formats, signed = _labelled(result.items[ITEM_COLUMNS], lang)
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
            {
                "dimension": c.dimension,
                "welch_k": len(c.welch_groups),
                "welch_p": c.welch_p,
                "omega2": c.omega2.value if c.omega2 is not None else float("nan"),
                "kruskal_k": len(c.kruskal_groups),
                "kruskal_p": c.kruskal_p,
                "epsilon2": c.epsilon2.value if c.epsilon2 is not None else float("nan"),
            }
            for c in result.comparisons
        ]
    )
    tframe, tformats, _ = _labelled(tests, lang)
    tframe = tframe.rename(columns={k: label(k, lang, GROUP_LABELS) for k in GROUP_LABELS})
    tformats.update({label(k, lang, GROUP_LABELS): v for k, v in GROUP_FORMATS.items()})
    blocks: list[Table | Text] = [
        per_group,
        Table(
            title=label("group_tests", lang),
            frame=tframe,
            formats=tformats,
            note=_tests_note(result, lang),
            sheet="Grupptest" if lang == "sv" else "Group tests",
        ),
    ]
    posthoc = []
    for c in result.comparisons:
        if c.games_howell.empty and c.dunn.empty:
            continue
        keys = ["group_a", "group_b"]
        gh = c.games_howell[[*keys, "diff", "p_adj"]] if not c.games_howell.empty else None
        dunn = c.dunn[[*keys, "p_adj"]].rename(columns={"p_adj": "p_dunn"})
        # Dunn may compare groups Games-Howell leaves out (one score, no variance): outer join.
        merged = dunn if gh is None else gh.merge(dunn, on=keys, how="outer", sort=False)
        merged.insert(0, "dimension", c.dimension)
        posthoc.append(merged)
    if posthoc:
        pframe, pformats, _ = _labelled(pd.concat(posthoc, ignore_index=True), lang)
        pformats[label("p_dunn", lang)] = "p"
        conf = result.comparisons[0].conf
        blocks.append(
            Table(
                title=label("posthoc", lang),
                frame=pframe,
                formats=pformats,
                note=label("posthoc_note", lang, GROUP_LABELS).format(conf=_percent(conf, lang)),
                sheet="Parvis" if lang == "sv" else "Pairwise",
            )
        )
    if result.n_without_group:
        blocks.append(Text(f"{result.n_without_group} {label('without_group', lang)}.", "note"))
    return [Section(title=f"{label('group', lang)}: {result.by}", blocks=tuple(blocks))]


GROUP_LABELS: dict[str, tuple[str, str]] = {
    "welch_k": ("grupper (Welch)", "groups (Welch)"),
    "omega2": ("ω² (Welch)", "ω² (Welch)"),
    "kruskal_k": ("grupper (KW)", "groups (KW)"),
    "epsilon2": ("ε² (KW)", "ε² (KW)"),
    "left_out": ("utelämnade", "left out"),
    "posthoc_note": (
        "Games-Howell: p justerat med studentiserade variationsvidden, {conf} KI; "
        "Dunn: p justerat med Holm inom dimensionen.",
        "Games-Howell: p adjusted by the studentized range, {conf} CI; "
        "Dunn: p adjusted by Holm within the dimension.",
    ),
}
GROUP_FORMATS = {"welch_k": "d", "omega2": ".2f", "kruskal_k": "d", "epsilon2": ".2f"}
_REASONS_SV = {
    "no valid dimension gap": "inget giltigt dimensionsgap",
    "fewer than 2 valid dimension gaps": "färre än 2 giltiga dimensionsgap",
    "no variance (all gaps equal)": "ingen varians (alla gap lika)",
}


def _percent(conf: float, lang: str) -> str:
    text = f"{conf * 100:g}"
    return f"{text.replace('.', ',')} %" if lang == "sv" else f"{text}%"


def _tests_note(result: GroupedGapAnalysis, lang: str) -> str | None:
    """Which groups each test left out and why, and the small-group warnings."""
    lines = []
    tests = {"welch_anova": "Welch/Games-Howell", "kruskal_wallis": "Kruskal-Wallis/Dunn"}
    for c in result.comparisons:
        for key, name in tests.items():
            out = c.left_out.get(key, {})
            if out:
                why = ", ".join(
                    f"{g} ({_REASONS_SV.get(r, r) if lang == 'sv' else r})" for g, r in out.items()
                )
                left = label("left_out", lang, GROUP_LABELS)
                lines.append(f"{c.dimension}, {name}: {left} {why}")
        lines += list(c.warnings)
    return "; ".join(lines) or None
