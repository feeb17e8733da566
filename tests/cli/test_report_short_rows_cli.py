"""`servqual report` warns of a CSV cut off mid-row as every command does (review 6, finding 10;
left out of the report by session 9): the line names the file and row, in the summary beside
the exclusions, from the reader's own record (``RawTable.short_rows``).

``kiosk_cut.csv`` is ``kiosk.csv`` with its last row cut after 8 of 14 fields and no final
newline; ``contacts_2020_cut.csv`` is ``contacts_2020.csv`` cut after 4 of 9 fields.
"""

from __future__ import annotations

from pathlib import Path

import pytest

WARNING = {
    "en": "kiosk_cut.csv: row 31 has 8 fields, the header 14; is the file cut short? Its 6 "
    "missing cells are read as blank.",
    "sv": "kiosk_cut.csv: rad 31 har 8 fält, rubrikraden 14; är filen avkapad? Radens 6 saknade "
    "celler läses som tomma.",
}
SUMMARY = {"en": "## Summary", "sv": "## Sammanfattning"}


def _section(md: str, heading: str) -> str:
    start = md.index(heading + "\n")
    end = md.find("\n## ", start + len(heading))
    return md[start : end if end >= 0 else len(md)]


@pytest.mark.parametrize("lang", ["en", "sv"])
def test_the_summary_warns_of_a_survey_cut_short(
    cli, data_dir: Path, tmp_path: Path, lang: str
) -> None:
    out = tmp_path / "out"
    r = cli("report", data_dir / "kiosk_cut.csv", "--instrument", data_dir / "kiosk.toml",
            "--lang", lang, "-o", out)  # fmt: skip
    assert r.exit_code == 0, r.stderr
    md = (out / "report.md").read_text(encoding="utf-8")
    summary = _section(md, SUMMARY[lang])
    flat = " ".join(summary.split())
    assert WARNING[lang] in flat
    # right after the line with n and the exclusions, as a warning
    intro = "30 respondents in kiosk_cut.csv" if lang == "en" else "30 svarande i kiosk_cut.csv"
    assert flat.index(intro) < flat.index(WARNING[lang])
    assert md.count(WARNING[lang].split(";")[0]) == 1  # once, in the summary
    page = " ".join((out / "report.html").read_text(encoding="utf-8").split())
    assert WARNING[lang].split(";")[0] in page


def test_a_whole_file_gives_no_such_line(cli, data_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    r = cli("report", data_dir / "kiosk.csv", "--instrument", data_dir / "kiosk.toml", "-o", out)
    assert r.exit_code == 0, r.stderr
    md = (out / "report.md").read_text(encoding="utf-8")
    assert "fields, the header" not in md and "cut short" not in md


def test_a_contact_file_cut_short_is_named_in_the_summary(
    cli, data_dir: Path, tmp_path: Path
) -> None:
    config = tmp_path / "report.toml"
    config.write_text(
        'language = "sv"\n[contacts]\nmunicipality = "Lekeberg"\n[contacts.years]\n'
        f'2019 = "{(data_dir / "contacts_2019.csv").as_posix()}"\n'
        f'2020 = "{(data_dir / "contacts_2020_cut.csv").as_posix()}"\n',
        encoding="utf-8",
    )
    out = tmp_path / "out"
    r = cli("report", config, "-o", out)
    assert r.exit_code == 0, r.stderr
    summary = " ".join(
        _section((out / "report.md").read_text("utf-8"), "## Sammanfattning").split()
    )
    assert "contacts_2020_cut.csv: rad 21 har 4 fält, rubrikraden 9; är filen avkapad?" in summary
    assert "contacts_2019.csv: rad" not in summary


def test_a_tolerance_file_cut_short_is_named_in_the_summary(
    cli, data_dir: Path, tmp_path: Path
) -> None:
    """``tolerance_cut.csv``: ``tolerance_six_point.csv`` with its last row cut after 40 of 69
    fields."""
    config = tmp_path / "report.toml"
    config.write_text(
        'sections = ["summary", "tolerance", "method"]\n[tolerance]\n'
        f'file = "{(data_dir / "tolerance_cut.csv").as_posix()}"\n',
        encoding="utf-8",
    )
    out = tmp_path / "out"
    r = cli("report", config, "-o", out)
    assert r.exit_code == 0, r.stderr
    summary = " ".join(_section((out / "report.md").read_text("utf-8"), "## Summary").split())
    assert "tolerance_cut.csv: row 31 has 40 fields, the header 69; is the file cut short?" in (
        summary
    )


def test_a_feedback_register_cut_short_is_named_in_the_summary(
    cli, data_dir: Path, tmp_path: Path
) -> None:
    """``feedback_cut.csv``: ``feedback_en.csv`` with its last row cut after 5 of 9 fields."""
    config = tmp_path / "report.toml"
    config.write_text(
        f'[service]\nfeedback = "{(data_dir / "feedback_cut.csv").as_posix()}"\n',
        encoding="utf-8",
    )
    out = tmp_path / "out"
    r = cli("report", config, "-o", out)
    assert r.exit_code == 0, r.stderr
    summary = " ".join(_section((out / "report.md").read_text("utf-8"), "## Summary").split())
    assert summary.count("feedback_cut.csv: row") == 1
    assert "has 5 fields, the header 9; is the file cut short?" in summary
