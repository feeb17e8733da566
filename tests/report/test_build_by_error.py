"""report/build: a config's ``survey.by`` missing from the survey names the key, built from the
error's facts (k-kpi leftover 5). It was made by editing the ``--by`` message's text, which
edited a column name holding the words "not in the file" instead of the sentence."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from servqual_cli.errors import UsageError
from servqual_cli.io.survey import ByColumnError, load_survey_file


def _config(tmp_path: Path, data_dir: Path, by: str) -> Path:
    survey = (data_dir / "duplicates" / "with_id.csv").as_posix()
    config = tmp_path / "bad_report.toml"
    config.write_text(f'title = "T"\n[survey]\nfile = "{survey}"\nby = {json.dumps(by)}\n',
                      "utf-8")  # fmt: skip
    return config


@pytest.mark.parametrize(
    ("by", "near"),
    [
        ("Tjanst", "closest: Tjänst"),
        ("x not in the file", "it has: Respondent, Tjänst, Kön, E1, E2, E3, E4, E5, E6, E7, E8, "
                              "E9 ..."),
    ],
)  # fmt: skip
def test_survey_by_message_names_the_key_and_the_column_as_given(
    cli, data_dir: Path, tmp_path: Path, by: str, near: str
) -> None:
    config = _config(tmp_path, data_dir, by)
    r = cli("report", config, "-o", tmp_path / "out")
    assert r.exit_code == 2 and "Traceback" not in r.stderr
    assert r.stderr.strip() == (
        f"servqual: error: {config}: survey.by: column {by!r} is not in with_id.csv ({near})"
    )


def test_the_option_keeps_its_own_words(data_dir: Path) -> None:
    path = str(data_dir / "duplicates" / "with_id.csv")
    with pytest.raises(ByColumnError) as info:
        load_survey_file(path, None, by="x not in the file")
    exc = info.value
    assert isinstance(exc, UsageError) and exc.exit_code == 2
    assert exc.message.startswith("--by column 'x not in the file' is not in the file (it has:")
    assert (exc.column, exc.near.split(":")[0]) == ("x not in the file", "it has")
