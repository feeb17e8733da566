"""The sections assembled from every part's contributions: "Resultat i korthet" and the summary
at the top, the method notes (ending with how to cite the tool) and the appendix that takes the
detail tables and the method out of the body (:func:`~servqual_cli.report.build.build_report`
places them).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from servqual_cli import __version__
from servqual_cli.report.config import ReportConfig
from servqual_cli.report.glance import glance_block
from servqual_cli.report.report_labels import rl
from servqual_cli.report.spec import Block, GlanceRow, Section, Text

if TYPE_CHECKING:
    from servqual_cli.report.build import Part


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
        column = config.survey.weight_column if whole and config.survey is not None else None
        glance = glance_block(rows, lang, config.min_n, whole, label, column)
        leads = tuple(text for part in parts for text in part.lead)
        glance = replace(glance, summary=glance.summary + leads) if leads else glance
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


def method_notes(
    config: ReportConfig, parts: list[Part], git_dirty: bool | None = None
) -> list[tuple[str, str]]:
    """Method notes of every part, without duplicates, then how to cite the tool; with
    ``git_dirty`` the note says that the commit in the manifest is not the code that ran."""
    lang = config.language
    notes: list[tuple[str, str]] = []
    for part in parts:
        notes.extend(n for n in part.method if n not in notes)
    from servqual_cli.report.references import cited, references_sentence, shown_text

    sections = [s for p in parts for s in p.sections]
    shown = shown_text(sections, [b for p in parts for b in p.summary], notes)
    refs = references_sentence(cited(shown), lang)  # only what the sections use (review 5 #18)
    # review 12b finding 13: a dirty checkout's commit does not describe the code that ran
    dirty = f" {rl('method_cite_dirty', lang)}" if git_dirty else ""
    notes.append((rl("method_cite", lang), rl("method_cite_text", lang, version=__version__,
                                              references=refs, dirty=dirty)))  # fmt: skip
    return notes


def method_sections(config: ReportConfig, notes: list[tuple[str, str]]) -> list[Section]:
    """The method heading, then one sub-section per note (the Excel sheet uses ``meta``)."""
    out = [Section(title=rl("method", config.language))]
    out += [Section(title=head, blocks=(Text(text),), level=3) for head, text in notes]
    return out
