"""Errors in the run's language (review 9 finding 9): under ``--lang sv`` the error line is
"servqual: fel: <plats>: <mening>" for every translated code, one line, exit 1 or 2, no
traceback; the same run in English prints the raise site's English sentence as before, and the
catalog's English entry agrees with that sentence (so the facts a raise site gives are complete).

Cases by area: test_errors_swedish_cli_files.py (reading files), _config.py (configurations,
outputs, service and Kolada files), _options.py (the commands' options), _rest.py (session 14's
sites), _more.py (session 15's); their shared fixture
and check are in conftest.py. This file holds the check that every code has a case.
"""

from __future__ import annotations

import ast
import pickle
from pathlib import Path

import pytest

from servqual_cli.cli import error_text
from servqual_cli.errors import DataError, Location
from servqual_cli.report.catalog_errors import ERRORS

from .conftest import DATA, KIOSK, SRC
from .test_errors_swedish_cli_config import CONFIG_CASES, FOLDERS, KOLADA, TMP_FILES
from .test_errors_swedish_cli_files import ENV, FILE_CASES, LIMITS, SPECIAL
from .test_errors_swedish_cli_more import API_CODES, MORE_CASES
from .test_errors_swedish_cli_options import OPTION_CASES
from .test_errors_swedish_cli_rest import API, KPI, REST_CASES, STDIN, TMP_CASES

CASES = [*FILE_CASES, *CONFIG_CASES, *OPTION_CASES, *REST_CASES]


def test_the_cell_limit_names_each_kind() -> None:
    """The two kinds of too_many_cells no file here reaches (a cell beyond Excel's sheet)."""
    for facts, english in (
        ({"kind": "row_beyond", "rows": 2_000_000, "max_rows": 1_048_576},
         "a cell lies at row 2,000,000, beyond Excel's 1,048,576"),
        ({"kind": "col_beyond"}, "a cell lies beyond column XFD"),
    ):  # fmt: skip
        facts = {**facts, "max_cells": 50_000_000}
        assert error_text.render("too_many_cells", facts, "en") == (
            f"{english}, over the reader's limit of 50,000,000 cells; refused before reading "
            "(give --max-cells or set SERVQUAL_MAX_CELLS to allow more)"
        )
        assert error_text.render("too_many_cells", facts, "sv").startswith(
            "en cell ligger bortom kolumn XFD, över"
            if facts["kind"] == "col_beyond"
            else "en cell ligger på rad 2\u00a0000\u00a0000, bortom Excels 1\u00a0048\u00a0576"
        )


def test_every_error_code_is_tested_and_known() -> None:
    """Every ``code=`` a raise site gives is in the catalog, every catalog code appears in the
    source and has a case above."""
    sentences = {k for k in ERRORS if not k.startswith("part_") and k not in ("prefix", "see_help")}
    given, constants = set(), set()
    for path in SRC.rglob("*.py"):
        # the catalogs and the preparations name every code: only a raise site counts
        if path.name.startswith(("catalog_errors", "error_words", "error_text", "error_facts")):
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                constants.add(node.value)
            if isinstance(node, ast.keyword) and node.arg == "code":
                value = node.value
                options = [value.body, value.orelse] if isinstance(value, ast.IfExp) else [value]
                given |= {o.value for o in options if isinstance(o, ast.Constant) and o.value}
    assert len(given) > 20
    assert given - sentences == set()
    assert sentences - constants == set()
    # no_valid_pair: the core's own check, behind the reader's (no_valid_pair_counts) in every
    # command, so it has a unit test below instead of a CLI case
    tested = {c[2] for c in CASES} | {c[0] for c in SPECIAL} | {c[0] for c in LIMITS}
    tested |= {c[0] for c in ENV} | set(FOLDERS) | {c[4] for c in KOLADA}
    tested |= {"kolada_no_known_kpi"} | {c[4] for c in TMP_FILES}
    tested |= {c[4] for c in TMP_CASES} | {c[1] for c in API} | {c[1] for c in STDIN}
    tested |= {c[1] for c in KPI} | {"kpi_entry", "kpi_name_twice", "cannot_write"}
    tested |= {"depfile_inside", "source_date_epoch", "limit_unreadable", "limit_not_positive"}
    # a workbook named as text, --sheet/--encoding for another kind of file: their cases are in
    # test_workbook_sniff_cli.py, whose test_every_code_here_has_a_case checks this list (w-io)
    tested |= {"workbook_named_text", "ods_named_text", "workbook_not_text", "zip_not_text",
               "sheet_not_workbook", "encoding_on_workbook", "encoding_not_text_file"}  # fmt: skip
    # describe --instrument-template with nothing to write: test_template_exports_cli.py (w-tmpl)
    tested |= {"template_no_items", "template_duplicate_names"}
    # alpha on answers in words, the core's caveat as an error: test_alpha_text_answers_cli.py
    tested |= {"text_answers_need_scale", "text_answers_no_scale", "scale_caveat"}  # (w-amsg)
    # session 15 (test_errors_swedish_cli_more.py); weights_negative: the core's own check,
    # behind the reader's, tested there without the CLI
    tested |= {c[3] for c in MORE_CASES} | {"weights_negative", "section_unavailable"}
    tested |= API_CODES  # the core's option checks, no CLI run reaches them: tested there
    assert sentences - tested == {"no_valid_pair"}


def test_the_core_raises_with_a_code() -> None:
    """The core's check (no CLI run reaches it: the reader refuses such a file first)."""
    import numpy as np

    from servqual_cli.core.gaps import gap_analysis
    from servqual_cli.core.group_gaps import grouped_gap_analysis

    nan = np.full((3, 2), np.nan)
    for run in (lambda: gap_analysis(nan, nan, ["1", "2"], {"A": [0, 1]}),
                lambda: grouped_gap_analysis(nan, nan, ["1", "2"], {"A": [0, 1]},
                                             ["g", "g", "h"], "Enhet")):  # fmt: skip
        with pytest.raises(DataError) as caught:
            run()
        exc = caught.value
        assert exc.code == "no_valid_pair" and error_text.render(exc.code, exc.facts, "en") == (
            exc.message
        )
        assert error_text.error_line(exc, "sv") == (
            "ingen svarande har ett giltigt par av förväntan och upplevelse efter rensningen"
        )


@pytest.mark.parametrize(
    ("args", "swedish"),
    [
        (("gap", "x.csv", "--format", "foo"), "ogiltigt värde för '--format' / '-f': 'foo' är "
         "inte något av 'table', 'json', 'csv', 'markdown', 'xlsx', 'html', 'apa' (se 'servqual "
         "gap --help')"),
        (("gap", "x.csv", "--formt", "csv"), "okänd flagga: --formt"),
        (("gap",), "argumentet 'file' saknas (se 'servqual gap --help')"),
        (("gap", "x.csv", "--by"), "flaggan '--by' behöver ett värde"),
        (("gap", "x.csv", "y.csv"), "fler argument än kommandot tar: y.csv"),
        (("gap", "x.csv", "--conf", "2"), "2,0 ligger utanför det tillåtna (från 0,5 till 0,999)"),
        (("feedback", "x.csv", "--as-of", "2023-13-01"), "'2023-13-01' är inget datum i formen "
         "ÅÅÅÅ-MM-DD eller ÅÅÅÅ-MM-DD TT:MM"),
        (("gap", "x.csv", "--conf", "x"), "'x' är inget tal"),
        (("reliability", "x.csv", "--factors", "x"), "'x' är inget heltal"),
        (("kolada", "k.csv"), "flaggan '--municipality' / '-m' saknas (se 'servqual kolada "
         "--help')"),
    ],
)  # fmt: skip
def test_usage_error_in_swedish(cli, args: tuple[str, ...], swedish: str) -> None:
    """The option parser's messages (unknown option values, a missing value) in Swedish."""
    r = cli(*args[:1], "--lang", "sv", *args[1:])  # (after --by, --lang would be its value)
    assert r.exit_code == 2 and r.stderr.startswith("servqual: fel: ") and swedish in r.stderr
    assert r.stderr.count("\n") == 1 and "Traceback" not in r.stderr
    en = cli(*args)
    assert en.exit_code == 2 and en.stderr.startswith("servqual: error: ")
    assert "--help')" in en.stderr or "requires an argument" in en.stderr


def test_an_error_without_a_code_keeps_its_english_sentence(cli, tmp_path: Path) -> None:
    """Not every message is translated: the place words and the prefix are, the rest is not
    (a column spec's own checks, instruments/specs.py, have no code)."""
    path = tmp_path / "x.toml"
    path.write_text('name = "X"\nscale = [1, 5]\nexpectation = { regex = "^F" }\n'
                    'perception = "U{item}"\n[dimensions]\nA = [1, 2]\n')  # fmt: skip
    r = cli("gap", str(DATA / "kiosk.csv"), "-i", str(path), "--lang", "sv")
    assert r.exit_code == 2
    assert r.stderr == (
        f"servqual: fel: {path}: 'expectation': the regex '^F' must contain the token {{item}}\n"
    )


def test_lang_after_double_dash_is_a_file_name(cli) -> None:
    r = cli("gap", str(DATA / "nope.csv"), "--", "--lang")
    assert r.stderr.startswith("servqual: error: ")


def test_errors_pickle_with_code_and_facts() -> None:
    """report --split runs groups in other processes: an error must survive pickling."""
    exc = DataError("file is empty", Location("a.csv"), code="file_empty", facts={"n": 1})
    back = pickle.loads(pickle.dumps(exc))
    assert (back.code, back.facts, str(back)) == ("file_empty", {"n": 1}, "a.csv: file is empty")


def test_an_incomplete_fact_falls_back_to_english() -> None:
    exc = DataError("has a header (row 3) but no data rows below it", code="header_only")
    assert error_text.error_line(exc, "sv") == "has a header (row 3) but no data rows below it"


def _config(tmp_path: Path, text: str) -> str:
    path = tmp_path / "r.toml"
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_report_errors_follow_the_configs_language(cli, seen, tmp_path: Path) -> None:
    """Without --lang, an error raised after the config is parsed is said in its ``language``;
    --lang still decides when given; the config's own errors come before its language is known
    and stay English."""
    survey = f'[survey]\nfile = "{DATA / "missing_columns.csv"}"\ninstrument = "{KIOSK[1]}"\n'
    config = _config(tmp_path, 'language = "sv"\n' + survey)
    out = ("-o", str(tmp_path / "out"))
    sv = cli("report", config, *out)
    assert sv.exit_code == 1 and seen[-1].code == "instrument_columns_missing"
    assert sv.stderr.startswith("servqual: fel: ") and "som filen saknar" in sv.stderr
    en = cli("report", config, *out, "--lang", "en")
    assert en.exit_code == 1 and en.stderr == f"servqual: error: {seen[-1]}\n"
    assert cli("report", config, *out, "--lang", "sv").stderr == sv.stderr
    # English config, --lang sv: Swedish (the command line wins)
    english = _config(tmp_path, 'language = "en"\n' + survey)
    assert cli("report", english, *out, "--lang", "sv").stderr == sv.stderr
    assert cli("report", english, *out).stderr == en.stderr
    # the config's own check: raised while it is parsed, so in the default language
    bad = _config(tmp_path, 'language = "sv"\ntitel = "x"\n' + survey)
    r = cli("report", bad, *out)
    assert r.exit_code == 2 and seen[-1].code == "config_unknown_key"
    assert r.stderr.startswith("servqual: error: ") and "unknown key 'titel'" in r.stderr


def test_swedish_numbers_keep_their_no_break_space(cli) -> None:
    """The handler folds every space run to one space, but not a Swedish number's thousands
    space (U+00A0): "1 048 576" stays whole; English groups with commas as before."""
    args = ("gap", str(DATA / "reader" / "bomb_far_cell.xlsx"))
    sv = cli(*args, "--lang", "sv").stderr
    assert "1\u00a0048\u00a0576 rader" in sv and "1 048 576" not in sv
    assert sv.count("\n") == 1 and "  " not in sv
    assert "1,048,576 rows" in cli(*args).stderr
