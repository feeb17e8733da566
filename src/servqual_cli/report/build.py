"""Config -> :class:`~servqual_cli.report.spec.Document`: the section registry and the assembly.

Each report section is a *part*: a function ``(ReportContext) -> Part`` that calls the core and
the ``*_sections`` builders and returns its sections, the lines it adds to the summary and its
method notes. Renderers (Markdown, Excel, charts) compute nothing; everything they show is here.

Adding a section is one entry in :data:`SECTIONS`: a ``"module:function"`` target (imported only
when the section is built, so a module that is not there yet costs nothing) and the config keys
it needs. The summary, method and appendix sections the parts' contributions make are assembled
in :mod:`~servqual_cli.report.build_sections`; the header (title, date, period, facts) is
:mod:`~servqual_cli.report.build_meta`'s.
"""

from __future__ import annotations

import importlib
import importlib.util
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any

from servqual_cli.errors import ConfigError, Location, UsageError
from servqual_cli.report.build_meta import period_text, report_meta, report_title
from servqual_cli.report.build_sections import (
    method_notes,
    method_sections,
    summary_sections,
    with_appendix,
)
from servqual_cli.report.config import InputFile, ReportConfig
from servqual_cli.report.spec import Block, Document, GlanceRow, Section
from servqual_cli.report.typeset import typeset_block

if TYPE_CHECKING:
    from servqual_cli.io.survey import SurveyData


@dataclass(frozen=True)
class Part:
    """What one section contributes to the report.

    Attributes
    ----------
    sections : tuple of Section
        The section's own headings, tables, texts and figures.
    summary : tuple of Block
        Lines for the summary at the top (e.g. reliability at a glance, KPIs that changed).
    method : tuple of (str, str)
        Method notes as (heading, text), collected into the method section.
    glance : tuple of GlanceRow
        The part's measures in the overview first in the report (KPIs, dimensions).
    inputs : tuple of InputFile
        Files read beyond those the report config names (e.g. the data files of a KPI config),
        for the manifest's checksums and the Make dependency file.
    """

    sections: tuple[Section, ...] = ()
    summary: tuple[Block, ...] = ()
    method: tuple[tuple[str, str], ...] = ()
    inputs: tuple[InputFile, ...] = ()
    glance: tuple[GlanceRow, ...] = ()  # rows of "Resultat i korthet"
    # the periods the part's data cover, as (what, periods): ("nyckeltal", ("2023", "2024"))
    periods: tuple[tuple[str, tuple[str, ...]], ...] = ()
    # data files beside the report, as (relative path, frame): the zone of tolerance's
    # ``data/tolerance_dimensions.csv`` (review 7, finding 3); written with the chart CSVs
    files: tuple[tuple[str, Any], ...] = ()
    # lines naming a further input file, placed in the summary right after the sentence that
    # names the survey's ("Rapporten bygger på ... Rapporten bygger också på ...")
    sources: tuple[Block, ...] = ()
    # sentences for the plain paragraph of "Resultat i korthet", after its own: the series'
    # trends over all years (review 18 #10)
    lead: tuple[str, ...] = ()


@dataclass(frozen=True)
class ReportContext:
    """What a part gets: the config, the language, the survey (loaded once) and a memo."""

    config: ReportConfig
    lang: str
    survey: SurveyData | None = None
    _memo: dict[str, Any] = field(default_factory=dict, repr=False, compare=False)

    def memo(self, key: str, compute: Callable[[], Any]) -> Any:
        """Compute once per report what several parts need (e.g. the grouped gap analysis)."""
        if key not in self._memo:
            self._memo[key] = compute()
        return self._memo[key]

    def glance_of(self, name: str) -> tuple[GlanceRow, ...]:
        """The overview rows of the part ``name`` when the report builds it (parts are built in
        :data:`SECTIONS` order, so the service measurement's before the KPIs'), else ():
        the KPI notes point to the service measurement's change table for a KPI whose change
        the overview takes from it (review 9, finding 3)."""
        rows: tuple[GlanceRow, ...] = self._memo.get(f"glance:{name}", ())
        return rows

    def keep_glance(self, name: str, rows: tuple[GlanceRow, ...]) -> None:
        """Keep the overview rows of the part ``name`` just built, for :meth:`glance_of`."""
        self._memo[f"glance:{name}"] = rows


PartBuilder = Callable[[ReportContext], Part]


@dataclass(frozen=True)
class SectionEntry:
    """A registered section: where its builder is and which config keys it needs.

    ``needs`` holds dotted config attributes (``"survey"``, ``"survey.by"``); the section is
    built by default when all are set, and naming it in ``sections`` without them is an error.
    """

    target: str
    needs: tuple[str, ...]
    modules: tuple[str, ...] = ()  # other modules the builder relies on

    def available(self) -> bool:
        modules = (self.target.split(":", 1)[0], *self.modules)
        return all(importlib.util.find_spec(m) is not None for m in modules)

    def load(self) -> PartBuilder:
        module, name = self.target.split(":", 1)
        builder: PartBuilder = getattr(importlib.import_module(module), name)
        return builder

    def missing(self, config: ReportConfig) -> str | None:
        """The first needed config key that is not set, or None (``"a|b"``: either will do)."""
        for need in self.needs:
            if all(_config_value(config, one) is None for one in need.split("|")):
                return need
        return None


def _config_value(config: ReportConfig, dotted: str) -> Any:
    obj: Any = config
    for attr in dotted.split("."):
        obj = getattr(obj, attr, None)
    return obj


# The order here is the default order of the report. "summary" and "method" are assembled from
# the other parts' contributions and are always available.
SECTIONS: dict[str, SectionEntry] = {
    "servqual": SectionEntry("servqual_cli.report.survey_part:servqual_part", ("survey",)),
    "groups": SectionEntry("servqual_cli.report.survey_part:groups_part", ("survey.by",)),
    "reliability": SectionEntry(
        "servqual_cli.report.parts:reliability_part",
        ("survey",),
        ("servqual_cli.report.reliability_sections", "servqual_cli.core.scales"),
    ),
    "measurement": SectionEntry(
        "servqual_cli.report.parts:measurement_part",
        ("contacts",),
        ("servqual_cli.report.measurement_sections",),
    ),
    "service": SectionEntry(
        "servqual_cli.report.service_part:service_part",
        ("service",),
        ("servqual_cli.report.kpi_sections", "servqual_cli.report.feedback_sections"),
    ),
}
# The toolbox's sections are opt-in: needing "sections" (the config's explicit list) keeps them
# out of the default report; naming them in that list builds them.
SECTIONS.update(
    {
        name: SectionEntry(f"servqual_cli.report.toolbox_part:{name}_part", ("survey", "sections"))
        for name in ("dimension_comparison", "item_distributions")
    }
)
# The zone of tolerance reads A, D and P from [tolerance] file, else from the survey file.
SECTIONS["tolerance"] = SectionEntry(
    "servqual_cli.report.toolbox_part:tolerance_part", ("survey|tolerance", "sections")
)
# Review 13, finding 16: gap 1 (staff vs citizens) and derived importance in the report. Each
# has its own key ([knowledge_gap], [survey] overall), given only for it, so it is built by
# default when that key is there.
SECTIONS["knowledge_gap"] = SectionEntry(
    "servqual_cli.report.knowledge_part:knowledge_gap_part", ("survey", "knowledge_gap")
)
SECTIONS["importance"] = SectionEntry(
    "servqual_cli.report.knowledge_part:importance_part", ("survey.overall",)
)
BUILT_IN = ("summary", "method")


def section_names(config: ReportConfig) -> list[str]:
    """The sections to build, in order; checks the ones the config names explicitly.

    Raises
    ------
    ConfigError
        An unknown section, one whose module is not installed, or one whose inputs are missing.
    """
    where = Location(file=config.source.given) if config.source else None
    if config.sections is None:
        chosen = [
            name
            for name, entry in SECTIONS.items()
            if entry.available() and entry.missing(config) is None
        ]
        return ["summary", *chosen, "method"]
    known = [*BUILT_IN, *SECTIONS]
    for name in config.sections:
        if name in BUILT_IN:
            continue
        entry = SECTIONS.get(name)
        if entry is None:
            raise ConfigError(
                f"unknown section {name!r} in 'sections' (known: {', '.join(known)})",
                where,
                code="unknown_section",
                facts={"name": name, "known": ", ".join(known)},
            )
        if not entry.available():
            raise ConfigError(f"section {name!r} is not available in this version", where,
                              code="section_unavailable", facts={"name": name})  # fmt: skip
        need = entry.missing(config)
        if need is not None:
            keys = " or ".join(repr(k) for k in need.split("|"))
            raise ConfigError(f"section {name!r} needs {keys} in the config", where,
                              code="section_needs_key",
                              facts={"name": name, "keys": need.split("|")})  # fmt: skip
    return list(config.sections)


def load_survey(config: ReportConfig) -> SurveyData | None:
    """Load and clean the survey named in ``[survey]`` (None when there is none)."""
    if config.survey is None:
        return None
    from servqual_cli.io.groups import ByGroupsError
    from servqual_cli.io.survey import ByColumnError, load_survey_file

    s = config.survey
    try:
        # missing_codes: with the instrument's own (their union), as gap --missing-codes
        data = load_survey_file(str(s.file.path), s.instrument, s.by, s.sheet, s.encoding,
                                s.header_row, s.strict, missing_codes=s.missing_codes)  # fmt: skip
    except ByColumnError as exc:  # a config's by is the key survey.by, not the --by option
        if config.source is None:
            raise
        raise UsageError(
            f"survey.by: column {exc.column!r} is not in {s.file.path.name} ({exc.near})"
            + exc.advice,
            Location(str(config.source.path)),
            code="config_by_missing",
            facts={**exc.facts, "file": s.file.path.name},
        ) from exc
    except ByGroupsError as exc:  # a weight or an id as survey.by (review 13, finding 17)
        if config.source is None:
            raise
        raise ByGroupsError(
            str(exc.code), {**exc.facts, "option": "survey.by"}, Location(str(config.source.path))
        ) from exc
    if s.weight_column is None:
        return data
    from servqual_cli.io.weight_column import with_weight_cells

    # a weight cell with no valid weight (blank, a text such as "ett") counted and named among
    # the excluded cells and listed, as gap --weight-column does (f-r15c; session 18)
    return with_weight_cells(data, s.weight_column, "survey.weight_column", s.strict)


def build_report(
    config: ReportConfig,
    survey: SurveyData | None = None,
    whole: Sequence[GlanceRow] = (),
    *,
    git_dirty: bool | None = None,
) -> Document:
    """Build the whole report document.

    Parameters
    ----------
    config : ReportConfig
    survey : SurveyData, optional
        An already loaded survey (``--split`` loads once and passes each group's rows);
        loaded from the config when omitted.
    whole : sequence of GlanceRow, optional
        A ``--split`` group's report: the overview rows of everyone (:func:`whole_rows`),
        shown beside the group's.
    git_dirty : bool, optional
        :func:`~servqual_cli.provenance.git_dirty` as the writer found it: true adds to the
        method section that the commit in ``manifest.json`` does not describe the code that ran
        (review 12b finding 13); kept in ``meta`` for the manifest. None: not known (no
        checkout, or a document not written by the writer).
    """
    names = section_names(config)
    if survey is None:
        survey = load_survey(config)
    lang = config.language
    ctx = ReportContext(config, lang, survey)
    # built in the registry's order (a later part may read an earlier one's overview rows,
    # ReportContext.glance_of), kept in the config's order
    built: dict[str, Part] = {}
    for name in sorted((n for n in names if n in SECTIONS), key=list(SECTIONS).index):
        built[name] = SECTIONS[name].load()(ctx)
        ctx.keep_glance(name, built[name].glance)
    parts = {name: built[name] for name in names if name in built}
    notes = method_notes(config, list(parts.values()), git_dirty)
    sections: list[Section] = []
    for name in names:
        if name == "summary":
            sections.extend(summary_sections(config, list(parts.values()), whole))
        elif name == "method":
            sections.extend(method_sections(config, notes))
        else:
            sections.extend(parts[name].sections)
    sections = with_appendix(sections, config.language)
    # "n = 345" never broken after the n or the "=" (review 7, finding 8), in every output
    sections = [replace(s, blocks=tuple(typeset_block(b) for b in s.blocks)) for s in sections]
    inputs = {f.path: f for f in config.inputs()}
    for part in parts.values():
        inputs.update({f.path: f for f in part.inputs if f.path not in inputs})
    period = period_text(config, list(parts.values()))
    meta = {**report_meta(config, period), "method": tuple(notes), "inputs": tuple(inputs.values()),
            "files": tuple(f for part in parts.values() for f in part.files),
            "git_dirty": git_dirty}  # fmt: skip
    return Document(title=report_title(config), sections=tuple(sections), meta=meta)
