# Reference values for src/servqual_cli/core/inference.py, computed with base R only.
#
#   Rscript tests/core/r/inference.R      # writes tests/core/r/inference.json
#
# The input data are generated here (fixed seed, rounded to 2 decimals or Likert integers) and
# written into the JSON next to the results, so the Python tests compute on the identical input.
# Games-Howell and Dunn are not in base R; they are computed from their textbook formulas
# (Games & Howell 1976; Dunn 1964 with the tie correction used by FSA::dunnTest).
# The R version used is stored in the JSON (r_version); the committed JSON came from R 4.2.2.

get_dir <- function() {
  arg <- grep("^--file=", commandArgs(trailingOnly = FALSE), value = TRUE)
  if (length(arg) == 0L) "." else dirname(normalizePath(sub("^--file=", "", arg)))
}
here <- get_dir()
source(file.path(here, "json.R"))

set.seed(20240611)
out <- list(r_version = R.version.string)

# ---- one-sample t (paired gaps P - E) ------------------------------------------------------------
X <- cbind(
  round(rnorm(25, 0.3, 1), 2),
  round(rnorm(25, -0.5, 2), 2),
  sample(-3:3, 25, replace = TRUE, prob = c(1, 2, 4, 6, 4, 2, 1))
)
X[c(2, 9, 17), 2] <- NA
X[5, 3] <- NA
tt <- function(x, conf) {
  r <- t.test(x, conf.level = conf)
  x <- x[!is.na(x)]
  list(
    n = length(x), mean = mean(x), sd = sd(x), se = unname(r$stderr), t = unname(r$statistic),
    df = unname(r$parameter), p = r$p.value, ci_low = r$conf.int[1], ci_high = r$conf.int[2],
    dz = mean(x) / sd(x)
  )
}
# Paired form: the same p as t.test(P, E, paired = TRUE) for x = P - E.
P <- round(runif(25, 3, 7), 2)
E <- round(P - X[, 1], 2)
out$one_sample_t <- list(
  x = lapply(seq_len(ncol(X)), function(j) X[, j]),
  conf95 = lapply(seq_len(ncol(X)), function(j) tt(X[, j], 0.95)),
  conf90 = lapply(seq_len(ncol(X)), function(j) tt(X[, j], 0.90)),
  paired = list(P = P, E = E, p = t.test(P, E, paired = TRUE)$p.value,
                t = unname(t.test(P, E, paired = TRUE)$statistic))
)

# ---- Wilcoxon signed rank ---------------------------------------------------------------------------
sr <- function(d, correct = TRUE, exact = NULL) {
  r <- suppressWarnings(wilcox.test(d, correct = correct, exact = exact))
  list(d = d, correct = correct, exact = if (is.null(exact)) "null" else exact,
       statistic = unname(r$statistic), p = r$p.value, method = r$method)
}
d_small <- round(rnorm(15, 0.4, 1), 2)                      # exact: n < 50, no ties, no zeros
while (anyDuplicated(abs(d_small)) || any(d_small == 0)) d_small <- round(rnorm(15, 0.4, 1), 2)
d_large <- round(rnorm(60, 0.2, 1), 3)                      # normal: n >= 50
while (anyDuplicated(abs(d_large)) || any(d_large == 0)) d_large <- round(rnorm(60, 0.2, 1), 3)
d_likert_small <- sample(-3:3, 20, replace = TRUE, prob = c(1, 2, 3, 4, 5, 3, 2))  # ties, zeros
d_likert_large <- sample(-4:4, 120, replace = TRUE, prob = c(1, 1, 2, 4, 5, 5, 3, 2, 1))
d_zero_no_ties <- c(0, 1.5, -2.25, 3.1, 4.2, -0.7, 2.9, 5.5)  # zero present, otherwise exact
out$wilcoxon <- list(
  sr(d_small), sr(d_small, exact = FALSE), sr(d_small, correct = FALSE, exact = FALSE),
  sr(d_large), sr(d_large, exact = TRUE), sr(d_large, correct = FALSE),
  sr(d_likert_small), sr(d_likert_small, correct = FALSE), sr(d_likert_small, exact = TRUE),
  sr(d_likert_large), sr(d_zero_no_ties),
  sr(-d_small[1:9]), sr(c(1.25, 2.5, -0.5, 3.75))
)

# ---- Mann-Whitney (Wilcoxon rank sum) ---------------------------------------------------------------
mw <- function(x, y, correct = TRUE, exact = NULL) {
  r <- suppressWarnings(wilcox.test(x, y, correct = correct, exact = exact))
  list(x = x, y = y, correct = correct, exact = if (is.null(exact)) "null" else exact,
       statistic = unname(r$statistic), p = r$p.value, method = r$method)
}
uniq <- function(n, mean, sd) {
  v <- round(rnorm(n, mean, sd), 3)
  while (anyDuplicated(v)) v <- round(rnorm(n, mean, sd), 3)
  v
}
cx <- uniq(12, 0.5, 1)
cy <- uniq(9, 0, 1)
while (any(cx %in% cy)) cy <- uniq(9, 0, 1)
lx <- sample(1:5, 15, replace = TRUE, prob = c(1, 2, 3, 4, 3))
ly <- sample(1:5, 18, replace = TRUE, prob = c(2, 3, 4, 3, 1))
Lx <- sample(1:7, 60, replace = TRUE, prob = c(1, 1, 2, 3, 4, 3, 2))
Ly <- sample(1:7, 70, replace = TRUE, prob = c(1, 2, 3, 4, 3, 2, 1))
bx <- uniq(55, 0.3, 1)
by <- uniq(40, 0, 1.5)
while (any(bx %in% by)) by <- uniq(40, 0, 1.5)
out$mann_whitney <- list(
  mw(cx, cy), mw(cy, cx), mw(cx, cy, exact = FALSE), mw(cx, cy, correct = FALSE, exact = FALSE),
  mw(lx, ly), mw(lx, ly, correct = FALSE), mw(lx, ly, exact = TRUE),
  mw(Lx, Ly), mw(bx, by), mw(bx, by, exact = TRUE), mw(by[1:30], bx[1:45])
)

# ---- Welch two-sample t -----------------------------------------------------------------------------
wx <- round(rnorm(18, 5.2, 0.8), 2)
wy <- round(rnorm(31, 4.6, 1.7), 2)
welch <- function(x, y, conf) {
  r <- t.test(x, y, conf.level = conf)
  nx <- length(x); ny <- length(y)
  sp <- sqrt(((nx - 1) * var(x) + (ny - 1) * var(y)) / (nx + ny - 2))
  d <- (mean(x) - mean(y)) / sp
  list(conf = conf, diff = mean(x) - mean(y), t = unname(r$statistic), df = unname(r$parameter),
       p = r$p.value, ci_low = r$conf.int[1], ci_high = r$conf.int[2], cohen_d = d,
       # Hedges (1981) exact small-sample correction J = Γ(df/2) / (√(df/2) Γ((df-1)/2)),
       # as effectsize::hedges_g.
       hedges_g = d * exp(lgamma((nx + ny - 2) / 2) - lgamma((nx + ny - 3) / 2)) /
         sqrt((nx + ny - 2) / 2), n_x = nx, n_y = ny)
}
out$welch_t <- list(x = wx, y = wy, results = list(welch(wx, wy, 0.95), welch(wx, wy, 0.99),
                                                   welch(wy, wx, 0.95)))

# ---- p-value adjustment -----------------------------------------------------------------------------
# p.adjust's default n = length(p) is a promise forced after the NAs are removed, so NAs are not
# counted in the number of tests.
pv <- c(0.01, NA, 0.04, 0.03, 0.005, NA, 0.5, 0.04, 0.0001, 1)
out$p_adjust <- list(
  p = pv,
  holm = p.adjust(pv, "holm"), bonferroni = p.adjust(pv, "bonferroni"), BH = p.adjust(pv, "BH"),
  holm_no_na = p.adjust(pv[!is.na(pv)], "holm")
)

# ---- Welch ANOVA, Kruskal-Wallis, Games-Howell, Dunn ------------------------------------------------
ga <- list(
  round(rnorm(8, 5.0, 1.0), 2), round(rnorm(15, 5.8, 2.0), 2),
  round(rnorm(22, 5.2, 0.5), 2), round(rnorm(11, 6.5, 3.0), 2)
)
gnames <- c("Skola", "Omsorg", "Bibliotek", "Bygglov")
y <- unlist(ga)
g <- factor(rep(gnames, lengths(ga)), levels = gnames)
ow <- oneway.test(y ~ g, var.equal = FALSE)

games_howell_r <- function(groups, conf) {
  k <- length(groups); n <- lengths(groups)
  m <- sapply(groups, mean); v <- sapply(groups, var) / n
  pr <- combn(k, 2); a <- pr[1, ]; b <- pr[2, ]
  se <- sqrt(v[a] + v[b])
  df <- (v[a] + v[b])^2 / (v[a]^2 / (n[a] - 1) + v[b]^2 / (n[b] - 1))
  t <- (m[a] - m[b]) / se
  q <- mapply(function(d) qtukey(conf, k, d), df) / sqrt(2)
  # qtukey stops its secant search at |dq| < 1e-4; the same quantile solved tightly from ptukey:
  q_tight <- mapply(function(d) uniroot(function(z) ptukey(z, k, d) - conf, c(1, 20),
                                        tol = 1e-12)$root, df) / sqrt(2)
  list(a = a - 1, b = b - 1, mean_a = m[a], mean_b = m[b], diff = m[a] - m[b], se = se, t = t,
       df = df, p_adj = ptukey(abs(t) * sqrt(2), k, df, lower.tail = FALSE),
       ci_low = m[a] - m[b] - q * se, ci_high = m[a] - m[b] + q * se,
       ci_low_tight = m[a] - m[b] - q_tight * se, ci_high_tight = m[a] - m[b] + q_tight * se)
}

kg <- list(
  sample(1:5, 12, replace = TRUE, prob = c(1, 2, 3, 3, 1)),
  sample(1:5, 20, replace = TRUE, prob = c(1, 1, 2, 4, 4)),
  sample(1:5, 15, replace = TRUE, prob = c(3, 3, 2, 1, 1)),
  c(2.5, 3.5, 4.5, 4, 4, 5)
)
knames <- c("A", "B", "C", "D")
ky <- unlist(kg)
kgf <- factor(rep(knames, lengths(kg)), levels = knames)
kw <- kruskal.test(ky ~ kgf)

dunn_r <- function(groups) {
  x <- unlist(groups); N <- length(x); n <- lengths(groups)
  r <- rank(x)
  rbar <- tapply(r, rep(seq_along(groups), n), mean)
  ties <- table(x)
  tie_term <- sum(ties^3 - ties) / (12 * (N - 1))
  pr <- combn(length(groups), 2); a <- pr[1, ]; b <- pr[2, ]
  z <- (rbar[a] - rbar[b]) / sqrt((N * (N + 1) / 12 - tie_term) * (1 / n[a] + 1 / n[b]))
  p <- 2 * pnorm(abs(z), lower.tail = FALSE)
  list(a = a - 1, b = b - 1, z = unname(z), p = unname(p), holm = p.adjust(p, "holm"),
       bonferroni = p.adjust(p, "bonferroni"), BH = p.adjust(p, "BH"), none = p)
}
ow_k <- oneway.test(ky ~ kgf, var.equal = FALSE)
kw_a <- kruskal.test(y ~ g)
out$groups <- list(
  continuous = list(names = gnames, groups = ga,
    welch_anova = list(statistic = unname(ow$statistic), df1 = unname(ow$parameter[1]),
                       df2 = unname(ow$parameter[2]), p = ow$p.value, method = ow$method),
    kruskal = list(statistic = unname(kw_a$statistic), df1 = unname(kw_a$parameter),
                   p = kw_a$p.value, method = kw_a$method),
    games_howell = games_howell_r(ga, 0.95), games_howell_90 = games_howell_r(ga, 0.90),
    dunn = dunn_r(ga)),
  likert = list(names = knames, groups = kg,
    welch_anova = list(statistic = unname(ow_k$statistic), df1 = unname(ow_k$parameter[1]),
                       df2 = unname(ow_k$parameter[2]), p = ow_k$p.value, method = ow_k$method),
    kruskal = list(statistic = unname(kw$statistic), df1 = unname(kw$parameter), p = kw$p.value,
                   method = kw$method),
    games_howell = games_howell_r(kg, 0.95), games_howell_90 = games_howell_r(kg, 0.90),
    dunn = dunn_r(kg))
)

# ---- quantile type 7 --------------------------------------------------------------------------------
qx <- c(round(rexp(30, 0.5), 2), NA, NA)
probs <- c(0, 0.05, 0.1, 0.25, 1 / 3, 0.5, 0.75, 0.9, 0.99, 1)
out$quantile7 <- list(
  x = qx, probs = probs, q = unname(quantile(qx, probs, type = 7, na.rm = TRUE)),
  single = list(x = I(3.5), q = unname(quantile(3.5, probs, type = 7))),
  ties = list(x = c(1, 2, 2, 2, 5), q = unname(quantile(c(1, 2, 2, 2, 5), probs, type = 7))),
  # Interpolating between equal values: R returns the value itself, while (1 - h) a + h a is
  # 0.45000000000000007 at q = 1/3.
  equal_neighbours = list(x = c(0, 0.45, 0.45, 0.45, 9),
                          q = unname(quantile(c(0, 0.45, 0.45, 0.45, 9), probs, type = 7)))
)

write_json(out, file.path(here, "inference.json"))
cat("wrote", file.path(here, "inference.json"), "\n")
