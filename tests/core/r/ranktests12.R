# Reference values for signed_rank_test (src/servqual_cli/core/ranktests.py): exact conditional
# p-values with Wilcoxon and Pratt zero handling from coin::wilcoxsign_test(distribution =
# "exact"), coin's asymptotic p for Pratt, and wilcox.test's normal approximation for large n.
#
#   Rscript tests/core/r/ranktests12.R      # writes tests/core/r/ranktests12.json
suppressPackageStartupMessages(library(coin))
get_dir <- function() {
  arg <- grep("^--file=", commandArgs(trailingOnly = FALSE), value = TRUE)
  if (length(arg) == 0L) "." else dirname(normalizePath(sub("^--file=", "", arg)))
}
here <- get_dir()
source(file.path(here, "json.R"))
set.seed(1212)
coin_p <- function(d, zm, dist) {
  t <- wilcoxsign_test(d ~ rep(0, length(d)), zero.method = zm, distribution = dist)
  list(v = unname(statistic(t, type = "linear")[1]), p = pvalue(t)[1])
}
small <- list(
  sample(-3:3, 15, replace = TRUE, prob = c(1, 2, 3, 4, 3, 2, 1)),   # n = 15, ties and zeros
  sample(-6:6, 31, replace = TRUE) / 3,                             # gap means in thirds
  c(1.5, -0.5, 2, 3.5, 0.25, 1, -1.25),                             # no ties: = wilcox.test
  c(0, 0, 0, 1, 1, 2)
)
cases <- lapply(small, function(d) list(
  d = I(d),
  wilcox = coin_p(d, "Wilcoxon", "exact"),
  pratt = coin_p(d, "Pratt", "exact")
))
big <- sample(-4:4, 140, replace = TRUE, prob = c(1, 1, 2, 4, 5, 5, 3, 2, 1))
out <- list(
  r_version = R.version.string, coin = as.character(packageVersion("coin")),
  small = cases,
  exact_no_ties = wilcox.test(small[[3]])$p.value,
  big = list(d = I(big),
             wilcox_p = suppressWarnings(wilcox.test(big)$p.value),
             pratt = coin_p(big, "Pratt", "asymptotic"))
)
writeLines(to_json(out), file.path(here, "ranktests12.json"))
