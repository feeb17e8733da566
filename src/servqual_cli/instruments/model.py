"""The :class:`Instrument`: which columns hold which items, on what scale, in which dimensions."""

from __future__ import annotations

from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any


@dataclass(frozen=True)
class Instrument:
    """A SERVQUAL-type questionnaire.

    Attributes
    ----------
    name : str
    scale : (min, max)
        The rating scale; reverse scoring is ``min + max - x``.
    expectation, perception : str
        Column patterns with ``{item}`` for the item number, e.g. ``"E{item}"``.
    weights : str or None
        Pattern with ``{dimension}`` (1-based, in dimension order) for importance points.
    reverse : tuple of int
        Negatively worded items.
    missing : tuple of str
        Extra answers that mean "no answer".
    labels : mapping
        Text answer -> value.
    dimensions : mapping
        Dimension name -> item numbers, in order.
    """

    name: str
    scale: tuple[float, float]
    expectation: str
    perception: str
    dimensions: MappingProxyType[str, tuple[int, ...]]
    weights: str | None = None
    reverse: tuple[int, ...] = ()
    missing: tuple[str, ...] = ()
    labels: MappingProxyType[str, float] = field(default_factory=lambda: MappingProxyType({}))

    @property
    def items(self) -> tuple[int, ...]:
        """All item numbers in dimension order."""
        return tuple(i for items in self.dimensions.values() for i in items)

    def expectation_column(self, item: int) -> str:
        return self.expectation.format(item=item)

    def perception_column(self, item: int) -> str:
        return self.perception.format(item=item)

    def weight_column(self, position: int) -> str | None:
        """Weight column for the 1-based dimension position, if the instrument has weights."""
        return None if self.weights is None else self.weights.format(dimension=position)

    def dimension_of(self, item: int) -> str:
        for dim, items in self.dimensions.items():
            if item in items:
                return dim
        raise KeyError(item)

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "scale": list(self.scale),
            "expectation": self.expectation,
            "perception": self.perception,
            "weights": self.weights,
            "reverse": list(self.reverse),
            "dimensions": {k: list(v) for k, v in self.dimensions.items()},
        }
