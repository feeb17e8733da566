"""Config -> :class:`~servqual_cli.report.spec.Document`: the section registry and the assembly.

Each report section is a *part*: a function ``(ReportContext) -> Part`` that calls the core and
the ``*_sections`` builders and returns its sections, the lines it adds to the summary and its
method notes. Renderers (Markdown, Excel, charts) compute nothing; everything they show is here.

Adding a section is one entry in :data:`SECTIONS`: a ``"module:function"`` target (imported only
when the section is built, so a module that is not there yet costs nothing) and the config keys
it needs.
"""

from __future__ import annotations

import datetime as dt
import importlib
import importlib.util
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any

from servqual_cli import __version__
from servqual_cli.errors import ConfigError, Location, UsageError
from servqual_cli.report.config import InputFile, ReportConfig
from servqual_cli.report.glance import glance_block
from servqual_cli.report.glance_summary import join_words
from servqual_cli.report.report_labels import rl
from servqual_cli.report.spec import Block, Document, GlanceRow, Section, Text
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
            raise ConfigError(f"section {name!r} is not available in this version", where)
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
    from servqual_cli.io.survey import ByColumnError, load_survey_file

    s = config.survey
    try:
        return load_survey_file(
            str(s.file.path), s.instrument, s.by, s.sheet, s.encoding, s.header_row, s.strict
        )
    except ByColumnError as exc:  # a config's by is the key survey.by, not the --by option
        if config.source is None:
            raise
        raise UsageError(
            f"survey.by: column {exc.column!r} is not in {s.file.path.name} ({exc.near})"
            + exc.advice,
            Location(str(config.source.path)),
        ) from exc


def build_report(
    config: ReportConfig, survey: SurveyData | None = None, whole: Sequence[GlanceRow] = ()
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
    notes = method_notes(config, list(parts.values()))
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
    meta = {**_meta(config, period), "method": tuple(notes), "inputs": tuple(inputs.values()),
            "files": tuple(f for part in parts.values() for f in part.files)}  # fmt: skip
    return Document(title=report_title(config), sections=tuple(sections), meta=meta)


def with_appendix(sections: list[Section], lang: str) -> list[Section]:
    """Board length (issue #9): detail tables (``Table.appendix``: item statistics, pairwise
    tests, per-area changes) and then the method notes move to an appendix after the body."""
    body: list[Section] = []
    detail: list[Section] = []
    method: list[Section] = []
    in_method = False
    method_title = rl("method", lang)
    top = rl("appendix_tables", lang)
    for section in sections:
        if section.level == 2:
            in_method = section.title == method_title
            top = section.title or top
        if in_method:
            method.append(replace(section, level=section.level + 1))
            continue
        moved = tuple(b for b in section.blocks if getattr(b, "appendix", False))
        if moved:
            kept = tuple(b for b in section.blocks if not getattr(b, "appendix", False))
            body.append(replace(section, blocks=kept))
            title = section.title or top  # an untitled part: its report section's title
            detail.append(Section(title, moved, level=3))
        else:
            body.append(section)
    if not detail and not method:
        return body
    return [*body, Section(rl("appendix", lang)), *detail, *method]


def report_title(config: ReportConfig) -> str:
    title = config.title or rl("default_title", config.language)
    if config.group is not None:
        return f"{title} – {config.group[1]}"
    return title


def report_date(config: ReportConfig) -> dt.date:
    """The date printed on the report: the config's ``date``, else the day of
    ``SOURCE_DATE_EPOCH`` (UTC), else today. With ``date`` or ``SOURCE_DATE_EPOCH`` set, a rerun
    on the same inputs gives byte-identical files.

    >>> import datetime as dt
    >>> report_date(ReportConfig(date=dt.date(2025, 2, 15)))
    datetime.date(2025, 2, 15)
    """
    if config.date is not None:
        return config.date
    from servqual_cli.report.manifest import report_time

    return report_time()[0].date()


def years_text(periods: Sequence[str]) -> str:
    """Periods in order, runs of consecutive years joined: "2020, 2023–2024".

    >>> years_text(["2024", "2020", "2023", "2024"]), years_text(["2024-01", "2023-12"])
    ('2020, 2023–2024', '2023-12, 2024-01')
    """
    unique = sorted(set(periods))
    if not all(p.isdigit() for p in unique):
        return ", ".join(unique)
    runs: list[list[int]] = []
    for y in sorted(int(p) for p in unique):
        if runs and y == runs[-1][-1] + 1:
            runs[-1].append(y)
        else:
            runs.append([y])
    return ", ".join(f"{r[0]}–{r[-1]}" if len(r) > 1 else str(r[0]) for r in runs)


def period_text(config: ReportConfig, parts: Sequence[Part]) -> str | None:
    """The header's period: the config's ``period`` when every part covers just it (or no part
    says), else what each part covers, "2019–2020 (servicemätning), 2020, 2023–2024
    (nyckeltal)", so that a reader does not take one year for the whole report."""
    spans = [(what, years_text(p)) for part in parts for what, p in part.periods if p]
    if not spans or all(span == config.period for _, span in spans):
        return config.period
    named: dict[str, list[str]] = {}
    for what, span in spans:
        named.setdefault(span, []).append(what)
    lang = config.language
    return "; ".join(f"{span} ({join_words(whats, lang)})" for span, whats in named.items())


def _meta(config: ReportConfig, period: str | None = None) -> dict[str, Any]:
    lang = config.language
    lines = []
    if config.organisation:
        lines.append((rl("organisation", lang), config.organisation))
    period = period or config.period
    if period:
        lines.append((rl("period", lang), period))
    if config.service is not None and config.service.as_of:
        lines.append((rl("data_until", lang), config.service.as_of))
    if config.group is not None:
        lines.append((config.group[0], config.group[1]))
    return {
        "lang": lang,
        "facts": tuple(lines),
        "version": __version__,
        "date": report_date(config).isoformat(),
        "conf": page_level(config),  # the intervals' level, for the page's glossary
    }


def page_level(config: ReportConfig) -> float | None:
    """The one confidence level of every interval in the report: the survey's ``conf`` (the
    other parts compute theirs at 0.95); None when the parts use different levels.

    >>> from servqual_cli.report.config import SurveyConfig
    >>> survey = SurveyConfig(None, conf=0.9)  # type: ignore[arg-type]
    >>> page_level(ReportConfig()), page_level(ReportConfig(survey=survey))
    (0.95, 0.9)
    """
    levels = {0.95} if config.contacts is not None or config.service is not None else set()
    levels |= {config.survey.conf} if config.survey is not None else set()
    if len(levels) > 1:
        return None
    return next(iter(levels), 0.95)


def summary_sections(
    config: ReportConfig, parts: list[Part], whole: Sequence[GlanceRow] = ()
) -> list[Section]:
    """ "Resultat i korthet" (every measure, worst first, and a plain paragraph), then the
    summary lines of the parts (the data behind the report, exclusions). Rows on fewer than
    the config's ``min_n`` answers are flagged there, for every renderer."""
    lang = config.language
    rows = [row for part in parts for row in part.glance]
    out = []
    if rows:
        label = rl("whole_org", lang) if whole else None
        glance = glance_block(rows, lang, config.min_n, whole, label)
        out.append(Section(title=glance.title, blocks=(glance,)))
    blocks: list[Block] = []
    for part in parts:
        blocks.extend(part.summary)
    sources = [b for part in parts for b in part.sources]
    if sources:  # after "Rapporten bygger på N svarande i FILE", else first
        intro = rl("summary_intro", lang).split("{", 1)[0]
        at = next((i + 1 for i, b in enumerate(blocks)
                   if isinstance(b, Text) and b.text.startswith(intro)), 0)  # fmt: skip
        blocks[at:at] = sources
    if blocks:
        out.append(Section(title=rl("summary", lang), blocks=tuple(blocks)))
    return out


def method_notes(config: ReportConfig, parts: list[Part]) -> list[tuple[str, str]]:
    """Method notes of every part, without duplicates, then how to cite the tool."""
    lang = config.language
    notes: list[tuple[str, str]] = []
    for part in parts:
        notes.extend(n for n in part.method if n not in notes)
    from servqual_cli.report.references import cited, references_sentence, shown_text

    sections = [s for p in parts for s in p.sections]
    shown = shown_text(sections, [b for p in parts for b in p.summary], notes)
    refs = references_sentence(cited(shown), lang)  # only what the sections use (review 5 #18)
    notes.append((rl("method_cite", lang),
                  rl("method_cite_text", lang, version=__version__, references=refs)))  # fmt: skip
    return notes


def method_sections(config: ReportConfig, notes: list[tuple[str, str]]) -> list[Section]:
    """The method heading, then one sub-section per note (the Excel sheet uses ``meta``)."""
    out = [Section(title=rl("method", config.language))]
    out += [Section(title=head, blocks=(Text(text),), level=3) for head, text in notes]
    return out
