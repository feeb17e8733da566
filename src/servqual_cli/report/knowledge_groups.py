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


# (sv one, sv many, en one, en many): "1 dimension", "3 dimensioner", "9 test", "9 tests"
_NOUNS = {
    "groups": ("grupp", "grupper", "group", "groups"),
    "dimensions": ("dimension", "dimensioner", "dimension", "dimensions"),
    "tests": ("test", "test", "test", "tests"),
}


def _counted(n: int, what: str, lang: str) -> str:
    """``n`` and its noun, singular or plural.

    >>> _counted(1, "dimensions", "sv"), _counted(9, "tests", "en"), _counted(3, "groups", "sv")
    ('1 dimension', '9 tests', '3 grupper')
    """
    words = _NOUNS[what][(0 if lang == "sv" else 2) + (n != 1)]
    return f"{count_text(n, lang)} {words}"


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
    >>> out[0].blocks[0].text.split("tillsammans ")[1]
    '(2 grupper × 1 dimension = 2 test), inte inom varje grupp.'
    >>> [c for c in out[1].blocks[0].frame.columns if c.startswith("p (Holm")]
    ['p (Holm, 2 test, grupper × dimensioner)']
    """
    family = family_words(res.n_dimension_tests, "groups", lang)
    # the family's size in the note as in the column head (session 17): groups × dimensions
    n_groups = len(res.groups)
    n_dims = max((len(g.dimensions) for g in res.groups.values()), default=0)
    tests = res.n_dimension_tests
    key = "kg_family" if tests == n_groups * n_dims else "kg_family_made"
    size = tlabel(key, lang).format(groups=_counted(n_groups, "groups", lang),
                                    dims=_counted(n_dims, "dimensions", lang),
                                    tests=_counted(tests, "tests", lang))  # fmt: skip
    text = tlabel("kg_same_staff", lang).format(by=by, n=count_text(n_staff, lang), family=size)
    sections = [Section("", (Text(text, kind="note"),))]
    for name, sub in res.groups.items():
        sections += knowledge_sections(sub, {}, lang, items=False, title=f"{by}: {name}",
                                       family=family)  # fmt: skip
    return sections
