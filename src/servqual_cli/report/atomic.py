"""Write files atomically, never onto a file the run reads.

Every command registers the files it reads (:func:`register_inputs`: data, configs, instruments,
benchmarks, KPI data files) before it writes anything; :func:`write_atomic` and the report
folder swap refuse any target that is one of them, whatever option named it. The CLI's outputs
and the report's files share these routines.
"""

from __future__ import annotations

import errno
import os
import tempfile
from collections.abc import Iterable, Sequence
from pathlib import Path

from servqual_cli.errors import UsageError

# The files this run reads, resolved (symlinks followed): one place for every input.
_INPUTS: dict[Path, str] = {}


def reset_inputs() -> None:
    """Forget the registered inputs (the CLI calls this at the start of every run)."""
    _INPUTS.clear()


def register_inputs(items: Iterable[str | Path | None]) -> None:
    """Record files this run reads; ``None``, ``"-"`` (stdin) and missing paths are skipped."""
    for item in items:
        if item is None or str(item) == "-":
            continue
        path = Path(item)
        try:
            if path.exists():
                _INPUTS.setdefault(path.resolve(), str(item))
        except OSError:  # a name too long, a loop of links: the reader says so in its words
            continue


def input_named_by(target: Path) -> str | None:
    """The input (as the user named it) that ``target`` is, or ``None``."""
    resolved = Path(target).resolve()
    if resolved in _INPUTS:
        return _INPUTS[resolved]
    if resolved.exists():
        for path, name in _INPUTS.items():
            try:
                if os.path.samefile(resolved, path):  # hard links, bind mounts
                    return name
            except OSError:
                continue
    return None


def refuse_input(target: Path, option: str = "output") -> None:
    """Raise :class:`UsageError` when ``target`` is one of the run's inputs."""
    name = input_named_by(target)
    if name is not None:
        also = "" if name == str(target) else f" ({name!r})"
        raise UsageError(
            f"{option} {str(target)!r} is an input file{also}; refusing to overwrite it",
            code="output_is_input",
            facts={"option": option, "target": str(target), "name": name, "also": bool(also)},
        )


def write_atomic(path: Path, data: bytes) -> None:
    """Write to a temporary file beside ``path`` and rename it into place.

    A failure leaves any previous file untouched and no partial file behind. A symlink is
    written through to its target; the new file gets the old file's permissions, or the
    usual ones (0666 less the umask) when it is new, not mkstemp's private 0600.
    """
    write_all([(Path(path), data)])


def write_all(files: Sequence[tuple[Path, bytes]]) -> None:
    """Write several files as one step: all are staged first, then renamed into place.

    A failure while staging (a full disk, a read-only folder) leaves every target as it was.
    """
    staged: list[tuple[str, Path]] = []
    try:
        for path, data in files:
            target = Path(path).resolve()
            refuse_input(target)
            if target.exists() and not target.is_file():
                raise UsageError(f"{str(path)!r} is not a regular file; refusing to replace it")
            staged.append((_stage(target, data, str(path)), target))
        for tmp, target in staged:
            os.replace(tmp, target)
    except BaseException:
        for tmp, _ in staged:
            Path(tmp).unlink(missing_ok=True)
        raise


def _stage(target: Path, data: bytes, shown: str) -> str:
    mode = target.stat().st_mode & 0o7777 if target.exists() else 0o666 & ~_umask()
    try:
        fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    except OSError as exc:
        raise _cannot_write(shown, exc) from None
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, mode)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise _cannot_write(shown, exc) from None
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return tmp


def os_reason(exc: OSError) -> str:
    """A short reason for an OS error: "no space left on device", "permission denied"."""
    if exc.errno == errno.ENOSPC:
        return "no space left on device"
    return (exc.strerror or type(exc).__name__).lower()


def _cannot_write(shown: str, exc: OSError) -> UsageError:
    """The one sentence of a file that cannot be staged; the errno's name lets a Swedish run
    say the reason in Swedish (cli/error_facts.py)."""
    reason = os_reason(exc)
    return UsageError(f"cannot write {shown!r}: {reason}", code="cannot_write",
                      facts={"shown": shown, "reason": reason,
                             "errno": errno.errorcode.get(exc.errno or 0, "")})  # fmt: skip


def _umask() -> int:
    current = os.umask(0)  # the only portable way to read it: set and restore at once
    os.umask(current)
    return current
