"""Issue #10 item 5: DIR always holds the old or the new report; debris is cleaned; one run at a
time per DIR."""

from __future__ import annotations

import errno
import fcntl
import os
from pathlib import Path

import pytest

from servqual_cli.report import swap


def _folder(path: Path, text: str) -> Path:
    path.mkdir()
    (path / "report.md").write_text(text, encoding="utf-8")
    return path


def test_exchange_swaps_two_folders_in_one_step(tmp_path: Path) -> None:
    out, new = _folder(tmp_path / "out", "old"), _folder(tmp_path / "new", "new")
    if not swap.exchange(new, out):
        pytest.skip("renameat2(RENAME_EXCHANGE) is not available here")
    assert (out / "report.md").read_text() == "new"
    assert (new / "report.md").read_text() == "old"


def test_swap_replaces_and_removes_the_old(tmp_path: Path) -> None:
    out, new = _folder(tmp_path / "out", "old"), _folder(tmp_path / "new", "new")
    swap.swap(new, out)
    assert (out / "report.md").read_text() == "new"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]


def test_a_run_killed_between_the_two_renames_is_repaired(tmp_path: Path) -> None:
    # The fallback's window: the old report moved aside, the new one not yet in place.
    out = tmp_path / "out"
    _folder(tmp_path / ".out.old-1234abcd", "old")
    _folder(tmp_path / ".out.tmp-5678abcd", "half-built")
    removed = swap.recover(out)
    assert (out / "report.md").read_text() == "old"
    assert [p.name for p in removed] == [".out.tmp-5678abcd"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]


def test_debris_of_killed_runs_goes_with_the_next_run(cli, data_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "rep"
    args = ("report", data_dir / "kiosk.csv", "-i", data_dir / "kiosk.toml", "-o", out)
    assert cli(*args).exit_code == 0
    _folder(tmp_path / ".rep.tmp-deadbeef", "half-built")
    _folder(tmp_path / ".rep.old-deadbeef", "older")
    assert cli(*args).exit_code == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == [".rep.lock", "rep"]
    assert (out / "manifest.json").is_file()


def test_the_lock_excludes_a_second_run(tmp_path: Path) -> None:
    out = tmp_path / "rep"
    with swap.locked(out):
        fd = os.open(tmp_path / ".rep.lock", os.O_RDWR)
        try:
            with pytest.raises(OSError) as info:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            assert info.value.errno in (errno.EWOULDBLOCK, errno.EAGAIN)
        finally:
            os.close(fd)
    fd = os.open(tmp_path / ".rep.lock", os.O_RDWR)  # released: free to take
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    finally:
        os.close(fd)


def test_failed_exchange_falls_back_and_keeps_the_old(tmp_path: Path, monkeypatch) -> None:
    out, new = _folder(tmp_path / "out", "old"), _folder(tmp_path / "new", "new")
    monkeypatch.setattr(swap, "exchange", lambda a, b: False)
    swap.swap(new, out)
    assert (out / "report.md").read_text() == "new"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]


def test_split_skips_groups_it_cannot_report(cli, data_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "split"
    src = data_dir / "split_hostile_groups.csv"
    r = cli("report", src, "-i", data_dir / "kiosk.toml", "--by", "Enhet", "--split",
            "-j", "1", "-o", out)  # fmt: skip
    assert r.exit_code == 0, r.stderr
    assert "group 'Tom' of" in r.stderr and "split_hostile_groups.csv skipped" in r.stderr
    assert all(line.startswith("servqual: warning:") for line in r.stderr.splitlines())
    # the group called index.md gets its own folder; the index stays the index
    names = sorted(p.name for p in out.iterdir())
    assert names == ["index.html", "index.md", "index.md-2", "manifest.json", "norr", "soder"]
    assert "index.md-2/report.md" in (out / "index.md").read_text(encoding="utf-8")
