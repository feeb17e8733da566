"""Error sentences by code (sv, en) for Kolada's files and options (``servqual kolada``,
``--benchmark`` files, ``--kpi-map``), spread into
:data:`servqual_cli.report.catalog_errors.ERRORS` (kept apart so that each module stays under
400 lines; the lookup is ERRORS alone). The English text is the raise site's own sentence; a
TOML key or value and a KPI id are quoted as written.
"""

from __future__ import annotations

KOLADA_ERRORS: dict[str, tuple[str, str]] = {
    # servqual kolada (cli.kolada); `kolada fetch` has no --lang, so its errors stay English
    "kolada_one_file": (
        "ange en CSV- eller Excelfil, eller en eller flera JSON-sidor från Koladas API",
        "give one CSV/Excel file, or one or more JSON pages of the Kolada API",
    ),
    "kolada_municipality_missing": (
        "--municipality {wanted!r} finns inte i filen (den har: {known}{more})",
        "--municipality {wanted!r} is not in the file (it has: {known}{more})",
    ),
    "kolada_no_kpi_values": ("inga värden för --kpi {kpis}", "no values for --kpi {kpis}"),
    # a Kolada table (io.kolada)
    "kolada_needs_municipality": (
        "en Kolada-tabell behöver en kolumn municipality_id eller municipality (kommun)",
        "a Kolada table needs a municipality_id or municipality column",
    ),
    "kolada_no_known_kpi": (
        "ingen rad har ett känt nyckeltal (efter kpi, kpi_name eller nyckeltalskartan: {names}); "
        "filen har {ignored}",
        "no row holds a known KPI (by kpi, kpi_name or the KPI map: {names}); the file has "
        "{ignored}",
    ),
    # two rows of one KPI, municipality and year with different values (review 12a, finding 7)
    "kolada_conflicting_duplicate": (
        "rad {row_a} och {row_b}: {kpi}, {who}{year} har två värden ({a} och {b}); behåll ett "
        "(två nedladdningar ihopklistrade efter att Kolada reviderat ett värde?)",
        "rows {row_a} and {row_b}: {kpi}, {who}{year} has two values ({a} and {b}); keep one "
        "(two downloads pasted together after Kolada revised a value?)",
    ),
    "gender_value": (
        "--gender tar T (totalt), K (kvinnor) eller M (män), inte {value!r}",
        "--gender takes T (total), K (women) or M (men); got {value!r}",
    ),
    "gender_no_column": (
        "--gender {gender}: filen har ingen kolumn för kön",
        "--gender {gender}: the file has no gender (kön) column",
    ),
    # pages of the Kolada API (io.kolada_files)
    "json_invalid": (
        "är inte giltig JSON (rad {line}, kolumn {col})",
        "is not valid JSON (line {line}, column {col})",
    ),
    "json_not_kolada_page": (
        "sida {number} är inget svar med data från Kolada (ett objekt med en lista 'values')",
        "page {number} is not a Kolada data response (an object with a 'values' list)",
    ),
    "json_row_without_values": (
        "varje datarad behöver en lista 'values' med {{gender, value}}",
        "every data row needs a 'values' list of {{gender, value}}",
    ),
    "json_value_not_object": (
        "varje post i en lista 'values' måste vara ett objekt",
        "every entry of a 'values' list must be an object",
    ),
    "json_not_utf8": (
        "är inte UTF-8-text (Koladas API skriver JSON i UTF-8)",
        "is not UTF-8 text (the Kolada API writes UTF-8 JSON)",
    ),
    "json_no_values": ("innehåller inga värden", "holds no values"),
    # the KPI map (io.kolada_map, --kpi-map)
    "kpi_map_unknown_key": (
        "okänd nyckel {key!r} (en nyckeltalskarta har tabeller [kpi.<id>])",
        "unknown key {key!r} (a KPI map has [kpi.<id>] tables)",
    ),
    "kpi_map_not_table": (
        "'kpi' ska vara en tabell av tabeller [kpi.<id>]",
        "'kpi' must be a table of [kpi.<id>] tables",
    ),
    "kpi_map_entry_not_table": ("{key} ska vara en tabell", "{key} must be a table"),
    "kpi_map_entry_unknown_key": (
        "{key}: okänd nyckel {name!r} (tillåtna: {allowed})",
        "{key}: unknown key {name!r} (allowed: {allowed})",
    ),
    "kpi_map_unit": (
        "{key}.unit: {unit!r} är inte någon av {units}",
        "{key}.unit: {unit!r} is not one of {units}",
    ),
    "kpi_map_direction": (
        "{key}.direction: {direction!r} är inte higher, lower eller none",
        "{key}.direction: {direction!r} is not higher, lower or none",
    ),
    "kpi_map_text": ("{key}.{field} ska vara text", "{key}.{field} must be text"),
    "kpi_map_not_utf8": ("är inte UTF-8-text", "is not UTF-8 text"),
    "part_kolada_more": (" och {n} till", " and {n} more"),
}
