"""The words of the reliability section and its Excel sheets (part of the label catalog).

:data:`RELIABILITY`, :data:`RELIABILITY_SHEETS`, :data:`RELIABILITY_PROBLEMS`; the core's
caveats, :data:`RELIABILITY_WARNINGS`, are in :mod:`.catalog_reliability_warnings` (re-exported
here). Each table is ``key: (sv, en)``;
:mod:`servqual_cli.report.catalog` re-exports it and lists it in
:func:`~servqual_cli.report.catalog.catalog` (prefixed ``"<section>."``): one catalog per
language for every renderer (issue #9 item 6). Use it through the catalog.
"""

from __future__ import annotations

from servqual_cli.report.catalog_reliability_warnings import RELIABILITY_WARNINGS

__all__ = ["RELIABILITY", "RELIABILITY_PROBLEMS", "RELIABILITY_SHEETS", "RELIABILITY_WARNINGS"]

Pairs = dict[str, tuple[str, str]]

RELIABILITY: Pairs = {
    "scale": ("Skala", "Scale"),
    "k": ("Antal påståenden", "Items"),
    "alpha": ("Cronbachs α", "Cronbach's α"),
    "alpha_std": ("Standardiserad α", "Standardized α"),
    "average_r": ("Medel-r", "Average r"),
    "omega_total": ("McDonalds ω", "McDonald's ω"),
    "alpha_if_deleted": ("α om borttaget", "α if deleted"),
    "item_rest_r": ("r mot övriga påståenden", "Item-rest r"),
    "mean": ("Medel", "Mean"),
    "sd": ("SD", "SD"),
    "reliability": ("Reliabilitet", "Reliability"),
    "item_statistics": ("Statistik per påstående", "Item statistics"),
    # review 10a, finding 7: each item's own n, and why its means can differ from the gap table's
    "item_n": ("n", "n"),
    "item_n_pairwise": (
        "n: de svarande som besvarat påståendet; medel och SD bygger på alla deras svar.",
        "n: the respondents who answered the item; the mean and SD use all their answers.",
    ),
    "item_n_listwise": (
        "n: de svarande som besvarat alla skalans påståenden (listvis borttagning); medel och "
        "SD bygger på dem.",
        "n: the respondents who answered every item of the scale (listwise deletion); the mean "
        "and SD use them.",
    ),
    "item_n_gap_table": (
        "Medel för förväntan och upplevelse kan därför skilja sig något från gapanalysens medel "
        "per påstående, som bygger på de svarande med både E och P på påståendet.",
        "The means of expectation and perception can therefore differ slightly from the gap "
        "analysis's item means, which use the respondents with both E and P on the item.",
    ),
    "validity": (
        "Validitet (CFA listvis: kompletta rader)",
        "Validity (CFA listwise: complete rows)",
    ),
    "score": ("Poäng", "Score"),
    "kmo": ("KMO", "KMO"),
    "bartlett_chi2": ("Bartlett χ²", "Bartlett χ²"),
    "bartlett_p": ("p (Bartlett)", "p (Bartlett)"),
    "cfa_chi2": ("CFA χ²", "CFA χ²"),
    "cfa_df": ("fg", "df"),  # Swedish frihetsgrader, as Tabell 4 and 8 (review 12b, finding 10)
    "cfi": ("CFI", "CFI"),
    "tli": ("TLI", "TLI"),
    "rmsea": ("RMSEA", "RMSEA"),
    "rmsea_ci": ("RMSEA 90\u00a0% KI", "RMSEA 90% CI"),
    "srmr": ("SRMR", "SRMR"),
    "composite_reliability": ("Sammansatt reliabilitet (CR)", "Composite reliability (CR)"),
    "ave": ("AVE", "AVE"),
    "factor": ("Faktor", "Factor"),
    "cr_ave": ("CFA per dimension", "CFA per dimension"),
    "cr_note": (
        "CR = (Σλ)²/((Σλ)² + Σ(1 − λ²)) ur de standardiserade laddningarna (Fornell & Larcker "
        "1981), inte semTools::compRelSEM; AVE = medel av λ².",
        "CR = (Σλ)²/((Σλ)² + Σ(1 − λ²)) from the standardized loadings (Fornell & Larcker "
        "1981), not semTools::compRelSEM; AVE = mean of λ².",
    ),
    "skipped": ("Ej beräknad", "Not computed"),
    # which rows alpha used (review 3, finding 22)
    "alpha_pairwise": (
        "α med parvis borttagning (varje pars rader, som R:s psych).",
        "α with pairwise deletion (each pair's rows, as R's psych).",
    ),
    "alpha_listwise": (
        "α med listvis borttagning (bara kompletta rader).",
        "α with listwise deletion (complete rows only).",
    ),
    # {level}: the one used (report.conf_level.with_level); {n}: ", 376" for one scale, else
    # the table's n column (the n behind each scale's interval; w-amsg, review 11 finding 8)
    "ci_note_feldt_pairwise": (
        "{level} KI enligt Feldt med det minsta parvisa n{n}.",
        "{level} CI by Feldt's method with the smallest pairwise n{n}.",
    ),
    "ci_note_feldt_listwise": (
        "{level} KI enligt Feldt med antalet kompletta rader{n}.",
        "{level} CI by Feldt's method with the number of complete rows{n}.",
    ),
    "ci_note_n_column": (" (tabellens n)", " (the table's n)"),
    "omega_note_dims": (
        "ω per dimension: ω total, enfaktor-ML, unikhet begränsad till 0,005 som factanal.",
        "ω per dimension: ω total, one-factor ML, uniqueness bounded at 0.005 as factanal.",
    ),
    "omega_note_all": (
        "ω för hela skalan: ω total ur instrumentets k-faktor-CFA (ML, kompletta rader), "
        "som semTools::compRelSEM(return.total = TRUE).",
        "ω of the whole scale: ω total from the instrument's k-factor CFA (ML, complete "
        "rows), as semTools::compRelSEM(return.total = TRUE).",
    ),
    "matrix": ("Korrelationsmatris", "Correlation matrix"),
    # x-small (s14): the validity note's matrix and rows, its counts in the language's format
    # (the English words are core.scales.Validity.matrix's, which the JSON keeps)
    "matrix_listwise": (
        "listvis, korrelationer av de {n} kompletta raderna, CFA på samma",
        "listwise: correlations of the {n} complete rows; CFA on the same rows",
    ),
    "matrix_pairwise": (
        "parvis, korrelationer av varje pars rader (minsta n = {n}) för KMO, Bartlett och EFA; "
        "CFA listvis, på de {rows} kompletta raderna (lavaans standard)",
        "pairwise: correlations of each pair's rows (smallest n = {n}) for KMO, Bartlett and "
        "EFA; CFA listwise, on the {rows} complete rows (lavaan's default)",
    ),
    "ave_warning": (
        "AVE under 0,5 i CFA för {score} (faktorn förklarar mindre än hälften av påståendenas "
        "varians; svag konvergent validitet enligt Fornell & Larcker 1981): {factors}.",
        "AVE below 0.5 in the CFA of {score} (the factor explains less than half of its items' "
        "variance; weak convergent validity by Fornell & Larcker 1981): {factors}.",
    ),
    "ci_note_bootstrap": (
        "{level} KI: bootstrap-percentiler ({n_boot} dragningar, frö {seed}; samma frö ger "
        "samma intervall).",
        "{level} CI: bootstrap percentiles ({n_boot} draws, seed {seed}; the same seed gives the "
        "same interval).",
    ),
    "no_scale_range": (
        "Ingen skala angiven (--scale-range): varje tal räknas som ett svar, och svaren går här "
        "från {lo} till {hi}. Ange skalan (t.ex. --scale-range 1,7) för att utesluta värden "
        "utanför den.",
        "No scale given (--scale-range): every number counts as an answer, and the answers here "
        "run from {lo} to {hi}. Give the scale (e.g. --scale-range 1,7) to exclude values "
        "outside it.",
    ),
    # review 15, finding 7: said only when answers in words were left out (the note lists them)
    "no_scale_range_words": (
        "Med skalan angiven läses även svar i ord från en känd svarsskala (t.ex. ”Instämmer "
        "helt”) som skalsteg.",
        'With the scale given, answers in words from a known answer scale (e.g. "Strongly '
        'agree") are read as scale points too.',
    ),
    # review 15, finding 7: 99 (core.missing_code_guess) warned at the top, not in the last line
    "missing_code_suspect": (
        "{code} ({cells} celler) ser ut som en kod för saknat svar: övriga svar går från {lo} "
        "till {hi}, och utan --scale-range räknas {code} som ett svar i α, medelvärden och SD. "
        "Ange --missing-codes {code} och enkätens skala, t.ex. --scale-range {start},{hi}.",
        "{code} ({cells} cells) looks like a code for no answer: the other answers run from {lo} "
        "to {hi}, and without --scale-range {code} counts as an answer in α, the means and SDs. "
        "Give --missing-codes {code} and the questionnaire's scale, e.g. --scale-range "
        "{start},{hi}.",
    ),
    # --missing-codes of alpha and items (w-miss2, s15): the rule that leaves those cells out,
    # named beside the count of "missing code" cells (missing_code, as gap's: session 18);
    # {codes}: 99, or 99 och ”Ej svar”
    "missing_codes_note": (
        "{codes} räknas som saknat svar ({option}).",
        "{codes} counted as no answer ({option}).",
    ),
    # a code no cell holds, named in the note's brackets (review 17, finding 10)
    "missing_codes_none_all": ("ingen cell har koden", "no cell holds it"),
    "missing_codes_none_any": ("ingen cell har någon av koderna", "no cell holds any of them"),
    "missing_codes_none": ("ingen cell har {codes}", "no cell holds {codes}"),
    # an option code the SPSS file declares missing itself (review 18, finding 11)
    "missing_codes_in_file": (
        "{code} är redan angivet som saknat värde i filen ({said}); --missing-codes behövs inte "
        "för det.",
        "{code} is already declared missing in the file ({said}); --missing-codes is not needed "
        "for it.",
    ),
    # gap (w-json, s17): the option and the instrument's `missing` both apply (their union);
    # the rule is named whenever both give codes
    "missing_codes_union": (
        "{codes} räknas som saknat svar ({option}), liksom instrumentets egna koder "
        "({own}, missing i instrumentfilen): båda listorna gäller.",
        "{codes} counted as no answer ({option}), as are the instrument's own codes "
        "({own}, missing in the instrument file): both lists apply.",
    ),
}

RELIABILITY_SHEETS: Pairs = {
    "rel": ("Reliabilitet", "Reliability"),
    "items": ("Påståendestatistik", "Item statistics"),  # not "Påståenden" (the gap sheet)
    "validity": ("Validitet", "Validity"),
    "cfa": ("CFA per dimension", "CFA per dimension"),
    "efa": ("EFA", "EFA"),
}

# Why ω, CR or AVE is shown as "–" (core.reliability_screen.PROBLEMS), and the notes naming them.
RELIABILITY_PROBLEMS: Pairs = {
    "not_converged": ("skattningen konvergerade inte", "the fit did not converge"),
    "too_few_rows": (
        "färre kompletta rader än fria parametrar",
        "fewer complete rows than free parameters",
    ),
    "heywood": (
        "Heywood-fall: en residualvarians negativ eller vid sin nedre gräns",
        "Heywood case: a residual variance negative or at its lower bound",
    ),
    "all_factors": ("alla dimensioner", "every dimension"),
    "out_of_range": ("värdet låg utanför 0–1", "the value fell outside 0–1"),
    "omega_withdrawn": (
        "McDonalds ω kan ej beräknas (–): {reasons}.",
        "McDonald's ω cannot be computed (–): {reasons}.",
    ),
    "cr_ave_withdrawn": (
        "CR och AVE kan ej beräknas (–): {reasons}.",
        "CR and AVE cannot be computed (–): {reasons}.",
    ),
    "cfa_fit_withdrawn": (
        "CFA för {scores} konvergerade inte: passningsmåtten kan ej beräknas (–).",
        "The CFA of {scores} did not converge: its fit indices cannot be computed (–).",
    ),
    "cfa_rows_withdrawn": (
        "CFA för {scores} bygger på färre kompletta rader än fria parametrar: passningsmåtten "
        "redovisas inte (–).",
        "The CFA of {scores} rests on fewer complete rows than free parameters: its fit "
        "indices are not reported (–).",
    ),
    "ave_failed": ("kan ej beräknas", "cannot be computed"),
}
