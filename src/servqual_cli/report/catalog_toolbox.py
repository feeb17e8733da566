"""The words of the SERVQUAL research toolbox: zone of tolerance, knowledge gap, derived
importance, IPA, weights (part of the label catalog).

:data:`TOOLBOX`, split from :mod:`servqual_cli.report.catalog_servqual` (over 400 lines) in
session 12. Each table is ``key: (sv, en)``; :mod:`servqual_cli.report.catalog` re-exports it
and lists it in :func:`~servqual_cli.report.catalog.catalog` (prefixed ``"<section>."``). Use
it through the catalog.
"""

from __future__ import annotations

from servqual_cli.report.importance_words import IMPORTANCE
from servqual_cli.report.knowledge_words import KNOWLEDGE
from servqual_cli.report.tolerance_inverted import TOLERANCE_INVERTED
from servqual_cli.report.tolerance_weighted_words import TOLERANCE_WEIGHTED
from servqual_cli.report.tolerance_words import TOLERANCE_NOTES
from servqual_cli.report.weight_left_out_words import WEIGHT_LEFT_OUT
from servqual_cli.report.weighted_basis_words import WEIGHTED_BASIS
from servqual_cli.report.weighted_group_words import WEIGHTED_GROUP_DIFFER
from servqual_cli.report.weighted_pair_words import WEIGHTED_PAIRS

Pairs = dict[str, tuple[str, str]]

TOOLBOX: Pairs = {
    "excluded_see_file": (
        "Uteslutna celler: se hela filen ovan (räknas inte per grupp)",
        "Excluded cells: see the whole file above (not counted per group)",
    ),
    "unused_weight": (
        "Filen har en viktkolumn ({columns}) som inte används: resultaten beskriver urvalet, "
        "inte befolkningen. Ange --weight-column för viktade skattningar.",
        "The file has a weight column ({columns}) that is not used: the results describe the "
        "sample, not the population. Give --weight-column for weighted estimates.",
    ),
    "unused_weight_trend": (
        "Viktkolumn som trend inte använder: {columns}. Jämförelsen gäller urvalen, inte "
        "befolkningen (viktad jämförelse: servqual trend --weight-column).",
        "Weight column that trend does not use: {columns}. The comparison describes the "
        "samples, not the population (a weighted comparison: servqual trend --weight-column).",
    ),
    # review 9 finding 4: knowledge-gap has no --weight-column; the columns name their file
    "unused_weight_knowledge": (
        "Viktkolumn som knowledge-gap inte använder: {columns}. Jämförelsen gäller urvalen, "
        "inte befolkningen (knowledge-gap viktar inte svaren).",
        "Weight column that knowledge-gap does not use: {columns}. The comparison describes "
        "the samples, not the population (knowledge-gap does not weight the answers).",
    ),
    "adequate": ("Lägsta godtagbara (A)", "Adequate (A)"),
    "desired": ("Önskad (D)", "Desired (D)"),
    "perception": ("Upplevelse (P)", "Perceived (P)"),  # sv: as every command names P
    "msa": ("MSA (P−A)", "MSA (P−A)"),
    "msa_ci_low": ("MSA KI låg", "MSA CI low"),
    "msa_ci_high": ("MSA KI hög", "MSA CI high"),
    "msa_p": ("p (MSA)", "p (MSA)"),
    "mss": ("MSS (P−D)", "MSS (P−D)"),
    "mss_ci_low": ("MSS KI låg", "MSS CI low"),
    "mss_ci_high": ("MSS KI hög", "MSS CI high"),
    "mss_p": ("p (MSS)", "p (MSS)"),
    "zone_width": ("Zonbredd (D−A)", "Zone width (D−A)"),
    "share_below_adequate": ("Andel under A", "Share below A"),
    "share_above_desired": ("Andel över D", "Share above D"),
    "n_inverted": ("D < A", "D < A"),
    "position": ("Läge", "Position"),
    "below": ("under zonen", "below the zone"),
    "inside": ("inom zonen", "inside the zone"),
    "above": ("över zonen", "above the zone"),
    "unclear": ("vid en gräns (kan ej avgöras)", "at a boundary (cannot tell)"),
    "tolerance_dims": ("Toleranszon per dimension", "Zone of tolerance by dimension"),
    "tolerance_items": ("Toleranszon per påstående", "Zone of tolerance by item"),
    "n_customers": ("n medborgare", "n citizens"),
    "n_staff": ("n personal", "n staff"),
    "customers": ("Medborgarnas E", "Citizens' E"),
    "staff": ("Personalens bild", "Staff's estimate"),
    "p_welch": ("p (Welch)", "p (Welch)"),
    "p_mann_whitney": ("p (Mann-Whitney)", "p (Mann-Whitney)"),
    "hedges_g": ("Hedges g", "Hedges' g"),
    "knowledge_dims": ("Kunskapsgapet per dimension", "Knowledge gap by dimension"),
    "reading": ("Tolkning", "Reading"),
    "kg_underestimate": ("personalen underskattar", "staff underestimate"),
    "kg_overestimate": ("personalen överskattar", "staff overestimate"),
    "kg_unclear": ("ingen säker skillnad", "no clear difference"),
    **KNOWLEDGE,  # report/knowledge_words.py: the Holm families' words (session 17)
    "knowledge_items": ("Kunskapsgapet per påstående", "Knowledge gap by item"),
    "set": ("Frågeset", "Question set"),
    "mean": ("Medel", "Mean"),
    "sd": ("SD", "SD"),
    "median": ("Median", "Median"),
    "q1": ("Q1", "Q1"),
    "q3": ("Q3", "Q3"),
    "top2": ("Topp-2", "Top 2"),
    "top2_ci_low": ("Topp-2 KI låg", "Top 2 CI low"),
    "top2_ci_high": ("Topp-2 KI hög", "Top 2 CI high"),
    "bottom2": ("Botten-2", "Bottom 2"),
    "skewness": ("Skevhet", "Skewness"),
    "item_distributions": ("Svarsfördelning per påstående", "Item distributions"),
    # review 13, finding 9: Friedman tells which gap is largest, not which matters (that is
    # derived importance, "importance")
    "friedman": ("Vilket gap är störst?", "Which gap is largest?"),
    "friedman_table": ("Friedmans test av dimensionsgapen", "Friedman test of the dimension gaps"),
    "pairs": ("Parvisa jämförelser av dimensionsgap", "Pairwise comparisons of dimension gaps"),
    "a": ("Dimension A", "Dimension A"),
    "b": ("Dimension B", "Dimension B"),
    "statistic": ("χ²", "χ²"),
    "df": ("fg", "df"),
    "p": ("p", "p"),
    "kendall_w": ("Kendalls W", "Kendall's W"),
    **IMPORTANCE,  # report/importance_words.py (session 16: derived importance)
    "weighted_estimates": ("Viktade skattningar", "Weighted estimates"),
    # review 5, findings 1 and 2: the weighted gaps with their design-based test, first
    "weighted_gaps": ("Viktade dimensionsgap", "Weighted dimension gaps"),
    "w_mean": ("Viktat gap (P−E)", "Weighted gap (P−E)"),
    "w_n": ("n", "n"),
    "w_se": ("SE", "SE"),
    "w_ci_low": ("KI låg", "CI low"),
    "w_ci_high": ("KI hög", "CI high"),
    "w_t": ("t", "t"),
    "w_df": ("fg", "df"),
    "w_p": ("p (t)", "p (t)"),
    "w_n_eff": ("Effektivt n (Kish)", "Effective n (Kish)"),
    "weighted_test_note": (
        "Vikter från kolumnen {column}{left_out}. Viktat gap "
        "= Σwg/Σw; SE med Taylorlinjärisering som R survey::svymean; t-test som R "
        "survey::svyttest (svydesign(ids = ~1, weights = ~w)): t = gap/SE, fg = n − 2, KI och "
        "p ur t-fördelningen; p justerat över dimensionerna som i den oviktade tabellen. "
        "Kalibreringen görs inte om, så SE är försiktiga. Gapet är beräknat ur oavrundade "
        "värden.",
        "Weights from column {column}{left_out}. "
        "Weighted gap = Σwg/Σw; SE by Taylor linearisation as R survey::svymean; t-test as R "
        "survey::svyttest (svydesign(ids = ~1, weights = ~w)): t = gap/SE, df = n − 2, CI and p "
        "from the t distribution; p adjusted across the dimensions as in the unweighted table. "
        "Calibration is not redone, so the SEs are conservative. The gap is computed from "
        "unrounded values.",
    ),
    "weighted_agree": (
        "Viktade och oviktade slutsatser är desamma för varje dimension (p justerat, "
        "5\u00a0%-nivån).",
        "Weighted and unweighted conclusions agree for every dimension (adjusted p, 5% level).",
    ),
    "weighted_differ": (
        "Viktade och oviktade slutsatser skiljer sig för: {dimensions}. Befolkningsskattningen är "
        "den viktade.",
        "Weighted and unweighted conclusions differ for: {dimensions}. The population estimate "
        "is the weighted one.",
    ),
    "weighted_differ_one": (
        "{dimension} (viktat {weighted} {ci}, justerat {p}; oviktat {unweighted}, justerat {p_u})",
        "{dimension} (weighted {weighted} {ci}, adjusted {p}; unweighted {unweighted}, "
        "adjusted {p_u})",
    ),
    "weighted_apa_head": (
        "{dimension}, viktat efter {column} (Kish n_eff = {n_eff})",
        "{dimension}, weighted by {column} (Kish n_eff = {n_eff})",
    ),
    "weighted_overall": (
        "Total SERVQUAL (medel av dimensionernas gap)",
        "overall SERVQUAL (mean of the dimension gaps)",
    ),
    "weighted_means_note": (
        "Vikter från kolumnen {column}{left_out}. Medel = "
        "Σwx/Σw; SE med Taylorlinjärisering som R survey::svymean (svydesign(ids = ~1, "
        "weights = ~w)), normalfördelat KI; effektivt n enligt Kish. Kalibreringen görs inte om, "
        "så SE är försiktiga. De viktade gapens test står i tabellen ”Viktade dimensionsgap”; "
        "upplevelsen och totalen är skattningar utan test, och jämförelsen mellan dimensionerna "
        "ovan är oviktad.",
        "Weights from column {column}{left_out}. Mean = "
        "Σwx/Σw; SE by Taylor linearisation as R survey::svymean (svydesign(ids = ~1, "
        "weights = ~w)), normal CI; effective n by Kish. Calibration is not redone, so the SEs "
        "are conservative. The weighted gaps' tests are in the table “Weighted dimension gaps”; "
        "the perceptions and the overall score are estimates without a test, and the comparison "
        "of the dimensions above is unweighted.",
    ),
    "unweighted_apa_head": (
        "{dimension}, oviktat (urvalet)",
        "{dimension}, unweighted (the sample)",
    ),
    "weights_first_note": (
        "Vikter angivna ({column}): tabellerna och testerna här beskriver urvalet, oviktat; "
        "befolkningsskattningarna med sina test står under ”Viktade dimensionsgap ({column})” "
        "ovan.",
        "Survey weights given ({column}): these tables and tests describe the sample, "
        "unweighted; the population estimates with their tests are under “Weighted dimension "
        "gaps ({column})” above.",
    ),
    "weighted_means": ("Viktade medelvärden", "Weighted means"),
    "profile_table": ("Svarande efter bakgrund", "Respondents by background"),
    "name": ("Storhet", "Quantity"),
    "n_eff": ("Effektivt n (Kish)", "Effective n (Kish)"),
    "profile": ("Svarandeprofil", "Respondent profile"),
    "variable": ("Variabel", "Variable"),
    "value": ("Värde", "Value"),
    "share": ("Andel", "Share"),
    "weighted_share": ("Viktad andel", "Weighted share"),
    "zot_chart": ("Toleranszon per dimension", "Zone of tolerance by dimension"),
    "likert_chart": ("Svarsfördelning", "Answer distribution"),
    # review 7, finding 2 (w-weight): a weighted report's groups on the cards' basis, and what
    # stays unweighted named in its title and note
    "weighted_group_title": (
        "{what} – {by}, viktat efter {column}",
        "{what} – {by}, weighted by {column}",
    ),
    "weighted_group_note": (
        "Viktat efter kolumnen {column}, som totalen och Resultat i korthet. Varje grupp är en "
        "domän av den viktade designen (svarande med gap i dimensionen): gap = Σwg/Σw inom "
        "gruppen, SE med Taylorlinjärisering som R survey::svyby(svymean), t-test som R "
        "survey::svyttest på gruppens delmängd (fg = n − 2, KI ur t-fördelningen), p justerat "
        "över grupper × dimensioner. Kalibreringen görs inte om, så SE är försiktiga. "
        "Oviktat gap (samma n): medel i gruppen på samma n svarande med giltig vikt som det "
        "viktade, inte på alla gruppens svarande som de oviktade tabellerna. Gapet är beräknat "
        "ur oavrundade värden.",
        "Weighted by the column {column}, as the total and the results at a glance. Each group "
        "is a domain of the weighted design (respondents with a gap in the dimension): gap = "
        "Σwg/Σw within the group, SE by Taylor linearisation as R survey::svyby(svymean), t-test "
        "as R survey::svyttest on the group's subset (df = n − 2, CI from the t distribution), p "
        "adjusted over groups × dimensions. Calibration is not redone, so the SEs are "
        "conservative. Unweighted gap (same n): the group's mean over the same n respondents with "
        "a valid weight as the weighted one, not over every respondent of the group as in the "
        "unweighted tables. The gap is computed from unrounded values.",
    ),
    "unweighted_sample": ("oviktat (urvalet)", "unweighted (the sample)"),
    "group_tests_unweighted": (
        "Oviktat (urvalet): testen mellan grupperna och de parvisa jämförelserna har ingen "
        "viktad form här och beskriver urvalet, inte befolkningen.",
        "Unweighted (the sample): the tests between the groups and the pairwise comparisons "
        "have no weighted form here and describe the sample, not the population.",
    ),
    "group_gaps_weighted_above": (
        "Gapen per grupp ovan är viktade efter {column}.",
        "The groups' gaps above are weighted by {column}.",
    ),
    "group_table_unweighted": (
        "Oviktat (urvalet): gapen och testen per grupp är inte viktade efter {column}, till "
        "skillnad från tabellen ”Viktade dimensionsgap”.",
        "Unweighted (the sample): the groups' gaps and tests are not weighted by {column}, "
        "unlike the table “Weighted dimension gaps”.",
    ),
    "largest_gaps_unweighted": (
        "Oviktat (urvalet): påståendenas gap är inte viktade efter {column}, till skillnad från "
        "totalen ovan och Resultat i korthet; de beskriver urvalet.",
        "Unweighted (the sample): the items' gaps are not weighted by {column}, unlike the total "
        "above and the results at a glance; they describe the sample.",
    ),
    "heatmap_weighted": (
        "Viktat efter {column}: gapen och parenteserna följer tabellen ”{table}”.",
        "Weighted by {column}: the gaps and the parentheses follow the table “{table}”.",
    ),
    "method_group_weights": (
        "Gapen per grupp (tabellen, värmekartan och kortens grupprader) är också viktade: varje "
        "grupp är en domän av den viktade designen (som R survey::svyby och svyttest på "
        "gruppens delmängd). Testet mellan grupperna är viktat också: ett designbaserat "
        "Wald-test som R survey::svyglm och regTermTest. Welch, Kruskal-Wallis och de parvisa "
        "jämförelserna är oviktade.",
        "The gaps per group (the table, the heatmap and the cards' group lines) are weighted "
        "too: each group is a domain of the weighted design (as R survey::svyby and svyttest on "
        "the group's subset). The test between the groups is weighted as well: a design-based "
        "Wald test as R survey::svyglm and regTermTest. Welch, Kruskal-Wallis and the pairwise "
        "comparisons are unweighted.",
    ),
    # session 11 (l-weight): the weighted test between the groups (core/weighted_group_test)
    "wt_title": (
        "Skillnader mellan grupper – {by}, viktat efter {column}",
        "Differences between groups – {by}, weighted by {column}",
    ),
    "wt_k": ("grupper", "groups"),
    "wt_n": ("n", "n"),
    "wt_f": ("F (Wald)", "F (Wald)"),
    "wt_df1": ("fg täljare", "df1"),
    "wt_df2": ("fg nämnare", "df2"),
    "wt_p": ("p (F)", "p (F)"),
    "wt_note": (
        "Viktat efter kolumnen {column}. Designbaserat Wald-test som R survey: svyglm(gap ~ "
        "grupp) på den viktade designen (svarande med gap och grupp), regTermTest(modell, "
        "~grupp): F = Wald-χ²/(grupper − 1), fg nämnare = n − grupper (modellens residual-fg). "
        "Varje grupps varians är den i tabellen med de viktade gapen per grupp. Grupper med "
        "minst {min_n} giltiga dimensionsgap och varians deltar. p justerat över "
        "dimensionerna. Kalibreringen görs inte om, så testet är försiktigt.",
        "Weighted by the column {column}. Design-based Wald test as R survey: svyglm(gap ~ "
        "group) on the weighted design (respondents with a gap and a group), "
        "regTermTest(model, ~group): F = Wald χ²/(groups − 1), df2 = n − groups (the model's "
        "residual df). Each group's variance is the one in the table of the weighted gaps per "
        "group. Groups with at least {min_n} valid dimension gaps and some variance take part. "
        "p adjusted across the dimensions. Calibration is not redone, so the test is "
        "conservative.",
    ),
    "wt_left_out": ("Utanför det viktade testet", "Left out of the weighted test"),
    "wt_small": (
        "Grupper med färre än {n} gap i testet (n inom parentes): {groups}; deras varians "
        "bygger på få svarande, så F och p är ungefärliga.",
        "Groups with fewer than {n} gaps in the test (n in parentheses): {groups}; their "
        "variance rests on few respondents, so F and p are approximate.",
    ),
    "wt_apa": (
        "{dimension} efter {by}, viktat efter {column}",
        "{dimension} by {by}, weighted by {column}",
    ),
    "group_tests_unweighted_beside": (
        "Oviktat (urvalet): Welch, Kruskal-Wallis och de parvisa jämförelserna har ingen viktad "
        "form här och beskriver urvalet, inte befolkningen; det viktade testet mellan grupperna "
        "står i tabellen ”{table}”.",
        "Unweighted (the sample): Welch, Kruskal-Wallis and the pairwise comparisons have no "
        "weighted form here and describe the sample, not the population; the weighted test "
        "between the groups is in the table “{table}”.",
    ),
    # w-weight (session 12): respondents with weight 0, as R survey (tests/core/r/zero_weights.R)
    "weight_zero_note": (
        "Svarande med vikt 0: {n}. De bidrar inte till de viktade skattningarna och räknas inte "
        "i n eller frihetsgraderna, men ingår i designens storlek för SE, som i R survey "
        "(degf räknar bara positiva vikter).",
        "Respondents with weight 0: {n}. They add nothing to the weighted estimates and are not "
        "counted in n or the degrees of freedom, but stay in the design's size for the SE, as "
        "in R survey (degf counts positive weights only).",
    ),
    # w-weight (session 12): one rule for a weighted report's titles (report/weighted_labels.py)
    "weight_rule_dimensions": (
        "Oviktat (urvalet): gapen här är inte viktade efter {column} och beskriver urvalet; de "
        "viktade står i tabellen ”Viktade dimensionsgap ({column})”.",
        "Unweighted (the sample): these gaps are not weighted by {column} and describe the "
        "sample; the weighted ones are in the table “Weighted dimension gaps ({column})”.",
    ),
    "weight_rule_ipa": (
        "Oviktat (urvalet): viktighet och upplevelse är inte viktade efter {column}; de "
        "beskriver urvalet.",
        "Unweighted (the sample): importance and performance are not weighted by {column}; "
        "they describe the sample.",
    ),
    "weight_rule_comparison": (
        "Oviktat (urvalet): jämförelsen mellan dimensionerna är inte viktad efter {column}; den "
        "beskriver urvalet.",
        "Unweighted (the sample): the comparison of the dimensions is not weighted by {column}; "
        "it describes the sample.",
    ),
    "weight_rule_distributions": (
        "Oviktat (urvalet): svarsfördelningarna är inte viktade efter {column}; de beskriver "
        "urvalet.",
        "Unweighted (the sample): the answer distributions are not weighted by {column}; they "
        "describe the sample.",
    ),
    "weight_rule_tolerance": (
        "Oviktat (urvalet): toleranszonen är inte viktad efter {column}; den beskriver urvalet.",
        "Unweighted (the sample): the zone of tolerance is not weighted by {column}; it "
        "describes the sample.",
    ),
    # review 13, finding 16: the knowledge gap in a weighted report (derived importance is
    # weighted since session 17: core/weighted_importance.py)
    "weight_rule_knowledge": (
        "Oviktat (urvalet): medborgarnas förväntningar är inte viktade efter {column}; de "
        "beskriver urvalet.",
        "Unweighted (the sample): the citizens' expectations are not weighted by {column}; they "
        "describe the sample.",
    ),
    "method_weight_rule": (
        "En regel för rubrikerna: en tabell eller figur som är viktad har ”viktat efter "
        "{column}” i rubriken, en som inte är det ”oviktat (urvalet)” och en mening om att den "
        "beskriver urvalet, inte befolkningen (gapen per dimension och påstående, IPA, "
        "jämförelsen mellan dimensionerna, svarsfördelningen, toleranszonen, kunskapsgapet "
        "och reliabiliteten har ingen viktad form här). Svarande med vikt 0 "
        "räknas inte i de viktade tabellernas n eller frihetsgrader (som R survey).",
        "One rule for the titles: a table or figure that is weighted has “weighted by "
        "{column}” in its title, one that is not has “unweighted (the sample)” and a sentence that "
        "it describes the sample, not the population (the gaps by dimension and item, the IPA, "
        "the comparison of the dimensions, the answer distributions, the zone of tolerance, the "
        "knowledge gap and the reliability have no weighted form here). "
        "Respondents with weight 0 are not counted in the weighted tables' n or degrees of "
        "freedom (as R survey).",
    ),
    # p-polish (session 12): the reliability part's tables under the same rule
    "weight_rule_reliability": (
        "Oviktat (urvalet): reliabiliteten är inte viktad efter {column}; den beskriver urvalet.",
        "Unweighted (the sample): the reliability is not weighted by {column}; it describes "
        "the sample.",
    ),
    **TOLERANCE_WEIGHTED,  # tolerance --weight-column (review 13, finding 6)
    **TOLERANCE_INVERTED,  # an inverted zone, D < A (review 15, finding 3)
    **TOLERANCE_NOTES,  # the table's notes, the rules said once (closing 17)
    **WEIGHTED_GROUP_DIFFER,  # weighted vs Welch between the groups (review 15, finding 5)
    **WEIGHT_LEFT_OUT,  # report/weight_left_out_words.py (review 15, finding 8)
    **WEIGHTED_PAIRS,  # report/weighted_pair_words.py (review 13, finding 19)
    **WEIGHTED_BASIS,  # report/weighted_basis_words.py (review 18, finding 1)
}
