# Reference values for the survey-weighted dimension gaps per group (a report with
# [survey] weight_column and by; core/weighted_group_gaps.py; tests/core/test_weighted_group_gaps.py).
# Computed with the R package survey (4.1-1, Debian r-cran-survey), independently of servqual:
#   - the 2025 sample data/samples/karlstad_servqual_2025.xlsx read with readxl as
#     weighted_tests.R (cells not numbers 1..7 missing, "Instämmer helt" = 7), grouped by Kön,
#     weighted by Vikt;
#   - dimension gap = mean of the item gaps P − E with both, if >= ceiling(k/2) items have them;
#   - per dimension the design svydesign(ids = ~1, weights = ~w) of the respondents with a gap
#     (as weighted_tests.R), each group a domain of it: svyby(~g, ~group, design, svymean) for
#     mean and SE, svyttest(g ~ 0, subset(design, group == d)) for t, df, p and CI;
#     p.adjust(method = "holm") over every group x dimension;
#   - a small synthetic case with missing gaps, a respondent without a group and unequal weights
#     (synthetic), where the domain SE (the design's n) differs from a group-only design's.
# Run from this folder: Rscript weighted_group_gaps.R  (writes weighted_group_gaps.json)
suppressMessages({library(survey); library(readxl)})
source("json.R")
xlsx <- file.path("..", "..", "..", "data", "samples", "karlstad_servqual_2025.xlsx")
raw <- as.data.frame(read_excel(xlsx, col_types = "text"))
to_score <- function(v) {
  v <- trimws(v)
  v[v == "Instämmer helt"] <- "7"
  x <- suppressWarnings(as.numeric(sub(",", ".", v, fixed = TRUE)))
  x[!is.na(x) & (x < 1 | x > 7)] <- NA
  x
}
E <- sapply(1:22, function(i) to_score(raw[[paste0("E", i)]]))
P <- sapply(1:22, function(i) to_score(raw[[paste0("P", i)]]))
w <- as.numeric(sub(",", ".", raw[["Vikt"]], fixed = TRUE))
kon <- trimws(raw[["Kön"]])
dims <- list(Tangibles = 1:4, Reliability = 5:9, Responsiveness = 10:13, Assurance = 14:17,
             Empathy = 18:22)
G <- P - E

by_group <- function(g, w, grp) {
  d <- data.frame(g = g, w = w, grp = grp)
  d <- d[!is.na(d$g), ]  # the dimension's design: the respondents with a gap
  des <- svydesign(ids = ~1, weights = ~w, data = d)
  est <- svyby(~g, ~grp, des, svymean)
  lapply(sort(unique(d$grp[!is.na(d$grp)])), function(k) {
    sub <- subset(des, !is.na(grp) & grp == k)
    tt <- svyttest(g ~ 0, sub)
    inside <- !is.na(d$grp) & d$grp == k
    list(group = k, n = sum(inside), mean = unname(coef(est)[k]), se = est[k, "se"],
         t = unname(tt$statistic), df = unname(tt$parameter), p = tt$p.value,
         ci_low = tt$conf.int[1], ci_high = tt$conf.int[2],
         n_eff = sum(d$w[inside])^2 / sum(d$w[inside]^2), unweighted_mean = mean(d$g[inside]))
  })
}
sample <- list()
for (name in names(dims)) {
  it <- dims[[name]]
  g <- G[, it, drop = FALSE]
  ok <- rowSums(!is.na(g)) >= ceiling(length(it) / 2)
  for (row in by_group(ifelse(ok, rowMeans(g, na.rm = TRUE), NA), w, kon)) {
    sample[[length(sample) + 1]] <- c(list(dimension = name), row)
  }
}
# groups x dimensions, the family the per-group table adjusts over
holm <- p.adjust(sapply(sample, `[[`, "p"), "holm")
for (i in seq_along(sample)) sample[[i]]$p_adjusted <- holm[i]
# the table's order: groups sorted, then dimensions
sample <- sample[order(sapply(sample, `[[`, "group"), match(sapply(sample, `[[`, "dimension"),
                                                             names(dims)))]

synthetic_g <- c(-1, -2, 0.5, -0.5, NA, 1.5, -0.25, -3, 0, 2, -1.5, 0.75)
synthetic_w <- c(1, 2, 1, 3, 1, 0.5, 2.5, 1, 4, 1.5, 2, 1)
synthetic_grp <- c("a", "b", "a", "a", "b", "b", NA, "a", "b", "a", "b", "b")
synthetic <- list(g = synthetic_g, w = synthetic_w,
                  group = ifelse(is.na(synthetic_grp), "", synthetic_grp),  # "": no group
                  rows = by_group(synthetic_g, synthetic_w, synthetic_grp))

writeLines(to_json(list(sample = sample, synthetic = synthetic)), "weighted_group_gaps.json")
