# Figur 1 of a weighted report (session 11, f-fig): the survey-weighted mean expectation and
# perception per dimension over the respondents with both E and P (each item's pair; a dimension
# score needs at least half its items, servqual's default min_items), as R survey::svymean, on
# data/samples/karlstad_servqual_2025.xlsx weighted by Vikt. Their difference is the weighted gap
# of tests/report/r/weighted_report.json.
# Run from the repository root: Rscript tests/report/r/weighted_figure.R
suppressPackageStartupMessages({library(readxl); library(survey); library(jsonlite)})
x <- as.data.frame(read_excel("data/samples/karlstad_servqual_2025.xlsx", sheet = "Enkät"))
num <- function(v) suppressWarnings(as.numeric(v))
dims <- list(Tangibles = 1:4, Reliability = 5:9, Responsiveness = 10:13, Assurance = 14:17,
             Empathy = 18:22)
E <- sapply(1:22, function(i) num(x[[paste0("E", i)]]))
P <- sapply(1:22, function(i) num(x[[paste0("P", i)]]))
pair <- !is.na(E) & !is.na(P)
E[!pair] <- NA
P[!pair] <- NA
score <- function(M) sapply(names(dims), function(nm) {
  it <- dims[[nm]]; m <- M[, it, drop = FALSE]; k <- rowSums(!is.na(m))
  s <- rowMeans(m, na.rm = TRUE); s[k < ceiling(length(it) / 2)] <- NA; s })
SE_ <- score(E); colnames(SE_) <- paste0(colnames(SE_), "_E")
SP <- score(P); colnames(SP) <- paste0(colnames(SP), "_P")
dd <- data.frame(SE_, SP, w = num(x$Vikt))
des <- svydesign(ids = ~1, weights = ~w, data = dd)
out <- list()
for (nm in c(colnames(SE_), colnames(SP))) {
  m <- svymean(as.formula(paste0("~", nm)), des, na.rm = TRUE)
  out[[nm]] <- list(mean = unname(coef(m)), n = sum(!is.na(dd[[nm]])))
}
write_json(out, "tests/report/r/weighted_figure.json", auto_unbox = TRUE, digits = NA,
           pretty = TRUE)
