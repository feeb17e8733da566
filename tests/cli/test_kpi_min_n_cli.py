"""One judgement of a KPI's groups (k-kpi leftover 1): the group table re-judged the groups at
its own ``min_n`` while the core (and so the JSON) judged them at 30. The KPI config's
``min_n`` is now applied once, in the core; JSON, terminal and Markdown show that judgement."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest


def sample_config(tmp_path: Path, samples_dir: Path, top: str = "") -> Path:
    """The sample kpi.toml with absolute data paths and ``top`` lines after its title."""
    text = (samples_dir / "kpi.toml").read_text("utf-8")
    text = re.sub(
        r'^data = "([^"]+)"',
        lambda m: f"data = {json.dumps((samples_dir / m.group(1)).as_posix())}",
        text,
        flags=re.M,
    )
    text = text.replace("\n[[kpi]]", f"\n{top}\n[[kpi]]", 1) if top else text
    path = tmp_path / "kpi.toml"
    path.write_text(text, "utf-8")
    return path


def _markdown_groups(md: str) -> dict[str, list[tuple[str, str]]]:
    """KPI name -> [(group, verdict)] of each group table in the Markdown output."""
    out: dict[str, list[tuple[str, str]]] = {}
    for block in md.split("\n### ")[1:]:
        head, _, body = block.partition("\n")
        rows = [line.split(" | ") for line in body.splitlines() if line.startswith("| ")]
        if not rows or rows[0][0] != "| Group":
            continue
        name = head.rsplit(" – ", 1)[0]
        out[name] = [(r[0].removeprefix("| "), r[-1].removesuffix(" |")) for r in rows[2:]]
    return out


def _below_column(md: str) -> dict[str, str]:
    """KPI name -> its "Groups below target / norm" cell in the KPI tables."""
    out = {}
    for line in md.splitlines():
        cells = line.split(" | ")
        if (
            line.startswith("| ")
            and len(cells) >= 10
            and cells[0] != "| KPI"
            and not cells[1].startswith("---")
        ):
            out[cells[0].removeprefix("| ")] = cells[-2]
    return out


@pytest.mark.parametrize("min_n", [10, 50])
def test_json_terminal_and_markdown_judge_groups_alike(
    cli, tmp_path: Path, samples_dir: Path, min_n: int
) -> None:
    config = sample_config(tmp_path, samples_dir, f"min_n = {min_n}")
    r = cli("kpi", config, "-f", "json")
    assert r.exit_code == 0, r.stderr
    kpis: list[dict[str, Any]] = json.loads(r.stdout)["kpis"]
    r = cli("kpi", config, "-f", "markdown", "--groups")
    assert r.exit_code == 0, r.stderr
    md = r.stdout
    tables, below = _markdown_groups(md), _below_column(md)
    words = {"too few": f"too few (n < {min_n})", None: "–"}
    judged = [k for k in kpis if k["groups"]]
    assert len(judged) == 5 and len(tables) == 5
    for k in judged:
        assert k["min_n"] == min_n
        groups = k["groups"]
        # every group under min_n is "too few" and only those; the JSON's verdicts are the table's
        assert [g["verdict"] == "too few" for g in groups] == [g["n"] < min_n for g in groups]
        assert tables[k["name"]] == [(g["group"], words.get(g["verdict"], g["verdict"]))
                                     for g in groups]  # fmt: skip
        named = [g["group"] for g in groups if g["verdict"] == "not met"]
        cell = below[k["name"]]
        assert (cell == "–") == (not named)
        assert all(name in cell for name in named)
        tested = sum(g["n"] >= min_n for g in groups) if k["target"] is not None else 0
        if k["statistic"] in ("share", "share_within"):
            assert k["groups_tested"] == tested
            note = " ".join(md.split(f"> {k['name']}: ", 1)[1].split("\n", 1)[0].split())
            if tested:
                assert f"at least {min_n} cases" in note and f"over the {tested} groups" in note
            else:
                assert f"no group has {min_n} cases or more" in note
    # the terminal's Swedish group tables say the same
    r = cli("kpi", config, "--groups", "--lang", "sv")
    assert r.exit_code == 0, r.stderr
    few = sum(g["verdict"] == "too few" for k in judged for g in k["groups"])
    assert r.stdout.count(f"för få (n < {min_n})") == few


def test_min_n_changes_the_judgement_as_it_says(cli, tmp_path: Path, samples_dir: Path) -> None:
    """At 10 the bygglov type "rivning" (22 cases) is judged; at 50 the 39 and 42 are not."""
    by_n = {}
    for min_n in (10, 50):
        r = cli("kpi", sample_config(tmp_path, samples_dir, f"min_n = {min_n}"), "-f", "json")
        (k,) = [k for k in json.loads(r.stdout)["kpis"] if k["by"] == "ärendetyp"]
        by_n[min_n] = {g["group"]: (g["n"], g["verdict"]) for g in k["groups"]}
    assert by_n[10]["rivning"] == (22, "cannot tell")  # 85.1-100 % straddles 90 %
    assert by_n[50]["nybyggnad enbostadshus"] == (39, "too few")
    assert by_n[50]["fasadändring"] == (42, "too few")


@pytest.mark.parametrize("value", ["0", "2.5", '"30"', "true"])
def test_a_bad_min_n_is_one_line(cli, tmp_path: Path, samples_dir: Path, value: str) -> None:
    r = cli("kpi", sample_config(tmp_path, samples_dir, f"min_n = {value}"))
    assert r.exit_code == 2 and "Traceback" not in r.stderr
    assert len(r.stderr.strip().splitlines()) == 1
    assert "kpi.toml: key 'min_n' must be a whole number, 1 or more" in r.stderr
