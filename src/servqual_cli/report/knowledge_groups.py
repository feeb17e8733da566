"""``knowledge-gap --by``'s sections: once, that every group meets the same staff; then each
group's dimension table with Holm over groups × dimensions, the family ``gap --by`` adjusts
over (review 13, finding 3: Holm within each group turned three "no clear difference" into a
staff misreading). Computed in :func:`~servqual_cli.core.knowledge_gap.grouped_knowledge_gap`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from servqual_cli.report.gap_labels import family_words
from servqual_cli.report.knowledge_sections import knowledge_sections
from servqual_cli.report.labels import count_text
from servqual_cli.report.spec import Section, Text
from servqual_cli.report.toolbox_sections import tlabel

if TYPE_CHECKING:
    from servqual_cli.core.knowledge_gap import GroupedKnowledgeGap


def knowledge_group_sections(
    res: GroupedKnowledgeGap, by: str, n_staff: int, lang: str
) -> list[Section]:
    """The note on the shared staff, then a section per group.

    >>> import numpy as np
    >>> from servqual_cli.core.knowledge_gap import grouped_knowledge_gap
    >>> c = np.array([[6.0, 7], [7, 6], [6, 6], [7, 7], [5, 6], [6, 7]])
    >>> s = np.array([[5.0, 5], [4, 6], [5, 4], [6, 5]])
    >>> rows = np.array([True, True, True, False, False, False])
    >>> g = grouped_knowledge_gap(c, s, [("a", rows), ("b", ~rows)], ["1", "2"], {"X": [0, 1]})
    >>> out = knowledge_group_sections(g, "Enhet", 4, "sv")
    >>> out[0].blocks[0].text[:57]
    'I grupptabellerna nedan jämförs varje grupp i Enhet med a'
    >>> [c for c in out[1].blocks[0].frame.columns if c.startswith("p (Holm")]
    ['p (Holm, 2 test, grupper × dimensioner)']
    """
    family = family_words(res.n_dimension_tests, "groups", lang)
    text = tlabel("kg_same_staff", lang).format(by=by, n=count_text(n_staff, lang))
    sections = [Section("", (Text(text, kind="note"),))]
    for name, sub in res.groups.items():
        sections += knowledge_sections(sub, {}, lang, items=False, title=f"{by}: {name}",
                                       family=family)  # fmt: skip
    return sections
