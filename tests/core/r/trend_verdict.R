# Reference values for the trend verdict rule (core/change_verdict.py, review item 1): a change is
# "better" or "worse" only when the test (Mann-Whitney, R wilcox.test) and the interval agree.
# Since review 3 (finding 11) the interval of a time is the Hodges-Lehmann one of the same test
# (wilcox.test conf.int, exact = FALSE, correct = TRUE) and the change is the Hodges-Lehmann
# shift (median of the pairwise differences), so the two agree. Two phone-queue cases (seconds;
# seeded draws pasted in as data) where the old Bonett-Price interval (bp_low, bp_high, kept
# for the record) and the test disagreed:
#   test_not_interval: p < 0.05, the Bonett-Price interval covered 0; the HL interval does not
#   interval_not_test: the Bonett-Price interval excluded 0 but p >= 0.05; the HL one covers 0
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
  md <- median(after) - median(before)
  bp_low <- md - qnorm(0.975) * se
  bp_high <- md + qnorm(0.975) * se
  hl <- suppressWarnings(wilcox.test(after, before, conf.int = TRUE, exact = FALSE,
                                     correct = TRUE))
  d <- median(outer(after, before, "-"))
  low <- hl$conf.int[1]
  high <- hl$conf.int[2]
  p <- hl$p.value  # the test the interval inverts (exact = FALSE, correct = TRUE)
  # the rule: p < 0.05 and the interval wholly on the side of d; a shorter queue is better
  agree <- p < 0.05 && ((d < 0 && high < 0) || (d > 0 && low > 0))
  verdict <- if (!agree) "no detectable change" else if (d < 0) "better" else "worse"
  list(name = name, before = I(before), after = I(after), diff = d, ci_low = low,
       ci_high = high, p = p, verdict = verdict, bp_low = bp_low, bp_high = bp_high)
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
