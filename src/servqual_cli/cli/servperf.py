"""``servqual gap`` for a perception-only instrument: SERVPERF instead of gaps."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from servqual_cli.cli import options as o
from servqual_cli.io.survey import SurveyData


def emit_servperf(
    data: SurveyData,
    fmt: o.OutputFormat | None,
    output: Path | None,
    excluded: Path | None,
    lang: str,
    conf: float,
    items: bool,
    codes: tuple[str, ...] = (),
    source: dict[str, str | None] | None = None,
    overall: str | None = None,
    importance_on: str = "perception",
) -> None:
    """Analyse, render and write a SERVPERF result as ``gap`` does a SERVQUAL one.

    JSON has the gap command's shape with ``model: "SERVPERF"`` and no gap fields (absent, not
    null); the CSV has one row per dimension, item and overall score.
    """
    import pandas as pd

    from servqual_cli.cli.output import emit, write_exclusions
    from servqual_cli.core.servperf import servperf_analysis
    from servqual_cli.errors import UsageError
    from servqual_cli.report.duplicate_note import duplicate_record, duplicate_sections
    from servqual_cli.report.recode_note import recode_sections, recoded_of, recoded_records
    from servqual_cli.report.servperf_sections import servperf_sections
    from servqual_cli.report.spec import Document

    if data.groups is not None:
        raise UsageError(
            "--by is not available for a perception-only (SERVPERF) instrument yet; "
            "filter the file per group instead",
            code="by_perception_only",
        )
    result = servperf_analysis(data.perception, data.items, data.dimension_positions,
                               weights=data.weights, conf=conf)  # fmt: skip
    recoded = recoded_of(data.exclusion_log)  # answers read from text (review item 13a)
    from servqual_cli.io.code_cells import codes_without_cells

    none = codes_without_cells(codes, data.exclusion_log) if codes else ()  # review 17, #10
    payload: dict[str, Any] = {
        "n_rows": result.n_rows,
        "excluded": data.excluded,
        "recoded_text": recoded_records(recoded),
        "input": data.table.describe(),
        "instrument": {**data.instrument.to_dict(), **(source or {})},  # path, sha256 (r15)
        **(o.missing_codes_record(codes, data.instrument.missing, none) if codes else {}),
        **result.to_dict(),
    }
    sections = duplicate_sections(data.duplicates, lang)  # review 2 item 23h
    payload["duplicate_rows"] = duplicate_record(data.duplicates)
    from servqual_cli.report.exclusion_words import exclusion_note

    # located and the invalid texts named, as gap's note (session 16)
    note, payload["excluded_detail"] = exclusion_note(data.excluded, data.exclusion_log, lang,
                                                      excluded is None)  # fmt: skip
    if codes:  # --missing-codes: the rule beside its cells, as gap names it
        from servqual_cli.report.missing_codes_note import union_text

        note += f" {union_text(codes, data.instrument.missing, lang, none)}"
    sections += servperf_sections(result, data.excluded, lang, items, exclusions=note)
    from servqual_cli.cli import gap_toolbox as tb
    from servqual_cli.cli.gap_tidy import extend_tidy

    # --overall --importance-on perception: derived importance on the perceptions, as gap's
    # (gap_toolbox.add_to_gap leaves out the gap-only comparison on a perception-only file)
    sections += tb.add_to_gap(data, payload, lang, conf, overall, importance_on)
    # the reader's notes (summary and header rows left out, hidden rows, the encoding), as gap
    # says them: the perception-only path printed none (w-miss, s14: Esmaker's "Antal svar" row
    # was left out with no word in the terminal, only in the JSON)
    from servqual_cli.cli.decoding_note import decoding_note

    sections += decoding_note(data.table.describe(), lang)
    sections += recode_sections(recoded, lang)
    doc = Document(title=f"SERVPERF – {data.table.describe()['file']}", sections=tuple(sections))
    dims = pd.DataFrame(payload["dimensions"]).rename(columns={"dimension": "name"})
    dims.insert(0, "level", "dimension")
    its = pd.DataFrame(payload["items"]).rename(columns={"item": "name"})
    its.insert(0, "level", "item")
    ov = result.overall
    overall_rows = pd.DataFrame(
        [{"level": "overall", "name": "unweighted", "n": ov.n_unweighted,
          "perception": ov.unweighted, "ci_low": ov.ci_low, "ci_high": ov.ci_high},
         {"level": "overall", "name": "weighted", "n": ov.n_weighted,
          "perception": ov.weighted, "ci_low": ov.weighted_ci_low,
          "ci_high": ov.weighted_ci_high}]
    )  # fmt: skip
    tidy = extend_tidy(pd.concat([dims, its, overall_rows], ignore_index=True), payload)
    write_exclusions(
        excluded, data.exclusions if excluded else None, data.table
    )  # the list only if asked
    emit(doc, payload, tidy, fmt, output, lang=lang)
