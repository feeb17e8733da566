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

# The words that name Welch's two-sample t-test or interval: "p (Welch)" in the trend, service
# survey and toolbox tables, a KPI change's "p 0,031 (Welch)", "Welch (index)", "Welch's t-test",
# "Welchs p", "the Welch interval".
WELCH_TWO_MEANS = (r"\bp [^()\n]{0,24}\(Welch\)|Welch \(index\)|Welch(?:'s|s)? t[- ]test"
                   r"|Welch(?:'s|s) p\b|Welch[- ]interval")  # fmt: skip
# Those that name his ANOVA: "p (Welch ANOVA)", "Welch's F(", the group tests ("Welch/Games-
# Howell", "Welch, Kruskal-Wallis"), the group table's "Groups (Welch)", "n (Welch)", "5
# dimensions, Welch)" and "n.s. (Welch, KW)". tests/report/test_references.py checks that every
# "Welch" the catalogs write is matched by one of the two.
WELCH_ANOVA = (r"Welch(?:'s|s)? (?:ANOVA|F\b)|Welch(?:/| och | and | för | for |, )"
               r"(?:Games-Howell|Kruskal-Wallis)|(?:grupper|Groups|\bn) \(Welch\)"
               r"|dimension(?:s|er), Welch\)|\(Welch, KW\)")  # fmt: skip

# (pattern naming the method, the reference), in the order the note lists them
REFERENCES: tuple[tuple[str, str], ...] = (
    (r"SERVQUAL|Parasuraman",
     "Parasuraman, Zeithaml & Berry (1988), Journal of Retailing 64(1), 12–40"),
    (r"SERVQUAL|Parasuraman",
     "Parasuraman, Berry & Zeithaml (1991), Journal of Retailing 67(4), 420–450"),
    # the zone of tolerance (MSA, MSS) the tolerance method note cites (review 15, finding 13)
    (r"Berry \(?1994", "Parasuraman, Zeithaml & Berry (1994), Journal of Retailing 70(3), "
     "201–230"),
    (r"SERVPERF|Cronin", "Cronin & Taylor (1992), Journal of Marketing 56(3)"),
    (r"Martilla|\bIPA\b", "Martilla & James (1977), Journal of Marketing 41(1)"),
    (r"\bHolm", "Holm (1979), Scandinavian Journal of Statistics 6(2), 65–70"),
    # Two Welch papers, by the test the words name (every "Welch" cited the 1951 ANOVA paper
    # until session 14, x-small): the unequal-variance t-test and interval of two means are
    # Welch (1947); the ANOVA of several groups is Welch (1951). The words: WELCH_TWO_MEANS and
    # WELCH_ANOVA above.
    (WELCH_TWO_MEANS, "Welch (1947), Biometrika 34, 28–35"),
    (WELCH_ANOVA, "Welch (1951), Biometrika 38, 330–336"),
    # the intervals of a difference of two shares the trend and the KPIs use (x-small, s14: the
    # glossary named them, the references did not); "Newcombe with --test fisher" names the
    # option's alternative, not the interval used (as the glossary reads it)
    (r"\bMee(?:-score| score|s|'s)\b", "Mee (1984), Biometrics 40(4), 1175–1176"),
    (r"\bNewcombe(?!\s+(?:med|with) --)",
     "Newcombe (1998), Statistics in Medicine 17(8), 873–890"),
    # the feedback reply days (x-km, s14): Kaplan-Meier's curve, Greenwood's variance and
    # Brookmeyer & Crowley's interval of a quantile, named in the reply tables' note and the
    # glossary (review 11b, finding 6: the report cited none of them)
    (r"Kaplan-Meier", "Kaplan & Meier (1958), Journal of the American Statistical Association "
     "53(282), 457–481"),
    (r"\bGreenwood", "Greenwood (1926), Reports on Public Health and Medical Subjects 33, 1–26"),
    (r"\bBrookmeyer", "Brookmeyer & Crowley (1982), Biometrics 38(1), 29–41"),
    # the tests and measures the tables and method notes name, each by its own words
    # (review 15, finding 13: the report used them and cited none)
    (r"\bWilcoxon", "Wilcoxon (1945), Biometrics Bulletin 1(6), 80–83"),
    (r"Kruskal-Wallis|Kruskal & Wallis",
     "Kruskal & Wallis (1952), Journal of the American Statistical Association 47(260), 583–621"),
    (r"\bFriedman", "Friedman (1937), Journal of the American Statistical Association "
     "32(200), 675–701"),
    (r"\bKendall(?:'s|s)? W\b", "Kendall & Babington Smith (1939), Annals of Mathematical "
     "Statistics 10(3), 275–287"),
    # Kish's effective n and the design-based means and tests "as R survey::svymean"
    (r"\bKish", "Kish (1965), Survey Sampling, New York: Wiley"),
    (r"\bR survey\b|\bsurvey::|\bsvy(?:mean|ttest|glm|by)\b",
     "Lumley (2010), Complex Surveys: A Guide to Analysis Using R, Hoboken: Wiley"),
    # review 17, finding 19: the methods the reports lean on and did not cite. A time's change
    # is the Hodges-Lehmann shift the Mann-Whitney test judges; shares get Wilson intervals
    # and Fisher's exact test (R fisher.test cites Fisher 1935; "with --test fisher" names an
    # option's alternative, as for Newcombe above); the series' trend test of
    # shares is Cochran-Armitage; dz is Cohen's; ω² Hays', ε² (H/(n − 1)) Tomczak & Tomczak's
    # and the paired rank-biserial r Kerby's, the sources R effectsize cites for each
    # (core.effect_sizes)
    (r"Hodges-Lehmann|Hodges & Lehmann", "Hodges & Lehmann (1963), Annals of Mathematical "
     "Statistics 34(2), 598–611"),
    (r"Mann-Whitney|Mann & Whitney", "Mann & Whitney (1947), Annals of Mathematical Statistics "
     "18(1), 50–60"),
    (r"\bWilson(?:-intervall|s|'s)?\b(?!-)", "Wilson (1927), Journal of the American "
     "Statistical Association 22(158), 209–212"),
    (r"\bFisher(?:'s|s)? (?:exakta?|exact) test(?!\s+(?:med|with) --)",
     "Fisher (1935), Journal of the Royal Statistical Society 98(1), 39–54"),
    # session 18, b-left: the feedback register's count change is the exact test of two
    # Poisson rates (R poisson.test; core.exact_tests cites Przyborowski & Wilenski), and a
    # trend's shares the score test (Pearson's χ² at δ = 0) whose inverted interval is Mee's
    # (core.proportions.score_diff_test); the series' "score test of the model share = a + b ·
    # year" is Cochran-Armitage's, cited above, not this
    (r"\bexakt(?:a)? Poissontest|\bexact Poisson test",
     "Przyborowski & Wilenski (1940), Biometrika 31(3/4), 313–323"),
    (r"\bscore[- ]test(?!et av modellen| of the model)",
     "Miettinen & Nurminen (1985), Statistics in Medicine 4(2), 213–226"),
    # review 18 finding 2: Cochran's rule (an expected count under 5) is from the same paper
    (r"Cochran-Armitage|Cochran & Armitage|Cochrans regel|Cochran's rule",
     "Cochran (1954), Biometrics 10(4), 417–451"),
    (r"Cochran-Armitage|Cochran & Armitage",
     "Armitage (1955), Biometrics 11(3), 375–386"),
    (r"\bCohen(?:'s|s)? dz\b", "Cohen (1988), Statistical Power Analysis for the Behavioral "
     "Sciences, 2nd ed., Hillsdale: Erlbaum"),
    (r"ω²", "Hays (1963), Statistics for Psychologists, New York: Holt, Rinehart and Winston"),
    (r"ε²", "Tomczak & Tomczak (2014), Trends in Sport Sciences 21(1), 19–25"),
    (r"(?i)rank-biserial|rangbiseriell|\br_rb\b", "Kerby (2014), Comprehensive Psychology 3, "
     "11.IT.3.1"),
    (r"\bCronbach", "Cronbach (1951), Psychometrika 16(3), 297–334"),
    (r"\bMcDonald", "McDonald (1999), Test Theory: A Unified Treatment, Mahwah: Erlbaum"),
    (r"\bFeldt", "Feldt (1965), Psychometrika 30(3), 357–370"),
    # the rule of a low α (review 15, finding 2): its warnings and the method sentence
    (r"\bNunnally", "Nunnally (1978), Psychometric Theory, 2nd ed., McGraw-Hill"),
    (r"Games-Howell|Games & Howell",
     "Games & Howell (1976), Journal of Educational Statistics 1(2), 113–125"),
    (r"\bDunn\b", "Dunn (1964), Technometrics 6(3), 241–252"),
    # the report's knowledge gap and derived importance (review 13, finding 16)
    (r"Berry \(?1985", "Parasuraman, Zeithaml & Berry (1985), Journal of Marketing 49(4), 41–50"),
    (r"Johnson(?:'s)? \(2000\)",
     "Johnson (2000), Multivariate Behavioral Research 35(1), 1–19"),
    (r"Fornell", "Fornell & Larcker (1981), Journal of Marketing Research 18(1), 39–50"),
    (r"Bentler", "Bentler & Chou (1987), Sociological Methods & Research 16(1), 78–117"),
    # the gates of a factor analysis (review 14, finding 10: the method note and the EFA notes
    # cite Kaiser 1974 and Bartlett 1950, the list omitted them); every "Bartlett" the
    # catalogs write is his test of sphericity (1950)
    (r"\bKaiser\b", "Kaiser (1974), Psychometrika 39(1), 31–36"),
    (r"\bBartlett", "Bartlett (1950), British Journal of Psychology, Statistical Section 3(2), "
     "77–85"),
    # the EFA notes' loading cut-off (efa_sections.py)
    (r"\bHair (?:m\.fl\.|et al\.)", "Hair, Black, Babin & Anderson (2019), Multivariate Data "
     "Analysis, 8th ed., Andover: Cengage"),
    (r"\bDziuban", "Dziuban & Shirkey (1974), Psychological Bulletin 81(6), 358–361"),
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
    >>> cited("Förändring: Welch t-test.")
    ['Welch (1947), Biometrika 34, 28–35']
    >>> len(cited("Gap per dimension (SERVQUAL)")), cited("Andelar med Wilson-intervall")
    (2, ['Wilson (1927), Journal of the American Statistical Association 22(158), 209–212'])
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
