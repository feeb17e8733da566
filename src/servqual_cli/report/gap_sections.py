"""Build document sections from gap results (shared by ``servqual gap`` and ``servqual report``)."""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

import pandas as pd

from servqual_cli.core.gaps import GapAnalysis
from servqual_cli.core.group_gaps import SMALL_GROUP, GroupComparison, GroupedGapAnalysis
from servqual_cli.report.catalog import GROUPS as GROUP_LABELS
from servqual_cli.report.catalog import dimension_name, exclusion_summary, label
from servqual_cli.report.spec import Section, Table, Text

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


_ADJUST_NAMES = {"holm": "Holm", "bh": "BH", "none": "ojusterat|unadjusted"}


def _adjusted_label(adjust: str, family: str, lang: str) -> str:
    """``p (Holm, 5 dimensions)``: the adjusted p's column names its method and family."""
    name = _ADJUST_NAMES.get(adjust, adjust)
    if "|" in name:
        name = name.split("|")[0 if lang == "sv" else 1]
    return f"p ({name}, {family})"


def _family(n: int, what: str, lang: str) -> str:
    sv = {"dimensions": "dimensioner", "items": "påståenden", "groups": "grupper × dimensioner"}
    return f"{n} {sv[what] if lang == 'sv' else what.replace('groups', 'groups × dimensions')}"


def _adjusted(
    frame: pd.DataFrame, formats: dict[str, str], adjust: str, family: str, lang: str
) -> pd.DataFrame:
    new = _adjusted_label(adjust, family, lang)
    formats[new] = "p"
    return frame.rename(columns={label("p_adjusted", lang): new})


def _method_note(result: GapAnalysis, lang: str) -> str:
    """Which signed rank p each row got, and the zero rule, under the table."""
    methods = sorted(
        set(result.dimensions["wilcoxon_method"]) | set(result.items["wilcoxon_method"])
    )
    if lang == "sv":
        methods = [_method_sv(m) for m in methods]
    return "p (Wilcoxon): " + "; ".join(methods)


_METHOD_SV = (
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


def _method_sv(method: str) -> str:
    for en, sv in _METHOD_SV:
        method = method.replace(en, sv)
    return method


def _prorated_note(result: GapAnalysis, lang: str) -> str:
    """The proration rule and how many respondents it scored from fewer than all items."""
    d = result.dimensions
    rule = {"half": ("minst hälften av påståendena", "at least half the items"),
            "all": ("alla påståenden", "every item")}.get(result.min_items)  # fmt: skip
    if rule is None:
        rule = (f"minst {result.min_items} påståenden", f"at least {result.min_items} items")
    names = [dimension_name(k, lang) for k in d["dimension"]]  # the reader's words
    counts = ", ".join(f"{k} {n}" for k, n in zip(names, d["n_prorated"], strict=True))
    if lang == "sv":
        return f"Dimensionspoäng kräver {rule[0]}; svar från färre än alla påståenden: {counts}."
    return f"A dimension score needs {rule[1]}; scored from fewer than all items: {counts}."


def _base_note(result: GapAnalysis, lang: str) -> str:
    """Two columns give a mean of P on different bases (review item 16): the gap columns use the
    respondents with both E and P (the column n), SERVPERF everyone who answered P."""
    d = result.dimensions
    if "n_servperf" not in d.columns:
        return ""
    names = [dimension_name(k, lang) for k in d["dimension"]]
    counts = ", ".join(f"{k} {int(n)}" for k, n in zip(names, d["n_servperf"], strict=True))
    return label("base_note", lang).format(counts=counts)


def dimension_table(result: GapAnalysis, lang: str, title: str | None = None) -> Table:
    frame, formats, signed = _labelled(result.dimensions[DIM_COLUMNS], lang)
    family = _family(len(result.dimensions), "dimensions", lang)
    frame = _adjusted(frame, formats, result.adjust, family, lang)
    return Table(
        title=title or label("dimension_gaps", lang),
        frame=frame,
        formats=formats,
        signed=signed[:1],
        note=f"{label('negative_note', lang)} {_method_note(result, lang)}. "
        f"{_prorated_note(result, lang)} {_base_note(result, lang)}",
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
    frame = _adjusted(
        frame, formats, result.adjust, _family(len(result.items), "items", lang), lang
    )
    return Table(
        title=title or label("item_gaps", lang),
        frame=frame,
        formats=formats,
        signed=signed[:1],
        sheet="Påståenden" if lang == "sv" else "Items",
    )


def _num(value: float, digits: int, lang: str) -> str:
    text = f"{value:.{digits}f}".replace("-", "−")
    return text.replace(".", ",") if lang == "sv" else text


def _apa_p(p: float, lang: str) -> str:
    if p != p:  # NaN
        return "p = –"
    if p < 0.001:
        return "p < 0,001" if lang == "sv" else "p < .001"
    text = f"{p:.3f}"
    return f"p = {text.replace('.', ',')}" if lang == "sv" else f"p = {text[1:]}"


def apa_lines(result: GapAnalysis, lang: str) -> list[str]:
    """One APA-style line per dimension: the paired t with dz and its CI, then the Wilcoxon test.

    ``t(399) = −10.10, p < .001, dz = −0.51, 95% CI [−0.61, −0.40]; V = 1234, p < .001,
    r_rb = −0.62, 95% CI [−0.70, −0.52]``. Swedish: decimal comma, "95 % KI [a; b]".
    """
    pct = f"{result.conf * 100:g}"
    ci = f"{pct.replace('.', ',')} % KI" if lang == "sv" else f"{pct}% CI"
    sep = "; " if lang == "sv" else ", "
    lines = []
    for r in result.dimensions.to_dict("records"):
        if r["t"] != r["t"]:  # no test (fewer than two gaps, or no spread)
            continue
        dz = f"[{_num(r['dz_ci_low'], 2, lang)}{sep}{_num(r['dz_ci_high'], 2, lang)}]"
        rb_low, rb_high = r["rank_biserial_ci_low"], r["rank_biserial_ci_high"]
        rb = f"[{_num(rb_low, 2, lang)}{sep}{_num(rb_high, 2, lang)}]"
        v = _num(r["v"], 1 if r["v"] % 1 else 0, lang)
        name = dimension_name(r["dimension"], lang)  # the built-in dimensions in the reader's words
        lines.append(
            f"{name}: t({int(r['df'])}) = {_num(r['t'], 2, lang)}, "
            f"{_apa_p(r['p_t'], lang)}, dz = {_num(r['dz'], 2, lang)}, {ci} {dz}; V = {v}, "
            f"{_apa_p(r['p_wilcoxon'], lang)}, r_rb = {_num(r['rank_biserial'], 2, lang)}, "
            f"{ci} {rb}"
        )
    return lines


def overall_table(result: GapAnalysis, lang: str, importance_columns: str | None = None) -> Table:
    """The overall SERVQUAL score, unweighted and importance-weighted (``importance_columns``:
    the importance columns' names for the note when the file has none)."""
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
    if o.weighted is None and importance_columns:  # importance weights, not survey weights
        notes.append(label("no_importance_weights", lang).format(columns=importance_columns))
    elif o.weighted is None:
        notes.append(label("no_weights", lang))
    elif o.n_weight_excluded:
        notes.append(f"{o.n_weight_excluded} {label('weight_excluded', lang)}")
    if o.weighted is not None:
        notes.append(_weight_note(o.weight_rule, o.n_weight_not_100, lang))
    return Table(
        title=label("overall", lang),
        frame=frame,
        formats=formats,
        signed=(label("score", lang),),
        note="; ".join(notes) or None,
        sheet="Total",
    )


def _weight_note(rule: str, not_100: int, lang: str) -> str:
    if rule == "rating":
        return ("vikter lästa som betyg per dimension, skalade till sin summa" if lang == "sv"
                else "weights read as ratings per dimension, rescaled to their sum")  # fmt: skip
    if lang == "sv":
        return (
            f"vikter lästa som 100 fördelade poäng; {not_100} rader summerade inte till 100 "
            "och skalades till sin summa"
        )
    return (
        f"weights read as 100 allocated points; {not_100} rows did not sum to 100 and were "
        "rescaled to their sum"
    )


def gap_sections(
    result: GapAnalysis,
    excluded: dict[str, int],
    lang: str,
    items: bool = True,
    *,
    survey_weights: str | None = None,
    importance_columns: str | None = None,
) -> list[Section]:
    """The dimension gaps, APA lines, item gaps and overall score of a gap analysis.

    ``survey_weights`` (the ``--weight-column``) titles the first table "unweighted (sample)"
    and points to the weighted table; ``importance_columns`` ("W1–W5") names the importance
    weights the overall score lacks (review 2, item 7: "no weights in the file" read as if the
    survey weights were missing).
    """
    title = None
    if survey_weights is not None:
        title = f"{label('dimension_gaps', lang)} – {label('unweighted_sample', lang)}"
    blocks: list[Table | Text] = [dimension_table(result, lang, title)]
    if survey_weights is not None:
        note = label("survey_weights_note", lang).format(column=survey_weights)
        blocks.append(Text(note, kind="note"))
    blocks += [Text(line, kind="apa") for line in apa_lines(result, lang)]
    if items:
        blocks.append(item_table(result, lang))
    blocks.append(overall_table(result, lang, importance_columns))
    blocks.append(Text(f"{label('respondents', lang)}: {result.n_rows}. "
                       f"{exclusion_summary(excluded, lang)}.", kind="note"))  # fmt: skip
    return [Section(title="", blocks=tuple(blocks))]


def group_sections(result: GroupedGapAnalysis, lang: str) -> list[Section]:
    """Per-group dimension gaps side by side, plus the across-group tests."""
    table = result.group_dimension_p
    adjusted = dict(
        zip(zip(table["group"], table["dimension"], strict=True), table["p_adjusted"], strict=True)
    )
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
                    "p_adjusted": adjusted.get((name, rec.dimension), float("nan")),
                }
            )
    frame, formats, signed = _labelled(pd.DataFrame(rows), lang)
    frame = _adjusted(frame, formats, result.adjust, _family(len(adjusted), "groups", lang), lang)
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
                "welch_p_adjusted": c.welch_p_adjusted,
                "omega2": c.omega2.value if c.omega2 is not None else float("nan"),
                "kruskal_k": len(c.kruskal_groups),
                "kruskal_p": c.kruskal_p,
                "kruskal_p_adjusted": c.kruskal_p_adjusted,
                "epsilon2": c.epsilon2.value if c.epsilon2 is not None else float("nan"),
            }
            for c in result.comparisons
        ]
    )
    tframe, tformats, _ = _labelled(tests, lang)
    tframe = tframe.rename(columns={k: label(k, lang, GROUP_LABELS) for k in GROUP_LABELS})
    family = _family(len(result.comparisons), "dimensions", lang)
    for key, test in (("welch_p_adjusted", "Welch"), ("kruskal_p_adjusted", "KW")):
        name = f"{_adjusted_label(result.adjust, family, lang)[:-1]}, {test})"
        tformats[name] = "p"
        tframe = tframe.rename(columns={key: name})
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
        # the difference with its Games-Howell interval (the note names its level)
        gh_cols = [*keys, "diff", "ci_low", "ci_high", "p_adj"]
        gh = c.games_howell[gh_cols] if not c.games_howell.empty else None
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
                appendix=True,  # detail: the report's appendix
            )
        )
    if result.n_without_group:
        left_out = label("without_group", lang).format(by=result.by, n=result.n_without_group)
        blocks.append(Text(left_out, "note"))
    return [Section(title=f"{label('group', lang)}: {result.by}", blocks=tuple(blocks))]


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
                lines.append(f"{dimension_name(c.dimension, lang)}, {name}: {left} {why}")
        lines += [_small_groups(result, c) if lang == "sv" else w for w in c.warnings]
    return "; ".join(lines) or None


def _small_groups(result: GroupedGapAnalysis, c: GroupComparison) -> str:
    """The small-group warning of one dimension in Swedish, from the groups' own counts
    (the gap scores behind Welch's ANOVA: each group's n of the dimension)."""
    small = []
    for name in c.welch_groups:
        dims = result.groups[name].dimensions
        n = int(dims.loc[dims["dimension"] == c.dimension, "n"].iloc[0])
        if n < SMALL_GROUP:
            small.append(f"{name} ({n})")
    return (
        f"{dimension_name(c.dimension, 'sv')}: grupper med färre än {SMALL_GROUP} värden bakom "
        f"Welchs ANOVA och Games-Howell: {', '.join(small)}; deras p-värden och intervall är "
        "ungefärliga"
    )
