"""Validate the TOML forms of a column role into a :class:`ColumnSpec`.

The three forms (README, "Instrument files"):

- a pattern: ``"E{item}"``, ``"E{item:02d}"``, ``"Q{item}_E"`` (Python format syntax; the only
  field is ``{item}``, or ``{dimension}`` for weights);
- a list of column names in item order: ``["Lätt att använda", "Snabb", ...]``;
- a regex table: ``{ regex = '^\\s*{item}-1\\.' }`` (the literal token ``{item}`` is replaced by
  the item number; the regex must then match exactly one column, case-insensitively).
"""

from __future__ import annotations

import re
import string
from collections.abc import Callable
from typing import Any

from servqual_cli.errors import ConfigError
from servqual_cli.instruments.model import ColumnSpec
from servqual_cli.io.columns import normalise

Fail = Callable[[str], ConfigError]


def parse_column_spec(role: str, value: Any, n_names: int, fail: Fail) -> ColumnSpec:
    """One role's TOML value as a :class:`ColumnSpec`; ``n_names`` is how many a list needs.

    >>> def fail(msg): return ConfigError(msg)
    >>> parse_column_spec("perception", "P{item:02d}", 3, fail).name_for(4)
    'P04'
    >>> parse_column_spec("weights", {"regex": "^W{dimension}$"}, 2, fail).regex_for(2)
    '^W2$'
    >>> parse_column_spec("expectation", "E{item}{x}", 3, fail)  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    servqual_cli.errors.ConfigError: 'expectation': the pattern 'E{item}{x}' may only use {item}...
    """
    key = "dimension" if role == "weights" else "item"
    example = '"W{dimension}"' if key == "dimension" else '"E{item}" or "E{item:02d}"'
    if isinstance(value, str):
        return ColumnSpec("pattern", _check_pattern(role, value, key, example, fail), key=key)
    if isinstance(value, list):
        if not all(isinstance(v, str) and v.strip() for v in value):
            raise fail(f"{role!r}: a list must hold column names (non-empty strings)")
        what = "dimension" if key == "dimension" else "item"
        if len(value) != n_names:
            raise fail(
                f"{role!r} lists {len(value)} column names but the instrument has {n_names} "
                f"{what}s; give one name per {what}, in order"
            )
        folded = [normalise(v) for v in value]
        dup = next((v for v, f in zip(value, folded, strict=True) if folded.count(f) > 1), None)
        if dup is not None:
            raise fail(f"{role!r} lists the column {dup!r} twice")
        return ColumnSpec("list", names=tuple(value), key=key)
    if isinstance(value, dict):
        if set(value) != {"regex"} or not isinstance(value["regex"], str):
            raise fail(f"{role!r}: a table must be {{ regex = '...' }} and nothing else")
        regex = value["regex"]
        token = "{" + key + "}"
        if token not in regex:
            raise fail(f"{role!r}: the regex {regex!r} must contain the token {token}")
        try:
            re.compile(regex.replace(token, "1"))
        except re.error as exc:
            raise fail(f"{role!r}: invalid regex {regex!r}: {exc}") from exc
        return ColumnSpec("regex", regex, key=key)
    raise fail(
        f"{role!r} must be a column pattern ({example}), a list of column names, "
        "or { regex = '...' }"
    )


def _check_pattern(role: str, pattern: str, key: str, example: str, fail: Fail) -> str:
    """Accept Python format syntax whose only field is ``{key}`` (with any format spec)."""
    try:
        fields = [(name, spec) for _, name, spec, _ in string.Formatter().parse(pattern)
                  if name is not None]  # fmt: skip
    except ValueError as exc:
        raise fail(f"{role!r}: the pattern {pattern!r} is not valid ({exc})") from exc
    for name, _spec in fields:
        if name != key:
            shown = "{" + name + "}" if name else "{} (a positional field)"
            raise fail(f"{role!r}: the pattern {pattern!r} may only use {{{key}}}, not {shown}")
    if not fields:
        raise fail(f"{role!r} must be a column pattern containing {{{key}}}, e.g. {example}")
    try:
        pattern.format(**{key: 1})
    except (ValueError, TypeError, KeyError, IndexError) as exc:
        raise fail(f"{role!r}: the pattern {pattern!r} cannot be filled in ({exc})") from exc
    return pattern


def parse_statements(value: Any, items: set[int], fail: Fail) -> dict[str, dict[int, str]]:
    """``[statements.sv]`` / ``[statements.en]``: item number (as a TOML key) -> text.

    >>> def fail(msg): return ConfigError(msg)
    >>> parse_statements({"sv": {"1": "Lätt att använda"}}, {1, 2}, fail)
    {'sv': {1: 'Lätt att använda'}}
    """
    if not isinstance(value, dict):
        raise fail('[statements.sv] must map item numbers to texts, e.g. 1 = "Lätt att använda"')
    out: dict[str, dict[int, str]] = {}
    for lang, table in value.items():
        if not _is_lang(lang) or not isinstance(table, dict):
            raise fail(
                f"[statements] must hold one table per language ([statements.sv], "
                f"[statements.en]); got {lang!r}"
            )
        texts: dict[int, str] = {}
        for k, text in table.items():
            if not str(k).strip().isdigit() or int(k) not in items:
                raise fail(f"[statements.{lang}] names item {k!r}, which is in no dimension")
            if not isinstance(text, str) or not text.strip():
                raise fail(f"[statements.{lang}] item {k}: the statement must be a text")
            texts[int(k)] = text.strip()
        out[lang] = texts
    return out


def parse_dimension_labels(value: Any, dims: set[str], fail: Fail) -> dict[str, dict[str, str]]:
    """``[dimension_labels.sv]``: dimension name (as in ``[dimensions]``) -> display name."""
    if not isinstance(value, dict):
        raise fail('[dimension_labels.sv] must map dimension names to texts, e.g. A = "Miljö"')
    out: dict[str, dict[str, str]] = {}
    for lang, table in value.items():
        if not _is_lang(lang) or not isinstance(table, dict):
            raise fail(
                f"[dimension_labels] must hold one table per language ([dimension_labels.sv], "
                f"[dimension_labels.en]); got {lang!r}"
            )
        for dim, text in table.items():
            if dim not in dims:
                raise fail(f"[dimension_labels.{lang}] names {dim!r}, which is not a dimension")
            if not isinstance(text, str) or not text.strip():
                raise fail(f"[dimension_labels.{lang}] {dim!r}: the label must be a text")
        out[lang] = {str(d): str(t).strip() for d, t in table.items()}
    return out


def _is_lang(code: object) -> bool:
    return isinstance(code, str) and re.fullmatch(r"[a-z]{2,3}", code) is not None
