# Reference values for `servqual trend` over the four sample years 2019-2022 (core/series.py),
# computed in R from the sample files themselves, independently of the Python pipeline:
#
#   Rscript tests/core/r/series_samples.R    # writes tests/core/r/series_samples.json
#
# The xlsx files are read with readxl; reached calls are counted here (nådd ja / ja or nej),
# bemötande points (3/2/1/0) derived here; base R gives prop.trend.test (Cochran-Armitage with
# the years as scores) and lm (the slope of the phone treatment index on the year, its
# confint). The share's slope is the maximum likelihood slope of the linear-probability model
# (glm, identity link) and its interval inverts the score test of that model, as in
# trend_share_slope.R (t-slope, session 13; before it was prop.trend.test's weighted-lm slope with
# a Wald standard error): for each b0, Rao's statistic of the fit with offset b0 * year against
# the fit with the year (anova(test = "Rao")), and uniroot for the bounds.
suppressPackageStartupMessages(library(readxl))
get_dir <- function() {
  arg <- grep("^--file=", commandArgs(trailingOnly = FALSE), value = TRUE)
  if (length(arg) == 0L) "." else dirname(normalizePath(sub("^--file=", "", arg)))
}
here <- get_dir()
source(file.path(here, "json.R"))
samples <- normalizePath(file.path(here, "..", "..", "..", "data", "samples"))
years <- 2019:2022
k <- n <- numeric(0)
idx_x <- idx_year <- numeric(0)
for (y in years) {
  d <- read_excel(file.path(samples, sprintf("servicematning_%d.xlsx", y)), col_types = "text")
  phone <- d[d$kanal == "telefon", ]
  known <- phone$nådd %in% c("ja", "nej")
  k <- c(k, sum(phone$nådd[known] == "ja"))
  n <- c(n, sum(known))
  points <- c("mycket god" = 3, "god" = 2, "medelgod" = 1, "dålig" = 0)[phone$bemötande]
  rated <- !is.na(points)
  idx_x <- c(idx_x, unname(points[rated]) / 3)
  idx_year <- c(idx_year, rep(y, sum(rated)))
}
ca <- prop.trend.test(k, n, score = years)
fit <- summary(lm(idx_x ~ idx_year))
ci <- confint(lm(idx_x ~ idx_year))
tc <- years - sum(n * years) / sum(n)
ctl <- glm.control(epsilon = 1e-14, maxit = 200)
full <- glm(cbind(k, n - k) ~ tc, family = binomial(link = "identity"),
            start = coef(lm(I(k / n) ~ tc, weights = n)), control = ctl)
slope <- unname(coef(full)[2])
rao <- function(b0) {
  lo <- max(-b0 * tc); hi <- min(1 - b0 * tc)
  a0 <- optimize(function(a) sum(dbinom(k, n, a + b0 * tc, log = TRUE)), c(lo, hi),
                 maximum = TRUE, tol = 1e-12)$maximum
  m0 <- glm(cbind(k, n - k) ~ 1, offset = b0 * tc, family = binomial(link = "identity"),
            start = a0, control = ctl)
  anova(m0, full, test = "Rao")$Rao[2] - qchisq(0.95, 1)
}
ci_low <- uniroot(rao, c(slope - 0.2, slope), tol = 1e-13)$root
ci_high <- uniroot(rao, c(slope, slope + 0.2), tol = 1e-13)$root
out <- list(
  r_version = R.version.string,
  years = years,
  phone_reached = list(k = k, n = n, statistic = unname(ca$statistic), p = ca$p.value,
                       slope = slope, ci_low = ci_low, ci_high = ci_high),
  phone_treatment_index = list(n = length(idx_x), slope = fit$coef[2, 1],
                               statistic = fit$coef[2, 3], p = fit$coef[2, 4],
                               se = fit$coef[2, 2], ci_low = ci[2, 1], ci_high = ci[2, 2])
)
writeLines(to_json(out), file.path(here, "series_samples.json"))
