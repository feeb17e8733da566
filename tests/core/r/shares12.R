# Reference values for the matched share test (src/servqual_cli/core/proportions.py,
# score_diff_test): Pearson's chi-squared without continuity correction (prop.test) and the
# score interval that inverts the same statistic (Mee 1984). The restricted MLE under
# p2 - p1 = delta is found numerically with optimize(), not with the closed form the Python
# code uses, and the bounds with uniroot(); Fisher's p is stored for contrast.
#
#   Rscript tests/core/r/shares12.R      # writes tests/core/r/shares12.json
get_dir <- function() {
  arg <- grep("^--file=", commandArgs(trailingOnly = FALSE), value = TRUE)
  if (length(arg) == 0L) "." else dirname(normalizePath(sub("^--file=", "", arg)))
}
here <- get_dir()
source(file.path(here, "json.R"))

score_z <- function(k1, n1, k2, n2, delta) {
  d <- k2 / n2 - k1 / n1
  loglik <- function(p1) {
    p2 <- p1 + delta
    sum(dbinom(k1, n1, p1, log = TRUE), dbinom(k2, n2, p2, log = TRUE))
  }
  lo <- max(0, -delta); hi <- min(1, 1 - delta)
  p1 <- if (hi - lo < 1e-12) lo else optimize(loglik, c(lo, hi), maximum = TRUE, tol = 1e-14)$maximum
  p2 <- p1 + delta
  (d - delta) / sqrt(p1 * (1 - p1) / n1 + p2 * (1 - p2) / n2)
}
case <- function(k1, n1, k2, n2, conf = 0.95) {
  d <- k2 / n2 - k1 / n1
  q <- qnorm(0.5 + conf / 2)
  eps <- 1e-9
  low <- if (d <= -1 + eps) -1 else
    uniroot(function(x) score_z(k1, n1, k2, n2, x) - q, c(-1 + eps, min(d, 1 - eps) - 1e-12 * (d >= 1 - eps)), tol = 1e-13)$root
  high <- if (d >= 1 - eps) 1 else
    uniroot(function(x) score_z(k1, n1, k2, n2, x) + q, c(max(d, -1 + eps), 1 - eps), tol = 1e-13)$root
  pt <- suppressWarnings(prop.test(c(k2, k1), c(n2, n1), correct = FALSE)$p.value)
  list(k1 = k1, n1 = n1, k2 = k2, n2 = n2, conf = conf, diff = d,
       p = if (is.na(pt)) 1 else pt, ci_low = low, ci_high = high,
       fisher_p = fisher.test(matrix(c(k2, n2 - k2, k1, n1 - k1), 2))$p.value)
}
out <- list(r_version = R.version.string, cases = list(
  case(2, 2, 0, 2),           # the issue's area: Fisher p = 1 / 3 beside an interval excluding 0
  case(13, 54, 20, 54),
  case(0, 5, 3, 7),
  case(10, 10, 9, 12, 0.90),
  case(5, 30, 5, 30),
  case(41, 120, 57, 131)
))
writeLines(to_json(out), file.path(here, "shares12.json"))
