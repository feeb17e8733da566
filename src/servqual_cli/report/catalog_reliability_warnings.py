"""The core's reliability caveats in the reader's words (part of the label catalog, moved out of
:mod:`servqual_cli.report.catalog_reliability`, which re-exports :data:`RELIABILITY_WARNINGS`, so
that each module stays under 400 lines). Each table is ``key: (sv, en)``.
"""

from __future__ import annotations

from servqual_cli.report.alpha_low_words import ALPHA_LOW_WARNINGS

Pairs = dict[str, tuple[str, str]]

# The core's caveats in the reader's words, by code (core.caveats.CODES: every code has its
# wording here, in both languages; report.reliability_warnings renders them).
RELIABILITY_WARNINGS: Pairs = {
    "validity_prefix": ("validitet", "validity"),
    "negative_item_rest": (
        "påstående {item} har negativ korrelation med övriga påståenden ({r}): omvänt "
        "påstående som inte angetts?",
        "item {item} has a negative item-rest correlation ({r}): reversed item not declared?",
    ),
    # an item the instrument already reverses (core.declared_reversed, review 13 finding 4)
    "negative_item_rest_declared": (
        "påstående {item} har negativ korrelation med övriga påståenden ({r}): påståendet är "
        "angivet som omvänt: stämmer omvändningen?",
        "item {item} has a negative item-rest correlation ({r}): the item is declared reversed: "
        "is the reversal right?",
    ),
    "reverse_pivot_from_answers": (
        "omvändningen av {items} utgår från svarens spann ({low}–{high}) som skala: de omvända "
        "medelvärdena är de av {pivot} − svaret och blir fel på en bredare skala (t.ex. vänds "
        "svaret på en skala 1–7 som 8 − svaret); α och korrelationerna beror inte på det; ange "
        "enkätens skala med --scale-range (t.ex. --scale-range 1,7)",
        "the reversal of {items} uses the range the answers span ({low}–{high}) as the scale: "
        "the reversed means are those of {pivot} − the answer and are wrong on a wider scale "
        "(e.g. on 1–7 the reversal is 8 − the answer); alpha and the correlations do not depend "
        "on it; give the questionnaire's scale with --scale-range (e.g. --scale-range 1,7)",
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
    "negative_loadings_declared": (
        "påståenden laddar negativt på den gemensamma faktorn: {items} (angivna som omvända: "
        "stämmer omvändningen?)",
        "items load negatively on the common factor: {items} (declared reversed: is the "
        "reversal right?)",
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
    # the gates of a factor analysis (core.factorability; review 13, finding 2): Kaiser (1974)
    # calls an MSA below 0.50 unacceptable; Bartlett (1950), Dziuban & Shirkey (1974)
    "kmo_low": (
        "KMO {kmo} < {min}: korrelationerna räcker inte för faktoranalys (Kaiser 1974); "
        "EFA-laddningarna ska inte tolkas.",
        "KMO {kmo} < {min}: the correlations are too weak for a factor analysis (Kaiser 1974); "
        "the EFA loadings are not to be interpreted.",
    ),
    "bartlett_identity": (
        "korrelationsmatrisen kan inte skiljas från en identitetsmatris (Bartlett p = {p} ≥ "
        "{sig}): påståendena kan lika gärna vara okorrelerade, så EFA-laddningarna ska inte "
        "tolkas.",
        "the correlation matrix cannot be told from an identity matrix (Bartlett p = {p} ≥ "
        "{sig}): the items may as well be uncorrelated, so the EFA loadings are not to be "
        "interpreted.",
    ),
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
        # scoped: only this CFA's figures are in doubt, not the report (review 12b, finding 6)
        "faktoranalysen (CFA) gick inte att skatta: dess passningsmått, CR och AVE är "
        "otillförlitliga; övriga resultat påverkas inte",
        "the factor analysis (CFA) could not be estimated: its fit indices, CR and AVE are "
        "unreliable; the other results are not affected",
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
        "Heywood-fall i EFA:n: unikheten vid sin nedre gräns för {items}",
        "Heywood case in the EFA: uniqueness at its lower bound for {items}",
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
    **ALPHA_LOW_WARNINGS,  # a low or negative α (review 15, finding 2)
}
