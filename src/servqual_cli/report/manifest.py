"""``manifest.json``: what a report was made from, so it can be checked and reproduced.

It records every input file's SHA-256 and size, the config as written, every setting in effect
with whether it was left at its default (``settings``, from
:mod:`~servqual_cli.report.manifest_settings`), whether the checkout had uncommitted changes
(``tool.git_dirty``), the command line, the versions of Python and of every runtime dependency
(each reads, computes or formats something the report shows: the readers
fastexcel/python-calamine/pyarrow, babel's number formats, jinja2's HTML, ...), and one time
stamp. The tool's name, version, commit and the versions come from
:mod:`servqual_cli.provenance`, which every command's JSON shares.

**Input paths have one base** (review 5, finding 9), named in ``path_base``: ``"config"`` (the
folder of the report config: the config itself is its file name, its survey
``"karlstad_servqual.xlsx"``, a KPI config's data ``"kpi/data.csv"``, all relative to that
folder), or ``"cwd"`` for a report made without a config (relative to the working folder the
command ran in, where the command line's paths are too). Paths never depend on the output
folder, and are relative (POSIX ``/``) so a copied project checks against its manifest.

The time stamp is ``SOURCE_DATE_EPOCH`` when set (the reproducible-builds convention), otherwise
the current time; everything else depends only on the inputs, so two runs with the same
``SOURCE_DATE_EPOCH`` give identical manifests.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from servqual_cli import __version__
from servqual_cli.errors import UsageError
from servqual_cli.provenance import TOOL, git_commit, versions
from servqual_cli.report.config import InputFile, ReportConfig


def report_time() -> tuple[dt.datetime, int | None]:
    """The report's time stamp (UTC, whole seconds) and the ``SOURCE_DATE_EPOCH`` it came from.

    Raises
    ------
    UsageError
        ``SOURCE_DATE_EPOCH`` is set but not a non-negative integer.
    """
    raw = os.environ.get("SOURCE_DATE_EPOCH")
    if raw is None or raw.strip() == "":
        return dt.datetime.now(dt.UTC).replace(microsecond=0), None
    try:
        epoch = int(raw)
        if epoch < 0:
            raise ValueError(raw)
    except ValueError:
        raise UsageError(
            f"SOURCE_DATE_EPOCH must be whole seconds since 1970, not {raw!r}",
            code="source_date_epoch",
            facts={"raw": raw},
        ) from None
    return dt.datetime.fromtimestamp(epoch, dt.UTC), epoch


def sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _plain_config(config: ReportConfig) -> dict[str, Any]:
    """The config as written (TOML values are JSON-able apart from dates, shown as text)."""

    def conv(value: Any) -> Any:
        if isinstance(value, dict):
            return {str(k): conv(v) for k, v in value.items()}
        if isinstance(value, list):
            return [conv(v) for v in value]
        if isinstance(value, dt.date | dt.time):
            return value.isoformat()
        return value

    out: dict[str, Any] = conv(dict(config.raw))
    if config.group is not None:
        out["split"] = {"by": config.group[0], "group": config.group[1]}
    return out


def path_base(config: ReportConfig) -> tuple[str, Path]:
    """The base input paths are written relative to: the report config's folder, or (a report
    without a config) the working folder."""
    if config.source is not None:
        return "config", config.source.path.resolve().parent
    return "cwd", Path.cwd().resolve()


def relative_path(path: Path, base: Path) -> str:
    """``path`` relative to ``base``, with ``/``; absolute only where no relative path exists
    (another drive).

    >>> relative_path(Path("/a/b/c.csv"), Path("/a")), relative_path(Path("/x/c.csv"), Path("/a/b"))
    ('b/c.csv', '../../x/c.csv')
    """
    try:
        return Path(os.path.relpath(path.resolve(), base)).as_posix()
    except ValueError:  # Windows: no relative path between two drives
        return path.resolve().as_posix()


def output_entries(folder: Path, outputs: Sequence[str]) -> list[dict[str, Any]]:
    """Each output with its SHA-256 and size; the manifest itself (which cannot hash itself)
    by name only."""
    out: list[dict[str, Any]] = []
    for name in sorted(outputs):
        path = folder / name
        if name == "manifest.json" or not path.is_file():
            out.append({"path": name})
        else:
            out.append({"path": name, "sha256": sha256(path), "bytes": path.stat().st_size})
    return out


def build_manifest(
    config: ReportConfig,
    command: Sequence[str],
    outputs: Sequence[str],
    stamp: dt.datetime,
    epoch: int | None,
    inputs: Sequence[InputFile] | None = None,
    folder: Path | None = None,
    dirty: bool | None = None,
) -> dict[str, Any]:
    """The manifest as a dict (keys in a fixed order); ``inputs`` default to the config's.

    With ``folder`` (where the outputs were written) every output is listed with its SHA-256.
    Input paths are relative to :func:`path_base` (named in ``path_base``). ``dirty`` is
    :func:`~servqual_cli.provenance.git_dirty` as the writer found it once for the whole run
    (the report's method section says the same), recorded as ``tool.git_dirty``: true when the
    checkout had uncommitted changes, so ``git_commit`` does not describe the code that ran;
    null when not run from a checkout (or git could not tell)."""
    from servqual_cli.report.manifest_settings import settings

    files = config.inputs() if inputs is None else inputs
    base_name, base = path_base(config)
    listed = [
        {
            "role": f.role,
            "path": relative_path(f.path, base),
            "sha256": sha256(f.path),
            "bytes": f.path.stat().st_size,
        }
        for f in files
    ]
    shown: list[Any] = sorted(outputs) if folder is None else output_entries(folder, outputs)
    return {
        "tool": {
            "name": TOOL,
            "version": __version__,
            "git_commit": git_commit(),
            "git_dirty": dirty,
        },
        "generated": stamp.strftime("%Y-%m-%dT%H:%M:%SZ"),
        "source_date_epoch": epoch,
        "command": list(command),
        "language": config.language,
        "config": _plain_config(config),
        "settings": settings(config, base),
        "path_base": base_name,
        "inputs": listed,
        "outputs": shown,
        "versions": versions(),
    }


def manifest_json(manifest: dict[str, Any]) -> str:
    return json.dumps(manifest, ensure_ascii=False, indent=2, allow_nan=False) + "\n"


def is_report_dir(path: Path) -> bool:
    """True when ``path`` holds only a report this tool wrote, and so is safe to replace.

    The manifest must be this tool's, and every file in the folder must be one the manifest
    lists as written: a file the user added beside the report (notes, a data file) makes the
    folder not ours to delete.
    """
    try:
        data = json.loads((path / "manifest.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    if not isinstance(data, dict):
        return False
    tool = data.get("tool")
    if not isinstance(tool, dict) or tool.get("name") != TOOL:
        return False
    listed = data.get("outputs")
    if not isinstance(listed, list):
        return False
    ours = {str(e.get("path")) if isinstance(e, dict) else str(e) for e in listed}
    ours |= {"manifest.json"}
    present = {f.relative_to(path).as_posix() for f in path.rglob("*") if not f.is_dir()}
    return present <= ours


def _make_escape(path: str) -> str:
    return path.replace("$", "$$").replace("#", "\\#").replace(" ", "\\ ")


def depfile_text(target: str, inputs: Sequence[InputFile]) -> str:
    """A Make rule ``target: inputs...`` (as ``gcc -MD`` writes), the target as given and the
    inputs relative to the working folder, so ``make`` rebuilds a report exactly when one of its
    inputs changed.

    Every input also gets an empty rule, so deleting one does not break ``make``.
    """
    names = [_make_escape(os.path.relpath(f.path)) for f in inputs]
    lines = [f"{_make_escape(target)}: " + " ".join(names), ""]
    lines += [f"{name}:" for name in names]
    return "\n".join(lines) + "\n"
