# Survey-weighted dimension gaps, perceptions and total of data/samples/karlstad_servqual_2025.xlsx
# (weight column Vikt), as R survey::svymean: the reference for the report's [survey]
# weight_column (cards, Tabell 1, the weighted table). Dimension scores need at least half their
# items (servqual's default min_items); "Vet ej" and blanks are missing.
# Run from the repository root: Rscript tests/report/r/weighted_report.R
suppressPackageStartupMessages({library(readxl); library(survey); library(jsonlite)})
x <- as.data.frame(read_excel("data/samples/karlstad_servqual_2025.xlsx", sheet = "Enkät"))
num <- function(v) suppressWarnings(as.numeric(v))
dims <- list(Tangibles = 1:4, Reliability = 5:9, Responsiveness = 10:13, Assurance = 14:17,
             Empathy = 18:22)
E <- sapply(1:22, function(i) num(x[[paste0("E", i)]]))
P <- sapply(1:22, function(i) num(x[[paste0("P", i)]]))
G <- P - E
score <- function(M) sapply(names(dims), function(nm) {
  it <- dims[[nm]]; m <- M[, it, drop = FALSE]; k <- rowSums(!is.na(m))
  s <- rowMeans(m, na.rm = TRUE); s[k < ceiling(length(it) / 2)] <- NA; s })
D <- score(G)
S <- score(P)  # SERVPERF: every perception answer, with or without its expectation
colnames(S) <- paste0(colnames(S), "_P")
ok <- complete.cases(D)
dd <- data.frame(D, S, ov = ifelse(ok, rowMeans(D), NA), w = num(x$Vikt))
des <- svydesign(ids = ~1, weights = ~w, data = dd)
out <- list()
for (nm in c(names(dims), paste0(names(dims), "_P"), "ov")) {
  m <- svymean(as.formula(paste0("~", nm)), des, na.rm = TRUE)
  ci <- confint(m)
  out[[nm]] <- list(mean = unname(coef(m)), se = unname(SE(m)), lo = ci[1], hi = ci[2])
}
out$n_eff <- sum(dd$w)^2 / sum(dd$w^2)
write_json(out, "tests/report/r/weighted_report.json", auto_unbox = TRUE, digits = NA,
           pretty = TRUE)
