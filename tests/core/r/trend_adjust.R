# Reference values for the multiplicity adjustment of the per-area trend verdicts
# (core/trend.py compare_kpis(adjust=...)): three areas' "reached" shares, before and after,
# compared with Fisher's exact test (the --test fisher path) and adjusted over the family of
# the three per-area comparisons with p.adjust (Holm, BH). The total (all areas pooled) is not
# in the family.
#
#   Rscript tests/core/r/trend_adjust.R    # writes tests/core/r/trend_adjust.json

suppressPackageStartupMessages(library(jsonlite))
get_dir <- function() {
  arg <- grep("^--file=", commandArgs(trailingOnly = FALSE), value = TRUE)
  if (length(arg) == 0L) "." else dirname(normalizePath(sub("^--file=", "", arg)))
}
areas <- list(
  a = list(before = c(10, 10), after = c(3, 10)),   # reached, of n
  b = list(before = c(10, 10), after = c(5, 10)),  # p < .05 raw, not after Holm
  c = list(before = c(5, 10), after = c(5, 10))
)
fisher_p <- function(kb, nb, ka, na) {
  fisher.test(matrix(c(kb, nb - kb, ka, na - ka), nrow = 2))$p.value
}
p <- sapply(areas, function(s) fisher_p(s$before[1], s$before[2], s$after[1], s$after[2]))
kb <- sum(sapply(areas, function(s) s$before[1])); ka <- sum(sapply(areas, function(s) s$after[1]))
out <- list(
  r_version = R.version.string,
  areas = lapply(names(areas), function(a) c(areas[[a]]$before, areas[[a]]$after)),
  names = names(areas),
  p = unname(p),
  holm = unname(p.adjust(p, "holm")),
  bh = unname(p.adjust(p, "BH")),
  p_total = fisher_p(kb, 30, ka, 30)
)
write_json(out, file.path(get_dir(), "trend_adjust.json"), digits = NA, auto_unbox = TRUE)
