"""Report configs: every key checked, unknown keys named, paths relative to the config file."""

from __future__ import annotations

from pathlib import Path

import pytest

from servqual_cli.errors import ConfigError
from servqual_cli.report.build import SECTIONS, SectionEntry, section_names
from servqual_cli.report.config import load_config, survey_config, with_overrides

from .conftest import CONFIG, SAMPLES


def write(tmp_path: Path, text: str, name: str = "r.toml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def survey_copy(tmp_path: Path) -> Path:
    """A config folder with the kiosk survey beside it."""
    data = Path(__file__).parents[1] / "data"
    (tmp_path / "kiosk.csv").write_bytes((data / "kiosk.csv").read_bytes())
    (tmp_path / "kiosk.toml").write_bytes((data / "kiosk.toml").read_bytes())
    return tmp_path


def test_sample_config() -> None:
    cfg = load_config(CONFIG)
    assert cfg.language == "sv" and cfg.period == "2024"
    assert cfg.survey is not None and cfg.survey.by == "Tjänst"
    assert cfg.survey.file.path == (SAMPLES / "karlstad_servqual.xlsx").resolve()
    assert cfg.survey.file.given == "karlstad_servqual.xlsx"
    assert [f.role for f in cfg.inputs()] == ["config", "survey"]
    assert section_names(cfg) == ["summary", "servqual", "groups", "reliability", "method"]


def test_paths_are_relative_to_the_config(survey_copy: Path, monkeypatch) -> None:
    sub = survey_copy / "configs"
    sub.mkdir()
    path = write(sub, '[survey]\nfile = "../kiosk.csv"\ninstrument = "../kiosk.toml"\n')
    monkeypatch.chdir(Path(__file__).parent)  # not the config's folder
    cfg = load_config(path)
    assert cfg.survey is not None and cfg.survey.file.path == survey_copy / "kiosk.csv"
    assert cfg.survey.instrument == str(survey_copy / "kiosk.toml")
    assert [f.role for f in cfg.inputs()] == ["config", "survey", "instrument"]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('titel = "x"\n[survey]\nfile = "kiosk.csv"', "unknown key 'titel'"),
        ('[survey]\nfile = "kiosk.csv"\nfiel = 1', "unknown key 'survey.fiel'"),
        (
            '[survey]\nfile = "kiosk.csv"\nheader_row = "3"',
            "'survey.header_row' must be an integer",
        ),
        ('[survey]\nfile = "kiosk.csv"\nstrict = 1', "'survey.strict' must be true or false"),
        ('language = "de"\n[survey]\nfile = "kiosk.csv"', "'language' must be one of sv, en"),
        ('[survey]\nfile = "kiosk.csv"\nipa_crosshair = "x"', "one of mean, midpoint"),
        ('[survey]\nfile = "kiosk.csv"\nconf = 2', "between 0.5 and 0.999"),
        ('[survey]\nfile = "nope.xlsx"', "'survey.file': file 'nope.xlsx' not found"),
        ("[survey]\nsheet = 1", "'survey.file' is required"),
        ('title = "x"', "names no input"),
        ("[contacts]\nyears = {}", "'contacts.years' is required"),
        ('[contacts.years]\n2019 = "kiosk.csv"\n[contacts.foo]', "unknown key 'contacts.foo'"),
        ("[service]\npromise = '14 days'", "needs 'kpi'"),
        ('sections = []\n[survey]\nfile = "kiosk.csv"', "non-empty list"),
        ("title = ", "not valid TOML"),
        ('min_n = 0\n[survey]\nfile = "kiosk.csv"', "'min_n' must be 1 or more"),
        ('min_n = 2.5\n[survey]\nfile = "kiosk.csv"', "'min_n' must be an integer"),
        ('date = "soon"\n[survey]\nfile = "kiosk.csv"', "'date' must be a date"),
        ('date = 2025-02-15T10:00:00\n[survey]\nfile = "kiosk.csv"', "'date' must be a date"),
    ],
)
def test_bad_configs_name_the_key(survey_copy: Path, text: str, message: str) -> None:
    with pytest.raises(ConfigError, match=message.replace("(", r"\(")) as err:
        load_config(write(survey_copy, text))
    assert str(err.value).startswith(str(survey_copy / "r.toml"))  # the message names the file


def test_sections_are_checked(survey_copy: Path) -> None:
    cfg = load_config(
        write(survey_copy, 'sections = ["servqual", "nope"]\n[survey]\nfile = "kiosk.csv"')
    )
    with pytest.raises(ConfigError, match="unknown section 'nope'"):
        section_names(cfg)
    cfg = load_config(write(survey_copy, 'sections = ["groups"]\n[survey]\nfile = "kiosk.csv"'))
    with pytest.raises(ConfigError, match="section 'groups' needs 'survey.by'"):
        section_names(cfg)
    # without `sections`, a section whose input is missing is simply left out
    cfg = load_config(write(survey_copy, '[survey]\nfile = "kiosk.csv"'))
    assert "groups" not in section_names(cfg)


def test_registry_entry_for_a_module_not_yet_written(survey_copy: Path, monkeypatch) -> None:
    monkeypatch.setitem(
        SECTIONS, "future", SectionEntry("servqual_cli.report.nope:part", ("survey",))
    )
    cfg = load_config(write(survey_copy, '[survey]\nfile = "kiosk.csv"'))
    assert "future" not in section_names(cfg)  # default: skipped silently
    cfg = load_config(write(survey_copy, 'sections = ["future"]\n[survey]\nfile = "kiosk.csv"'))
    with pytest.raises(ConfigError, match="not available"):
        section_names(cfg)


def test_contacts_and_service_tables(survey_copy: Path) -> None:
    text = (
        '[contacts]\nbenchmark = "kiosk.csv"\nmunicipality = "Lekeberg"\n'
        '[contacts.years]\n2020 = "kiosk.csv"\n2019 = "kiosk.toml"\n'
        '[service]\nkpi = "kiosk.toml"\npromise = "14 days"\nas_of = 2024-12-31\n'
    )
    cfg = load_config(write(survey_copy, text))
    assert cfg.contacts is not None and [y for y, _ in cfg.contacts.years] == ["2019", "2020"]
    assert cfg.service is not None and cfg.service.kpi is not None
    assert cfg.service.as_of == "2024-12-31"  # a TOML date is accepted and kept as ISO text
    text = '[service]\nkpi = "kiosk.toml"\nas_of = 20241231\n'
    with pytest.raises(ConfigError, match="'service.as_of' must be a string or a date"):
        load_config(write(survey_copy, text))


def test_overrides_and_short_form(survey_copy: Path, monkeypatch) -> None:
    cfg = load_config(write(survey_copy, '[survey]\nfile = "kiosk.csv"\ninstrument = "kiosk.toml"'))
    over = with_overrides(cfg, "sv", by="Enhet", strict=True, sheet=None)
    assert over.language == "sv" and over.survey is not None and over.survey.by == "Enhet"
    assert over.survey.strict and over.raw["survey"]["by"] == "Enhet"
    monkeypatch.chdir(survey_copy)
    short = survey_config("kiosk.csv", instrument="kiosk.toml", by="Enhet", lang="sv")
    assert short.survey is not None and short.survey.instrument_file is not None
    assert short.raw == {
        "language": "sv",
        "survey": {"file": "kiosk.csv", "instrument": "kiosk.toml", "by": "Enhet"},
    }
    no_survey = load_config(write(survey_copy, '[service]\nkpi = "kiosk.toml"'))
    with pytest.raises(ConfigError, match="--by given, but the config has no"):
        with_overrides(no_survey, None, by="x")


def test_a_contacts_year_must_be_a_year(tmp_path: Path) -> None:
    data = Path(__file__).parents[2] / "data" / "samples" / "servicematning_2020.xlsx"
    cfg = tmp_path / "r.toml"
    cfg.write_text(f'[contacts.years]\ntwenty = "{data.as_posix()}"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match="contacts.years.twenty' must be a year"):
        load_config(cfg)


def test_min_n_and_the_report_date(survey_copy: Path) -> None:
    import datetime as dt

    from servqual_cli.report.build_meta import report_date
    from servqual_cli.report.config import MIN_N

    cfg = survey_copy / "dated.toml"
    cfg.write_text('min_n = 10\ndate = 2025-02-15\n[survey]\nfile = "kiosk.csv"', "utf-8")
    config = load_config(cfg)
    assert config.min_n == 10 and config.date == dt.date(2025, 2, 15)
    assert report_date(config) == dt.date(2025, 2, 15)
    cfg.write_text('date = "2025-03-01"\n[survey]\nfile = "kiosk.csv"', "utf-8")
    assert load_config(cfg).date == dt.date(2025, 3, 1) and load_config(cfg).min_n == MIN_N


def test_report_date_falls_back_to_source_date_epoch(survey_copy: Path, monkeypatch) -> None:
    import datetime as dt

    from servqual_cli.report.build_meta import report_date

    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")  # 2023-11-14 UTC
    cfg = survey_copy / "undated.toml"
    cfg.write_text('[survey]\nfile = "kiosk.csv"', "utf-8")
    assert report_date(load_config(cfg)) == dt.date(2023, 11, 14)
