"""Write a report folder atomically: build everything in a temporary folder beside it, then swap.

A failure at any point (bad data, a chart that raises, a full disk) removes the temporary folder
and leaves the previous report in DIR exactly as it was. The swap is one atomic exchange where
the system has it (:mod:`servqual_cli.report.swap`), runs on one DIR are serialised by a lock,
and the debris of killed runs is cleaned up.

DIR is only ever replaced when it is empty or holds a previous report (a ``manifest.json`` of
this tool), so ``-o`` pointing at a home or data folder is refused, never emptied.
"""

from __future__ import annotations

import os
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from servqual_cli.errors import ServqualError, UsageError
from servqual_cli.report.atomic import refuse_input, register_inputs
from servqual_cli.report.config import InputFile, ReportConfig
from servqual_cli.report.swap import staged

if TYPE_CHECKING:
    import datetime as dt

    from servqual_cli.io.survey import SurveyData
    from servqual_cli.report.spec import Document, GlanceRow

    # one group's report: (group, n, inputs read, the error that stopped it or None, glance)
    GroupResult = tuple[
        str, int, tuple[InputFile, ...], ServqualError | None, tuple[GlanceRow, ...]
    ]

_WINDOWS_RESERVED = {
    "CON",
    "PRN",
    "AUX",
    "NUL",
    *(f"COM{i}" for i in range(1, 10)),
    *(f"LPT{i}" for i in range(1, 10)),
}


def check_target(out: Path, inputs: Iterable[Path]) -> None:
    """Refuse a DIR that is a file, holds something other than a report, or contains an input."""
    target = out.resolve()
    if target.exists() and not target.is_dir():
        raise UsageError(f"output {str(out)!r} is a file; give a folder for the report",
                         code="report_output_is_file", facts={"out": str(out)})  # fmt: skip
    for item in inputs:
        src = item.resolve()
        if src == target or target in src.parents:
            raise UsageError(
                f"output folder {str(out)!r} contains the input {item.name!r}; "
                "choose another folder",
                code="report_output_has_input",
                facts={"out": str(out), "name": item.name},
            )
    from servqual_cli.report.manifest import is_report_dir

    if target.is_dir() and any(target.iterdir()) and not is_report_dir(target):
        raise UsageError(
            f"output folder {str(out)!r} is not empty and holds more than an earlier report "
            "of servqual (files its manifest.json does not list); choose a new or empty folder",
            code="report_output_not_empty",
            facts={"out": str(out)},
        )


def render_into(
    folder: Path,
    doc: Document,
    config: ReportConfig,
    command: Sequence[str],
    stamp: dt.datetime,
    epoch: int | None,
) -> list[str]:
    """Write figures, report.md, report.xlsx and manifest.json into ``folder``."""
    from servqual_cli.report import charts, excel
    from servqual_cli.report.html_files import write_page
    from servqual_cli.report.manifest import build_manifest, manifest_json
    from servqual_cli.report.markdown import relative_png, render_document

    written = charts.save_all(doc, folder / "figures")
    images = {f.name: folder / relative_png(f) for f in charts.figures(doc)}
    _text(folder / "report.md", render_document(doc, relative_png))
    # the workbook's created/modified dates: the report's own date when SOURCE_DATE_EPOCH is
    # not set (review 15, finding 10: "now" made report.xlsx differ on every rerun, while the
    # text, figures and data files stayed byte-identical)
    book_stamp = excel.workbook_stamp(doc, stamp, epoch)
    excel.write_workbook(doc, folder / "report.xlsx", images, book_stamp)
    outputs = [p.relative_to(folder).as_posix() for p in written]
    outputs += ["report.md", "report.xlsx", "manifest.json"]
    outputs += write_page(folder, doc, stamp)  # report.html and data/<chart>.csv
    inputs = doc.meta.get("inputs")
    dirty = doc.meta.get("git_dirty")  # found once for the run: the text and manifest agree
    manifest = build_manifest(config, command, outputs, stamp, epoch, inputs, folder, dirty)
    _text(folder / "manifest.json", manifest_json(manifest))
    return sorted(outputs)


def _text(path: Path, text: str) -> None:
    with open(path, "w", encoding="utf-8", newline="\n") as fh:
        fh.write(text)


def write_report(
    config: ReportConfig, out: Path, command: Sequence[str], depfile: Path | None = None
) -> list[str]:
    """Build the report of ``config`` and write it to ``out``; returns the files written.

    ``depfile``: also write a Make rule ``out/manifest.json: inputs...`` there.
    """
    from servqual_cli.provenance import git_dirty
    from servqual_cli.report.build import build_report
    from servqual_cli.report.manifest import report_time

    stamp, epoch = report_time()
    check_target(out, [f.path for f in config.inputs()])
    check_depfile(depfile, out, config.inputs())
    with staged(out) as tmp:  # first, so that an unwritable DIR fails before any work
        doc = build_report(config, git_dirty=git_dirty())
        inputs = doc.meta.get("inputs") or config.inputs()
        check_depfile(depfile, out, inputs)  # the data files the configs named, before the swap
        files = render_into(tmp, doc, config, command, stamp, epoch)
    write_depfile(depfile, out, inputs)
    return files


def check_depfile(depfile: Path | None, out: Path, inputs: Iterable[InputFile]) -> None:
    """Register every input; refuse a ``--depfile`` that is one of them or lies inside DIR."""
    register_inputs(f.path for f in inputs)
    if depfile is None:
        return
    refuse_input(Path(depfile), "--depfile")
    target, folder = Path(depfile).resolve(), out.resolve()
    if target == folder or folder in target.parents:
        raise UsageError(
            f"--depfile {str(depfile)!r} is inside the report folder {str(out)!r}, which is "
            "replaced as a whole; put it beside the folder",
            code="depfile_inside",
            facts={"depfile": str(depfile), "out": str(out)},
        )


def write_depfile(depfile: Path | None, out: Path, inputs: Sequence[InputFile]) -> None:
    if depfile is not None:
        from servqual_cli.report.atomic import write_atomic
        from servqual_cli.report.manifest import depfile_text

        # the target exactly as given: Make compares the text of paths, not the files
        target = f"{str(out).rstrip('/')}/manifest.json"
        write_atomic(depfile, depfile_text(target, inputs).encode("utf-8"))


# --- one report per group -------------------------------------------------------------------


def safe_name(value: str) -> str:
    """A file-name-safe folder name for a group value (ASCII, no separators, never ``..``).

    >>> safe_name("Förskola/barnomsorg"), safe_name("../../x"), safe_name(".."), safe_name("NUL")
    ('forskola-barnomsorg', 'x', 'group', '_nul')
    """
    text = unicodedata.normalize("NFKD", str(value))
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = re.sub(r"[^A-Za-z0-9._-]+", "-", text).strip("-._").lower()[:60].strip("-._")
    if not text:
        return "group"
    return f"_{text}" if text.upper() in _WINDOWS_RESERVED else text


def safe_names(values: Sequence[str]) -> dict[str, str]:
    """Group value -> unique folder name (case-insensitively unique, for every file system)."""
    out: dict[str, str] = {}
    used: set[str] = {"figures", "index.md", "index.html", "manifest.json"}  # the split's files
    for value in values:
        base = name = safe_name(value)
        k = 2
        while name.lower() in used:
            name = f"{base}-{k}"
            k += 1
        used.add(name.lower())
        out[value] = name
    return out


def subset_survey(data: SurveyData, group: str) -> SurveyData:
    """The respondents of one group, with their own exclusion counts and their own rows of the
    file's table (a weight column read from it is the group's: review 17, finding 22)."""
    groups = data.groups if data.groups is not None else np.array([], dtype=object)
    rows = np.array([g == group for g in groups], dtype=bool)
    numbers = data.table.row_numbers[rows]
    excl = data.exclusions[data.exclusions["row"].isin(numbers)].reset_index(drop=True)
    counts = excl["reason"].value_counts()
    return replace(
        data,
        table=data.table.take(rows),
        expectation=data.expectation[rows],
        perception=data.perception[rows],
        weights=None if data.weights is None else data.weights[rows],
        groups=None,
        by=None,
        excluded={str(k): int(counts[k]) for k in sorted(counts.index)},
        exclusions=excl,
        no_answer_rows=(),  # named in the whole report, in no group's (the row has no answers)
    )


_WORKER_SURVEY: dict[str, Any] = {}


def _init_worker(config: ReportConfig) -> None:
    # One BLAS thread per worker: the workers already use every core.
    for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ[var] = "1"
    try:
        from threadpoolctl import threadpool_limits

        threadpool_limits(1)
    except ImportError:  # optional; the variables hold for pools started from now on
        pass
    # Forked workers inherit the parent's loaded survey; spawned ones load it once each.
    if "data" not in _WORKER_SURVEY:
        from servqual_cli.report.build import load_survey

        _WORKER_SURVEY["data"] = load_survey(config)


def _group_job(
    config: ReportConfig,
    group: str,
    folder: Path,
    command: Sequence[str],
    stamp: dt.datetime,
    epoch: int | None,
    whole: tuple[GlanceRow, ...] = (),
    dirty: bool | None = None,
) -> GroupResult:
    from servqual_cli.report.build import build_report
    from servqual_cli.report.spec import Glance

    data = subset_survey(_WORKER_SURVEY["data"], group)
    try:
        doc = build_report(config, data, whole, git_dirty=dirty)
    except ServqualError as exc:  # a group without valid data: skipped, the others written
        return group, -1, (), exc, ()  # (pickles with its code and facts, for the error line)
    folder.mkdir()
    render_into(folder, doc, config, command, stamp, epoch)
    glance = next(
        (b.rows for s in doc.sections for b in s.blocks if isinstance(b, Glance)), ()
    )  # the group's result, for the index
    return group, data.n_rows, tuple(doc.meta.get("inputs") or ()), None, glance


def group_config(config: ReportConfig, by: str, group: str) -> ReportConfig:
    """The config of one group's report: no grouping inside it, no groups section."""
    sections = config.sections
    if sections is not None:
        sections = tuple(s for s in sections if s != "groups")
    survey = None if config.survey is None else replace(config.survey, by=None)
    return replace(config, group=(by, group), survey=survey, sections=sections)


def write_split(
    config: ReportConfig,
    out: Path,
    command: Sequence[str],
    jobs: int,
    progress: Callable[[int, str], None] | None = None,
    depfile: Path | None = None,
) -> tuple[list[tuple[str, str, int]], list[tuple[str, str]]]:
    """One report per group of ``survey.by`` in ``out/<safe group name>/``, plus an index.

    Groups are built in ``jobs`` processes; ``progress(total, group)`` is called with the number
    of groups first (group ``""``) and then once per finished group. A group whose report
    cannot be built (no valid data) is skipped and the others are written. Returns the
    (group, folder, n) written and the (group, reason) skipped.
    """
    from servqual_cli.provenance import git_dirty
    from servqual_cli.report.build import load_survey, section_names
    from servqual_cli.report.html_files import write_index_page
    from servqual_cli.report.manifest import build_manifest, manifest_json, report_time
    from servqual_cli.report.markdown import render_document
    from servqual_cli.report.split_index import index_document, whole_rows

    if config.survey is None or config.survey.by is None:
        raise UsageError("--split needs a grouping column: --by COL or 'by' in [survey]",
                         code="split_needs_by")  # fmt: skip
    stamp, epoch = report_time()
    check_target(out, [f.path for f in config.inputs()])
    check_depfile(depfile, out, config.inputs())
    dirty = git_dirty()  # once: every group's report and the manifest say the same
    by = config.survey.by
    data = load_survey(config)
    if (
        data is None or data.groups is None or data.by is None
    ):  # not user input: an invariant of the caller
        raise RuntimeError("internal: --split needs survey data with groups")
    names = sorted({str(g) for g in data.groups if g is not None})
    folders = safe_names(names)
    configs = {g: group_config(config, data.by, g) for g in names}
    if names:
        section_names(configs[names[0]])  # a config error once, not once per worker
    whole = whole_rows(config, data) if "servqual" in section_names(config) else ()
    results: dict[str, int] = {}
    glances: dict[str, tuple[GlanceRow, ...]] = {}
    skipped: dict[str, str] = {}
    failed: list[tuple[str, ServqualError]] = []  # why each group was skipped, as errors
    inputs: dict[Path, InputFile] = {f.path: f for f in config.inputs()}
    with staged(out) as tmp:
        _WORKER_SURVEY["data"] = data
        try:
            args = [
                (configs[g], g, tmp / folders[g], command, stamp, epoch, whole, dirty)
                for g in names
            ]
            for group, n, read, why, glance in _run(args, jobs, config, progress):
                if why is not None:
                    skipped[group] = str(why)
                    failed.append((group, why))
                    continue
                results[group] = n
                glances[group] = glance
                inputs.update({f.path: f for f in read if f.path not in inputs})
        finally:
            _WORKER_SURVEY.clear()
        # in the groups' order, not the order the workers finished in: the same run gives the
        # same manifest and the same error line
        place = {g: i for i, g in enumerate(names)}
        skipped = {g: skipped[g] for g in names if g in skipped}
        failed.sort(key=lambda pair: place[pair[0]])
        if not results:
            raise ServqualError(
                "no group could be reported: " + "; ".join(f"{g}: {w}" for g, w in skipped.items()),
                code="no_group_reported",
                facts={"failed": failed},
            )
        check_depfile(depfile, out, inputs.values())
        rows = [(g, folders[g], results[g]) for g in names if g in results]
        index = index_document(config, data.by, rows, glances, whole, n_whole=data.n_rows)
        _text(tmp / "index.md", render_document(index))
        write_index_page(tmp, index, stamp)
        outputs = sorted(p.relative_to(tmp).as_posix() for p in tmp.rglob("*") if p.is_file())
        manifest = build_manifest(
            config,
            command,
            [*outputs, "manifest.json"],
            stamp,
            epoch,
            list(inputs.values()),
            tmp,
            dirty,
        )
        manifest["groups"] = [{"group": g, "folder": f, "n": n} for g, f, n in rows]
        manifest["split_by"] = by
        if skipped:
            manifest["skipped_groups"] = [{"group": g, "reason": w} for g, w in skipped.items()]
        _text(tmp / "manifest.json", manifest_json(manifest))
    write_depfile(depfile, out, list(inputs.values()))
    return rows, sorted(skipped.items())


def _run(
    args: list[tuple[Any, ...]],
    jobs: int,
    config: ReportConfig,
    progress: Callable[[int, str], None] | None,
) -> Iterator[GroupResult]:
    if jobs <= 1 or len(args) <= 1:
        if progress:
            progress(len(args), "")
        for a in args:
            result = _group_job(*a)
            if progress:
                progress(len(args), result[0])
            yield result
        return
    from concurrent.futures import ProcessPoolExecutor, as_completed

    with ProcessPoolExecutor(
        max_workers=min(jobs, len(args)), initializer=_init_worker, initargs=(config,)
    ) as pool:
        futures = [pool.submit(_group_job, *a) for a in args]
        # Only now may the caller start a progress display: its refresh thread must not exist
        # while the pool forks its workers.
        if progress:
            progress(len(args), "")
        for fut in as_completed(futures):
            result = fut.result()
            if progress:
                progress(len(args), result[0])
            yield result
