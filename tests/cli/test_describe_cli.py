"""servqual describe: the reading facts, the column profiles and the starter instrument."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

FORMS = Path(__file__).parents[1] / "data" / "instruments"


def _gap(cli, file: Path, instrument: Path | None = None) -> dict:
    args = ["-i", instrument] if instrument else []
    r = cli("gap", file, *args, "-f", "json")
    assert r.exit_code == 0, r.stderr
    out = json.loads(r.stdout)
    return {k: out[k] for k in ("dimensions", "items", "overall", "excluded", "n_rows")}


def test_sample_json(cli, samples_dir: Path) -> None:
    r = cli("describe", samples_dir / "karlstad_servqual.csv", "-f", "json")
    assert r.exit_code == 0, r.stderr
    d = json.loads(r.stdout)
    assert (d["format"], d["encoding"], d["delimiter"], d["decimal"], d["header_row"]) == (
        "CSV", "cp1252", ";", ",", 3
    )  # fmt: skip
    assert "Windows-1252" in d["encoding_reason"] or d["encoding_reason"]
    assert d["n_rows"] == 400 and d["input"]["file"] == "karlstad_servqual.csv"
    cols = {c["name"]: c for c in d["columns"]}
    e1 = cols["E1"]
    assert e1["likert"] == {"min": 1, "max": 7} and e1["type"] == "number"
    assert e1["missing"]["vet ej"] > 0 and e1["missing"]["blank"] > 0
    assert e1["n_values"] + sum(e1["missing"].values()) == 400
    assert [t["count"] for t in e1["top"]] == sorted((t["count"] for t in e1["top"]), reverse=True)
    assert cols["Tjänst"]["type"] == "text" and cols["Tjänst"]["likert"] is None
    assert cols["Respondent"]["likert"] is None  # 400 distinct numbers: not a scale
    assert cols["W1"]["likert"] is None  # importance points 0-100
    assert sum(c["likert"] is not None for c in d["columns"]) == 44


def test_sample_table_and_csv(cli, samples_dir: Path) -> None:
    r = cli("describe", samples_dir / "karlstad_servqual.csv", "--lang", "sv")
    assert r.exit_code == 0, r.stderr
    for text in (
        "semikolon (;)",
        "Rubrikrad",
        "1–7",
        "tal",
        "44 kolumner ser ut som svar på en skala",
    ):
        assert text in r.stdout
    csv = cli("describe", samples_dir / "karlstad_servqual.csv", "-f", "csv").stdout
    assert csv.splitlines()[0].startswith("position,letter,name,type,n_values,missing")
    assert len(csv.splitlines()) == 1 + 53


def test_workbook_sheets(cli, data_dir: Path) -> None:
    d = json.loads(cli("describe", data_dir / "kiosk.xlsx", "-f", "json").stdout)
    assert d["sheet"] == "Data" and d["sheets"] == ["Info", "Data"]
    assert d["skipped_sheets"][0]["sheet"] == "Info" and d["encoding"] is None
    named = cli("describe", data_dir / "kiosk.xlsx", "--sheet", "Info")
    assert named.exit_code == 1 and "no data rows" in named.stderr


def test_template_on_the_sample_is_pzb1991(cli, samples_dir: Path, tmp_path: Path) -> None:
    sample = samples_dir / "karlstad_servqual.csv"
    toml = tmp_path / "t.toml"
    r = cli("describe", sample, "--instrument-template", "-o", toml)
    assert r.exit_code == 0, r.stderr
    text = toml.read_text(encoding="utf-8")
    assert 'expectation = "E{item}"' in text and 'weights = "W{dimension}"' in text
    assert _gap(cli, sample, toml) == _gap(cli, sample)


@pytest.mark.parametrize(
    ("name", "form"),
    [
        ("kiosk_questions", "regex = '^\\s*{item}\\s*[-.]\\s*1"),
        ("kiosk_r_export", "regex = '^X{item}a"),
        ("kiosk_commas", 'expectation = [\n  "Lätt att hitta, förväntan",'),
    ],
)
def test_template_on_real_headers(
    cli, data_dir: Path, tmp_path: Path, name: str, form: str
) -> None:
    """Printed templates run as printed, and find the same pairs as on the plain file."""
    plain = tmp_path / "plain.toml"
    plain.write_text(cli("describe", data_dir / "kiosk.csv", "--instrument-template").stdout,
                     encoding="utf-8")  # fmt: skip
    toml = tmp_path / f"{name}.toml"
    r = cli("describe", FORMS / f"{name}.csv", "--instrument-template")
    assert r.exit_code == 0, r.stderr
    assert form in r.stdout and '"Helt rätt" = ?' in r.stdout
    toml.write_text(r.stdout, encoding="utf-8")
    assert _gap(cli, FORMS / f"{name}.csv", toml) == _gap(cli, data_dir / "kiosk.csv", plain)


def test_template_without_pairs_is_perception_only(cli, tmp_path: Path) -> None:
    path = tmp_path / "p.csv"
    path.write_text("id,Nöjd,Snabb,Vänlig\n1,4,5,3\n2,5,4,4\n3,2,3,5\n4,3,3,4\n", encoding="utf-8")
    r = cli("describe", path, "--instrument-template")
    assert "perception-only" in r.stdout and "expectation" not in r.stdout.split("name =")[1]
    toml = tmp_path / "p.toml"
    toml.write_text(r.stdout, encoding="utf-8")
    out = json.loads(cli("gap", path, "-i", toml, "-f", "json").stdout)
    assert out["model"] == "SERVPERF" and out["n_rows"] == 4


def test_missing_file(cli, tmp_path: Path) -> None:
    r = cli("describe", tmp_path / "nope.csv")
    assert r.exit_code == 2 and "file not found" in r.stderr


def test_describe_warns_when_the_reader_doubts_its_decoding(
    cli, data_dir: Path, monkeypatch
) -> None:
    from servqual_cli.io.read import RawTable

    advice = "the file was read as cp1252 and its text looks garbled; try --encoding cp949"
    monkeypatch.setattr(RawTable, "encoding_hint", lambda self: advice, raising=False)
    r = cli("describe", data_dir / "kiosk.csv")
    assert "The file was read as cp1252 and its text looks garbled" in r.stdout
    assert (
        json.loads(cli("describe", data_dir / "kiosk.csv", "-f", "json").stdout)["encoding_advice"]
        == advice
    )


def test_by_names_the_closest_column(cli, data_dir: Path) -> None:
    r = cli("gap", data_dir / "kiosk.csv", "-i", data_dir / "kiosk.toml", "--by", "Enheter")
    assert (
        r.exit_code == 2 and "--by column 'Enheter' is not in the file (closest: Enhet)" in r.stderr
    )
