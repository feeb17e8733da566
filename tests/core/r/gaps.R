# Reference values for servqual's gap analysis (tests/core/test_gaps.py), computed in base R
# from the sample survey data/samples/karlstad_servqual.csv, cleaned here independently:
#   - cells that are not numbers 1..7 are missing, except the label "Instämmer helt" (= 7);
#   - dimension score = mean of the item gaps with both E and P, if >= ceiling(k/2) items have them;
#   - gap scores rounded to 10 decimals before wilcox.test (ties must stay ties).
# Run from this folder: Rscript gaps.R  (writes gaps.json)
source("json.R")

source("sample_survey.R")  # raw, to_score(), E, P, dims
W <- sapply(1:5, function(i) suppressWarnings(as.numeric(sub(",", ".", raw[[paste0("W", i)]]))))
service <- raw[["Tjänst"]]
G <- P - E

paired <- function(g, e, p) {
  ok <- !is.na(g)
  tt <- t.test(g[ok])
  wt <- suppressWarnings(wilcox.test(round(g[ok], 10)))
  list(n = sum(ok), expectation = mean(e[ok]), perception = mean(p[ok]), gap = mean(g[ok]),
       gap_sd = sd(g[ok]), ci_low = tt$conf.int[1], ci_high = tt$conf.int[2],
       t = unname(tt$statistic), p_t = tt$p.value, p_wilcoxon = wt$p.value,
       dz = mean(g[ok]) / sd(g[ok]))
}

dimension_scores <- function(rows) {
  out <- list()
  for (d in names(dims)) {
    items <- dims[[d]]
    g <- G[rows, items, drop = FALSE]
    cnt <- rowSums(!is.na(g))
    okd <- cnt >= ceiling(length(items) / 2)
    e <- E[rows, items, drop = FALSE]; p <- P[rows, items, drop = FALSE]
    e[is.na(g)] <- NA; p[is.na(g)] <- NA
    out[[d]] <- list(g = ifelse(okd, rowMeans(g, na.rm = TRUE), NA),
                     e = ifelse(okd, rowMeans(e, na.rm = TRUE), NA),
                     p = ifelse(okd, rowMeans(p, na.rm = TRUE), NA))
  }
  out
}

analyse <- function(rows) {
  sc <- dimension_scores(rows)
  dim_res <- lapply(names(dims), function(d) c(list(dimension = d), paired(sc[[d]]$g, sc[[d]]$e, sc[[d]]$p)))
  p_holm <- p.adjust(sapply(dim_res, function(r) r$p_t), "holm")
  for (i in seq_along(dim_res)) dim_res[[i]]$p_holm <- p_holm[i]
  # SERVPERF (Cronin & Taylor 1992): mean P over the dimension's items with P answered, for
  # respondents with at least half of those items, whatever their E answers.
  for (i in seq_along(dim_res)) {
    items <- dims[[i]]
    p <- P[rows, items, drop = FALSE]
    okp <- rowSums(!is.na(p)) >= ceiling(length(items) / 2)
    sp <- rowMeans(p, na.rm = TRUE)[okp]
    dim_res[[i]]$servperf <- mean(sp)
    dim_res[[i]]$n_servperf <- length(sp)
  }
  item_res <- lapply(1:22, function(i) c(list(item = as.character(i)), paired(G[rows, i], E[rows, i], P[rows, i])))
  ip <- p.adjust(sapply(item_res, function(r) r$p_t), "holm")
  for (i in seq_along(item_res)) item_res[[i]]$p_holm <- ip[i]
  gm <- sapply(sc, function(s) s$g)
  complete <- rowSums(is.na(gm)) == 0
  per <- rowMeans(gm[complete, , drop = FALSE])
  w <- W[rows, , drop = FALSE][complete, , drop = FALSE]
  wok <- rowSums(is.na(w)) == 0 & rowSums(w < 0, na.rm = TRUE) == 0 & rowSums(w) > 0
  wok[is.na(wok)] <- FALSE
  ws <- rowSums(gm[complete, , drop = FALSE][wok, , drop = FALSE] * w[wok, , drop = FALSE]) / rowSums(w[wok, , drop = FALSE])
  list(dimensions = dim_res, items = item_res,
       overall = list(unweighted = mean(per), n_unweighted = length(per),
                      ci_low = t.test(per)$conf.int[1], ci_high = t.test(per)$conf.int[2],
                      weighted = mean(ws), n_weighted = length(ws),
                      weighted_ci_low = t.test(ws)$conf.int[1], weighted_ci_high = t.test(ws)$conf.int[2]))
}

all_rows <- rep(TRUE, nrow(raw))
res <- analyse(all_rows)

# Across services: Welch ANOVA and Kruskal-Wallis on each dimension gap.
sc <- dimension_scores(all_rows)
group_tests <- lapply(names(dims), function(d) {
  g <- sc[[d]]$g; ok <- !is.na(g)
  ow <- oneway.test(g[ok] ~ factor(service[ok]), var.equal = FALSE)
  kw <- kruskal.test(g[ok] ~ factor(service[ok]))
  list(dimension = d, welch_f = unname(ow$statistic), welch_df1 = unname(ow$parameter[1]),
       welch_df2 = unname(ow$parameter[2]), welch_p = ow$p.value,
       kruskal_h = unname(kw$statistic), kruskal_p = kw$p.value)
})
groups <- list()
for (s in sort(unique(service))) groups[[s]] <- analyse(service == s)
res$group_tests <- group_tests
res$groups <- groups
writeLines(to_json(res), "gaps.json")
