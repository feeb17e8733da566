"""The dimension names of this run's instrument in the output language.

An instrument file may name its dimensions per language (``[dimension_labels.en]``). Every
table, chart and sentence names a dimension through
:func:`servqual_cli.report.catalog.dimension_name`, which knew the built-in SERVQUAL names only:
English output of a Swedish custom instrument said "Bemötande" (review 13, finding 8). The
dimensions reach some forty renderers as plain names in frames, so the instrument's labels are
held here for the run instead of threaded through each of them: :func:`load_instrument
<servqual_cli.instruments.toml.load_instrument>` puts them in effect, and the CLI forgets them at
the start and end of every run (as :func:`servqual_cli.report.atomic.reset_inputs`).
"""

from __future__ import annotations

from collections.abc import Mapping

__all__ = ["dimension_label", "forget_dimension_labels", "use_dimension_labels"]

_IN_EFFECT: dict[str, dict[str, str]] = {}


def use_dimension_labels(labels: Mapping[str, Mapping[str, str]]) -> None:
    """Put an instrument's ``{lang: {dimension: label}}`` in effect for this run.

    >>> use_dimension_labels({"en": {"Bemötande": "Treatment"}})
    >>> dimension_label("Bemötande", "en"), dimension_label("Bemötande", "sv")
    ('Treatment', None)
    >>> forget_dimension_labels()
    >>> dimension_label("Bemötande", "en") is None
    True
    """
    for lang, names in labels.items():
        _IN_EFFECT.setdefault(lang, {}).update(names)


def forget_dimension_labels() -> None:
    """Forget the labels in effect (the CLI calls this at the start and end of every run)."""
    _IN_EFFECT.clear()


def dimension_label(name: str, lang: str) -> str | None:
    """The label in effect of dimension ``name`` in ``lang``; None when there is none."""
    return _IN_EFFECT.get(lang, {}).get(name)
