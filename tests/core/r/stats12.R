# Reference values for issue #12: across-group tests on every usable group, Games-Howell at a
# non-default confidence level, and the effect sizes (src/servqual_cli/core/effect_sizes.py).
#
#   Rscript tests/core/r/stats12.R      # writes tests/core/r/stats12.json
#
# Packages: effectsize (0.8.3 wrote the committed JSON), base R otherwise. effectsize inverts
# the noncentral t and F with optim(abstol = 1e-9), so its CI bounds are accurate to ~1e-6; the
# same bounds are also solved here with uniroot(tol = 1e-13) ("exact_*") for tight tests.
suppressPackageStartupMessages(library(effectsize))

get_dir <- function() {
  arg <- grep("^--file=", commandArgs(trailingOnly = FALSE), value = TRUE)
  if (length(arg) == 0L) "." else dirname(normalizePath(sub("^--file=", "", arg)))
}
here <- get_dir()
source(file.path(here, "json.R"))
set.seed(20261205)
out <- list(r_version = R.version.string, effectsize_version = as.character(packageVersion("effectsize")))

# ---- groups: 12 / 8 / 5 / 1 / 3 tied -----------------------------------------------------------
groups <- list(
  A = round(rnorm(12, -0.8, 0.9), 2),
  B = round(rnorm(8, -0.2, 1.2), 2),
  C = round(rnorm(5, 0.4, 0.7), 2),
  D = c(-1.5),          # one score: in Kruskal-Wallis, not in Welch / Games-Howell
  E = c(0.25, 0.25, 0.25)  # no variance: in Kruskal-Wallis, not in Welch
)
y <- unlist(groups, use.names = FALSE)
g <- factor(rep(names(groups), lengths(groups)))
kw <- kruskal.test(y, g)
welch_names <- c("A", "B", "C")
keep <- g %in% welch_names
yw <- y[keep]
gw <- droplevels(g[keep])
ow <- oneway.test(yw ~ gw, var.equal = FALSE)
f <- unname(ow$statistic); df1 <- unname(ow$parameter[1]); df2 <- unname(ow$parameter[2])
om <- F_to_omega2(f, df1, df2, ci = 0.90, alternative = "two.sided")

# the same omega2 CI with a tight root finder: lambda with pf(f_w, df1, df2, lambda) = p
w2 <- max(0, (f - 1) * df1 / (f * df1 + df2 + 1))
f_w <- (w2 / df1) / ((1 - w2) / df2)
ncp_at <- function(p) {
  if (pf(f_w, df1, df2) <= p) return(0)
  uniroot(function(l) pf(f_w, df1, df2, ncp = l) - p, c(0, 1000), tol = 1e-13)$root
}
lam <- c(ncp_at(0.95), ncp_at(0.05))

# Games-Howell at conf = 0.90, from its formula (Games & Howell 1976) with ptukey/qtukey
gh <- list()
pairs <- combn(welch_names, 2)
for (j in seq_len(ncol(pairs))) {
  a <- groups[[pairs[1, j]]]; b <- groups[[pairs[2, j]]]
  va <- var(a) / length(a); vb <- var(b) / length(b)
  se <- sqrt(va + vb)
  df <- (va + vb)^2 / (va^2 / (length(a) - 1) + vb^2 / (length(b) - 1))
  t <- (mean(a) - mean(b)) / se
  half <- qtukey(0.90, length(welch_names), df) / sqrt(2) * se
  gh[[j]] <- list(group_a = pairs[1, j], group_b = pairs[2, j], diff = mean(a) - mean(b),
                  df = df, p_adj = ptukey(sqrt(2) * abs(t), length(welch_names), df,
                                          lower.tail = FALSE),
                  ci_low = mean(a) - mean(b) - half, ci_high = mean(a) - mean(b) + half)
}
out$groups <- list(
  values = lapply(groups, I),
  kruskal = list(h = unname(kw$statistic), df = unname(kw$parameter), p = kw$p.value,
                 epsilon2 = rank_epsilon_squared(y, g, ci = NULL)[[1]]),
  welch = list(groups = welch_names, f = f, df1 = df1, df2 = df2, p = ow$p.value,
               omega2 = om$Omega2_partial, omega2_ci_low = om$CI_low,
               omega2_ci_high = om$CI_high,
               exact_ci_low = lam[1] / (lam[1] + df2), exact_ci_high = lam[2] / (lam[2] + df2)),
  games_howell_90 = gh
)

# ---- paired effect sizes -------------------------------------------------------------------------
exact_ncp_t <- function(t, df, conf) {
  a <- (1 - conf) / 2
  lo <- uniroot(function(x) pt(t, df, ncp = x) - (1 - a), c(-50, 50), tol = 1e-13)$root
  hi <- uniroot(function(x) pt(t, df, ncp = x) - a, c(-50, 50), tol = 1e-13)$root
  c(lo, hi)
}
d <- sample(-3:3, 23, replace = TRUE, prob = c(1, 2, 4, 5, 3, 2, 1))  # Likert gaps: ties, zeros
dz <- cohens_d(d, ci = 0.90)
n <- length(d)
dz_exact <- exact_ncp_t(mean(d) / sd(d) * sqrt(n), n - 1, 0.90) / sqrt(n)
rb <- suppressWarnings(rank_biserial(d, ci = 0.90))
out$paired <- list(
  d = I(d), conf = 0.90,
  dz = dz$Cohens_d, dz_ci_low = dz$CI_low, dz_ci_high = dz$CI_high,
  dz_exact_ci_low = dz_exact[1], dz_exact_ci_high = dz_exact[2],
  rank_biserial = rb$r_rank_biserial, rb_ci_low = rb$CI_low, rb_ci_high = rb$CI_high
)

x1 <- round(rnorm(9, 5, 1), 2)
x2 <- round(rnorm(14, 4.2, 1.4), 2)
hg <- hedges_g(x1, x2, ci = 0.95)
df <- length(x1) + length(x2) - 2
sp <- sqrt(((length(x1) - 1) * var(x1) + (length(x2) - 1) * var(x2)) / df)
dd <- (mean(x1) - mean(x2)) / sp
sc <- sqrt(1 / length(x1) + 1 / length(x2))
j <- exp(lgamma(df / 2) - lgamma((df - 1) / 2)) / sqrt(df / 2)
hg_exact <- exact_ncp_t(dd / sc, df, 0.95) * sc * j
out$hedges <- list(
  x = I(x1), y = I(x2), g = hg$Hedges_g, ci_low = hg$CI_low, ci_high = hg$CI_high,
  exact_ci_low = hg_exact[1], exact_ci_high = hg_exact[2]
)

writeLines(to_json(out), file.path(here, "stats12.json"))
