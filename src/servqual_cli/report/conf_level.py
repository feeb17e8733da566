"""The confidence level as the reader writes it, and the catalog texts that name it.

Every text that names the level the intervals were computed at (``--conf``) gets it from
:func:`level_text`: table headings, notes, chart captions, APA lines and the web page's
glossary. Catalog strings carry a ``{level}`` placeholder where the level goes ("{level} KI,
nedre", "{level} CI by Feldt's method"), filled at render time by :func:`with_level` (or by
the catalog's own ``fill``), so ``--conf 0.9`` never prints 90 % intervals under a "95 %"
heading (review 2, item 4).

One spacing rule per language: Swedish writes a no-break space before the per cent sign
("95 %", U+00A0, so the number and its sign never part at a line end; Språkrådet, *Svenska
skrivregler*), English none ("95%"): :func:`servqual_cli.report.numbers.with_percent`.
"""

from __future__ import annotations

from servqual_cli.report.percent_sign import with_percent

__all__ = ["LEVEL", "interval_head", "level_text", "with_level"]

LEVEL = "{level}"  # the placeholder a catalog string names the level with


def level_text(conf: float, lang: str) -> str:
    """A confidence level as the reader writes it: "95 %" (sv, no-break space), "95%" (en).

    Shown with as many decimals as it has (0.975 is 97.5, not 98).

    >>> level_text(0.95, "sv"), level_text(0.9, "en"), level_text(0.975, "sv")
    ('95\\xa0%', '90%', '97,5\\xa0%')
    """
    text = f"{round(conf * 100, 6):g}"
    return with_percent(text.replace(".", ",") if lang == "sv" else text, lang)


def with_level(text: str, conf: float, lang: str) -> str:
    """``text`` with its ``{level}`` placeholder filled with the level ``conf``.

    >>> with_level("{level} KI, nedre", 0.9, "sv")
    '90\\xa0% KI, nedre'
    >>> with_level("{level} CI by Feldt's method", 0.95, "en")
    "95% CI by Feldt's method"
    >>> with_level("Antal svar", 0.9, "sv")
    'Antal svar'
    """
    return text.replace(LEVEL, level_text(conf, lang))


def interval_head(column: str, head: str, conf: float | None, lang: str) -> str:
    """An interval column's heading with its level: "95 % KI låg", "MSA 95 % KI låg" (review 5,
    finding 21: every interval header names its level). The one implementation for every table
    whose ``*ci_low``/``*ci_high`` columns are headed from a catalog word ("KI låg", "CI low"):
    the gap, toolbox, SERVPERF, OLS and weighted-means tables. Other columns, a heading that
    already names a level, and ``conf`` None are left as they are.

    >>> interval_head("msa_ci_low", "MSA CI low", 0.9, "en")
    'MSA 90% CI low'
    >>> interval_head("ci_high", "KI hög", 0.95, "sv")
    '95\\xa0% KI hög'
    >>> interval_head("diff", "Difference", 0.95, "en"), interval_head("ci_low", "CI", None, "en")
    ('Difference', 'CI')
    >>> interval_head("ci_low", interval_head("ci_low", "CI low", 0.9, "en"), 0.9, "en")
    '90% CI low'
    >>> interval_head("hedges_g_low", "g KI låg", 0.95, "sv")
    'g 95\xa0% KI låg'
    >>> interval_head("low", "Low", 0.9, "en")
    'Low'
    """
    word = "KI" if lang == "sv" else "CI"
    # an effect size's interval ("hedges_g_low": "g KI låg") names its level too
    named = column.endswith(("_low", "_high")) and f" {word} " in f" {head} "
    if conf is None or not (column.endswith(("ci_low", "ci_high")) or named):
        return head
    level = level_text(conf, lang)
    if f"{level} {word}" in head:  # already named (idempotent)
        return head
    if head.startswith(word + " "):
        return f"{level} {head}"
    return head.replace(f" {word} ", f" {level} {word} ", 1)
