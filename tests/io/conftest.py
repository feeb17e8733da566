"""Fixtures shared by the io tests."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from servqual_cli.io.kpi_config import KpiSpec, kpi_config_from_dict


@pytest.fixture
def one() -> Callable[..., KpiSpec]:
    """Validate a config with one [[kpi]] (data files not checked)."""

    def spec(**entry: Any) -> KpiSpec:
        base = {"name": "K", "aspect": "resultat", "data": "x.csv"}
        config = kpi_config_from_dict({"kpi": [{**base, **entry}]}, "k.toml", Path("."), False)
        return config.kpis[0]

    return spec
