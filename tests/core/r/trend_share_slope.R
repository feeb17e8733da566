# Reference values for servqual_cli.core.trend_share_slope (t-slope, session 13): a share's
# slope over the years and the interval that inverts the score (Rao) test of the
# linear-probability model p_t = a + b t.
#
#   Rscript tests/core/r/trend_share_slope.R    # writes tests/core/r/trend_share_slope.json
#
# Independent of the Python code: for each b0 the constrained fit is R's own
#   m0 <- glm(cbind(k, n - k) ~ 1, offset = b0 * t, family = binomial(link = "identity"))
# against the model with t, and Rao's statistic is anova(m0, m1, test = "Rao"); the bounds are
# uniroot() of that statistic minus qchisq(conf, 1) between the estimate and the edge of the
# parameter space (|b| < 1 / (max t - min t)); the estimate is glm(... ~ t)'s coefficient.
# prop.trend.test gives the statistic at b0 = 0 (the Cochran-Armitage test). Cases: the four
# sample years' share totals (data/samples/servicematning_2019..2022.xlsx), the share of
# series.json (tests/core/r/series.R), R's own prop.trend.test example, and cases of the module's docstrings; only cases whose bounds lie
# inside the parameter space (glm cannot fit a share of exactly 0 or 1 on the identity link).
suppressPackageStartupMessages(library(jsonlite))
get_dir <- function() {
  arg <- grep("^--file=", commandArgs(trailingOnly = FALSE), value = TRUE)
  if (length(arg) == 0L) "." else dirname(normalizePath(sub("^--file=", "", arg)))
}
here <- get_dir()
cases <- list(
  phone_reached = list(k = c(44, 43, 38, 35), n = c(53, 54, 54, 54), t = 2019:2022),
  phone_answered_question = list(k = c(32, 29, 26, 22), n = c(54, 54, 54, 54), t = 2019:2022),
  email_within_1_working_day = list(k = c(30, 43, 44, 49), n = c(54, 53, 54, 54), t = 2019:2022),
  email_within_2_working_days = list(k = c(36, 48, 47, 50), n = c(54, 53, 54, 54), t = 2019:2022),
  email_answered_question = list(k = c(42, 40, 40, 46), n = c(54, 54, 54, 54), t = 2019:2022),
  answered_question = list(k = c(74, 69, 66, 68), n = c(108, 108, 108, 108), t = 2019:2022),
  good_phone = list(k = c(38, 38, 31, 28), n = c(45, 43, 38, 35), t = 2019:2022),
  good_email = list(k = c(44, 41, 42, 46), n = c(52, 52, 53, 54), t = 2019:2022),
  good_all = list(k = c(82, 79, 73, 74), n = c(97, 95, 91, 89), t = 2019:2022),
  series_json = list(k = c(31, 35, 41, 46), n = c(54, 54, 60, 58), t = c(2019, 2020, 2022, 2023)),
  smokers = list(k = c(83, 90, 129, 70), n = c(86, 93, 136, 82), t = 1:4),
  edge_p_046 = list(k = c(23, 25, 16), n = c(30, 30, 30), t = 2019:2021),
  uneven_years = list(k = c(5, 9, 12, 20), n = c(30, 31, 28, 30), t = c(2016, 2019, 2020, 2023)),
  # a year at 0 % or at 100 %: Wald had no interval; the fits stay inside (0, 1)
  zero_year = list(k = c(4, 0, 6, 9), n = c(20, 20, 20, 20), t = 2019:2022),
  full_year = list(k = c(15, 20, 17, 19), n = c(20, 20, 20, 20), t = 2019:2022)
)
# glm's IRLS on the identity link can step outside (0, 1) from a poor start; optimize() on the
# binomial log-likelihood gives it one (it then only confirms the maximum)
fit0 <- function(b0, k, n, tc) {
  lo <- max(-b0 * tc); hi <- min(1 - b0 * tc)
  ll <- function(a) sum(dbinom(k, n, a + b0 * tc, log = TRUE))
  a0 <- optimize(ll, c(lo, hi), maximum = TRUE, tol = 1e-12)$maximum
  glm(cbind(k, n - k) ~ 1, offset = b0 * tc, family = binomial(link = "identity"),
      start = a0, control = glm.control(epsilon = 1e-14, maxit = 200))
}
# Rao's statistic of b = b0: anova() regresses m0's working residuals on the model matrix of
# the model with t (the fit `full`: the same model space with or without the offset), with m0's
# working weights: the efficient score statistic at m0's fit
rao <- function(b0, k, n, tc, full) {
  m0 <- fit0(b0, k, n, tc)
  anova(m0, full, test = "Rao")$Rao[2]
}
# From the estimate outward (side -1 or 1) in doubling steps until the statistic passes the
# critical value: the bracket for uniroot (glm cannot fit at the parameter space's edge itself).
bracket <- function(f, slope, side, edge) {
  inner <- slope; step <- 1e-3
  repeat {
    outer <- slope + side * step
    if (abs(outer) >= edge) stop("the bound is at the edge of the parameter space")
    if (f(outer) > 0) return(sort(c(inner, outer)))
    inner <- outer; step <- step * 2
  }
}
out <- list(r_version = R.version.string, cases = list())
for (name in names(cases)) {
  x <- cases[[name]]
  tc <- x$t - sum(x$n * x$t) / sum(x$n)  # centred years: the slope is the same
  k <- x$k; n <- x$n  # the same response as fit0's, as anova() requires
  full <- glm(cbind(k, n - k) ~ tc, family = binomial(link = "identity"),
              start = coef(lm(I(k / n) ~ tc, weights = n)),
              control = glm.control(epsilon = 1e-14, maxit = 200))
  slope <- unname(coef(full)[2])
  edge <- 1 / (max(tc) - min(tc)) * (1 - 1e-6)
  res <- list(k = x$k, n = x$n, t = x$t, slope = slope,
              prop_trend_test = unname(prop.trend.test(x$k, x$n, score = x$t)$statistic),
              rao_at_0 = rao(0, x$k, x$n, tc, full))
  for (level in c(0.95, 0.90)) {
    crit <- qchisq(level, 1)
    f <- function(b) rao(b, x$k, x$n, tc, full) - crit
    low <- uniroot(f, bracket(f, slope, -1, edge), tol = 1e-13)$root
    high <- uniroot(f, bracket(f, slope, 1, edge), tol = 1e-13)$root
    res[[sprintf("conf_%d", round(level * 100))]] <- list(ci_low = low, ci_high = high)
  }
  out$cases[[name]] <- res
}
write_json(out, file.path(here, "trend_share_slope.json"), digits = NA, auto_unbox = TRUE,
           pretty = TRUE)
