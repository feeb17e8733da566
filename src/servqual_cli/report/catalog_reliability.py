"""The words of the reliability section and its Excel sheets (part of the label catalog).

:data:`RELIABILITY`, :data:`RELIABILITY_SHEETS`. Each table is ``key: (sv, en)``;
:mod:`servqual_cli.report.catalog` re-exports it and lists it in
:func:`~servqual_cli.report.catalog.catalog` (prefixed ``"<section>."``): one catalog per
language for every renderer (issue #9 item 6). Use it through the catalog.
"""

from __future__ import annotations

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
    "cfa_df": ("df", "df"),
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

# The core's caveats in the reader's words, by code (core.caveats.CODES: every code has its
# wording here, in both languages; report.reliability_warnings renders them).
RELIABILITY_WARNINGS: Pairs = {
    "validity_prefix": ("validitet", "validity"),
    "negative_item_rest": (
        "påstående {item} har negativ korrelation med övriga påståenden ({r}): omvänt "
        "påstående som inte angetts?",
        "item {item} has a negative item-rest correlation ({r}): reversed item not declared?",
    ),
    "constant_dropped": (
        "påstående {item} saknar variation (alla svar lika) och utelämnades, som R psych::alpha "
        "gör",
        "item {item} has no variance (every answer the same) and was left out, as R "
        "psych::alpha does",
    ),
    "heywood_one_factor": (
        "Heywood-fall i enfaktormodellen: unikheten för {items} stannade vid gränsen 0,005 "
        "(factanals regel), där obegränsad ML (lavaan) skulle skatta en negativ residualvarians; "
        "en faktor passar dåligt för dessa påståenden och ω redovisas inte",
        "Heywood case in the one-factor model: the uniqueness of {items} stopped at the 0.005 "
        "bound (factanal's rule), where unbounded ML (lavaan) would estimate a negative residual "
        "variance; one factor fits these items poorly and ω is not reported",
    ),
    "one_factor_not_converged": (
        "enfaktormodellen konvergerade inte; ω redovisas inte",
        "the one-factor model did not converge; ω is not reported",
    ),
    "negative_loadings": (
        "påståenden laddar negativt på den gemensamma faktorn: {items} (omvänt påstående som "
        "inte angetts?)",
        "items load negatively on the common factor: {items} (reversed item not declared?)",
    ),
    "alpha_undefined": (
        "påståendenas kovarianser summerar till noll (totalpoängen saknar variation): α är "
        "odefinierat",
        "the items' covariances sum to zero (the total score has no variance): alpha is undefined",
    ),
    # a tiny sample (core.alpha_screen, review 7 finding 9)
    "few_respondents": (
        "α och dess intervall bygger på {n} svarande, färre än {min}: för få för en stabil "
        "skattning; läs dem med stor försiktighet",
        "α and its interval rest on {n} respondents, fewer than {min}: too few for a stable "
        "estimate; read them with great caution",
    ),
    "if_deleted_undefined": (
        "α om borttaget är odefinierat för {items}: övriga påståendens totalpoäng saknar "
        "variation (visas som –)",
        "α if item deleted is undefined for {items}: the other items' total score has no "
        "variance (shown as –)",
    ),
    "item_rest_beyond_one": (
        "r mot övriga påståenden ligger utanför ±1 för {items}: med parvis borttagning har varje "
        "kovarians sina egna rader, så värdet är ingen korrelation (R:s psych visar samma värde); "
        "--missing listwise ger en",
        "item-rest r beyond ±1 for {items}: with pairwise deletion each covariance has its own "
        "rows, so this is not a correlation (R psych prints the same value); --missing listwise "
        "gives one",
    ),
    "omega_not_computed": ("ω beräknades inte: {why}", "ω not computed: {why}"),
    "cfa_not_computed": ("CFA beräknades inte: {why}", "CFA not computed: {why}"),
    "efa_not_computed": ("EFA beräknades inte: {why}", "EFA not computed: {why}"),
    "kmo_not_computed": ("KMO/Bartlett beräknades inte: {why}", "KMO/Bartlett not computed: {why}"),
    "too_few_items": (
        "kräver minst {k} påståenden, fick {n} ({items})",
        "needs at least {k} items, got {n} ({items})",
    ),
    "no_variance": (
        "påståenden saknar variation (alla svar lika): {items}",
        "items have no variance (every answer the same): {items}",
    ),
    "no_values": ("påståenden saknar helt svar: {items}", "items have no answers at all: {items}"),
    "left_out_suffix": (
        " (utelämnade för att de saknar variation: {items})",
        " (left out for no variance: {items})",
    ),
    "two_items": ("en skala kräver minst två påståenden", "a scale needs at least two items"),
    "heywood_cfa": (
        "påstående {item}: negativ residualvarians (Heywood-fall)",
        "item {item}: negative residual variance (Heywood case)",
    ),
    "phi_not_pd": (
        "faktorkorrelationsmatrisen är inte positivt definit",
        "the factor correlation matrix is not positive definite",
    ),
    "cfa_not_converged": (
        "CFA-skattningen konvergerade inte; resultaten är otillförlitliga",
        "CFA estimation did not converge; results are unreliable",
    ),
    "corr_undefined": (
        "korrelationerna för {score} är odefinierade (för få svar eller ingen variation): KMO, "
        "Bartlett och EFA beräknas inte",
        "correlations of {score} undefined (too few answers or no variance): KMO, Bartlett "
        "and the EFA are not computed",
    ),
    "corr_not_pd": (
        "korrelationsmatrisen ({missing}) för {score} är inte positivt definit (minsta "
        "egenvärde {ev}); KMO, Bartlett och EFA beräknas inte ur den{hint}",
        "the {missing} correlation matrix of {score} is not positive definite (smallest "
        "eigenvalue {ev}); KMO, Bartlett and the EFA are not computed from it{hint}",
    ),
    "corr_hint": (" (pröva --missing listwise)", " (try --missing listwise)"),
    "missing_pairwise": ("parvis", "pairwise"),  # corr_not_pd's {missing}
    "missing_listwise": ("listvis", "listwise"),
    "no_items": ("inga", "none"),  # too_few_items with no item at all
    "heywood_efa": (
        "Heywood-fall: unikheten vid sin nedre gräns för {items}",
        "Heywood case: uniqueness at its lower bound for {items}",
    ),
    "efa_not_converged": (
        "faktorextraktionen eller rotationen konvergerade inte",
        "factor extraction or rotation did not converge",
    ),
    "boot_complete": (
        "bootstrap-KI drar bara om de {n} kompletta raderna",
        "bootstrap CI resamples the {n} complete rows only",
    ),
    "boot_complete_of": (  # w-amsg (review 11, finding 8)
        "bootstrap-KI är intervallet för α på de {n} kompletta raderna ({alpha}), de rader det "
        "drar om; α i tabellen bygger på parvis borttagning.",
        "the bootstrap CI is that of α on the {n} complete rows ({alpha}), the rows it resamples; "
        "the α in the table uses pairwise deletion.",
    ),
    "boot_no_variance": (
        "{n} bootstrap-dragningar saknade variation",
        "{n} bootstrap draws had no variance",
    ),
    "cov_singular": (
        "påståendenas kovariansmatris är singulär (konstanta eller linjärt beroende påståenden)",
        "item covariance matrix is singular (constant or linearly dependent items)",
    ),
    "cfa_listwise_share": (
        "CFA med listvis borttagning: bara {used} av {n} rader ({share}\u00a0%) har svar på alla "
        "påståenden; passningsmåtten gäller de svarande som svarat på allt",
        "CFA with listwise deletion: only {used} of {n} rows ({share}%) have every item "
        "answered; its fit indices describe the respondents who answered everything",
    ),
    "cfa_too_few_rows": (
        "CFA på {n} kompletta rader för {k} fria parametrar, färre rader än parametrar: "
        "passningsmått, CR, AVE och ω redovisas inte",
        "CFA on {n} complete rows for {k} free parameters, fewer rows than parameters: its fit "
        "indices, CR, AVE and ω are not reported",
    ),
    "cfa_few_rows": (
        "CFA på {n} kompletta rader för {k} fria parametrar, färre än {per} per parameter "
        "(Bentler & Chou 1987): läs passningsmått, CR och AVE med försiktighet",
        "CFA on {n} complete rows for {k} free parameters, fewer than {per} per parameter "
        "(Bentler & Chou 1987): read its fit indices, CR and AVE with caution",
    ),
    # Errors the core raises where a scale or statistic is then skipped (core.pairwise,
    # core.factor, core.cfa); English as the core writes it.
    "boot_too_few_rows": (
        "bootstrap-KI kräver minst 2 kompletta rader, fick {n}",
        "bootstrap CI needs at least 2 complete rows, got {n}",
    ),
    "duplicate_items": (
        "påståenden angivna mer än en gång: {items}",
        "items listed more than once: {items}",
    ),
    "not_numeric": ("påståenden är inte numeriska: {items}", "items are not numeric: {items}"),
    "no_rows": (
        "inga svarande (inga rader) för påståendena {items}",
        "no respondents (no rows) for items {items}",
    ),
    "infinite_values": (
        "påståenden innehåller oändliga värden: {items}",
        "items contain infinite values: {items}",
    ),
    "few_complete_rows": (
        "färre än 2 svarande besvarade alla påståenden ({n} kompletta rader); pröva "
        "missing='pairwise'",
        "fewer than 2 respondents answered every item ({n} complete rows); try missing='pairwise'",
    ),
    "few_pair_rows": (
        "färre än 2 svarande besvarade både {item} och {other} ({n} rader)",
        "fewer than 2 respondents answered both {item} and {other} ({n} rows)",
    ),
    "corr_missing": (
        "korrelationsmatrisen saknar värden för påståendena: {items}",
        "correlation matrix has missing values for items: {items}",
    ),
    "corr_singular": (
        "korrelationsmatrisen är singulär: några påståenden är linjärkombinationer av andra "
        "({items})",
        "correlation matrix is singular: some items are linear combinations of others ({items})",
    ),
    "bartlett_too_few": (
        "Bartletts test kräver minst 2 svarande, fick {n}",
        "Bartlett's test needs at least 2 respondents, got {n}",
    ),
    "bartlett_not_pd": (
        "korrelationsmatrisen är inte positivt definit (linjärt beroende påståenden?)",
        "correlation matrix is not positive definite (items linearly dependent?)",
    ),
    "efa_not_pd": (
        "påståendenas korrelationsmatris är inte positivt definit (linjärt beroende påståenden "
        "eller en följd av parvis borttagning): pröva listvis borttagning eller minres",
        "the item correlation matrix is not positive definite (linearly dependent items, or an "
        "artefact of pairwise deletion): try listwise deletion or minres",
    ),
    "too_many_factors": (
        "kan inte extrahera {m} faktorer ur {k} påståenden",
        "cannot extract {m} factors from {k} items",
    ),
    "efa_corr_undefined": (
        "korrelationerna är odefinierade (för få svar eller ingen variation) för påståendena: "
        "{items}",
        "correlations undefined (too few answers or no variance) for items: {items}",
    ),
    "cfa_rows_le_items": (
        "CFA kräver fler kompletta rader ({n}) än påståenden ({k})",
        "CFA needs more complete rows ({n}) than items ({k})",
    ),
    "cfa_no_factors": (
        "CFA-modellen saknar faktorer",
        "the CFA model has no factors",
    ),
    "cfa_not_identified": (
        "CFA-modellen är inte identifierad ({n} parametrar, df = {df})",
        "the CFA model is not identified ({n} parameters, df = {df})",
    ),
    # any other error's text (e.g. numpy's "Singular matrix"), as made
    "error": ("{text}", "{text}"),
}
