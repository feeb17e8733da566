# Cronbach's alpha of tests/data/alpha_negative.csv (review 15, finding 2) for every scale
# `servqual reliability -i tests/data/alpha_negative.toml` reports: E, P and the item gaps
# (P - E) of Bemötande (items 1-3), Rättssäkerhet (4-6) and the whole scale. psych::alpha's
# default: pairwise correlations, raw alpha; no item is reversed (check.keys = FALSE), so a
# negative alpha stays negative, as servqual reports it.
# Writes alpha_negative.json beside this script.
# Run from the repository root: Rscript tests/cli/r/alpha_negative.R
suppressPackageStartupMessages({library(psych); library(jsonlite)})
x <- read.csv2("tests/data/alpha_negative.csv", check.names = FALSE, encoding = "UTF-8")
dims <- list("Bemötande" = 1:3, "Rättssäkerhet" = 4:6, "all" = 1:6)
out <- list()
for (score in c("E", "P", "gap")) {
  for (dim in names(dims)) {
    k <- dims[[dim]]
    items <- if (score == "gap") x[, paste0("P", k)] - x[, paste0("E", k)] else
      x[, paste0(score, k)]
    a <- psych::alpha(items, warnings = FALSE, check.keys = FALSE)
    out[[paste0(score, ":", dim)]] <- list(raw_alpha = a$total$raw_alpha,
                                           std_alpha = a$total$std.alpha)
  }
}
write_json(out, "tests/cli/r/alpha_negative.json", auto_unbox = TRUE, digits = NA, pretty = TRUE)
