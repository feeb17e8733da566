"""Review 4, findings 17, 19, 20, 22, 23 and 24 through the real CLI: notes that promise only
what is shown, the APA lines of gap, English wording, help texts and messages."""

from __future__ import annotations

from pathlib import Path

import pytest


def _flat(text: str) -> str:
    return " ".join(text.replace("│", " ").replace("|", " ").replace(">", " ").split())


@pytest.mark.parametrize(
    ("args", "promise", "where"),
    [
        (("items", "karlstad_servqual.xlsx"), "with Wilson intervals",
         "(their Wilson intervals are in the JSON and CSV output)"),
        (("tolerance", "karlstad_tolerans.xlsx"), "Wilson intervals for the shares",
         "The shares' Wilson intervals are not shown here; they are in the JSON and CSV output."),
        (("service-survey", "servicematning_medborgare_2022_2024.xlsx"),
         "with a Wilson interval", "(its Wilson intervals are in the JSON and CSV output)"),
    ],
)  # fmt: skip
def test_notes_do_not_promise_intervals_the_tables_lack(
    cli, samples_dir: Path, args: tuple[str, str], promise: str, where: str
) -> None:
    # Finding 17: "with Wilson intervals" under tables without interval columns.
    r = cli(args[0], samples_dir / args[1], "-f", "markdown")
    assert r.exit_code == 0, r.stderr
    text = _flat(r.stdout)
    assert promise not in text
    assert where in text
