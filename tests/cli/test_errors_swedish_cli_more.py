"""The Swedish error line (see test_errors_swedish_cli.py) of the sites coded in session 15: a
service survey's benchmark without a matching index, a CSV line the reader cannot split, a
workbook with too many merged ranges, a KPI's ``filter``, its year column and an ``--as-of``
before its data, a weight column without a positive weight, a report's ``survey.by``; and a
reliability caveat raised as an error, said in the report's own Swedish words.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import numpy as np
import pytest

from servqual_cli.cli import error_text
from servqual_cli.core.caveats import data_error, usage_error

from .conftest import DATA, KIOSK, SAMPLE_SURVEY, check
from .test_errors_swedish_cli_rest import _toolbox_apart

FEEDBACK = DATA / "feedback_renamed.csv"

_KIOSK = (DATA / "kiosk.csv").read_text(encoding="utf-8").splitlines(keepends=True)
_KOLADA = (DATA / "kolada_survey_2024.csv").read_text(encoding="utf-8").splitlines(keepends=True)
KPI_DATA = (DATA / "kpi_cases.csv").as_posix()


def _weights_zero() -> str:
    """kiosk.csv with every V1 weight 0 (the column's values are all >= 0, none positive)."""
    head = _KIOSK[0].rstrip("\n").split(",")
    at = head.index("V1")
    rows = [r.rstrip("\n").split(",") for r in _KIOSK[1:]]
    return _KIOSK[0] + "".join(",".join([*r[:at], "0", *r[at + 1 :]]) + "\n" for r in rows)


def _merges() -> bytes:
    """kiosk.xlsx with 100 001 merged ranges on its Data sheet (one over io.xlsxmerge's limit)."""
    out = io.BytesIO()
    with zipfile.ZipFile(DATA / "kiosk.xlsx") as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == "xl/worksheets/sheet2.xml":
                many = b'<mergeCell ref="P2:P3"/>' * 100_001
                data = data.replace(b"</sheetData>", b"</sheetData><mergeCells>" + many
                                    + b"</mergeCells>")  # fmt: skip
            dst.writestr(info, data, compress_type=zipfile.ZIP_DEFLATED)
    return out.getvalue()


def _kpi(body: str, data: str = KPI_DATA) -> str:
    return f'[[kpi]]\nname = "A"\naspect = "nåbarhet"\ndata = "{data}"\n{body}'


VALUES = 'value_column = "väntetid"\nstatistic = "median"\n'
REPORT_BY = (f'[survey]\nfile = "{(DATA / "kiosk.csv").as_posix()}"\n'
             f'instrument = "{KIOSK[1]}"\nby = "Enht"\n')  # fmt: skip

# report --split by role where no respondent has a whole (A, D, P) triple: every group fails
SPLIT: dict[str, str | bytes] = {
    "apart.csv": _toolbox_apart(),
    "split.toml": f'sections = ["tolerance"]\n[survey]\nfile = "apart.csv"\n'
    f'instrument = "{(DATA / "toolbox.toml").as_posix()}"\nby = "role"\n',
}

# a report with a [knowledge_gap] table (its keys follow)
REPORT_KG = (f'[survey]\nfile = "{(DATA / "kiosk.csv").as_posix()}"\n'
             f'instrument = "{(DATA / "kiosk.toml").as_posix()}"\n[knowledge_gap]\n')  # fmt: skip

# files written in tmp_path ({dir} in the arguments is tmp_path):
# (files by name, args, exit code, error code, a piece of the Swedish line)
MORE_CASES: list[tuple[dict[str, str | bytes], tuple[str, ...], int, str, str]] = [
    # servqual service-survey --benchmark (cli.citizen): only this municipality's values
    ({"k.csv": _KOLADA[0] + "".join(r for r in _KOLADA if "Lekeberg" in r)},
     ("service-survey", str(SAMPLE_SURVEY), "--benchmark", "{dir}/k.csv", "-m", "Lekeberg",
      "--kpi-map", str(DATA / "kolada_survey_map.toml")), 1, "benchmark_no_index",
     "k.csv: inget publicerat index för 2024 motsvarar enkätens frågor och kanaler (koppla "
     "Koladas id till dem med --kpi-map)"),
    # reading a file (io.csvtext, io.xlsxmerge)
    ({"q.csv": 'id,F1,U1\n1,"3"x,4\n2,3,4\n'}, ("alpha", "{dir}/q.csv", "--items", "F1,U1"), 1,
     "csv_invalid_line",
     "q.csv: rad 2 är inte giltig CSV (läsarens besked, på engelska: ',' expected after '\"')"),
    ({"m.xlsx": _merges()}, ("gap", "{dir}/m.xlsx", "--sheet", "Data", *KIOSK), 1,
     "too_many_merges", "m.xlsx, blad 'Data': har 100\u00a0001 sammanfogade områden, över "
     "gränsen 100\u00a0000; dela upp de sammanfogade cellerna och spara arbetsboken igen"),
    # a KPI's data (io.kpi_data) and --as-of before it (core.kpi)
    ({"f.toml": _kpi('start = "skickad"\nend = "besvarad"\nlimit = "2 days"\n'
                     'filter = { kanal = "fax" }\n')},
     ("kpi", "{dir}/f.toml"), 2, "kpi_filter_keeps_none",
     "f.toml: [[kpi]] 1 (\"A\"), nyckeln 'filter': kanal = ['fax'] behåller inga rader av "
     "kpi_cases.csv (värden: 'e-post', 'telefon')"),
    ({"y.csv": "år;väntetid\nfoo;12\nbar;13\n", "y.toml": _kpi(VALUES, "y.csv")},
     ("kpi", "{dir}/y.toml"), 1, "kpi_year_column_no_year",
     "y.csv, rad 2, kolumn 'år': inget värde i den här kolumnen är ett år (1900–2100; t.ex. "
     "'foo'); är det rätt kolumn? Ett nyckeltal med en period i sin konfiguration"),
    ({}, ("kpi", str(DATA / "kpi_cases.toml"), "--as-of", "2000-01-01"), 1,
     "kpi_as_of_before_cases", "servqual: fel: kpi_cases.csv, kolumn 'skickad': inget ärende i "
     "nyckeltalet 'E-post inom en arbetsdag' börjar på eller före dagen 2000-01-01 (--as-of; "
     "det första börjar 2023-11-06); ange ett senare --as-of"),
    ({"r.csv": "år;väntetid\n2023;12\n2024;13\n", "r.toml": _kpi(VALUES, "r.csv")},
     ("kpi", "{dir}/r.toml", "--as-of", "2000-01-01"), 1, "kpi_as_of_before_years",
     "servqual: fel: r.csv, kolumn 'år': ingen rad i nyckeltalet 'A' är från 2000 eller "
     "tidigare (den första är från 2023): dagen 2000-01-01 (--as-of) ligger före data"),
    # survey weights (core.survey_weights)
    ({"w.csv": _weights_zero()}, ("gap", "{dir}/w.csv", *KIOSK, "--weight-column", "V1"), 1,
     "weights_none_positive", "servqual: fel: viktkolumnen 'V1' har ingen positiv vikt"),
    # report --split when every group's report fails (report.writer): each group's reason
    (SPLIT, ("report", "{dir}/split.toml", "-o", "{dir}/out", "--split"), 1, "no_group_reported",
     "servqual: fel: ingen grupp kunde redovisas: customer: ingen svarande har giltiga värden "
     "för lägsta godtagbara nivå, önskad nivå och upplevelse; staff: ingen svarande har "),
    # a report's survey.by (report.build)
    ({"rep.toml": REPORT_BY}, ("report", "{dir}/rep.toml", "-o", "{dir}/out"), 2,
     "config_by_missing", "rep.toml: survey.by: kolumnen 'Enht' finns inte i kiosk.csv "
     "(närmast: Enhet)"),
    # a report's [knowledge_gap] (report.config, report.knowledge_part; review 13, finding 16)
    ({"rep.toml": REPORT_KG + 'staff_sheet = "1"\n'},
     ("report", "{dir}/rep.toml", "-o", "{dir}/out"), 2, "config_staff_file_required",
     "rep.toml: nyckeln 'knowledge_gap.staff_file' krävs i [knowledge_gap]"),
    ({"rep.toml": f'[knowledge_gap]\nstaff_file = "{(DATA / "kiosk.csv").as_posix()}"\n'},
     ("report", "{dir}/rep.toml", "-o", "{dir}/out"), 2, "config_knowledge_needs_survey",
     "rep.toml: [knowledge_gap] behöver en [survey]-tabell: medborgarnas svar som personalfilen "
     "jämförs med"),
    ({"rep.toml": REPORT_KG + f'staff_file = "{(DATA / "kiosk.csv").as_posix()}"\n'},
     ("report", "{dir}/rep.toml", "-o", "{dir}/out"), 2, "config_staff_is_survey",
     "rep.toml: nyckeln 'knowledge_gap.staff_file': '" + (DATA / "kiosk.csv").as_posix()
     + "' är [survey]-filen och -bladet; ange personalens blad i 'knowledge_gap.staff_sheet'"),
    # a report's survey.importance_on without survey.overall (report.config, session 17)
    ({"rep.toml": REPORT_BY.replace('by = "Enht"', 'importance_on = "perception"')},
     ("report", "{dir}/rep.toml", "-o", "{dir}/out"), 2, "config_importance_needs_overall",
     "rep.toml: nyckeln 'survey.importance_on' behöver 'survey.overall' (kolumnen som ska "
     "förklaras)"),
    # feedback --unit-map and [service] unit_map that merge nothing (core.feedback_units; r17, 9)
    ({}, ("feedback", str(FEEDBACK), "--unit-map", "Teknik=Teknik"), 2, "unit_map_same",
     "servqual: fel: --unit-map slår samman 'Teknik' med sig själv: ange en annan förvaltning "
     "som NY"),
    ({}, ("feedback", str(FEEDBACK), "--unit-map", "A=B,A=C"), 2, "unit_map_twice",
     "servqual: fel: --unit-map anger 'A' två gånger ('B' och 'C')"),
    ({}, ("feedback", str(FEEDBACK), "--unit-map", "A=B,B=C"), 2, "unit_map_chain",
     "servqual: fel: --unit-map: 'B' är både ett nytt namn och byts själv ut; ange varje "
     "förvaltning direkt med sitt slutliga namn"),
    ({"fb.toml": f'[service]\nfeedback = "{FEEDBACK.as_posix()}"\n'
                 'unit_map = { Teknik = "Skola,Skola=Teknik" }\n'},
     ("report", "{dir}/fb.toml", "-o", "{dir}/out"), 2, "unit_map_value",
     "fb.toml: service.unit_map slår samman 'Teknik' med 'Skola,Skola=Teknik', som inte är ett "
     "förvaltningsnamn (ett par GAMMAL=NY i taget)"),
]  # fmt: skip


@pytest.mark.parametrize(("files", "args", "exit_code", "code", "swedish"), MORE_CASES,
                         ids=[c[3] for c in MORE_CASES])  # fmt: skip
def test_error_in_swedish(cli, seen, tmp_path: Path, files, args, exit_code, code, swedish) -> None:
    for name, content in files.items():
        path = tmp_path / name
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    check(cli, seen, tuple(a.format(dir=tmp_path) for a in args), exit_code, code, swedish)


def test_a_section_this_install_lacks(
    cli, seen, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A section whose modules an install lacks (report.build's SectionEntry.available)."""
    monkeypatch.setattr("servqual_cli.report.build.SectionEntry.available", lambda self: False)
    path = tmp_path / "rep.toml"
    path.write_text('sections = ["tolerance"]\n' + REPORT_BY.replace('by = "Enht"\n', ""),
                    encoding="utf-8")  # fmt: skip
    check(cli, seen, ("report", str(path), "-o", str(tmp_path / "out")), 2, "section_unavailable",
          "rep.toml: avsnittet 'tolerance' finns inte i den här versionen")  # fmt: skip


def test_the_weight_check_names_negative_weights_too() -> None:
    """The reader refuses a negative weight first (row and column named), so no CLI run reaches
    the core's own check; its sentence is coded all the same."""
    import numpy as np

    from servqual_cli.core.survey_weights import check_weights
    from servqual_cli.errors import DataError

    with pytest.raises(DataError) as caught:
        check_weights(np.array([1.0, -1.0]), "V1")
    exc = caught.value
    assert exc.code == "weights_negative"
    assert error_text.render(exc.code, exc.facts, "en") == exc.message
    assert error_text.error_line(exc, "sv") == "viktkolumnen 'V1' har negativa vikter"


@pytest.mark.parametrize(
    ("exc", "swedish"),
    [
        (data_error("too_few_items", k=3, n=1, items=("E1",)),
         "kräver minst 3 påståenden, fick 1 (E1)"),
        (usage_error("too_many_factors", m=5, k=3),
         "kan inte extrahera 5 faktorer ur 3 påståenden"),
    ],
)  # fmt: skip
def test_a_caveat_raised_as_an_error_is_said_in_swedish(exc, swedish: str) -> None:
    """core.caveats raises without a code: the caveat's code and parameters give the Swedish
    (the words of report.reliability_warnings); English is the caveat's message, as before."""
    assert exc.code is None and exc.caveat is not None
    assert error_text.error_line(exc, "sv") == swedish
    assert error_text.error_line(exc, "en") == exc.message


def test_the_groups_are_named_in_their_order_whatever_finishes_first(
    cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Workers finish in any order: the error line (and the manifest's skipped groups) keep
    the groups' order, so the same run says the same thing."""
    from servqual_cli.report import writer

    run = writer._run
    monkeypatch.setattr(writer, "_run", lambda *a: reversed(list(run(*a))))
    for name, content in SPLIT.items():
        (tmp_path / name).write_text(str(content), encoding="utf-8")
    r = cli("report", tmp_path / "split.toml", "-o", tmp_path / "out", "--split", "--jobs", "1")
    assert r.exit_code == 1
    assert r.stderr.index("customer: ") < r.stderr.index("; staff: "), r.stderr


def _api_cases() -> list[tuple[object, str, str]]:
    """The core's own checks of its options, as a Python caller meets them (the CLI's options
    are Click ranges and choices, checked before): (call, code, the Swedish sentence)."""
    import pandas as pd

    from servqual_cli.core._common import check_conf
    from servqual_cli.core.gaps import check_rules
    from servqual_cli.core.median_diff import median_diff_ci
    from servqual_cli.core.paired_ranks import column_ranks
    from servqual_cli.core.proportions import score_diff_test
    from servqual_cli.core.ranktests import signed_rank_test
    from servqual_cli.core.service_survey import survey_changes, survey_indices
    from servqual_cli.core.trend import compare_kpis

    survey = pd.DataFrame({"year": 2023, "channel": "phone", "question": "ease",
                           "answer": [5.0, 4.0]})  # fmt: skip
    empty = pd.DataFrame({"channel": [], "area": [], "kpi": [], "x": []})
    return [
        (lambda: check_conf(1.5), "conf_range",
         "konfidensnivån ska ligga mellan 0 och 1, fick 1,5"),
        (lambda: median_diff_ci([1.0], [2.0], -0.5), "conf_range",
         "konfidensnivån ska ligga mellan 0 och 1, fick \u22120,5"),
        (lambda: score_diff_test(1, 2, 1, 2, 2.0), "conf_range", "fick 2,0"),
        (lambda: survey_indices(survey, 0.0), "conf_range", "fick 0,0"),
        (lambda: survey_changes(survey, 0.95, "x"), "adjust_unknown",
         "okänd justering av p-värden 'x'; använd holm, bh eller none"),
        (lambda: compare_kpis(empty, empty, adjust="x"), "adjust_unknown", "p-värden 'x'"),
        (lambda: compare_kpis(empty, empty, share_test="x"), "share_test_unknown",
         "okänt test för andelar 'x'; använd score eller fisher"),
        (lambda: check_rules(0.95, "wilcox", "x"), "adjustment_unknown",
         "okänd justering 'x'; använd holm, bh eller none"),
        (lambda: check_rules(0.95, "x", "holm"), "zero_method_unknown",
         "okänd metod för nollskillnader 'x'; använd wilcox eller pratt"),
        (lambda: column_ranks(np.zeros(2), "x"), "zero_method_unknown", "nollskillnader 'x'"),
        (lambda: signed_rank_test([1.0, 2.0], zero_method="x"), "zero_method_unknown",
         "nollskillnader 'x'"),
    ]  # fmt: skip


def test_the_cores_option_checks_have_swedish_sentences() -> None:
    from servqual_cli.errors import UsageError

    for call, code, swedish in _api_cases():
        with pytest.raises(UsageError) as caught:
            call()  # type: ignore[operator]
        exc = caught.value
        assert exc.code == code, (code, exc.message)
        assert error_text.render(code, exc.facts, "en") == exc.message
        assert swedish in error_text.error_line(exc, "sv"), error_text.error_line(exc, "sv")


API_CODES = {c[1] for c in _api_cases()}  # (the every-code check counts these)
