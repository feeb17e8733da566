"""The label catalog: every word a reader sees, in Swedish and English, for every renderer.

This module is the one lookup API of all renderers (terminal tables, Markdown, Excel, charts,
HTML): :func:`label`, :func:`rl`, :func:`sl`, :func:`dimension_name`, :func:`scale_name`,
:func:`item_name`, :func:`catalog` and :func:`exclusion_summary`, and it re-exports every word
table. The tables live in one module per report part:

- :mod:`.catalog_shared`: :data:`SHARED` (table columns and exclusion reasons, used by every
  command) and :data:`DIMENSIONS` (the built-in SERVQUAL dimensions);
- :mod:`.catalog_report`: :data:`REPORT` (headings, explanations and method notes of
  ``servqual report``);
- :mod:`.catalog_glance`: :data:`GLANCE` (the overview "Resultat i korthet");
- :mod:`.catalog_service`: :data:`SERVICE` (KPI and feedback sections);
- the sections' own words, listed in :data:`SECTION_TABLES`: :mod:`.catalog_servqual`
  (:data:`GROUPS`, :data:`SERVPERF`, :data:`TOOLBOX`), :mod:`.catalog_reliability`
  (:data:`RELIABILITY`, :data:`RELIABILITY_SHEETS`), :mod:`.catalog_measurement`
  (:data:`MEASUREMENT`, :data:`SERIES`, :data:`KOLADA`), :mod:`.catalog_service_survey`
  (:data:`SERVICE_SURVEY`), :mod:`.catalog_scale_use` (:data:`SCALE_USE`),
  :mod:`.catalog_tidy` (:data:`TIDY`, the headers of a command's ``-o FILE.xlsx``),
  :mod:`.catalog_tidy_values` (:data:`TIDY_VALUES`, the words of its cells) and
  :mod:`.chart_words` (:data:`CHART`).

Every entry is ``key: (sv, en)``; code and JSON keys stay English. Numbers are formatted by
:mod:`servqual_cli.report.numbers`. Lookups fall back to :data:`SHARED`, then return the key
unchanged, so a user's own names (groups, KPI names) pass through.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Mapping
from typing import TYPE_CHECKING

# The tables the lookups below read on every run; the others load on first use (__getattr__).
from servqual_cli.report.catalog_glance import GLANCE
from servqual_cli.report.catalog_report import REPORT
from servqual_cli.report.catalog_service import SERVICE
from servqual_cli.report.catalog_shared import DIMENSIONS, SHARED

if TYPE_CHECKING:  # at run time from __getattr__, for mypy and readers here
    from servqual_cli.report.catalog_describe import DESCRIBE
    from servqual_cli.report.catalog_efa import EFA
    from servqual_cli.report.catalog_errors import CLICK, ERRNO_REASONS, ERRORS
    from servqual_cli.report.catalog_kolada import KOLADA
    from servqual_cli.report.catalog_kpi import KPI
    from servqual_cli.report.catalog_measurement import MEASUREMENT
    from servqual_cli.report.catalog_reliability import (
        RELIABILITY,
        RELIABILITY_PROBLEMS,
        RELIABILITY_SHEETS,
        RELIABILITY_WARNINGS,
    )
    from servqual_cli.report.catalog_scale_use import SCALE_USE
    from servqual_cli.report.catalog_series import SERIES
    from servqual_cli.report.catalog_service_survey import SERVICE_SURVEY
    from servqual_cli.report.catalog_servqual import GROUPS, SERVPERF
    from servqual_cli.report.catalog_tidy import TIDY
    from servqual_cli.report.catalog_tidy_values import TIDY_VALUES
    from servqual_cli.report.catalog_toolbox import TOOLBOX
    from servqual_cli.report.chart_words import CHART

__all__ = [
    "CHART", "CLICK", "DESCRIBE", "DIMENSIONS", "EFA", "ERRNO_REASONS", "ERRORS", "GLANCE",
    "GROUPS", "KOLADA", "KPI", "MEASUREMENT", "RELIABILITY", "RELIABILITY_PROBLEMS",
    "RELIABILITY_SHEETS", "RELIABILITY_WARNINGS", "REPORT", "SCALE_USE", "SECTION_TABLES",
    "SERIES", "SERVICE", "SERVICE_SURVEY", "SERVPERF", "SHARED", "TIDY", "TIDY_VALUES",
    "TOOLBOX", "catalog", "count_text", "dimension_name", "exclusion_summary", "item_name",
    "label", "rl", "scale_name", "sl",
]  # fmt: skip

Pairs = Mapping[str, tuple[str, str]]

_TABLES: tuple[Pairs, ...] = (GLANCE, REPORT, SERVICE, SHARED)

# A section's table -> the module holding it. Loaded when first asked for (PEP 562): a command
# imports the words it shows, not every command's (`servqual gap` skips 18 modules of other
# commands' words; tests/cli/test_gap_imports.py keeps them out).
_LAZY: dict[str, str] = {
    "DESCRIBE": "catalog_describe", "EFA": "catalog_efa", "CLICK": "catalog_errors",
    "ERRNO_REASONS": "catalog_errors", "ERRORS": "catalog_errors", "KOLADA": "catalog_kolada",
    "KPI": "catalog_kpi", "MEASUREMENT": "catalog_measurement",
    "RELIABILITY": "catalog_reliability", "RELIABILITY_PROBLEMS": "catalog_reliability",
    "RELIABILITY_SHEETS": "catalog_reliability", "RELIABILITY_WARNINGS": "catalog_reliability",
    "SCALE_USE": "catalog_scale_use", "SERIES": "catalog_series",
    "SERVICE_SURVEY": "catalog_service_survey", "GROUPS": "catalog_servqual",
    "SERVPERF": "catalog_servqual", "TOOLBOX": "catalog_toolbox", "CHART": "chart_words",
    "TIDY": "catalog_tidy", "TIDY_VALUES": "catalog_tidy_values",
}  # fmt: skip
# The sections' own words (each section looks up its table; catalog() lists them prefixed):
# prefix -> table name in _LAZY.
_SECTIONS: dict[str, str] = {
    "service_survey": "SERVICE_SURVEY",
    "describe": "DESCRIBE",
    "reliability": "RELIABILITY",
    "measurement": "MEASUREMENT",
    "series": "SERIES",
    "kolada": "KOLADA",
    "kpi": "KPI",  # report/catalog_kpi.py: a KPI's change of a time
    "groups": "GROUPS",
    "servperf": "SERVPERF",
    "toolbox": "TOOLBOX",
    "reliability_sheets": "RELIABILITY_SHEETS",
    "reliability_problems": "RELIABILITY_PROBLEMS",
    "reliability_warnings": "RELIABILITY_WARNINGS",
    "efa": "EFA",  # report/catalog_efa.py: the EFA tables
    "charts": "CHART",  # report/chart_words.py: the words in and around the charts
    "scale_use": "SCALE_USE",  # report/catalog_scale_use.py: no answer at an end of the scale
    "tidy": "TIDY",  # report/catalog_tidy.py: the tidy table's headers in a command's xlsx
    "tidy_values": "TIDY_VALUES",  # report/catalog_tidy_values.py: its cells' words there
    # report/catalog_errors.py: the error line of a --lang sv run (cli/error_text.py)
    "errors": "ERRORS",
    "errno": "ERRNO_REASONS",
    "click": "CLICK",
}


def _table(name: str) -> Pairs:
    """The table ``name`` of :data:`_LAZY`, imported now if it was not yet."""
    value: Pairs = getattr(importlib.import_module(f"servqual_cli.report.{_LAZY[name]}"), name)
    globals()[name] = value  # later lookups find it without __getattr__
    return value


def _section_tables() -> dict[str, Pairs]:
    return {prefix: _table(name) for prefix, name in _SECTIONS.items()}


def __getattr__(name: str) -> object:
    """A table of :data:`_LAZY` on first use, or :data:`SECTION_TABLES` (prefix -> table)."""
    if name == "SECTION_TABLES":
        return _section_tables()
    if name in _LAZY:
        return _table(name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


if TYPE_CHECKING:
    SECTION_TABLES: dict[str, Pairs]


def _pick(pair: tuple[str, str], lang: str) -> str:
    return pair[0] if lang == "sv" else pair[1]


def label(key: str, lang: str = "en", extra: Pairs | None = None) -> str:
    """Label of ``key`` in ``lang`` (``sv`` or ``en``); unknown keys are returned unchanged.

    ``extra`` is a table of the same shape looked up first (e.g. a section's own words);
    then :data:`SHARED`.

    >>> label("expectation", "sv"), label("gap", "en"), label("E3", "sv")
    ('Förväntan (E)', 'Gap (P−E)', 'E3')
    >>> label("kpi", "sv", {"kpi": ("Nyckeltal", "KPI")})
    'Nyckeltal'
    """
    pair = (extra or {}).get(key) or SHARED.get(key)
    return key if pair is None else _pick(pair, lang)


def rl(key: str, lang: str, **fill: object) -> str:
    """A report label in ``lang`` (:data:`GLANCE`, :data:`REPORT`, then :data:`SHARED`), with
    ``{placeholders}`` filled from ``fill``.

    >>> rl("summary", "sv"), rl("crosshair_mean", "en")
    ('Sammanfattning', 'the means')
    >>> rl("summary_group", "en", by="Tjänst", group="Grundskola")
    'Respondents with Tjänst = Grundskola.'
    """
    pair = GLANCE.get(key) or REPORT.get(key) or SHARED.get(key)
    text = key if pair is None else _pick(pair, lang)
    return text.format(**fill) if fill else text


def sl(key: str, lang: str) -> str:
    """Label of ``key`` in ``lang``: :data:`SERVICE`, else :data:`SHARED`.

    >>> sl("nåbarhet", "en"), sl("blank", "sv")
    ('Reachability', 'tomma')
    """
    return label(key, lang, SERVICE)


def dimension_name(name: object, lang: str) -> str:
    """A dimension's display name: the instrument's label in ``lang`` when its file names one
    (``[dimension_labels.en]``, review 13 finding 8), the built-in SERVQUAL dimensions in
    ``lang``, else as named.

    >>> dimension_name("Responsiveness", "sv"), dimension_name("Bemötande", "en")
    ('Lyhördhet', 'Bemötande')
    """
    from servqual_cli.instruments.labels_in_effect import dimension_label

    own = dimension_label(str(name), lang)
    if own is not None:
        return own
    pair = DIMENSIONS.get(str(name))
    return str(name) if pair is None else _pick(pair, lang)


_SCALE_PARTS = {
    "E": ("Förväntan", "Expectation"),
    "P": ("Upplevelse", "Perception"),
    "gap": ("Gap", "Gap"),
}
_ITEM_CODE = re.compile(r"^(?:[EP](?P<a>\d+)|P(?P<b>\d+)-E(?P=b))$")


def scale_name(scale: object, lang: str) -> str:
    """A reliability scale ``"E:Tangibles"`` / ``"gap:all"`` as a reader says it.

    >>> scale_name("E:Tangibles", "sv"), scale_name("gap:all", "sv"), scale_name("P:all", "en")
    ('Förväntan – Fysisk miljö', 'Gap, hela skalan', 'Perception, whole scale')
    >>> scale_name("Bemötande", "sv")
    'Bemötande'
    """
    part, sep, dim = str(scale).partition(":")
    if not sep and part in _SCALE_PARTS:
        return _pick(_SCALE_PARTS[part], lang)
    if not sep or part not in _SCALE_PARTS:
        return str(scale)
    head = _pick(_SCALE_PARTS[part], lang)
    if dim == "all":
        return f"{head}, {_pick(REPORT['whole_scale'], lang)}"
    return f"{head} – {dimension_name(dim, lang)}"


def item_name(item: object, lang: str) -> str:
    """An item column of the built-in layout (``E3``, ``P3``, ``P3-E3``) as "Påstående 3";
    other names unchanged.

    >>> item_name("P3-E3", "sv"), item_name("E12", "en"), item_name("Q1", "sv")
    ('Påstående 3', 'Statement 12', 'Q1')
    """
    match = _ITEM_CODE.match(str(item))
    if match is None:
        return str(item)
    number = match.group("a") or match.group("b")
    return f"{'Påstående' if lang == 'sv' else 'Statement'} {number}"


def catalog(lang: str) -> dict[str, str]:
    """Every label of the catalog in ``lang`` (for renderers that look up many at once, such as
    HTML templates); keys of the earlier tables win.

    >>> catalog("sv")["glance_title"], catalog("en")["g_not_met"]
    ('Resultat i korthet', 'not met')
    >>> catalog("sv")["service_survey.small_base"]
    'Litet underlag'
    """
    out: dict[str, str] = {}
    for table in reversed(_TABLES):
        out.update({k: _pick(v, lang) for k, v in table.items()})
    for name, table in _section_tables().items():
        out.update({f"{name}.{k}": _pick(v, lang) for k, v in table.items()})
    return out


def exclusion_summary(excluded: Mapping[str, int], lang: str = "en") -> str:
    """One line: "Excluded cells: blank 12, don't know 40" (or "none")."""
    head = label("excluded", lang)
    if not excluded:
        return f"{head}: {'inga' if lang == 'sv' else 'none'}"
    parts = ", ".join(f"{label(k, lang)} {count_text(v, lang)}" for k, v in excluded.items())
    return f"{head}: {parts}"


def count_text(n: int, lang: str = "en") -> str:
    """A count in a sentence, grouped as the tables group it (``numbers.fmt_int``, the ``"d"``
    format of :func:`~servqual_cli.report.spec.format_value`): Swedish with a no-break space
    ("2 486", Språkrådet), English with a comma ("2,486"). A year, a row, an id or an item number
    is a name, not a count: it is written as it is, never through this function.

    >>> count_text(2486, "sv"), count_text(2486, "en"), count_text(12, "sv"), count_text(300000)
    ('2\xa0486', '2,486', '12', '300,000')
    """
    from servqual_cli.report.numbers import fmt_int  # the tables' count format, one rule

    return fmt_int(int(n), lang)
