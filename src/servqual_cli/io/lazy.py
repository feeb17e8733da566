"""Dataclass fields computed on first read: large frames that most runs never look at.

The object frame of a CSV read on the fast path (:attr:`servqual_cli.io.raw_table.RawTable.frame`)
and the per-cell list of excluded cells (``SurveyData.exclusions``) cost hundreds of megabytes
at a million rows, and most runs use neither (issue #16): the frame is only for code that wants
every cell, the list only for ``--excluded`` and ``--strict``. Such a field stays an ordinary
dataclass field (positional and keyword construction, :func:`dataclasses.replace`, equality,
pickling all work); given as None, it is built by ``build(instance)`` when first read and kept.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

__all__ = ["lazy_field"]


def lazy_field(cls: type, name: str, build: Callable[[Any], Any]) -> None:
    """Make the dataclass field ``name`` of ``cls`` built by ``build`` when read while None.

    Call it after the class is made (a property in the class body would be taken as the
    field's default). Frozen dataclasses still refuse assignment after construction.

    >>> from dataclasses import dataclass, replace
    >>> @dataclass(frozen=True)
    ... class T:
    ...     big: list | None
    ...     n: int
    >>> lazy_field(T, "big", lambda t: list(range(t.n)))
    >>> t = T(None, 3)
    >>> t.big, replace(t, n=1).big, T([7], 2).big
    ([0, 1, 2], [0, 1, 2], [7])
    """

    def get(self: Any) -> Any:
        value = self.__dict__.get(name)
        if value is None:
            value = build(self)
            self.__dict__[name] = value
        return value

    def put(self: Any, value: Any) -> None:
        self.__dict__[name] = value

    setattr(cls, name, property(get, put, doc=f"{name} (built on first read)"))
