"""``servqual kolada FILE`` and ``servqual kolada fetch``: Kolada data as it comes.

``servqual kolada FILE...`` shows one municipality against all others per KPI and year;
``servqual kolada fetch`` downloads the values from the public Kolada API into a JSON file the
first command (and ``trend --benchmark``) reads. pandas is imported inside the commands.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from typer.core import TyperGroup

from servqual_cli.cli import options as o

if TYPE_CHECKING:
    from servqual_cli.io.kolada import KoladaData
    from servqual_cli.io.kolada_map import KpiEntry
    from servqual_cli.io.read import RawTable


class _DefaultShow(TyperGroup):
    """``servqual kolada FILE`` runs ``show``; ``servqual kolada fetch ...`` runs ``fetch``."""

    def parse_args(self, ctx: typer.Context, args: list[str]) -> list[str]:  # type: ignore[override]
        if args and args[0] not in self.commands and args[0] not in ("--help", "-h"):
            args = ["show", *args]
        return super().parse_args(ctx, args)


app = typer.Typer(
    cls=_DefaultShow,
    help="Kolada KPIs: this municipality against all others per KPI and year (FILE), or "
    "fetch them from the Kolada API (fetch).\n\n"
    "servqual kolada FILE ... is short for servqual kolada show FILE ... (the options are "
    "show's: see servqual kolada show --help).\n\n"
    "Example: servqual kolada data/samples/kolada_servicematning.csv -m Lekeberg",
    no_args_is_help=True,
)

KpiOpt = Annotated[
    list[str] | None,
    typer.Option(
        "--kpi",
        help="Kolada KPI id(s) to show: repeat or separate with commas (default: every KPI "
        "in the file).",
    ),
]
FetchKpiOpt = Annotated[
    list[str] | None,
    typer.Option(
        "--kpi", help="Kolada KPI id(s) to download (required): repeat or separate with commas."
    ),
]
KpiMapOpt = Annotated[
    str | None,
    typer.Option(
        "--kpi-map",
        help="TOML file: a table \\[kpi.ID] per KPI with name, title, unit, direction "
        "(higher/lower/none); "
        "extends the map shipped with the package.",
    ),
]


def _split(values: list[str] | None) -> list[str]:
    return [p.strip() for v in values or [] for p in v.split(",") if p.strip()]


def read_kolada_input(files: list[str], opts: Any) -> RawTable:
    """API JSON (one or more pages) or one CSV/Excel download (long, or wide by year)."""
    from servqual_cli.errors import UsageError
    from servqual_cli.io.kolada_files import is_json, kolada_json_table, widen_to_long

    if all(is_json(f) for f in files):
        return kolada_json_table(files)
    if len(files) != 1:
        raise UsageError("give one CSV/Excel file, or one or more JSON pages of the Kolada API",
                         code="kolada_one_file")  # fmt: skip
    return widen_to_long(opts.read(files[0]))


def _this_key(data: KoladaData, wanted: str) -> str:
    """The municipality key (id, else name) that ``--municipality`` names."""
    from servqual_cli.errors import Location, UsageError

    frame = data.frame
    text = wanted.strip()
    if text.isdigit():
        text = text.zfill(4)
        if frame["municipality_id"].eq(text).any():
            return text
    names = frame["municipality"].astype("string").str.casefold()
    hit = frame[names.eq(wanted.strip().casefold()).fillna(False).to_numpy(dtype=bool)]
    if len(hit):
        row = hit.iloc[0]
        return str(
            row["municipality_id"] if row["municipality_id"] is not None else row["municipality"]
        )
    # names and codes, as either is accepted (review 4, finding 22): "Lekeberg (1814)"
    pairs = frame[["municipality", "municipality_id"]].drop_duplicates()
    known = sorted(
        {_named(name, code) for name, code in zip(pairs["municipality"],
                                                   pairs["municipality_id"], strict=True)}
        - {""}
    )  # fmt: skip
    more = f" and {len(known) - 10} more" if len(known) > 10 else ""
    raise UsageError(f"--municipality {wanted!r} is not in the file (it has: "
                     f"{', '.join(known[:10])}{more})", Location(data.table.source),
                     code="kolada_municipality_missing",
                     facts={"wanted": wanted, "known": ", ".join(known[:10]),
                            "n_more": max(len(known) - 10, 0)})  # fmt: skip


def _named(name: object, code: object) -> str:
    """ "Lekeberg (1814)", or whichever of the two the file has.

    >>> _named("Lekeberg", "1814"), _named(None, "1814"), _named("Lekeberg", None)
    ('Lekeberg (1814)', '1814', 'Lekeberg')
    """
    has_name = isinstance(name, str) and bool(name.strip())
    has_code = isinstance(code, str) and bool(code.strip())
    if has_name and has_code:
        return f"{name} ({code})"
    return str(name) if has_name else str(code) if has_code else ""


def _kl(key: str, lang: str) -> str:
    """A word of servqual kolada from the catalog (report/catalog_measurement.py, KOLADA)."""
    from servqual_cli.report.catalog import KOLADA
    from servqual_cli.report.labels import label

    return label(key, lang, KOLADA)


def _gender_note(gender: str, sv: bool) -> str:
    """The Kolada gender code in words (review 4, finding 22: "Gender: T." said nothing).

    >>> _gender_note("T", False), _gender_note("K", True)
    ('Gender: T = total, both sexes.', 'Kön: K = kvinnor.')
    """
    lang = "sv" if sv else "en"
    code = str(gender).upper()
    head = _kl("gender", lang)
    if code not in ("T", "K", "M"):
        return f"{head}: {gender}."
    return f"{head}: {gender} = {_kl('gender_' + code, lang)}."


def _directions(
    data: KoladaData, kpi_map: dict[str, KpiEntry]
) -> tuple[dict[str, int], dict[str, str]]:
    """Direction and title per KPI id: the KPI map first, then a contact KPI named in the file."""
    from servqual_cli.core.contacts import SPECS

    directions: dict[str, int] = {}
    titles: dict[str, str] = {}
    firsts = data.frame.drop_duplicates("kpi")
    for kpi, title in zip(firsts["kpi"], firsts["kpi_title"], strict=True):  # per KPI
        entry = kpi_map.get(str(kpi).upper())
        name = entry.name if entry and entry.name else (str(title) if title else None)
        if entry is not None and entry.direction != 0:
            directions[kpi] = entry.direction
        elif name in SPECS:
            directions[kpi] = SPECS[name].direction
        else:
            directions[kpi] = 0
        titles[kpi] = (entry.title if entry and entry.title else None) or (
            str(title) if title else ""
        )
    return directions, titles


@app.command()
def show(
    files: Annotated[
        list[str],
        typer.Argument(help="Kolada data: API JSON page(s), or a kolada.se CSV/Excel download."),
    ],
    municipality: Annotated[
        str, typer.Option("--municipality", "-m", help="This municipality: Kolada id or name.")
    ],
    kpi: KpiOpt = None,
    gender: Annotated[
        str, typer.Option("--gender", help="T (total, default), K (women) or M (men).")
    ] = "T",
    kpi_map: KpiMapOpt = None,
    fmt: o.FormatOpt = None,
    output: o.OutputOpt = None,
    sheet: o.SheetOpt = None,
    encoding: o.EncodingOpt = None,
    header_row: o.HeaderRowOpt = None,
    max_cells: o.MaxCellsOpt = None,
    strict: o.StrictOpt = False,
    excluded: o.ExcludedOpt = None,
    lang: o.LangOpt = o.Lang.en,
) -> None:
    """This municipality against all others per KPI and year: value, others' mean and median,
    rank, Kolada colour (rank thirds), change since the previous year.

    Example: servqual kolada tests/data/kolada_wide_sv.csv -m Lekeberg
    """
    from servqual_cli.cli.output import emit, guard, write_exclusions
    from servqual_cli.core.kolada_position import KoladaPosition, kolada_positions
    from servqual_cli.errors import DataError, Location
    from servqual_cli.io.kolada import load_kolada
    from servqual_cli.io.kolada_map import load_kpi_map
    from servqual_cli.io.measurement import ReadOptions
    from servqual_cli.report.kolada_sections import kolada_exclusions, kolada_sections
    from servqual_cli.report.labels import count_text, exclusion_summary
    from servqual_cli.report.spec import Document

    # guard: every output check in one call (the --excluded .csv/.txt rule and '-' were
    # skipped here: review 10b finding 5's fix did not reach this command)
    guard([*files, kpi_map], output=output, excluded=excluded, fmt=fmt)
    mapping = load_kpi_map(kpi_map)
    table = read_kolada_input(files, ReadOptions(sheet, encoding, header_row, strict))
    data = load_kolada(table, None, strict=strict, gender=gender)
    frame = data.frame
    wanted = [k.upper() for k in _split(kpi)]
    if wanted:
        frame = frame[frame["kpi"].str.upper().isin(wanted)]
        if frame.empty:
            raise DataError(f"no values for --kpi {', '.join(wanted)}", Location(table.source),
                            code="kolada_no_kpi_values",
                            facts={"kpis": ", ".join(wanted)})  # fmt: skip
    if frame.empty or (
        frame["municipality_id"].isna().all() and frame["municipality"].isna().all()
    ):
        shown = exclusion_summary(data.excluded, "en")
        raise DataError(f"no usable value with a municipality and a number ({shown})",
                        Location(table.source), code="kolada_no_usable_value",
                        facts={"shown": shown,
                               "shown_sv": exclusion_summary(data.excluded, "sv")})  # fmt: skip
    data = dataclasses.replace(data, frame=frame)
    this = _this_key(data, municipality)
    directions, titles = _directions(data, mapping)
    values = frame.assign(key=frame["municipality_id"].fillna(frame["municipality"]))
    positions = kolada_positions(values, this, directions)
    if positions.empty:
        raise DataError(f"{municipality} has no values for these KPIs", Location(table.source))
    kpis = tuple({"id": k, "title": titles.get(k) or None, "direction": directions.get(k, 0)}
                 for k in positions["kpi"].unique())  # fmt: skip
    result = KoladaPosition(this, data.gender, positions, kpis)
    payload: dict[str, Any] = {
        "input": table.describe(),
        **result.to_dict(),
        "n_average_rows": data.n_average_rows,
        "excluded": data.excluded,
        "status_flags": data.flags,
        "ignored_kpis": list(data.ignored_kpis),
        "rule": "others = unweighted mean and median of the other municipalities' published "
        "values; rank 1 = best in the KPI's direction, ties share the better rank; colour by "
        "rank thirds: ceil(3 * rank / n): green, yellow, red; no test (published values)",
        "rank_basis": _rank_basis(),
    }
    sv = lang.value == "sv"
    notes = [_kl("others_note", lang.value), _gender_note(data.gender, sv)]
    unranked = [k for k in positions["kpi"].unique() if directions.get(k, 0) == 0]
    if unranked:
        notes.append(_kl("not_ranked_note", lang.value).format(kpis=", ".join(unranked)))
    if data.n_average_rows:
        notes.append(
            _kl(
                "average_rows_note_one" if data.n_average_rows == 1 else "average_rows_note",
                lang.value,
            ).format(n=count_text(data.n_average_rows, lang.value))
        )
    if data.flags:
        shown = ", ".join(f"{k} {count_text(v, lang.value)}" for k, v in data.flags.items())
        notes.append(_kl("status_flags", lang.value).format(flags=shown))
    notes.append(f"{kolada_exclusions(data.excluded, lang.value)}.")
    named = values.loc[values["key"].eq(this), "municipality"].dropna()
    shown = f"{named.iloc[0]} ({this})" if len(named) and str(named.iloc[0]) != this else this
    doc = Document(f"Kolada: {shown}", tuple(kolada_sections(positions, titles, lang.value, notes)))
    write_exclusions(excluded, data.exclusions, table)
    emit(doc, payload, positions, fmt, output, lang=lang.value)


@app.command()
def fetch(
    kpi: FetchKpiOpt = None,
    municipality: Annotated[
        list[str] | None,
        typer.Option(
            "--municipality",
            "-m",
            help="Kolada municipality id(s); leave out to fetch every municipality (needed to "
            "rank one among all).",
        ),
    ] = None,
    years: Annotated[
        str,
        typer.Option("--years", help="Years to download (required), e.g. 2019-2024 or 2019,2022."),
    ] = "",
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help="JSON file to write (required): the API's pages."),
    ] = None,
    timeout: Annotated[
        float, typer.Option("--timeout", min=0.01, help="Seconds per request.")
    ] = 30.0,
    retries: Annotated[int, typer.Option("--retries", min=0, max=10, help="Retries per page.")] = 3,
    api_url: Annotated[
        str, typer.Option("--api-url", help="Base URL of the Kolada API.")
    ] = "https://api.kolada.se/v3",
    lang: o.LangOpt = o.Lang.en,
) -> None:
    """Download KPI values from the public Kolada API (paging, retries, timeout).

    Example: servqual kolada fetch --kpi U07451 --years 2019-2024 -o kolada.json
    """
    import json

    from servqual_cli.cli.output import check_output
    from servqual_cli.errors import UsageError
    from servqual_cli.io.kolada_api import YEARS_PER_REQUEST, data_url, fetch_pages, parse_years
    from servqual_cli.report.atomic import write_atomic
    from servqual_cli.report.catalog import count_text

    kpis = _split(kpi)
    if not kpis:
        raise UsageError(
            "give at least one --kpi (a Kolada id such as N00945)", code="fetch_needs_kpi"
        )
    if not years:
        raise UsageError("give --years, e.g. 2019-2024", code="fetch_needs_years")
    if output is None:
        raise UsageError("give -o FILE.json for the downloaded pages", code="fetch_needs_output")
    check_output(output, [])
    wanted = parse_years(years)
    pages: list[dict[str, Any]] = []
    retried = 0
    urls = []
    for start in range(0, len(wanted), YEARS_PER_REQUEST):  # the API takes 25 years at most
        url = data_url(
            api_url, kpis, _split(municipality), wanted[start : start + YEARS_PER_REQUEST]
        )
        result = fetch_pages(url, timeout=timeout, retries=retries)
        pages.extend(result.pages)
        retried += result.retries
        urls.append(url)
    text = json.dumps(pages, ensure_ascii=False, indent=1, sort_keys=True) + "\n"
    write_atomic(output, text.encode("utf-8"))
    n_values = sum(len(p["values"]) for p in pages)
    done = _kl("fetch_done", lang.value).format(
        output=output,
        pages=count_text(len(pages), lang.value),
        rows=count_text(n_values, lang.value),
        urls=_kl("fetch_and", lang.value).join(urls),
    )
    retries_text = _kl("fetch_retries", lang.value).format(n=count_text(retried, lang.value))
    typer.echo(done + (retries_text if retried else ""), err=True)


def _rank_basis() -> str:
    from servqual_cli.core.benchmark import RANK_BASIS

    return RANK_BASIS
