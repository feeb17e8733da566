# Reference values for src/servqual_cli/core/proportions.py, computed with base R only.
#
#   Rscript tests/core/r/proportions.R    # writes tests/core/r/proportions.json
#
# Where R solves numerically with a loose default tolerance (uniroot's tol = eps^0.25 ~ 1.2e-4 in
# fisher.test and the power functions), the same R function is also run with the tolerance
# tightened, so the Python tests can hold the result to a tight tolerance.
# The committed JSON came from R 4.2.2 (stored as r_version).

get_dir <- function() {
  arg <- grep("^--file=", commandArgs(trailingOnly = FALSE), value = TRUE)
  if (length(arg) == 0L) "." else dirname(normalizePath(sub("^--file=", "", arg)))
}
here <- get_dir()
source(file.path(here, "json.R"))
out <- list(r_version = R.version.string)

# ---- Wilson score interval = prop.test(correct = FALSE)$conf.int --------------------------------
wk <- c(0, 54, 13, 1, 27, 53, 5, 1, 0)
wn <- c(54, 54, 54, 10, 54, 54, 7, 1, 1)
wilson <- function(conf) {
  ci <- mapply(function(k, n) suppressWarnings(prop.test(k, n, correct = FALSE,
                                                         conf.level = conf)$conf.int), wk, wn)
  list(conf = conf, low = ci[1, ], high = ci[2, ])
}
out$wilson <- list(k = wk, n = wn, results = list(wilson(0.95), wilson(0.90), wilson(0.99)))

# ---- Newcombe (1998) method 10: hybrid score interval for p2 - p1, no continuity correction ------
# Hand calculation from the Wilson limits (Newcombe 1998, eq. for method 10).
wilson_limits <- function(k, n, conf) {
  suppressWarnings(prop.test(k, n, correct = FALSE, conf.level = conf)$conf.int)
}
newcombe <- function(k1, n1, k2, n2, conf) {
  p1 <- k1 / n1; p2 <- k2 / n2
  w1 <- wilson_limits(k1, n1, conf); w2 <- wilson_limits(k2, n2, conf)
  d <- p2 - p1
  list(k1 = k1, n1 = n1, k2 = k2, n2 = n2, conf = conf,
       low = d - sqrt((p2 - w2[1])^2 + (w1[2] - p1)^2),
       high = d + sqrt((w2[2] - p2)^2 + (p1 - w1[1])^2))
}
out$newcombe <- list(
  newcombe(13, 54, 20, 54, 0.95), newcombe(0, 30, 5, 40, 0.95), newcombe(30, 30, 25, 40, 0.95),
  newcombe(5, 50, 5, 50, 0.95), newcombe(0, 20, 0, 25, 0.95), newcombe(54, 54, 40, 54, 0.95),
  newcombe(13, 54, 20, 54, 0.90), newcombe(120, 400, 98, 410, 0.99)
)

# ---- Fisher's exact test ------------------------------------------------------------------------
# fisher.test's conditional MLE and confidence limits come from uniroot() with its default
# tol (~1.2e-4). fisher_tight is the same R function with uniroot's tol set to 1e-13.
fisher_tight <- stats::fisher.test
tight_env <- new.env(parent = asNamespace("stats"))
tight_env$uniroot <- function(...) stats::uniroot(..., tol = 1e-13)
environment(fisher_tight) <- tight_env
fisher <- function(k1, n1, k2, n2) {
  tab <- matrix(c(k1, k2, n1 - k1, n2 - k2), 2)  # rows: groups; columns: yes, no
  r <- fisher.test(tab)
  rt <- fisher_tight(tab)
  list(k1 = k1, n1 = n1, k2 = k2, n2 = n2, p = r$p.value, odds_ratio = unname(r$estimate),
       ci_low = r$conf.int[1], ci_high = r$conf.int[2],
       p_tight = rt$p.value, odds_ratio_tight = unname(rt$estimate),
       ci_low_tight = rt$conf.int[1], ci_high_tight = rt$conf.int[2])
}
out$fisher <- list(
  fisher(3, 10, 8, 12), fisher(0, 15, 7, 14), fisher(12, 12, 5, 11), fisher(1, 54, 9, 54),
  fisher(20, 54, 31, 54), fisher(31, 54, 20, 54), fisher(2, 3, 1, 4), fisher(150, 400, 170, 380),
  fisher(6, 9, 6, 9)
)
# Tables with a zero margin: R gives p = 1 and conf.int (0, Inf) but reports the odds ratio as 0;
# the Python function reports NaN there (documented deviation).
out$fisher_degenerate <- list(fisher(0, 5, 0, 7), fisher(5, 5, 3, 3), fisher(0, 0, 4, 9))

# ---- Minimum detectable difference: power.prop.test solved for p2 -------------------------------
# power.prop.test(n, p1 = p, power) searches p2 in [p, 1] (the "up" direction) and
# power.prop.test(n, p2 = p, power) searches p1 in [0, p] ("down"); both use extendInt = "yes",
# so a root outside the interval means that direction cannot reach the power.
mdd <- function(p, n, sig.level = 0.05, power = 0.8) {
  up <- suppressWarnings(power.prop.test(n = n, p1 = p, power = power, sig.level = sig.level,
                                         tol = 1e-12)$p2)
  dn <- suppressWarnings(power.prop.test(n = n, p2 = p, power = power, sig.level = sig.level,
                                         tol = 1e-12)$p1)
  up_default <- suppressWarnings(power.prop.test(n = n, p1 = p, power = power,
                                                 sig.level = sig.level)$p2)
  list(p = p, n = n, alpha = sig.level, power = power,
       up = if (up <= 1) up - p else NA, down = if (dn >= 0 && dn <= p) p - dn else NA,
       up_default_tol = if (up_default <= 1) up_default - p else NA)
}
out$mdd <- c(
  lapply(c(0.5, 0.8, 0.9, 0.95, 0.2, 0.05, 0.62), function(p) mdd(p, 54)),
  list(mdd(0.7, 2 * 40 * 80 / (40 + 80)), mdd(0.85, 120, 0.1, 0.9), mdd(0.3, 300, 0.01, 0.8))
)

# ---- Comparison of two Poisson rates ------------------------------------------------------------
pois <- function(k1, t1, k2, t2, conf = 0.95) {
  r <- poisson.test(c(k1, k2), c(t1, t2), conf.level = conf)
  list(k1 = k1, t1 = t1, k2 = k2, t2 = t2, conf = conf, rate_ratio = unname(r$estimate),
       p = r$p.value, ci_low = r$conf.int[1], ci_high = r$conf.int[2])
}
out$poisson <- list(
  pois(12, 1000, 5, 1100), pois(0, 500, 4, 800), pois(30, 2.5, 18, 3), pois(7, 100, 7, 100),
  pois(0, 10, 0, 20), pois(9, 12, 0, 12), pois(140, 52, 101, 52, 0.90), pois(3, 1, 17, 2, 0.99)
)

# ---- Minimum detectable mean difference: power.t.test solved for delta --------------------------
# Equal n: power.t.test itself. Unequal n: the same (one-tail, strict = FALSE) power expression
# with df = n1 + n2 - 2 and ncp = delta / (sd * sqrt(1/n1 + 1/n2)), solved with uniroot; for
# n1 = n2 this is exactly power.t.test's expression.
delta_t <- function(sd, n1, n2, sig.level = 0.05, power = 0.8) {
  if (n1 == n2) {
    d <- power.t.test(n = n1, sd = sd, sig.level = sig.level, power = power, tol = 1e-12)$delta
  } else {
    df <- n1 + n2 - 2
    f <- function(delta) {
      pt(qt(sig.level / 2, df, lower.tail = FALSE), df,
         ncp = delta / (sd * sqrt(1 / n1 + 1 / n2)), lower.tail = FALSE) - power
    }
    d <- uniroot(f, sd * c(1e-7, 1e7), tol = 1e-12, extendInt = "upX")$root
  }
  list(sd = sd, n1 = n1, n2 = n2, alpha = sig.level, power = power, delta = d)
}
out$mdd_mean <- list(
  delta_t(1.2, 54, 54), delta_t(0.8, 20, 20, 0.1, 0.9), delta_t(1, 30, 60), delta_t(2.5, 200, 150),
  delta_t(1, 5, 5)
)

write_json(out, file.path(here, "proportions.json"))
cat("wrote", file.path(here, "proportions.json"), "\n")
