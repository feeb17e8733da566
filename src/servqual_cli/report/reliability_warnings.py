"""The reliability caveats in the reader's words, rendered from their code and parameters.

The core (:mod:`servqual_cli.core.scales`, :mod:`~servqual_cli.core.reliability`,
:mod:`~servqual_cli.core.omega`, :mod:`~servqual_cli.core.factor`,
:mod:`~servqual_cli.core.cfa`) reports each caveat as a :class:`~servqual_cli.core.caveats.Caveat`
(a code, its parameters and its scale); JSON keeps its English :attr:`~Caveat.message`. Here the
code picks the wording from the catalog
(:data:`~servqual_cli.report.catalog_reliability.RELIABILITY_WARNINGS`, the one source of the
Swedish and English words), the parameters fill it in the reader's style (decimal comma and
"−" in Swedish, a score code as its name) and the scale becomes its label ("Förväntan – Fysisk
miljö", "Upplevelse, hela skalan"), so a Swedish report carries no English sentence and no
internal token such as ``E:all``. A nested caveat ("ω not computed: why") is rendered the same way.

:func:`reader_reason` is a clause (it goes inside another caveat's "…: {why}" and into an error
line, which ends without a full stop); :func:`reader_warning` and :func:`reader_sentence` are the
warnings a reader sees, and end as sentences (session 17: "CFA beräknades inte: …", the listwise
share and the one-factor Heywood warnings ended without one, beside the KMO and AVE warnings that
had it).
"""

from __future__ import annotations

import re

from servqual_cli.core.caveats import Caveat, number_text
from servqual_cli.report.catalog import count_text, scale_name
from servqual_cli.report.catalog_reliability import RELIABILITY_WARNINGS as _W

__all__ = ["reader_reason", "reader_sentence", "reader_warning", "reader_warnings"]


def _pick(key: str, lang: str) -> str:
    sv, en = _W[key]
    return sv if lang == "sv" else en


def _minus(text: str, lang: str) -> str:
    """A number in the reader's style (decimal comma and "−" in Swedish)."""
    return text.replace(".", ",").replace("-", "\u2212") if lang == "sv" else text


_GAP_ITEM = re.compile(r"\AP(?P<n>\d+)-E(?P=n)\Z")
_ITEM_WORD = {"sv": "påstående", "en": "statement"}


def gap_item(item: object, lang: str, word: bool = True) -> str:
    """A gap item of the built-in layout as the tables call it, with its columns as a
    difference: "P3-E3" is "påstående 3 (gap P3 − E3)" (review 12b, finding 12: the hyphen read
    as a range); ``word=False`` leaves out "påstående" where the sentence has it already. Any
    other name is unchanged.

    >>> gap_item("P3-E3", "sv"), gap_item("P3-E3", "en", word=False), gap_item("E3", "sv")
    ('påstående 3 (gap P3 − E3)', '3 (gap P3 − E3)', 'E3')
    """
    m = _GAP_ITEM.match(str(item))
    if m is None:
        return str(item)
    n = m["n"]
    text = f"{n} (gap P{n} \u2212 E{n})"
    return f"{_ITEM_WORD['sv' if lang == 'sv' else 'en']} {text}" if word else text


def _field(name: str, value: object, lang: str, word: bool = True) -> str:
    """One parameter of a caveat as the reader's text (``word``: see :func:`gap_item`)."""
    if isinstance(value, Caveat):
        return reader_reason(value, lang)
    if isinstance(value, tuple):  # item names
        return ", ".join(gap_item(v, lang) for v in value) or _pick("no_items", lang)
    if name in ("item", "other"):
        return gap_item(value, lang, word)
    if isinstance(value, bool):
        return _pick("corr_hint", lang) if value else ""  # the only flag: corr_not_pd's hint
    if isinstance(value, float):
        return _minus(number_text(name, value), lang)
    if isinstance(value, int):  # every integer parameter is a count (n, min, used, k)
        return count_text(value, lang)
    if name == "score":
        return scale_name(str(value), lang)
    if name == "missing":
        return _pick(f"missing_{value}", lang)
    return str(value)


def reader_reason(caveat: Caveat, lang: str) -> str:
    """One caveat (without its scale) in the reader's language, from its code and parameters.

    >>> reader_reason(Caveat("no_values", {"items": ("E2",)}), "sv")
    'påståenden saknar helt svar: E2'
    >>> reader_reason(Caveat("negative_item_rest", {"item": "E4", "r": -0.0154}), "sv")[48:]
    'påståenden (−0,015): omvänt påstående som inte angetts?'
    >>> why = Caveat("too_few_items", {"k": 3, "n": 1, "items": ("E1",), "left_out": ("E3",)})
    >>> reader_reason(Caveat("omega_not_computed", {"why": why}), "sv")[19:]
    'kräver minst 3 påståenden, fick 1 (E1) (utelämnade för att de saknar variation: E3)'
    """
    template = _pick(caveat.code, lang)
    # "påstående {item}": the sentence names the word already
    word = not re.search(r"(?:påstående|item) \{item\}", template)
    fields = {name: _field(name, value, lang, word) for name, value in caveat.params.items()}
    text = template.format(**fields)
    if caveat.params.get("left_out"):  # too_few_items: the constant items left out before
        text += _pick("left_out_suffix", lang).format(items=fields["left_out"])
    return text


_STOPS = (".", "?", "!", "…")


def ended(text: str) -> str:
    """``text`` with one sentence stop at its end: a full stop unless it ends with one already
    (the KMO and Bartlett words carry theirs, a question its "?"). A question in brackets is not
    the sentence's end: "(omvänt påstående som inte angetts?)" gets its full stop after the
    bracket.

    >>> ended("ω redovisas inte"), ended("omvänt påstående?"), ended("(angetts?)")
    ('ω redovisas inte.', 'omvänt påstående?', '(angetts?).')
    """
    return text if text.endswith(_STOPS) else f"{text}."


def reader_sentence(caveat: Caveat, lang: str) -> str:
    """:func:`reader_reason` as a warning of its own: a sentence with its stop.

    >>> reader_sentence(Caveat("no_values", {"items": ("E2",)}), "sv")
    'påståenden saknar helt svar: E2.'
    """
    return ended(reader_reason(caveat, lang))


def reader_warning(caveat: Caveat, lang: str) -> str:
    """A caveat with its scale as a label and its text in the reader's language, ended as a
    sentence.

    >>> reader_warning(Caveat("no_values", {"items": ("E2",)}, scale="E:all"), "sv")
    'Förväntan, hela skalan: påståenden saknar helt svar: E2.'
    >>> reader_warning(Caveat("cfa_not_converged", scale="P", validity=True), "en")
    'Perception, validity: the factor analysis (CFA) could not be estimated: its fit indices, \
CR and AVE are unreliable; the other results are not affected.'
    """
    reason = reader_sentence(caveat, lang)
    if caveat.scale is None:
        return reason
    if caveat.validity:
        return f"{scale_name(caveat.scale, lang)}, {_pick('validity_prefix', lang)}: {reason}"
    return f"{scale_name(caveat.scale, lang)}: {reason}"


def _low_line(caveats: list[Caveat], lang: str) -> str:
    """The ``alpha_low`` caveats of several scales as one warning, each scale with its α."""
    scales = "; ".join(
        _pick("alpha_low_scale", lang).format(
            scale=scale_name(str(c.scale), lang), alpha=_field("alpha", c.params["alpha"], lang)
        )
        for c in caveats
    )
    bound = _field("bound", caveats[0].params["bound"], lang)
    n = count_text(len(caveats), lang)
    return ended(_pick("alpha_low_grouped", lang).format(bound=bound, n=n, scales=scales))


def reader_warnings(caveats: tuple[Caveat, ...], lang: str) -> list[str]:
    """:func:`reader_warning` of each caveat, except that the ``alpha_low`` caveats of two or
    more scales become one line where the first stood (closing 17: a file with 11 weak scales
    printed 11 near-identical lines). A negative α (``alpha_negative``) keeps its own, stronger
    line; JSON keeps one caveat per scale.

    >>> low = [Caveat("alpha_low", {"alpha": a, "bound": 0.7}, scale=s)
    ...        for a, s in ((0.377, "gap:Bemötande"), (0.025, "gap:all"))]
    >>> neg = Caveat("alpha_negative", {"alpha": -0.197}, scale="gap:Rättssäkerhet")
    >>> for line in reader_warnings((low[0], neg, low[1]), "sv"):
    ...     print(line.split(". ")[0])
    α ligger under 0,70, den vanliga tumregeln för en skala (Nunnally 1978), för 2 skalor: \
Gap – Bemötande (α 0,377); Gap, hela skalan (α 0,025)
    Gap – Rättssäkerhet: α −0,197 är negativt: påståendena samvarierar i genomsnitt negativt, så \
de mäter inte samma sak och deras poäng ska inte tolkas som en skala.
    >>> reader_warnings((low[1],), "en")[0][:40]
    'Gap, whole scale: α 0.025 is below 0.70,'
    """
    low = [c for c in caveats if c.code == "alpha_low" and c.scale is not None]
    if len(low) < 2:
        return [reader_warning(c, lang) for c in caveats]
    lines: list[str] = []
    for caveat in caveats:  # a handful of caveats, not rows
        if caveat in low:
            if caveat is low[0]:
                lines.append(_low_line(low, lang))
            continue
        lines.append(reader_warning(caveat, lang))
    return lines
