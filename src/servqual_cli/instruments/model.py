"""The :class:`Instrument`: which columns hold which items, on what scale, in which dimensions.

Column roles (``expectation``, ``perception``, ``adequate``, ``desired``, ``weights``) are each a
:class:`ColumnSpec` in one of three forms: a pattern (``"E{item:02d}"``), a list of names in item
order, or a regex table (``{ regex = '^\\s*{item}-1\\.' }``). The names are resolved against a
file's header by :func:`servqual_cli.instruments.resolve.resolve_columns`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any, Literal

#: Roles whose columns are numbered by item (1 column per item).
ITEM_ROLES = ("expectation", "perception", "adequate", "desired")
#: All column roles; ``weights`` is numbered by dimension position (1-based).
ROLES = (*ITEM_ROLES, "weights")

SpecKind = Literal["pattern", "list", "regex"]


@dataclass(frozen=True)
class ColumnSpec:
    """How one role's columns are named.

    Attributes
    ----------
    kind : {"pattern", "list", "regex"}
    text : str
        The pattern (Python format string with ``{item}`` or ``{dimension}``) or the regex (with
        the literal token ``{item}`` or ``{dimension}``); empty for a list.
    names : tuple of str
        For a list: the column names, one per item in ascending item number (for weights: one
        per dimension in dimension order).
    key : str
        ``"item"`` or ``"dimension"``: what the number in the name counts.

    Examples
    --------
    >>> ColumnSpec("pattern", "E{item:02d}").name_for(3)
    'E03'
    >>> ColumnSpec("list", names=("Snabb", "Lätt")).name_for(2, position=1)
    'Lätt'
    >>> ColumnSpec("regex", r"^{item}-1\\.").regex_for(12)
    '^12-1\\\\.'
    """

    kind: SpecKind
    text: str = ""
    names: tuple[str, ...] = ()
    key: str = "item"

    def name_for(self, number: int, position: int | None = None) -> str | None:
        """The exact column name for item (or dimension) ``number``, when the form fixes one.

        ``position`` is the 0-based place of the number in the list order (needed for lists).
        A regex names no single column before it meets a header: None.
        """
        if self.kind == "pattern":
            return self.text.format(**{self.key: number})
        if self.kind == "list":
            if position is None or not 0 <= position < len(self.names):
                return None
            return self.names[position]
        return None

    def regex_for(self, number: int) -> str:
        """The regex with the literal ``{item}``/``{dimension}`` token replaced by ``number``."""
        return self.text.replace("{" + self.key + "}", str(number))

    def to_dict(self) -> Any:
        """As written in TOML: a string, a list, or ``{"regex": ...}``."""
        if self.kind == "pattern":
            return self.text
        if self.kind == "list":
            return list(self.names)
        return {"regex": self.text}

    def describe(self) -> str:
        """One phrase for messages.

        >>> ColumnSpec("regex", "^{item}-1").describe()
        "regex '^{item}-1'"
        """
        if self.kind == "pattern":
            return f"pattern {self.text!r}"
        if self.kind == "list":
            return f"list of {len(self.names)} names"
        return f"regex {self.text!r}"


def _empty() -> MappingProxyType[str, Any]:
    return MappingProxyType({})


@dataclass(frozen=True)
class Instrument:
    """A SERVQUAL-type questionnaire.

    Attributes
    ----------
    name : str
    scale : (min, max)
        The rating scale; reverse scoring is ``min + max - x``.
    perception : ColumnSpec
        Perception columns (required).
    expectation : ColumnSpec or None
        Expectation columns; None for a perception-only (SERVPERF) instrument.
    dimensions : mapping
        Dimension name -> item numbers, in order.
    weights : ColumnSpec or None
        Importance points, one column per dimension (``{dimension}`` is 1-based).
    adequate, desired : ColumnSpec or None
        Zone-of-tolerance columns (Parasuraman, Zeithaml & Berry 1994): minimum acceptable and
        desired service.
    reverse : tuple of int
        Negatively worded items.
    missing : tuple of str
        Extra answers that mean "no answer".
    labels : mapping
        Text answer -> value.
    statements : mapping
        Language code -> {item number -> statement text}.
    dimension_labels : mapping
        Language code -> {dimension name -> display name}.

    Examples
    --------
    >>> inst = Instrument("X", (1.0, 5.0), perception=ColumnSpec("pattern", "P{item}"),
    ...     dimensions=MappingProxyType({"A": (1, 2)}),
    ...     dimension_labels=MappingProxyType({"sv": MappingProxyType({"A": "Allt"})}))
    >>> inst.perception_only, inst.dimension_label("A", "sv"), inst.dimension_label("A", "en")
    (True, 'Allt', 'A')
    """

    name: str
    scale: tuple[float, float]
    perception: ColumnSpec
    dimensions: MappingProxyType[str, tuple[int, ...]]
    expectation: ColumnSpec | None = None
    weights: ColumnSpec | None = None
    adequate: ColumnSpec | None = None
    desired: ColumnSpec | None = None
    reverse: tuple[int, ...] = ()
    missing: tuple[str, ...] = ()
    labels: MappingProxyType[str, float] = field(default_factory=_empty)
    statements: Mapping[str, Mapping[int, str]] = field(default_factory=_empty)
    dimension_labels: Mapping[str, Mapping[str, str]] = field(default_factory=_empty)

    @property
    def items(self) -> tuple[int, ...]:
        """All item numbers in dimension order."""
        return tuple(i for items in self.dimensions.values() for i in items)

    @property
    def dimension_positions(self) -> dict[str, list[int]]:
        """Each dimension's 0-based column positions in the item matrices (items in dimension
        order, as :attr:`items` lists them).

        >>> from servqual_cli.instruments.builtin import PZB1991
        >>> PZB1991.dimension_positions["Reliability"]
        [4, 5, 6, 7, 8]
        """
        positions: dict[str, list[int]] = {}
        k = 0
        for dim, items in self.dimensions.items():
            positions[dim] = list(range(k, k + len(items)))
            k += len(items)
        return positions

    @property
    def perception_only(self) -> bool:
        """True when there are no expectation columns (SERVPERF, Cronin & Taylor 1992)."""
        return self.expectation is None

    def spec(self, role: str) -> ColumnSpec | None:
        """The :class:`ColumnSpec` of ``role`` (one of :data:`ROLES`), None when not set."""
        if role not in ROLES:
            raise ValueError(f"unknown column role {role!r}; roles: {', '.join(ROLES)}")
        spec: ColumnSpec | None = getattr(self, role)
        return spec

    def expectation_column(self, item: int) -> str:
        """Display name of the expectation column of ``item`` (``E{item}`` when not fixed)."""
        return self._display("expectation", item, "E")

    def perception_column(self, item: int) -> str:
        """Display name of the perception column of ``item`` (``P{item}`` when not fixed)."""
        return self._display("perception", item, "P")

    def weight_column(self, position: int) -> str | None:
        """Weight column for the 1-based dimension position, if the form names one exactly."""
        if self.weights is None:
            return None
        return self.weights.name_for(position, position - 1)

    def _display(self, role: str, item: int, letter: str) -> str:
        spec = self.spec(role)
        if spec is None:
            return f"{letter}{item}"
        order = sorted(self.items)
        pos = order.index(item) if item in order else None
        return spec.name_for(item, pos) or f"{letter}{item}"

    def statement(self, item: int, lang: str) -> str | None:
        """The wording of ``item`` in ``lang`` (``"sv"``, ``"en"``), None when not given."""
        return self.statements.get(lang, {}).get(item)

    def dimension_label(self, dim: str, lang: str) -> str:
        """Display name of dimension ``dim`` in ``lang``; the dimension's own name if none."""
        return self.dimension_labels.get(lang, {}).get(dim, dim)

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "name": self.name,
            "scale": list(self.scale),
            "expectation": None if self.expectation is None else self.expectation.to_dict(),
            "perception": self.perception.to_dict(),
            "weights": None if self.weights is None else self.weights.to_dict(),
        }
        for role in ("adequate", "desired"):
            spec = self.spec(role)
            if spec is not None:
                out[role] = spec.to_dict()
        out["reverse"] = list(self.reverse)
        # the rules that turn answers into "no answer" or into numbers (review 15, finding 11)
        out["missing"] = list(self.missing)
        out["labels"] = dict(self.labels)
        out["dimensions"] = {k: list(v) for k, v in self.dimensions.items()}
        return out
