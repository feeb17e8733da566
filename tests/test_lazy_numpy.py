"""numpy.f2py and numpy.testing deferred past scipy.special's import (servqual_cli.lazy_numpy).

Each case runs in a fresh interpreter: in the test process numpy.testing is long loaded, and
the finder rightly does nothing then.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

# scipy.special's tails and quantiles servqual uses, on arguments spread over their domains,
# printed exactly (repr of each float64's hex): the same bytes with and without the finder.
SPECIAL = """
import numpy as np
import scipy.special as sc
rng = np.random.default_rng(16)
p = rng.uniform(1e-6, 1 - 1e-6, 200)
x = rng.normal(0, 5, 200)
df = rng.uniform(0.5, 300, 200)
values = [sc.stdtr(df, x), sc.stdtrit(df, p), sc.ndtr(x), sc.ndtri(p), sc.fdtri(df, df[::-1], p),
          sc.fdtrc(df, df[::-1], np.abs(x)), sc.chdtrc(df, np.abs(x)), sc.bdtr(7, 20, p),
          sc.betainc(df, df[::-1], p), sc.gammaln(df), sc.erfc(x)]
print(";".join(v.astype(np.float64).tobytes().hex() for v in values))
"""


def run(code: str) -> str:
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT
    )
    return out.stdout.strip()


INSTALLED = "from servqual_cli.lazy_numpy import install\ninstall()\n"


def test_scipy_special_loads_without_f2py_and_testing_running() -> None:
    got = run(
        INSTALLED
        + "import sys, scipy.special, numpy\n"
        + "m = sys.modules\n"
        + "print(type(m['numpy.f2py']).__name__, type(m['numpy.testing']).__name__,"
        + " 'numpy.f2py.f2py2e' in m, 'unittest' in m, numpy.f2py is m['numpy.f2py'])"
    )
    assert got == "_LazyModule _LazyModule False False True"


def test_the_deferred_modules_work_when_used() -> None:
    got = run(
        INSTALLED
        + "import scipy.special, numpy as np\n"
        + "from numpy.testing import assert_allclose\n"
        + "assert_allclose(np.array([1.0]), np.array([1.0 + 1e-12]))\n"
        + "try:\n"
        + "    np.testing.assert_allclose(1.0, 2.0)\n"
        + "except AssertionError:\n"
        + "    print('raised')\n"
        + "import numpy.f2py\n"
        + "print(callable(np.f2py.run_main), callable(numpy.f2py.get_include))"
    )
    assert got == "raised\nTrue True"


def test_scipy_special_gives_the_same_bytes() -> None:
    plain = run(SPECIAL)
    deferred = run(INSTALLED + SPECIAL)
    assert plain == deferred and len(plain) > 10_000


def test_nothing_is_deferred_once_loaded_and_a_failure_undoes_itself() -> None:
    got = run(
        "import sys, numpy.testing\n"
        + "from servqual_cli import lazy_numpy as ln\n"
        + "print(ln.defer())\n"  # numpy.testing is loaded: only f2py is deferred
        + "print(ln.defer(('numpy.f2py', 'numpy.nosuch')))\n"  # f2py now deferred: nothing
        + "import numpy\n"
        + "print(ln.defer(('numpy.polynomial', 'numpy.polynomial.nosuch.deeper')), "
        + "'numpy.polynomial' in sys.modules, 'polynomial' in vars(numpy))\n"
        + "import scipy.special\n"
        + "ln.install()\n"  # scipy loaded: no finder
        + "print(any(type(f).__name__ == '_BeforeScipy' for f in sys.meta_path))"
    )
    assert got.splitlines() == ["['numpy.f2py']", "[]", "[] False False", "False"]


def test_the_cli_defers_them() -> None:
    kiosk = str(ROOT / "tests" / "data" / "kiosk.csv")
    code = (
        "import sys\n"
        "from servqual_cli.cli.main import main\n"
        f"code = main(['alpha', {kiosk!r}, '--items', 'F2,F3,F4,F5'])\n"
        "m = sys.modules\n"
        "print(code, 'numpy.f2py.f2py2e' in m, 'numpy.testing._private' in m,"
        " 'scipy.special' in m, file=sys.stderr)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT
    )
    assert out.stderr.strip().splitlines()[-1] == "0 False False True"
