# Reference for `servqual tolerance --weight-column` (review 13, findings 5 and 6): each
# dimension's weighted MSA, MSS and shares below A / above D as R survey::svymean gives them
# (svydesign(ids = ~1, weights = ~w), confint = normal interval), and the position read from
# the weighted MSA and MSS intervals by the rule of the unweighted table
# (core/tolerance.py zone_position: below if the MSA interval is below 0, above if the MSS
# interval is above 0, inside if MSA's is above 0 and MSS's below 0, else unclear).
# Data: toolbox_synth.csv (drawn by toolbox.R), dimensions as tests/data/toolbox.toml.
# Run from this folder: Rscript tolerance_weighted.R  (writes tolerance_weighted.json)
source("json.R")
suppressPackageStartupMessages(library(survey))

d <- read.csv("toolbox_synth.csv")
dims <- list(Reliability = 1:2, Responsiveness = 3:4, Empathy = 5:6)
mat <- function(role) as.matrix(d[, paste0(role, 1:6)])
A <- mat("A"); D <- mat("D"); P <- mat("P")
# a respondent's dimension score: the mean over items with a complete (A, D, P) triple, if at
# least half of the items (rounded up) have one (toolbox.R's dim_mean)
dim_mean <- function(X, ok, it) {
  Y <- X[, it, drop = FALSE]; Y[!ok] <- NA
  keep <- rowSums(ok) >= ceiling(length(it) / 2)
  ifelse(keep, rowMeans(Y, na.rm = TRUE), NA)
}
svy <- function(x, w) {  # as toolbox.R's: the rows with a value, svymean, normal interval
  dd <- data.frame(x = x, w = w)
  dd <- dd[!is.na(dd$x), ]
  des <- svydesign(ids = ~1, weights = ~w, data = dd)
  m <- svymean(~x, des)
  ci <- confint(m)
  list(n = nrow(dd), mean = unname(coef(m)), se = unname(SE(m)), ci_low = ci[1],
       ci_high = ci[2], n_eff = sum(dd$w)^2 / sum(dd$w^2))
}
out <- lapply(names(dims), function(nm) {
  it <- dims[[nm]]
  ok <- !is.na(A[, it, drop = FALSE]) & !is.na(D[, it, drop = FALSE]) & !is.na(P[, it, drop = FALSE])
  a <- dim_mean(A, ok, it); dd <- dim_mean(D, ok, it); p <- dim_mean(P, ok, it)
  msa <- svy(p - a, d$w); mss <- svy(p - dd, d$w)
  below <- svy(ifelse(is.na(p), NA, as.numeric(p < a)), d$w)
  above <- svy(ifelse(is.na(p), NA, as.numeric(p > dd)), d$w)
  position <- if (msa$ci_high < 0) "below" else if (mss$ci_low > 0) "above" else
    if (msa$ci_low > 0 && mss$ci_high < 0) "inside" else "unclear"
  list(dimension = nm, n = msa$n, n_eff = msa$n_eff, msa = msa$mean, msa_se = msa$se,
       msa_ci_low = msa$ci_low, msa_ci_high = msa$ci_high, mss = mss$mean, mss_se = mss$se,
       mss_ci_low = mss$ci_low, mss_ci_high = mss$ci_high, share_below_adequate = below$mean,
       share_above_desired = above$mean, position = position)
})
write_json(out, "tolerance_weighted.json")
