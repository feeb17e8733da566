# Reference values for servqual_cli.core.series (years as a series).
# Run from this folder: Rscript series.R  (writes series.json; the tests never need R)
library(jsonlite)
set.seed(2022)
out <- list()
# Shares: Cochran-Armitage with the years as scores (2021 not measured).
years <- c(2019, 2020, 2022, 2023)
k <- c(31, 35, 41, 46); n <- c(54, 54, 60, 58)
r <- prop.trend.test(k, n, score = years)
out$share <- list(years = years, k = k, n = n, statistic = unname(r$statistic),
                  p = r$p.value)
# The same with 0/1 observations (what series_trends receives).
# Index: individual answers (0, 1/3, 2/3, 1) on the year, lm(x ~ year).
yr <- rep(2019:2022, times = c(40, 45, 38, 50))
x <- sample(c(0, 1, 2, 3), length(yr), replace = TRUE, prob = c(.1, .2, .4, .3)) / 3
x <- pmin(1, x + (yr - 2019) * 0.03 * (runif(length(yr)) < 0.5))
fit <- summary(lm(x ~ yr))
out$index <- list(year = yr, x = x, slope = fit$coef[2, 1], statistic = fit$coef[2, 3],
                  df = fit$df[2], p = fit$coef[2, 4])
# Medians: inverse-variance weighted slope of yearly medians (known variances: z test).
m <- c(62, 55, 48, 50); se <- c(6.1, 5.2, 7.9, 4.4); t <- 2019:2022
wf <- summary(lm(m ~ t, weights = 1 / se^2))
z <- wf$coef[2, 1] / (wf$coef[2, 2] / wf$sigma)
out$median <- list(y = m, se = se, t = t, slope = wf$coef[2, 1], statistic = z,
                   p = 2 * pnorm(-abs(z)))
write_json(out, "series.json", digits = NA, auto_unbox = TRUE, pretty = TRUE)
