# Reference values for the weighted paired comparison of the dimension gaps
# (core/weighted_pairs.py; tests/core/test_weighted_pairs.py; review 13, finding 19).
# Computed with the R package survey, independently of servqual:
#   - the 2025 sample data/samples/karlstad_servqual_2025.xlsx read as weighted_tests.R
#     (cells not numbers 1..7 missing, "Instämmer helt" = 7; dimension gap = mean of the item
#     gaps with both, if >= ceiling(k/2) items have them);
#   - the respondents with every dimension gap valid and a weight (the unweighted comparison's
#     complete cases), design svydesign(ids = ~1, weights = ~Vikt) of those rows;
#   - per pair (a, b) in combn order: svymean(~I(a - b)) for the difference and its SE,
#     svyttest(I(a - b) ~ 0) for t, df, p and CI; p.adjust(method = "holm") across the pairs;
#   - for contrast, the unweighted paired t (t.test(a - b)) with Holm: the pair
#     Responsiveness–Empathy is told apart weighted (Holm p 0.036) and not unweighted (0.070).
# Run from this folder: Rscript weighted_pairs.R  (writes weighted_pairs.json)
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
dims <- list(Tangibles = 1:4, Reliability = 5:9, Responsiveness = 10:13, Assurance = 14:17,
             Empathy = 18:22)
G <- P - E
gaps <- sapply(names(dims), function(d) {
  it <- dims[[d]]
  g <- G[, it, drop = FALSE]
  ifelse(rowSums(!is.na(g)) >= ceiling(length(it) / 2), rowMeans(g, na.rm = TRUE), NA)
})

pairs_of <- function(gaps, w) {
  ok <- complete.cases(gaps) & !is.na(w)
  d <- data.frame(gaps[ok, , drop = FALSE], w = w[ok])
  nm <- colnames(gaps)
  idx <- combn(length(nm), 2)
  out <- lapply(seq_len(ncol(idx)), function(k) {
    a <- nm[idx[1, k]]; b <- nm[idx[2, k]]
    d$dd <- d[[a]] - d[[b]]
    des <- svydesign(ids = ~1, weights = ~w, data = d)
    m <- svymean(~dd, des)
    tt <- svyttest(dd ~ 0, des)
    u <- t.test(gaps[complete.cases(gaps), a] - gaps[complete.cases(gaps), b])
    list(a = a, b = b, n = nrow(d), diff = unname(coef(m)), se = unname(SE(m)),
         t = unname(tt$statistic), df = unname(tt$parameter), p = tt$p.value,
         ci_low = tt$conf.int[1], ci_high = tt$conf.int[2], p_unweighted = u$p.value)
  })
  holm <- p.adjust(sapply(out, `[[`, "p"), "holm")
  holm_u <- p.adjust(sapply(out, `[[`, "p_unweighted"), "holm")
  for (k in seq_along(out)) {
    out[[k]]$p_holm <- holm[k]
    out[[k]]$p_holm_unweighted <- holm_u[k]
  }
  out
}
sample <- pairs_of(gaps, w)

# a small synthetic case: a respondent with a missing gap, one without a weight, unequal weights
sg <- cbind(A = c(-1, -0.5, -1, 0, -1, -1, 0.5, -2, -1.5, 0),
            B = c(-2, -1.5, -1, -2, -2.5, NA, -1, -1, -0.5, -3),
            C = c(0, 0, 0.5, 0, 1, 0, -0.5, 1, 0, 0.5))
sw <- c(1, 2, 0.5, 3, 1, 1, NA, 2.5, 1.5, 1)
synthetic <- pairs_of(sg, sw)  # sg and sw are repeated in the Python test

writeLines(to_json(list(sample = sample, synthetic = synthetic)), "weighted_pairs.json")
