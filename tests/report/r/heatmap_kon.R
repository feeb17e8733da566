# Reference for tests/report/test_heatmap_rule.py (review 6, finding 5): each Kön group's
# dimension gap t-test p, Holm-adjusted over every group x dimension test (the per-group table's
# family), from the sample CSV. Run from the repository root:
#   Rscript tests/report/r/heatmap_kon.R > tests/report/r/heatmap_kon.json
d <- read.csv2("data/samples/karlstad_servqual.csv", skip = 2, fileEncoding = "latin1",
               stringsAsFactors = FALSE, check.names = FALSE)
# the label "Instämmer helt" is the scale's 7, as servqual reads it (session 13: the first
# version dropped it, and a dimension gap from fewer than half its items, so two cells differed)
num <- function(x) {
  x <- trimws(x); x[x == "Instämmer helt"] <- "7"
  v <- suppressWarnings(as.numeric(x)); v[!(v %in% 1:7)] <- NA; v
}
dims <- list(T = 1:4, R = 5:9, Rs = 10:13, A = 14:17, Em = 18:22)
# pzb1991: an item gap is P - E; a dimension gap the mean of the respondent's valid item gaps,
# when at least half of the dimension's items (rounded up) have one (servqual's min_items)
gap <- sapply(dims, function(items) {
  g <- sapply(items, function(i) num(d[[paste0("P", i)]]) - num(d[[paste0("E", i)]]))
  m <- rowMeans(g, na.rm = TRUE)
  m[rowSums(!is.na(g)) < ceiling(length(items) / 2)] <- NA
  m
})
gap[is.nan(gap)] <- NA
kon <- d[["Kön"]]
out <- data.frame()
for (k in sort(unique(kon[kon != ""]))) for (dim in names(dims)) {
  x <- gap[kon == k, dim]; x <- x[!is.na(x)]
  t <- t.test(x)
  out <- rbind(out, data.frame(group = k, dimension = dim, n = length(x), gap = mean(x),
                               ci_low = t$conf.int[1], ci_high = t$conf.int[2], p = t$p.value))
}
out$p_holm <- p.adjust(out$p, "holm")
cat("[\n", paste(sprintf(
  '  {"group": "%s", "dimension": "%s", "n": %d, "gap": %.10g, "ci_low": %.10g, "ci_high": %.10g, "p": %.10g, "p_holm": %.10g}',
  out$group, out$dimension, out$n, out$gap, out$ci_low, out$ci_high, out$p, out$p_holm),
  collapse = ",\n"), "\n]\n", sep = "")
