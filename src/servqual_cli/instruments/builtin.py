"""The two published SERVQUAL instruments.

Parasuraman, Zeithaml & Berry (1988), J. Retailing 64(1), 12-40: 22 items, items 10-13 and 18-22
negatively worded. Parasuraman, Berry & Zeithaml (1991), J. Retailing 67(4), 420-450: the same
dimensions with all items positively worded. Both on a 7-point scale.
"""

from __future__ import annotations

from types import MappingProxyType

from servqual_cli.instruments.model import ColumnSpec, Instrument

SERVQUAL_DIMENSIONS = MappingProxyType(
    {
        "Tangibles": (1, 2, 3, 4),
        "Reliability": (5, 6, 7, 8, 9),
        "Responsiveness": (10, 11, 12, 13),
        "Assurance": (14, 15, 16, 17),
        "Empathy": (18, 19, 20, 21, 22),
    }
)

PZB1991 = Instrument(
    name="SERVQUAL (Parasuraman, Berry & Zeithaml 1991)",
    scale=(1.0, 7.0),
    expectation=ColumnSpec("pattern", "E{item}"),
    perception=ColumnSpec("pattern", "P{item}"),
    weights=ColumnSpec("pattern", "W{dimension}", key="dimension"),
    dimensions=SERVQUAL_DIMENSIONS,
)

PZB1988 = Instrument(
    name="SERVQUAL (Parasuraman, Zeithaml & Berry 1988)",
    scale=(1.0, 7.0),
    expectation=ColumnSpec("pattern", "E{item}"),
    perception=ColumnSpec("pattern", "P{item}"),
    weights=ColumnSpec("pattern", "W{dimension}", key="dimension"),
    reverse=(10, 11, 12, 13, 18, 19, 20, 21, 22),
    dimensions=SERVQUAL_DIMENSIONS,
)

BUILTIN = {"pzb1991": PZB1991, "pzb1988": PZB1988}
