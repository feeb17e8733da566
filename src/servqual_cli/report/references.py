"""The references of a report's "How to cite" note: only the works its sections use.

Review 5, finding 18: the Lekeberg report (service measurement and KPIs, no survey) listed
SERVQUAL, Games-Howell, Fornell-Larcker and Bentler & Chou. Each reference is cited when a
word that names its method appears in what the report shows: the parts' tables (titles, column
names, notes), texts and method notes. The words are the methods' own names, which the
catalogs write the same in both languages.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from servqual_cli.report.spec import Block, Figure, Section, Table, Text

# (pattern naming the method, the reference), in the order the note lists them
REFERENCES: tuple[tuple[str, str], ...] = (
    (r"SERVQUAL|Parasuraman",
     "Parasuraman, Zeithaml & Berry (1988), Journal of Retailing 64(1), 12–40"),
    (r"SERVQUAL|Parasuraman",
     "Parasuraman, Berry & Zeithaml (1991), Journal of Retailing 67(4), 420–450"),
    (r"SERVPERF|Cronin", "Cronin & Taylor (1992), Journal of Marketing 56(3)"),
    (r"Martilla|\bIPA\b", "Martilla & James (1977), Journal of Marketing 41(1)"),
    (r"\bHolm", "Holm (1979), Scandinavian Journal of Statistics 6(2), 65–70"),
    (r"\bWelch", "Welch (1951), Biometrika 38, 330–336"),
    (r"\bFeldt", "Feldt (1965), Psychometrika 30(3), 357–370"),
    (r"Games-Howell|Games & Howell",
     "Games & Howell (1976), Journal of Educational Statistics 1(2), 113–125"),
    (r"\bDunn\b", "Dunn (1964), Technometrics 6(3), 241–252"),
    (r"Fornell", "Fornell & Larcker (1981), Journal of Marketing Research 18(1), 39–50"),
    (r"Bentler", "Bentler & Chou (1987), Sociological Methods & Research 16(1), 78–117"),
)  # fmt: skip


def block_text(block: Block) -> str:
    """The words a block shows: a table's title, column names and note; a text; a figure's
    title and notes."""
    if isinstance(block, Table):
        return " ".join([block.title, *map(str, block.frame.columns), block.note or ""])
    if isinstance(block, Text):
        return block.text
    if isinstance(block, Figure):
        return " ".join([block.title, block.caption or "", *block.notes])
    return ""


def shown_text(sections: Iterable[Section], blocks: Iterable[Block] = (),
               notes: Iterable[tuple[str, str]] = ()) -> str:  # fmt: skip
    """Everything :func:`cited` looks in, as one text."""
    parts = [s.title for s in sections]
    parts += [block_text(b) for s in sections for b in s.blocks]
    parts += [block_text(b) for b in blocks]
    parts += [f"{head} {text}" for head, text in notes]
    return "\n".join(parts)


def cited(text: str) -> list[str]:
    """The references whose method ``text`` names, in :data:`REFERENCES` order.

    >>> [ref[:11] for ref in cited("Welchs ANOVA; p (Holm, 14 jämförelser)")]
    ['Holm (1979)', 'Welch (1951']
    >>> len(cited("Gap per dimension (SERVQUAL)")), cited("Andelar med Wilson-intervall")
    (2, [])
    """
    return [ref for pattern, ref in REFERENCES if re.search(pattern, text)]


def references_sentence(refs: Sequence[str], lang: str) -> str:
    """ " Referenser: A; B." (with its leading space), or "" when nothing is cited.

    >>> references_sentence(["Holm (1979)"], "sv"), references_sentence([], "en")
    (' Referenser: Holm (1979).', '')
    """
    if not refs:
        return ""
    return f" {'Referenser' if lang == 'sv' else 'References'}: {'; '.join(refs)}."
