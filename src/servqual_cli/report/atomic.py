"""Write one file atomically: the CLI's outputs and the report's files share this one routine."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from servqual_cli.errors import UsageError


def write_atomic(path: Path, data: bytes) -> None:
    """Write to a temporary file beside ``path`` and rename it into place.

    A failure leaves any previous file untouched and no partial file behind. A symlink is
    written through to its target; the new file gets the old file's permissions, or the
    usual ones (0666 less the umask) when it is new, not mkstemp's private 0600.
    """
    path = Path(path).resolve()
    if path.exists() and not path.is_file():
        raise UsageError(f"{str(path)!r} is not a regular file; refusing to replace it")
    mode = path.stat().st_mode & 0o7777 if path.exists() else 0o666 & ~_umask()
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _umask() -> int:
    current = os.umask(0)  # the only portable way to read it: set and restore at once
    os.umask(current)
    return current
