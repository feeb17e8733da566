# Reference values for the collinearity checks of derived importance (tests/core/
# test_importance_vif.py; review 13, finding 1): car::vif on the lm of the overall item on the
# dimension gaps, the zero-order correlations cor(x_j, y), b and its confint, on
#   - ../../data/importance_collinear.csv (4 dimensions x 4 items, gaps correlated 0.89-0.93), and
#   - toolbox_synth.csv (the toolbox sample, 3 dimensions; dimension scores as in toolbox.R).
# Run from this folder: Rscript importance_vif.R  (writes importance_vif.json)
# car 3.1.1 (Debian r-cran-car 3.1-1), R 4.2.2.
source("json.R")
suppressPackageStartupMessages(library(car))

reference <- function(X, y) {
  ok <- complete.cases(X) & !is.na(y)
  X <- X[ok, , drop = FALSE]; y <- y[ok]
  fit <- lm(y ~ ., data = data.frame(y = y, X))
  ci <- confint(fit)
  list(n = sum(ok), dimensions = I(colnames(X)), vif = I(unname(car::vif(fit))),
       r_overall = I(as.numeric(cor(X, y))), b = I(unname(coef(fit)[-1])),
       ci_low = I(unname(ci[-1, 1])), ci_high = I(unname(ci[-1, 2])),
       beta = I(unname(coef(fit)[-1] * apply(X, 2, sd) / sd(y))))
}
gap_scores <- function(d, dims, e, p) {
  G <- as.matrix(d[, paste0(p, unlist(dims))]) - as.matrix(d[, paste0(e, unlist(dims))])
  colnames(G) <- unlist(dims)
  sapply(dims, function(it) {  # mean over the valid items, if at least half of them are valid
    g <- G[, as.character(it), drop = FALSE]
    ok <- !is.na(g)
    ifelse(rowSums(ok) >= ceiling(length(it) / 2), rowMeans(g, na.rm = TRUE), NA)
  })
}

col <- read.csv("../../data/importance_collinear.csv")
col_dims <- list(`Tillgänglighet` = 1:4, `Bemötande` = 5:8, Information = 9:12, Resultat = 13:16)
syn <- read.csv("toolbox_synth.csv")
syn_dims <- list(Reliability = 1:2, Responsiveness = 3:4, Empathy = 5:6)
write_json(list(
  collinear = reference(gap_scores(col, col_dims, "F", "U"), col$Helhet),
  toolbox = reference(gap_scores(syn, syn_dims, "E", "P"), syn$overall)
), "importance_vif.json")
