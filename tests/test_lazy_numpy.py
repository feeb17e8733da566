"""numpy.f2py and numpy.testing deferred past scipy.special's import, and SciPy's
``xp_capabilities`` docstring notes skipped (servqual_cli.lazy_numpy).

Each import case runs in a fresh interpreter: in the test process numpy.testing and scipy are
long loaded, and the finder rightly does nothing then.
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from servqual_cli import lazy_numpy

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
    deferred = run(INSTALLED + SPECIAL + "import scipy._lib._array_api as a\n"
                   + "print(a.xp_capabilities.__module__)\n")  # fmt: skip
    assert deferred.splitlines() == [plain, "servqual_cli.lazy_numpy"] and len(plain) > 10_000


# Every entry of SciPy's capabilities table (scipy.special, scipy.stats, scipy.optimize), keyed
# by the function's qualified name, the capabilities printed with repr; then whether the
# decorator is servqual's and whether scipy.special.logsumexp's docstring has SciPy's note.
TABLE = r"""
import scipy.special, scipy.stats, scipy.optimize
import scipy._lib._array_api as a
rows = sorted(f"{getattr(f, '__module__', None)}.{getattr(f, '__name__', f)}={v!r}"
              for f, v in a.xp_capabilities_table.items())
print(len(rows), *rows, sep="\n")
print(a.xp_capabilities.__module__, "Array API Standard Support" in scipy.special.logsumexp.__doc__)
"""


def test_the_capabilities_table_is_the_same_and_only_the_docstrings_change() -> None:
    *plain, plain_flags = run(TABLE).splitlines()
    *table_only, flags = run(INSTALLED + TABLE).splitlines()
    assert plain == table_only and int(plain[0]) > 300
    assert plain_flags == "scipy._lib._array_api True"  # SciPy's own: the note is added
    assert flags == "servqual_cli.lazy_numpy False"


def _scipy_module() -> ModuleType:
    """A stand-in for ``scipy._lib._array_api`` holding SciPy's real decorator."""
    import scipy._lib._array_api as real

    module = ModuleType("fake_array_api")
    module.xp_capabilities = real.xp_capabilities  # type: ignore[attr-defined]
    module.xp_capabilities_table = {}  # type: ignore[attr-defined]
    return module


BACKENDS = st.lists(
    st.tuples(st.sampled_from(["cupy", "torch", "jax.numpy", "dask.array"]), st.text(max_size=5)),
    max_size=2,
).map(tuple)
KEYWORDS = st.fixed_dictionaries(
    {},
    optional={
        "skip_backends": BACKENDS,
        "xfail_backends": BACKENDS,
        "cpu_only": st.booleans(),
        "np_only": st.booleans(),
        "reason": st.none() | st.text(max_size=5),
        "out_of_scope": st.booleans(),
        "exceptions": st.lists(st.sampled_from(["cupy", "torch"]), max_size=2).map(tuple),
        "warnings": BACKENDS,
        "allow_dask_compute": st.booleans(),
        "jax_jit": st.booleans(),
        "extra_note": st.none() | st.text(max_size=5),
    },
)


def _same_entries(replacement: Callable[..., Any], original: Callable[..., Any]) -> None:
    @settings(max_examples=150, deadline=None, derandomize=True)
    @given(KEYWORDS, st.booleans())
    def check(keywords: dict[str, Any], own_table: bool) -> None:
        def f() -> None:
            """A function.

            Notes
            -----
            Decorated.
            """

        theirs: dict[Any, Any] = {}
        ours: dict[Any, Any] = {}
        original(capabilities_table=theirs, **keywords)(f)
        replacement(capabilities_table=ours, **keywords)(f)
        assert ours == theirs and list(ours[f]) == list(theirs[f])

    check()


def test_table_only_records_what_scipys_decorator_records() -> None:
    module = _scipy_module()
    original = module.xp_capabilities
    assert lazy_numpy.table_only(module)
    assert module.xp_capabilities is not original
    _same_entries(module.xp_capabilities, original)

    def f() -> None:
        """Documented."""

    assert module.xp_capabilities()(f) is f and f.__doc__ == "Documented."
    assert module.xp_capabilities_table[f]["np_only"] is False


def test_a_decorator_that_drops_a_rule_is_caught() -> None:
    module = _scipy_module()
    original = module.xp_capabilities
    lazy_numpy.table_only(module)
    ours = module.xp_capabilities

    def broken(**keywords: Any) -> Callable[[Any], Any]:  # forgets out_of_scope -> np_only
        if keywords.get("out_of_scope"):
            keywords["np_only"] = keywords.get("np_only", False)
            keywords["out_of_scope"] = False
            table = keywords["capabilities_table"]

            def deco(f: Any) -> Any:
                ours(**keywords)(f)
                table[f]["out_of_scope"] = True
                return f

            return deco
        return ours(**keywords)

    with pytest.raises(AssertionError):
        _same_entries(broken, original)


def test_table_only_leaves_another_decorator_alone() -> None:
    def other(*, capabilities_table: Any = None, cpu_only: bool = True) -> Any:
        return lambda f: f

    module = ModuleType("other")
    module.xp_capabilities = other  # type: ignore[attr-defined]
    module.xp_capabilities_table = {}  # type: ignore[attr-defined]
    assert not lazy_numpy.table_only(module) and module.xp_capabilities is other
    no_table = _scipy_module()
    del no_table.xp_capabilities_table
    original = no_table.xp_capabilities
    assert not lazy_numpy.table_only(no_table) and no_table.xp_capabilities is original
    assert not lazy_numpy.table_only(ModuleType("empty"))


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
        " 'scipy.special' in m, m['scipy._lib._array_api'].xp_capabilities.__module__,"
        " file=sys.stderr)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT
    )
    assert out.stderr.strip().splitlines()[-1] == "0 False False True servqual_cli.lazy_numpy"
