"""Instrument column forms and item selection, through the real CLI on files made for them
(tests/data/instruments/make_files.R writes the same 30 kiosk answers under real-world headers)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

FORMS = Path(__file__).parents[1] / "data" / "instruments"


def _numbers(out: str) -> dict:
    d = json.loads(out)
    d.pop("input")
    d.pop("instrument")
    return d


@pytest.fixture(scope="module")
def renamed() -> dict:
    """gap on the plain kiosk file (F1.., U1..) with the pattern instrument."""
    import contextlib
    import io

    from servqual_cli.cli.main import main

    buf = io.StringIO()
    with contextlib.redirect_stdout(buf):
        code = main(["gap", str(FORMS.parent / "kiosk.csv"), "-i", str(FORMS.parent / "kiosk.toml"),
                     "-f", "json"])  # fmt: skip
    assert code == 0
    return _numbers(buf.getvalue())


@pytest.mark.parametrize("name", ["kiosk_questions", "kiosk_r_export", "kiosk_commas"])
def test_same_numbers_as_the_renamed_file(cli, renamed: dict, name: str) -> None:
    r = cli("gap", FORMS / f"{name}.csv", "-i", FORMS / f"{name}.toml", "-f", "json")
    assert r.exit_code == 0, r.stderr
    got = _numbers(r.stdout)
    assert got == renamed
    assert got["overall"]["importance_weighted"] is not None  # the weights were found too


def test_instrument_json_shows_the_forms(cli) -> None:
    r = cli("gap", FORMS / "kiosk_r_export.csv", "-i", FORMS / "kiosk_r_export.toml", "-f", "json")
    inst = json.loads(r.stdout)["instrument"]
    assert inst["expectation"] == {"regex": r"^X{item}a\."}
    assert inst["perception"][0] == "X1b Kiosken är lätt att hitta"
    assert inst["weights"] == "Vikt {dimension}"


def test_format_spec_pattern(cli, tmp_path: Path) -> None:
    text = (FORMS.parent / "kiosk.csv").read_text(encoding="utf-8")
    head, rest = text.split("\n", 1)
    head = ",".join(c[0] + f"{int(c[1:]):02d}" if c[:1] in "FU" and c[1:].isdigit() else c
                    for c in head.split(","))  # fmt: skip
    (tmp_path / "padded.csv").write_text(head + "\n" + rest, encoding="utf-8")
    toml = (FORMS.parent / "kiosk.toml").read_text(encoding="utf-8")
    toml = toml.replace('"F{item}"', '"F{item:02d}"').replace('"U{item}"', '"U{item:02d}"')
    (tmp_path / "padded.toml").write_text(toml, encoding="utf-8")
    r = cli("gap", tmp_path / "padded.csv", "-i", tmp_path / "padded.toml", "-f", "json")
    assert r.exit_code == 0, r.stderr
    assert (
        _numbers(r.stdout)["dimensions"]
        == json.loads(
            cli(
                "gap", FORMS.parent / "kiosk.csv", "-i", FORMS.parent / "kiosk.toml", "-f", "json"
            ).stdout
        )["dimensions"]
    )


@pytest.mark.parametrize(
    ("toml", "code", "message"),
    [
        ('expectation = "E{item}{x}"', 2, "'expectation': the pattern 'E{item}{x}' may only use"),
        ('expectation = "E{item}{"', 2, "'expectation': the pattern 'E{item}{' is not valid"),
        ('weights = "W{dimension}{0}"', 2, "'weights': the pattern 'W{dimension}{0}'"),
        (
            "expectation = { regex = '^{item}-' }",
            1,
            "expectation item 1: the regex '^1-' matches 2",
        ),
        (
            "expectation = { regex = '^{item}-9' }",
            1,
            "expectation item 1 (no column matches '^1-9')",
        ),
    ],
)
def test_bad_mappings(cli, tmp_path: Path, toml: str, code: int, message: str) -> None:
    base = (FORMS / "kiosk_questions.toml").read_text(encoding="utf-8")
    key = toml.split(" =")[0]
    lines = [ln for ln in base.splitlines() if not ln.startswith(f"{key} =")]
    (tmp_path / "bad.toml").write_text(toml + "\n" + "\n".join(lines) + "\n", encoding="utf-8")
    r = cli("gap", FORMS / "kiosk_questions.csv", "-i", tmp_path / "bad.toml")
    assert r.exit_code == code, r.stderr
    assert message in r.stderr and "Traceback" not in r.stderr
    assert "bad.toml" in r.stderr or code == 1


def test_perception_only_is_servperf(cli, data_dir: Path) -> None:
    inst = FORMS / "kiosk_perception_only.toml"
    r = cli("gap", data_dir / "kiosk.csv", "-i", inst, "-f", "json")
    assert r.exit_code == 0, r.stderr
    out = json.loads(r.stdout)
    assert out["model"] == "SERVPERF" and out["instrument"]["expectation"] is None
    assert "gap" not in out["dimensions"][0] and "gap" not in out["items"][0]
    assert set(out["dimensions"][0]) == {"dimension", "n", "perception", "sd", "ci_low", "ci_high"}
    full = json.loads(cli("gap", data_dir / "kiosk.csv", "-i", data_dir / "kiosk.toml",
                          "-f", "json").stdout)  # fmt: skip
    for sp, gap in zip(out["dimensions"], full["dimensions"], strict=True):
        assert sp["perception"] == pytest.approx(gap["servperf"], rel=1e-12)
    table = cli("gap", data_dir / "kiosk.csv", "-i", inst, "--lang", "sv")
    assert "SERVPERF" in table.stdout and "Gap" not in table.stdout
    assert "Uteslutna celler" in table.stdout
    csv = cli("gap", data_dir / "kiosk.csv", "-i", inst, "-f", "csv").stdout
    assert csv.splitlines()[0] == "level,name,n,perception,sd,ci_low,ci_high,dimension"


def test_perception_only_elsewhere_is_refused(cli, data_dir: Path) -> None:
    r = cli("reliability", data_dir / "kiosk.csv", "-i", FORMS / "kiosk_perception_only.toml")
    assert r.exit_code == 2
    assert "no 'expectation' columns" in r.stderr and "servqual gap" in r.stderr


# --- item selection (alpha) ------------------------------------------------------------------


def _alpha(cli, file: Path, *args: str) -> dict:
    r = cli("alpha", file, *args, "-f", "json")
    assert r.exit_code == 0, r.stderr
    return json.loads(r.stdout)


E_R = ["X1a..Kiosken.är.lätt.att.hitta", "X2a..Kiosken.är.ren.och.prydlig",
       "X3a..Personalen.är.vänlig", "X4a..Personalen.svarar.snabbt",
       "X5a..Personalen.kan.svara.på.mina.frågor"]  # fmt: skip


@pytest.mark.parametrize(
    "args",
    [
        ["--items", "X1a:X5a"],
        ["--items", "3-7"],
        ["--items", "X?a.*"],
        [
            "--items",
            "X1a,X2a,X3a..Personalen.är.vänlig,X4a,X5a Personalen kan svara på mina frågor",
        ],
        ["--items", "X1a:X2a,5-6", "--item", "X5a..Personalen.kan.svara.på.mina.frågor"],
    ],
)
def test_selection_forms_choose_the_same_items(cli, args: list[str]) -> None:
    out = _alpha(cli, FORMS / "kiosk_r_export.csv", *args)
    assert out["items"] == E_R
    assert out["input"]["file"] == "kiosk_r_export.csv"


def test_commas_in_names(cli) -> None:
    file = FORMS / "kiosk_commas.csv"
    a = _alpha(cli, file, "--item", "Lätt att hitta, förväntan", "--item",
               "Ren och prydlig, förväntan", "--item", "Snabba svar, förväntan")  # fmt: skip
    listed = "Lätt att hitta, förväntan,Ren och prydlig, förväntan,Snabba svar, förväntan"
    b = _alpha(cli, file, "--items", listed)
    assert a["items"] == b["items"] == ["Lätt att hitta, förväntan", "Ren och prydlig, förväntan",
                                        "Snabba svar, förväntan"]  # fmt: skip
    assert a["scales"] == b["scales"]


def test_reverse_takes_the_same_forms(cli) -> None:
    out = _alpha(cli, FORMS / "kiosk_r_export.csv", "--items", "X1a:X5a", "--reverse", "X3a")
    assert out["reverse"] == ["X3a..Personalen.är.vänlig"]


def test_alpha_shows_its_exclusions(cli) -> None:
    r = cli("alpha", FORMS / "kiosk_r_export.csv", "--items", "X1a:X5a")
    assert "Excluded cells:" in r.stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["--items", "X1a,X9a"],
            "--items needs column X9a, which the file lacks; closest: X5a..Personalen",
        ),
        (["--items", "Z*"], "--items pattern 'Z*' matches no column"),
        (["--items", "X5a:X1a"], "'X5a' comes after 'X1a' in the file"),
        (["--items", "3-99"], "column numbers run from 1 to 14"),
        (["--items", "X1a:Q"], "range 'X1a:Q': 'Q' is not a column"),
        (["--items", "X1a,Vikt"], "entry 'Vikt' starts 2 column names"),
        (
            ["--item", "X1a"],
            "--item 'X1a' is not a column; closest: X1a..Kiosken.är.lätt.att.hitta",
        ),
        (["--items", "X1a,X1a"], "--items names 'X1a' twice"),
        ([], "name the items with --items"),
    ],
)
def test_selection_errors(cli, args: list[str], message: str) -> None:
    r = cli("alpha", FORMS / "kiosk_r_export.csv", *args)
    assert r.exit_code == 2, r.stderr
    assert message in r.stderr and "Traceback" not in r.stderr


def test_column_errors_carry_the_readers_encoding_advice(cli, data_dir: Path, monkeypatch) -> None:
    """When the reader says its decoding may be wrong, every column-not-found error says so."""
    from servqual_cli.io.read import RawTable

    advice = "the file was read as cp1252; if the names look garbled, try --encoding cp949"
    monkeypatch.setattr(RawTable, "encoding_hint", lambda self: advice, raising=False)
    for args in (
        ["gap", FORMS / "kiosk_questions.csv"],  # pzb1991 needs E1..: missing columns
        ["gap", data_dir / "kiosk.csv", "-i", data_dir / "kiosk.toml", "--by", "Kön"],
        ["alpha", data_dir / "kiosk.csv", "--items", "F1,Q9"],
    ):
        r = cli(*args)
        assert r.exit_code in (1, 2) and advice in r.stderr, r.stderr


def test_korean_cp949_whole_questions(cli, renamed: dict) -> None:
    """Korean whole-question headers saved in CP949: the regex instrument with --encoding cp949
    gives the numbers of the plain file (the answer texts are Korean, mapped in the TOML)."""
    r = cli("gap", FORMS / "kiosk_korean_cp949.csv", "-i", FORMS / "kiosk_korean_cp949.toml",
            "--encoding", "cp949", "-f", "json")  # fmt: skip
    assert r.exit_code == 0, r.stderr
    got = _numbers(r.stdout)
    assert got["overall"] == renamed["overall"] and got["n_rows"] == renamed["n_rows"]
    assert [d["dimension"] for d in got["dimensions"]] == ["환경", "응대"]

    def without_names(rows: list[dict]) -> list[dict]:
        return [{k: v for k, v in d.items() if k != "dimension"} for d in rows]

    for key in ("dimensions", "items"):
        assert without_names(got[key]) == without_names(renamed[key])
