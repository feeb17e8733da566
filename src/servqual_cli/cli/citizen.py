"""``servqual service-survey``: the citizen-survey service measurement (SKR, since 2022)."""

from __future__ import annotations

from typing import Annotated, Any

import typer

from servqual_cli.cli import options as o

app = typer.Typer()


@app.command("service-survey")
def service_survey(
    file: Annotated[
        str,
        typer.Argument(help="One row per respondent: year, channel and answers 1-5 (Vet ej)."),
    ],
    min_n: Annotated[
        int, typer.Option("--min-n", min=1, help="Flag a year/channel/question below this n.")
    ] = 30,
    fmt: o.FormatOpt = None,
    output: o.OutputOpt = None,
    sheet: o.SheetOpt = None,
    encoding: o.EncodingOpt = None,
    header_row: o.HeaderRowOpt = None,
    strict: o.StrictOpt = False,
    excluded: o.ExcludedOpt = None,
    lang: o.LangOpt = o.Lang.en,
    conf: o.ConfOpt = 0.95,
) -> None:
    """Index (0-100), share 4-5, year-on-year change (Welch) and trend per channel and question.

    Example: servqual service-survey data/samples/servicematning_medborgare_2022_2024.xlsx
    """
    import pandas as pd

    from servqual_cli.cli.output import check_distinct, check_output, emit, write_exclusions
    from servqual_cli.core.results import records
    from servqual_cli.core.service_survey import survey_result
    from servqual_cli.io.measurement import ReadOptions
    from servqual_cli.io.service_survey import load_citizen_survey
    from servqual_cli.report.labels import exclusion_summary
    from servqual_cli.report.service_survey_sections import service_survey_sections
    from servqual_cli.report.spec import Document

    check_output(output, [file])
    check_output(excluded, [file])
    check_distinct(output=output, excluded=excluded)
    data = load_citizen_survey(ReadOptions(sheet, encoding, header_row, strict).read(file), strict)
    result = survey_result(data.frame, conf, min_n)
    payload: dict[str, Any] = {"input": data.describe(), **result.to_dict()}
    payload["indices"] = records(result.indices)
    small = result.indices[result.indices["small_base"]]
    sv = lang.value == "sv"
    notes = []
    if len(small):
        notes.append(
            f"{len(small)} värden bygger på färre än {min_n} svar: läs dem med försiktighet."
            if sv
            else f"{len(small)} values rest on fewer than {min_n} answers: read them with care."
        )
    notes.append(f"{exclusion_summary(data.excluded, lang.value)}.")
    tidy = pd.concat([result.indices.assign(table="index"), result.changes.assign(table="change"),
                      result.trends.assign(table="trend")], ignore_index=True)  # fmt: skip
    tidy = tidy[["table", *[c for c in tidy.columns if c != "table"]]]
    years = sorted(int(y) for y in result.indices["year"].unique())
    span = f"{years[0]}–{years[-1]}" if len(years) > 1 else str(years[0])
    head = "Servicemätning (medborgarenkät)" if sv else "Service measurement (citizen survey)"
    title = f"{head} {span}"
    write_exclusions(excluded, data.exclusions)
    emit(Document(title, tuple(service_survey_sections(result, lang.value, notes))), payload,
         tidy, fmt, output)  # fmt: skip
