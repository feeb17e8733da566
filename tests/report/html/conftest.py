"""Documents for the HTML tests: an overview with every kind of verdict, hostile names, and the
real reports of the bundled samples written once per session."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from servqual_cli.report.below_test import flag_below
from servqual_cli.report.spec import Document, Figure, Glance, GlanceRow, Section, Table, Text

SCRIPT = "<script>alert(1)</script>"
IMG = '"><img src=x onerror=alert(2)>'
SAMPLES = Path(__file__).parents[3] / "data" / "samples"
DATA = Path(__file__).parents[2] / "data"
EPOCH = "1700000000"  # 2023-11-14 UTC


def glance_rows() -> tuple[GlanceRow, ...]:
    """Worst first, as the report orders them: an unmet target below the others, a significant
    deterioration, a small base, a change the data cannot tell from zero, good news."""
    return (
        GlanceRow(kind="kpi", name="Svar på frågan", unit="share", value=0.712, period="2024",
                  n=54, previous_period="2023", previous_value=0.80, change=-0.088,
                  change_verdict="no_change", target=0.80, target_kind="target",
                  target_verdict="not_met", others_mean=0.83, rank=11, n_compared=12,
                  benchmark_verdict="worse", severity=0),
        GlanceRow(kind="dimension", name="Lyhördhet (gap)", unit="gap", value=-1.18, n=400,
                  period="2024", previous_period="2023", previous_value=-0.85, change=-0.33,
                  change_verdict="worse", target=0.0, target_kind="norm",
                  target_verdict="not_met", severity=0, area=SCRIPT,
                  area_kind="below_target"),
        GlanceRow(kind="kpi", name=IMG, unit="days", value=12.5, n=9, period="2024",
                  target=14.0, target_kind="target", higher_is_better=False,
                  target_verdict="cannot_tell", small_base=True, severity=1),
        GlanceRow(kind="kpi", name="Bygglov inom tio veckor", unit="share", value=0.922,
                  period="2024", n=180, previous_period="2023", previous_value=0.85,
                  change=0.072, change_verdict="better", target=0.90, target_kind="target",
                  target_verdict="met", others_mean=0.90, rank=3, n_compared=12,
                  benchmark_verdict="same", severity=2),
    )  # fmt: skip


def glance_document(lang: str = "sv") -> Document:
    """A report-shaped document: the overview first, then a table with p-values and a chart
    whose categories are hostile strings."""
    glance = Glance(
        title="Resultat i korthet" if lang == "sv" else "Results at a glance",
        rows=glance_rows(),
        summary=(f"Målet nås inte för Svar på frågan och {SCRIPT}.",),
        note="Sämst först.",
    )
    frame = pd.DataFrame(
        {"Grupp": [SCRIPT, IMG, "Norr"], "n": [40, 35, 31], "Gap": [-0.5, -1.25, 0.1],
         "p": [0.0004, 0.03, 0.6]}
    )  # fmt: skip
    table = flag_below(Table(title="Gap per grupp", frame=frame,
                             formats={"n": "d", "Gap": ".2f", "p": "p"}, signed=("Gap",)),
                       "Gap", "p", lang)  # fmt: skip
    chart = Figure(
        name="gap_per_grupp",
        title="Gap per grupp",
        kind="bars",
        data={"categories": [SCRIPT, IMG, "Norr"],
              "series": [{"name": "Gap", "values": [-0.5, -1.25, 0.1]}],
              "labels": {"x": "Grupp", "y": "Gap"}},
        caption="Störst negativt gap i gruppen med det längsta namnet.",
    )  # fmt: skip
    return Document(
        title=f"Servicekvalitet {SCRIPT}",
        sections=(
            Section(glance.title, (glance,)),
            Section("Grupper", (Text("Gapen per grupp."), table, chart)),
            Section("Metod", ()),
            Section("Detaljer", (Text("Om metoden.", "note"), Text("Litet underlag.", "warning")),
                    level=3),
        ),
        meta={"lang": lang, "facts": (("Organisation", "Testkommun"), ("Period", "2024")),
              "version": "0.1.0"},
    )  # fmt: skip


def _report(base: Path, *args: str) -> None:
    from servqual_cli.cli.main import main

    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("SOURCE_DATE_EPOCH", EPOCH)
        mp.chdir(base)
        code = main(["report", *args])
    if code != 0:
        raise RuntimeError(f"servqual report {' '.join(args)} exited with {code}")


@pytest.fixture(scope="session")
def html_reports(tmp_path_factory: pytest.TempPathFactory, sample_report: Path) -> dict[str, Path]:
    """The pages the browser tests open: both bundled reports in sv and en (the Swedish
    Karlstad report is the session's ``sample_report``), a ``--split`` index and a report whose
    groups are named like scripts."""
    base = tmp_path_factory.mktemp("html")
    hostile = DATA / "kiosk_hostile.csv"
    instrument = DATA / "kiosk.toml"
    for name, lang in (("karlstad", "en"), ("lekeberg", "sv"), ("lekeberg", "en")):
        _report(base, str(SAMPLES / f"report_{name}.toml"), "--lang", lang,
                "-o", f"{name}_{lang}")  # fmt: skip
    _report(base, str(hostile), "--instrument", str(instrument), "--by", "Enhet",
            "--lang", "sv", "-o", "hostile")  # fmt: skip
    _report(base, str(hostile), "--instrument", str(instrument), "--by", "Enhet",
            "--split", "--jobs", "1", "--lang", "en", "-o", "split")  # fmt: skip
    pages = {f"{n}_{lang}": base / f"{n}_{lang}" / "report.html"
             for n in ("karlstad", "lekeberg") for lang in ("sv", "en")}  # fmt: skip
    pages["karlstad_sv"] = sample_report / "report.html"
    pages["hostile"] = base / "hostile" / "report.html"
    pages["split"] = base / "split" / "index.html"
    # review 13, finding 16: the knowledge-gap and derived-importance sections
    _report(base, str(DATA / "report_knowledge_importance.toml"), "-o", "toolbox_sv")
    pages["toolbox_sv"] = base / "toolbox_sv" / "report.html"
    return pages
