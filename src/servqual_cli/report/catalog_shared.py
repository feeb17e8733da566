"""The words every command shows (part of the label catalog, :mod:`servqual_cli.report.catalog`).

:data:`SHARED`: table columns and exclusion reasons of every renderer; :data:`DIMENSIONS`: the
built-in SERVQUAL dimensions. Entries are ``key: (sv, en)``; use them through the catalog.
"""

from __future__ import annotations

from servqual_cli.report.reverse_words import REVERSE_WORDS

SHARED: dict[str, tuple[str, str]] = {
    # key: (sv, en)
    **REVERSE_WORDS,  # the reversed items' note (report/reverse_words.py)
    "dimension": ("Dimension", "Dimension"),
    "item": ("Påstående", "Item"),
    "statement": ("Formulering", "Statement"),
    "n": ("n", "n"),
    "expectation": ("Förväntan (E)", "Expectation (E)"),
    "perception": ("Upplevelse (P)", "Perception (P)"),
    "gap": ("Gap (P−E)", "Gap (P−E)"),
    "gap_sd": ("SD gap", "SD gap"),
    "ci": ("{level} KI", "{level} CI"),
    "ci_low": ("KI låg", "CI low"),
    "ci_high": ("KI hög", "CI high"),
    "t": ("t", "t"),
    "p_t": ("p (t)", "p (t)"),
    "p_wilcoxon": ("p (Wilcoxon)", "p (Wilcoxon)"),
    "p_holm": ("p (Holm)", "p (Holm)"),
    "dz": ("Cohens dz", "Cohen's dz"),
    "servperf": ("SERVPERF (medel P)", "SERVPERF (mean P)"),
    "base_note": (
        "Förväntan, upplevelse och gap bygger på de svarande som har både E och P (kolumnen n); "
        "SERVPERF (medel P) på alla som svarat på upplevelsen (n: {counts}), därför kan de två "
        "medelvärdena av P skilja sig något.",
        "Expectation, perception and gap rest on the respondents with both E and P (the n "
        "column); SERVPERF (mean P) on everyone who answered the perception items (n: {counts}), "
        "so the two means of P can differ slightly.",
    ),
    "group": ("Grupp", "Group"),
    "dimension_gaps": ("Gap per dimension", "Dimension gaps"),
    "item_gaps": ("Gap per påstående", "Item gaps"),
    "overall": ("Total SERVQUAL", "Overall SERVQUAL"),
    "unweighted": ("Oviktad", "Unweighted"),
    "weighted": ("Viktad efter viktighet", "Importance-weighted"),
    "overall_rule": (
        "bara svarande med gap i alla dimensioner räknas ({n} av {rows})",
        "only respondents with a gap in every dimension count ({n} of {rows})",
    ),
    "survey_weighted_row": (
        "Viktad efter {column} (effektivt n {n_eff})",
        "Weighted by {column} (effective n {n_eff})",
    ),
    "survey_weighted_note": (
        "viktad: Σwx/Σw med KI från Taylorlinjärisering som R survey::svymean (normalfördelat); "
        "oviktad beskriver urvalet",
        "weighted: Σwx/Σw with a CI by Taylor linearisation as R survey::svymean (normal); "
        "unweighted describes the sample",
    ),
    "score": ("Värde", "Score"),
    "excluded": ("Uteslutna celler", "Excluded cells"),
    "group_tests": ("Skillnader mellan grupper", "Differences between groups"),
    "welch_p": ("p (Welch ANOVA)", "p (Welch ANOVA)"),
    "kruskal_p": ("p (Kruskal-Wallis)", "p (Kruskal-Wallis)"),
    "negative_note": (
        "Negativt gap = upplevelsen når inte upp till förväntan.",
        "Negative gap = perception falls short of expectation.",
    ),
    "posthoc": ("Parvisa jämförelser (Games-Howell)", "Pairwise comparisons (Games-Howell)"),
    "group_a": ("Grupp A", "Group A"),
    "group_b": ("Grupp B", "Group B"),
    "diff": ("Skillnad", "Difference"),
    "p_adj": ("p (justerat)", "p (adjusted)"),
    "p_dunn": ("p (Dunn, Holm)", "p (Dunn, Holm)"),
    "respondents": ("Svarande", "Respondents"),
    "no_weights": ("inga viktighetsvikter i filen", "no importance weights in the file"),
    "no_importance_weights": (
        "inga viktighetsvikter ({columns}) i filen",
        "no importance weights ({columns}) in the file",
    ),
    "unweighted_sample": ("oviktat (urvalet)", "unweighted (the sample)"),
    "survey_weights_note": (
        "Vikter angivna ({column}): tabellerna och testerna här beskriver urvalet, oviktat; "
        "populationsskattningarna står under ”Viktade medelvärden ({column})” nedan.",
        "Survey weights given ({column}): these tables and tests describe the sample, "
        "unweighted; the population estimates are under “Weighted means ({column})” below.",
    ),
    # the importance points (W1–W5), not the survey weight column "Vikt" (review 17, finding 2)
    "weight_excluded": ("utan giltiga viktighetspoäng", "without valid importance points"),
    "without_group": (
        "Svarande utan värde i {by}, utanför grupptabellerna (de ingår i totalen): {n}.",
        "Respondents without a value in {by}, left out of the group tables (they are in the "
        "totals): {n}.",
    ),
    # a text file's rows with fewer fields than its header (review 6, finding 10)
    "short_row_cut": (
        "{file}: rad {row} har {fields} fält, rubrikraden {width}; är filen avkapad? Radens "
        "{missing} saknade celler läses som tomma.",
        "{file}: row {row} has {fields} fields, the header {width}; is the file cut short? Its "
        "{missing} missing cells are read as blank.",
    ),
    "short_rows": (
        "{file}: {n} rader har färre fält än rubrikraden ({width}), den första rad {row} med "
        "{fields}; deras saknade celler läses som tomma (Excel utelämnar ibland tomma fält i "
        "slutet av en rad).",
        "{file}: {n} rows have fewer fields than the header ({width}), the first row {row} with "
        "{fields}; their missing cells are read as blank (Excel sometimes leaves out empty "
        "fields at the end of a row).",
    ),
    "short_row": (
        "{file}: rad {row} har {fields} fält, rubrikraden {width}; de saknade cellerna läses som "
        "tomma.",
        "{file}: row {row} has {fields} fields, the header {width}; the missing cells are read "
        "as blank.",
    ),
    # a trailing summary row of an export, left out (review 9, finding 5)
    "summary_row": (
        "{file}: rad {row} ser ut som en summeringsrad ({label}): utelämnad.",
        "{file}: row {row} looks like a summary row ({label}): left out.",
    ),
    "summary_row_sheet": (
        "{file}, blad {sheet}: rad {row} ser ut som en summeringsrad ({label}): utelämnad.",
        "{file}, sheet {sheet}: row {row} looks like a summary row ({label}): left out.",
    ),
    # w-miss (session 14): a second header row of question text (review 11, finding 4)
    "header_row": (
        "{file}: rad {row} ser ut som en andra rubrikrad (frågetext: {label}): utelämnad.",
        "{file}: row {row} looks like a second header row (question text: {label}): left out.",
    ),
    "header_row_sheet": (
        "{file}, blad {sheet}: rad {row} ser ut som en andra rubrikrad (frågetext: {label}): "
        "utelämnad.",
        "{file}, sheet {sheet}: row {row} looks like a second header row (question text: "
        "{label}): left out.",
    ),
    # what a workbook hides or holds besides its data (review 10b, findings 1 and 2; w-io)
    "sheet_skipped": (
        "{file}: bladet {sheets} hoppades över: inga datarader; bladet '{sheet}' lästes.",
        "{file}: sheet {sheets} skipped: no data rows; sheet '{sheet}' read.",
    ),
    "sheets_skipped": (
        "{file}: bladen {sheets} hoppades över: inga datarader; bladet '{sheet}' lästes.",
        "{file}: sheets {sheets} skipped: no data rows; sheet '{sheet}' read.",
    ),
    "sheet_hidden": (
        "{file}: bladet '{sheet}' är dolt i Excel; det lästes ändå.",
        "{file}: sheet '{sheet}' is hidden in Excel; it was read all the same.",
    ),
    "hidden_row": (
        "{file}: 1 rad är dold i Excel (rad {rows}) och räknas med; ta bort den ur filen för att "
        "lämna den utanför (ett filter döljer den bara).",
        "{file}: 1 row hidden in Excel (row {rows}) is included; delete it from the file to "
        "leave it out (a filter only hides it).",
    ),
    "hidden_rows": (
        "{file}: {n} rader är dolda i Excel (rad {rows}) och räknas med; ta bort dem ur filen för "
        "att lämna dem utanför (ett filter döljer dem bara).",
        "{file}: {n} rows hidden in Excel (rows {rows}) are included; delete them from the file "
        "to leave them out (a filter only hides them).",
    ),
    # exclusion reasons
    "blank": ("tomma", "blank"),
    "unreached": ("samtal som inte nådde någon", "calls that reached no one"),
    "unanswered": ("e-brev som aldrig besvarades", "e-mails never answered"),
    "dont_know": ("vet ej", "don't know"),
    "not_applicable": ("ej aktuellt", "not applicable"),
    "not_available": ("inget värde (NA, ..)", "no value (NA, ..)"),
    "missing_token": ("angivet saknat värde", "declared missing"),
    # gap's --missing-codes (w-json, s17): its cells apart from an instrument's own `missing`
    "missing_code": ("svarskod för saknat svar", "missing code"),
    "out_of_range": ("utanför skalan", "out of range"),
    "not_scale_point": ("inte ett skalsteg", "not a scale point"),
    "unparseable": ("ogiltigt värde", "not a valid value"),
    "duplicate": ("dubbletter", "duplicates"),
    "end_before_start": ("slut före start", "end before start"),
    "invalid_date": ("ogiltigt datum", "not a date"),
    "wrong_weekday": ("fel veckodag", "wrong weekday"),
    "invalid_weight": ("ogiltig vikt", "invalid weight"),
    # rows read with no valid answer in any item, not counted as respondents (review 15, 9)
    "no_answer_row": (
        "1 rad utan något giltigt svar i påståendena ({rows}) räknas inte som svarande.",
        "1 row with no valid answer to any item ({rows}) is not counted as a respondent.",
    ),
    "no_answer_rows": (
        "{n} rader utan något giltigt svar i påståendena ({rows}) räknas inte som svarande.",
        "{n} rows with no valid answer to any item ({rows}) are not counted as respondents.",
    ),
    # a blank survey weight (review 15, finding 8): out of the weighted estimates only
    "blank_weight": ("tom vikt", "blank weight"),
    "excel_error": ("felvärde i kalkylbladet (#N/A, #DIVISION/0! …)", "spreadsheet error value"),
    # w-invalid (session 15): an excluded text named in the note, quoted as each language
    # quotes (Språkrådet: ”…” in Swedish) and followed by its cells
    "excluded_value": ("\u201d{value}\u201d {n}", "\u201c{value}\u201d {n}"),
    # w-term (session 13): the terminal leaves out a folded table's block with no value
    "terminal_empty_block": (
        "{columns}: – på varje rad, visas därför inte här.",
        "{columns}: – on every row, so not shown here.",
    ),
    "terminal_and": ("och", "and"),
    # f-page (session 15): the pairwise difference names its direction (review 12b, finding 8)
    "diff_ab": ("Skillnad (A \u2212 B)", "Difference (A \u2212 B)"),
}

# The built-in SERVQUAL dimensions (PZB 1988/1991) in Swedish. Swedish theses vary:
# Lundström & Isberg (2010, Umeå universitet, "Tjänstekvalitet i bostadsföretag") write
# "tillförlitlighet, respons, garanti, empati och materiella ting"; other sources
# "tillförlitlighet, responsivitet, säkerhet, empati och materiella aspekter". We keep
# "Tillförlitlighet" and "Empati", which the sources share, and for the other three use the
# plain words of issue #9 a board reads without a glossary: "Fysisk miljö" (what the reader
# sees: premises, equipment, material), "Lyhördhet" (willingness to help, prompt service) and
# "Trygghet" (competence and courtesy that inspire trust).
DIMENSIONS: dict[str, tuple[str, str]] = {
    "Tangibles": ("Fysisk miljö", "Tangibles"),
    "Reliability": ("Tillförlitlighet", "Reliability"),
    "Responsiveness": ("Lyhördhet", "Responsiveness"),
    "Assurance": ("Trygghet", "Assurance"),
    "Empathy": ("Empati", "Empathy"),
}

# The p-value adjustments by their R p.adjust code, as the notes name them (both languages).
ADJUST_METHODS = {"holm": "Holm", "bh": "Benjamini-Hochberg"}
