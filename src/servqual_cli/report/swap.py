"""Replace a report folder so that DIR always holds the old or the new report, never neither.

The new report is built in ``.DIR.tmp-<random>`` beside DIR. On Linux the two folders are
swapped in one step with ``renameat2(RENAME_EXCHANGE)`` (Linux ≥ 3.15, glibc ≥ 2.28; man 2
rename), so a process killed at any instant leaves either the old or the new report under DIR,
and at worst a stale temporary folder. Where the exchange is unavailable (another OS, a file
system without it) the old folder is renamed to ``.DIR.old-<random>`` and the new one into
place; a run killed between those two renames leaves DIR missing, and the next run restores it
from the ``.old`` folder before it does anything else.

Runs on one DIR are serialised by an exclusive ``flock`` on ``.DIR.lock`` beside it; under the
lock, debris of earlier killed runs (``.DIR.tmp-*``, ``.DIR.old-*``) is cleaned up.
"""

from __future__ import annotations

import ctypes
import errno
import os
import secrets
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from servqual_cli.errors import UsageError

_AT_FDCWD = -100
_RENAME_EXCHANGE = 2


def _renameat2() -> object | None:
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        return getattr(libc, "renameat2", None)
    except OSError:  # no C library to load (not a POSIX system)
        return None


def exchange(a: Path, b: Path) -> bool:
    """Swap two existing paths atomically; ``False`` when the system cannot (then nothing moved).

    Raises :class:`OSError` for any other failure (a permission problem).
    """
    fn = _renameat2()
    if fn is None:
        return False
    rc = fn(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE)  # type: ignore[operator]
    if rc == 0:
        return True
    err = ctypes.get_errno()
    if err in (errno.ENOSYS, errno.EINVAL, errno.ENOTSUP, errno.EOPNOTSUPP):
        return False
    raise OSError(err, os.strerror(err), str(a))


def swap(new: Path, out: Path) -> None:
    """Put ``new`` in place of ``out`` (which may not exist); the old report is removed."""
    if not out.exists():
        os.rename(new, out)
        return
    if exchange(new, out):
        shutil.rmtree(new, ignore_errors=True)  # ``new`` now names the old report
        return
    old = out.parent / f".{out.name}.old-{secrets.token_hex(4)}"
    os.rename(out, old)
    try:
        os.rename(new, out)
    except BaseException:
        os.rename(old, out)
        raise
    shutil.rmtree(old, ignore_errors=True)


def recover(out: Path) -> list[Path]:
    """Restore DIR from an ``.old`` folder when a killed run left it missing; remove the
    remaining debris of killed runs. Returns what was removed. Call under :func:`locked`."""
    parent = out.parent
    if not parent.is_dir():
        return []
    olds = sorted(parent.glob(f".{out.name}.old-*"), key=lambda p: p.stat().st_mtime)
    if not out.exists() and olds:
        os.rename(olds.pop(), out)
    removed = []
    for debris in [*olds, *parent.glob(f".{out.name}.tmp-*")]:
        shutil.rmtree(debris, ignore_errors=True)
        removed.append(debris)
    return removed


@contextmanager
def locked(out: Path) -> Iterator[None]:
    """Hold an exclusive lock on ``.DIR.lock`` beside DIR (waits for another run to finish)."""
    try:
        import fcntl
    except ImportError:  # not POSIX: no lock, the swap itself is still all-or-nothing
        yield
        return
    lock = out.parent / f".{out.name}.lock"
    try:
        fd = os.open(lock, os.O_RDWR | os.O_CREAT, 0o644)
    except OSError as exc:
        raise _unwritable(out, exc) from None
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)  # closing releases the lock


def _unwritable(out: Path, exc: OSError) -> UsageError:
    """The report folder cannot be written; the system's reason by errno name too (so the CLI
    can say it in Swedish)."""
    import errno

    reason = exc.strerror or str(exc)
    return UsageError(
        f"cannot write the report folder {str(out)!r}: {reason}",
        code="report_folder_unwritable",
        facts={"out": str(out), "reason": reason, "errno": errno.errorcode.get(exc.errno or 0, "")},
    )


@contextmanager
def staged(out: Path) -> Iterator[Path]:
    """Yield a fresh folder beside ``out``; on success it replaces ``out``, on failure it goes.

    The whole build runs under the lock of ``out``, after debris of killed runs is cleaned.
    """
    target = out.resolve()
    parent = target.parent
    try:
        parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise _unwritable(out, exc) from None
    with locked(target):
        recover(target)
        tmp = parent / f".{target.name}.tmp-{secrets.token_hex(4)}"
        try:
            tmp.mkdir()
        except OSError as exc:
            raise _unwritable(out, exc) from None
        try:
            yield tmp
            swap(tmp, target)
        except OSError as exc:
            shutil.rmtree(tmp, ignore_errors=True)
            # A full disk or a permission problem is about where the report goes, not the data.
            raise _unwritable(out, exc) from exc
        except BaseException:
            shutil.rmtree(tmp, ignore_errors=True)
            raise
