"""The report configuration the command line makes or changes: the short form ``servqual
report survey.xlsx`` (:func:`survey_config`) and the options given over a config file
(:func:`with_overrides`). Split from :mod:`servqual_cli.report.config` (which checks the TOML
file and names these two functions too); the same checks name the same keys.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from servqual_cli.errors import ConfigError
from servqual_cli.report.config import _Checker, _file
from servqual_cli.report.config_types import (
    BUILTIN_INSTRUMENTS,
    InputFile,
    ReportConfig,
    SurveyConfig,
)

__all__ = ["survey_config", "with_overrides"]


def survey_config(
    file: str,
    *,
    instrument: str | None = None,
    by: str | None = None,
    sheet: str | None = None,
    encoding: str | None = None,
    header_row: int | None = None,
    strict: bool = False,
    lang: str | None = None,
) -> ReportConfig:
    """The config of the short form ``servqual report survey.xlsx`` (paths relative to cwd).

    ``lang`` None: the config's default language, and ``raw`` (the manifest's record of what
    was given) has none, so the manifest's ``settings`` marks it as the default."""
    check = _Checker(file)
    path = Path(file)
    if not path.is_file():
        raise ConfigError(
            f"survey file {file!r} not found", code="survey_file_not_found", facts={"file": file}
        )
    inst_file = None
    if instrument is not None and instrument.lower() not in BUILTIN_INSTRUMENTS:
        inst_file = _file(Path.cwd(), instrument, "instrument", "--instrument", check)
    raw: dict[str, Any] = {"survey": {"file": file}}
    if lang is not None:
        raw["language"] = lang
    for key, value in (
        ("instrument", instrument),
        ("by", by),
        ("sheet", sheet),
        ("encoding", encoding),
        ("header_row", header_row),
    ):
        if value is not None:
            raw["survey"][key] = value
    if strict:
        raw["survey"]["strict"] = True
    survey = SurveyConfig(
        file=InputFile("survey", file, path.resolve()),
        instrument=instrument if inst_file is None else str(inst_file.path),
        instrument_file=inst_file,
        by=by,
        sheet=sheet,
        encoding=encoding,
        header_row=header_row,
        strict=strict,
    )
    if lang is None:
        return ReportConfig(survey=survey, raw=raw)
    return ReportConfig(language=lang, survey=survey, raw=raw)


def with_overrides(config: ReportConfig, lang: str | None = None, **survey: Any) -> ReportConfig:
    """Command-line options over a config file's values (``None`` = not given).

    ``survey`` takes the [survey] keys ``instrument``, ``by``, ``sheet``, ``encoding``,
    ``header_row`` and ``strict``; ``raw`` is updated too, so the manifest shows what was used.
    """
    from dataclasses import replace

    given = {k: v for k, v in survey.items() if v is not None and v is not False}
    raw = dict(config.raw)
    if lang is not None:
        config = replace(config, language=lang)
        raw["language"] = lang
    if given:
        if config.survey is None:
            names = ", ".join(f"--{k.replace('_', '-')}" for k in given)
            raise ConfigError(f"{names} given, but the config has no [survey] table",
                              code="config_no_survey", facts={"names": names})  # fmt: skip
        changes = dict(given)
        inst = given.get("instrument")
        if inst is not None and inst.lower() not in BUILTIN_INSTRUMENTS:
            inst_file = _file(Path.cwd(), inst, "instrument", "--instrument", _Checker(inst))
            changes.update(instrument=str(inst_file.path), instrument_file=inst_file)
        elif inst is not None:
            changes["instrument_file"] = None
        config = replace(config, survey=replace(config.survey, **changes))
        raw["survey"] = {**dict(raw.get("survey", {})), **given}
    return replace(config, raw=raw)
