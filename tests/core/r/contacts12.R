# Reference values for the treatment-index interval (src/servqual_cli/core/contacts.py,
# issue #12 defect 6): the Student t interval of mean(points / 3) on the logit scale (delta
# method), back-transformed, against the plain t interval that leaves 0-100.
#
#   Rscript tests/core/r/contacts12.R      # writes tests/core/r/contacts12.json
get_dir <- function() {
  arg <- grep("^--file=", commandArgs(trailingOnly = FALSE), value = TRUE)
  if (length(arg) == 0L) "." else dirname(normalizePath(sub("^--file=", "", arg)))
}
here <- get_dir()
source(file.path(here, "json.R"))
logit_ci <- function(points, conf = 0.95) {
  x <- points / 3
  n <- length(x); p <- mean(x); se <- sd(x) / sqrt(n)
  q <- qt(0.5 + conf / 2, n - 1)
  list(points = I(points), conf = conf, value = p,
       ci = plogis(qlogis(p) + c(-1, 1) * q * se / (p * (1 - p))),
       plain_t = unname(t.test(x, conf.level = conf)$conf.int[1:2]))
}
set.seed(5)
out <- list(r_version = R.version.string, cases = list(
  logit_ci(c(3, 3, 3, 2)),                      # the issue's area: plain t gives 65-118
  logit_ci(c(0, 1, 0, 0, 2), 0.90),
  logit_ci(sample(0:3, 37, replace = TRUE, prob = c(1, 2, 4, 3)))
))
writeLines(to_json(out), file.path(here, "contacts12.json"))
