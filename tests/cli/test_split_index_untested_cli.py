"""Session 18 (a-xlsx): the index of ``report --split`` sets each group beside the whole
municipality, but only each group's report said that the difference is not tested (review 16
finding 7); ``index.md`` and ``index.html`` say it now too, in the index table's note. The note
also said that groups under ``min_n`` "are not judged", while the index marks them a small base
and judges them by their interval (review 12a finding 3): it says that now.

Files: tests/data/kiosk.csv with kiosk.toml (two groups of 15 under ``Enhet``).
"""

from __future__ import annotations

import html
from pathlib import Path

import pytest

from servqual_cli.report.catalog import rl

UNTESTED = {
    "sv": "Skillnaden mellan en grupp och ”Hela kommunen” är inte prövad (gruppen ingår själv i "
    "helheten); om grupperna skiljer sig åt prövas under ”Skillnader mellan grupper”",
    "en": 'The difference between a group and "Whole municipality" is not tested (the group is '
    'itself part of the whole); whether the groups differ is tested under "Differences between '
    'groups"',
}
JUDGED = {"sv": "markeras som litet underlag och bedöms efter sitt intervall",
          "en": "are marked a small base and judged by their interval"}  # fmt: skip


def _flat(text: str) -> str:
    return " ".join(html.unescape(text).split())


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_split_index_says_the_whole_row_is_not_tested(
    cli, data_dir: Path, tmp_path: Path, lang: str
) -> None:
    cfg = tmp_path / "k.toml"
    cfg.write_text(
        f'language = "{lang}"\n[survey]\nfile = "{(data_dir / "kiosk.csv").as_posix()}"'
        f'\ninstrument = "{(data_dir / "kiosk.toml").as_posix()}"\nby = "Enhet"\n',
        encoding="utf-8",
    )
    r = cli("report", cfg, "--split", "-j", "1", "-o", tmp_path / "split")
    assert r.exit_code == 0, r.stderr
    md = _flat((tmp_path / "split" / "index.md").read_text(encoding="utf-8"))
    page = _flat((tmp_path / "split" / "index.html").read_text(encoding="utf-8"))
    for text in (md, page):
        assert UNTESTED[lang] in text
        assert JUDGED[lang] in text and rl("g_small", lang) in md  # and the groups were judged
    assert "bedöms inte" not in md and "not judged" not in md
