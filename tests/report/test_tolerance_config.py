"""The report's ``tolerance`` section can be fed from the config (review 6, finding 7): a
``[tolerance]`` table names a file with A, D and P columns, and a survey without them is an error
that names the section and what it needs."""

from __future__ import annotations

from pathlib import Path

import pytest

from servqual_cli.errors import ConfigError
from servqual_cli.report.config import load_config

SAMPLES = Path(__file__).parent.parent.parent / "data" / "samples"


def _config(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "report.toml"
    path.write_text(text.replace("SAMPLES", SAMPLES.as_posix()), encoding="utf-8")
    return path


def test_a_survey_without_adequate_and_desired_names_the_section(cli, tmp_path: Path) -> None:
    path = _config(tmp_path, 'sections = ["summary", "servqual", "tolerance"]\n[survey]\n'
                             'file = "SAMPLES/karlstad_servqual.xlsx"\n')  # fmt: skip
    r = cli("report", path, "-o", tmp_path / "out")
    assert r.exit_code == 2
    assert r.stderr.count("\n") == 1 and "Traceback" not in r.stderr
    assert "section 'tolerance' needs adequate, desired and perceived columns" in r.stderr
    assert "karlstad_servqual.xlsx has no adequate (A1 …) or desired (D1 …) columns" in r.stderr
    assert "[tolerance] file" in r.stderr
    assert not (tmp_path / "out").exists()


def test_a_tolerance_file_feeds_the_section(cli, tmp_path: Path) -> None:
    path = _config(tmp_path, 'language = "sv"\nsections = ["summary", "tolerance", "method"]\n'
                             '[tolerance]\nfile = "SAMPLES/karlstad_tolerans.xlsx"\n')  # fmt: skip
    r = cli("report", path, "-o", tmp_path / "out")
    assert r.exit_code == 0, r.stderr
    md = (tmp_path / "out" / "report.md").read_text(encoding="utf-8")
    assert "## Toleranszon per dimension" in md
    assert (tmp_path / "out" / "figures" / "tolerance_zone.png").is_file()
    manifest = (tmp_path / "out" / "manifest.json").read_text(encoding="utf-8")
    assert '"role": "tolerance"' in manifest  # the file is recorded with its checksum


def test_the_section_without_either_input_names_both(cli, tmp_path: Path) -> None:
    path = _config(tmp_path, 'sections = ["tolerance"]\n[contacts.years]\n'
                             '2019 = "SAMPLES/servicematning_2019.xlsx"\n')  # fmt: skip
    r = cli("report", path, "-o", tmp_path / "out")
    assert r.exit_code == 2
    assert "section 'tolerance' needs 'survey' or 'tolerance' in the config" in r.stderr


@pytest.mark.parametrize(
    ("table", "message"),
    [
        ('[tolerance]\nsheet = "Enkät"\n', "key 'tolerance.file' is required in [tolerance]"),
        ('[tolerance]\nfile = "SAMPLES/karlstad_tolerans.xlsx"\nby = "Kön"\n',
         "unknown key 'tolerance.by'"),
        ('[tolerance]\nfile = "nowhere.xlsx"\n', "key 'tolerance.file': file 'nowhere.xlsx'"),
        ('[tolerance]\nfile = "SAMPLES/karlstad_tolerans.xlsx"\nheader_row = 0\n',
         "key 'tolerance.header_row' must be 1 or more"),
    ],
)  # fmt: skip
def test_tolerance_keys_are_checked(tmp_path: Path, table: str, message: str) -> None:
    with pytest.raises(ConfigError, match=message.replace("[", r"\[").replace("]", r"\]")):
        load_config(_config(tmp_path, table))


def test_the_config_records_the_file_among_its_inputs(tmp_path: Path) -> None:
    config = load_config(_config(tmp_path, '[tolerance]\nfile = "SAMPLES/karlstad_tolerans.xlsx"\n'
                                           'sheet = 1\n'))  # fmt: skip
    assert config.tolerance is not None and config.tolerance.sheet == "1"
    assert [f.role for f in config.inputs()] == ["config", "tolerance"]


@pytest.mark.parametrize("name", ["survey", "tolerance"])
@pytest.mark.parametrize(
    ("keys", "message"),
    [
        ('sheet = "Enkät"\n', "key '{t}.file' is required in [{t}]"),
        ('file = "nowhere.xlsx"\n', "key '{t}.file': file 'nowhere.xlsx' not found"),
        ('file = "SAMPLES/karlstad_tolerans.xlsx"\nheader_row = 0\n',
         "key '{t}.header_row' must be 1 or more"),
        ('file = "SAMPLES/karlstad_tolerans.xlsx"\ninstrument = "mine.toml"\n',
         "key '{t}.instrument': file 'mine.toml' not found"),
    ],
)  # fmt: skip
def test_survey_and_tolerance_check_their_shared_keys_alike(
    tmp_path: Path, name: str, keys: str, message: str
) -> None:
    """[survey] and [tolerance] read a file the same way (one helper, D3): the same checks,
    each error naming its own table's key."""
    want = message.format(t=name).replace("[", r"\[").replace("]", r"\]")
    with pytest.raises(ConfigError, match=want):
        load_config(_config(tmp_path, f"[{name}]\n{keys}"))


def test_survey_and_tolerance_read_the_shared_keys_alike(tmp_path: Path) -> None:
    keys = ('file = "SAMPLES/karlstad_tolerans.xlsx"\ninstrument = "pzb1988"\nsheet = 2\n'
            'encoding = "cp1252"\nheader_row = 3\nstrict = true\n')  # fmt: skip
    config = load_config(_config(tmp_path, f"[survey]\n{keys}[tolerance]\n{keys}"))
    assert config.survey is not None and config.tolerance is not None
    for key in ("instrument", "instrument_file", "sheet", "encoding", "header_row", "strict"):
        assert getattr(config.survey, key) == getattr(config.tolerance, key), key
    assert (config.survey.sheet, config.survey.header_row, config.survey.strict) == ("2", 3, True)
    assert config.survey.file.path == config.tolerance.file.path
    assert (config.survey.file.role, config.tolerance.file.role) == ("survey", "tolerance")
