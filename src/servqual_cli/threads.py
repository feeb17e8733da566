"""Column work of a large table on the machine's cores, in order (issue #16).

Reading a survey's CSV, parsing its columns and the per-column statistics of ``gap`` are loops
over columns (or over parts of a file) whose work is done in numpy and pyarrow, which release
the GIL. On a table of many rows :func:`map_ordered` runs those loops on a few threads; each
item is computed exactly as in the one-thread loop and the results come back in input order, so
a result never depends on the number of threads (the tests compare both). Small tables stay on
the calling thread: a thread costs more than their work.

BLAS keeps its one thread per process (:func:`servqual_cli.cli.main.set_threads`): these are
separate threads over independent columns, not a larger BLAS pool. ``SERVQUAL_WORKERS=1`` runs
everything on the calling thread.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Iterable
from typing import TypeVar

__all__ = ["MIN_ROWS", "map_ordered", "workers"]

T = TypeVar("T")
R = TypeVar("R")

MIN_ROWS = 200_000  # rows from which the column loops use threads (below, a thread costs more)
_MAX = 4  # the column loops gain little beyond a few threads (their Python parts share the GIL)
_inside = threading.local()  # .worker: this thread is one of map_ordered's


def workers() -> int:
    """The threads the column loops may use: ``SERVQUAL_WORKERS`` if set, else the cores this
    process may run on (at most 4).

    >>> workers() >= 1
    True
    """
    text = os.environ.get("SERVQUAL_WORKERS", "").strip()
    if text:
        # a typo must not silently mean "all cores"
        if not (text.isascii() and text.isdigit() and int(text) >= 1):
            from servqual_cli.errors import UsageError

            raise UsageError(
                f"SERVQUAL_WORKERS={text!r}: give a whole number of threads, 1 or more",
                code="env_threads",
                facts={"name": "SERVQUAL_WORKERS", "text": text},
            )
        return int(text)
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        cores = os.cpu_count() or 1
    return max(1, min(cores, _MAX))


def map_ordered(fn: Callable[[T], R], items: Iterable[T], rows: int | None) -> list[R]:
    """``[fn(x) for x in items]``, on :func:`workers` threads when ``rows`` (the table's length)
    is at least :data:`MIN_ROWS` or None (the caller sized the items itself). The first
    exception raised by ``fn`` propagates, as in the loop.

    >>> map_ordered(lambda x: x * x, range(5), rows=10**6)
    [0, 1, 4, 9, 16]
    """
    todo = list(items)
    n = min(workers(), len(todo))
    if n < 2 or (rows is not None and rows < MIN_ROWS) or getattr(_inside, "worker", False):
        return [fn(x) for x in todo]  # (a job already on a worker thread runs its loop there)
    from concurrent.futures import ThreadPoolExecutor

    def job(x: T) -> R:
        _inside.worker = True
        return fn(x)

    with ThreadPoolExecutor(max_workers=n, thread_name_prefix="servqual") as pool:
        return list(pool.map(job, todo))
