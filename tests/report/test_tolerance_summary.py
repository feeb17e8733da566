"""Review 17, finding 8 ("also"): an inverted zone of tolerance (D < A, most likely swapped or
already-reversed A and D columns) was warned of only inside the tolerance section; the summary
said nothing, so its reader took every dimension as judged. The summary now carries one
warning naming the items, the likeliest cause and the dimensions without a verdict.

tests/data/r15_tolerans.csv stores A and D of the reversed items 4 and 11 unreversed (review
15, finding 3; r15_report.toml), so their zones are inverted and their dimensions Tillgång
and Information get no verdict. Fails on the old code (no such line in the summary).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from servqual_cli.report.build import build_report, load_survey
from servqual_cli.report.config import load_config
from servqual_cli.report.spec import Text

DATA = Path(__file__).resolve().parents[1] / "data"
EXPECTED = {
    "sv": "Toleranszonen: påståendena 4 och 11 har omvänd zon (D under A), kanske är A och D för "
    "de omvända påståendena redan omvända i filen; dimensionerna Tillgång och Information får "
    "därför ingen bedömning (se avsnittet Toleranszon per dimension).",
    "en": "Zone of tolerance: items 4 and 11 have inverted zones (D below A), perhaps A and D of "
    "the negatively worded items are already reversed in the file; dimensions Access and "
    "Information therefore get no verdict (see the section Zone of tolerance by dimension).",
}


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_summary_warns_of_an_inverted_zone(tmp_path: Path, lang: str) -> None:
    config = tmp_path / "tol.toml"
    config.write_text(
        f'title = "T"\nlanguage = "{lang}"\nsections = ["summary", "tolerance"]\n'
        f'[tolerance]\nfile = "{(DATA / "r15_tolerans.csv").as_posix()}"\n'
        f'instrument = "{(DATA / "r15_kommun.toml").as_posix()}"\n',
        encoding="utf-8",
    )
    c = load_config(config)
    doc = build_report(c, load_survey(c))
    summary = doc.sections[0]
    warnings = [b.text for b in summary.blocks if isinstance(b, Text) and b.kind == "warning"]
    assert EXPECTED[lang] in warnings
