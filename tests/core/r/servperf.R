# Reference values for servqual's SERVPERF analysis (perception-only instruments;
# tests/core/test_servperf.py), computed in base R from the sample survey, cleaned independently
# by sample_survey.R. SERVPERF (Cronin & Taylor 1992):
#   - item: mean P over respondents who answered, t.test CI;
#   - dimension: per respondent the mean P over answered items if >= ceiling(k/2) are answered;
#     mean over respondents, t.test CI;
#   - overall: per respondent with every dimension valid, the mean of the dimension scores
#     (unweighted) or sum(score * W) / sum(W) over respondents with valid, non-negative,
#     non-zero-sum importance points W1..W5 (weighted).
# Run from this folder: Rscript servperf.R  (writes servperf.json)
source("json.R")
source("sample_survey.R")  # raw, to_score(), E, P, dims
W <- sapply(1:5, function(i) suppressWarnings(as.numeric(sub(",", ".", raw[[paste0("W", i)]]))))

mean_ci <- function(x) {
  x <- x[!is.na(x)]
  tt <- t.test(x)
  list(n = length(x), perception = mean(x), sd = sd(x), ci_low = tt$conf.int[1],
       ci_high = tt$conf.int[2])
}

items <- lapply(1:22, function(i) c(list(item = as.character(i)), mean_ci(P[, i])))
scores <- sapply(names(dims), function(d) {
  p <- P[, dims[[d]], drop = FALSE]
  ok <- rowSums(!is.na(p)) >= ceiling(length(dims[[d]]) / 2)
  ifelse(ok, rowMeans(p, na.rm = TRUE), NA)
})
dimensions <- lapply(names(dims), function(d) c(list(dimension = d), mean_ci(scores[, d])))
complete <- rowSums(is.na(scores)) == 0
per <- rowMeans(scores[complete, ])
w <- W[complete, ]
wok <- rowSums(is.na(w)) == 0 & rowSums(w < 0, na.rm = TRUE) == 0 & rowSums(w) > 0
wok[is.na(wok)] <- FALSE
ws <- rowSums(scores[complete, ][wok, ] * w[wok, ]) / rowSums(w[wok, ])
overall <- list(unweighted = mean(per), n_unweighted = length(per),
                ci_low = t.test(per)$conf.int[1], ci_high = t.test(per)$conf.int[2],
                weighted = mean(ws), n_weighted = length(ws),
                weighted_ci_low = t.test(ws)$conf.int[1], weighted_ci_high = t.test(ws)$conf.int[2])
writeLines(to_json(list(dimensions = dimensions, items = items, overall = overall)),
           "servperf.json")
