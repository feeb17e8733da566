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
    "validity": ("Validitet", "Validity"),
    "score": ("Poäng", "Score"),
    "kmo": ("KMO", "KMO"),
    "bartlett_chi2": ("Bartlett χ²", "Bartlett χ²"),
    "bartlett_p": ("p (Bartlett)", "p (Bartlett)"),
    "cfa_chi2": ("CFA χ²", "CFA χ²"),
    "cfa_df": ("df", "df"),
    "cfi": ("CFI", "CFI"),
    "tli": ("TLI", "TLI"),
    "rmsea": ("RMSEA", "RMSEA"),
    "rmsea_ci": ("RMSEA 90 % KI", "RMSEA 90% CI"),
    "srmr": ("SRMR", "SRMR"),
    "composite_reliability": ("Sammansatt reliabilitet (CR)", "Composite reliability (CR)"),
    "ave": ("AVE", "AVE"),
    "factor": ("Faktor", "Factor"),
    "cr_ave": ("CFA per dimension", "CFA per dimension"),
    "skipped": ("Ej beräknad", "Not computed"),
    "ci_note_feldt": (
        "95 % KI enligt Feldt med det n som faktiskt användes.",
        "95% CI by Feldt's method with the n actually used.",
    ),
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
    "ave_warning": (
        "AVE under 0,5 i CFA för {score} (faktorn förklarar mindre än hälften av påståendenas "
        "varians; svag konvergent validitet enligt Fornell & Larcker 1981): {factors}.",
        "AVE below 0.5 in the CFA of {score} (the factor explains less than half of its items' "
        "variance; weak convergent validity by Fornell & Larcker 1981): {factors}.",
    ),
    "cfa_rows_warning": (
        "CFA för {score} bygger bara på {used} av {n} rader ({share} %), de med svar på alla "
        "påståenden; passningsmåtten gäller de svarande som svarat på allt.",
        "The CFA of {score} rests on only {used} of {n} rows ({share}%), those with answers to "
        "every item; its fit indices describe the respondents who answered everything.",
    ),
    "ci_note_bootstrap": (
        "95 % KI: bootstrap-percentiler (seedade dragningar).",
        "95% CI: bootstrap percentiles (seeded draws).",
    ),
}

RELIABILITY_SHEETS: Pairs = {
    "rel": ("Reliabilitet", "Reliability"),
    "items": ("Påståendestatistik", "Item statistics"),  # not "Påståenden" (the gap sheet)
    "validity": ("Validitet", "Validity"),
    "cfa": ("CFA per dimension", "CFA per dimension"),
}
