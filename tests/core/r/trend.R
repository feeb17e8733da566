# Reference values for the contact KPIs and their 2019 -> 2020 trend (core/contacts.py,
# core/trend.py), computed in R from the sample files themselves:
#
#   Rscript tests/core/r/trend.R    # writes tests/core/r/trend.json and trend_totals.json
#
# Independent of the Python pipeline: the xlsx files are read with readxl (every cell as text,
# Excel serial dates converted here), the KPI counts are derived here, working-day hours are
# counted here with a hand-written list of Swedish holidays 2019-2020 (lag 1989:253; plus
# midsommarafton, julafton, nyårsafton), and the statistics come from base R: prop.test (Wilson
# interval), fisher.test, wilcox.test, t.test, power.prop.test and power.t.test; the survey
# trend's Hedges' g interval from effectsize::hedges_g (carried over from the committed JSON
# where effectsize is not installed) and its MDD from the Welch test's SE and df. The
# Bonett-Price interval for a difference of medians is written out as in statpsych::ci.median2.
# uniroot's default tolerance (~1.2e-4) is tightened to 1e-12 for the power solutions so the
# Python tests can use a tight tolerance. The committed JSON came from R 4.2.2 (r_version).
# The trend's MDD itself is checked in tests/core/test_trend.py (_bloom_mdd) from the intervals,
# differences and p stored here: the interval's half-width over qnorm(0.975) as the design's SE
# (review 7 finding 4); the `mdd` fields are the power formulas, the threshold's fallback SE.

suppressPackageStartupMessages(library(readxl))

get_dir <- function() {
  arg <- grep("^--file=", commandArgs(trailingOnly = FALSE), value = TRUE)
  if (length(arg) == 0L) "." else dirname(normalizePath(sub("^--file=", "", arg)))
}
here <- get_dir()
source(file.path(here, "json.R"))
samples <- normalizePath(file.path(here, "..", "..", "..", "data", "samples"))

holidays <- as.Date(c(
  "2019-01-01", "2019-01-06", "2019-04-19", "2019-04-21", "2019-04-22", "2019-05-01",
  "2019-05-30", "2019-06-06", "2019-06-09", "2019-06-21", "2019-06-22", "2019-11-02",
  "2019-12-24", "2019-12-25", "2019-12-26", "2019-12-31",
  "2020-01-01", "2020-01-06", "2020-04-10", "2020-04-12", "2020-04-13", "2020-05-01",
  "2020-05-21", "2020-05-31", "2020-06-06", "2020-06-19", "2020-06-20", "2020-10-31",
  "2020-12-24", "2020-12-25", "2020-12-26", "2020-12-31"
))
is_workday <- function(d) !(format(d, "%u") %in% c("6", "7")) & !(d %in% holidays)

# Working-day hours between two wall-clock times (as UTC POSIXct): each working day counts its
# 24 hours; weekends and holidays count nothing.
working_hours <- function(start, end) {
  mapply(function(s, e) {
    days <- seq(as.Date(s), as.Date(e), by = "day")
    total <- 0
    for (d in as.list(days)) {
      if (!is_workday(d)) next
      day_start <- as.POSIXct(paste(d, "00:00:00"), tz = "UTC")
      a <- max(s, day_start)
      b <- min(e, day_start + 86400)
      total <- total + max(0, as.numeric(difftime(b, a, units = "hours")))
    }
    total
  }, start, end)
}

serial_time <- function(x) {
  num <- suppressWarnings(as.numeric(x))
  as.POSIXct(round(num * 86400), origin = "1899-12-30", tz = "UTC")
}

load_year <- function(file) {
  d <- as.data.frame(read_excel(file.path(samples, file), sheet = "Kontakter",
                                col_types = "text"))
  names(d) <- c("year", "municipality", "channel", "area", "sent", "answered", "reached",
                "wait", "answer", "treatment")
  d$sent_t <- serial_time(d$sent)
  d$answered_t <- serial_time(d$answered)
  d$answered_bad <- !is.na(d$answered) & is.na(d$answered_t)  # e.g. "okänt"
  d$points <- c("mycket god" = 3, "god" = 2, "medelgod" = 1, "dålig" = 0)[d$treatment]
  d
}
before <- load_year("servicematning_2019.xlsx")
after <- load_year("servicematning_2020.xlsx")

# ---- the KPI definitions, as 0/1 (or value) vectors per area -------------------------------------
observations <- function(d) {
  phone <- d[d$channel == "telefon", ]
  mail <- d[d$channel == "e-post", ]
  mail_ok <- mail[!mail$answered_bad, ]
  hours <- working_hours(mail_ok$sent_t[!is.na(mail_ok$answered_t)],
                         mail_ok$answered_t[!is.na(mail_ok$answered_t)])
  answered <- !is.na(mail_ok$answered_t)
  within <- function(limit) {
    x <- rep(0, nrow(mail_ok))
    x[answered] <- as.numeric(hours <= limit)
    x
  }
  reach <- phone[phone$reached %in% c("ja", "nej"), ]
  # Queue times: every recorded time except calls marked as not reached.
  wait <- phone[!is.na(phone$wait) & !(phone$reached %in% "nej"), ]
  rated <- d[!is.na(d$points), ]
  list(
    phone_reached = list(channel = "phone", area = reach$area,
                         x = as.numeric(reach$reached == "ja")),
    phone_answered_question = list(channel = "phone", area = phone$area,
                                   x = as.numeric(phone$answer == "ja")),
    phone_wait_seconds_median = list(channel = "phone", area = wait$area,
                                     x = as.numeric(wait$wait)),
    email_within_1_working_day = list(channel = "email", area = mail_ok$area, x = within(24)),
    email_within_2_working_days = list(channel = "email", area = mail_ok$area, x = within(48)),
    email_response_hours_median = list(channel = "email", area = mail_ok$area[answered],
                                       x = hours),
    email_answered_question = list(channel = "email", area = mail$area,
                                   x = as.numeric(mail$answer == "ja")),
    answered_question = list(channel = "ALL", area = d$area, x = as.numeric(d$answer == "ja")),
    treatment_index = list(channel = "ALL", area = rated$area, x = rated$points / 3),
    treatment_good_or_better = list(channel = "ALL", area = rated$area,
                                    x = as.numeric(rated$points >= 2))
  )
}
obs_before <- observations(before)
obs_after <- observations(after)
kinds <- c(phone_reached = "share", phone_answered_question = "share",
           phone_wait_seconds_median = "median", email_within_1_working_day = "share",
           email_within_2_working_days = "share", email_response_hours_median = "median",
           email_answered_question = "share", answered_question = "share",
           treatment_index = "index", treatment_good_or_better = "share")



power_prop_tight <- function(...) stats::power.prop.test(..., tol = 1e-12)

power_t_tight <- function(...) stats::power.t.test(..., tol = 1e-12)


wilson <- function(k, n) suppressWarnings(prop.test(k, n, correct = FALSE)$conf.int)

mdd_share <- function(p, n1, n2) {
  n <- if (n1 == n2) n1 else 2 * n1 * n2 / (n1 + n2)
  # power.prop.test solves for p2 above p1 and warns when no p2 <= 1 reaches the power; such a
  # direction is impossible (NaN). Downwards by symmetry: p -> 1 - p.
  solve <- function(p1) {
    tryCatch(power_prop_tight(n = n, p1 = p1, power = 0.8)$p2 - p1,
             warning = function(w) NaN, error = function(e) NaN)
  }
  both <- c(solve(p), solve(1 - p))
  if (all(is.na(both))) NaN else max(both, na.rm = TRUE)
}

# The share's "told from chance" threshold, test part (session 12): the change d from the
# earlier share p0, in the observed direction s, at which prop.test(correct = FALSE) (the pooled
# z-test, as Pearson's chi-square) reaches p = level, found by uniroot on prop.test itself with
# this year's count (p0 + s d) n2 left fractional; independent of core/trend_detectable.py's
# closed form. NaN where no change inside 0-1 in that direction reaches the level, or p0 is 0/1.
# critical_test: in the observed direction (the threshold shown); critical_half: toward 50 %, the
# side with more room (the MDD's threshold).
score_critical <- function(p0, n1, n2, s, level = 0.05) {
  room <- if (s > 0) 1 - p0 else p0
  if (p0 <= 0 || p0 >= 1) return(NaN)
  gap <- function(d) {
    suppressWarnings(prop.test(c(p0 * n1, (p0 + s * d) * n2), c(n1, n2),
                               correct = FALSE)$p.value) - level
  }
  if (gap(room) > 0) return(NaN)
  uniroot(gap, c(1e-12, room), tol = 1e-14)$root
}

bonett_price_se <- function(y) {
  y <- sort(y)
  n <- length(y)
  a <- max(1, round(n / 2 - sqrt(n)))
  z0 <- qnorm(1 - pbinom(a - 1, size = n, prob = 0.5))
  (y[n - a + 1] - y[a]) / (2 * z0)
}

# Smallest mean difference a two-sided t-test detects (noncentral t, df = n1 + n2 - 2); for
# n1 = n2 this is power.t.test, checked below.
mdd_mean <- function(sd, n1, n2) {
  df <- n1 + n2 - 2
  crit <- qt(0.975, df)
  scale <- sd * sqrt(1 / n1 + 1 / n2)
  uniroot(function(d) pt(crit, df, ncp = d / scale, lower.tail = FALSE) - 0.8,
          c(0, scale * 20), tol = 1e-12)$root
}

compare <- function(kpi, area) {
  b <- obs_before[[kpi]]; a <- obs_after[[kpi]]
  xb <- if (area == "ALL") b$x else b$x[b$area == area]
  xa <- if (area == "ALL") a$x else a$x[a$area == area]
  kind <- kinds[[kpi]]
  out <- list(kpi = kpi, channel = b$channel, area = area, n_before = length(xb),
              n_after = length(xa))
  if (kind == "share") {
    k1 <- sum(xb); n1 <- length(xb); k2 <- sum(xa); n2 <- length(xa)
    w1 <- wilson(k1, n1); w2 <- wilson(k2, n2)
    p1 <- k1 / n1; p2 <- k2 / n2
    tab <- matrix(c(k1, k2, n1 - k1, n2 - k2), 2)
    out <- c(out, list(k_before = k1, k_after = k2, before = p1, after = p2, diff = p2 - p1,
      ci_low = p2 - p1 - sqrt((p2 - w2[1])^2 + (w1[2] - p1)^2),
      ci_high = p2 - p1 + sqrt((w2[2] - p2)^2 + (p1 - w1[1])^2),
      wilson_before = I(w1), wilson_after = I(w2),
      p = fisher.test(tab)$p.value, mdd = mdd_share(p1, n1, n2),
      critical_test = score_critical(p1, n1, n2, if (p2 >= p1) 1 else -1),
      critical_half = score_critical(p1, n1, n2, if (p1 < 0.5) 1 else -1)))
  } else if (kind == "median") {
    # review 3 finding 11: the change of a time is the Hodges-Lehmann shift (the median of
    # every pairwise difference) with the interval of the Mann-Whitney test (wilcox.test
    # conf.int, normal approximation with ties and continuity correction; its bounds are
    # uniroot's, tol 1e-12); the medians stay as before/after, Bonett-Price gives the
    # power-formula MDD (used where the test implies no SE)
    se <- sqrt(bonett_price_se(xb)^2 + bonett_price_se(xa)^2)
    # tol.root tightened from 1e-4: the bound is then the step (a pairwise difference) to
    # ~1e-12, which the MDD needs (it takes the interval's bound when that is the stricter)
    hl <- suppressWarnings(wilcox.test(xa, xb, conf.int = TRUE, exact = FALSE, correct = TRUE,
                                       tol.root = 1e-12))
    out <- c(out, list(before = median(xb), after = median(xa),
      diff = median(outer(xa, xb, "-")),
      ci_low = hl$conf.int[1], ci_high = hl$conf.int[2], ci_tol = 1e-9,
      median_diff = median(xa) - median(xb),
      # the p of the test the interval inverts (exact = FALSE), also for small tie-free times
      p = hl$p.value,
      mdd = (qnorm(0.975) + qnorm(0.8)) * se))
  } else {
    tt <- t.test(xa, xb)
    pooled <- sqrt(((length(xa) - 1) * var(xa) + (length(xb) - 1) * var(xb)) /
                   (length(xa) + length(xb) - 2))
    out <- c(out, list(before = mean(xb), after = mean(xa), diff = mean(xa) - mean(xb),
      ci_low = tt$conf.int[1], ci_high = tt$conf.int[2],
      p = suppressWarnings(wilcox.test(xa * 3, xb * 3)$p.value),
      mdd = mdd_mean(pooled, length(xb), length(xa))))
  }
  out
}

cases <- list(
  compare("phone_reached", "ALL"), compare("phone_answered_question", "ALL"),
  compare("phone_wait_seconds_median", "ALL"), compare("email_within_1_working_day", "ALL"),
  compare("email_within_2_working_days", "ALL"), compare("email_response_hours_median", "ALL"),
  compare("email_answered_question", "ALL"), compare("answered_question", "ALL"),
  compare("treatment_index", "ALL"), compare("treatment_good_or_better", "ALL"),
  compare("phone_answered_question", "bygglov"), compare("email_answered_question", "bygglov"),
  compare("email_within_1_working_day", "förskola"),
  compare("phone_wait_seconds_median", "äldreomsorg"),
  compare("email_response_hours_median", "förskola"),
  compare("treatment_index", "äldreomsorg"), compare("phone_reached", "handikappomsorg")
)

# ---- survey trend: SERVQUAL gaps of two independent samples ------------------------------------
# The sample survey has no years; its Äldreomsorg respondents stand in for "before" and its
# Gymnasieskola respondents for "after". Cleaned as tests/core/r/gaps.R does.
source(file.path(here, "sample_survey.R"))  # raw, to_score(), E, P, dims
G <- P - E
gap_matrix <- sapply(dims, function(items) {
  g <- G[, items, drop = FALSE]
  ok <- rowSums(!is.na(g)) >= ceiling(length(items) / 2)
  round(ifelse(ok, rowMeans(g, na.rm = TRUE), NA), 10)
})
complete <- rowSums(is.na(gap_matrix)) == 0
overall <- round(ifelse(complete, rowMeans(gap_matrix), NA), 10)  # ties stay ties
scores <- cbind(gap_matrix, Overall = overall)
# Smallest difference Welch's two-sided test detects with 80 % power: the power.t.test formula
# (noncentral t, strict = FALSE) with the Welch test's own SE and Satterthwaite df, as
# t.test(var.equal = FALSE) reports them (tt$stderr, tt$parameter).
mdd_welch <- function(se, df) {
  crit <- qt(0.975, df)
  uniroot(function(d) pt(crit, df, ncp = d / se, lower.tail = FALSE) - 0.8,
          c(0, se * 20), tol = 1e-12)$root
}
# effectsize::hedges_g when installed; else (this machine's R lacks it) the values of the
# committed trend.json, which came from effectsize, are carried over unchanged.
committed <- if (file.exists(file.path(here, "trend.json"))) {
  text <- gsub("\\bNaN\\b", "null", readLines(file.path(here, "trend.json"), warn = FALSE))
  jsonlite::fromJSON(paste(text, collapse = "\n"), simplifyVector = FALSE)$survey
} else list()
hedges_es <- function(d, xa, xb) {
  if (requireNamespace("effectsize", quietly = TRUE)) {
    return(effectsize::hedges_g(xa, xb, ci = 0.95, pooled_sd = TRUE))
  }
  old <- Filter(function(r) r$dimension == d, committed)[[1]]
  list(Hedges_g = old$hedges_g_es, CI_low = old$hedges_g_low, CI_high = old$hedges_g_high)
}
rows_before <- raw[["Tjänst"]] == "Äldreomsorg"
rows_after <- raw[["Tjänst"]] == "Gymnasieskola"
survey <- lapply(colnames(scores), function(d) {
  xb <- scores[rows_before, d]; xb <- xb[!is.na(xb)]
  xa <- scores[rows_after, d]; xa <- xa[!is.na(xa)]
  tt <- t.test(xa, xb)
  pooled <- sqrt(((length(xa) - 1) * var(xa) + (length(xb) - 1) * var(xb)) /
                 (length(xa) + length(xb) - 2))
  d_ <- (mean(xa) - mean(xb)) / pooled
  hg <- hedges_es(d, xa, xb)
  list(dimension = d, before = mean(xb), after = mean(xa), diff = mean(xa) - mean(xb),
       ci_low = tt$conf.int[1], ci_high = tt$conf.int[2], p_welch = tt$p.value,
       p_mann_whitney = suppressWarnings(wilcox.test(xa, xb)$p.value),
       # exact J (Hedges 1981), as effectsize::hedges_g
       hedges_g = d_ * exp(lgamma((length(xa) + length(xb) - 2) / 2) -
                           lgamma((length(xa) + length(xb) - 3) / 2)) /
         sqrt((length(xa) + length(xb) - 2) / 2),
       n_before = length(xb), n_after = length(xa),
       # the MDD from the SE and df of the Welch test the verdict follows (session 10: was a
       # pooled-SD power.t.test beside the Welch verdict)
       mdd = mdd_welch(tt$stderr, tt$parameter),
       mdd_pooled = mdd_mean(pooled, length(xb), length(xa)),
       # its 95 % interval (noncentral t) from effectsize itself
       hedges_g_es = hg$Hedges_g, hedges_g_low = hg$CI_low, hedges_g_high = hg$CI_high)
})

# power.t.test itself, for an equal-n case, against the noncentral-t solution above.
sd_eq <- 0.25
out <- list(
  r_version = R.version.string,
  comparisons = cases,
  survey = survey,
  power_t = list(sd = sd_eq, n = 52, delta = power_t_tight(n = 52, sd = sd_eq, power = 0.8)$delta,
                 mine = mdd_mean(sd_eq, 52, 52))
)
write_json(out, file.path(here, "trend.json"))

# ---- the 14 totals' observations (session 12), written to trend_totals.json ---------------------
# trend_threshold_review8.py computes every 2019 -> 2020 total's p, design SE and interval
# itself from these (statsmodels / scipy), so its threshold check does not take them from the
# tool: shares as counts, the index and times as values, derived here from the xlsx as above;
# times also with wilcox.test's Hodges-Lehmann interval (exact = FALSE, correct = TRUE), which
# scipy lacks. The index and the good-or-better share per channel come from the rated contacts.
by_channel <- function(d, ch) {
  rated <- d[!is.na(d$points), ]
  if (ch != "ALL") rated <- rated[rated$channel == c(phone = "telefon", email = "e-post")[[ch]], ]
  list(points = rated$points / 3, good = as.numeric(rated$points >= 2))
}
total_case <- function(kpi, channel, xb, xa) {
  kind <- if (kpi == "treatment_index") "index" else kinds[[kpi]]
  out <- list(kpi = kpi, channel = channel, kind = kind)
  if (kind == "share") {
    return(c(out, list(k_before = sum(xb), n_before = length(xb), k_after = sum(xa),
                       n_after = length(xa))))
  }
  out <- c(out, list(x_before = I(xb), x_after = I(xa)))
  if (kind == "median") {
    hl <- suppressWarnings(wilcox.test(xa, xb, conf.int = TRUE, exact = FALSE, correct = TRUE,
                                       tol.root = 1e-12))
    out <- c(out, list(ci_low = hl$conf.int[1], ci_high = hl$conf.int[2], p_r = hl$p.value))
  }
  out
}
totals <- list()
for (kpi in names(kinds)) {
  if (kpi %in% c("treatment_index", "treatment_good_or_better")) next
  totals[[length(totals) + 1L]] <- total_case(kpi, obs_before[[kpi]]$channel,
                                              obs_before[[kpi]]$x, obs_after[[kpi]]$x)
}
for (ch in c("ALL", "phone", "email")) {
  b <- by_channel(before, ch); a <- by_channel(after, ch)
  totals[[length(totals) + 1L]] <- total_case("treatment_index", ch, b$points, a$points)
  totals[[length(totals) + 1L]] <- total_case("treatment_good_or_better", ch, b$good, a$good)
}
write_json(list(r_version = R.version.string, totals = totals),
           file.path(here, "trend_totals.json"))
