"""The manifest's ``settings``: every report option that changes a result, with the value in
effect and whether it was left at its default (review 12b finding 13: the manifest recorded the
config as written, so a reader could not tell which rules produced the numbers when the config
left them out).

Each value is taken from the parsed :class:`~servqual_cli.report.config.ReportConfig`, where
:mod:`~servqual_cli.report.config` set the defaults (the dataclasses'), so the defaults are not
restated here; ``default`` is true when neither the config file nor the command line gave the
key (``raw``, which :func:`~servqual_cli.report.config_cli.with_overrides` updates with the
options given). ``null`` is the reader's own rule: the first sheet, the detected header row and
encoding, no grouping, no weights (unweighted means and intervals).

Rules that no option changes (Holm's correction of the pairwise tests, pairwise deletion in
alpha, the Wilson and Welch intervals, ...) follow from the version and commit in ``tool`` and
are named in the report's method section.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from servqual_cli.report.config import ReportConfig

__all__ = ["SETTINGS", "settings"]

# The options, as the config names them (dotted: the table, then the key). ``scale`` is no key:
# the rating scale of the table's instrument, given or defaulted with it.
# fmt: off
_READ = ("instrument", "scale", "sheet", "header_row", "encoding", "strict")
SETTINGS: dict[str, tuple[str, ...]] = {
    "": ("language", "min_n", "date", "sections"),
    "survey": (*_READ, "by", "conf", "ipa_crosshair", "weight_column", "overall",
               "importance_on", "missing_codes"),
    "contacts": ("municipality", "sheet"),
    "service": ("promise", "as_of", "unit_map"),
    "tolerance": _READ,
    "knowledge_gap": ("staff_sheet",),  # read with the [survey]'s instrument and options
}
# fmt: on


def settings(config: ReportConfig, base: Path) -> dict[str, dict[str, Any]]:
    """``{"min_n": {"value": 30, "default": true}, "survey.conf": ...}`` for the top level and
    each table the config has, in :data:`SETTINGS` order; an instrument file's path is relative
    to ``base`` (the manifest's ``path_base``). A ``--split`` group's report adds ``split``
    (its column and group), since its ``survey.by`` is none: the split took it.

    >>> from servqual_cli.report.config_types import InputFile, ServiceConfig
    >>> c = ReportConfig(min_n=10, raw={"min_n": 10},
    ...                  service=ServiceConfig(kpi=InputFile("kpi", "k.toml", Path("k.toml"))))
    >>> s = settings(c, Path("."))
    >>> s["min_n"], s["language"], s["service.promise"]
    ({'value': 10, 'default': False}, {'value': 'en', 'default': True}, \
{'value': None, 'default': True})
    """
    out: dict[str, dict[str, Any]] = {}
    for table, keys in SETTINGS.items():
        section = config if not table else getattr(config, table)
        if section is None:
            continue
        given = config.raw if not table else config.raw.get(table, {})
        for key in keys:
            name = f"{table}.{key}" if table else key
            out[name] = {
                "value": _value(config, table, key, section, base),
                "default": not _given(given, "instrument" if key == "scale" else key),
            }
    if config.group is not None:  # a --split group's report: grouped by nothing inside it
        by, group = config.group
        out["split"] = {"value": {"by": by, "group": group}, "default": False}
    return out


def _given(raw: Any, key: str) -> bool:
    return isinstance(raw, Mapping) and key in raw


def _value(config: ReportConfig, table: str, key: str, section: Any, base: Path) -> Any:
    """The value in effect: the parsed config's, where a missing value means a rule that is
    not the reader's (the report's date, its sections, the instrument) that rule's result."""
    if key == "date":
        from servqual_cli.report.build_meta import report_date

        return report_date(config).isoformat()  # the date printed on the report
    if key == "sections":
        from servqual_cli.report.build import section_names

        return section_names(config)
    if key in ("instrument", "scale"):
        spec, file = _instrument(config, table)
        if key == "scale":
            from servqual_cli.instruments.toml import load_instrument

            return list(load_instrument(spec).scale)
        if file is not None:
            from servqual_cli.report.manifest import relative_path

            return relative_path(file, base)
        return spec
    value = getattr(section, key)
    if key == "unit_map":  # (OLD, NEW) pairs, as the config wrote them: {OLD: NEW}
        return dict(value)
    return list(value) if isinstance(value, tuple) else value


def _instrument(config: ReportConfig, table: str) -> tuple[str, Path | None]:
    """The instrument a table is read with (a built-in name, or a file's path) and its file.

    [tolerance] without one uses the [survey]'s (as ``toolbox_part.tolerance_part`` does)."""
    from servqual_cli.instruments.toml import DEFAULT_INSTRUMENT

    tables = [config.tolerance, config.survey] if table == "tolerance" else [config.survey]
    for t in tables:
        if t is not None and t.instrument_file is not None:
            return str(t.instrument_file.path), t.instrument_file.path
        if t is not None and t.instrument is not None:
            return t.instrument.lower(), None  # a built-in name, in any case (load_instrument)
    return DEFAULT_INSTRUMENT, None
