# Reference values for `servqual reliability` on the sample survey (tests/cli/test_reliability_cli.py):
# psych::alpha (pairwise, the default) per dimension for E, P and the item gaps, and for the whole
# scale, cleaned independently as in gaps.R. Also lavaan cfa() fit of the five-dimension model on P.
# Run from this folder: Rscript sample_reliability.R  (writes sample_reliability.json)
suppressPackageStartupMessages({library(psych); library(lavaan)})
source("json.R")
source("sample_survey.R")  # raw, to_score(), E, P, dims
colnames(E) <- paste0("E", 1:22)
colnames(P) <- paste0("P", 1:22)
G <- P - E; colnames(G) <- paste0("P", 1:22, "-E", 1:22)
dims$all <- 1:22
out <- list()
for (score in c("E", "P", "gap")) {
  X <- switch(score, E = E, P = P, gap = G)
  for (d in names(dims)) {
    a <- suppressWarnings(psych::alpha(as.data.frame(X[, dims[[d]]]), warnings = FALSE))
    out[[paste0(score, ":", d)]] <- list(
      alpha = a$total$raw_alpha, alpha_std = a$total$std.alpha, average_r = a$total$average_r,
      alpha_if_deleted = I(a$alpha.drop$raw_alpha), item_rest_r = I(a$item.stats$r.drop),
      mean = I(a$item.stats$mean), sd = I(a$item.stats$sd), n = I(a$item.stats$n))
  }
}
model <- paste(sapply(names(dims)[1:5], function(d) paste0(d, " =~ ", paste0("P", dims[[d]], collapse = " + "))), collapse = "\n")
fit <- cfa(model, data = as.data.frame(P))
fm <- fitMeasures(fit, c("chisq", "df", "cfi", "tli", "rmsea", "rmsea.ci.lower", "rmsea.ci.upper", "srmr"))
out[["cfa_P"]] <- as.list(unname(fm)); names(out[["cfa_P"]]) <- names(fm)
out[["versions"]] <- list(R = R.version.string, psych = as.character(packageVersion("psych")),
                          lavaan = as.character(packageVersion("lavaan")))
writeLines(to_json(out), "sample_reliability.json")
