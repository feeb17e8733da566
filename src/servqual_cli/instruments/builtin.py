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

# The 22 perception statements of PZB (1991, appendix), with the company placeholder "XYZ" read
# as "the service" (the expectation statements ask the same of an excellent service). The
# Swedish wording is our translation, with the dimension names of report/catalog.py.
PZB1991_STATEMENTS_EN = MappingProxyType(
    {
        1: "The service has modern-looking equipment.",
        2: "The service's physical facilities are visually appealing.",
        3: "The service's employees are neat-appearing.",
        4: "Materials associated with the service (such as pamphlets or statements) are "
        "visually appealing.",
        5: "When the service promises to do something by a certain time, it does so.",
        6: "When you have a problem, the service shows a sincere interest in solving it.",
        7: "The service performs the service right the first time.",
        8: "The service provides its services at the time it promises to do so.",
        9: "The service insists on error-free records.",
        10: "Employees of the service tell you exactly when services will be performed.",
        11: "Employees of the service give you prompt service.",
        12: "Employees of the service are always willing to help you.",
        13: "Employees of the service are never too busy to respond to your requests.",
        14: "The behaviour of employees of the service instils confidence in you.",
        15: "You feel safe in your transactions with the service.",
        16: "Employees of the service are consistently courteous with you.",
        17: "Employees of the service have the knowledge to answer your questions.",
        18: "The service gives you individual attention.",
        19: "The service has operating hours convenient to all its customers.",
        20: "The service has employees who give you personal attention.",
        21: "The service has your best interests at heart.",
        22: "The employees of the service understand your specific needs.",
    }
)
PZB1991_STATEMENTS_SV = MappingProxyType(
    {
        1: "Verksamheten har modern utrustning.",
        2: "Verksamhetens lokaler är tilltalande.",
        3: "Personalen har ett vårdat yttre.",
        4: "Material om tjänsten (till exempel broschyrer och beslut) är tilltalande.",
        5: "När verksamheten lovar att göra något till en viss tid, gör den det.",
        6: "När du har ett problem visar verksamheten ett uppriktigt intresse av att lösa det.",
        7: "Verksamheten gör rätt från början.",
        8: "Verksamheten ger sina tjänster vid den tid den har lovat.",
        9: "Verksamheten ser till att uppgifterna om dig är felfria.",
        10: "Personalen talar om exakt när tjänsterna kommer att utföras.",
        11: "Personalen ger dig snabb service.",
        12: "Personalen är alltid villig att hjälpa dig.",
        13: "Personalen har aldrig för mycket att göra för att svara på dina frågor.",
        14: "Personalens sätt att agera inger förtroende.",
        15: "Du känner dig trygg i dina kontakter med verksamheten.",
        16: "Personalen är alltid artig mot dig.",
        17: "Personalen har kunskap att svara på dina frågor.",
        18: "Verksamheten ger dig individuell uppmärksamhet.",
        19: "Verksamheten har öppettider som passar alla som använder den.",
        20: "Personalen ger dig personlig uppmärksamhet.",
        21: "Verksamheten har ditt bästa för ögonen.",
        22: "Personalen förstår dina särskilda behov.",
    }
)
# Swedish dimension names: see DIMENSIONS in servqual_cli/report/catalog.py for the sources.
SERVQUAL_LABELS = MappingProxyType(
    {
        "sv": MappingProxyType(
            {
                "Tangibles": "Fysisk miljö",
                "Reliability": "Tillförlitlighet",
                "Responsiveness": "Lyhördhet",
                "Assurance": "Trygghet",
                "Empathy": "Empati",
            }
        ),
        "en": MappingProxyType({d: d for d in SERVQUAL_DIMENSIONS}),
    }
)

PZB1991 = Instrument(
    name="SERVQUAL (Parasuraman, Berry & Zeithaml 1991)",
    scale=(1.0, 7.0),
    expectation=ColumnSpec("pattern", "E{item}"),
    perception=ColumnSpec("pattern", "P{item}"),
    weights=ColumnSpec("pattern", "W{dimension}", key="dimension"),
    dimensions=SERVQUAL_DIMENSIONS,
    statements=MappingProxyType({"en": PZB1991_STATEMENTS_EN, "sv": PZB1991_STATEMENTS_SV}),
    dimension_labels=SERVQUAL_LABELS,
)

PZB1988 = Instrument(
    name="SERVQUAL (Parasuraman, Zeithaml & Berry 1988)",
    scale=(1.0, 7.0),
    expectation=ColumnSpec("pattern", "E{item}"),
    perception=ColumnSpec("pattern", "P{item}"),
    weights=ColumnSpec("pattern", "W{dimension}", key="dimension"),
    reverse=(10, 11, 12, 13, 18, 19, 20, 21, 22),
    dimensions=SERVQUAL_DIMENSIONS,
    dimension_labels=SERVQUAL_LABELS,
)

BUILTIN = {"pzb1991": PZB1991, "pzb1988": PZB1988}
