"""The report's ``knowledge_gap`` and ``importance`` sections (review 13, finding 16: gap 1 and
derived importance reached the board report only pasted from the terminal). Their numbers are
the commands' (``knowledge-gap``, ``gap --overall``) for the same files; the config keys are
checked, recorded in the manifest and named in errors."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest

from servqual_cli.report.build import build_report
from servqual_cli.report.config import load_config
from servqual_cli.report.spec import Document, Table, Text

DATA = Path(__file__).parent.parent / "data"
SAMPLES = DATA.parent.parent / "data" / "samples"
CONFIG = DATA / "report_knowledge_importance.toml"
SURVEY, STAFF = SAMPLES / "karlstad_servqual_2025.xlsx", SAMPLES / "karlstad_personal.xlsx"


def _table(doc: Document, title: str) -> Table:
    found = [b for s in doc.sections for b in s.blocks
             if isinstance(b, Table) and b.title.startswith(title)]  # fmt: skip
    assert len(found) == 1, [getattr(b, "title", "") for s in doc.sections for b in s.blocks]
    return found[0]


@pytest.fixture(scope="module")
def doc_en() -> Document:
    return build_report(replace(load_config(CONFIG), language="en"))


def test_the_knowledge_gap_section_equals_the_command(cli, doc_en: Document) -> None:
    r = cli("knowledge-gap", SURVEY, STAFF, "-f", "json")
    assert r.exit_code == 0, r.stderr
    want = json.loads(r.stdout)
    for title, key, first in (("Knowledge gap by dimension", "dimensions", "Dimension"),
                              ("Knowledge gap by item", "items", "Item")):  # fmt: skip
        frame = _table(doc_en, title).frame
        rows = want[key]
        assert len(frame) == len(rows)
        got = frame.drop(columns=[first]).select_dtypes("number").to_numpy(dtype=float)
        numbers = ["n_customers", "n_staff", "customers", "staff", "diff", "ci_low", "ci_high",
                   "p_welch", "p_mann_whitney", "hedges_g", "p_holm"]  # fmt: skip
        expected = np.array([[row[k] for k in numbers] for row in rows], dtype=float)
        np.testing.assert_allclose(got, expected, rtol=1e-12)
    # the item table is detail: in the appendix
    assert _table(doc_en, "Knowledge gap by item").appendix


def test_the_report_marks_over_and_underestimates(doc_en: Document) -> None:
    """Session 17 (review 14, finding 1): the sample's staff overestimate Tangibles (+0.25,
    Holm p 0.002) as clearly as they underestimate the rest; both are knowledge gaps, marked
    in the web page and the workbook alike, the legend naming both sides."""
    from openpyxl import Workbook

    from servqual_cli.report.excel import HEADER_ROW, write_table
    from servqual_cli.report.html import render_html
    from servqual_cli.report.spec import Section

    table = _table(doc_en, "Knowledge gap by dimension")
    diff, holm = table.frame["Difference"], table.frame["p (Holm, 5 dimensions)"]
    flags = table.below["Difference"]
    assert flags == tuple((diff != 0) & (holm < 0.05))
    assert [d > 0 for d, f in zip(diff, flags, strict=True) if f] == [True, False, False,
                                                                      False, False]  # fmt: skip
    assert table.legend is not None and table.legend.startswith(
        "Marked: staff underestimate (Difference below 0) or overestimate (Difference above 0)"
    )
    page = render_html(Document("R", (Section("S", (table,)),)))
    assert page.count('class="num neg"') == sum(flags) == 5
    assert page.count("(knowledge gap by the test)") == 5
    ws = Workbook().active
    write_table(ws, table, "en")
    col = list(table.frame.columns).index("Difference") + 1
    filled = [ws.cell(row=HEADER_ROW + 1 + i, column=col).fill.fgColor.rgb.endswith("B34700")
              for i in range(len(table.frame))]  # fmt: skip
    assert tuple(filled) == flags
    lead = next(b for s in doc_en.sections for b in s.blocks
                if isinstance(b, Text) and b.text.startswith("The staff's picture"))  # fmt: skip
    assert lead.text.endswith(
        "A negative value means the staff underestimate the expectations, a positive one that "
        "they overestimate them. Both directions are knowledge gaps when the difference is "
        "clear; a difference that may be chance does not count."
    )
    assert "Holm" not in lead.text and "test" not in lead.text  # a lead names no test


def test_the_importance_section_equals_the_command(cli, doc_en: Document) -> None:
    r = cli("gap", SURVEY, "--overall", "Helhetsbetyg", "-f", "json")
    assert r.exit_code == 0, r.stderr
    imp = json.loads(r.stdout)["importance"]
    frame = _table(doc_en, "OLS: Helhetsbetyg").frame
    keys = ["b", "se", "ci_low", "ci_high", "p", "beta", "r_overall", "vif", "relative_weight",
            "relative_share"]  # fmt: skip
    expected = np.array([[row[k] for k in keys] for row in imp["coefficients"]], dtype=float)
    got = frame.select_dtypes("number").to_numpy(dtype=float)
    np.testing.assert_allclose(got, expected, rtol=1e-12)
    notes = [b.text.replace("\xa0", " ") for s in doc_en.sections for b in s.blocks
             if isinstance(b, Text)]  # fmt: skip
    assert any(f"n = {imp['n']}" in t and "F(5, 307)" in t for t in notes)


def test_the_method_names_the_rules(doc_en: Document) -> None:
    method = " ".join(b.text for s in doc_en.sections for b in s.blocks if isinstance(b, Text))
    method = method.replace("\xa0", " ")  # the typesetter's no-break spaces
    assert "Welch t-test (Mann-Whitney beside it)" in method
    assert "Holm-adjusted across the dimensions" in method
    assert "Johnson's (2000) relative weights" in method
    assert "VIF above 5" in method
    # the works the two sections rest on are in the note on how to cite the report
    assert "Johnson (2000), Multivariate Behavioral Research 35(1), 1–19" in method
    assert "Parasuraman, Zeithaml & Berry (1985), Journal of Marketing 49(4), 41–50" in method


def test_the_collinearity_warning_reaches_the_report(tmp_path: Path) -> None:
    """tests/data/importance_collinear.csv (review 13, finding 1): the warning of gap --overall
    is the section's too."""
    path = tmp_path / "r.toml"
    data, instrument = (DATA / f"importance_collinear.{x}" for x in ("csv", "toml"))
    path.write_text(
        f'sections = ["importance"]\n[survey]\nfile = "{data.as_posix()}"\n'
        f'instrument = "{instrument.as_posix()}"\noverall = "Helhet"\n',
        encoding="utf-8",
    )
    doc = build_report(load_config(path))
    warnings = [b.text for s in doc.sections for b in s.blocks
                if isinstance(b, Text) and b.kind == "warning"]  # fmt: skip
    assert any("strongly correlated" in w for w in warnings), warnings


def test_the_report_writes_both_sections_in_every_format(cli, tmp_path: Path) -> None:
    out = tmp_path / "out"
    r = cli("report", CONFIG, "-o", out)
    assert r.exit_code == 0, r.stderr
    md = (out / "report.md").read_text(encoding="utf-8")
    assert "## Kunskapsgapet (personal och medborgare)" in md
    assert "86 svarande i karlstad_personal.xlsx" in md
    assert "## Härledd vikt" in md and "OLS: Helhetsbetyg ~ gap (P−E)" in md
    html = (out / "report.html").read_text(encoding="utf-8")
    assert "Kunskapsgapet per dimension" in html and "OLS: Helhetsbetyg" in html
    from openpyxl import load_workbook

    sheets = load_workbook(out / "report.xlsx", read_only=True).sheetnames
    assert "Kunskapsgap" in sheets and "Vikt" in sheets, sheets
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    roles = {f["role"]: f for f in manifest["inputs"]}
    assert len(roles["knowledge_gap"]["sha256"]) == 64
    s = manifest["settings"]
    assert s["survey.overall"] == {"value": "Helhetsbetyg", "default": False}
    assert s["survey.importance_on"] == {"value": "gap", "default": True}  # session 17
    assert s["knowledge_gap.staff_sheet"] == {"value": None, "default": True}


def _config(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "report.toml"
    path.write_text(text.replace("SAMPLES", SAMPLES.as_posix()), encoding="utf-8")
    return path


SURVEY_TABLE = '[survey]\nfile = "SAMPLES/karlstad_servqual_2025.xlsx"\n'


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (SURVEY_TABLE + '[knowledge_gap]\nstaff_file = "nowhere.xlsx"\n',
         "key 'knowledge_gap.staff_file': file 'nowhere.xlsx' not found"),
        (SURVEY_TABLE + '[knowledge_gap]\nstaff_sheet = "Personal"\n',
         "key 'knowledge_gap.staff_file' is required in [knowledge_gap]"),
        (SURVEY_TABLE + '[knowledge_gap]\nstaff_file = "SAMPLES/karlstad_personal.xlsx"\n'
         'file = "x.xlsx"\n', "unknown key 'knowledge_gap.file'"),
        ('[knowledge_gap]\nstaff_file = "SAMPLES/karlstad_personal.xlsx"\n',
         "[knowledge_gap] needs a [survey] table"),
        (SURVEY_TABLE + 'overall = 3\n', "key 'survey.overall' must be a string"),
    ],
)  # fmt: skip
def test_the_keys_are_checked(cli, tmp_path: Path, text: str, message: str) -> None:
    r = cli("report", _config(tmp_path, text), "-o", tmp_path / "out")
    assert r.exit_code == 2, r.stderr
    assert message in r.stderr and r.stderr.count("\n") == 1
    assert "report.toml" in r.stderr and not (tmp_path / "out").exists()


def test_the_survey_sheet_as_the_staffs_is_refused(cli, tmp_path: Path) -> None:
    text = SURVEY_TABLE + '[knowledge_gap]\nstaff_file = "SAMPLES/karlstad_servqual_2025.xlsx"\n'
    r = cli("report", _config(tmp_path, text), "-o", tmp_path / "out", "--lang", "sv")
    assert r.exit_code == 2, r.stderr
    assert "är [survey]-filen och -bladet; ange personalens blad i" in r.stderr


def test_an_overall_column_not_in_the_file_is_named(cli, tmp_path: Path) -> None:
    text = SURVEY_TABLE + 'overall = "Helhet"\n'
    r = cli("report", _config(tmp_path, text), "-o", tmp_path / "out")
    assert r.exit_code == 2, r.stderr
    assert "[survey] overall column 'Helhet' is not in the file" in r.stderr
    assert "Traceback" not in r.stderr


def test_a_weighted_report_says_which_sections_are_unweighted(cli, tmp_path: Path) -> None:
    path = _config(tmp_path, SURVEY_TABLE + 'weight_column = "Vikt"\noverall = "Helhetsbetyg"\n'
                   '[knowledge_gap]\nstaff_file = "SAMPLES/karlstad_personal.xlsx"\n')  # fmt: skip
    doc = build_report(load_config(path))
    t = _table(doc, "Knowledge gap by dimension")
    assert t.title.endswith("unweighted (the sample)") and "not weighted by Vikt" in t.note
    # session 17: derived importance is weighted as gap --overall --weight-column, and says so
    t = _table(doc, "WLS: Helhetsbetyg")
    assert t.title.endswith("weighted by Vikt") and "unweighted" not in t.title
    # the note names the rule, but not gap's "-f json" (a report's reader has none)
    section = next(s for s in doc.sections if t in s.blocks)
    note = " ".join(b.text for b in section.blocks if isinstance(b, Text) and b.kind == "note")
    assert "Weighted by Vikt: b by weighted least squares (WLS)" in " ".join(note.split())
    assert "-f json" not in note
    r = cli("gap", SURVEY, "--overall", "Helhetsbetyg", "--weight-column", "Vikt", "-f", "json")
    imp = json.loads(r.stdout)["importance"]
    assert imp["weight_column"] == "Vikt"
    want = np.array([row["b"] for row in imp["coefficients"]], dtype=float)
    np.testing.assert_allclose(t.frame.select_dtypes("number").iloc[:, 0], want, rtol=1e-12)
    # the method's rule lists the knowledge gap among the parts with no weighted form, and the
    # importance method names its weighting
    method = " ".join(b.text for s in doc.sections for b in s.blocks if isinstance(b, Text))
    method = " ".join(method.split())
    assert "the knowledge gap and the reliability have no weighted" in method
    assert "derived importance" not in method.split("One rule for the titles")[1][:600]
    assert "Weighted by Vikt: weighted least squares with design-based standard errors" in method
    assert "Derived importance: WLS of 'Helhetsbetyg'" in method


def test_importance_on_perception_and_the_apa_lines_equal_the_command(cli, tmp_path: Path) -> None:
    """Session 17: the report had no ``importance_on`` (gap --importance-on perception) and no
    APA lines for the regression; both now as the command prints them."""
    text = SURVEY_TABLE + 'overall = "Helhetsbetyg"\nimportance_on = "perception"\n'
    doc = build_report(replace(load_config(_config(tmp_path, text)), language="en"))
    r = cli("gap", SURVEY, "--overall", "Helhetsbetyg", "--importance-on", "perception", "-f",
            "json")  # fmt: skip
    imp = json.loads(r.stdout)["importance"]
    assert imp["predictors"] == "perception"
    frame = _table(doc, "OLS: Helhetsbetyg ~ Perception (P)").frame
    want = np.array([row["b"] for row in imp["coefficients"]], dtype=float)
    np.testing.assert_allclose(frame.select_dtypes("number").iloc[:, 0], want, rtol=1e-12)
    apa = [b.text.replace("\xa0", " ") for s in doc.sections for b in s.blocks
           if isinstance(b, Text) and b.kind == "apa"]  # fmt: skip
    head = f"Helhetsbetyg on the dimension perceptions (OLS, n = {imp['n']}): R² = "
    assert any(line.startswith(head) for line in apa), apa
    method = " ".join(b.text for s in doc.sections for b in s.blocks if isinstance(b, Text))
    method = " ".join(method.replace("\xa0", " ").split())
    assert "on the respondents' perceptions by dimension (P;" in method
    # the sheet's default is the gaps, as the command's
    assert load_config(CONFIG).survey.importance_on == "gap"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (SURVEY_TABLE + 'importance_on = "perception"\n',
         "key 'survey.importance_on' needs 'survey.overall' (the column to explain)"),
        (SURVEY_TABLE + 'overall = "Helhetsbetyg"\nimportance_on = "P"\n',
         "key 'survey.importance_on' must be one of gap, perception, not 'P'"),
    ],
)  # fmt: skip
def test_importance_on_is_checked(cli, tmp_path: Path, text: str, message: str) -> None:
    r = cli("report", _config(tmp_path, text), "-o", tmp_path / "out")
    assert r.exit_code == 2, r.stderr
    assert message in r.stderr and r.stderr.count("\n") == 1
