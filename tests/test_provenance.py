"""The commit is read from the checkout's files as git reads them: checked against
``git rev-parse HEAD`` on real repositories of each layout (loose ref, packed refs, detached
HEAD, a linked worktree), and None where the package is not in a servqual checkout."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from servqual_cli import provenance
from servqual_cli.provenance import (
    checkout_root,
    git_commit,
    git_dirty,
    start_git_dirty,
    tool_block,
)

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")

ENV = {
    **os.environ,
    "GIT_CONFIG_GLOBAL": os.devnull,
    "GIT_CONFIG_NOSYSTEM": "1",
    "GIT_AUTHOR_NAME": "t",
    "GIT_AUTHOR_EMAIL": "t@example.org",
    "GIT_COMMITTER_NAME": "t",
    "GIT_COMMITTER_EMAIL": "t@example.org",
}


def git(repo: Path, *args: str) -> str:
    done = subprocess.run(["git", "-C", str(repo), *args], capture_output=True, text=True,
                          check=True, env=ENV)  # fmt: skip
    return done.stdout.strip()


def checkout(root: Path, name: str = "servqual-cli", commit: bool = True) -> Path:
    """A repository laid out as servqual's: pyproject.toml and src/servqual_cli/."""
    package = root / "src" / "servqual_cli"
    package.mkdir(parents=True)
    (package / "__init__.py").write_text("")
    (root / "pyproject.toml").write_text(f'[project]\nname = "{name}"\n')
    git(root, "init", "-q", "-b", "main")
    if commit:
        git(root, "add", ".")
        git(root, "commit", "-q", "-m", "one")
    return package


def test_a_loose_branch_ref(tmp_path: Path) -> None:
    package = checkout(tmp_path / "repo")
    assert git_commit(package) == git(tmp_path / "repo", "rev-parse", "HEAD")


def test_packed_refs_and_a_detached_head(tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    package = checkout(repo)
    (repo / "b.txt").write_text("b")
    git(repo, "add", ".")
    git(repo, "commit", "-q", "-m", "two")
    git(repo, "tag", "-a", "v1", "-m", "tag")  # an annotated tag: packed-refs gets a ^ line
    git(repo, "pack-refs", "--all")
    assert not (repo / ".git" / "refs" / "heads" / "main").exists()
    assert git_commit(package) == git(repo, "rev-parse", "HEAD")
    git(repo, "checkout", "-q", "--detach", "HEAD~1")
    assert git_commit(package) == git(repo, "rev-parse", "HEAD")
    assert git_commit(package) != git(repo, "rev-parse", "main")  # the check can tell them


def test_a_linked_worktree(tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    checkout(repo)
    git(repo, "worktree", "add", "-q", "-b", "side", str(tmp_path / "wt"))
    wt = tmp_path / "wt"
    (wt / "c.txt").write_text("c")
    git(wt, "add", ".")
    git(wt, "commit", "-q", "-m", "side")
    assert (wt / ".git").is_file()  # "gitdir: …/.git/worktrees/wt"
    assert git_commit(wt / "src" / "servqual_cli") == git(wt, "rev-parse", "HEAD")
    assert git_commit(wt / "src" / "servqual_cli") != git_commit(repo / "src" / "servqual_cli")


def test_no_commit_or_not_servqual_gives_none(tmp_path: Path) -> None:
    assert git_commit(checkout(tmp_path / "unborn", commit=False)) is None
    # an installed copy inside another project's repository: not that project's commit
    other = checkout(tmp_path / "thesis", name="my-thesis")
    assert checkout_root(other) is None and git_commit(other) is None
    site = tmp_path / "thesis" / ".venv" / "lib" / "site-packages" / "servqual_cli"
    site.mkdir(parents=True)
    assert git_commit(site) is None


def test_a_dirty_checkout(tmp_path: Path, monkeypatch) -> None:
    """``git_dirty`` (review 12b finding 13): an edited or staged tracked file makes the commit
    not the code that ran; an untracked file does not; None where git cannot tell."""
    repo = tmp_path / "repo"
    package = checkout(repo)
    assert git_dirty(package) is False
    (repo / "notes.txt").write_text("untracked")  # not code that ran
    assert git_dirty(package) is False
    (package / "__init__.py").write_text("x = 1\n")  # an edit to a tracked file
    assert git_dirty(package) is True
    git(repo, "add", ".")  # staged but not committed: still not the commit
    assert git_dirty(package) is True
    git(repo, "commit", "-q", "-m", "two")
    assert git_dirty(package) is False
    git(repo, "worktree", "add", "-q", "-b", "side", str(tmp_path / "wt"))
    (tmp_path / "wt" / "pyproject.toml").write_text('[project]\nname = "servqual-cli"\n#\n')
    assert git_dirty(tmp_path / "wt" / "src" / "servqual_cli") is True  # the worktree's own
    assert git_dirty(package) is False
    other = checkout(tmp_path / "thesis", name="my-thesis")  # not servqual's checkout
    (other / "__init__.py").write_text("x = 1\n")
    assert git_dirty(other) is None
    monkeypatch.setenv("PATH", str(tmp_path / "no-git-here"))  # git missing: never fails
    assert git_dirty(package) is None


def test_this_checkout_and_the_block() -> None:
    root = Path(__file__).resolve().parents[1]
    block = tool_block()
    assert list(block) == ["name", "version", "git_commit", "git_dirty", "versions"]
    if (root / ".git").exists():
        assert block["git_commit"] == git(root, "rev-parse", "HEAD")
        changed = git(root, "status", "--porcelain", "--untracked-files=no") != ""
        assert block["git_dirty"] is changed


def test_the_block_says_whether_the_checkout_was_edited(tmp_path: Path) -> None:
    """Every command's JSON has ``git_dirty`` as the report's manifest does (session 17): a
    commit with an edited tracked file on top is not the code that ran."""
    repo = tmp_path / "repo"
    package = checkout(repo)
    assert tool_block(package)["git_dirty"] is False
    (package / "__init__.py").write_text("x = 1\n")
    block = tool_block(package)
    assert block["git_commit"] == git(repo, "rev-parse", "HEAD") and block["git_dirty"] is True
    # no commit yet: nothing to differ from
    assert tool_block(checkout(tmp_path / "unborn", commit=False))["git_dirty"] is None


def test_a_check_started_early_gives_the_same_answer(tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    package = checkout(repo)
    (package / "__init__.py").write_text("x = 1\n")
    start_git_dirty(package)
    assert repo in provenance._STARTED
    assert git_dirty(package) is True and repo not in provenance._STARTED  # its answer, taken
    git(repo, "commit", "-q", "-am", "two")
    start_git_dirty(package)
    start_git_dirty(package)  # a second start replaces the first (a run that failed before)
    assert git_dirty(package) is False and not provenance._STARTED


def test_an_installed_copy_starts_no_git(tmp_path: Path, monkeypatch) -> None:
    """A wheel's copy (site-packages) never runs git: no commit, git_dirty None, no process."""
    import subprocess

    started: list[object] = []
    monkeypatch.setattr(subprocess, "Popen", lambda *a, **k: started.append(a))
    monkeypatch.setattr(subprocess, "run", lambda *a, **k: started.append(a))
    site = tmp_path / "venv" / "lib" / "site-packages" / "servqual_cli"
    site.mkdir(parents=True)
    start_git_dirty(site)
    block = tool_block(site)
    assert block["git_commit"] is None and block["git_dirty"] is None and started == []
