"""The gap CSV's rows for the toolbox's additions to ``servqual gap`` (split from
:mod:`servqual_cli.cli.gap_toolbox` when it passed 400 lines, session 18): one tidy table with
the pairwise dimension tests, Friedman, derived importance, the weighted estimates and tests
and the respondent profile, each as its own ``level``."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import pandas as pd


def extend_tidy(tidy: pd.DataFrame, payload: dict[str, Any]) -> pd.DataFrame:
    """The gap CSV plus rows for the toolbox keys: level ``dimension_pair`` (name "A − B"),
    ``friedman``, ``importance`` (name = dimension), ``weighted`` (name = quantity),
    ``weighted_group`` (group = the group, name = dimension), ``weighted_group_test`` (name =
    dimension) and ``profile`` (name = "column: value"); their statistics in their own
    columns."""
    import pandas as pd

    frames = [tidy]

    def add(level: str, rows: list[dict[str, Any]], name: str) -> None:
        if rows:
            frame = pd.DataFrame(rows)
            frame.insert(0, "name", frame.pop(name) if name in frame else "")
            frame.insert(0, "level", level)
            frame.insert(0, "group", "ALL")
            frames.append(frame)

    dc = payload.get("dimension_comparison", {})
    if "pairs" in dc:
        pairs = [{"pair": f"{r['a']} − {r['b']}", **r} for r in dc["pairs"]]
        add("dimension_pair", pairs, "pair")
        add("friedman", [{"test": "friedman", **dc["friedman"]}], "test")
    if "importance" in payload:
        imp = payload["importance"]
        # weighted (--weight-column): the rows say by which column, and the unweighted fit of
        # the same respondents follows as its own level (as weighted_test beside dimension)
        rows = imp["coefficients"]
        if "unweighted" in imp:
            rows = [{**r, "weight_column": imp["weight_column"]} for r in rows]
        add("importance", rows, "dimension")
        if "unweighted" in imp:
            add("importance_unweighted", imp["unweighted"]["coefficients"], "dimension")
    if "weighted_tests" in payload:
        add("weighted_test", payload["weighted_tests"]["dimensions"], "dimension")
    if "weighted" in payload:  # the terminal's English words ("Tangibles: Gap (P−E)", session 17)
        from servqual_cli.report.toolbox_sections import estimate_label

        estimates = payload["weighted"]["estimates"]
        add("weighted", [{**r, "name": estimate_label(str(r["name"]), "en")} for r in estimates],
            "name")  # fmt: skip
    # --by with --weight-column: group = the group's name (none when no respondent has a group)
    if payload.get("weighted_groups", {}).get("groups"):
        frame = pd.DataFrame(payload["weighted_groups"]["groups"])
        frame.insert(0, "name", frame.pop("dimension"))
        frame.insert(0, "level", "weighted_group")
        frame.insert(0, "group", frame.pop("group"))
        frames.append(frame)
    if "weighted_group_tests" in payload:
        rows = [{k: v for k, v in r.items() if k not in ("groups", "left_out")}
                for r in payload["weighted_group_tests"]["dimensions"]]  # fmt: skip
        add("weighted_group_test", rows, "dimension")
    if "profile" in payload:
        rows = [{"label": f"{r['variable']}: {r['value']}", **r} for r in payload["profile"]]
        add("profile", rows, "label")
    return pd.concat(frames, ignore_index=True) if len(frames) > 1 else tidy
