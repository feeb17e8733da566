# Reference values for the slopes' standard errors and intervals of servqual_cli.core.series
# (review 9 finding 7), from the inputs stored in series.json (written by series.R):
#
#   Rscript tests/core/r/series_ci.R    # writes tests/core/r/series_ci.json
#
# - share: since session 13 the score interval, tests/core/r/trend_share_slope.R (this script
#   gave the Wald interval before).
# - index: summary(lm(x ~ year)) and confint(lm, level).
# - median: a fixed-effect meta-regression of the yearly medians on the year with their known
#   standard errors, metafor::rma(method = "FE") (z interval).
suppressPackageStartupMessages({library(jsonlite); library(metafor)})
get_dir <- function() {
  arg <- grep("^--file=", commandArgs(trailingOnly = FALSE), value = TRUE)
  if (length(arg) == 0L) "." else dirname(normalizePath(sub("^--file=", "", arg)))
}
here <- get_dir()
inp <- fromJSON(file.path(here, "series.json"))
out <- list(r_version = R.version.string)
for (level in c(0.95, 0.90)) {
  key <- sprintf("conf_%d", round(level * 100))
  i <- inp$index
  li <- lm(x ~ year, data = list(x = i$x, year = i$year))
  ci <- confint(li, level = level)
  index <- list(slope = unname(coef(li)[2]), se = summary(li)$coef[2, 2],
                ci_low = ci[2, 1], ci_high = ci[2, 2])
  m <- inp$median
  fe <- rma(yi = m$y, sei = m$se, mods = ~ m$t, method = "FE", level = level * 100)
  median <- list(slope = fe$beta[2], se = fe$se[2], ci_low = fe$ci.lb[2], ci_high = fe$ci.ub[2])
  out[[key]] <- list(index = index, median = median)
}
write_json(out, file.path(here, "series_ci.json"), digits = NA, auto_unbox = TRUE, pretty = TRUE)
