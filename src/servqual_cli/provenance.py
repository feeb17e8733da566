"""Which code made an output: the tool's name, version and git commit, and library versions.

Shared by the report's ``manifest.json`` (:mod:`servqual_cli.report.manifest`, every runtime
dependency) and every command's JSON (:func:`tool_block`, review 9 finding 6: a ``gap.json``
handed to an examiner did not say which code produced it). No time stamp: the same input and
options give byte-identical JSON.

**The commit is read from the checkout's files, not by running git** (the JSON writer is on
every ``-f json`` run's path; ``git rev-parse HEAD`` as a subprocess cost about 10 ms, reading
``HEAD`` and its ref well under 1 ms). It is looked for only where this package sits in a
source checkout of servqual itself (``ROOT/src/servqual_cli`` beside ``ROOT/pyproject.toml``
naming ``servqual-cli`` and ``ROOT/.git``): an installed copy inside some other repository (a
virtual environment in a thesis folder) must not report that repository's commit. A worktree's
``.git`` file, a detached ``HEAD``, loose and packed refs are read as git does
(gitrepository-layout(5)); anything else (a reftable repository) falls back to
``git rev-parse HEAD``. ``tests/test_provenance.py`` checks each against git itself.

The commit says which commit the checkout was at, not whether its files were edited since: the
report's manifest asks git that too (:func:`git_dirty`, review 12b finding 13), and so does
every command's JSON (:func:`tool_block`, session 17): a commit with uncommitted changes on top
does not describe the code that ran. That ``git status`` is a subprocess, run once per run and
only in a servqual checkout; an installed copy never starts it.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import Any

from servqual_cli import __version__

__all__ = [
    "NUMERIC",
    "PACKAGES",
    "TOOL",
    "checkout_root",
    "git_commit",
    "git_dirty",
    "numeric_versions",
    "python_version",
    "runtime_dependencies",
    "start_git_dirty",
    "tool_block",
    "versions",
]

TOOL = "servqual-cli"
# Used when the installed distribution's metadata cannot be read (a source tree on sys.path):
# pyproject.toml's ``dependencies``, which the tests keep in step.
PACKAGES = (
    "numpy",
    "pandas",
    "scipy",
    "typer",
    "rich",
    "python-calamine",
    "fastexcel",
    "openpyxl",
    "pyarrow",
    "pyreadstat",
    "holidays",
    "matplotlib",
    "babel",
    "jinja2",
)
# The libraries every command's numbers come from, named in its JSON (:func:`tool_block`).
NUMERIC = ("numpy", "pandas", "scipy")
_REQUIREMENT_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*")
_OBJECT_ID = re.compile(r"[0-9a-f]{40}|[0-9a-f]{64}")  # SHA-1, or SHA-256 repositories
_PACKAGE = Path(__file__).resolve().parent


def runtime_dependencies() -> tuple[str, ...]:
    """The names of the tool's runtime dependencies, from the installed distribution's
    ``Requires-Dist`` (extras such as ``dev`` left out), in pyproject's order.

    >>> {"fastexcel", "pyarrow", "babel", "jinja2"} <= set(runtime_dependencies())
    True
    """
    from importlib import metadata  # about 60 ms to import: the report's manifest only

    try:
        required = metadata.requires(TOOL) or []
    except metadata.PackageNotFoundError:
        return PACKAGES
    names = []
    for req in required:
        if "extra" in req.partition(";")[2]:  # an optional extra (dev tools), not run
            continue
        m = _REQUIREMENT_NAME.match(req.strip())
        if m is not None:
            names.append(m.group(0))
    return tuple(dict.fromkeys(names)) or PACKAGES


def versions() -> dict[str, str | None]:
    """Python, this tool and each runtime dependency, as installed (None: not installed)."""
    from importlib import metadata

    out: dict[str, str | None] = {"python": python_version(), TOOL: __version__}
    for name in runtime_dependencies():
        try:
            out[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            out[name] = None
    return out


def python_version() -> str:
    """``platform.python_version()`` ("3.11.7", "3.13.0rc1") from ``sys.version_info``:
    :mod:`platform` costs about 3 ms to import on a JSON run that has not loaded it.

    >>> import platform
    >>> python_version() == platform.python_version()
    True
    """
    v = sys.version_info
    text = f"{v.major}.{v.minor}.{v.micro}"
    if v.releaselevel != "final":
        text += {"alpha": "a", "beta": "b", "candidate": "rc"}[v.releaselevel] + str(v.serial)
    return text


def numeric_versions() -> dict[str, str | None]:
    """Python and the numerical libraries (:data:`NUMERIC`), from the modules' ``__version__``.

    ``importlib.metadata`` would cost about 60 ms to import; numpy and pandas are loaded by
    every command that writes JSON, scipy by all but ``describe`` (its top level, about 6 ms
    there).

    >>> sorted(numeric_versions())
    ['numpy', 'pandas', 'python', 'scipy']
    """
    import importlib

    out: dict[str, str | None] = {"python": python_version()}
    for name in NUMERIC:
        try:
            out[name] = str(importlib.import_module(name).__version__)
        except (ImportError, AttributeError):
            out[name] = None
    return out


def tool_block(package: Path | None = None) -> dict[str, Any]:
    """``{"name", "version", "git_commit", "git_dirty", "versions"}``: the code that made a
    command's JSON, as the report's manifest records it. ``package`` as :func:`git_commit`.

    ``git_dirty`` (session 17; the manifest had it, a command's JSON did not) is asked of git
    once per run, only in a servqual checkout with a commit: an installed copy (a wheel) says
    None without a subprocess. In a checkout ``git status`` costs 7 to 25 ms (the shared 2-core
    machine, quiet to loaded) against a ``gap -f json`` run of 0.6 s on the sample; a command
    starts it early (:func:`start_git_dirty`), so the run waits for it only when it is slower
    than the run's own work.

    >>> block = tool_block()
    >>> block["name"], list(block)
    ('servqual-cli', ['name', 'version', 'git_commit', 'git_dirty', 'versions'])
    >>> tool_block(Path("/no/such/site-packages/servqual_cli"))["git_dirty"] is None
    True
    """
    commit = git_commit(package)
    return {
        "name": TOOL,
        "version": __version__,
        "git_commit": commit,
        # no commit (an installed copy): nothing to differ from, and no git to ask
        "git_dirty": None if commit is None else git_dirty(package),
        "versions": numeric_versions(),
    }


def git_commit(package: Path | None = None) -> str | None:
    """The commit of the servqual checkout this package runs from; None when it runs from an
    installed copy, or the checkout has no commit yet.

    ``package`` is the package folder (default: this one); tests point it at other layouts.
    """
    root = checkout_root(_PACKAGE if package is None else package)
    if root is None:
        return None
    try:
        found = _read_head(root / ".git", root)
    except (OSError, UnicodeDecodeError, ValueError):
        found = None
    if found is _UNREADABLE:
        return _git_rev_parse(root)
    return found if isinstance(found, str) else None


def git_dirty(package: Path | None = None) -> bool | None:
    """Whether the servqual checkout this package runs from has uncommitted changes to tracked
    files (``git status --porcelain --untracked-files=no``: a new untracked file is not code that
    ran); None when it runs from an installed copy, git is missing or fails. Never raises.

    ``--no-optional-locks``: the check must not take the index lock (and so collide with a git
    command the user runs meanwhile) to refresh its stat cache (git-status(1)). The answer of a
    check :func:`start_git_dirty` started for this checkout is taken when there is one.

    >>> git_dirty(Path("/no/such/site-packages/servqual_cli")) is None
    True
    """
    root = checkout_root(_PACKAGE if package is None else package)
    if root is None:
        return None
    import subprocess

    started = _STARTED.pop(root, None)
    try:
        if started is None:
            started = subprocess.Popen(_status_args(root), stdout=subprocess.PIPE,
                                       stderr=subprocess.DEVNULL, text=True)  # fmt: skip
        out, _ = started.communicate(timeout=30)
    except (OSError, subprocess.SubprocessError, ValueError):
        if started is not None:
            started.kill()
            started.communicate()
        return None
    return bool(out.strip()) if started.returncode == 0 else None


def start_git_dirty(package: Path | None = None) -> None:
    """Start :func:`git_dirty`'s ``git status`` now, in the background, for a command that will
    write JSON (:func:`servqual_cli.cli.output.guard`): it runs while the file is read and the
    statistics computed, and :func:`git_dirty` takes its answer at the end, so the 7 to 25 ms
    of the subprocess are off the run's path. Nothing starts outside a servqual checkout (an
    installed copy). Never raises: a check that cannot start is run, or fails, at the end.

    >>> start_git_dirty(Path("/no/such/site-packages/servqual_cli"))
    >>> _STARTED
    {}
    """
    root = checkout_root(_PACKAGE if package is None else package)
    if root is None:
        return
    import subprocess

    earlier = _STARTED.pop(root, None)  # a run that failed before its JSON (in-process tests)
    if earlier is not None:
        earlier.kill()
        earlier.communicate()
    try:
        _STARTED[root] = subprocess.Popen(_status_args(root), stdout=subprocess.PIPE,
                                          stderr=subprocess.DEVNULL, text=True)  # fmt: skip
    except (OSError, ValueError):
        return


_STARTED: dict[Path, Any] = {}  # checkout root -> its git status, started by start_git_dirty


def _status_args(root: Path) -> list[str]:
    return ["git", "--no-optional-locks", "-C", str(root), "status", "--porcelain",
            "--untracked-files=no"]  # fmt: skip


def checkout_root(package: Path) -> Path | None:
    """``ROOT`` when ``package`` is ``ROOT/src/servqual_cli`` of a servqual git checkout.

    >>> checkout_root(Path("/no/such/site-packages/servqual_cli")) is None
    True
    """
    if package.parent.name != "src":
        return None
    root = package.parent.parent
    try:
        if not (root / ".git").exists():
            return None
        project = (root / "pyproject.toml").read_text(encoding="utf-8")
    except OSError:
        return None
    return root if re.search(rf'(?m)^name\s*=\s*"{TOOL}"', project) else None


_UNREADABLE = object()  # a layout this reader does not know: ask git


def _read_head(dotgit: Path, root: Path) -> str | object | None:
    """The object id ``HEAD`` names, following one worktree ``.git`` file and symbolic refs."""
    if dotgit.is_file():  # a linked worktree: "gitdir: <path>"
        text = dotgit.read_text(encoding="utf-8").strip()
        if not text.startswith("gitdir:"):
            return _UNREADABLE
        gitdir = Path(text.partition(":")[2].strip())
        gitdir = gitdir if gitdir.is_absolute() else root / gitdir
    else:
        gitdir = dotgit
    common = gitdir
    if (gitdir / "commondir").is_file():
        name = Path((gitdir / "commondir").read_text(encoding="utf-8").strip())
        common = name if name.is_absolute() else gitdir / name
    if (common / "reftable").is_dir():
        return _UNREADABLE
    head = (gitdir / "HEAD").read_text(encoding="utf-8").strip()
    for _ in range(5):  # a symbolic ref may name another (git stops at 5 too)
        if _OBJECT_ID.fullmatch(head):
            return head
        if not head.startswith("ref:"):
            return _UNREADABLE
        ref = head[4:].strip()
        if not ref.startswith("refs/") or ".." in ref:
            return _UNREADABLE
        loose = [gitdir / ref, common / ref]  # per-worktree refs first, then the shared ones
        path = next((p for p in loose if p.is_file()), None)
        if path is None:
            return _packed(common, ref)
        head = path.read_text(encoding="utf-8").strip()
    return _UNREADABLE


def _packed(common: Path, ref: str) -> str | None:
    """``ref``'s object id in ``packed-refs`` (lines ``<id> <ref>``; ``^<id>`` peels a tag)."""
    try:
        lines = (common / "packed-refs").read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        return None  # an unborn branch: no commit yet
    for line in lines:
        oid, _, name = line.partition(" ")
        if name.strip() == ref and _OBJECT_ID.fullmatch(oid):
            return oid
    return None


def _git_rev_parse(root: Path) -> str | None:
    import subprocess

    try:
        done = subprocess.run(
            ["git", "-C", str(root), "rev-parse", "HEAD"],
            capture_output=True,
            text=True,
            timeout=10,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    commit = done.stdout.strip()
    return commit if done.returncode == 0 and _OBJECT_ID.fullmatch(commit) else None
