"""Session 18 (a-count, item 2): the report takes ``missing_codes`` in ``[survey]``, meaning
what ``gap --missing-codes`` means: no answer too, with the instrument's own ``missing`` (their
union), each code's cells counted and the rule named beside them and in the method.

tests/data/a_count_codes.csv: r15_no_answer.csv with 88 in E1 and P3 of rows 10-12 (the
instrument, r15_kommun.toml, declares "Vet ej" and 99 only); a_count_codes.toml reports on it
with ``missing_codes = [88]``. Before, the key was refused ("unknown key") and the 88s could
only be read as out-of-range answers.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

DATA = Path(__file__).parents[1] / "data"
FILE, TOML, CONFIG = (
    DATA / "a_count_codes.csv",
    DATA / "r15_kommun.toml",
    DATA / "a_count_codes.toml",
)

RULE = {
    "sv": "88 räknas som saknat svar (survey.missing_codes), liksom instrumentets egna koder "
    "(”Vet ej” och 99, missing i instrumentfilen): båda listorna gäller.",
    "en": "88 counted as no answer (survey.missing_codes), as are the instrument's own codes "
    "(“Vet ej” and 99, missing in the instrument file): both lists apply.",
}
CELLS = {"sv": "svarskod för saknat svar 6 (”88” 6)", "en": "missing code 6 (“88” 6)"}


def _text(s: str) -> str:
    return " ".join(s.split())


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_the_report_reads_the_codes_as_gap_does(cli, tmp_path: Path, lang: str) -> None:
    out = tmp_path / "out"
    r = cli("report", CONFIG, "-o", out, "--lang", lang)
    assert r.exit_code == 0, r.stderr
    md = _text((out / "report.md").read_text("utf-8"))
    assert CELLS[lang] in md and RULE[lang] in md  # counted and named beside the count
    # the method names the config's codes too (the instrument's clause is just before it)
    method = md[md.index("Tomma celler" if lang == "sv" else "Blank cells") :]
    assert "(survey.missing_codes)" in method
    gap = _text(cli("gap", FILE, "-i", TOML, "--missing-codes", "88", "--lang", lang).stdout)
    assert CELLS[lang].split(" (")[0] + " (" in gap  # the same cells as gap's (it adds columns)
    n_gap = re.search(r"(?:Svarande|Respondents): (\d+)\.", gap)
    n_report = re.search(r"(?:bygger på|based on) (\d+) (?:svarande|respondents)", md)
    assert n_gap is not None and n_report is not None and n_gap.group(1) == n_report.group(1)
    manifest = json.loads((out / "manifest.json").read_text("utf-8"))
    assert manifest["settings"]["survey.missing_codes"] == {"value": ["88"], "default": False}


@pytest.mark.parametrize("value", ["[]", '[""]', "[true]"])
def test_a_bad_list_is_refused_naming_the_key(cli, tmp_path: Path, value: str) -> None:
    config = tmp_path / "c.toml"
    config.write_text(
        f'[survey]\nfile = "{FILE.as_posix()}"\ninstrument = "{TOML.as_posix()}"\n'
        f"missing_codes = {value}\n",
        "utf-8",
    )
    r = cli("report", config, "-o", tmp_path / "out")
    assert r.exit_code in (1, 2)
    assert "'survey.missing_codes' must be a list of codes" in r.stderr
    assert "Traceback" not in r.stderr
