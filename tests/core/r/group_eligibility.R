# Reference values for the one eligibility rule of the across-group tests (core/group_tests.py,
# review 2 item 9): Welch's ANOVA, Kruskal-Wallis and Dunn all use the groups with at least 2
# valid values; a group with one value is left out of every test (before, Kruskal-Wallis and
# Dunn kept it, so epsilon^2 = 1.00 could come from three single respondents).
#
#   Rscript tests/core/r/group_eligibility.R    # writes tests/core/r/group_eligibility.json
#
# The five groups of stats12.json (12 / 8 / 5 / 1 / 3 tied): D (one value) is dropped, E (three
# equal values, no variance) stays in Kruskal-Wallis and Dunn (ranks need no variance) and is
# left out of Welch only (its weights n / s^2 need a variance).
# Packages: rstatix (dunn_test, Holm), effectsize (rank_epsilon_squared); versions in the JSON.
suppressPackageStartupMessages({
  library(effectsize)
  library(rstatix)
  library(jsonlite)
})

get_dir <- function() {
  arg <- grep("^--file=", commandArgs(trailingOnly = FALSE), value = TRUE)
  if (length(arg) == 0L) "." else dirname(normalizePath(sub("^--file=", "", arg)))
}
here <- get_dir()
source(file.path(here, "json.R"))

groups <- fromJSON(file.path(here, "stats12.json"))$groups$values
keep <- groups[lengths(groups) >= 2]
y <- unlist(keep, use.names = FALSE)
g <- factor(rep(names(keep), lengths(keep)))
kw <- kruskal.test(y, g)
eps <- rank_epsilon_squared(y, g, ci = NULL)[[1]]
d <- as.data.frame(dunn_test(data.frame(y = y, g = g), y ~ g, p.adjust.method = "holm"))

out <- list(
  r_version = paste(R.version$major, R.version$minor, sep = "."),
  rstatix_version = as.character(packageVersion("rstatix")),
  effectsize_version = as.character(packageVersion("effectsize")),
  groups = I(names(keep)),
  left_out = I(names(groups)[lengths(groups) < 2]),
  kruskal = list(h = unname(kw$statistic), df = unname(kw$parameter), p = kw$p.value,
                 n = length(y), epsilon2 = eps),
  dunn = list(group_a = I(d$group1), group_b = I(d$group2), z = I(d$statistic),
              p = I(d$p), p_adj = I(d$p.adj))
)
writeLines(to_json(out), file.path(here, "group_eligibility.json"))
