"""Issue #10 item 1: no output option may land on a file the run reads."""

from __future__ import annotations

import os
from pathlib import Path

import pytest


@pytest.mark.parametrize("option", ["-o", "--excluded"])
def test_instrument_toml_is_an_input(cli, copy_data, sha, option: str) -> None:
    data, inst = copy_data("kiosk.csv", "kiosk.toml")
    before = sha(inst)
    r = cli("gap", data, "-i", inst, option, inst)
    assert r.exit_code == 2
    assert "is an input file; refusing to overwrite it" in r.stderr
    assert sha(inst) == before and sha(data) == sha(
        Path(__file__).parent.parent / "data" / "kiosk.csv"
    )


def test_a_hard_link_to_an_input_is_refused(cli, copy_data, sha, tmp_path: Path) -> None:
    data, inst = copy_data("kiosk.csv", "kiosk.toml")
    link = tmp_path / "other_name.csv"
    os.link(data, link)
    before = sha(data)
    r = cli("gap", data, "-i", inst, "-f", "csv", "-o", link)
    assert r.exit_code == 2 and "input file" in r.stderr
    assert sha(data) == before


def test_kpi_data_files_named_in_the_config_are_inputs(cli, copy_data, sha) -> None:
    config, cases = copy_data("kpi_cases.toml", "kpi_cases.csv")
    before = sha(cases)
    for option in ("-o", "--excluded"):
        r = cli("kpi", config, option, cases)
        assert r.exit_code == 2 and "input file" in r.stderr, r.stderr
    assert sha(cases) == before


def test_report_depfile_on_any_input_is_refused(cli, copy_data, sha, tmp_path: Path) -> None:
    data, inst = copy_data("kiosk.csv", "kiosk.toml")
    config = tmp_path / "report.toml"
    config.write_text(
        f'sections = ["summary", "servqual", "method"]\n[survey]\nfile = "{data}"\n'
        f'instrument = "{inst}"\n',
        encoding="utf-8",
    )
    hashes = {p: sha(p) for p in (data, inst, config)}
    out = tmp_path / "rep"
    for target in (data, inst, config):
        r = cli("report", config, "-o", out, "--depfile", target)
        assert r.exit_code == 2 and "input file" in r.stderr, r.stderr
        assert not out.exists()  # refused before anything was written
    assert {p: sha(p) for p in hashes} == hashes


def test_depfile_inside_the_report_folder_is_refused(cli, copy_data, tmp_path: Path) -> None:
    data, inst = copy_data("kiosk.csv", "kiosk.toml")
    out = tmp_path / "rep"
    assert cli("report", data, "-i", inst, "-o", out).exit_code == 0
    before = sorted(p.name for p in out.iterdir())
    r = cli("report", data, "-i", inst, "-o", out, "--depfile", out / "deps.d")
    assert r.exit_code == 2 and "inside the report folder" in r.stderr
    assert sorted(p.name for p in out.iterdir()) == before


def test_trend_benchmark_is_an_input(cli, samples_dir: Path, tmp_path: Path, sha) -> None:
    bench = tmp_path / "kolada.csv"
    bench.write_bytes((samples_dir / "kolada_servicematning.csv").read_bytes())
    before = sha(bench)
    years = [samples_dir / f"servicematning_{y}.xlsx" for y in (2019, 2020)]
    r = cli("trend", *years, "--benchmark", bench, "-o", bench)
    assert r.exit_code == 2 and "input file" in r.stderr
    assert sha(bench) == before


def test_a_failed_run_leaves_no_output(cli, copy_data, tmp_path: Path) -> None:
    data, inst = copy_data("kiosk.csv", "kiosk.toml")
    excluded, out = tmp_path / "excl.csv", tmp_path / "out.weird"
    r = cli("gap", data, "-i", inst, "--excluded", excluded, "-o", out)
    assert r.exit_code == 2 and "cannot tell the format" in r.stderr
    assert not excluded.exists() and not out.exists()


def test_a_fifo_config_is_refused_not_read(cli, copy_data, tmp_path: Path) -> None:
    (data,) = copy_data("kiosk.csv")
    fifo = tmp_path / "inst.toml"
    os.mkfifo(fifo)
    for args in (("gap", data, "-i", fifo), ("kpi", fifo), ("report", fifo, "-o", tmp_path / "r")):
        r = cli(*args)
        assert r.exit_code == 2 and "not a regular file" in r.stderr, args
