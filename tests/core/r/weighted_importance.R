# Reference values for survey-weighted derived importance (tests/core/test_weighted_importance.py,
# core/weighted_importance.py; session 17: gap --overall --weight-column was unweighted):
#   - data: toolbox_synth.csv (toolbox.R's synthetic survey, weights w, overall item) with three
#     weights changed so the edge cases are exercised: row 3 weight 0 (in the design's N, not in
#     n or df), rows 10 and 11 no weight (left out); written to ../../data/importance_weighted.csv
#     for the CLI tests;
#   - dimension scores as gap's (mean of the valid items when at least half are valid), on
#     gaps (P - E) and on perceptions;
#   - the design svydesign(ids = ~1, weights = ~w) of the complete rows (overall, every
#     dimension, a weight: rows without one dropped first, as weighted_pairs.R);
#   - m <- svyglm(overall ~ ., design): coef, SE, confint (t on m$df.residual), p;
#     regTermTest(m, ~ all dimensions) (Wald F, df = m$df.residual); R² = 1 - deviance /
#     null.deviance; cov.wt(cbind(X, y), wt = w, cor = TRUE) for r, VIF (diagonal of the
#     inverse) and beta = b * sd_w(x) / sd_w(y); Johnson's (2000) relative weights written out
#     from that correlation matrix (relaimpo is not installed; as toolbox.R);
#   - the unweighted lm of the rows with a positive weight, for the result's 'unweighted'.
# Run from this folder: Rscript weighted_importance.R  (writes weighted_importance.json)
# survey 4.1.1, R 4.2.2.
source("json.R")
suppressPackageStartupMessages(library(survey))

d <- read.csv("toolbox_synth.csv")
d$w[3] <- 0
d$w[c(10, 11)] <- NA
write.csv(d, "../../data/importance_weighted.csv", row.names = FALSE, na = "")
dims <- list(Reliability = 1:2, Responsiveness = 3:4, Empathy = 5:6)

scores <- function(M) {
  sapply(dims, function(it) {
    g <- M[, it, drop = FALSE]
    ok <- !is.na(g)
    ifelse(rowSums(ok) >= ceiling(length(it) / 2), rowMeans(g, na.rm = TRUE), NA)
  })
}
P <- as.matrix(d[, paste0("P", 1:6)])
E <- as.matrix(d[, paste0("E", 1:6)])

johnson <- function(R) {
  k <- nrow(R) - 1
  rxx <- R[1:k, 1:k]; rxy <- R[1:k, k + 1]
  e <- eigen(rxx, symmetric = TRUE)
  lam <- e$vectors %*% diag(sqrt(e$values)) %*% t(e$vectors)
  as.numeric(lam^2 %*% solve(lam, rxy)^2)
}

reference <- function(X) {
  ok <- complete.cases(X) & !is.na(d$overall) & !is.na(d$w)
  dd <- data.frame(X[ok, ], overall = d$overall[ok], w = d$w[ok])
  des <- svydesign(ids = ~1, weights = ~w, data = dd)
  f <- as.formula(paste("overall ~", paste(colnames(X), collapse = " + ")))
  m <- svyglm(f, des)
  s <- summary(m)$coefficients
  ci <- confint(m, df = m$df.residual)
  wald <- regTermTest(m, as.formula(paste("~", paste(colnames(X), collapse = " + "))))
  cw <- cov.wt(as.matrix(dd[, c(colnames(X), "overall")]), wt = dd$w, cor = TRUE)
  sd <- sqrt(diag(cw$cov))
  k <- ncol(X)
  rw <- johnson(cw$cor)
  pos <- dd$w > 0
  u <- lm(f, data = dd[pos, ])
  list(n = sum(pos), n_design = nrow(dd), n_zero_weight = sum(!pos),
       b = I(unname(coef(m)[-1])), intercept = unname(coef(m)[1]),
       se = I(unname(s[-1, 2])), p = I(unname(s[-1, 4])),
       ci_low = I(unname(ci[-1, 1])), ci_high = I(unname(ci[-1, 2])),
       df = m$df.residual, f = as.numeric(wald$Ftest), f_df1 = wald$df, f_p = as.numeric(wald$p),
       r2 = 1 - m$deviance / m$null.deviance,
       beta = I(unname(coef(m)[-1] * sd[1:k] / sd[k + 1])),
       r_overall = I(unname(cw$cor[1:k, k + 1])),
       vif = I(unname(diag(solve(cw$cor[1:k, 1:k])))),
       relative_weight = I(rw),
       unweighted_b = I(unname(coef(u)[-1])), unweighted_n = nrow(u$model))
}

write_json(list(gap = reference(scores(P - E)), perception = reference(scores(P))),
           "weighted_importance.json")
