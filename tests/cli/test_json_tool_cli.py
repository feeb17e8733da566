"""Every command's JSON says which code produced it (review 9, finding 6).

A ``"tool"`` block leads the JSON: the name, version and git commit of servqual, and the
versions of Python and the numerical libraries (:mod:`servqual_cli.provenance`), as the report's
``manifest.json`` records them. No time stamp, so two runs stay byte-identical.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
import scipy

from servqual_cli import __version__
from servqual_cli.provenance import git_commit

ROOT = Path(__file__).resolve().parents[2]


def _head() -> str | None:
    """This checkout's commit by git itself (None outside a git checkout)."""
    try:
        done = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "HEAD"],
                              capture_output=True, text=True, check=False)  # fmt: skip
    except OSError:
        return None
    return done.stdout.strip() if done.returncode == 0 else None


@pytest.mark.parametrize(
    "args",
    [
        ("gap", "{samples}/karlstad_servqual.xlsx", "--no-items"),
        ("feedback", "{samples}/synpunkter_2023_2024.xlsx"),
        ("alpha", "{data}/kiosk.csv", "--items", "F2,F3,F4,F5"),
    ],
)
def test_json_names_the_tool(cli, samples_dir: Path, data_dir: Path, args: tuple[str, ...]) -> None:
    argv = [a.format(samples=samples_dir, data=data_dir) for a in args]
    first = cli(*argv, "-f", "json")
    assert first.exit_code == 0, first.stderr
    out = json.loads(first.stdout)
    assert next(iter(out)) == "tool"
    tool = out["tool"]
    assert tool["name"] == "servqual-cli" and tool["version"] == __version__
    assert tool["versions"] == {"python": tool["versions"]["python"], "numpy": np.__version__,
                                "pandas": pd.__version__, "scipy": scipy.__version__}  # fmt: skip
    assert re.fullmatch(r"3\.\d+\.\d+\S*", tool["versions"]["python"])
    # run from this checkout: git's own answer (None only where git is not there to ask)
    assert tool["git_commit"] == git_commit()
    head = _head()
    if head is not None:
        assert tool["git_commit"] == head
    # whether the checkout's tracked files were edited since that commit, as git itself says
    if head is not None:
        status = subprocess.run(["git", "-C", str(ROOT), "status", "--porcelain",
                                 "--untracked-files=no"], capture_output=True, text=True,
                                check=False)  # fmt: skip
        assert tool["git_dirty"] is (status.stdout.strip() != "")
    assert "generated" not in json.dumps(tool)  # no time stamp
    assert cli(*argv, "-f", "json").stdout == first.stdout  # byte-identical again


def test_table_output_is_unchanged_by_the_tool_block(cli, samples_dir: Path) -> None:
    out = cli("gap", samples_dir / "karlstad_servqual.xlsx", "--no-items").stdout
    assert "servqual-cli" not in out and "git_commit" not in out


def test_json_says_when_the_checkout_was_edited(cli, samples_dir: Path, tmp_path: Path,
                                                 monkeypatch) -> None:  # fmt: skip
    """``git_dirty`` in a command's JSON (session 17; the report's manifest had it): the code
    run from a checkout (here a small one made for the test, at the provenance boundary) with
    an edited tracked file says true; committed, false."""
    from servqual_cli import provenance

    env = {"GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1", "GIT_AUTHOR_NAME": "t",
           "GIT_AUTHOR_EMAIL": "t@example.org", "GIT_COMMITTER_NAME": "t",
           "GIT_COMMITTER_EMAIL": "t@example.org"}  # fmt: skip
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    repo = tmp_path / "repo"
    package = repo / "src" / "servqual_cli"
    package.mkdir(parents=True)
    (package / "__init__.py").write_text("")
    (repo / "pyproject.toml").write_text('[project]\nname = "servqual-cli"\n')
    for args in (["init", "-q", "-b", "main"], ["add", "."], ["commit", "-q", "-m", "one"]):
        subprocess.run(["git", "-C", str(repo), *args], check=True, capture_output=True)
    monkeypatch.setattr(provenance, "_PACKAGE", package)
    argv = ("gap", samples_dir / "karlstad_servqual.xlsx", "--no-items", "-f", "json")
    assert json.loads(cli(*argv).stdout)["tool"]["git_dirty"] is False
    (package / "__init__.py").write_text("x = 1\n")
    tool = json.loads(cli(*argv).stdout)["tool"]
    assert tool["git_dirty"] is True
    assert list(tool) == ["name", "version", "git_commit", "git_dirty", "versions"]
