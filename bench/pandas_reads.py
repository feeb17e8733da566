"""Where a servqual command uses pandas at run time (issue #16: a start without pandas).

    PYTHONPATH=src python bench/pandas_reads.py alpha tests/data/kiosk.csv --items F1:F5

Runs the command in this process with ``sys.modules["pandas"]`` replaced by a module that
records every attribute read (``pd.DataFrame``, ``pd.isna`` ...) and then hands over to the
real pandas, imported on the first read. A ``import pandas as pd`` at module level reads
nothing, so what is printed (on stderr, after the command's own output) is exactly the code a
pandas-free path must change: ``file:line function pd.attribute``, once each, the
innermost servqual frame of the read. Reads from pyarrow's pandas shim (``Array.to_numpy``
imports pandas when it is installed) show up under the servqual line that called pyarrow.
"""

from __future__ import annotations

import importlib
import sys
import traceback
import types
from typing import Any

_seen: dict[str, None] = {}
_real: list[types.ModuleType] = []


class _Recorder(types.ModuleType):
    def __getattr__(self, name: str) -> Any:
        if name.startswith("__") and not _real:
            raise AttributeError(name)
        frames = [f for f in traceback.extract_stack()[:-1] if "servqual_cli" in f.filename]
        if frames and not name.startswith("__"):
            f = frames[-1]
            _seen.setdefault(f"{f.filename.split('src/')[-1]}:{f.lineno} {f.name} pd.{name}")
        if not _real:
            del sys.modules["pandas"]
            _real.append(importlib.import_module("pandas"))
            sys.modules["pandas"] = self
        return getattr(_real[0], name)


def main(argv: list[str]) -> int:
    recorder = _Recorder("pandas")
    recorder.__path__ = []  # a package, as pandas is
    sys.modules["pandas"] = recorder
    from servqual_cli.cli.main import main as servqual

    code = servqual(argv)
    print(f"exit {code}; pandas read at {len(_seen)} places:", file=sys.stderr)
    for line in _seen:
        print("  " + line, file=sys.stderr)
    return code


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
