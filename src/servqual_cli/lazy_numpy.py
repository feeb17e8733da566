"""Keep ``numpy.f2py`` and ``numpy.testing`` unloaded until something uses them (issue #16).

SciPy's bundled array-API layer (``scipy._lib.array_api_compat.numpy``, imported by
``scipy.special``) clones numpy with ``from numpy import *``. numpy lists its public
submodules in ``__all__``, so that star import imports every one of them, among them
``numpy.f2py`` (the Fortran wrapper generator) and ``numpy.testing`` (which loads ``unittest``,
``doctest`` and more): about 0.1 s of every ``servqual`` run that computes a statistic, for
modules no command uses.

:func:`install` puts a finder first on ``sys.meta_path`` that fires once, when ``scipy`` is
first imported, and registers those two modules as :class:`importlib.util.LazyLoader` modules:
the star import then binds module objects whose code runs on their first attribute access, as
``import numpy.testing`` would have. Each is also set as an attribute of ``numpy`` (numpy's
module ``__getattr__`` would otherwise import it again and recurse into the lazy module).

Guarded: a module that is already imported is left alone, and any failure undoes what was
registered so the normal import happens. ``tests/test_lazy_numpy.py`` checks that
``numpy.testing.assert_allclose`` and ``numpy.f2py`` still work afterwards and that
``scipy.special`` gives the same bytes. Measured on the 2-core VM (quiet, medians of 9
alternating rounds): see README "Start-up time".

Python 3.11's LazyLoader is not thread-safe on the first attribute access (CPython
gh-114763, fixed in 3.12): nothing in servqual touches these two modules at run time, let
alone from two threads.
"""

from __future__ import annotations

import importlib.util
import sys
from collections.abc import Sequence
from importlib.abc import MetaPathFinder
from importlib.machinery import ModuleSpec
from types import ModuleType

__all__ = ["LAZY", "defer", "install"]

LAZY = ("numpy.f2py", "numpy.testing")


class _BeforeScipy(MetaPathFinder):
    """Fires :func:`defer` once, just before the first ``import scipy``; finds nothing itself."""

    def find_spec(
        self, fullname: str, path: Sequence[str] | None = None, target: ModuleType | None = None
    ) -> ModuleSpec | None:
        if fullname == "scipy":
            _remove_finder()
            defer()
        return None


def install() -> None:
    """Register the finder (once, and only while scipy is not yet imported)."""
    if "scipy" in sys.modules or any(isinstance(f, _BeforeScipy) for f in sys.meta_path):
        return
    sys.meta_path.insert(0, _BeforeScipy())


def _remove_finder() -> None:
    sys.meta_path[:] = [f for f in sys.meta_path if not isinstance(f, _BeforeScipy)]


def defer(names: Sequence[str] = LAZY) -> list[str]:
    """Register each of ``names`` (numpy submodules not yet imported) as a lazy module; returns
    those registered. On any error nothing stays registered (the normal import then runs)."""
    done: list[str] = []
    try:
        import numpy

        for name in names:
            child = name.rpartition(".")[2]
            if name in sys.modules or child in vars(numpy):
                continue
            spec = importlib.util.find_spec(name)
            if spec is None or spec.loader is None:
                continue
            loader = importlib.util.LazyLoader(spec.loader)
            spec.loader = loader
            module = importlib.util.module_from_spec(spec)
            sys.modules[name] = module
            done.append(name)
            loader.exec_module(module)  # lazy: only arranges for the code to run on first use
            setattr(numpy, child, module)
    except Exception:  # never worse than the normal import: undo and let it happen
        numpy_module = sys.modules.get("numpy")
        for name in done:
            sys.modules.pop(name, None)
            if numpy_module is not None:
                vars(numpy_module).pop(name.rpartition(".")[2], None)
        return []
    return done
