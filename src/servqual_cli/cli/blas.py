"""BLAS and OpenMP thread limits (split from :mod:`servqual_cli.cli.main`, which calls
:func:`set_threads` at import, before any command imports numpy).

Linear algebra runs on one thread per process unless ``--threads N`` or ``SERVQUAL_THREADS=N``
asks for more (an explicit ``OMP_NUM_THREADS`` and the like are respected): the BLAS pools would
otherwise oversubscribe the cores when ``report --split`` runs one process per core. This module
imports nothing heavy.
"""

from __future__ import annotations

import os
import sys

__all__ = ["env_threads", "set_threads", "threads_option"]

_THREAD_VARS = ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS",
                "BLIS_NUM_THREADS", "VECLIB_MAXIMUM_THREADS", "NUMEXPR_NUM_THREADS")  # fmt: skip


def env_threads() -> str:
    """``SERVQUAL_THREADS`` checked: a whole number of 1 or more, "1" when unset or empty.

    Raises :class:`~servqual_cli.errors.UsageError` (exit 2) otherwise, and nothing else: a typo
    must not silently mean one thread. :func:`servqual_cli.cli.main.main` checks it before the
    command runs. More than nine digits is no thread count (and past 4300 digits ``int`` itself
    refuses the text).
    """
    text = os.environ.get("SERVQUAL_THREADS", "").strip() or "1"
    if not (text.isascii() and text.isdigit() and len(text) <= 9 and int(text) >= 1):
        from servqual_cli.errors import UsageError

        raise UsageError(f"SERVQUAL_THREADS={text!r}: give a whole number of threads, 1 or more",
                         code="env_threads",
                         facts={"name": "SERVQUAL_THREADS", "text": text})  # fmt: skip
    return str(int(text))


def set_threads(n: int | str | None = None) -> None:
    """Limit BLAS/OpenMP pools to ``n`` threads (default ``SERVQUAL_THREADS`` or 1).

    Set before numpy is first imported (the pools read these variables once); when numpy is
    already loaded (tests, a library caller) threadpoolctl limits the running pools too. A bad
    ``SERVQUAL_THREADS`` means 1 here (this runs at import) and a usage error from the CLI.
    """
    if n is not None:
        value = str(n)
    else:
        from servqual_cli.errors import UsageError

        try:
            value = env_threads()
        except UsageError:  # reported by main() before the command runs
            value = "1"
    for var in _THREAD_VARS:
        if n is not None:
            os.environ[var] = value
        else:
            os.environ.setdefault(var, value)
    if "numpy" in sys.modules:
        try:
            from threadpoolctl import threadpool_limits
        except ImportError:  # optional: without it the variables still hold for new processes
            return
        threadpool_limits(int(os.environ["OPENBLAS_NUM_THREADS"]))


def threads_option(text: str) -> None:
    """``--threads N``: a whole number of at least 1 (a usage error otherwise), then set."""
    from servqual_cli.errors import UsageError

    try:
        n = int(text)
    except ValueError:
        n = 0
    if n < 1:
        raise UsageError(f"--threads must be a whole number of at least 1, got {text!r}",
                         code="threads_value", facts={"text": text})  # fmt: skip
    set_threads(n)
