# Reference values for the trend verdict rule (core/trend.py, review item 1): a change is
# "better" or "worse" only when the test (Mann-Whitney, R wilcox.test) and the interval
# (Bonett-Price for a difference of medians, written out as in statpsych::ci.median2) agree.
# Two phone-queue cases (seconds; seeded draws pasted in as data) where they do not:
#   test_not_interval: p < 0.05 but the interval covers 0 -> no detectable change
#   interval_not_test: the interval excludes 0 but p >= 0.05 -> no detectable change
#
#   Rscript tests/core/r/trend_verdict.R    # writes tests/core/r/trend_verdict.json

get_dir <- function() {
  arg <- grep("^--file=", commandArgs(trailingOnly = FALSE), value = TRUE)
  if (length(arg) == 0L) "." else dirname(normalizePath(sub("^--file=", "", arg)))
}
here <- get_dir()
source(file.path(here, "json.R"))

bonett_price_se <- function(y) {
  y <- sort(y)
  n <- length(y)
  a <- max(1, round(n / 2 - sqrt(n)))
  z0 <- qnorm(1 - pbinom(a - 1, size = n, prob = 0.5))
  (y[n - a + 1] - y[a]) / (2 * z0)
}

one_case <- function(name, before, after) {
  se <- sqrt(bonett_price_se(before)^2 + bonett_price_se(after)^2)
  d <- median(after) - median(before)
  low <- d - qnorm(0.975) * se
  high <- d + qnorm(0.975) * se
  p <- suppressWarnings(wilcox.test(after, before)$p.value)
  # the rule: p < 0.05 and the interval wholly on the side of d; a shorter queue is better
  agree <- p < 0.05 && ((d < 0 && high < 0) || (d > 0 && low > 0))
  verdict <- if (!agree) "no detectable change" else if (d < 0) "better" else "worse"
  list(name = name, before = I(before), after = I(after), diff = d, ci_low = low,
       ci_high = high, p = p, verdict = verdict)
}

out <- list(r_version = paste(R.version$major, R.version$minor, sep = "."), cases = list(
  one_case("test_not_interval",
           c(123, 114, 40, 46, 40, 77, 53, 85, 18, 140, 52, 82, 50, 43),
           c(47, 58, 32, 32, 54, 21, 14, 45, 24, 11, 22, 27, 17, 15)),
  one_case("interval_not_test",
           c(49, 148, 81, 20, 54, 38, 60, 21, 63, 63, 141, 66, 74, 22, 211, 17, 106, 45, 32,
             37, 36, 69, 51, 133, 18),
           c(41, 24, 65, 11, 33, 46, 17, 74, 46, 75, 73, 23, 25, 36, 64, 68, 27, 28, 25, 29,
             36, 38, 141, 30, 34, 54, 23, 33)),
  # both agree: the same queue with the after-year halved -> better
  one_case("both_agree",
           c(123, 114, 40, 46, 40, 77, 53, 85, 18, 140, 52, 82, 50, 43),
           c(24, 29, 16, 16, 27, 11, 7, 23, 12, 6, 11, 14, 9, 8))
))
writeLines(to_json(out), file.path(here, "trend_verdict.json"))
