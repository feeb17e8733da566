"""scipy.optimize (0.2-0.4 s to import) loads only when a factor model is fitted (issue #16)."""

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
x = pd.DataFrame({f"i{j}": f + rng.normal(size=200) for j in range(4)})
print("scipy.optimize" in sys.modules)
reliability.cronbach_alpha(x)
scales.scale_reliability(x[["i0", "i1"]], "two")  # omega needs 3 items: no fit
print("scipy.optimize" in sys.modules)
scales.scale_reliability(x, "four")  # omega: the one-factor ML fit
print("scipy.optimize" in sys.modules)
"""


def test_scipy_optimize_only_when_a_model_is_fitted() -> None:
    out = subprocess.run([sys.executable, "-c", CODE], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "False", "True"]
