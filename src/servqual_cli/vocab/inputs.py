"""The shapes of loaded inputs the core computes on, as structural types.

The readers in :mod:`servqual_cli.io` return dataclasses that satisfy these protocols
(``io.kpi_data.KpiData``, ``io.measurement.BenchmarkData``); the core annotates with the
protocols so that it never imports ``io``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    import pandas as pd

    from servqual_cli.vocab.kpi import KpiSpec

__all__ = ["BenchmarkData", "ExclusionCounts", "KpiData"]


class ExclusionCounts(Protocol):
    """Anything that counts excluded cells by reason (``io.exclusions.ExclusionLog``)."""

    def counts(self) -> dict[str, int]: ...


class KpiData(Protocol):
    """The parsed rows of one KPI (see ``io.kpi_data.KpiData`` for the frame's columns)."""

    @property
    def spec(self) -> KpiSpec: ...
    @property
    def frame(self) -> pd.DataFrame: ...
    @property
    def log(self) -> ExclusionCounts: ...
    @property
    def year_column(self) -> str | None: ...


class BenchmarkData(Protocol):
    """A benchmark file read for one municipality and year (``io.measurement.BenchmarkData``)."""

    @property
    def kind(self) -> str: ...
    @property
    def year(self) -> int | None: ...
    @property
    def municipality(self) -> str: ...
    @property
    def values(self) -> pd.DataFrame | None: ...
    @property
    def contacts(self) -> pd.DataFrame | None: ...
    @property
    def n_average_rows(self) -> int: ...
    @property
    def excluded(self) -> dict[str, int]: ...
    def describe(self) -> dict[str, Any]: ...
