# Complete rows (nobs) and free parameters (npar) of lavaan's listwise CFA of E, P and the item
# gaps of tests/data/survey_blanks_pzb1988.csv (300 respondents, 5 % blank cells, pzb1988: items
# 10-13 and 18-22 stored reversed, scored 8 - x). Writes cfa_rows.json beside this script.
# Run from the repository root: Rscript tests/core/r/cfa_rows.R
suppressPackageStartupMessages({library(lavaan); library(jsonlite)})
x <- read.csv("tests/data/survey_blanks_pzb1988.csv", check.names = FALSE)
for (i in c(10:13, 18:22)) {
  x[[paste0("E", i)]] <- 8 - x[[paste0("E", i)]]
  x[[paste0("P", i)]] <- 8 - x[[paste0("P", i)]]
}
dims <- list(T = 1:4, R = 5:9, Rs = 10:13, A = 14:17, Em = 18:22)
scores <- list(
  E = as.data.frame(sapply(1:22, function(i) x[[paste0("E", i)]])),
  P = as.data.frame(sapply(1:22, function(i) x[[paste0("P", i)]])),
  gap = as.data.frame(sapply(1:22, function(i) x[[paste0("P", i)]] - x[[paste0("E", i)]]))
)
out <- list()
for (s in names(scores)) {
  d <- scores[[s]]
  names(d) <- paste0("V", 1:22)
  m <- paste(sapply(names(dims), function(k)
    paste0(k, " =~ ", paste(names(d)[dims[[k]]], collapse = " + "))), collapse = "\n")
  fit <- suppressWarnings(cfa(m, data = d, std.lv = TRUE))
  out[[s]] <- list(nobs = lavInspect(fit, "nobs"), npar = unname(fitMeasures(fit, "npar")),
                   cfi = unname(fitMeasures(fit, "cfi")))
}
write_json(out, "tests/core/r/cfa_rows.json", auto_unbox = TRUE, digits = NA, pretty = TRUE)
