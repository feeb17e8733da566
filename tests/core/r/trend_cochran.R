# Review 18 finding 2: a trend's share compared where an expected count is under 5 (Cochran's
# rule, the one chisq.test warns on) takes Fisher's exact test instead of the score test.
# Writes trend_cochran.json (R 4.x, base stats only): Rscript trend_cochran.R
cases <- list(
  list(k1 = 7, n1 = 7, k2 = 0, n2 = 7),    # förskola, phone reached 2020 -> 2021 (expected 3.5)
  list(k1 = 39, n1 = 47, k2 = 28, n2 = 47), # phone reached without bygglov (expected >= 13.5)
  list(k1 = 5, n1 = 10, k2 = 5, n2 = 10)    # expected exactly 5: not under, the score test
)
out <- lapply(cases, function(c) {
  m <- matrix(c(c$k1, c$n1 - c$k1, c$k2, c$n2 - c$k2), nrow = 2)
  chi <- suppressWarnings(chisq.test(m, correct = FALSE))
  list(k1 = c$k1, n1 = c$n1, k2 = c$k2, n2 = c$n2,
       min_expected = min(chi$expected),
       score_p = chi$p.value,
       fisher_p = fisher.test(m)$p.value)
})
# the review's Holm family: 103 per-area comparisons, this p the smallest
holm <- list(fisher = min(1, 103 * out[[1]]$fisher_p), score = min(1, 103 * out[[1]]$score_p))
writeLines(jsonlite::toJSON(list(cases = out, holm_103 = holm), auto_unbox = TRUE,
                            digits = NA, pretty = TRUE), "trend_cochran.json")
