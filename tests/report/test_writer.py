"""Writing the report folder: reproducible, atomic, never outside DIR, never over other data."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import re
from pathlib import Path

import pytest
from openpyxl import load_workbook

from servqual_cli.cli.main import main
from servqual_cli.errors import UsageError
from servqual_cli.report import charts, excel, swap
from servqual_cli.report.config import load_config
from servqual_cli.report.manifest import build_manifest, is_report_dir, report_time
from servqual_cli.report.writer import check_target, safe_name, safe_names

from .conftest import CONFIG, EPOCH, REPORT_ARGS


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*")
            if p.is_file()}  # fmt: skip


def leftovers(parent: Path) -> list[str]:
    return [p.name for p in parent.iterdir() if ".tmp-" in p.name or ".old-" in p.name]


def test_files_written(sample_report: Path) -> None:
    names = sorted(snapshot(sample_report))
    assert names == sorted(["report.md", "report.xlsx", "manifest.json", "report.html"] + [
        f"figures/servqual_{n}.{e}" for n in ("dimensions", "items", "ipa", "groups")
        for e in ("png", "svg")] + [
        f"data/servqual_{n}.csv" for n in ("dimensions", "items", "ipa", "groups")])  # fmt: skip
    assert leftovers(sample_report.parent) == []


def test_manifest(sample_report: Path) -> None:
    m = json.loads((sample_report / "manifest.json").read_text(encoding="utf-8"))
    assert m["tool"]["name"] == "servqual-cli" and m["source_date_epoch"] == int(EPOCH)
    assert m["generated"] == "2023-11-14T22:13:20Z"
    assert m["command"] == ["servqual", *REPORT_ARGS]
    assert m["config"]["survey"]["by"] == "Tjänst" and m["language"] == "sv"
    roles = {i["role"]: i for i in m["inputs"]}
    assert roles["survey"]["path"] == "karlstad_servqual.xlsx"
    survey = CONFIG.parent / "karlstad_servqual.xlsx"
    assert roles["survey"]["sha256"] == hashlib.sha256(survey.read_bytes()).hexdigest()
    # one base for every input path, named (review 5, finding 9): the config's folder, even
    # for a config given by an absolute path on the command line
    assert m["path_base"] == "config" and roles["config"]["path"] == CONFIG.name
    assert not any(os.path.isabs(i["path"]) for i in m["inputs"])
    # every runtime dependency that reads or formats, not only the statistics (finding 9)
    want = {"python", "servqual-cli", "numpy", "matplotlib", "openpyxl", "fastexcel", "pyarrow",
            "babel", "jinja2", "python-calamine"}  # fmt: skip
    assert want <= set(m["versions"]) and all(m["versions"][k] for k in want)
    commit = m["tool"]["git_commit"]  # run from this checkout: the commit of the code
    assert commit is None or re.fullmatch(r"[0-9a-f]{40}", commit)
    outputs = {o["path"]: o for o in m["outputs"]}
    assert "report.xlsx" in outputs and is_report_dir(sample_report)
    for name, entry in outputs.items():  # every output but the manifest has its SHA-256
        if name == "manifest.json":
            continue
        data = (sample_report / name).read_bytes()
        assert entry["sha256"] == hashlib.sha256(data).hexdigest() and entry["bytes"] == len(data)
    text = json.dumps(m)
    assert str(sample_report) not in text  # no absolute paths of this machine


def test_two_runs_are_identical(sample_report: Path, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    monkeypatch.chdir(tmp_path)
    assert main(REPORT_ARGS) == 0
    again = tmp_path / "karlstad"
    first, second = snapshot(sample_report), snapshot(again)
    assert first.keys() == second.keys()
    for name in first:  # every file, xlsx included, is byte-identical with the same epoch
        assert first[name] == second[name], name
    wa, wb = load_workbook(sample_report / "report.xlsx"), load_workbook(again / "report.xlsx")
    for ws in wa.worksheets:
        assert list(ws.values) == list(wb[ws.title].values)


def test_manifest_differs_only_in_the_time_stamp(monkeypatch) -> None:
    config = load_config(CONFIG)
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    now, epoch = report_time()
    assert epoch is None and now.tzinfo is not None
    a = build_manifest(config, ["servqual"], ["report.md"], now, None)
    b = build_manifest(config, ["servqual"], ["report.md"], now + dt.timedelta(hours=1), None)
    assert a["generated"] != b["generated"]
    a.pop("generated"), b.pop("generated")
    assert a == b
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "soon")
    with pytest.raises(UsageError, match="SOURCE_DATE_EPOCH"):
        report_time()


@pytest.mark.parametrize("broken", ["chart", "excel"])
def test_a_failure_leaves_the_previous_report_intact(
    sample_report: Path, tmp_path: Path, monkeypatch, broken: str, cli
) -> None:
    out = tmp_path / "karlstad"
    # the previous report: a copy of the sample one
    for name, data in snapshot(sample_report).items():
        (out / name).parent.mkdir(parents=True, exist_ok=True)
        (out / name).write_bytes(data)
    before = snapshot(out)

    def fail(*args, **kwargs):
        if broken == "chart":
            raise RuntimeError("chart failed")
        raise OSError(28, "No space left on device")

    if broken == "chart":  # the second chart: one has been written when it fails
        monkeypatch.setattr(charts, "draw_item_gaps", fail)
    else:  # after every chart
        monkeypatch.setattr(excel, "write_workbook", fail)
    # a small survey (kiosk) with no reliability section keeps this test fast
    data = Path(__file__).parents[1] / "data"
    config = tmp_path / "kiosk.toml"
    config.write_text(
        f'sections = ["summary", "servqual", "method"]\n[survey]\nfile = "{data / "kiosk.csv"}"\n'
        f'instrument = "{data / "kiosk.toml"}"\n',
        encoding="utf-8",
    )
    r = cli("report", config, "-o", out)
    assert r.exit_code == (3 if broken == "chart" else 2)
    assert ("chart failed" if broken == "chart" else "No space left") in r.stderr
    assert snapshot(out) == before
    assert leftovers(tmp_path) == []


def test_unwritable_dir(tmp_path: Path, cli) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    r = cli("report", CONFIG, "-o", blocker / "report")
    # said in the config's language (sv) since session 13: the config is read by then
    assert r.exit_code == 2 and "kan inte skriva rapportmappen" in r.stderr
    assert r.stderr.count("\n") == 1 and blocker.read_text() == "x"


@pytest.mark.skipif(os.geteuid() == 0, reason="root can write to read-only folders")
def test_read_only_parent(tmp_path: Path, cli) -> None:
    tmp_path.chmod(0o555)
    try:
        r = cli("report", CONFIG, "-o", tmp_path / "report")
    finally:
        tmp_path.chmod(0o755)
    assert r.exit_code == 2 and list(tmp_path.iterdir()) == []


def test_refuses_folders_that_are_not_reports(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("keep me")
    with pytest.raises(UsageError, match="not empty and holds more than an earlier report"):
        check_target(tmp_path, [])
    with pytest.raises(UsageError, match="contains the input"):
        check_target(CONFIG.parent, [CONFIG])
    with pytest.raises(UsageError, match="is a file"):
        check_target(tmp_path / "notes.txt", [])
    check_target(tmp_path / "new", [CONFIG])  # a new folder is fine


def test_swap_is_undone_when_the_second_rename_fails(tmp_path: Path, monkeypatch) -> None:
    out, new = tmp_path / "out", tmp_path / "new"
    out.mkdir(), new.mkdir()
    (out / "old.txt").write_text("old")
    real = os.rename
    calls = []

    def rename(a, b):
        calls.append((a, b))
        if len(calls) == 2:
            raise OSError("disk gone")
        real(a, b)

    monkeypatch.setattr(swap.os, "rename", rename)
    monkeypatch.setattr(swap, "exchange", lambda a, b: False)  # the fallback of two renames
    with pytest.raises(OSError, match="disk gone"):
        swap.swap(new, out)
    assert (out / "old.txt").read_text() == "old"


@pytest.mark.parametrize(
    ("value", "expected"),
    [("../../x", "x"), ("/etc/passwd", "etc-passwd"), ("..", "group"), ("", "group"),
     ("Äldreomsorg", "aldreomsorg"), ("a\\b", "a-b"), ("CON", "_con"), ("x" * 99, "x" * 60),
     ("=HYPERLINK(1)", "hyperlink-1"), ("C:\\Windows", "c-windows")],
)  # fmt: skip
def test_safe_name(value: str, expected: str) -> None:
    assert safe_name(value) == expected
    assert "/" not in safe_name(value) and safe_name(value) not in {".", ".."}


def test_safe_names_are_unique() -> None:
    names = safe_names(["A/B", "a b", "A-B", "figures"])
    assert list(names.values()) == ["a-b", "a-b-2", "a-b-3", "figures-2"]


def test_a_report_folder_with_a_users_file_in_it_is_not_replaced(
    tmp_path: Path, sample_report: Path
) -> None:
    import shutil

    folder = tmp_path / "rep"
    shutil.copytree(sample_report, folder)
    check_target(folder, [])  # an untouched earlier report may be replaced
    (folder / "notes.txt").write_text("keep me")
    with pytest.raises(UsageError, match="more than an earlier report"):
        check_target(folder, [])
    (folder / "notes.txt").unlink()
    (folder / "manifest.json").write_text('{"tool": "servqual"}')  # not our manifest's shape
    with pytest.raises(UsageError, match="more than an earlier report"):
        check_target(folder, [])


def test_manifest_lists_pyproject_dependencies() -> None:
    """The fallback list (a source tree without installed metadata) is pyproject's
    ``dependencies``, and the installed metadata gives the same names."""
    import tomllib

    from servqual_cli.provenance import PACKAGES, runtime_dependencies

    project = tomllib.loads((Path(__file__).parents[2] / "pyproject.toml").read_text("utf-8"))
    names = [re.split(r"[<>=!~;\[ ]", d, maxsplit=1)[0] for d in project["project"]["dependencies"]]
    assert list(PACKAGES) == names
    assert [n.lower() for n in runtime_dependencies()] == [n.lower() for n in names]
