# Reference values for tests/core/test_feedback_logrank.py and test_feedback_km_trend.py (the
# feedback trend's log-rank row, session 15): the log-rank test of two windows'
# days to reply, the unanswered censored (session 14, w-fbkm), R survival::survdiff (rho = 0)
# and the two Kaplan-Meier medians with their Brookmeyer-Crowley intervals (quantile.survfit,
# conf.type "log", 0.95). readxl reads the sample, jsonlite writes the JSON. Run from the
# repository root:
#   Rscript tests/core/r/feedback_logrank.R [output.json]
# It writes tests/core/r/feedback_logrank.json, which the tests read (so CI needs no R).
#
# Rules mirrored from servqual (core/time_to_event.log_rank, core/feedback_trend.window_times):
# - the register as feedback_km.R reads it (a repeated id dropped, first kept; only items with
#   contact details; an answer date before receipt: no timing, left out);
# - the sample's trend windows: 2023-01-01..2023-12-31 and 2024-01-01..2024-12-31 (as of
#   2024-12-31, core/feedback_trend.trend_windows); each window's items judged at the window's
#   own end E: answered by E, the event at (answered - received) days; else censored at
#   E - received (an answer after E is not yet given at E), closed or not.
suppressPackageStartupMessages({
  library(readxl)
  library(jsonlite)
  library(survival)
})

test <- function(time, event, group) {
  x <- survdiff(Surv(time, event) ~ group)
  fit <- survfit(Surv(time, event) ~ group)
  q <- quantile(fit, 0.5, conf.int = TRUE)
  list(n = unname(as.vector(x$n)), observed = unname(x$obs), expected = unname(x$exp),
       variance = x$var[2, 2], chi2 = x$chisq,
       p = pchisq(x$chisq, 1, lower.tail = FALSE),
       median = unname(as.vector(q$quantile)), median_lower = unname(as.vector(q$lower)),
       median_upper = unname(as.vector(q$upper)))
}

cases <- list(
  # events and censorings tied at the same days, within and across the groups
  ties = list(time = c(1, 1, 2, 2, 2, 3, 3, 4, 5, 5, 1, 2, 2, 3, 3, 3, 4, 4, 6, 7),
              event = c(1, 0, 1, 1, 0, 1, 1, 0, 1, 1, 1, 1, 1, 0, 1, 1, 1, 0, 1, 1),
              group = rep(c(0, 1), each = 10)),
  # one window heavily censored (recent items, short follow-up), its median not reached
  heavy = list(time = c(2, 3, 3, 5, 6, 8, 9, 12, 14, 20, 1, 1, 2, 2, 3, 4, 4, 5, 5, 6),
               event = c(1, 1, 1, 1, 1, 1, 1, 1, 0, 1, 1, 0, 0, 0, 1, 0, 0, 0, 0, 0),
               group = rep(c(0, 1), each = 10)),
  # the second group has no event at all
  no_events = list(time = c(1, 2, 3, 4, 5, 2, 4, 6, 8),
                   event = c(1, 1, 1, 0, 1, 0, 0, 0, 0),
                   group = c(0, 0, 0, 0, 0, 1, 1, 1, 1)),
  # unequal sizes, one item at risk at the last event time (its variance term is 0)
  unequal = list(time = c(3, 5, 7, 7, 9, 11, 15, 2, 4, 4, 6, 8, 10, 12, 13, 14, 16, 18, 21),
                 event = c(1, 1, 1, 0, 1, 1, 1, 1, 1, 1, 0, 1, 1, 0, 1, 1, 1, 0, 1),
                 group = c(rep(0, 7), rep(1, 12)))
)
constructed <- lapply(cases, function(k) c(k, test(k$time, k$event, k$group)))

raw <- read_excel("data/samples/synpunkter_2023_2024.xlsx", sheet = "Synpunkter")
fb <- data.frame(
  id = raw$id, received = as.Date(raw$inkommen), contact = raw$kontaktuppgifter == "ja",
  answered = as.Date(raw$besvarad), stringsAsFactors = FALSE
)
fb <- fb[!duplicated(fb$id), ]
ct <- fb[fb$contact & (is.na(fb$answered) | fb$answered >= fb$received), ]
window <- function(from, to) {
  w <- ct[ct$received >= as.Date(from) & ct$received <= as.Date(to), ]
  end <- as.Date(to)
  answered <- !is.na(w$answered) & w$answered <= end
  days <- ifelse(answered, as.numeric(w$answered - w$received), as.numeric(end - w$received))
  data.frame(days = days, answered = answered)
}
a <- window("2023-01-01", "2023-12-31")
b <- window("2024-01-01", "2024-12-31")
# follow_up: each window's longest time (event or censored), the N of a median shown "> N"
# where not reached; the trend row (session 15, core/feedback_km_trend.py) shows n, the two
# medians, chi2 and p from these, tests/core/test_feedback_km_trend.py
sample <- c(list(windows = list(c("2023-01-01", "2023-12-31"), c("2024-01-01", "2024-12-31")),
                 n_answered = c(sum(a$answered), sum(b$answered)),
                 follow_up = c(max(a$days), max(b$days))),
            test(c(a$days, b$days), c(a$answered, b$answered),
                 rep(c(0, 1), c(nrow(a), nrow(b)))))

out <- list(r_version = R.version.string,
            survival_version = as.character(packageVersion("survival")),
            constructed = constructed, sample = sample)
args <- commandArgs(trailingOnly = TRUE)
path <- if (length(args)) args[1] else "tests/core/r/feedback_logrank.json"
writeLines(toJSON(out, auto_unbox = TRUE, digits = NA, na = "null", pretty = TRUE), path)
