# Reference values for tests/core/test_feedback_km.py: the feedback register's days to reply
# over every item with contact details, the unanswered censored (review 10a, finding 1).
# R survival::survfit (Kaplan-Meier) and quantile.survfit; readxl reads the sample, jsonlite
# writes the JSON. Run from the repository root:
#   Rscript tests/core/r/feedback_km.R [output.json]
# It writes tests/core/r/feedback_km.json, which the tests read (so CI needs no R).
#
# Rules mirrored from servqual (core/feedback.py, core/time_to_event.py):
# - the register as feedback.R reads it: a repeated id dropped (first kept); only items with
#   contact details; an answer date before receipt gives the item no timing (left out);
# - as of D, the latest date in the register (end of that day): an answered item has the event
#   at (answered - received) days; an item without a reply by D is censored at its age
#   D - received, closed or not: closing an item without a reply is no answer, and it is known
#   to have had none until D (the backlog's rule, review 9 finding 1);
# - the quantile q is the smallest event time with S(t) <= 1 - q (R's tolerance sqrt(eps));
#   quantile.survfit gives the same unless the curve is flat at exactly 1 - q, where it takes a
#   midpoint: both are stored, and a quantile the curve never reaches is NA.
# - the quantile's interval (session 14, x-km): Brookmeyer & Crowley from the curve's pointwise
#   interval, survfit's default conf.type (stored: "log") and conf.int 0.95 (and 0.90 over
#   every item): the lower limit is the first event time with lower <= 1 - q, the upper the
#   first with upper <= 1 - q (same tolerance), NA if none. quantile(fit, conf.int = TRUE)
#   gives the same wherever the limit is monotone at the crossing; its findq searches the
#   limit's distinct values, so where the upper limit rises again in a small risk set it can
#   answer another time: both are stored (r_lower, r_upper), and the constructed case
#   "upper_rises" is one where they differ.
suppressPackageStartupMessages({
  library(readxl)
  library(jsonlite)
  library(survival)
})

raw <- read_excel("data/samples/synpunkter_2023_2024.xlsx", sheet = "Synpunkter")
fb <- data.frame(
  id = raw$id, received = as.Date(raw$inkommen), unit = raw$`förvaltning`,
  contact = raw$kontaktuppgifter == "ja", answered = as.Date(raw$besvarad),
  closed = as.Date(raw$avslutad), stringsAsFactors = FALSE
)
fb <- fb[!duplicated(fb$id), ]
D <- max(c(fb$received, fb$answered, fb$closed), na.rm = TRUE)
ct <- fb[fb$contact, ]
timed <- is.na(ct$answered) | ct$answered >= ct$received
ct <- ct[timed, ]
answered <- !is.na(ct$answered) & ct$answered <= D
days <- ifelse(answered, as.numeric(ct$answered - ct$received), as.numeric(D - ct$received))

tol <- sqrt(.Machine$double.eps)
first_at <- function(fit, q, curve = fit$surv) {
  hit <- which(!is.na(curve) & curve <= 1 - q + tol & fit$n.event > 0)
  if (length(hit)) fit$time[hit[1]] else NA
}
limits <- function(fit) {
  qs <- quantile(fit, c(0.5, 0.9), conf.int = TRUE)
  list(median = first_at(fit, 0.5), p90 = first_at(fit, 0.9),
       r_quantile = unname(qs$quantile),
       lower = c(first_at(fit, 0.5, fit$lower), first_at(fit, 0.9, fit$lower)),
       upper = c(first_at(fit, 0.5, fit$upper), first_at(fit, 0.9, fit$upper)),
       r_lower = unname(qs$lower), r_upper = unname(qs$upper),
       conf_type = fit$conf.type, conf = fit$conf.int)
}
km <- function(m) {
  fit <- survfit(Surv(days[m], answered[m]) ~ 1)
  c(list(n = sum(m), n_events = sum(answered[m]), n_censored = sum(!answered[m]),
         follow_up = max(days[m])),
    limits(fit),
    list(answered_within_14 = 1 - summary(fit, times = 14)$surv))
}
overall <- km(rep(TRUE, nrow(ct)))
overall_90 <- limits(survfit(Surv(days, answered) ~ 1, conf.int = 0.90))
fit <- survfit(Surv(days, answered) ~ 1)
curve <- list(time = fit$time, n_risk = fit$n.risk, n_event = fit$n.event, surv = fit$surv,
              lower = fit$lower, upper = fit$upper)
units <- sort(unique(ct$unit))
by_unit <- lapply(units, function(u) c(list(unit = u), km(ct$unit == u)))

# constructed cases: days and whether answered (1) or censored (0)
cases <- list(
  # events and censorings tied at the same days (a censored item at an event time is at risk)
  ties = list(time = c(1, 1, 1, 2, 2, 2, 2, 3, 3, 4, 4, 4, 5, 6, 6, 7, 8, 8, 10, 12),
              event = c(1, 1, 0, 1, 1, 0, 0, 1, 1, 1, 0, 1, 1, 1, 0, 1, 1, 1, 0, 1)),
  # 15 of 28 censored, 12 of them after the last answer: the median is reached, its upper
  # limit and the p90 are not
  heavy_censoring = list(time = c(1, 2, 3, 3, 4, 5, 5, 6, 7, 8, 8, 9, 10, 11, 12, 14,
                                  rep(30, 4), rep(45, 4), rep(60, 4)),
                         event = c(1, 1, 1, 0, 1, 1, 0, 1, 1, 1, 0, 1, 1, 1, 1, 1, rep(0, 12))),
  # every item answered: S(t) = 0 at the last day, no interval there, so the p90's upper
  # limit is not reached although every item has its reply
  upper_not_reached = list(time = 1:20, event = rep(1, 20)),
  # the median not reached, its lower limit is
  median_not_reached = list(time = c(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 10, 10, 10, 10, 10, 10),
                            event = c(1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0)),
  # the upper limit falls to 0.486 at day 23 and rises to 0.497 at day 28: findq answers 28
  upper_rises = list(time = c(20, 15, 21, 0, 23, 5, 19, 23, 7, 0, 1, 3, 28, 4, 2, 6, 16, 25,
                              21, 10, 6, 12, 29, 20, 5),
                     event = c(0, 1, 1, 1, 1, 1, 0, 1, 0, 1, 1, 1, 1, 1, 0, 1, 1, 0, 1, 1, 1,
                               1, 1, 1, 0))
)
constructed <- lapply(names(cases), function(k) {
  x <- cases[[k]]
  c(list(case = k, time = x$time, event = x$event),
    limits(survfit(Surv(x$time, x$event) ~ 1)))
})

out <- list(
  generated_by = paste(R.version.string, "survival", format(packageVersion("survival"))),
  as_of = format(D), overall = overall, overall_90 = overall_90, curve = curve,
  by_unit = by_unit, constructed = constructed
)
target <- if (length(commandArgs(TRUE)) > 0) commandArgs(TRUE)[1] else "tests/core/r/feedback_km.json"
writeLines(toJSON(out, auto_unbox = TRUE, digits = NA, na = "null", pretty = TRUE), target)
