# Reference values for the survey-weighted SERVQUAL trend (core/survey_trend.py,
# compare_weighted_gaps; `servqual trend --weight-column`), computed with R's survey package:
#
#   Rscript tests/core/r/survey_trend_weighted.R   # writes survey_trend_weighted.json
#
# Independent of the Python pipeline: the xlsx files are read with readxl (every cell as text),
# cells that are not numbers 1..7 are missing except the label "Instämmer helt" (= 7),
# the respondents' dimension gaps are computed here (mean item gap P - E over the items with
# both answers, at least half of the dimension's items; overall = mean of the five, respondents
# with all five), and the comparison is survey::svyglm(gap ~ year) on the two years stacked as
# independent strata, svydesign(ids = ~1, strata = ~year, weights = ~w): the coefficient is the
# difference of the weighted means, its SE the linearised (sandwich) one, p from the t
# distribution with the design's residual df, the interval from confint(). The per-year means and
# SEs are svyby(~gap, ~year, design, svymean).
#
# Case "samples": karlstad_servqual.xlsx (2024, no weight column: every respondent weighs 1)
# against karlstad_servqual_2025.xlsx (weights Vikt). Case "both_weighted": within the 2025
# file, Äldreomsorg ("before") against Grundskola ("after"), both weighted by Vikt.

suppressPackageStartupMessages({
  library(readxl)
  library(survey)
})

get_dir <- function() {
  arg <- grep("^--file=", commandArgs(trailingOnly = FALSE), value = TRUE)
  if (length(arg) == 0L) "." else dirname(normalizePath(sub("^--file=", "", arg)))
}
here <- get_dir()
source(file.path(here, "json.R"))
samples <- normalizePath(file.path(here, "..", "..", "..", "data", "samples"))

read_survey <- function(name, skip) {
  raw <- as.data.frame(read_excel(file.path(samples, name), skip = skip, col_types = "text",
                                  .name_repair = "minimal"), check.names = FALSE)
  to_score <- function(v) {  # as sample_survey.R: the scale's end label is its value
    v <- trimws(v)
    v[v == "Instämmer helt"] <- "7"
    x <- suppressWarnings(as.numeric(v))
    x[!is.na(x) & (x < 1 | x > 7)] <- NA
    x
  }
  E <- sapply(1:22, function(i) to_score(raw[[paste0("E", i)]]))
  P <- sapply(1:22, function(i) to_score(raw[[paste0("P", i)]]))
  G <- P - E
  dims <- list(Tangibles = 1:4, Reliability = 5:9, Responsiveness = 10:13, Assurance = 14:17,
               Empathy = 18:22)
  gaps <- sapply(dims, function(items) {
    g <- G[, items, drop = FALSE]
    ok <- rowSums(!is.na(g)) >= ceiling(length(items) / 2)
    round(ifelse(ok, rowMeans(g, na.rm = TRUE), NA), 10)
  })
  complete <- rowSums(is.na(gaps)) == 0
  overall <- round(ifelse(complete, rowMeans(gaps), NA), 10)
  w <- if ("Vikt" %in% names(raw)) as.numeric(raw[["Vikt"]]) else rep(1, nrow(raw))
  data.frame(gaps, Overall = overall, w = w, service = raw[["Tjänst"]], check.names = FALSE)
}

compare <- function(before, after, conf = 0.95) {
  stacked <- rbind(cbind(before, year = "before"), cbind(after, year = "after"))
  stacked$year <- factor(stacked$year, levels = c("before", "after"))
  lapply(c("Tangibles", "Reliability", "Responsiveness", "Assurance", "Empathy", "Overall"),
         function(d) {
    dd <- stacked[!is.na(stacked[[d]]) & !is.na(stacked$w), c(d, "w", "year")]
    names(dd)[1] <- "y"
    des <- svydesign(ids = ~1, strata = ~year, weights = ~w, data = dd)
    fit <- svyglm(y ~ year, design = des)
    s <- summary(fit)$coefficients
    ci <- confint(fit, level = conf)
    m <- svyby(~y, ~year, des, svymean)
    nb <- sum(dd$year == "before"); na <- sum(dd$year == "after")
    neff <- function(w) sum(w)^2 / sum(w^2)
    list(dimension = d, before = m$y[1], after = m$y[2],
         se_before = m$se[1], se_after = m$se[2],
         diff = unname(coef(fit)[2]), se = s[2, 2], p = s[2, 4],
         df = fit$df.residual, ci_low = ci[2, 1], ci_high = ci[2, 2],
         n_before = nb, n_after = na,
         n_eff_before = neff(dd$w[dd$year == "before"]),
         n_eff_after = neff(dd$w[dd$year == "after"]),
         unweighted_before = mean(dd$y[dd$year == "before"]),
         unweighted_after = mean(dd$y[dd$year == "after"]))
  })
}

s24 <- read_survey("karlstad_servqual.xlsx", 2)
s25 <- read_survey("karlstad_servqual_2025.xlsx", 0)
out <- list(
  r_version = paste(R.version$major, R.version$minor, sep = "."),
  survey_version = as.character(packageVersion("survey")),
  samples = compare(s24, s25),
  both_weighted = compare(s25[s25$service == "Äldreomsorg", ], s25[s25$service == "Grundskola", ])
)
writeLines(to_json(out), file.path(here, "survey_trend_weighted.json"))
