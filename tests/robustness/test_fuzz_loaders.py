"""Fuzz the loaders through the real CLI: any file gets exit 0, 1 or 2, one line on stderr when it
fails, never a traceback, and the input is left as it was.

A few hundred examples run by default; ``SERVQUAL_FUZZ_EXAMPLES=5000 pytest tests/robustness``
runs more (per command).
"""

from __future__ import annotations

import contextlib
import csv
import hashlib
import io
import os
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from servqual_cli.cli.main import main

DATA = Path(__file__).parent.parent / "data"
EXAMPLES = int(os.environ.get("SERVQUAL_FUZZ_EXAMPLES", "75"))
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    derandomize=True,  # the same examples on every run: CI failures reproduce
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

CELLS = st.one_of(
    st.sampled_from(
        [
            "",
            "3",
            "5",
            "1",
            "7",
            "0",
            "-1",
            "2,5",
            "3.0",
            "nan",
            "inf",
            "-inf",
            "1e160",
            "1e100",
            "1e308",
            "9" * 40,
            "Vet ej",
            "Ingen uppfattning",
            "2024-03-05",
            "9999-12-31",
            "1500-01-01",
            "2024-13-45",
            "45000.5",
            '=HYPERLINK("x")',
            "[bold]",
            "[/bold]",
            "\x1b[2J",
            "<script>",
            "yes",
            "no",
            "ja",
            "nej",
            "phone",
            "e-mail",
            "complaint",
            "Söder",
            "\u202e",
            "\x00",
        ]
    ),
    st.text(max_size=12),
    st.integers(-10, 10).map(str),
    st.floats(allow_nan=True, allow_infinity=True).map(repr),
)


def _table(columns: list[str]) -> st.SearchStrategy[str]:
    """A CSV with these (maybe shuffled, maybe cut) columns and fuzzed cells."""

    def render(cols: list[str], rows: list[list[str]]) -> str:
        buf = io.StringIO()
        writer = csv.writer(buf, lineterminator="\n")
        writer.writerow(cols)
        writer.writerows(row[: len(cols)] for row in rows)
        return buf.getvalue()

    cols = st.permutations(columns).flatmap(
        lambda p: st.integers(1, len(p)).map(lambda k: list(p[:k]))
    )
    return cols.flatmap(
        lambda c: st.lists(st.lists(CELLS, min_size=len(c), max_size=len(c)), max_size=12).map(
            lambda rows: render(c, rows)
        )
    )


def _run(text: str, make_args) -> None:  # type: ignore[no-untyped-def]
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "data.csv"
        path.write_text(text, encoding="utf-8")
        before = hashlib.sha256(path.read_bytes()).hexdigest()
        out, err = io.StringIO(), io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = main([str(a) for a in make_args(path, Path(tmp))])
        message = err.getvalue()
        assert code in (0, 1, 2), message
        assert "Traceback" not in message and "internal error" not in message, message
        if code:
            assert message.count("\n") == 1 and message.startswith("servqual: error:"), message
        assert hashlib.sha256(path.read_bytes()).hexdigest() == before
        assert sorted(p.name for p in Path(tmp).iterdir()) == ["data.csv"] or code == 0


KIOSK = ["id", "Enhet", "F1", "F2", "F3", "F4", "F5", "U1", "U2", "U3", "U4", "U5", "V1", "V2"]
FEEDBACK = ["ID", "Received", "Type", "Unit", "Channel", "Category", "Contact given", "Answered",
            "Closed"]  # fmt: skip
CONTACTS = ["municipality", "channel", "area", "sent_at", "answered_at", "reached",
            "wait_seconds", "answered_question", "treatment"]  # fmt: skip


@FUZZ
@given(_table(KIOSK))
def test_fuzz_gap(text: str) -> None:
    _run(text, lambda p, d: ["gap", p, "-i", DATA / "kiosk.toml", "--by", "Enhet", "-f", "json",
                             "--excluded", d / "excluded.csv"])  # fmt: skip


@FUZZ
@given(_table(KIOSK))
def test_fuzz_alpha(text: str) -> None:
    _run(text, lambda p, d: ["alpha", p, "--items", "F1,F2,F3", "-f", "csv"])


@FUZZ
@given(_table(FEEDBACK))
def test_fuzz_feedback(text: str) -> None:
    _run(text, lambda p, d: ["feedback", p, "-f", "json"])


@FUZZ
@given(_table(CONTACTS))
def test_fuzz_contacts(text: str) -> None:
    _run(text, lambda p, d: ["contacts", p, "--year", "2020", "-f", "json"])
