"""Build document sections from gap results (shared by ``servqual gap`` and ``servqual report``)."""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

import pandas as pd

from servqual_cli.core.gaps import GapAnalysis
from servqual_cli.core.group_gaps import (
    MIN_GROUP_N,
    SMALL_GROUP,
    GroupComparison,
    GroupedGapAnalysis,
)
from servqual_cli.core.small_samples import MIN_N
from servqual_cli.io.scale_use import ScaleUse
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
    """The adjustment family in the column header. ``groups`` counts the tests actually made
    (a group with fewer than two gaps has none), and says so when there is none (review 2
    item 9: "35 groups × dimensions" stood over a family of 15 tests)."""
    if what == "groups":
        if n == 0:
            return "inget test" if lang == "sv" else "no test"
        if lang == "sv":
            return f"{n} test, grupper × dimensioner"
        return f"{n} test{'s' if n != 1 else ''}, groups × dimensions"
    sv = {"dimensions": "dimensioner", "items": "påståenden"}
    return f"{n} {sv[what] if lang == 'sv' else what}"


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


def _with_small_base(frame: pd.DataFrame, source: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The "Small base" column (as ``service-survey``'s), when some row has one."""
    if "small_base" not in source.columns or not source["small_base"].any():
        return frame
    yes = label("yes", lang, GROUP_LABELS)
    flags = [yes if bool(b) else "" for b in source["small_base"]]
    return frame.assign(**{label("small_base", lang, GROUP_LABELS): flags})


def _small_base_note(source: pd.DataFrame, lang: str, min_n: int) -> str:
    if "small_base" not in source.columns or not source["small_base"].any():
        return ""
    return label("small_base_note", lang, GROUP_LABELS).format(min_n=min_n)


def _variation_note(rows: list[tuple[str, float]], lang: str) -> str:
    """ "No variation: Assurance (every gap is −1.00)": why a row has no SD, t or interval."""
    if not rows:
        return ""
    every = label("every_gap", lang, GROUP_LABELS)
    parts = [f"{name} ({every.format(gap=_num(gap, 2, lang))})" for name, gap in rows]
    return f"{label('no_variation', lang, GROUP_LABELS)}: {', '.join(parts)}."


def _no_variation(result: GapAnalysis, lang: str, prefix: str = "") -> list[tuple[str, float]]:
    d = result.dimensions
    if "no_variation" not in d.columns:
        return []
    flat = d[d["no_variation"]]
    names = [prefix + dimension_name(str(k), lang) for k in flat["dimension"]]
    return list(zip(names, flat["gap"].astype(float).tolist(), strict=True))


def dimension_table(
    result: GapAnalysis, lang: str, title: str | None = None, min_n: int = MIN_N
) -> Table:
    frame, formats, signed = _labelled(result.dimensions[DIM_COLUMNS], lang)
    family = _family(len(result.dimensions), "dimensions", lang)
    frame = _adjusted(frame, formats, result.adjust, family, lang)
    frame = _with_small_base(frame, result.dimensions, lang)
    extra = " ".join(
        t
        for t in (_variation_note(_no_variation(result, lang), lang),
                  _small_base_note(result.dimensions, lang, min_n))
        if t
    )  # fmt: skip
    return Table(
        title=title or label("dimension_gaps", lang),
        frame=frame,
        formats=formats,
        signed=signed[:1],
        note=f"{label('negative_note', lang)} {_method_note(result, lang)}. "
        f"{_prorated_note(result, lang)} {_base_note(result, lang)}"
        + (f" {extra}" if extra else ""),
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
    frame = _with_small_base(frame, result.items, lang)
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
        if rb_low != rb_low:  # r = ±1: the Fisher z interval is undefined (review 2 item 10)
            rb = f"– ({label('rb_undefined', lang, GROUP_LABELS)})"
        else:
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
    min_n: int = MIN_N,
    *,
    survey_weights: str | None = None,
    importance_columns: str | None = None,
) -> list[Section]:
    """The dimension gaps, APA lines, item gaps and overall score of a gap analysis.

    ``survey_weights`` (the ``--weight-column``) titles the first table "unweighted (sample)"
    and points to the weighted table; ``importance_columns`` ("W1–W5") names the importance
    weights the overall score lacks (review 2, item 7: "no weights in the file" read as if the
    survey weights were missing). Rows with n below ``min_n`` are flagged "small base".
    """
    title = None
    if survey_weights is not None:
        title = f"{label('dimension_gaps', lang)} – {label('unweighted_sample', lang)}"
    blocks: list[Table | Text] = [dimension_table(result, lang, title, min_n=min_n)]
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


def group_sections(result: GroupedGapAnalysis, lang: str, min_n: int = MIN_N) -> list[Section]:
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
                    "small_base": bool(getattr(rec, "small_base", False)),
                }
            )
    source = pd.DataFrame(rows)
    frame, formats, signed = _labelled(source.drop(columns="small_base", errors="ignore"), lang)
    family = _family(result.n_group_dimension_tests, "groups", lang)
    frame = _adjusted(frame, formats, result.adjust, family, lang)
    frame = _with_small_base(frame, source, lang)
    flat = [row for name, res in result.groups.items()
            for row in _no_variation(res, lang, prefix=f"{name}, ")]  # fmt: skip
    notes = [_variation_note(flat, lang), _small_base_note(source, lang, min_n)]
    per_group = Table(
        title=f"{label('dimension_gaps', lang)} – {result.by}",
        frame=frame,
        formats=formats,
        signed=signed[:1],
        note=" ".join(n for n in notes if n) or None,
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
    blocks: list[Table | Text] = [per_group]
    not_made = result.nothing_to_compare
    if not_made is None:
        blocks.append(
            Table(
                title=label("group_tests", lang),
                frame=tframe,
                formats=tformats,
                note=_tests_note(result, lang),
                sheet="Grupptest" if lang == "sv" else "Group tests",
            )
        )
    else:  # a table of "–" says nothing: say why instead (review 2 item 22 b)
        fill = {"by": result.by, "group": ", ".join(result.groups), "n": MIN_GROUP_N}
        blocks.append(Text(label(not_made, lang, GROUP_LABELS).format(**fill), "note"))
        if not_made != "one_group":
            blocks.append(Text(_tests_note(result, lang) or "", "note"))
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
    """The eligibility rule once, each left-out group once with the tests and dimensions it
    misses and why, and the small-group warning once per set of groups (review 2 items 9 and
    22 c: the same note stood under every dimension)."""
    lines = [label("group_rule", lang, GROUP_LABELS).format(n=MIN_GROUP_N).rstrip(".")]
    tests = {"welch_anova": "Welch/Games-Howell", "kruskal_wallis": "Kruskal-Wallis/Dunn"}
    dims = [c.dimension for c in result.comparisons]
    where: dict[tuple[str, str], dict[str, list[str]]] = {}  # (group, why) -> test -> dims
    for c in result.comparisons:
        for key, name in tests.items():
            for group, why in c.left_out.get(key, {}).items():
                where.setdefault((group, why), {}).setdefault(name, []).append(c.dimension)
    by_scope: dict[tuple[str, str], list[str]] = {}  # (where, why) -> groups
    for (group, why), per_test in where.items():
        reason = _REASONS_SV.get(why, why) if lang == "sv" else why
        by_scope.setdefault((_scope(per_test, tests, dims, lang), reason), []).append(group)
    left = label("left_out", lang, GROUP_LABELS)
    lines += [f"{scope}: {left} {', '.join(groups)} ({why})"
              for (scope, why), groups in by_scope.items()]  # fmt: skip
    small: dict[str, list[str]] = {}  # the small groups' text -> dimensions
    for c in result.comparisons:
        text = _small_groups(result, c)
        if text:
            small.setdefault(text, []).append(c.dimension)
    for text, where_dims in small.items():
        scope = _dims(where_dims, dims, lang)
        words = label("small_groups", lang, GROUP_LABELS).format(n=SMALL_GROUP, groups=text)
        lines.append(f"{scope}: {words}")
    return "; ".join(lines) + "."


def _dims(these: list[str], every: list[str], lang: str) -> str:
    if len(these) == len(every) and len(every) > 1:
        return label("every_dimension", lang, GROUP_LABELS)
    return ", ".join(dimension_name(d, lang) for d in these)


def _scope(per_test: dict[str, list[str]], tests: dict[str, str], dims: list[str],
           lang: str) -> str:  # fmt: skip
    """Where a group is left out: "every test", or each test with its dimensions."""
    full = all(len(per_test.get(name, [])) == len(dims) for name in tests.values())
    if full:
        return label("every_test", lang, GROUP_LABELS)
    return ", ".join(f"{name} ({_dims(d, dims, lang)})" for name, d in per_test.items())


def _small_groups(result: GroupedGapAnalysis, c: GroupComparison) -> str:
    """The groups behind Welch's ANOVA with fewer than :data:`SMALL_GROUP` gap scores in one
    dimension, from the groups' own counts ("" when none, or when Welch did not run)."""
    if len(c.welch_groups) < 2:
        return ""
    small = []
    for name in c.welch_groups:
        dims = result.groups[name].dimensions
        n = int(dims.loc[dims["dimension"] == c.dimension, "n"].iloc[0])
        if n < SMALL_GROUP:
            small.append(f"{name} ({n})")
    return ", ".join(small)


def scale_use_sections(use: ScaleUse | None, lang: str) -> list[Section]:
    """A warning before the tables when no answer reaches an end of the declared scale
    (review 2 item 17: a 1–6 file read as 1–7 shifts reverse scoring and the top boxes)."""
    if use is None:
        return []
    return [Section(title="", blocks=(Text(use.message(lang), kind="warning"),))]
