"""The words of ``servqual tolerance --weight-column``'s weighted zone of tolerance (review 13,
finding 6), spread into :data:`~servqual_cli.report.catalog_toolbox.TOOLBOX` (that catalog is
near its 400 lines). ``key: (sv, en)``; use them through the catalog.
"""

from __future__ import annotations

TOLERANCE_WEIGHTED: dict[str, tuple[str, str]] = {
    "weighted_tolerance_dims": (
        "Viktad toleranszon per dimension ({column})",
        "Weighted zone of tolerance by dimension ({column})",
    ),
    "weighted_tolerance_note": (
        "Vikter från kolumnen {column}{left_out}. MSA, MSS och "
        "andelarna = Σwx/Σw; SE med Taylorlinjärisering som R survey::svymean (svydesign(ids = "
        "~1, weights = ~w)), normalfördelat KI; effektivt n enligt Kish. Läget bedöms på de "
        "viktade intervallen med samma regel som i den oviktade tabellen. Kalibreringen görs "
        "inte om, så SE är försiktiga. SE och oviktade medel finns i JSON- och CSV-utdata.",
        "Weights from column {column}{left_out}. MSA, "
        "MSS and the shares = Σwx/Σw; SE by Taylor linearisation as R survey::svymean "
        "(svydesign(ids = ~1, weights = ~w)), normal CI; effective n by Kish. The position is "
        "judged on the weighted intervals by the same rule as in the unweighted table. "
        "Calibration is not redone, so the SEs are conservative. The SEs and unweighted means "
        "are in the JSON and CSV output.",
    ),
    "weight_rule_tolerance_command": (
        "Oviktat (urvalet): toleranszonen och läget här är inte viktade efter {column} och "
        "beskriver urvalet; de viktade står i tabellen ”Viktad toleranszon per dimension "
        "({column})” ovan.",
        "Unweighted (the sample): the zone of tolerance and the position here are not weighted "
        "by {column} and describe the sample; the weighted ones are in the table “Weighted zone "
        "of tolerance by dimension ({column})” above.",
    ),
}
