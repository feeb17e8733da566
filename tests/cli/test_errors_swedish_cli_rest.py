"""The Swedish error line (see test_errors_swedish_cli.py) of the sites coded in session 14: the
trend's and the series' options, --threads, --email-rule, servperf's --by, ``servqual kolada``
and ``kolada fetch`` (which takes --lang now), a contact column without one valid value, a custom
instrument's TOML and its columns, a scale too short for top-2 boxes.
"""

from __future__ import annotations

import io
import urllib.error
from pathlib import Path
from typing import Any

import pytest

from .conftest import DATA, FORMS_DIR, KIOSK, SV, TOOLBOX_SYNTH, check

PERCEPTION_ONLY = ("-i", str(FORMS_DIR / "kiosk_perception_only.toml"))
C19, C20 = str(DATA / "contacts_2019.csv"), str(DATA / "contacts_2020.csv")
SAMPLES = DATA.parent.parent / "data" / "samples"
FETCH = ("kolada", "fetch", "--kpi", "U07451")

# (args, exit code, error code, a piece of the Swedish line)
REST_CASES: list[tuple[tuple[str, ...], int, str, str]] = [
    (("gap", str(DATA / "kiosk.csv"), *KIOSK, "--threads", "0"), 2, "threads_value",
     "servqual: fel: --threads ska vara ett heltal, 1 eller fler, inte '0'"),
    (("gap", str(DATA / "kiosk.csv"), *PERCEPTION_ONLY, "--by", "Enhet"), 2,
     "by_perception_only", "--by finns ännu inte för ett instrument med bara upplevelse"),
    (("contacts", C19, "--email-rule", "foo"), 2, "email_rule_value",
     "--email-rule ska vara 24h, next-day eller office-hours=TT-TT (t.ex. 08-17), inte 'foo'"),
    (("items", str(DATA / "kiosk.csv"), "--items", "F1,F2", "--scale-range", "1,3"), 1,
     "scale_too_short",
     "skalan 1..3 är för kort för de två översta och de två nedersta stegen"),
    (("contacts", str(DATA / "contacts_all_text.csv")), 1, "contacts_no_valid_value",
     "rad 2, kolumn 'sent_at': inget värde i den här kolumnen är ett datum med klockslag (t.ex. "
     "'snart'); är det rätt kolumn?"),
    # servqual trend: two years or a series (cli.trend_pair, cli.trend_series)
    # knowledge-gap with the files swapped: the first file's missing-columns sentence, coded, and
    # the hint after it (review 11b, finding 4: the body stayed English)
    (("knowledge-gap", str(SAMPLES / "karlstad_personal.xlsx"),
      str(SAMPLES / "karlstad_servqual.xlsx")), 1, "knowledge_swapped",
     "instrumentet 'SERVQUAL (Parasuraman, Berry & Zeithaml 1991)' behöver kolumnerna P1, P2"),
    (("trend", C19, "--years", "2019"), 2, "years_two_different",
     "servqual: fel: --years tar två olika år, t.ex. 2019,2020; fick '2019'"),
    (("trend", C19, C19), 2, "before_after_same",
     "BEFORE och AFTER innehåller samma data ("),
    (("trend", C19, str(DATA / "kiosk.csv"), *KIOSK), 2, "kinds_differ",
     "båda filerna ska vara kontaktfiler eller båda SERVQUAL-enkäter: contacts_2019.csv är en "
     "kontaktfil och kiosk.csv är en SERVQUAL-enkät"),
    (("trend", str(DATA / "kiosk.csv"), str(DATA / "kiosk_cut.csv"), *KIOSK, "--benchmark",
      str(DATA / "contacts_kolada.csv")), 2, "benchmark_on_survey",
     "--benchmark jämför kontakternas nyckeltal; den gäller inte enkäter"),
    (("trend", C19, C20, "--weight-column", "w"), 2, "weight_column_contacts",
     "--weight-column viktar svarande i en SERVQUAL-enkät; den gäller inte kontaktfiler"),
    (("trend", C19, C20, str(DATA / "contacts_years.csv"), "--years", "2019,2020"), 2,
     "years_with_series", "--years väljer två år; en serie filer använder varje fils år"),
    (("trend", str(DATA / "contacts_years.csv"), "--years", "2020,2019"), 2,
     "before_after_order", "BEFORE är 2020 och AFTER är 2019: ange det tidigare året först"),
    (("trend", C19, C20, str(DATA / "kiosk.csv"), *KIOSK), 2, "series_contacts_only",
     "kiosk.csv: en serie med tre eller fler filer tar bara kontaktfiler"),
    # kolada fetch (cli.kolada, io.kolada_api); nothing listens on port 9: refused at once
    (("kolada", "fetch"), 2, "fetch_needs_kpi",
     "servqual: fel: ange minst ett --kpi (ett id i Kolada som N00945)"),
    ((*FETCH,), 2, "fetch_needs_years", "servqual: fel: ange --years, t.ex. 2019-2024"),
    ((*FETCH, "--years", "2020"), 2, "fetch_needs_output",
     "servqual: fel: ange -o FIL.json för de nedladdade sidorna"),
    ((*FETCH, "--years", "x", "-o", "k.json"), 2, "fetch_years_form",
     "--years tar t.ex. 2019-2024 eller 2019,2020; fick 'x'"),
    ((*FETCH, "--years", "1800", "-o", "k.json"), 2, "fetch_years_range",
     "--years tar år från 1900 till 2100; fick '1800'"),
    ((*FETCH, "--years", "2020", "-o", "k.json", "--api-url", "ftp://x"), 2, "api_url_scheme",
     "adressen till Koladas API måste vara http eller https; fick 'ftp://x/data/kpi/U07451/"),
    ((*FETCH, "--years", "2020", "-o", "k.json", "--api-url", "http://127.0.0.1:9/v2",
      "--retries", "0"), 1, "api_unreachable",
     "kan inte hämta http://127.0.0.1:9/v2/data/kpi/U07451/year/2020 (på engelska: "),
]  # fmt: skip


@pytest.mark.parametrize(("args", "exit_code", "code", "swedish"), REST_CASES,
                         ids=[f"{c[2]}-{i}" for i, c in enumerate(REST_CASES)])  # fmt: skip
def test_error_in_swedish(
    cli, seen, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, args, exit_code, code, swedish
) -> None:
    monkeypatch.chdir(tmp_path)  # kolada fetch's -o k.json is never written (it fails first)
    check(cli, seen, args, exit_code, code, swedish)
    assert not (tmp_path / "k.json").exists()


def _instrument(body: str) -> str:
    return 'name = "X"\nscale = [1, 5]\nexpectation = "F{item}"\nperception = "U{item}"\n' + body


DIMS = "[dimensions]\nA = [1, 2]\n"
_YEAR_2019 = (SV / "year_2019.csv").read_text(encoding="utf-8")
_KIOSK = (DATA / "kiosk.csv").read_text(encoding="utf-8").splitlines(keepends=True)


def _toolbox_apart() -> str:
    """The toolbox's synthetic survey with A left blank for every other respondent and D for
    the rest: every column has answers, no respondent a whole (A, D, P) triple."""
    lines = TOOLBOX_SYNTH.read_text(encoding="utf-8").splitlines()
    head = lines[0].split(",")
    out = [lines[0]]
    for i, line in enumerate(lines[1:]):
        gone = '"A' if i % 2 == 0 else '"D'
        pairs = zip(head, line.split(","), strict=True)
        out.append(",".join("" if h.startswith(gone) else c for h, c in pairs))
    return "\n".join(out) + "\n"


def _kiosk_blank(first: int, last: int) -> str:
    """kiosk.csv with the columns first..last (0-based) of every respondent left blank."""
    rows = [r.rstrip("\n").split(",") for r in _KIOSK[1:]]
    blank = [",".join("" if first <= i <= last else v for i, v in enumerate(r)) for r in rows]
    return _KIOSK[0] + "\n".join(blank) + "\n"


# files written in tmp_path ({path} in the arguments; {dir} is tmp_path):
# (file name, content, args, exit code, error code, a piece of the Swedish line)
INSTRUMENT = ("gap", str(DATA / "kiosk.csv"), "-i", "{path}")
TMP_CASES: list[tuple[str, str, tuple[str, ...], int, str, str]] = [
    ("i1.toml", _instrument("foo = 1\n" + DIMS), INSTRUMENT, 2, "instrument_unknown_key",
     "i1.toml: okänd nyckel 'foo'; tillåtna nycklar: adequate, desired, dimension_labels,"),
    ("i2.toml", 'name = "X"\n', INSTRUMENT, 2, "instrument_missing_key",
     "i2.toml: nyckeln 'scale' saknas"),
    ("i3.toml", _instrument(DIMS).replace('"X"', '" "'), INSTRUMENT, 2, "instrument_name_text",
     "'name' ska vara en text som inte är tom"),
    ("i4.toml", _instrument(DIMS).replace("[1, 5]", "[5, 1]"), INSTRUMENT, 2, "instrument_scale",
     "'scale' ska vara [min, max] med min < max (ändliga tal), inte [5, 1]"),
    ("i5.toml", _instrument("dimensions = 1\n"), INSTRUMENT, 2, "instrument_dimensions_map",
     "[dimensions] ska ge varje dimensions namn en lista med frågenummer"),
    ("i6.toml", _instrument("[dimensions]\nA = []\n"), INSTRUMENT, 2,
     "instrument_dimension_items", "dimensionen 'A' ska lista frågenummer, t.ex. [1, 2, 3]"),
    ("i7.toml", _instrument("[dimensions]\nA = [1]\nB = [1]\n"), INSTRUMENT, 2,
     "instrument_item_twice", "fråga 1 finns i både 'A' och 'B'"),
    ("i8.toml", _instrument('reverse = "x"\n' + DIMS), INSTRUMENT, 2, "instrument_reverse_list",
     "'reverse' ska vara en lista med frågenummer"),
    ("i9.toml", _instrument("reverse = [7]\n" + DIMS), INSTRUMENT, 2, "instrument_reverse_stray",
     "'reverse' nämner fråga 7, som inte finns i någon dimension"),
    ("i10.toml", _instrument("missing = 1\n" + DIMS), INSTRUMENT, 2, "instrument_missing_list",
     "'missing' måste vara en lista med texter eller tal, t.ex. [\"Vet ej\", 99]"),
    ("i11.toml", _instrument("labels = 1\n" + DIMS), INSTRUMENT, 2, "instrument_labels_map",
     '[labels] ska ge svarstexter ett tal, t.ex. "Instämmer helt" = 7'),
    ("i12.toml", _instrument(DIMS + '[labels]\n"Bra" = 9\n'), INSTRUMENT, 2,
     "instrument_label_outside", "svarstexten 'Bra' = 9 ligger utanför skalan 1–5"),
    ("i13.toml", _instrument(DIMS).replace('"U{item}"', '"F{item}"'), INSTRUMENT, 1,
     "column_two_roles", "kiosk.csv: kolumnen 'F1' används för både fråga 1 (förväntan) och "
     "fråga 1 (upplevelse); varje roll och fråga behöver en egen kolumn"),
    ("i14.toml", _instrument(DIMS).replace('"F{item}"', '{ regex = "{item}" }'), INSTRUMENT, 1,
     "regex_many_columns", "kiosk.csv: fråga 1 (förväntan): det reguljära uttrycket '1' passar "
     "3 kolumner ('F1'; 'U1'; 'V1'); gör det så att det passar exakt en"),
    # gap --overall: derived importance (core.importance)
    ("k3.csv", "".join(_KIOSK[:4]), ("gap", "{path}", *KIOSK, "--overall", "V1"), 1,
     "importance_too_few", "den härledda betydelsen behöver minst 4 svarande med 'V1' och varje "
     "dimension giltig, fick 3"),
    ("kc.csv", _KIOSK[0] + "".join(r.rpartition(",")[0].rpartition(",")[0] + ",50,50\n"
                                   for r in _KIOSK[1:]),
     ("gap", "{path}", *KIOSK, "--overall", "V1"), 1, "importance_constant",
     "den härledda betydelsen: 'V1' eller en dimensions värde är konstant eller kolinjärt"),
    # nothing left to compare (core.knowledge_gap, core.servperf)
    ("staff.csv", _kiosk_blank(2, 6), ("knowledge-gap", str(DATA / "kiosk.csv"), "{path}", *KIOSK),
     1, "no_expectation_answer", "personalens fil har inget giltigt svar om förväntningar"),
    ("p.csv", _kiosk_blank(7, 11), ("gap", "{path}", "-i",
     str(FORMS_DIR / "kiosk_perception_only.toml")), 1, "no_perception_answer",
     "ingen svarande har ett giltigt svar om upplevelsen efter rensningen"),
    ("tol.csv", _toolbox_apart(), ("tolerance", "{path}", "-i", str(DATA / "toolbox.toml")), 1,
     "no_tolerance_triple", "servqual: fel: ingen svarande har giltiga värden för lägsta "
     "godtagbara nivå, önskad nivå och upplevelse"),
    # a report's tolerance section on a survey without A and D columns (report.toolbox_part)
    ("rep.toml", f'sections = ["tolerance"]\n[survey]\nfile = "{(DATA / "kiosk.csv").as_posix()}"'
     f'\ninstrument = "{(DATA / "kiosk.toml").as_posix()}"\n',
     ("report", "{path}", "-o", "{dir}/out"), 2, "tolerance_section_columns",
     "rep.toml: avsnittet 'tolerance' behöver kolumner för lägsta godtagbara nivå, önskad nivå "
     "och upplevelse; filen i [survey] kiosk.csv har inga kolumner för lägsta godtagbara nivå "
     "(A1 …) eller önskad nivå (D1 …); ange en fil som har dem som file i [tolerance]"),
    # servqual kolada (io.kolada_files, cli.kolada)
    ("deep.json", "[" * 100_000, ("kolada", "{path}", "-m", "1814"), 1, "json_too_deep",
     "deep.json: är inte giltig JSON (för djupt nästlad)"),
    ("blank.csv", "kpi,municipality_id,period,value\nU07451,,2020,\n",
     ("kolada", "{path}", "-m", "1814"), 1, "kolada_no_usable_value",
     "blank.csv: inget användbart värde med en kommun och ett tal (Uteslutna celler: tomma 1)"),
    # a series of three contact files, each with its year (cli.measurement)
    ("y2021.csv", _YEAR_2019.replace("2019", "2021"),
     ("trend", str(SV / "year_2019.csv"), "{dir}/y2020.csv", "{path}", "--weight-column", "w"),
     2, "weight_column_series",
     "--weight-column viktar svarande i en SERVQUAL-enkät; en serie kontaktfiler har inga"),
]  # fmt: skip


@pytest.mark.parametrize(("name", "content", "args", "exit_code", "code", "swedish"), TMP_CASES,
                         ids=[c[4] for c in TMP_CASES])  # fmt: skip
def test_error_in_swedish_on_files_made_here(
    cli, seen, tmp_path: Path, name, content, args, exit_code, code, swedish
) -> None:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    (tmp_path / "y2020.csv").write_text(_YEAR_2019.replace("2019", "2020"), encoding="utf-8")
    args = tuple(a.format(path=path, dir=tmp_path) for a in args)
    check(cli, seen, args, exit_code, code, swedish)


def _kpi(body: str, *, name: str = "A") -> str:
    """One [[kpi]] table on tests/data/kpi_cases.csv, with ``body`` for its other keys."""
    data = (DATA / "kpi_cases.csv").as_posix()
    return f'[[kpi]]\nname = "{name}"\naspect = "väntetid"\ndata = "{data}"\n{body}'


DURATION = 'start = "skickad"\nend = "besvarad"\n'
# KPI configurations, each wrong in one [[kpi]] key (io.kpi_config): (content, inner code,
# a piece of the Swedish line); the outer code is kpi_entry, "[[kpi]] 1 ("A"), nyckeln '…': …"
KPI: list[tuple[str, str, str]] = [
    (_kpi(DURATION + "foo = 1\n"), "kpi_key_unknown",
     "[[kpi]] 1 (\"A\"), nyckeln 'foo': okänd nyckel; tillåtna nycklar: aspect, by,"),
    ('[[kpi]]\nname = "A"\ndata = "x.csv"\n', "kpi_key_missing",
     "nyckeln 'aspect': saknas (name, aspect och data krävs)"),
    (_kpi(DURATION + 'by = " "\n'), "kpi_key_text",
     "nyckeln 'by': ska vara en text som inte är tom, inte ' '"),
    (_kpi(DURATION).replace("väntetid", "x"), "kpi_not_one_of",
     "nyckeln 'aspect': 'x' är inte någon av "),
    (_kpi(DURATION + 'statistic = "x"\n'), "kpi_not_one_of",
     "nyckeln 'statistic': 'x' är inte någon av median, mean, p90, share_within, share"),
    (_kpi(DURATION).replace("kpi_cases.csv", "nope.csv"), "kpi_data_not_found",
     "nyckeln 'data': filen finns inte: '"),
    (_kpi(DURATION + 'value_column = "väntetid"\n'), "kpi_value_or_end",
     "nyckeln 'value_column': ett nyckeltal har antingen start/end (tider) eller value_column"),
    (_kpi(""), "kpi_needs_columns",
     "nyckeln 'start': ett nyckeltal behöver start och end (tider) eller value_column (värden)"),
    (_kpi('value_column = "väntetid"\nlimit = "2 days"\n'), "kpi_limit_on_values",
     "nyckeln 'limit': en tidsgräns gäller tider (start/end), inte value_column"),
    (_kpi('value_column = "väntetid"\n'), "kpi_statistic_missing",
     "nyckeln 'statistic': saknas; ange en av median, mean, p90, share_within, share"),
    (_kpi(DURATION + 'statistic = "share_within"\n'), "kpi_share_within",
     "nyckeln 'statistic': 'share_within' behöver start, end och en tidsgräns (limit)"),
    (_kpi(DURATION + 'limit = "2 days"\nstatistic = "median"\n'), "kpi_limit_statistic",
     "nyckeln 'limit': en tidsgräns används bara med statistiken 'share_within', inte 'median'"),
    (_kpi(DURATION + 'statistic = "share"\n'), "kpi_share_needs",
     "nyckeln 'statistic': 'share' behöver value_column och success"),
    (_kpi('value_column = "väntetid"\nstatistic = "median"\ntarget = 0.9\n'),
     "kpi_target_share", "nyckeln 'target': ett mål (target) är en andel som ska nås (0–1)"),
    (_kpi(DURATION + 'limit = "2 days"\ntarget = 1.5\n'), "kpi_share_range",
     "nyckeln 'target': ska vara en andel mellan 0 och 1 (t.ex. 0.9, med decimalpunkt i TOML), "
     "inte 1.5"),
    (_kpi(DURATION + 'limit = "2 days"\nhigher_is_better = "yes"\n'), "kpi_bool",
     "nyckeln 'higher_is_better': ska vara true eller false, inte 'yes'"),
    (_kpi(DURATION + 'limit = "2 days"\nregister = "x"\n'), "kpi_register",
     "nyckeln 'register': ska vara en av auto, feedback, none, inte 'x'"),
    (_kpi(DURATION + 'limit = "x"\n'), "limit_unreadable",
     "nyckeln 'limit': kan inte läsa tidsgränsen 'x'"),
]  # fmt: skip


@pytest.mark.parametrize(("content", "inner", "swedish"), KPI,
                         ids=[f"{c[1]}-{i}" for i, c in enumerate(KPI)])  # fmt: skip
def test_error_in_swedish_on_kpi_tables(cli, seen, tmp_path: Path, content, inner, swedish) -> None:
    path = tmp_path / "k.toml"
    path.write_text(content, encoding="utf-8")
    check(cli, seen, ("kpi", str(path)), 2, "kpi_entry", swedish)
    assert seen[-1].facts["code"] == inner


def test_error_in_swedish_on_a_kpi_name_given_twice(cli, seen, tmp_path: Path) -> None:
    path = tmp_path / "k.toml"
    path.write_text(_kpi(DURATION + 'limit = "2 days"\n') * 2, encoding="utf-8")
    check(cli, seen, ("kpi", str(path)), 2, "kpi_name_twice",
          "k.toml: [[kpi]] 2 (\"A\"), nyckeln 'name': namnet används redan av [[kpi]] 1; ge "
          "varje nyckeltal ett eget namn")  # fmt: skip


def test_error_in_swedish_on_a_file_that_cannot_be_written(
    cli, seen, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The folder refuses the staged file (report.atomic; as a read-only folder does, which
    root cannot be shown): EACCES, said in Swedish by its errno."""

    def refuse(*args: object, **kwargs: object) -> tuple[int, str]:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr("tempfile.mkstemp", refuse)
    out = tmp_path / "out.json"
    check(cli, seen, ("gap", str(DATA / "kiosk.csv"), *KIOSK, "-o", str(out)), 2,
          "cannot_write", f"servqual: fel: kan inte skriva '{out}': åtkomst nekad")  # fmt: skip


class _Unreadable:
    """A standard input whose bytes cannot be read (a closed or broken stream)."""

    class buffer:
        @staticmethod
        def read(size: int) -> bytes:
            raise OSError("Bad file descriptor")


# standard input closed or broken (cli.main, io.limits): (stdin, error code, Swedish)
STDIN: list[tuple[Any, str, str]] = [
    (None, "stdin_closed", "servqual: fel: standard in är stängd; ange ett filnamn i stället"),
    (io.StringIO(""), "stdin_closed_read",
     "servqual: fel: <stdin>: standard in är stängd; ange en fil i stället för '-'"),
    (_Unreadable(), "stdin_unreadable",
     "<stdin>: kan inte läsa standard in (systemets besked, på engelska: Bad file descriptor)"),
]  # fmt: skip


@pytest.mark.parametrize(("stdin", "code", "swedish"), STDIN, ids=[c[1] for c in STDIN])
def test_error_in_swedish_on_standard_input(
    cli, seen, monkeypatch: pytest.MonkeyPatch, stdin, code, swedish
) -> None:
    monkeypatch.setattr("sys.stdin", stdin)
    check(cli, seen, ("gap", "-", *KIOSK), 2, code, swedish)


class _Answer(io.BytesIO):
    """What urllib.request.urlopen returns, as a context manager."""

    def __enter__(self) -> _Answer:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _answers(body: bytes | None) -> Any:
    def urlopen(request: Any, timeout: float) -> _Answer:
        if body is None:
            raise urllib.error.HTTPError(request.full_url, 404, "Not Found", {}, None)  # type: ignore[arg-type]
        return _Answer(body)

    return urlopen


URL = "http://kolada.test/v3/data/kpi/U07451/year/2020"
# answers of a Kolada API stood in for by urlopen: (answer, error code, a piece of the Swedish)
API: list[tuple[bytes | None, str, str]] = [
    (b"<html>", "api_not_json", f"Koladas API svarade på {URL} med något som inte är JSON"),
    (b'{"count": 0}', "api_no_values", f"Koladas API svarade på {URL} utan en lista 'values'"),
    (None, "api_http_status", f"Koladas API svarade HTTP 404 för {URL}"),
    (b'{"values": [], "next_page": "' + URL.encode() + b'"}', "api_paging_endless",
     f"sidorna från Koladas API tar aldrig slut (vid {URL})"),
]  # fmt: skip


@pytest.mark.parametrize(("body", "code", "swedish"), API, ids=[c[1] for c in API])
def test_error_in_swedish_on_kolada_api_answers(
    cli, seen, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, body, code, swedish
) -> None:
    monkeypatch.setattr("urllib.request.urlopen", _answers(body))
    out = tmp_path / "k.json"
    args = (*FETCH, "--years", "2020", "-o", str(out), "--api-url", "http://kolada.test/v3")
    check(cli, seen, args, 1, code, swedish)
    assert not out.exists()


def test_kolada_fetch_says_what_it_wrote_in_swedish(
    cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """kolada fetch takes --lang: its closing line too is Swedish (English as before)."""
    page = b'{"values": [{"kpi": "U07451", "municipality": "1814", "period": 2020, "values": []}]}'
    monkeypatch.setattr("urllib.request.urlopen", _answers(page))
    out = tmp_path / "k.json"
    args = (*FETCH, "--years", "2020", "-o", str(out), "--api-url", "http://kolada.test/v3")
    sv = cli(*args, "--lang", "sv")
    assert sv.exit_code == 0, sv.stderr
    assert sv.stderr == f"{out}: 1 sida/sidor, 1 rader från {URL}\n"
    en = cli(*args)
    assert en.exit_code == 0 and en.stderr == f"{out}: 1 page(s), 1 rows from {URL}\n"
