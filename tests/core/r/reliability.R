# Reference values for tests/core/test_reliability.py (psych 2.2.9, lavaan 0.6.14, R 4.2.2).
# Run from this directory after reliability_data.R:  Rscript reliability.R
# Writes reliability_expected.json. The Python tests read the JSON; they never call R.
suppressPackageStartupMessages({
  library(psych)
  library(lavaan)
  library(jsonlite)
})

bfi <- read.csv("bfi.csv")
synth <- read.csv("servqual_synth.csv")
rev6 <- function(x) 7 - x # bfi items are 1-6

sets <- list(
  bfi_A = bfi[, paste0("A", 1:5)], # A1 deliberately not reversed: negative r.drop
  bfi_A_rev = transform(bfi[, paste0("A", 1:5)], A1 = rev6(A1)),
  bfi_C_rev = transform(bfi[, paste0("C", 1:5)], C4 = rev6(C4), C5 = rev6(C5)),
  synth_all = synth,
  synth_reliability = synth[, paste0("P", 5:9)],
  bfi_A23 = bfi[, c("A2", "A3")]
)

# n used for the Feldt CI: listwise = complete rows; pairwise = the smallest pairwise n over
# item pairs (servqual's documented choice; psych itself uses nrow(x) before deletion).
min_pairwise_n <- function(x) {
  pc <- pairwiseCount(x)
  min(pc[lower.tri(pc)])
}

alpha_case <- function(x, missing) {
  if (missing == "listwise") x <- na.omit(x)
  a <- suppressWarnings(alpha(x, warnings = FALSE))
  capture.output(a) # alpha() may cat() a message about negative items; keep stdout quiet
  n_used <- if (missing == "listwise") nrow(x) else min_pairwise_n(x)
  k <- ncol(x)
  ci <- alpha.ci(a$total$raw_alpha, n_used, k, p.val = 0.05)
  out <- list(
    n = n_used, k = k,
    alpha = a$total$raw_alpha, alpha_std = a$total$std.alpha,
    average_r = a$total$average_r,
    ci_low = ci$lower.ci, ci_high = ci$upper.ci,
    item = colnames(x),
    item_rest_r = unname(a$item.stats$r.drop),
    mean = unname(a$item.stats$mean), sd = unname(a$item.stats$sd),
    item_n = unname(colSums(!is.na(x)))
  )
  if (k > 2) {
    out$alpha_if_deleted <- a$alpha.drop$raw_alpha
    out$alpha_std_if_deleted <- a$alpha.drop$std.alpha
  }
  out
}

# Omega total: one-factor ML CFA (lavaan, std.lv) on the covariance matrix; the same
# covariance matrix alpha uses (pairwise: cov(use = "pairwise"), listwise: complete rows).
omega_case <- function(x, missing) {
  items <- colnames(x)
  model <- paste("f =~", paste(items, collapse = " + "))
  if (missing == "listwise") {
    fit <- cfa(model, data = na.omit(x), std.lv = TRUE)
  } else {
    S <- cov(x, use = "pairwise")
    fit <- cfa(model, sample.cov = S, sample.nobs = min_pairwise_n(x), std.lv = TRUE)
  }
  pe <- parameterEstimates(fit)
  lam <- pe$est[pe$op == "=~"]
  theta <- pe$est[pe$op == "~~" & pe$lhs == pe$rhs & pe$lhs %in% items]
  std <- standardizedSolution(fit)
  list(
    omega_total = sum(lam)^2 / (sum(lam)^2 + sum(theta)),
    loading = lam, residual_var = theta,
    std_loading = std$est.std[std$op == "=~"]
  )
}

expected <- list(alpha = list(), omega = list())
for (name in names(sets)) {
  for (missing in c("pairwise", "listwise")) {
    key <- paste(name, missing, sep = "/")
    expected$alpha[[key]] <- alpha_case(sets[[name]], missing)
    if (ncol(sets[[name]]) >= 3 && name != "bfi_A") {
      expected$omega[[key]] <- omega_case(sets[[name]], missing)
    }
  }
}
expected$versions <- list(
  R = R.version.string,
  psych = as.character(packageVersion("psych")),
  lavaan = as.character(packageVersion("lavaan"))
)
write_json(expected, "reliability_expected.json", digits = NA, auto_unbox = TRUE, pretty = TRUE)
