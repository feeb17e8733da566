"""The ``gap --by`` section: per-group dimension gaps side by side, the across-group tests
(Welch's ANOVA, Kruskal-Wallis) with who was left out and why, and the pairwise comparisons."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pandas as pd

from servqual_cli.core.group_gaps import GroupedGapAnalysis
from servqual_cli.core.group_tests import MIN_GROUP_N, SMALL_GROUP, GroupComparison
from servqual_cli.core.small_samples import MIN_N
from servqual_cli.report.below_test import flag_below
from servqual_cli.report.catalog import GROUPS as GROUP_LABELS
from servqual_cli.report.catalog import TOOLBOX, count_text, dimension_name, label
from servqual_cli.report.conf_level import level_text
from servqual_cli.report.gap_apa import group_apa_lines
from servqual_cli.report.gap_labels import (
    adjusted_label,
    family_words,
    labelled,
    no_variation_rows,
    small_base_note,
    variation_note,
    with_adjusted,
    with_small_base,
)
from servqual_cli.report.spec import Section, Table, Text
from servqual_cli.report.weighted_gap_sections import (
    group_differ_text,
    weighted_group_table,
    weighted_group_test_apa_lines,
    weighted_group_test_table,
    weighted_group_test_title,
)

if TYPE_CHECKING:
    from servqual_cli.core.weighted_group_gaps import WeightedGroupGaps
    from servqual_cli.core.weighted_group_test import WeightedGroupTests


def group_sections(
    result: GroupedGapAnalysis,
    lang: str,
    min_n: int = MIN_N,
    apa: bool = False,
    sample: bool = False,
    weighted: WeightedGroupGaps | None = None,
    weight_column: str | None = None,
    weighted_tests: WeightedGroupTests | None = None,
) -> list[Section]:
    """Per-group dimension gaps side by side, plus the across-group tests; with ``apa``
    (``servqual gap``, not the report) their APA lines under the tests table, labelled
    "unweighted (the sample)" when ``sample`` (survey weights were given: the group tests have no
    weighted form).

    Survey weights (review 7, finding 2): with ``weighted`` (``weight_column`` in a report, or
    ``gap --weight-column --by``) the per-group table is the weighted one, on the cards' basis;
    with only ``weight_column`` it stays the sample's and its title and note say "unweighted
    (the sample)". With ``weighted_tests`` the design-based test between the groups
    (:mod:`~servqual_cli.core.weighted_group_test`) stands first, with its APA lines under
    ``apa``; Welch, Kruskal-Wallis and the pairwise tests stay unweighted, and their titles and
    notes say so (and point to the weighted test when there is one)."""
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
    frame, formats, signed = labelled(source.drop(columns="small_base", errors="ignore"), lang,
                                     result.all.conf)  # fmt: skip
    family = family_words(result.n_group_dimension_tests, "groups", lang)
    frame = with_adjusted(frame, formats, result.adjust, family, lang)
    p_column = adjusted_label(result.adjust, family, lang)  # the test that colours the gap
    frame = with_small_base(frame, source, lang)
    flat = [row for name, res in result.groups.items()
            for row in no_variation_rows(res, lang, prefix=f"{name}, ")]  # fmt: skip
    notes = [
        variation_note(flat, lang),
        small_base_note(source, lang, min_n),
        label("unrounded_note", lang, GROUP_LABELS),
    ]
    column = weighted.column if weighted is not None else weight_column
    # what stays unweighted in a weighted run says so in its title (review 7, finding 2)
    sample_words = "" if column is None else f" – {label('unweighted_sample', lang, TOOLBOX)}"
    if column is not None and weighted is None:
        notes.insert(0, label("group_table_unweighted", lang, TOOLBOX).format(column=column))
    per_group = (
        flag_below(
            Table(
                title=f"{label('dimension_gaps', lang)} – {result.by}{sample_words}",
                frame=frame,
                formats=formats,
                signed=signed[:1],
                note=" ".join(n for n in notes if n) or None,
                sheet="Grupper" if lang == "sv" else "Groups",
            ),
            signed[0],
            p_column,
            lang,
        )
        if weighted is None
        else weighted_group_table(weighted, lang, list(result.groups), min_n)
    )
    between = "" if column is None else label("group_tests_unweighted", lang, TOOLBOX)
    if weighted_tests is not None and weighted_tests.n_tests:
        between = label("group_tests_unweighted_beside", lang, TOOLBOX).format(
            table=weighted_group_test_title(weighted_tests, lang)
        )
    weighted_above = ""  # the tests' table stands under the weighted one; the pairs do not
    if weighted is not None:
        weighted_above = label("group_gaps_weighted_above", lang, TOOLBOX).format(column=column)
    tests = pd.DataFrame(
        [
            {
                "dimension": c.dimension,
                "welch_k": len(c.welch_groups),
                # the n of a test that was made (two groups or more), else "–"
                "welch_n": c.welch_n if len(c.welch_groups) >= 2 else None,
                "welch_p": c.welch_p,
                "welch_p_adjusted": c.welch_p_adjusted,
                "omega2": c.omega2.value if c.omega2 is not None else float("nan"),
                "kruskal_k": len(c.kruskal_groups),
                "kruskal_n": c.kruskal_n if len(c.kruskal_groups) >= 2 else None,
                "kruskal_p": c.kruskal_p,
                "kruskal_p_adjusted": c.kruskal_p_adjusted,
                "epsilon2": c.epsilon2.value if c.epsilon2 is not None else float("nan"),
            }
            for c in result.comparisons
        ]
    )
    for key in ("welch_n", "kruskal_n"):
        tests[key] = tests[key].astype("Int64")
    tframe, tformats, _ = labelled(tests, lang)
    tframe = tframe.rename(columns={k: label(k, lang, GROUP_LABELS) for k in GROUP_LABELS})
    family = family_words(len(result.comparisons), "dimensions", lang)
    for key, test in (("welch_p_adjusted", "Welch"), ("kruskal_p_adjusted", "KW")):
        name = f"{adjusted_label(result.adjust, family, lang)[:-1]}, {test})"
        tformats[name] = "p"
        tframe = tframe.rename(columns={key: name})
    tformats.update({label(k, lang, GROUP_LABELS): v for k, v in GROUP_FORMATS.items()})
    blocks: list[Table | Text] = [per_group]
    not_made = result.nothing_to_compare
    if not_made is None and weighted_tests is not None and weighted_tests.n_tests:
        blocks.append(weighted_group_test_table(weighted_tests, lang))
        # agree or differ with Welch, as the dimension table's line (review 15, finding 5)
        differ = group_differ_text(weighted_tests, lang)
        if differ is not None:
            blocks.append(Text(*differ))
        if apa:
            lines = weighted_group_test_apa_lines(weighted_tests, lang)
            blocks += [Text(line, kind="apa") for line in lines]
    if not_made is None:
        blocks.append(
            Table(
                title=label("group_tests", lang) + sample_words,
                frame=tframe,
                formats=tformats,
                note=" ".join(
                    x
                    for x in (
                        between,
                        weighted_above,
                        label("tests_counts_note", lang, GROUP_LABELS),
                        _tests_note(result, lang),
                    )
                    if x
                ),
                sheet="Grupptest" if lang == "sv" else "Group tests",
            )
        )
    else:  # a table of "–" says nothing: say why instead (review 2 item 22 b)
        fill = {"by": result.by, "group": ", ".join(result.groups), "n": MIN_GROUP_N}
        blocks.append(Text(label(not_made, lang, GROUP_LABELS).format(**fill), "note"))
        if not_made != "one_group":
            blocks.append(Text(_tests_note(result, lang) or "", "note"))
    if apa:
        blocks += [Text(line, kind="apa") for line in group_apa_lines(result, lang, sample)]
    posthoc = []
    for c in result.comparisons:
        if c.games_howell.empty and c.dunn.empty:
            continue
        keys = ["group_a", "group_b"]
        # the difference with its Games-Howell interval (the note names its level)
        gh_cols = [*keys, "diff", "ci_low", "ci_high", "p_adj"]
        # headed "Skillnad (A − B)": the sign's direction in the header (review 12b, finding 8)
        gh = (
            c.games_howell[gh_cols].rename(columns={"diff": "diff_ab"})
            if not c.games_howell.empty
            else None
        )
        dunn = c.dunn[[*keys, "p_adj"]].rename(columns={"p_adj": "p_dunn"})
        # Dunn may compare groups Games-Howell leaves out (one score, no variance): outer join.
        merged = dunn if gh is None else gh.merge(dunn, on=keys, how="outer", sort=False)
        merged.insert(0, "dimension", c.dimension)
        merged[label("omnibus", lang, GROUP_LABELS)] = _omnibus_mark(c, lang)
        posthoc.append(merged)
    if posthoc:
        conf = result.comparisons[0].conf
        pairs = pd.concat(posthoc, ignore_index=True)
        omnibus = label("omnibus", lang, GROUP_LABELS)
        marked = bool(pairs[omnibus].astype(bool).any())
        if not marked:  # every omnibus test significant: no column
            pairs = pairs.drop(columns=omnibus)
        pframe, pformats, _ = labelled(pairs, lang, conf)
        pformats[label("p_dunn", lang)] = "p"
        blocks.append(
            Table(
                title=label("posthoc", lang) + sample_words,
                frame=pframe,
                formats=pformats,
                note=" ".join(x for x in (between, _posthoc_note(result, conf, lang, marked)) if x),
                sheet="Parvis" if lang == "sv" else "Pairwise",
                appendix=True,  # detail: the report's appendix
            )
        )
    if result.n_without_group:
        left_out = label("without_group", lang).format(
            by=result.by, n=count_text(result.n_without_group, lang)
        )
        blocks.append(Text(left_out, "note"))
    return [Section(title=f"{label('group', lang)}: {result.by}", blocks=tuple(blocks))]


def _omnibus_mark(c: GroupComparison, lang: str) -> str:
    """ "n.s. (Welch, KW)" when the dimension's omnibus tests are not significant after the
    adjustment across dimensions (review 5, finding 8: a pairwise p below .05 under an omnibus
    test that finds nothing invites a claim the family-wise test does not support)."""
    names = [name for name, p in (("Welch", c.welch_p_adjusted), ("KW", c.kruskal_p_adjusted))
             if not p < 0.05]  # fmt: skip
    if not names:
        return ""
    return f"{label('not_significant', lang, GROUP_LABELS)} ({', '.join(names)})"


def _posthoc_note(result: GroupedGapAnalysis, conf: float, lang: str, marked: bool) -> str:
    """The pairwise tests' method, their family (within one dimension) and, when some row has
    it (``marked``), what the omnibus mark means."""
    base = label("posthoc_note", lang, GROUP_LABELS).format(conf=level_text(conf, lang))
    base += " " + label("posthoc_sign", lang, GROUP_LABELS)
    k = len(result.comparisons)
    text = f"{base} " + label("posthoc_family", lang, GROUP_LABELS).format(k=k)
    if marked:
        adjust = adjusted_label(result.adjust, family_words(k, "dimensions", lang), lang)[3:-1]
        text += " " + label("posthoc_omnibus", lang, GROUP_LABELS).format(adjust=adjust)
    return text


GROUP_FORMATS = {"welch_k": "d", "welch_n": "d", "omega2": ".2f", "kruskal_k": "d",
                 "kruskal_n": "d", "epsilon2": ".2f"}  # fmt: skip
_REASONS_SV = {
    "no valid dimension gap": "inget giltigt dimensionsgap",
    "fewer than 2 valid dimension gaps": "färre än 2 giltiga dimensionsgap",
    "no variance (all gaps equal)": "ingen varians (alla gap lika)",
}


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
