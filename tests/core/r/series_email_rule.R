# Reference values for the series path under `--email-rule next-day` (cli/trend_series.py):
# the Cochran-Armitage trend of "e-mail answered within 1 working day" over the four sample
# years. The yearly counts are those `servqual contacts FILE --email-rule next-day` gives for
# each sample year (the test checks that the series uses exactly those counts, which differ from
# the 24h rule's 43/53 and 44/54 in 2020 and 2021); the statistic and p come from base R.
#
#   Rscript tests/core/r/series_email_rule.R    # writes tests/core/r/series_email_rule.json

suppressPackageStartupMessages(library(jsonlite))
get_dir <- function() {
  arg <- grep("^--file=", commandArgs(trailingOnly = FALSE), value = TRUE)
  if (length(arg) == 0L) "." else dirname(normalizePath(sub("^--file=", "", arg)))
}
years <- c(2019, 2020, 2021, 2022)
k <- c(30, 45, 45, 49)
n <- c(54, 53, 54, 54)
r <- prop.trend.test(k, n, score = years)
out <- list(r_version = R.version.string, years = years, k = k, n = n,
            statistic = unname(r$statistic), p = r$p.value)
write_json(out, file.path(get_dir(), "series_email_rule.json"), digits = NA, auto_unbox = TRUE)
