# Reference values for `servqual trend` over the four sample years 2019-2022 (core/series.py),
# computed in R from the sample files themselves, independently of the Python pipeline:
#
#   Rscript tests/core/r/series_samples.R    # writes tests/core/r/series_samples.json
#
# The xlsx files are read with readxl; reached calls are counted here (nådd ja / ja or nej),
# bemötande points (3/2/1/0) derived here; base R gives prop.trend.test (Cochran-Armitage with
# the years as scores) and lm (the slope of the phone treatment index on the year, its
# confint). The share's slope is the one prop.trend.test fits (its weighted lm), with its Wald
# standard error from the saturated binomial GLM's covariance of the yearly shares (as
# series_ci.R; review 9 finding 7).
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
P <- sum(k) / sum(n)
slope <- unname(coef(lm(freq ~ score, data = list(freq = k / n, score = years),
                        weights = n / P / (1 - P)))[2])
g <- glm(cbind(k, n - k) ~ 0 + factor(years), family = binomial(link = "identity"))
S <- sum(n * years) / sum(n)
cc <- n * (years - S) / sum(n * (years - S)^2)
se <- sqrt(drop(t(cc) %*% vcov(g) %*% cc))
out <- list(
  r_version = R.version.string,
  years = years,
  phone_reached = list(k = k, n = n, statistic = unname(ca$statistic), p = ca$p.value,
                       slope = slope, se = se, ci_low = slope - qnorm(0.975) * se,
                       ci_high = slope + qnorm(0.975) * se),
  phone_treatment_index = list(n = length(idx_x), slope = fit$coef[2, 1],
                               statistic = fit$coef[2, 3], p = fit$coef[2, 4],
                               se = fit$coef[2, 2], ci_low = ci[2, 1], ci_high = ci[2, 2])
)
writeLines(to_json(out), file.path(here, "series_samples.json"))
