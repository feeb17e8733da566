"""scipy.optimize (0.2-0.4 s to import) is not loaded for omega or the EFA, whose bounded fits run
on core.boxmin (issue #16); only the CFA's unbounded fit still uses it."""

from __future__ import annotations

import subprocess
import sys

CODE = """
import sys
import numpy as np
import pandas as pd
from servqual_cli.core import cfa, factor, reliability, scales  # noqa: F401
rng = np.random.default_rng(1)
f = rng.normal(size=200)
x = pd.DataFrame({f"i{j}": f + rng.normal(size=200) for j in range(6)})
print("scipy.optimize" in sys.modules)
reliability.cronbach_alpha(x)
scales.scale_reliability(x, "six")  # omega: the one-factor ML fit
print("scipy.optimize" in sys.modules)
factor.efa(x, 2, method="ml")
factor.efa(x, 2, method="minres")
print("scipy.optimize" in sys.modules)
cfa.cfa(x, {"a": ["i0", "i1", "i2"], "b": ["i3", "i4", "i5"]})
print("scipy.optimize" in sys.modules)
"""


def test_scipy_optimize_only_for_the_cfa() -> None:
    out = subprocess.run([sys.executable, "-c", CODE], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "False", "False", "True"]
