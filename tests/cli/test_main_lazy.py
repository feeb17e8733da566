"""Start-up (issue #16): a run builds only its command's group and loads the statistics only for
a file that is there; what it prints is the same as with the whole app."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import typer

from servqual_cli.cli import main as cli_main

HEAVY = ("pandas", "scipy", "pyarrow", "matplotlib", "statsmodels")


def _commands(app: typer.Typer) -> dict[str, str]:
    """Top-level command name -> module of its callback (a named group -> its own name)."""
    command = typer.main.get_command(app)
    out = {}
    for name, sub in command.commands.items():  # type: ignore[attr-defined]
        callback = getattr(sub, "callback", None)
        out[name] = callback.__module__.rsplit(".", 1)[-1] if callback is not None else name
    return out


def test_the_command_map_is_the_app() -> None:
    """Every command of the whole app is in COMMAND_GROUP, with the module that defines it (a
    wrong entry would build an app without the command)."""
    full = _commands(cli_main.build_app())
    assert full == cli_main.COMMAND_GROUP


@pytest.mark.parametrize("command", sorted(cli_main.COMMAND_GROUP))
def test_one_group_app_has_the_command(command: str) -> None:
    app = cli_main.build_app((cli_main.COMMAND_GROUP[command],))
    assert command in _commands(app)


@pytest.mark.parametrize(
    "args",
    [
        ["gap", "--help"],
        ["alpha", "--help"],
        ["kolada", "--help"],
        ["kolada", "show", "--help"],
        ["gap", "--no-such-option"],
        ["gap"],
        ["alpha", "x.csv", "--missing", "sideways"],
        ["gap", "--version"],
    ],
)
def test_lazy_app_prints_what_the_whole_app_prints(
    args: list[str], capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "100")
    capsys.readouterr()
    lazy = cli_main.main(args)
    lazy_out = capsys.readouterr()
    monkeypatch.setattr(cli_main, "_app_for", lambda _args: cli_main.build_app())
    whole = cli_main.main(args)
    whole_out = capsys.readouterr()
    assert (lazy, lazy_out.out, lazy_out.err) == (whole, whole_out.out, whole_out.err)
    assert lazy_out.out or lazy_out.err  # something was printed: the comparison can fail


def test_module_app_is_the_whole_app() -> None:
    assert set(_commands(cli_main.app)) == set(cli_main.COMMAND_GROUP)
    with pytest.raises(AttributeError):
        _ = cli_main.no_such_name


@pytest.mark.parametrize(
    "args",
    [
        ["gap", "no/such/survey.xlsx"],
        ["reliability", "no/such/survey.xlsx"],
        ["alpha", "no/such/items.csv", "--items", "F1,F2"],
        ["describe", "no/such/survey.xlsx"],
    ],
)
def test_missing_file_refused_before_heavy_imports(args: list[str]) -> None:
    code = (
        "import sys; from servqual_cli.cli.main import main; "
        f"rc = main({args!r}); "
        f"print(rc, [m for m in {HEAVY!r} if m in sys.modules])"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip().splitlines()[-1] == "2 []"
    assert out.stderr == f"servqual: error: {args[1]}: file not found\n"


def test_early_check_keeps_the_order_of_errors(cli, tmp_path: Path) -> None:
    """Errors the loader raises before reading still come first: a bad --by, a custom
    instrument that is missing, --items not given."""
    r = cli("gap", tmp_path / "none.xlsx", "--by", "A,B,C")
    assert r.exit_code == 2 and "--by takes one column or two" in r.stderr
    r = cli("gap", tmp_path / "none.xlsx", "-i", tmp_path / "inst.toml")
    assert r.exit_code != 0 and "inst.toml" in r.stderr and "none.xlsx" not in r.stderr
    r = cli("reliability", tmp_path / "none.xlsx", "-i", tmp_path / "inst.toml")
    assert r.exit_code != 0 and "inst.toml" in r.stderr and "none.xlsx" not in r.stderr
    r = cli("alpha", tmp_path / "none.csv")
    assert r.exit_code == 2 and "--items" in r.stderr and "none.csv" not in r.stderr


def test_a_folder_is_refused_early_with_the_reader_message(cli, tmp_path: Path) -> None:
    r = cli("gap", tmp_path)
    assert r.exit_code == 2
    assert r.stderr == f"servqual: error: {tmp_path}: is a folder, expected a data file\n"
