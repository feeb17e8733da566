# Reference values for tests/core/test_factorability.py and
# tests/cli/test_reliability_factorability_cli.py (review 13, finding 2: EFA loadings shown
# for correlations that cannot carry a factor analysis). psych::KMO and
# psych::cortest.bartlett on
#   - the three scores (E, P, gap = P - E) of tests/data/reliability_noise_30.csv (30 random
#     pilot answers, no missing values, so the pairwise n is the row count), and
#   - two 3-item correlation matrices: "bartlett_only" (KMO 0.63, but n = 12 cannot reject an
#     identity matrix) and "kmo_only" (KMO 0.27, Bartlett clearly significant at n = 200).
# Run from this directory: Rscript factorability.R  (writes factorability.json; the Python
# tests read the JSON, they never call R).
suppressPackageStartupMessages({
  library(psych)
  library(jsonlite)
})

one <- function(r, n) {
  b <- cortest.bartlett(r, n = n)
  list(kmo = KMO(r)$MSA, chi2 = b$chisq, df = b$df, p = b$p.value, n = n)
}

d <- read.csv("../../data/reliability_noise_30.csv", check.names = FALSE)
e <- as.matrix(d[, paste0("E", 1:22)])
p <- as.matrix(d[, paste0("P", 1:22)])
scores <- list(E = e, P = p, gap = p - e)
out <- list(noise_30 = lapply(scores, function(x) one(cor(x, use = "pairwise"), nrow(na.omit(x)))))

m <- function(a, b, c) matrix(c(1, a, b, a, 1, c, b, c, 1), 3)
out$matrices <- list(
  bartlett_only = c(list(r = m(0.5, 0.4, 0.3)), one(m(0.5, 0.4, 0.3), 12)),
  kmo_only = c(list(r = m(0.45, 0.45, -0.3)), one(m(0.45, 0.45, -0.3), 200))
)
writeLines(toJSON(out, digits = NA, auto_unbox = TRUE, pretty = TRUE), "factorability.json")
