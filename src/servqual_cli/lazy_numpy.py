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

The same finder also catches ``scipy._lib._array_api`` as it loads (:func:`table_only`).
SciPy 1.17 decorates about 94 ``scipy.special`` functions with its ``xp_capabilities``, which
records each function's array-API backends in ``xp_capabilities_table`` and then parses the
function's docstring (numpydoc's ``FunctionDoc``) to append a note listing them: pure
documentation, about a third of ``import scipy.special``. Right after that module runs (before
anything uses the decorator), ``xp_capabilities`` is replaced by one that records the same
table entry and leaves ``__doc__`` as it is. Guarded: only when the decorator's keyword
parameters and defaults are exactly those of the version this copies (SciPy 1.17's
``scipy/_lib/_array_api.py``), and any failure leaves scipy's own decorator in place.
"""

from __future__ import annotations

import importlib.util
import inspect
import sys
from collections.abc import Callable, Sequence
from importlib.abc import Loader, MetaPathFinder
from importlib.machinery import ModuleSpec
from types import ModuleType
from typing import Any

__all__ = ["ARRAY_API", "LAZY", "defer", "install", "table_only"]

LAZY = ("numpy.f2py", "numpy.testing")


ARRAY_API = "scipy._lib._array_api"


class _BeforeScipy(MetaPathFinder):
    """Fires :func:`defer` once, just before the first ``import scipy``, then hands
    ``scipy._lib._array_api`` a loader that runs :func:`table_only` after the module's code."""

    def find_spec(
        self, fullname: str, path: Sequence[str] | None = None, target: ModuleType | None = None
    ) -> ModuleSpec | None:
        if fullname == "scipy":
            defer()
        elif fullname == ARRAY_API:
            _remove_finder()
            return _patched_spec(fullname, path, target)
        return None


def install() -> None:
    """Register the finder (once, and only while scipy is not yet imported)."""
    if "scipy" in sys.modules or any(isinstance(f, _BeforeScipy) for f in sys.meta_path):
        return
    sys.meta_path.insert(0, _BeforeScipy())


class _ThenTableOnly(Loader):
    """Runs the module with its own loader, then :func:`table_only` on it; the module's
    ``__loader__`` and spec are the original loader's again afterwards."""

    def __init__(self, loader: Loader) -> None:
        self.loader = loader

    def create_module(self, spec: ModuleSpec) -> ModuleType | None:
        return self.loader.create_module(spec)

    def exec_module(self, module: ModuleType) -> None:
        module.__loader__ = self.loader
        if module.__spec__ is not None:
            module.__spec__.loader = self.loader
        self.loader.exec_module(module)  # scipy's own errors propagate unchanged
        table_only(module)


def _patched_spec(
    fullname: str, path: Sequence[str] | None, target: ModuleType | None
) -> ModuleSpec | None:
    """The spec the other finders give ``fullname``, its loader wrapped; None (the normal
    import) when anything is unusual. Asked only while the module is not yet imported, so no
    scipy function has been decorated yet (``scipy.special``'s own package is at most
    starting: it imports this module before any function it decorates)."""
    try:
        for finder in sys.meta_path:
            find = getattr(finder, "find_spec", None)
            if find is None:
                continue
            spec = find(fullname, path, target)
            if spec is None:
                continue
            if spec.loader is None or not hasattr(spec.loader, "exec_module"):
                return None
            spec.loader = _ThenTableOnly(spec.loader)
            return spec
    except Exception:  # let the normal import find it
        return None
    return None


# SciPy 1.17.1's xp_capabilities keyword parameters and defaults (scipy/_lib/_array_api.py,
# line 784): table_only replaces the decorator only when these match exactly.
_XP_PARAMETERS: tuple[tuple[str, object], ...] = (
    ("capabilities_table", None),
    ("skip_backends", ()),
    ("xfail_backends", ()),
    ("cpu_only", False),
    ("np_only", False),
    ("reason", None),
    ("out_of_scope", False),
    ("exceptions", ()),
    ("warnings", ()),
    ("allow_dask_compute", False),
    ("jax_jit", True),
    ("extra_note", None),
)


def table_only(module: ModuleType) -> bool:
    """Replace ``module.xp_capabilities`` with a decorator that records the same
    ``xp_capabilities_table`` entry as SciPy's and leaves the docstring alone; True if done.

    The entry is built as SciPy 1.17's decorator builds it (``out_of_scope`` implies
    ``np_only``; the same ten keys); what is left out is its docstring note
    (``_make_sphinx_capabilities``, ``FunctionDoc``), which changes nothing but ``__doc__``.
    """
    try:
        original = module.xp_capabilities
        default_table = module.xp_capabilities_table
        parameters = inspect.signature(original).parameters.values()
        if (
            not isinstance(default_table, dict)
            or tuple((p.name, p.default) for p in parameters if p.kind is p.KEYWORD_ONLY)
            != _XP_PARAMETERS
            or len(parameters) != len(_XP_PARAMETERS)
        ):
            return False

        def xp_capabilities(
            *,
            capabilities_table: dict[Any, dict[str, Any]] | None = None,
            skip_backends: Sequence[tuple[str, str]] = (),
            xfail_backends: Sequence[tuple[str, str]] = (),
            cpu_only: bool = False,
            np_only: bool = False,
            reason: str | None = None,
            out_of_scope: bool = False,
            exceptions: Sequence[str] = (),
            warnings: Sequence[tuple[str, str]] = (),
            allow_dask_compute: bool = False,
            jax_jit: bool = True,
            extra_note: str | None = None,
        ) -> Callable[[Any], Any]:
            table = default_table if capabilities_table is None else capabilities_table
            capabilities = dict(
                skip_backends=skip_backends,
                xfail_backends=xfail_backends,
                cpu_only=cpu_only,
                np_only=np_only or out_of_scope,
                out_of_scope=out_of_scope,
                reason=reason,
                exceptions=exceptions,
                allow_dask_compute=allow_dask_compute,
                jax_jit=jax_jit,
                warnings=warnings,
            )

            def decorator(f: Any) -> Any:
                table[f] = capabilities
                return f

            return decorator

        xp_capabilities.__doc__ = original.__doc__
        xp_capabilities.__wrapped__ = original  # type: ignore[attr-defined]
        module.xp_capabilities = xp_capabilities  # type: ignore[attr-defined]
    except Exception:  # scipy's own decorator stays
        return False
    return True


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
