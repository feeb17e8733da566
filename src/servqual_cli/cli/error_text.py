"""The error line in the run's language (review 9 finding 9).

The readers and the core raise a :class:`~servqual_cli.errors.ServqualError` with an English
``message`` and, for the errors users meet most, a ``code`` and its ``facts``. In a ``--lang sv``
run the CLI's handler (:func:`servqual_cli.cli.main.main`) writes "servqual: fel:", the place in
Swedish ("fil.xlsx, blad 'Data', rad 12, kolumn 'E3'") and, when the code is in
:data:`~servqual_cli.report.catalog_errors.ERRORS`, the Swedish sentence; an error without a
known code keeps its English sentence. The option parser's own messages (an unknown option, a
value not among the choices) are said again in Swedish from their English form
(:func:`~servqual_cli.cli.click_text.click_text`, re-exported here). An English run prints
exactly what it printed before codes existed.

The language is read from the command line itself (:func:`error_lang`), not from the parsed
``--lang`` option: an error may come before or while the options are parsed, and nothing is
kept between runs. Without ``--lang``, ``servqual report`` says the errors raised after its
config is parsed in the config's ``language`` (:func:`language_of`); the errors of the config
itself, and those raised before it, stay English.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from typing import Any

from servqual_cli.cli.click_text import click_text
from servqual_cli.cli.error_facts import MORE_PREPARE
from servqual_cli.cli.error_text_more import LATE_PREPARE
from servqual_cli.errors import ServqualError
from servqual_cli.report.catalog import SHARED, count_text
from servqual_cli.report.catalog_errors import ERRNO_REASONS, ERRORS

__all__ = ["click_text", "error_lang", "error_line", "language_of", "render"]


def error_lang(args: Sequence[str], fallback: str | None = None) -> str:
    """``"sv"`` when the command line asks for ``--lang sv`` (before any ``--``); without a
    ``--lang``, ``fallback`` (the language a command learnt later, :func:`language_of`), else
    ``"en"``.

    >>> error_lang(["gap", "a.csv", "--lang", "sv"]), error_lang(["gap", "--lang=sv", "a.csv"])
    ('sv', 'sv')
    >>> error_lang(["gap", "a.csv"]), error_lang(["gap", "--", "--lang", "sv"])
    ('en', 'en')
    >>> error_lang(["report", "r.toml"], "sv"), error_lang(["report", "r.toml", "--lang=en"], "sv")
    ('sv', 'en')
    """
    lang = None
    for i, arg in enumerate(args):
        if arg == "--":
            break
        if arg == "--lang" and i + 1 < len(args):
            lang = args[i + 1]
        elif arg.startswith("--lang="):
            lang = arg.partition("=")[2]
    return "sv" if (fallback if lang is None else lang) == "sv" else "en"


@contextmanager
def language_of(lang: str) -> Iterator[None]:
    """Errors raised inside take ``lang`` as their language unless ``--lang`` says otherwise:
    ``servqual report`` knows its config's ``language`` only once the config is parsed. The
    language travels on the error (no state is kept between runs).
    """
    try:
        yield
    except ServqualError as exc:
        if exc.lang is None:
            exc.lang = lang
        raise


def _pick(pair: tuple[str, str], lang: str) -> str:
    return pair[0] if lang == "sv" else pair[1]


def _word(key: str, lang: str, **fill: object) -> str:
    return _pick(ERRORS[key], lang).format(**fill)


def _joined(values: object) -> str:
    return ", ".join(str(v) for v in values) if isinstance(values, list | tuple) else str(values)


def _columns(facts: Mapping[str, Any], lang: str) -> str:
    """The file's first columns as the readers list them (``a, b ... (40 columns)``)."""
    shown = _joined(facts["columns"])
    n = int(facts.get("n_columns", len(facts["columns"])))
    return _word("part_columns_more", lang, shown=shown, n=n) if n > 12 else shown


def _near(facts: Mapping[str, Any], lang: str) -> str:
    if facts.get("closest"):
        return _word("part_closest", lang, names=_joined(facts["closest"]))
    more = int(facts.get("n_columns", 0)) > 12
    names = _joined(facts["columns"]) + ((" …" if lang == "sv" else " ...") if more else "")
    return _word("part_it_has", lang, names=names)


def _shown(names: Sequence[str], lang: str, limit: int = 8) -> str:
    shown = ", ".join(names[:limit])
    if len(names) > limit:
        return _word("part_more", lang, shown=shown, n=len(names) - limit)
    return shown


def _unnamed(letters: Sequence[str], missing: Sequence[str], lang: str) -> str:
    if not letters:
        return ""
    if len(letters) == 1:
        if len(missing) == 1:
            return _word("part_unnamed_one", lang, letter=letters[0], guess=missing[0])
        return _word("part_unnamed_one_of", lang, letter=letters[0])
    return _word("part_unnamed_many", lang, letters=", ".join(letters[:8]),
                 guess=", ".join(missing[:2]))  # fmt: skip


def _reason(code: str, english: str, lang: str) -> str:
    pair = ERRNO_REASONS.get(code)
    return english if pair is None else _pick(pair, lang)


# Facts a code's sentence needs in another shape than they are raised with.
_Prepare = Callable[[dict[str, Any], str], None]


def _prep_unreadable(f: dict[str, Any], lang: str) -> None:
    f["reason"] = _reason(str(f.get("errno", "")), str(f["reason"]), lang)


def _prep_suffix(f: dict[str, Any], lang: str) -> None:
    f["suffix"] = f["suffix"] or ("(ingen)" if lang == "sv" else "(none)")
    f["supported"] = _joined(f["supported"])


def _prep_sheets(f: dict[str, Any], lang: str) -> None:
    f["sheets"] = ", ".join(repr(s) for s in f["sheets"])


def _prep_near(f: dict[str, Any], lang: str) -> None:
    f["near"] = _near(f, lang)


def _prep_columns(f: dict[str, Any], lang: str) -> None:
    f["columns"] = _columns(f, lang)


def _prep_roles(f: dict[str, Any], lang: str) -> None:
    f["wanted"] = "; ".join(_role_names(role, tuple(aliases), lang) for role, aliases in f["roles"])
    f["columns"] = _columns(f, lang)


def _role_names(role: str, aliases: tuple[str, ...], lang: str) -> str:
    """A missing role's column names: its key and the other names in English; in Swedish the
    second name leads (the alias lists are written English first, Swedish second) and the
    internal key comes last, so "förvaltning (eller … / unit)", never "unit (eller förvaltning
    …)" (review 16, finding 10).

    >>> names = ("unit", "förvaltning", "department", "enhet")
    >>> _role_names("unit", names, "sv"), _role_names("unit", names, "en")
    ('förvaltning (eller department / enhet / unit)', 'unit (or förvaltning / department / enhet)')
    >>> _role_names("status", ("status",), "sv")
    'status (eller status)'
    """
    if lang == "sv" and len(aliases) > 1:
        return _word("part_or", lang, role=aliases[1], aliases=" / ".join((*aliases[2:], role)))
    return _word("part_or", lang, role=role, aliases=" / ".join(aliases[1:]) or aliases[0])


def _prep_instrument(f: dict[str, Any], lang: str) -> None:
    missing = list(f["missing"])
    f["what"] = _word("part_column" if len(missing) == 1 else "part_columns", lang)
    f["missing"] = _shown(missing, lang)
    f["columns"] = _columns(f, lang)
    f["unnamed"] = _unnamed(f.get("unnamed", ()), missing, lang)
    name = f.get("template")
    f["template"] = "" if name is None else _word("part_template", lang, name=name)


def _prep_date(f: dict[str, Any], lang: str) -> None:
    f["forms"] = _word("part_date_forms", lang)


def _prep_counts(f: dict[str, Any], lang: str) -> None:
    f["counts"] = ", ".join(f"{_reason_word(k, lang)} {_count(v, lang)}" for k, v in f["counts"])


def _count(n: int, lang: str) -> str:
    """A count of an error sentence: grouped in Swedish (:func:`count_text`); the English
    sentence mirrors its raise site's text (``render(code, facts, "en") == exc.message``), which
    writes the plain number, so it stays plain (an English run prints ``str(exc)`` itself).

    >>> _count(12345, "sv"), _count(12345, "en")
    ('12\xa0345', '12345')
    """
    return count_text(n, lang) if lang == "sv" else str(int(n))


def _reason_word(code: str, lang: str) -> str:
    pair = SHARED.get(code)
    return code if pair is None or lang != "sv" else pair[0]


def _prep_strict(f: dict[str, Any], lang: str) -> None:
    f["reason"] = _reason_word(f["reason"], lang) if lang == "sv" else f["reason_text"]
    n = int(f.get("n_more", 0))
    f["more"] = _word("part_and_more", lang, n=_count(n, lang)) if n else ""


def _prep_toml(f: dict[str, Any], lang: str) -> None:
    hint = f.get("hint")
    f["hint"] = _word(f"part_toml_{hint}", lang) if hint else ""


def _prep_hint(f: dict[str, Any], lang: str) -> None:
    """``; closest: …`` or `` (the file has: …)`` of an item selection (io.selection)."""
    if f.get("closest"):
        f["hint"] = _word("part_hint_closest", lang, names=_joined(f["closest"]))
    else:
        f["hint"] = _word("part_hint_columns", lang, names=_columns(f, lang))


def _prep_inner(f: dict[str, Any], lang: str) -> None:
    f["inner"] = render(str(f["code"]), f["facts"], lang)


def _prep_municipalities(f: dict[str, Any], lang: str) -> None:
    f["names"] = _joined(f["names"]) + ((" …" if lang == "sv" else " ...") if f["more"] else "")


def _prep_years(f: dict[str, Any], lang: str) -> None:
    f["years"] = _joined(f["years"])


def _prep_names(f: dict[str, Any], lang: str) -> None:
    f["names"] = _joined(f["names"])


def _prep_counts_n(f: dict[str, Any], lang: str) -> None:
    for key in ("n_bad", "n_filled"):
        f[key] = _count(int(f[key]), lang)
    _prep_date(f, lang)


_PREPARE: dict[str, _Prepare] = {
    "file_unreadable": _prep_unreadable,
    "unsupported_type": _prep_suffix,
    "sheet_not_found": _prep_sheets,
    "by_column_missing": _prep_near,
    "config_by_missing": _prep_near,  # a report's survey.by
    "option_column_missing": _prep_columns,
    "role_columns_missing": _prep_roles,
    "instrument_columns_missing": _prep_instrument,
    "date_unreadable": _prep_counts_n,
    "date_month_only": _prep_counts_n,
    "date_wrong_weekday": _prep_counts_n,
    "no_valid_pair_counts": _prep_counts,
    "strict_rejects": _prep_strict,
    "invalid_toml": _prep_toml,
    "instrument_not_found": _prep_names,
    "item_not_column": _prep_hint,
    "pattern_matches_none": _prep_hint,
    "option_needs_column": _prep_hint,
    "range_end_not_column": _prep_hint,
    # an error that wraps another's sentence: the inner code said in the run's language
    "prefixed": _prep_inner,
    "kpi_entry": _prep_inner,
    "knowledge_swapped": _prep_inner,
    "staff_sheet_not_found": _prep_inner,
    "choose_municipality": _prep_municipalities,
    "choose_years": _prep_years,
    **MORE_PREPARE,  # cli/error_facts.py
    **LATE_PREPARE,  # cli/error_text_more.py (session 15)
}


def _advice(facts: Mapping[str, Any], lang: str) -> str:
    """The encoding and sheet advice a column-not-found message ends with (io.columns)."""
    out = ""
    if facts.get("encoding"):
        key = "part_encoding_garbled" if facts.get("garbled") else "part_encoding"
        out += _word(key, lang, encoding=facts["encoding"])
    if facts.get("other_sheets"):
        out += _word("part_other_sheets", lang, sheets=_joined(list(facts["other_sheets"])[:8]))
    return out


def render(code: str, facts: Mapping[str, Any], lang: str) -> str:
    """The sentence of ``code`` in ``lang`` from its facts (KeyError for an unknown code).

    >>> render("header_only", {"row": 3}, "sv")
    'har en rubrikrad (rad 3) men inga datarader under den'
    >>> render("by_column_missing", {"column": "Tjanst", "closest": ("Tjänst",)}, "sv")
    "kolumnen 'Tjanst' i --by finns inte i filen (närmast: Tjänst)"
    """
    template = _pick(ERRORS[code], lang)
    fill = dict(facts)
    prepare = _PREPARE.get(code)
    if prepare is not None:
        prepare(fill, lang)
    return template.format(**fill) + _advice(facts, lang)


def error_line(exc: ServqualError, lang: str) -> str:
    """What follows the prefix: place and sentence (in English exactly ``str(exc)``)."""
    return place_and_sentence(exc, lang)


def place_and_sentence(exc: ServqualError, lang: str) -> str:
    """:func:`error_line`'s text, also for an error inside another's sentence (a ``--split``
    group's reason)."""
    if lang != "sv":
        return str(exc)
    text = exc.message
    if exc.code in ERRORS:
        try:
            text = render(exc.code, exc.facts, lang)
        except (KeyError, IndexError, TypeError, ValueError):  # incomplete facts: say it in English
            text = exc.message
    elif exc.code is None and exc.caveat is not None:
        # a reliability caveat raised as an error (core.caveats.data_error/usage_error) carries
        # its code and parameters: the report's own Swedish words for it
        from servqual_cli.report.reliability_warnings import reader_reason

        try:
            text = reader_reason(exc.caveat, lang)
        except (KeyError, IndexError, TypeError, ValueError):  # a code without Swedish words
            text = exc.message
    where = exc.location.describe(lang)
    return f"{where}: {text}" if where else text


# Any run of white space, save one no-break space (U+00A0, U+202F) between two digits: the
# thousands space of a Swedish number ("1 048 576"), which the terminal shows fine and which
# keeps the number whole where a line wraps.
_SPACE = re.compile(r"(?P<keep>(?<=\d)[\u00a0\u202f](?=\d))|\s+")


def one_line(text: object, lang: str = "en") -> str:
    r"""``text`` on one line, control characters shown as escapes; in Swedish a number keeps
    its no-break thousands space (an English line is as before: every space run is one space).

    >>> one_line("1\u00a0048\u00a0576 rader\n  och  mer", "sv")
    '1\xa0048\xa0576 rader och mer'
    >>> one_line("1\u00a0048 rows", "en"), one_line("\u00a0 x \u00a0", "sv")
    ('1 048 rows', 'x')
    """
    from servqual_cli.report.safe_text import visible

    def space(match: re.Match[str]) -> str:
        return match.group() if lang == "sv" and match.group("keep") else " "

    return visible(_SPACE.sub(space, str(text)).strip())


def prefix(lang: str) -> str:
    """``servqual: fel: `` or ``servqual: error: ``."""
    return _pick(ERRORS["prefix"], lang)


def see_help(command: str, lang: str) -> str:
    return _pick(ERRORS["see_help"], lang).format(command=command)


# The option parser's messages, read back from Click's English (its exceptions keep the value
# only inside the sentence). Anything else stays as Click wrote it.
