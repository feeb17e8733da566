"""A blank header cell is named as such when a column is missing (review 2, item 22): the header
of P6 was empty and the message said only "needs column P6, which the file lacks"."""

from __future__ import annotations

from pathlib import Path


def test_the_empty_header_is_named_with_its_letter(cli, data_dir: Path, tmp_path: Path) -> None:
    lines = (data_dir / "kiosk.csv").read_text(encoding="utf-8").splitlines()
    header = lines[0].split(",")
    assert header[8] == "U2"  # column I
    header[8] = ""
    path = tmp_path / "k.csv"
    path.write_text("\n".join([",".join(header), *lines[1:]]) + "\n", encoding="utf-8")
    r = cli("gap", path, "--instrument", data_dir / "kiosk.toml")
    assert r.exit_code == 1 and "Traceback" not in r.stderr
    message = r.stderr.strip()
    assert len(message.splitlines()) == 1
    assert "needs column U2" in message and message.endswith("column I has no name: was it U2?")
