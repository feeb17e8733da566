"""KPI configurations: every key of data/samples/kpi.toml and the checks on bad keys.

Expected values are written out by hand from the config.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from servqual_cli.errors import ConfigError
from servqual_cli.io.kpi_config import KPI_KEYS, kpi_config_from_dict, load_kpi_config

SAMPLES = Path(__file__).parents[2] / "data" / "samples"
DATA = Path(__file__).parents[1] / "data"


def test_sample_config_reads_every_key() -> None:
    cfg = load_kpi_config(SAMPLES / "kpi.toml")
    assert cfg.title == "Nyckeltal och servicedeklarationer, Lekebergs kommun"
    assert len(cfg.kpis) == 8
    got = [(k.aspect, k.kind, k.statistic) for k in cfg.kpis]
    assert got == [
        ("nåbarhet", "value", "share"),
        ("väntetid", "duration", "share_within"),  # default statistic when a limit is given
        ("väntetid", "value", "median"),
        ("genomförandetid", "duration", "median"),
        ("genomförandetid", "duration", "share_within"),
        ("genomförandetid", "duration", "share_within"),
        ("resultat", "value", "share"),
        ("resultat", "value", "share"),
    ]
    phone, email, wait, lead = cfg.kpis[:4]
    assert phone.filter == (("kanal", ("telefon",)),) and phone.success == ("ja",)
    assert phone.by == "område" and phone.target == 0.8 and phone.higher_is_better
    assert email.limit is not None and email.limit.unit == "working_days"
    assert email.duration_unit == "working_days" and email.unit == "working days"
    assert wait.unit == "seconds" and wait.norm == 90 and not wait.higher_is_better
    assert lead.duration_unit == "days" and lead.norm == 70
    assert cfg.kpis[7].success == ("mycket god", "god")
    # data paths are relative to the TOML file's folder, not the working folder
    assert all(k.data.parent == SAMPLES.resolve() for k in cfg.kpis)


def test_documented_keys_are_exactly_the_sample_keys() -> None:
    import tomllib

    text = (SAMPLES / "kpi.toml").read_text("utf-8")
    used = set().union(*(set(k) for k in tomllib.loads(text)["kpi"]))
    # the sample uses every key but these (register: its default "auto" is what the sample shows;
    # period: the report dates the sample's dateless KPIs by its contacts files)
    assert used | {"higher_is_better", "register", "period"} == KPI_KEYS
    comment = "\n".join(line for line in text.splitlines() if line.startswith("#"))
    assert all(f"#   {key}" in comment or f", {key} " in comment for key in KPI_KEYS)


@pytest.mark.parametrize(
    ("entry", "key", "message"),
    [
        ({"start": "a", "end": "b", "limit": "1 day", "tagret": 0.9}, "tagret", "unknown key"),
        ({"start": "a", "end": "b", "limit": "two weeks"}, "limit", "cannot read the time"),
        ({"start": "a", "end": "b", "limit": "0 days"}, "limit", "longer than zero"),
        ({"start": "a", "statistic": "median"}, "end", "needs start and end"),
        ({"end": "b", "statistic": "median"}, "start", "needs start and end"),
        ({"value_column": "v", "end": "b", "statistic": "share"}, "value_column", "either"),
        ({"value_column": "v", "limit": "1 day"}, "limit", "applies to durations"),
        ({"value_column": "v"}, "statistic", "missing"),
        ({"value_column": "v", "statistic": "mode"}, "statistic", "not one of"),
        ({"value_column": "v", "statistic": "share"}, "success", "missing"),
        ({"value_column": "v", "statistic": "median", "success": "ja"}, "success", "only used"),
        ({"start": "a", "end": "b", "statistic": "share_within"}, "statistic", "a limit"),
        ({"start": "a", "end": "b", "statistic": "median", "limit": "1 day"}, "limit", "only"),
        ({"value_column": "v", "success": "ja", "target": 80}, "target", "between 0 and 1"),
        ({"value_column": "v", "statistic": "mean", "target": 0.5}, "target", "use norm"),
        ({"value_column": "v", "success": "ja", "norm": "hög"}, "norm", "must be a number"),
        ({"value_column": "v", "success": "ja", "higher_is_better": "ja"}, "higher_is", "true"),
        ({"start": "a", "end": "b", "limit": "1 working day", "unit": "days"}, "unit", "match"),
        ({"start": "a", "end": "b", "statistic": "median", "unit": "furlongs"}, "unit", "dura"),
        ({"value_column": "v", "success": "ja", "filter": "kanal"}, "filter", "inline table"),
        ({"value_column": "v", "success": "ja", "filter": {"k": {"a": 1}}}, "filter", "equal"),
        ({"value_column": 3, "success": "ja"}, "value_column", "non-empty text"),
        ({"aspect": "kvalitet", "value_column": "v", "success": "ja"}, "aspect", "not one of"),
        ({"value_column": "v", "success": "ja", "period": "i fjol"}, "period", "a year"),
        ({"value_column": "v", "success": "ja", "period": "2024-2023"}, "period", "earlier year"),
        ({"value_column": "v", "success": "ja", "period": 24}, "period", "a year"),
        ({"value_column": "v", "success": "ja", "period": True}, "period", "a year"),
        ({"value_column": "v", "success": "ja", "period": "1850"}, "period", "1900-2100"),
        (
            {"value_column": "v", "success": "ja", "start": "d", "period": "2024"},
            "period",
            "date column 'd'",
        ),
        ({"start": "a", "end": "b", "statistic": "median", "period": "2024"}, "period", "date"),
    ],
)
def test_bad_kpi_entries_name_the_key_and_the_kpi(
    entry: dict, key: str, message: str, one: Any
) -> None:
    with pytest.raises(ConfigError) as err:
        one(**entry)
    text = str(err.value)
    assert text.startswith('k.toml: [[kpi]] 1 ("K"), key ')
    assert f"key {key!r}" in text or f"key '{key}" in text
    assert message in text


def test_top_level_and_file_errors(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="unknown top-level key 'titel'"):
        kpi_config_from_dict({"titel": "x", "kpi": []}, "k.toml", tmp_path)
    with pytest.raises(ConfigError, match=r"no KPIs: add at least one \[\[kpi\]\]"):
        kpi_config_from_dict({"title": "x"}, "k.toml", tmp_path)
    with pytest.raises(ConfigError, match="key 'name': missing"):
        kpi_config_from_dict({"kpi": [{"aspect": "resultat"}]}, "k.toml", tmp_path)
    with pytest.raises(ConfigError, match="key 'data': file not found"):
        kpi_config_from_dict(
            {"kpi": [{"name": "K", "aspect": "resultat", "data": "nope.csv"}]}, "k.toml", tmp_path
        )
    with pytest.raises(ConfigError, match="invalid TOML"):
        load_kpi_config(DATA / "kpi_bad_syntax.toml")
    with pytest.raises(ConfigError, match="not found"):
        load_kpi_config(tmp_path / "missing.toml")
    latin = tmp_path / "latin.toml"
    latin.write_bytes('title = "Nåbarhet"'.encode("cp1252"))
    with pytest.raises(ConfigError, match="not UTF-8"):
        load_kpi_config(latin)


def test_aspect_synonyms_and_defaults(one: Any) -> None:
    spec = one(aspect="Lead time", start="a", end="b", statistic="p90", unit="weeks")
    assert spec.aspect == "genomförandetid"
    assert (spec.duration_unit, spec.unit_factor, spec.higher_is_better) == ("days", 7.0, False)
    spec = one(aspect="NABARHET", value_column="v", success=["Ja", 1], filter={"år": [2019, 2020]})
    assert spec.statistic == "share" and spec.success == ("Ja", "1")
    assert spec.filter == (("år", ("2019", "2020")),)


def test_two_kpis_with_one_name_are_refused() -> None:
    entry = {"name": "Samma", "aspect": "resultat", "data": "x.csv", "value_column": "v",
             "statistic": "share", "success": "ja"}  # fmt: skip
    with pytest.raises(ConfigError, match=r"\[\[kpi\]\] 2 \(\"Samma\"\), key 'name'"):
        kpi_config_from_dict({"kpi": [entry, dict(entry)]}, "k.toml", Path("."), check_files=False)


@pytest.mark.parametrize(
    ("given", "shown"),
    [("2024", "2024"), (2024, "2024"), ("2023-2024", "2023–2024"), ("2023 – 2024", "2023–2024"),
     ("2024-2024", "2024")],
)  # fmt: skip
def test_a_dateless_kpi_may_declare_its_period(one: Any, given: object, shown: str) -> None:
    spec = one(value_column="v", success="ja", period=given)
    assert spec.period == shown and spec.to_dict()["declared_period"] == shown
    assert one(value_column="v", success="ja").period is None


def test_an_unquoted_swedish_key_gets_a_hint(tmp_path: Path) -> None:
    """Review 2, item 21: a bare "område" is a TOML error; the message says to quote it."""
    path = tmp_path / "k.toml"
    path.write_text(
        '[[kpi]]\nname = "K"\naspect = "resultat"\ndata = "x.csv"\nvalue_column = "v"\n'
        'success = "ja"\nfilter = { kanal = "telefon", område = "bygglov" }\n',
        encoding="utf-8",
    )
    with pytest.raises(ConfigError) as err:
        load_kpi_config(path)
    assert 'quote keys with å, ä, ö: { "område" = ... }' in str(err.value)
    assert "invalid TOML" in str(err.value) and "line 7" in str(err.value)
    path.write_text(path.read_text(encoding="utf-8").replace("område =", '"område" ='),
                    encoding="utf-8")  # fmt: skip
    (tmp_path / "x.csv").write_text("v\nja\n", encoding="utf-8")
    assert load_kpi_config(path).kpis[0].filter[1] == ("område", ("bygglov",))
