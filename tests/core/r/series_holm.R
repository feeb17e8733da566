# Reference values for the Holm adjustment of the trend family in `servqual trend` over the four
# sample years 2019-2022 (core/series.py series_trends(adjust = "holm"), review 2 item 8).
#
#   Rscript tests/core/r/series_holm.R    # writes tests/core/r/series_holm.json
#
# The 14 raw trend p-values are those of the series table (each test kind is checked against R
# on its own in series.R and series_samples.R; phone_reached is recomputed below from the sample
# file with prop.trend.test as an anchor). What this script adds is the family adjustment,
# done by R's p.adjust(p, "holm") over all 14, and the verdicts it implies at alpha = 0.05.
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
for (y in years) {
  d <- read_excel(file.path(samples, sprintf("servicematning_%d.xlsx", y)), col_types = "text")
  phone <- d[d$kanal == "telefon", ]
  known <- phone$nådd %in% c("ja", "nej")
  k <- c(k, sum(phone$nådd[known] == "ja"))
  n <- c(n, sum(known))
}
kpis <- c("phone_reached/phone", "phone_answered_question/phone",
          "phone_wait_seconds_median/phone", "email_within_1_working_day/email",
          "email_within_2_working_days/email", "email_response_hours_median/email",
          "email_answered_question/email", "answered_question/ALL", "treatment_index/phone",
          "treatment_index/email", "treatment_index/ALL", "treatment_good_or_better/phone",
          "treatment_good_or_better/email", "treatment_good_or_better/ALL")  # kpi/channel
p <- c(0.016509466914132485, 0.04460057567612042, 0.1962148597940131, 3.278359259430823e-05,
       0.0008063460414472817, 0.005950375621088589, 0.37977547484094887, 0.3461709523034643,
       0.6253719323570247, 0.49134393673161125, 0.39928032697429844, 0.4603522411601677,
       0.9196897126883992, 0.6751741110355809)
p[1] <- prop.trend.test(k, n, score = years)$p.value  # the anchor, from the file itself
holm <- p.adjust(p, "holm")
out <- list(
  r_version = R.version.string,
  kpis = kpis,
  p = p,
  holm = holm,
  significant_raw = I(kpis[p < 0.05]),
  significant_holm = I(kpis[holm < 0.05])
)
writeLines(to_json(out), file.path(here, "series_holm.json"))
