"""The report configuration: a TOML file (or the short form ``servqual report survey.xlsx``).

Every key is checked here, before any data is read: an unknown key, a wrong type or a missing
file is a :class:`~servqual_cli.errors.ConfigError` that names the key. Paths in the file are
relative to the file itself, so a config and its data can move together.

Layout (every key optional unless marked)::

    title = "Servicekvalitet i Karlstads kommun"
    organisation = "Karlstads kommun"
    period = "2024"
    language = "sv"                       # sv | en
    date = 2025-02-15                     # the report's date (default: SOURCE_DATE_EPOCH, today)
    min_n = 30                            # fewer answers: "too few answers", no value shown
    sections = ["summary", "servqual", "groups", "method"]   # default: all with inputs

    [survey]
    file = "karlstad_servqual.xlsx"       # required in [survey]
    instrument = "pzb1991"                # pzb1991 | pzb1988 | path to an instrument TOML
    by = "Tjänst"                         # grouping column
    sheet = "Enkät"
    header_row = 3
    encoding = "cp1252"
    strict = false
    conf = 0.95
    ipa_crosshair = "mean"                # mean | midpoint
    weight_column = "Vikt"                # survey weights: cards and totals weighted
    missing_codes = [88, "Ej svar"]       # no answer too, as gap --missing-codes

    [contacts]                            # test contacts (servicemätning), per year
    benchmark = "kolada_servicematning.csv"
    municipality = "Lekeberg"
    sheet = "Kontakter"
    [contacts.years]
    2019 = "servicematning_2019.xlsx"
    2020 = "servicematning_2020.xlsx"

    [service]                             # KPIs, declarations and the feedback register
    kpi = "kpi.toml"
    feedback = "synpunkter_2023_2024.xlsx"
    promise = "14 days"
    as_of = "2024-12-31"

    [tolerance]                           # the "tolerance" section's A, D and P columns,
    file = "karlstad_tolerans.xlsx"       # when the [survey] file has none (required here)
    instrument = "pzb1991"                # default: the [survey] instrument
    sheet = "Enkät"                       # sheet, header_row, encoding, strict as in [survey]

    [knowledge_gap]                       # the "knowledge_gap" section (gap 1, needs [survey])
    staff_file = "karlstad_personal.xlsx" # staff's "what do citizens expect?" (required here)
    staff_sheet = "Personal"              # default: the [survey] sheet; the rest as [survey]

The "importance" section (derived importance, ``gap --overall``) is ``overall = "Helhet"`` in
[survey]: the overall-quality column the dimension gaps are regressed on (``importance_on =
"perception"``: on the perceptions, as ``gap --importance-on``).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import tomllib
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from servqual_cli.errors import ConfigError, Location
from servqual_cli.report.config_missing import missing_codes
from servqual_cli.report.config_types import (
    BUILTIN_INSTRUMENTS,
    CROSSHAIRS,
    LANGUAGES,
    MIN_N,
    ContactsConfig,
    InputFile,
    KnowledgeGapConfig,
    ReportConfig,
    ServiceConfig,
    SurveyConfig,
    ToleranceConfig,
)

__all__ = [
    "BUILTIN_INSTRUMENTS",
    "CROSSHAIRS",
    "LANGUAGES",
    "MIN_N",
    "ContactsConfig",
    "InputFile",
    "KnowledgeGapConfig",
    "ReportConfig",
    "ServiceConfig",
    "SurveyConfig",
    "ToleranceConfig",
    "load_config",
    "parse_config",
]

# key -> accepted Python types; TOML integers are accepted where a float is expected
# fmt: off
_TOP: dict[str, tuple[type, ...]] = {
    "title": (str,), "organisation": (str,), "period": (str, int), "language": (str,),
    "sections": (list,), "survey": (dict,), "contacts": (dict,), "service": (dict,),
    "min_n": (int,), "date": (str, dt.date), "tolerance": (dict,), "knowledge_gap": (dict,),
}
_SURVEY: dict[str, tuple[type, ...]] = {
    "file": (str,), "instrument": (str,), "by": (str,), "sheet": (str, int),
    "encoding": (str,), "header_row": (int,), "strict": (bool,), "conf": (float, int),
    "ipa_crosshair": (str,), "weight_column": (str,), "overall": (str,),
    "importance_on": (str,), "missing_codes": (list,),
}
_CONTACTS: dict[str, tuple[type, ...]] = {
    "years": (dict,), "benchmark": (str,), "municipality": (str,), "sheet": (str, int),
}
_SERVICE: dict[str, tuple[type, ...]] = {
    "kpi": (str,), "feedback": (str,), "promise": (str,), "as_of": (str, dt.date),
    "unit_map": (dict,),
}
_TOLERANCE: dict[str, tuple[type, ...]] = {
    "file": (str,), "instrument": (str,), "sheet": (str, int), "encoding": (str,),
    "header_row": (int,), "strict": (bool,),
}
_KNOWLEDGE_GAP: dict[str, tuple[type, ...]] = {"staff_file": (str,), "staff_sheet": (str, int)}
_TYPE_NAMES = {str: "a string", int: "an integer", float: "a number", bool: "true or false",
               list: "a list", dict: "a table", dt.date: "a date"}
# fmt: on


class _Checker:
    """Type and key checks that name the offending key (``survey.header_row``)."""

    def __init__(self, source: str) -> None:
        self.source = source

    def fail(self, message: str, code: str | None = None, **facts: object) -> ConfigError:
        return ConfigError(message, Location(file=self.source), code=code, facts=facts)

    def table(
        self, data: Mapping[str, Any], spec: Mapping[str, tuple[type, ...]], prefix: str
    ) -> None:
        for key, value in data.items():
            name = f"{prefix}{key}"
            if key not in spec:
                known = ", ".join(spec)
                raise self.fail(f"unknown key {name!r} (known keys here: {known})",
                                "config_unknown_key", name=name, known=known)  # fmt: skip
            types = spec[key]
            # bool is an int in Python; an int where a bool is expected (or vice versa) is wrong
            ok = isinstance(value, types) and not (isinstance(value, bool) and bool not in types)
            if not ok:
                want = " or ".join(_TYPE_NAMES[t] for t in types)
                raise self.fail(f"key {name!r} must be {want}, not {value!r}", "config_wrong_type",
                                name=name, types=[t.__name__ for t in types],
                                value=value)  # fmt: skip

    def choice(self, value: str, allowed: tuple[str, ...], name: str) -> str:
        if value not in allowed:
            shown = ", ".join(allowed)
            raise self.fail(f"key {name!r} must be one of {shown}, not {value!r}",
                            "config_not_one_of", name=name, allowed=shown, value=value)  # fmt: skip
        return value


def _file(base: Path, given: str, role: str, key: str, check: _Checker) -> InputFile:
    path = (base / given).resolve() if not Path(given).is_absolute() else Path(given)
    if not path.is_file():
        raise check.fail(
            f"key {key!r}: file {given!r} not found (paths are relative to the config file)",
            "config_file_not_found", key=key, given=given,
        )  # fmt: skip
    return InputFile(role, given, path)


def _sheet(value: str | int | None) -> str | None:
    # The loader takes a sheet name or a 1-based index as text, as on the command line.
    return None if value is None else str(value)


def load_config(path: str | Path) -> ReportConfig:
    """Read and validate a report TOML.

    Raises
    ------
    ConfigError
        Unreadable TOML, an unknown key, a value of the wrong type or outside its choices, a
        missing input file, or no input at all.
    """
    path = Path(path)
    check = _Checker(str(path))
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise check.fail("config file not found", "config_not_found") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise check.fail(f"not valid TOML: {exc}", "invalid_toml_config", detail=str(exc)) from None
    return parse_config(data, path.resolve().parent, InputFile("config", str(path), path), check)


def parse_config(
    data: Mapping[str, Any], base: Path, source: InputFile | None, check: _Checker | None = None
) -> ReportConfig:
    """Validate a parsed TOML mapping; relative paths are resolved against ``base``."""
    check = check or _Checker(source.given if source else "<config>")
    check.table(data, _TOP, "")
    lang = check.choice(str(data.get("language", ReportConfig.language)), LANGUAGES, "language")
    sections = None
    if "sections" in data:
        sections = tuple(data["sections"])
        if not sections or not all(isinstance(s, str) for s in sections):
            raise check.fail("key 'sections' must be a non-empty list of section names",
                             "config_sections_list")  # fmt: skip
        if len(set(sections)) != len(sections):
            raise check.fail("key 'sections' names a section twice", "config_sections_twice")
    survey = _survey(data["survey"], base, check) if "survey" in data else None
    contacts = _contacts(data["contacts"], base, check) if "contacts" in data else None
    service = _service(data["service"], base, check) if "service" in data else None
    tolerance = _tolerance(data["tolerance"], base, check) if "tolerance" in data else None
    knowledge = None
    if "knowledge_gap" in data:
        knowledge = _knowledge_gap(data["knowledge_gap"], base, check, survey is not None)
    if survey is None and contacts is None and service is None and tolerance is None:
        raise check.fail("the config names no input: add a [survey], [contacts] or [service] table",
                         "config_no_input")  # fmt: skip
    period = data.get("period")
    min_n = data.get("min_n", ReportConfig.min_n)
    if min_n < 1:
        raise check.fail(f"key 'min_n' must be 1 or more, not {min_n}", "config_min_n", min_n=min_n)
    return ReportConfig(
        language=lang,
        title=data.get("title"),
        organisation=data.get("organisation"),
        period=None if period is None else str(period),
        sections=sections,
        survey=survey,
        contacts=contacts,
        service=service,
        tolerance=tolerance,
        knowledge_gap=knowledge,
        source=source,
        min_n=min_n,
        date=_date(data.get("date"), check),
        raw=dict(data),
    )


def _date(value: str | dt.date | None, check: _Checker) -> dt.date | None:
    """The report's date: a TOML date (``2025-02-15``) or the same as a string."""
    if value is None or (isinstance(value, dt.date) and not isinstance(value, dt.datetime)):
        return value
    if not isinstance(value, dt.datetime):  # a date and time is refused like a text that is none
        with contextlib.suppress(ValueError):
            return dt.date.fromisoformat(value)
    raise check.fail(f"key 'date' must be a date such as 2025-02-15, not {value!r}", "config_date",
                     value=value)  # fmt: skip


def _read_keys(data: Mapping[str, Any], base: Path, check: _Checker, table: str) -> dict[str, Any]:
    """The keys [survey] and [tolerance] share, checked once: ``file`` (required), the
    instrument (built-in or a file), ``sheet``, ``encoding``, ``header_row`` and ``strict``;
    ``table`` is the table's name, so an error names its key (``tolerance.header_row``)."""
    if "file" not in data:
        raise check.fail(f"key '{table}.file' is required in [{table}]", "config_file_required",
                         table=table)  # fmt: skip
    instrument = data.get("instrument")
    instrument_file = None
    if instrument is not None and instrument.lower() not in BUILTIN_INSTRUMENTS:
        instrument_file = _file(base, instrument, "instrument", f"{table}.instrument", check)
        instrument = str(instrument_file.path)
    header_row = data.get("header_row")
    if header_row is not None and header_row < 1:
        raise check.fail(f"key '{table}.header_row' must be 1 or more", "config_header_row",
                         table=table)  # fmt: skip
    return {
        "file": _file(base, data["file"], table, f"{table}.file", check),
        "instrument": instrument,
        "instrument_file": instrument_file,
        "sheet": _sheet(data.get("sheet")),
        "encoding": data.get("encoding"),
        "header_row": header_row,
        "strict": bool(data.get("strict", False)),
    }


def _survey(data: Mapping[str, Any], base: Path, check: _Checker) -> SurveyConfig:
    check.table(data, _SURVEY, "survey.")
    read = _read_keys(data, base, check, "survey")
    conf = float(data.get("conf", SurveyConfig.conf))  # the defaults: config_types' alone
    if not 0.5 <= conf <= 0.999:
        raise check.fail(f"key 'survey.conf' must be between 0.5 and 0.999, not {conf}",
                         "config_conf", conf=conf)  # fmt: skip
    crosshair = data.get("ipa_crosshair", SurveyConfig.ipa_crosshair)
    crosshair = check.choice(crosshair, CROSSHAIRS, "survey.ipa_crosshair")
    importance_on = data.get("importance_on", SurveyConfig.importance_on)
    importance_on = check.choice(importance_on, ("gap", "perception"), "survey.importance_on")
    if "importance_on" in data and data.get("overall") is None:  # a key that would change nothing
        raise check.fail("key 'survey.importance_on' needs 'survey.overall' (the column to "
                         "explain)", "config_importance_needs_overall")  # fmt: skip
    return SurveyConfig(
        **read,
        by=data.get("by"),
        conf=conf,
        ipa_crosshair=crosshair,
        weight_column=data.get("weight_column"),
        overall=data.get("overall"),
        importance_on=importance_on,
        missing_codes=missing_codes(data.get("missing_codes"), check),
    )


def _contacts(data: Mapping[str, Any], base: Path, check: _Checker) -> ContactsConfig:
    check.table(data, _CONTACTS, "contacts.")
    years = data.get("years")
    if not years:
        raise check.fail("key 'contacts.years' is required: a table of year = \"file\"",
                         "config_years_required")  # fmt: skip
    files = []
    for year in sorted(years):  # TOML tables keep file order; reports go oldest first
        if not str(year).strip().isdigit() or len(str(year).strip()) != 4:
            raise check.fail(f"key 'contacts.years.{year}' must be a year such as 2020",
                             "config_year_key", year=year)  # fmt: skip
        value = years[year]
        if not isinstance(value, str):
            raise check.fail(f"key 'contacts.years.{year}' must be a file name, not {value!r}",
                             "config_year_file", year=year, value=value)  # fmt: skip
        files.append(
            (year, _file(base, value, f"contacts {year}", f"contacts.years.{year}", check))
        )
    bench = data.get("benchmark")
    return ContactsConfig(
        years=tuple(files),
        benchmark=None
        if bench is None
        else _file(base, bench, "benchmark", "contacts.benchmark", check),
        municipality=data.get("municipality"),
        sheet=_sheet(data.get("sheet")),
    )


def _service(data: Mapping[str, Any], base: Path, check: _Checker) -> ServiceConfig:
    check.table(data, _SERVICE, "service.")
    if "kpi" not in data and "feedback" not in data:
        raise check.fail("[service] needs 'kpi' (a KPI TOML) or 'feedback' (a register file)",
                         "config_service_input")  # fmt: skip
    kpi, feedback = data.get("kpi"), data.get("feedback")
    unit_map = data.get("unit_map", {})  # OLD = "NEW", each a unit name (review 16, finding 3)
    check.table(unit_map, dict.fromkeys(unit_map, (str,)), "service.unit_map.")
    from servqual_cli.core.feedback_units import unit_map_problem

    problem = unit_map_problem(list(unit_map.items()), "service.unit_map")  # review 17, #9
    if problem is not None:
        raise check.fail(problem[1], problem[0], **problem[2])
    return ServiceConfig(
        kpi=None if kpi is None else _file(base, kpi, "kpi", "service.kpi", check),
        feedback=None
        if feedback is None
        else _file(base, feedback, "feedback", "service.feedback", check),
        promise=data.get("promise"),
        as_of=None if data.get("as_of") is None else str(data["as_of"]),  # TOML date -> ISO
        unit_map=tuple(unit_map.items()),
    )


def _tolerance(data: Mapping[str, Any], base: Path, check: _Checker) -> ToleranceConfig:
    check.table(data, _TOLERANCE, "tolerance.")
    return ToleranceConfig(**_read_keys(data, base, check, "tolerance"))


def _knowledge_gap(
    data: Mapping[str, Any], base: Path, check: _Checker, survey: bool
) -> KnowledgeGapConfig:
    """``[knowledge_gap]``: the staff file, compared with the [survey]'s citizens (finding 16
    of review 13: gap 1 could reach the board report only pasted from the terminal)."""
    check.table(data, _KNOWLEDGE_GAP, "knowledge_gap.")
    if "staff_file" not in data:
        raise check.fail("key 'knowledge_gap.staff_file' is required in [knowledge_gap]",
                         "config_staff_file_required")  # fmt: skip
    if not survey:  # the citizens' expectations are the [survey] file's
        raise check.fail(
            "[knowledge_gap] needs a [survey] table: the citizens' answers the staff file is "
            "compared with",
            "config_knowledge_needs_survey",
        )
    staff = _file(base, data["staff_file"], "knowledge_gap", "knowledge_gap.staff_file", check)
    return KnowledgeGapConfig(staff, _sheet(data.get("staff_sheet")))


def __getattr__(name: str) -> Any:
    """``survey_config`` and ``with_overrides``: the command line's part, split into
    :mod:`servqual_cli.report.config_cli` and still named here, where callers have always found
    them. Looked up on first use, since that module uses this one's checker."""
    if name in ("survey_config", "with_overrides"):
        from servqual_cli.report import config_cli

        return getattr(config_cli, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
