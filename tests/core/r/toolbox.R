# Reference values for the research toolbox (tests/core/test_toolbox_*.py): zone of tolerance,
# knowledge gap, item distributions, dimension comparison, derived importance (Johnson 2000
# relative weights, written out here since relaimpo is not installed) and survey weights
# (package survey). The synthetic survey toolbox_synth.csv is drawn here with a fixed seed.
# Run from this folder: Rscript toolbox.R  (writes toolbox_synth.csv and toolbox.json)
source("json.R")
suppressPackageStartupMessages({ library(survey); library(effectsize); library(psych) })

set.seed(20261205)
n <- 160
dims <- list(Reliability = 1:2, Responsiveness = 3:4, Empathy = 5:6)
clip <- function(x) pmin(7, pmax(1, round(x)))
level <- rnorm(n, 0, 0.8)
A <- sapply(1:6, function(j) clip(3.6 + level + rnorm(n, 0, 1)))
D <- pmax(A, sapply(1:6, function(j) clip(5.8 + level + rnorm(n, 0, 0.8))))
D[sample(length(D), 25)] <- clip(A[sample(length(D), 25)] - 1)  # a few desired < adequate
P <- sapply(1:6, function(j) clip(4.6 + level + 0.25 * j + rnorm(n, 0, 1.2)))
E <- sapply(1:6, function(j) clip(5.9 + 0.5 * level + rnorm(n, 0, 0.9)))
for (M in c("A", "D", "P", "E")) {  # about 4 % missing in each matrix
  X <- get(M); X[sample(length(X), round(0.04 * length(X)))] <- NA; assign(M, X)
}
role <- ifelse(seq_len(n) <= 110, "customer", "staff")
G <- P - E
gd <- sapply(dims, function(it) {
  ok <- !is.na(G[, it, drop = FALSE])
  ifelse(rowSums(ok) >= ceiling(length(it) / 2), rowMeans(G[, it, drop = FALSE], na.rm = TRUE), NA)
})
overall <- clip(5 + 0.6 * gd[, 1] + 0.3 * gd[, 2] + 0.1 * gd[, 3] + rnorm(n, 0, 0.8))
overall[sample(n, 6)] <- NA
w <- round(runif(n, 0.4, 2.6), 3)
d <- data.frame(role = role, w = w, overall = overall)
for (j in 1:6) {
  d[[paste0("A", j)]] <- A[, j]; d[[paste0("D", j)]] <- D[, j]
  d[[paste0("P", j)]] <- P[, j]; d[[paste0("E", j)]] <- E[, j]
}
write.csv(d, "toolbox_synth.csv", row.names = FALSE, na = "")

# ---- zone of tolerance ----------------------------------------------------------------------
# Complete (A, D, P) triples per item; a respondent's dimension score is the mean over the items
# with a complete triple, if at least half of the items (rounded up) have one.
triple <- function(a, dd, p) {
  ok <- !is.na(a) & !is.na(dd) & !is.na(p)
  a <- a[ok]; dd <- dd[ok]; p <- p[ok]
  msa <- t.test(p - a); mss <- t.test(p - dd)
  below <- sum(p < a); above <- sum(p > dd); m <- length(p)
  cb <- prop.test(below, m, correct = FALSE)$conf.int
  ca <- prop.test(above, m, correct = FALSE)$conf.int
  list(n = m, adequate = mean(a), desired = mean(dd), perception = mean(p),
       msa = mean(p - a), msa_ci_low = msa$conf.int[1], msa_ci_high = msa$conf.int[2],
       msa_p = msa$p.value, mss = mean(p - dd), mss_ci_low = mss$conf.int[1],
       mss_ci_high = mss$conf.int[2], mss_p = mss$p.value, zone_width = mean(dd - a),
       share_below_adequate = below / m, below_ci_low = cb[1], below_ci_high = cb[2],
       share_above_desired = above / m, above_ci_low = ca[1], above_ci_high = ca[2],
       n_inverted = sum(dd < a))
}
dim_mean <- function(X, ok, it) {
  Y <- X[, it, drop = FALSE]; Y[!ok] <- NA
  keep <- rowSums(ok) >= ceiling(length(it) / 2)
  ifelse(keep, rowMeans(Y, na.rm = TRUE), NA)
}
tol_items <- lapply(1:6, function(j) c(list(item = as.character(j)), triple(A[, j], D[, j], P[, j])))
tol_dims <- lapply(names(dims), function(nm) {
  it <- dims[[nm]]
  ok <- !is.na(A[, it, drop = FALSE]) & !is.na(D[, it, drop = FALSE]) & !is.na(P[, it, drop = FALSE])
  c(list(dimension = nm), triple(dim_mean(A, ok, it), dim_mean(D, ok, it), dim_mean(P, ok, it)))
})

# ---- knowledge gap (staff - customers, expectation items) ------------------------------------
cust <- role == "customer"
hedges <- function(s, cc) hedges_g(s, cc)$Hedges_g
kg <- function(s, cc) {
  s <- s[!is.na(s)]; cc <- cc[!is.na(cc)]
  tt <- t.test(s, cc)
  list(n_customers = length(cc), n_staff = length(s), customers = mean(cc), staff = mean(s),
       diff = mean(s) - mean(cc), ci_low = tt$conf.int[1], ci_high = tt$conf.int[2],
       p_welch = tt$p.value, p_mann_whitney = suppressWarnings(wilcox.test(s, cc)$p.value),
       hedges_g = hedges(s, cc))
}
e_dim <- sapply(dims, function(it) dim_mean(E, !is.na(E[, it, drop = FALSE]), it))
kg_items <- lapply(1:6, function(j) c(list(item = as.character(j)), kg(E[!cust, j], E[cust, j])))
kg_dims <- lapply(names(dims), function(nm) c(list(dimension = nm), kg(e_dim[!cust, nm], e_dim[cust, nm])))
ph <- p.adjust(sapply(kg_dims, function(r) r$p_welch), "holm")
for (i in seq_along(kg_dims)) kg_dims[[i]]$p_holm <- ph[i]
ph <- p.adjust(sapply(kg_items, function(r) r$p_welch), "holm")
for (i in seq_along(kg_items)) kg_items[[i]]$p_holm <- ph[i]

# ---- item distributions (P items, scale 1..7) -------------------------------------------------
item_dist <- lapply(1:6, function(j) {
  x <- P[!is.na(P[, j]), j]
  q <- quantile(x, c(0.25, 0.5, 0.75), type = 7)
  top <- sum(x >= 6); bottom <- sum(x <= 2)
  ct <- prop.test(top, length(x), correct = FALSE)$conf.int
  cb <- prop.test(bottom, length(x), correct = FALSE)$conf.int
  list(item = as.character(j), n = length(x),
       counts = I(as.numeric(table(factor(x, levels = 1:7)))), mean = mean(x), sd = sd(x),
       median = unname(q[2]), q1 = unname(q[1]), q3 = unname(q[3]), top2 = top / length(x),
       top2_ci_low = ct[1], top2_ci_high = ct[2], bottom2 = bottom / length(x),
       bottom2_ci_low = cb[1], bottom2_ci_high = cb[2], skewness = psych::skew(x, type = 2))
})

# ---- which gap is largest: Friedman, Kendall's W, paired post-hoc -------------------------
cc <- complete.cases(gd)
Gc <- round(gd[cc, ], 10)
fr <- friedman.test(Gc)
friedman <- list(statistic = unname(fr$statistic), df = unname(fr$parameter), p = fr$p.value,
                 kendall_w = unname(fr$statistic) / (nrow(Gc) * (ncol(Gc) - 1)), n = nrow(Gc))
prs <- combn(ncol(Gc), 2)
pairs <- lapply(seq_len(ncol(prs)), function(k) {
  a <- prs[1, k]; b <- prs[2, k]
  dd <- gd[cc, a] - gd[cc, b]
  tt <- t.test(dd)
  list(a = names(dims)[a], b = names(dims)[b], diff = mean(dd), ci_low = tt$conf.int[1],
       ci_high = tt$conf.int[2], p_t = tt$p.value,
       p_wilcoxon = suppressWarnings(wilcox.test(round(dd, 10))$p.value))
})
ph <- p.adjust(sapply(pairs, function(r) r$p_t), "holm")
for (i in seq_along(pairs)) pairs[[i]]$p_holm <- ph[i]

# ---- derived importance: OLS and Johnson's (2000) relative weights -------------------------
relative_weights <- function(X, y) {
  R <- cor(X); rxy <- cor(X, y)
  ev <- eigen(R, symmetric = TRUE)
  Lambda <- ev$vectors %*% diag(sqrt(ev$values)) %*% t(ev$vectors)  # R^(1/2): corr(X, Z)
  beta <- solve(Lambda, rxy)                                          # y on the orthogonal Z
  as.numeric(Lambda^2 %*% beta^2)                                     # sums to R^2
}
importance <- function(X, y) {
  ok <- complete.cases(X) & !is.na(y)
  X <- X[ok, , drop = FALSE]; y <- y[ok]
  df <- data.frame(y = y, X)
  fit <- lm(y ~ ., data = df)
  s <- summary(fit); ci <- confint(fit)
  co <- s$coefficients
  rw <- relative_weights(X, y)
  coefs <- lapply(seq_len(ncol(X)), function(j) {
    list(dimension = colnames(X)[j], b = co[j + 1, 1], se = co[j + 1, 2], ci_low = ci[j + 1, 1],
         ci_high = ci[j + 1, 2], p = co[j + 1, 4], beta = co[j + 1, 1] * sd(X[, j]) / sd(y),
         relative_weight = rw[j])
  })
  list(n = sum(ok), r2 = s$r.squared, adj_r2 = s$adj.r.squared,
       intercept = co[1, 1], coefficients = coefs)
}
# Perceptions as SERVPERF (Cronin & Taylor 1992): items with P answered, whatever E.
pd <- sapply(dims, function(it) dim_mean(P, !is.na(P[, it, drop = FALSE]), it))

# ---- survey weights: Taylor-linearised SE as survey::svymean, Kish's effective n -------------
svy <- function(x, w) {
  dd <- data.frame(x = x, w = w)
  dd <- dd[!is.na(dd$x), ]
  des <- svydesign(ids = ~1, weights = ~w, data = dd)
  m <- svymean(~x, des)
  ci <- confint(m)
  list(n = nrow(dd), mean = unname(coef(m)), se = unname(SE(m)), ci_low = ci[1], ci_high = ci[2],
       n_eff = sum(dd$w)^2 / sum(dd$w^2))
}
weighted <- list(
  p1 = svy(P[, 1], w),
  gap_reliability = svy(gd[, 1], w),
  below_adequate_1 = svy(as.numeric(P[, 1] < A[, 1]), w),
  top2_p3 = svy(as.numeric(P[, 3] >= 6), w)
)

write_json(list(
  tolerance = list(items = tol_items, dimensions = tol_dims),
  knowledge_gap = list(items = kg_items, dimensions = kg_dims),
  items = item_dist,
  dimension_comparison = list(friedman = friedman, pairs = pairs),
  importance_gap = importance(gd, overall),
  importance_perception = importance(pd, overall),
  weighted = weighted
), "toolbox.json")
