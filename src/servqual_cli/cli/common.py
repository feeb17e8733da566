"""Loading steps shared by the commands (file -> clean survey), written once."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from servqual_cli.io.survey import SurveyData


def load_survey_file(
    path: str,
    instrument: str | None,
    by: str | None,
    sheet: str | None,
    encoding: str | None,
    header_row: int | None,
    strict: bool,
) -> SurveyData:
    from servqual_cli.instruments.toml import load_instrument
    from servqual_cli.io.read import read_table
    from servqual_cli.io.survey import load_survey

    inst = load_instrument(instrument)
    table = read_table(path, sheet=sheet, encoding=encoding, header_row=header_row)
    return load_survey(table, inst, by=by, strict=strict)


def describe_source(data: SurveyData) -> dict[str, object]:
    t = data.table
    return {
        "file": Path(t.source).name if t.source != "<stdin>" else t.source,
        "sheet": t.sheet,
        "header_row": t.header_row,
        "sha256": t.sha256,
        "encoding": t.encoding,
        "delimiter": t.delimiter,
    }
