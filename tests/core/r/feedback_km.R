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
first_at <- function(fit, q) {
  hit <- which(fit$surv <= 1 - q + tol & fit$n.event > 0)
  if (length(hit)) fit$time[hit[1]] else NA
}
km <- function(m) {
  fit <- survfit(Surv(days[m], answered[m]) ~ 1)
  qs <- quantile(fit, c(0.5, 0.9))$quantile
  list(n = sum(m), n_events = sum(answered[m]), n_censored = sum(!answered[m]),
       follow_up = max(days[m]),
       median = first_at(fit, 0.5), p90 = first_at(fit, 0.9),
       r_quantile = unname(qs),
       answered_within_14 = 1 - summary(fit, times = 14)$surv)
}
overall <- km(rep(TRUE, nrow(ct)))
fit <- survfit(Surv(days, answered) ~ 1)
curve <- list(time = fit$time, n_risk = fit$n.risk, n_event = fit$n.event, surv = fit$surv)
units <- sort(unique(ct$unit))
by_unit <- lapply(units, function(u) c(list(unit = u), km(ct$unit == u)))

out <- list(
  generated_by = paste(R.version.string, "survival", format(packageVersion("survival"))),
  as_of = format(D), overall = overall, curve = curve, by_unit = by_unit
)
target <- if (length(commandArgs(TRUE)) > 0) commandArgs(TRUE)[1] else "tests/core/r/feedback_km.json"
writeLines(toJSON(out, auto_unbox = TRUE, digits = NA, na = "null", pretty = TRUE), target)
