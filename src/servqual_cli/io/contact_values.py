"""The vocabularies of test-contact files: channels, svar på frågan (ja/nej/delvis), bemötande.

Keys are folded text (:func:`servqual_cli.io.cells.fold_text`); :func:`servqual_cli.io.cells.lookup`
maps a column through them. Ja/nej is the general :data:`servqual_cli.io.cells.YES_NO`.
"""

from __future__ import annotations

__all__ = ["ANSWERED", "CHANNELS", "TREATMENT_POINTS"]

# Folded text (hyphens and spaces removed) -> canonical channel.
CHANNELS = {
    **dict.fromkeys(["phone", "telefon", "tel", "telephone", "samtal", "call", "ph"], "phone"),
    **dict.fromkeys(["email", "epost", "mail", "mejl", "ebrev", "emejl"], "email"),
}
# Its own yes and no words, not YES_NO's: a tick (x) or sant marks yes in a yes/no column but
# says nothing among ja, nej and delvis.
ANSWERED = {
    **dict.fromkeys(["ja", "j", "yes", "y", "1", "1.0", "true"], "yes"),
    **dict.fromkeys(["nej", "n", "no", "0", "0.0", "false"], "no"),
    **dict.fromkeys(["delvis", "partly", "partially", "partial", "delvis ja", "0.5"], "partly"),
}
# KKiK points (SKR, Kommunens Kvalitet i Korthet): mycket god 3, god 2, medelgod 1, dålig 0.
TREATMENT_POINTS = {
    **dict.fromkeys(["mycket god", "very good", "mycket bra", "3", "3.0"], 3.0),
    **dict.fromkeys(["god", "good", "bra", "2", "2.0"], 2.0),
    **dict.fromkeys(["medelgod", "fair", "average", "medel", "1", "1.0"], 1.0),
    **dict.fromkeys(["dålig", "poor", "bad", "dåligt", "0", "0.0"], 0.0),
}
