"""Headers of the tidy table's own columns in ``-o FILE.xlsx --lang sv`` (review 13, finding 13).

The tidy table (the CSV's columns) has columns no terminal table shows (``level``,
``below_ci_low``, ``count_3``) and a few whose key another table of the same command uses for
something else (the toolbox's ``name`` is importance's "Storhet", a quantity; in the tidy table it
is the dimension's or item's name). These words are looked up before the command's own
(:mod:`servqual_cli.cli.output_xlsx`); every entry is ``key: (sv, en)`` as in the catalog.
"""

from __future__ import annotations

TIDY: dict[str, tuple[str, str]] = {
    "name": ("Namn", "Name"),
    "level": ("Nivå", "Level"),
    "item_n": ("n (påstående)", "n (item)"),  # reliability: beside the scale's own n
    # reliability and alpha: the item reversed before α (min + max − answer; session 18)
    "reversed": ("Omvänd", "Reversed"),
    "year": ("År", "Year"),
    "kpi": ("Nyckeltal", "KPI"),
    "n_municipalities": ("Antal kommuner", "Municipalities"),
    "previous_period": ("Föregående period", "Previous period"),
    "below_ci_low": ("Andel under A KI låg", "Share below A CI low"),
    "below_ci_high": ("Andel under A KI hög", "Share below A CI high"),
    "above_ci_low": ("Andel över D KI låg", "Share above D CI low"),
    "above_ci_high": ("Andel över D KI hög", "Share above D CI high"),
    "bottom2_ci_low": ("Botten-2 KI låg", "Bottom 2 CI low"),
    "bottom2_ci_high": ("Botten-2 KI hög", "Bottom 2 CI high"),
    "missing_blank": ("Saknas: tomma", "Missing: blank"),
    "missing_dont_know": ("Saknas: vet ej", "Missing: don't know"),
    "missing_out_of_range": ("Saknas: utanför skalan", "Missing: out of range"),
    # the reasons that appear only with declared codes (an SPSS file's, an instrument's
    # `missing`, --missing-codes) or odd cells: items' columns were left as codes
    # ("missing_missing_token"; review 18 finding 7), worded as catalog_shared's reasons
    "missing_missing_token": ("Saknas: angivet saknat värde", "Missing: declared missing"),
    "missing_missing_code": ("Saknas: svarskod för saknat svar", "Missing: missing code"),
    "missing_not_applicable": ("Saknas: ej aktuellt", "Missing: not applicable"),
    "missing_not_available": ("Saknas: inget värde (NA, ..)", "Missing: no value (NA, ..)"),
    "missing_not_scale_point": ("Saknas: inte ett skalsteg", "Missing: not a scale point"),
    "missing_unparseable": ("Saknas: ogiltigt värde", "Missing: not a valid value"),
    **{f"count_{k}": (f"Antal svar {k}", f"Answers {k}") for k in range(11)},
    "p_adjusted": ("p (justerat)", "p (adjusted)"),
    "dz_ci_low": ("Cohens dz KI låg", "Cohen's dz CI low"),
    "dz_ci_high": ("Cohens dz KI hög", "Cohen's dz CI high"),
    "n_nonzero": ("n skilt från 0", "n non-zero"),
    "wilcoxon_method": ("Wilcoxon-metod", "Wilcoxon method"),
    "rank_biserial": ("Rangbiseriell r", "Rank-biserial r"),
    "rank_biserial_ci_low": ("Rangbiseriell r KI låg", "Rank-biserial r CI low"),
    "rank_biserial_ci_high": ("Rangbiseriell r KI hög", "Rank-biserial r CI high"),
    "rank_biserial_ci_note": ("Rangbiseriell r KI not", "Rank-biserial r CI note"),
    "n_servperf": ("n SERVPERF", "n SERVPERF"),
    "min_items": ("Minsta antal påståenden", "Least items"),
    "n_prorated": ("n med ifyllda medel", "n prorated"),
    # left as codes in tolerance --by and gap --overall --weight-column, found by the walk over
    # every Swedish workbook (tests/cli/test_xlsx_no_codes_cli.py; review 17 finding 6)
    "small_base": ("Litet underlag", "Small base"),
    "weight_column": ("Viktkolumn", "Weight column"),
    # the second sheet: the notes the terminal prints, one per row
    "notes_sheet": ("Noter", "Notes"),
    "notes_section": ("Avsnitt", "Section"),
    "notes_kind": ("Typ", "Kind"),
    "notes_text": ("Text", "Text"),
    "notes_warning": ("Varning", "Warning"),
    "notes_note": ("Not", "Note"),
    "notes_paragraph": ("Förklaring", "Explanation"),
    "data_sheet": ("Resultat", "Results"),
    # the first row of a Swedish workbook's notes: what the cells say, and where the codes are
    "notes_workbook": ("Arbetsboken", "The workbook"),
    "notes_codes": (
        "Rubrikerna och textcellerna i bladet {sheet} har terminalens svenska ord. CSV- och "
        "JSON-utdata är maskinläsbara och behåller de engelska kolumnnamnen och koderna (till "
        "exempel Tangibles, dimension, better, phone) som skript filtrerar på.",
        "The headers and text cells of the {sheet} sheet keep the tidy column names and codes "
        "of the CSV and JSON output.",
    ),
}

# The terminal's notes that send the reader to the JSON and CSV output for figures the
# workbook's own data sheet holds (the Wilson intervals of the shares, the weighted SEs): in
# the notes sheet they name that sheet instead (w-xlsx2; review 13 finding 13's follow-up).
# Whole phrases as the renderers write them, "{sheet}" the data sheet's name.
WORKBOOK_WORDING: dict[str, str] = {
    "Wilson-intervallen finns i JSON- och CSV-utdata": "Wilson-intervallen finns i bladet {sheet}",
    "its Wilson intervals are in the JSON and CSV output": "its Wilson intervals are in the "
    "{sheet} sheet",
    "their Wilson intervals are in the JSON and CSV output": "their Wilson intervals are in "
    "the {sheet} sheet",
    "Andelarnas Wilson-intervall visas inte här; de finns i JSON- och CSV-utdata.": "Andelarnas "
    "Wilson-intervall finns i bladet {sheet}.",
    "The shares' Wilson intervals are not shown here; they are in the JSON and CSV output.": "The "
    "shares' Wilson intervals are in the {sheet} sheet.",
    "SE och oviktade medel finns i JSON- och CSV-utdata.": "SE och oviktade medel finns i bladet "
    "{sheet}.",
    "The SEs and unweighted means are in the JSON and CSV output.": "The SEs and unweighted means "
    "are in the {sheet} sheet.",
}

# The tidy headers of the commands whose own tables word a key for something else (the
# register's "unit" is "Förvaltning", a KPI's is a time unit; the register's "n" is "Antal",
# Kolada's "period" is "År"): each of these commands' headers, read against its CSV (w-xlsx2).
# Looked up after TIDY, so they win; a command not listed here uses TIDY and its catalog. Only
# the headers that differ from that fallback are here (closing 17: 16 repeated it, and only the
# Swedish word is read: an English workbook keeps the tidy names).
COMMAND_TIDY: dict[str, dict[str, tuple[str, str]]] = {
    "kpi": {
        "aspect": ("Aspekt", "Aspect"),
        "statistic": ("Mått", "Statistic"),
        "unit": ("Tidsenhet", "Time unit"),
        "target": ("Mål", "Target"),
        "norm": ("Norm", "Norm"),
        "value": ("Värde", "Value"),
        "verdict": ("Bedömning", "Verdict"),
        "change_period": ("Förändring: period", "Change: period"),
        "change_previous_period": ("Förändring: föregående period", "Change: previous period"),
        "change_previous_value": ("Förändring: föregående värde", "Change: previous value"),
        "change_value": ("Förändring", "Change"),
        "change_p": ("p (förändring)", "p (change)"),
        "min_n": ("Minsta n", "Least n"),
        "change_previous_n": ("Förändring: föregående n", "Change: previous n"),
        "small_previous": ("Litet underlag föregående period", "Small base, previous period"),
        "p_below": ("p (under mål/norm, ojusterat)", "p (below goal, unadjusted)"),
        "interval_verdict": ("Bedömning enligt intervallet", "Verdict by the interval"),
        # the cases beyond a median's norm (review 16 finding 1); left as codes (review 17
        # finding 15)
        "n_beyond_norm": ("Antal fall bortom normen", "Cases beyond the norm"),
        "n_norm_base": ("Antal fall i normens underlag", "Cases in the norm's base"),
        "share_beyond_norm": ("Andel fall bortom normen", "Share beyond the norm"),
        "n_open_within_norm": ("Öppna fall ännu inom normen (i inget av antalen)",
                               "Open cases still within the norm (in neither count)"),
    },
    "service-survey": {
        "table": ("Tabell", "Table"),
        "channel": ("Kanal", "Channel"),
        "question": ("Fråga", "Question"),
        "index": ("Index", "Index"),
        "k_4_5": ("Antal 4–5", "Count 4–5"),
        "share_4_5": ("Andel 4–5", "Share 4–5"),
        "share_ci_low": ("Andel 4–5 KI låg", "Share 4–5 CI low"),
        "share_ci_high": ("Andel 4–5 KI hög", "Share 4–5 CI high"),
        "before": ("År före", "Year before"),
        "after": ("År efter", "Year after"),
        "index_before": ("Index före", "Index before"),
        "index_after": ("Index efter", "Index after"),
        "df": ("fg", "df"),
        "n_before": ("n före", "n before"),
        "n_after": ("n efter", "n after"),
        "verdict": ("Bedömning", "Verdict"),
        "kpi": ("Fråga (trend)", "Question (trend)"),
        "area": ("Område", "Area"),
        "first_year": ("Första år", "First year"),
        "last_year": ("Sista år", "Last year"),
        "n_years": ("Antal år", "Years"),
        "slope": ("Lutning (poäng per år)", "Slope (points a year)"),
        "se": ("Medelfel", "SE"),
        "statistic": ("Mått", "Statistic"),
        "test": ("Test", "Test"),
        # the benchmark block and the trend's small years, as the terminal heads them
        # (catalog_service_survey, catalog_measurement); left as codes (review 17 finding 15)
        "small_years": ("År med litet underlag", "Years with a small base"),
        "min_n": ("Minsta n", "Least n"),
        "others_mean": ("Medel övriga", "Others' mean"),
        "others_min": ("Min övriga", "Others' min"),
        "others_max": ("Max övriga", "Others' max"),
        "rank": ("Placering", "Rank"),
        "rank_third": ("Kolada-färg", "Kolada colour"),
        "verdict_method": ("Bedömningens metod", "Verdict method"),
        "file_value": ("Publicerat i Kolada", "Published in Kolada"),
    },
    "feedback": {
        "section": ("Avsnitt", "Section"),
        "measure": ("Mått", "Measure"),
        "key": ("Grupp", "Group"),
        "unit": ("Förvaltning", "Unit"),
        "type": ("Typ", "Type"),
        "period": ("Period", "Period"),
        "channel": ("Kanal", "Channel"),
        "effect": ("Effektmått", "Effect"),
        "test": ("Test", "Test"),
        "statistic": ("Storhet", "Statistic"),
        "value": ("Värde", "Value"),
        "conf": ("Konfidensnivå", "Confidence level"),
    },
    "describe": {
        "position": ("Nr", "Position"),
        "likert_min": ("Skala, lägsta", "Scale minimum"),
        "likert_max": ("Skala, högsta", "Scale maximum"),
    },
    "trend": {
        "table": ("Tabell", "Table"),
        "estimate": ("Skattning", "Estimate"),
        # the level the row's own p must be below for its adjusted p to be below 1 − conf
        "level": ("Gräns för radens ojusterade p", "Level for the row's own p"),
        # MEASUREMENT's "Medianernas skillnad" is a time's; a share's is a difference of shares
        "value_diff": ("Skillnad mellan periodernas värden", "Difference of the values"),
        "critical": ("Tröskel C", "Threshold C"),
        "critical_unadjusted": ("Tröskel C utan justering", "Threshold C unadjusted"),
        "se": ("Medelfel", "SE"),
        "room": ("Utrymme i förändringens riktning", "Room in the change's direction"),
        "critical_beyond_room": ("C utanför utrymmet", "C beyond room"),
        "critical_unadjusted_beyond_room": ("C utan justering utanför utrymmet",
                                            "C unadjusted beyond room"),
        "min_n": ("Minsta n", "Least n"),
        # review 16 finding 12: the series' columns were left in English in a Swedish workbook
        "first_year": ("Första år", "First year"),
        "last_year": ("Sista år", "Last year"),
        "n_years": ("Antal år", "Years"),
        "slope": ("Förändring per år", "Change a year"),
        "statistic": ("Teststorhet", "Test statistic"),
        "df": ("Frihetsgrader", "Degrees of freedom"),
        "small_years": ("År med litet underlag", "Years with a small base"),
        "k": ("k (antal av n)", "k (count of n)"),  # a share's count (MEASUREMENT's bare "k")
        # the SERVQUAL survey trend's columns (review 17 finding 20)
        "se_before": ("Medelfel före", "SE before"),
        "se_after": ("Medelfel efter", "SE after"),
        "unweighted_before": ("Oviktat medel före", "Unweighted mean before"),
        "unweighted_after": ("Oviktat medel efter", "Unweighted mean after"),
        # the --benchmark block, as service-survey's heads it; left as codes (review 18, 14)
        "side_of_mean": ("Sida om medel", "Side of the mean"),
        "verdict_method": ("Bedömningens metod", "Verdict method"),
        "file_value": ("Publicerat i Kolada", "Published in Kolada"),
        "this_year": ("År (kommunen)", "Year (the municipality)"),
        "others_year": ("År (övriga)", "Year (the others)"),
        "same_year": ("Samma år", "Same year"),
    },
    "contacts": {"k": ("k (antal av n)", "k (count of n)")},
    # gap's own columns no table of GROUPS/TOOLBOX heads by their tidy key: --by's within-group
    # p, the weighted group test's (catalog_toolbox wt_*), the signed-rank V (review 17 finding 6)
    "gap": {
        "p_holm_within_group": ("p (Holm, inom gruppen)", "p (Holm, within the group)"),
        "p_adjusted_within_group": ("p (justerat, inom gruppen)", "p (adjusted, within the group)"),
        "k": ("Antal grupper", "Groups"),
        "f": ("F (Wald)", "F (Wald)"),
        "df1": ("fg täljare", "df1"),
        "df2": ("fg nämnare", "df2"),
        "small_groups": ("Små grupper (n)", "Small groups (n)"),
        "v": ("V (Wilcoxon)", "V (Wilcoxon)"),
    },
}  # fmt: skip
