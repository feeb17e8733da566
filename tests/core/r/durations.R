# Reference values for tests/core/test_durations.py, computed with base R only.
#
# Run from the repository root:  Rscript tests/core/r/durations.R
# It writes tests/core/r/durations_expected.json, which the tests read (so CI needs no R).
# The inputs are generated here and stored in the JSON next to the answers.
suppressPackageStartupMessages(library(jsonlite))

conf <- 0.95
a <- 1 - conf

# Distribution-free CI for the q quantile from order statistics, written with qbinom
# (the Python code uses a cumulative-probability scan instead).
order_ci <- function(x, q) {
  x <- sort(x)
  n <- length(x)
  r <- qbinom(a / 2, n, q)                       # smallest r with P(B <= r) >= a/2
  if (pbinom(r, n, q) <= a / 2) r <- r + 1       # then P(B <= r - 1) <= a/2 < P(B <= r)
  s <- qbinom(1 - a / 2, n, q) + 1               # P(B <= s - 1) >= 1 - a/2
  low <- if (r >= 1) x[r] else NA
  high <- if (s <= n) x[s] else NA
  coverage <- if (r >= 1 && s <= n) pbinom(s - 1, n, q) - pbinom(r - 1, n, q) else NA
  list(low = low, high = high, r = r, s = s, coverage = coverage)
}

describe <- function(x) {
  tt <- t.test(x, conf.level = conf)
  list(
    x = x,
    median = unname(quantile(x, 0.5, type = 7)),
    p90 = unname(quantile(x, 0.9, type = 7)),
    median_ci = order_ci(x, 0.5),
    p90_ci = order_ci(x, 0.9),
    mean = unname(tt$estimate),
    mean_ci = unname(tt$conf.int[1:2])
  )
}

set.seed(20240601)
samples <- list(
  gamma37 = round(rgamma(37, shape = 2, rate = 0.1), 1),   # lead times in days, right-skewed
  ties60 = as.numeric(rpois(60, 9)),                        # working days: many ties
  n10 = c(3, 8, 1, 10, 6, 2, 9, 4, 7, 5),
  n5 = c(4, 1, 5, 2, 3)
)
summaries <- lapply(samples, describe)

# Share within a limit: Wilson score interval = prop.test without continuity correction.
wilson <- function(k, n) unname(prop.test(k, n, conf.level = conf, correct = FALSE)$conf.int[1:2])
shares <- list(
  list(k = 23, n = 31, ci = wilson(23, 31)),
  list(k = 0, n = 12, ci = wilson(0, 12)),
  list(k = 40, n = 40, ci = wilson(40, 40))
)

# Fisher exact test (two-sided) of within/decided before vs after.
fisher <- function(k1, n1, k2, n2) {
  ft <- fisher.test(matrix(c(k1, n1 - k1, k2, n2 - k2), nrow = 2))
  list(k1 = k1, n1 = n1, k2 = k2, n2 = n2, p = ft$p.value)
}
fishers <- list(fisher(23, 31, 35, 38), fisher(5, 9, 2, 10))

# Mann-Whitney (wilcox.test, continuity correction; normal approximation with ties).
before <- samples$gamma37
after <- round(rgamma(29, shape = 2, rate = 0.14), 1)
wt <- suppressWarnings(wilcox.test(before, after, correct = TRUE, exact = FALSE))
mann_whitney <- list(before = before, after = after, W = unname(wt$statistic), p = wt$p.value)

# Elapsed real hours and calendar days (dates) across the DST changes, Europe/Stockholm.
tz <- "Europe/Stockholm"
pairs <- data.frame(
  start = c("2024-03-30 12:00", "2024-10-26 12:00", "2024-03-29 15:00", "2025-03-28 15:00"),
  end = c("2024-03-31 12:00", "2024-10-27 12:00", "2024-04-02 10:00", "2025-03-31 10:00")
)
hours <- as.numeric(difftime(as.POSIXct(pairs$end, tz = tz), as.POSIXct(pairs$start, tz = tz),
                             units = "hours"))
date_pairs <- data.frame(start = c("2024-03-29", "2024-08-30", "2023-12-20"),
                         end = c("2024-06-07", "2024-11-08", "2024-01-10"))
days <- as.numeric(as.Date(date_pairs$end) - as.Date(date_pairs$start))

out <- list(
  generated_by = R.version.string,
  conf = conf,
  summaries = summaries,
  shares = shares,
  fisher = fishers,
  mann_whitney = mann_whitney,
  dst_hours = list(start = pairs$start, end = pairs$end, hours = hours),
  date_days = list(start = date_pairs$start, end = date_pairs$end, days = days)
)
target <- if (length(commandArgs(TRUE)) > 0) commandArgs(TRUE)[1] else
  "tests/core/r/durations_expected.json"
writeLines(toJSON(out, auto_unbox = TRUE, digits = NA, na = "null", pretty = TRUE), target)
