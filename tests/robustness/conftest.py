"""Fixtures of the robustness suite: hostile inputs, copied so that every run can be checked."""

from __future__ import annotations

import hashlib
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

DATA = Path(__file__).parent.parent / "data"


@pytest.fixture
def sha() -> Callable[[Path], str]:
    """SHA-256 of a file: inputs must be byte-identical after any run, failed or not."""
    return lambda path: hashlib.sha256(Path(path).read_bytes()).hexdigest()


@pytest.fixture
def copy_data(tmp_path: Path) -> Callable[..., list[Path]]:
    """Copy named files of tests/data into a fresh folder; returns their new paths."""

    def copy(*names: str) -> list[Path]:
        out = []
        for name in names:
            target = tmp_path / name
            shutil.copyfile(DATA / name, target)
            out.append(target)
        return out

    return copy
