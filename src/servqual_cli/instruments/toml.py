"""Custom instruments from TOML (the keys are documented in the README)."""

from __future__ import annotations

import tomllib
from pathlib import Path
from types import MappingProxyType
from typing import Any

from servqual_cli.errors import ConfigError, Location
from servqual_cli.instruments.builtin import BUILTIN
from servqual_cli.instruments.model import ColumnSpec, Instrument
from servqual_cli.instruments.specs import (
    parse_column_spec,
    parse_dimension_labels,
    parse_statements,
)

KEYS = {"name", "scale", "expectation", "perception", "weights", "adequate", "desired", "reverse",
        "missing", "labels", "dimensions", "statements", "dimension_labels"}  # fmt: skip
REQUIRED = ("name", "scale", "perception", "dimensions")
# The instrument of a survey that names none (the report's manifest records it as in effect).
DEFAULT_INSTRUMENT = "pzb1991"


def load_instrument(spec: str | None) -> Instrument:
    """A built-in name (``pzb1991``, ``pzb1988``) or the path of a TOML file; default pzb1991."""
    if spec is None:
        return BUILTIN[DEFAULT_INSTRUMENT]
    if spec.lower() in BUILTIN:
        return BUILTIN[spec.lower()]
    path = Path(spec)
    if not path.exists():
        names = ", ".join(BUILTIN)
        raise ConfigError(
            f"no instrument file {spec!r} and no built-in of that name ({names})",
            code="instrument_not_found",
            facts={"spec": spec, "names": tuple(BUILTIN)},
        )
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except UnicodeDecodeError as exc:
        raise ConfigError(
            "instrument file is not UTF-8 text", Location(spec), code="instrument_not_utf8"
        ) from exc
    except tomllib.TOMLDecodeError as exc:
        hint = ""
        if "after a key" in str(exc):
            hint = ' (names with å, ä, ö or spaces must be quoted: "Bemötande" = [1, 2])'
        raise ConfigError(
            f"invalid TOML: {exc}{hint}",
            Location(spec),
            code="invalid_toml",
            facts={"detail": str(exc), "hint": "quote" if hint else None},
        ) from exc
    inst = instrument_from_dict(data, spec)
    if inst.dimension_labels:  # named in the reader's language in every output (review 13, 8)
        from servqual_cli.instruments.labels_in_effect import use_dimension_labels

        use_dimension_labels(inst.dimension_labels)
    return inst


def instrument_file(spec: str | None) -> dict[str, str | None]:
    """The instrument's file as a JSON result records it: ``path`` as given and the SHA-256 of
    its bytes, so a result can be tied to the rules (``missing``, ``[labels]``) that made it
    (review 15, finding 11); both None for a built-in instrument.

    >>> instrument_file("pzb1991"), instrument_file(None)["sha256"]
    ({'path': None, 'sha256': None}, None)
    """
    if spec is None or spec.lower() in BUILTIN:
        return {"path": None, "sha256": None}
    import hashlib

    return {"path": spec, "sha256": hashlib.sha256(Path(spec).read_bytes()).hexdigest()}


def instrument_from_dict(data: dict[str, Any], source: str = "<instrument>") -> Instrument:
    """Validate a parsed TOML table into an :class:`Instrument`.

    >>> inst = instrument_from_dict({"name": "Kiosk", "scale": [1, 5], "expectation": "E{item}",
    ...     "perception": "P{item}", "dimensions": {"A": [1, 2], "B": [3, 4]}})
    >>> inst.items, inst.scale
    ((1, 2, 3, 4), (1.0, 5.0))
    """
    where = Location(source)

    def fail(msg: str, code: str | None = None, **facts: object) -> ConfigError:
        # specs.py's checks call fail(msg) alone: their sentences stay English in a Swedish run
        return ConfigError(msg, where, code=code, facts=facts)

    unknown = sorted(set(data) - KEYS)
    if unknown:
        raise fail(
            f"unknown key {unknown[0]!r}; allowed keys: {', '.join(sorted(KEYS))}",
            "instrument_unknown_key",
            key=unknown[0],
            allowed=", ".join(sorted(KEYS)),
        )
    for key in REQUIRED:
        if key not in data:
            raise fail(f"missing key {key!r}", "instrument_missing_key", key=key)
    if not isinstance(data["name"], str) or not data["name"].strip():
        raise fail("'name' must be a non-empty string", "instrument_name_text")
    scale = data["scale"]
    if (
        not isinstance(scale, list)
        or len(scale) != 2
        or not all(isinstance(v, int | float) and not isinstance(v, bool) for v in scale)
        or not all(abs(v) < float("inf") for v in scale)  # TOML has inf; nan fails the next
        or not scale[0] < scale[1]
    ):
        raise fail(
            f"'scale' must be [min, max] with min < max (finite numbers), got {scale!r}",
            "instrument_scale",
            scale=scale,
        )
    dims_raw = data["dimensions"]
    if not isinstance(dims_raw, dict) or not dims_raw:
        raise fail(
            "[dimensions] must map each dimension name to a list of item numbers",
            "instrument_dimensions_map",
        )
    dims: dict[str, tuple[int, ...]] = {}
    seen: dict[int, str] = {}
    for name, items in dims_raw.items():
        if not isinstance(items, list) or not items or not all(_is_int(i) for i in items):
            raise fail(
                f"dimension {name!r} must list item numbers, e.g. [1, 2, 3]",
                "instrument_dimension_items",
                name=name,
            )
        for item in items:
            if item in seen:
                raise fail(
                    f"item {item} is in both {seen[item]!r} and {name!r}",
                    "instrument_item_twice",
                    item=item,
                    first=seen[item],
                    second=name,
                )
            seen[item] = name
        dims[str(name)] = tuple(int(i) for i in items)
    reverse = data.get("reverse", [])
    if not isinstance(reverse, list) or not all(_is_int(i) for i in reverse):
        raise fail("'reverse' must be a list of item numbers", "instrument_reverse_list")
    stray = [i for i in reverse if i not in seen]
    if stray:
        raise fail(
            f"'reverse' names item {stray[0]}, which is in no dimension",
            "instrument_reverse_stray",
            item=stray[0],
        )
    missing = _missing_tokens(data.get("missing", []), where)
    labels = data.get("labels", {})
    if not isinstance(labels, dict) or not all(
        isinstance(v, int | float) and not isinstance(v, bool) for v in labels.values()
    ):
        raise fail(
            '[labels] must map answer texts to numbers, e.g. "Instämmer helt" = 7',
            "instrument_labels_map",
        )
    lo, hi = float(scale[0]), float(scale[1])
    bad = [k for k, v in labels.items() if not lo <= v <= hi]
    if bad:
        raise fail(
            f"label {bad[0]!r} = {labels[bad[0]]} is outside the scale {lo:g}-{hi:g}",
            "instrument_label_outside",
            label=bad[0],
            value=labels[bad[0]],
            lo=lo,
            hi=hi,
        )
    specs: dict[str, ColumnSpec | None] = {}
    for role in ("expectation", "perception", "adequate", "desired", "weights"):
        n = len(dims) if role == "weights" else len(seen)
        specs[role] = None if role not in data else parse_column_spec(role, data[role], n, fail)
    perception = specs["perception"]
    if perception is None:  # not reachable: 'perception' is in REQUIRED
        raise fail("missing key 'perception'")
    statements = parse_statements(data.get("statements", {}), set(seen), fail)
    dim_labels = parse_dimension_labels(data.get("dimension_labels", {}), set(dims), fail)
    return Instrument(
        name=data["name"].strip(),
        scale=(lo, hi),
        perception=perception,
        expectation=specs["expectation"],
        adequate=specs["adequate"],
        desired=specs["desired"],
        weights=specs["weights"],
        reverse=tuple(int(i) for i in reverse),
        missing=tuple(missing),
        labels=MappingProxyType({str(k): float(v) for k, v in labels.items()}),
        dimensions=MappingProxyType(dims),
        statements=MappingProxyType({k: MappingProxyType(v) for k, v in statements.items()}),
        dimension_labels=MappingProxyType({k: MappingProxyType(v) for k, v in dim_labels.items()}),
    )


def _is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _missing_tokens(missing: object, where: Location) -> list[str]:
    """The ``missing`` list as texts: a number (``missing = [99]``, as users write a code) is
    the same token as its text ``"99"`` (review 11, finding 3); a token matches a cell's text
    and a number equal to it (:func:`~servqual_cli.io.answer_words.declared_numbers`).

    >>> _missing_tokens(["Vet ej", 99, 99.0, -1, 0.5], Location("i.toml"))
    ['Vet ej', '99', '99', '-1', '0.5']
    >>> _missing_tokens([True], Location("i.toml"))  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    servqual_cli.errors.ConfigError: i.toml: 'missing' must be a list of texts or numbers, ...
    """
    if isinstance(missing, list) and all(
        isinstance(m, str) or (isinstance(m, int | float) and not isinstance(m, bool)
                               and abs(m) < float("inf"))
        for m in missing
    ):  # fmt: skip
        return [m if isinstance(m, str) else _number_text(m) for m in missing]
    raise ConfigError(
        "'missing' must be a list of texts or numbers, e.g. [\"Vet ej\", 99]",
        where,
        code="instrument_missing_list",
    )


def _number_text(value: float) -> str:
    """99 and 99.0 as "99", 0.5 as "0.5"."""
    return str(int(value)) if float(value).is_integer() else repr(float(value))
