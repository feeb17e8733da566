# Reference values for `servqual service-survey` (core/service_survey.py), computed in R from
# the sample file itself, independently of the Python pipeline:
#
#   Rscript tests/core/r/service_survey.R    # writes tests/core/r/service_survey.json
#
# readxl reads every cell as text; "Vet ej" is dropped here; answers 1-5 are scored
# 25 * (answer - 1) (SKR). Base R: t.test (interval of the mean, clipped to 0-100 here; Welch's
# test of each year against the previous one), prop.test(correct = FALSE) (Wilson interval of
# the share 4-5), lm (the slope of the scores on the year, its SE and confint) and p.adjust
# (Holm per family).
suppressPackageStartupMessages(library(readxl))
get_dir <- function() {
  arg <- grep("^--file=", commandArgs(trailingOnly = FALSE), value = TRUE)
  if (length(arg) == 0L) "." else dirname(normalizePath(sub("^--file=", "", arg)))
}
here <- get_dir()
source(file.path(here, "json.R"))
path <- normalizePath(file.path(here, "..", "..", "..", "data", "samples",
                                "servicematning_medborgare_2022_2024.xlsx"))
d <- read_excel(path, col_types = "text")
questions <- c(ease = "enkelt_att_få_hjälp", treatment = "bemötande", clarity = "tydligt_svar")
channels <- c(phone = "telefon", email = "e-post")
indices <- list(); changes <- list(); trends <- list()
for (ch in names(channels)) for (q in names(questions)) {
  rows <- d[d$kanal == channels[[ch]], ]
  a <- rows[[questions[[q]]]]
  keep <- a != "Vet ej"
  pts <- 25 * (as.numeric(a[keep]) - 1)
  yr <- as.numeric(rows$år[keep])
  prev <- NULL
  for (y in sort(unique(yr))) {
    x <- pts[yr == y]
    tt <- t.test(x)
    top <- sum(x >= 75)
    w <- prop.test(top, length(x), correct = FALSE)$conf.int
    indices[[length(indices) + 1]] <- list(year = y, channel = ch, question = q,
      n = length(x), index = mean(x), ci_low = max(0, tt$conf.int[1]),
      ci_high = min(100, tt$conf.int[2]), k_4_5 = top, share_ci_low = w[1], share_ci_high = w[2])
    if (!is.null(prev)) {
      wt <- t.test(x, prev)
      changes[[length(changes) + 1]] <- list(after = y, channel = ch, question = q,
        diff = mean(x) - mean(prev), ci_low = wt$conf.int[1], ci_high = wt$conf.int[2],
        t = unname(wt$statistic), df = unname(wt$parameter), p = wt$p.value)
    }
    prev <- x
  }
  fit <- summary(lm(pts ~ yr))
  ci <- confint(lm(pts ~ yr))  # the slope's t interval (review 9 finding 7)
  trends[[length(trends) + 1]] <- list(channel = ch, question = q, slope = fit$coef[2, 1],
                                       p = fit$coef[2, 4], se = fit$coef[2, 2],
                                       ci_low = ci[2, 1], ci_high = ci[2, 2])
}
# Holm per family (review item 9): the 12 year-on-year changes, and the 6 trends; the verdict
# follows the adjusted p and needs the interval to exclude 0 (Welch's for a change, the slope's
# t interval for a trend)
p_changes <- p.adjust(vapply(changes, function(x) x$p, 0), "holm")
for (i in seq_along(changes)) {
  ch <- changes[[i]]
  ok <- p_changes[i] < 0.05 && (ch$ci_low > 0 || ch$ci_high < 0)
  changes[[i]]$p_adjusted <- p_changes[i]
  changes[[i]]$verdict <- if (!ok) "no detectable change" else if (ch$diff > 0) "better" else "worse"
}
p_trends <- p.adjust(vapply(trends, function(x) x$p, 0), "holm")
for (i in seq_along(trends)) {
  tr <- trends[[i]]
  trends[[i]]$p_adjusted <- p_trends[i]
  ok <- p_trends[i] < 0.05 && (tr$ci_low > 0 || tr$ci_high < 0)
  trends[[i]]$verdict <- if (!ok) "no detectable trend" else
    if (tr$slope > 0) "better" else "worse"
}
out <- list(r_version = R.version.string, indices = indices, changes = changes, trends = trends)
writeLines(to_json(out), file.path(here, "service_survey.json"))
