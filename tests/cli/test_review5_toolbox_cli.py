"""Review 5 on the research toolbox: knowledge-gap's p and intervals (finding 6), the swapped
files (20) and interval headers that name their level (21), driven through the real CLI."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

SAMPLES = Path(__file__).parents[2] / "data" / "samples"
CUSTOMERS = SAMPLES / "karlstad_servqual.xlsx"
STAFF = SAMPLES / "karlstad_personal.xlsx"


@pytest.fixture(scope="module")
def kg_json() -> dict:
    import contextlib
    import io

    from servqual_cli.cli.main import main

    buf = io.StringIO()
    with contextlib.redirect_stdout(buf):
        assert main(["knowledge-gap", str(CUSTOMERS), str(STAFF), "-f", "json"]) == 0
    return json.loads(buf.getvalue())


def test_holm_p_just_below_005_is_not_printed_as_0050(cli, kg_json) -> None:
    item15 = next(r for r in kg_json["items"] if str(r["item"]) == "15")
    assert 0.0495 <= item15["p_holm"] < 0.05 and item15["reading"] == "underestimate"
    for lang, shown in (("en", "0.0497"), ("sv", "0,0497")):
        r = cli("knowledge-gap", CUSTOMERS, STAFF, "-f", "markdown", "--lang", lang)
        assert r.exit_code == 0, r.stderr
        row = next(line for line in r.stdout.splitlines() if line.startswith("| 15 "))
        assert shown in row
        assert "0.050 " not in row and "0,050 " not in row


def test_note_says_intervals_are_per_comparison(cli) -> None:
    r = cli("knowledge-gap", CUSTOMERS, STAFF, "-f", "markdown", "--no-items")
    assert "The reading follows the Holm p" in r.stdout
    assert "the 95% intervals are per comparison (unadjusted)" in r.stdout
    r = cli(
        "knowledge-gap",
        CUSTOMERS,
        STAFF,
        "-f",
        "markdown",
        "--no-items",
        "--lang",
        "sv",
        "--conf",
        "0.9",
    )
    assert "Tolkningen följer Holm-justerat p" in r.stdout
    assert "intervallen (90\xa0% KI) gäller varje jämförelse för sig (ojusterade)" in r.stdout


def test_swapped_files_suggest_the_order(cli) -> None:
    r = cli("knowledge-gap", STAFF, CUSTOMERS)
    assert r.exit_code == 1
    assert "did you give the staff file first? The order is CUSTOMERS STAFF" in r.stderr
    assert len(r.stderr.strip().splitlines()) == 1
    # the staff file twice: nothing to swap, no hint; one file twice is refused as such
    # before it is read (review 7 finding 10)
    r = cli("knowledge-gap", STAFF, STAFF)
    assert r.exit_code == 2 and "are the same file (the same SHA-256)" in r.stderr
    assert "staff file first" not in r.stderr


@pytest.mark.parametrize(
    ("args", "heads"),
    [
        (["knowledge-gap", CUSTOMERS, STAFF], ["95% CI low", "95% CI high"]),
        (["tolerance", SAMPLES / "karlstad_tolerans.xlsx"],
         ["MSA 95% CI low", "MSA 95% CI high", "MSS 95% CI low", "MSS 95% CI high"]),
    ],
)  # fmt: skip
def test_interval_headers_name_their_level(cli, args, heads) -> None:
    for lang in ("en", "sv"):
        r = cli(*args, "-f", "markdown", "--lang", lang, "--conf", "0.9")
        assert r.exit_code == 0, r.stderr
        header_lines = [line for line in r.stdout.splitlines() if line.startswith("| ")]
        for head in heads:
            want = head.replace("95%", "90%")
            if lang == "sv":
                want = want.replace("90%", "90\xa0%").replace("CI", "KI")
                want = want.replace("low", "låg").replace("high", "hög")
            assert any(want in line for line in header_lines), (lang, want)
        assert not any("| CI low" in line or "| KI låg" in line for line in header_lines)


SIX = Path(__file__).parents[1] / "data" / "small" / "six_point.csv"


@pytest.mark.parametrize("command", ["gap", "items"])
def test_scale_hint_names_the_remedy(cli, command: str) -> None:
    """Review 5, finding 13: "is it 2–6?" with the command that writes an instrument."""
    r = cli(command, SIX)
    text = " ".join(r.stdout.split())
    assert "is it 2–6? If so: servqual describe" in text
    assert f"{SIX} --instrument-template > instrument.toml" in text
    assert (
        "set its scale = [2, 6] if it says otherwise, then run again with -i instrument.toml"
        in text
    )
    sv = " ".join(cli(command, SIX, "--lang", "sv").stdout.split())
    assert "är det 2–6? Om så är fallet: servqual describe" in sv
    assert "kör sedan igen med -i instrument.toml" in sv
    # the remedy works: the template and -i give no warning
    tmpl = cli("describe", SIX, "--instrument-template")
    assert tmpl.exit_code == 0 and "scale = [1, 6]" in tmpl.stdout


def test_fmt_p_never_crosses_the_line() -> None:
    """Every p shown below 0.05 is below 0.05 and every p at or above it is shown so (the
    reading and the shown p agree), in both languages; a deliberately naive 3-decimal rule
    fails this."""
    from hypothesis import given
    from hypothesis import strategies as st

    from servqual_cli.report.numbers import fmt_p

    def shown_below(text: str) -> bool:
        return text.startswith("<") or float(text.replace(",", ".")) < 0.05

    @given(st.floats(min_value=0.0, max_value=1.0))
    def check(p: float) -> None:
        for lang in ("en", "sv"):
            assert shown_below(fmt_p(p, lang)) == (p < 0.05), (p, fmt_p(p, lang))

    check()
    assert not shown_below(f"{0.04973:.3f}")  # the naive rule crosses the line
