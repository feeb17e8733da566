# Reference values for tests/core/test_factor.py (psych 2.2.9, GPArotation 2022.10-2,
# lavaan 0.6.14, R 4.2.2). Run from this directory after reliability_data.R:
#   Rscript factor.R
# Writes factor_expected.json. The Python tests read the JSON; they never call R.
suppressPackageStartupMessages({
  library(psych)
  library(GPArotation)
  library(lavaan)
  library(jsonlite)
})

bfi <- read.csv("bfi.csv")[, 1:25]
synth <- read.csv("servqual_synth.csv")
data_sets <- list(bfi = bfi, synth = synth)

mat <- function(m) unname(lapply(seq_len(nrow(m)), function(i) I(unname(m[i, ]))))

expected <- list(corr = list(), kmo = list(), bartlett = list(), efa = list(), cfa = list())

for (name in names(data_sets)) {
  x <- data_sets[[name]]
  r <- cor(x, use = "pairwise")
  expected$corr[[name]] <- mat(r)
  k <- KMO(r)
  expected$kmo[[name]] <- list(msa = k$MSA, msa_items = unname(k$MSAi))
  b <- cortest.bartlett(r, n = nrow(x))
  expected$bartlett[[name]] <- list(n = nrow(x), chi2 = b$chisq, df = b$df, p = b$p.value)
}

efa_cases <- list(
  list(data = "bfi", n = 5, fm = "minres", rotate = "oblimin"),
  list(data = "bfi", n = 5, fm = "minres", rotate = "varimax"),
  list(data = "bfi", n = 5, fm = "ml", rotate = "varimax"),
  list(data = "bfi", n = 5, fm = "ml", rotate = "oblimin"),
  list(data = "bfi", n = 3, fm = "minres", rotate = "none"),
  list(data = "bfi", n = 1, fm = "ml", rotate = "none"),
  list(data = "synth", n = 5, fm = "minres", rotate = "oblimin"),
  list(data = "synth", n = 5, fm = "ml", rotate = "varimax")
)
for (cs in efa_cases) {
  f <- fa(data_sets[[cs$data]], nfactors = cs$n, fm = cs$fm, rotate = cs$rotate)
  key <- paste(cs$data, cs$n, cs$fm, cs$rotate, sep = "/")
  out <- list(
    loadings = mat(unclass(f$loadings)),
    communality = unname(f$communality),
    uniqueness = unname(f$uniquenesses)
  )
  if (!is.null(f$Phi)) out$phi <- mat(f$Phi)
  expected$efa[[key]] <- out
}

cfa_cases <- list(
  # A and C items as in bfi (A1, C4, C5 unreversed; reversing them leaves chi² unchanged).
  # The issue quotes chisq 410.925 with df 34 for an unnamed bfi model; no pair of bfi scales
  # reproduces it with lavaan 0.6.14 (A+C 503.34, A+O 404.55, ...), so these values are ours.
  bfi_AC = list(data = "bfi", model = list(
    agree = paste0("A", 1:5), consc = paste0("C", 1:5)
  )),
  bfi_big5 = list(data = "bfi", model = list(
    agree = paste0("A", 1:5), consc = paste0("C", 1:5), extra = paste0("E", 1:5),
    neuro = paste0("N", 1:5), open = paste0("O", 1:5)
  )),
  synth_servqual = list(data = "synth", model = list(
    tangibles = paste0("P", 1:4), reliability = paste0("P", 5:9),
    responsiveness = paste0("P", 10:13), assurance = paste0("P", 14:17),
    empathy = paste0("P", 18:22)
  ))
)
measures <- c(
  "chisq", "df", "pvalue", "cfi", "tli", "rmsea", "rmsea.ci.lower", "rmsea.ci.upper", "srmr",
  "baseline.chisq", "baseline.df", "ntotal"
)
for (name in names(cfa_cases)) {
  cs <- cfa_cases[[name]]
  syntax <- paste(names(cs$model), "=~", sapply(cs$model, paste, collapse = " + "),
    collapse = "\n"
  )
  fit <- cfa(syntax, data = data_sets[[cs$data]]) # lavaan defaults: marker, listwise, ML
  fm <- fitMeasures(fit, measures)
  std <- standardizedSolution(fit)
  load <- std[std$op == "=~", ]
  fcor <- std[std$op == "~~" & std$lhs != std$rhs, ]
  # Composite reliability and AVE from the standardized loadings (Fornell & Larcker 1981).
  cr <- sapply(names(cs$model), function(f) {
    l <- load$est.std[load$lhs == f]
    sum(l)^2 / (sum(l)^2 + sum(1 - l^2))
  })
  ave <- sapply(names(cs$model), function(f) mean(load$est.std[load$lhs == f]^2))
  expected$cfa[[name]] <- list(
    model = cs$model,
    fit = as.list(unclass(fm)),
    loading_factor = load$lhs, loading_item = load$rhs, std_loading = load$est.std,
    cor_lhs = I(fcor$lhs), cor_rhs = I(fcor$rhs), cor = I(fcor$est.std),
    composite_reliability = unname(cr), ave = unname(ave)
  )
}

expected$versions <- list(
  R = R.version.string,
  psych = as.character(packageVersion("psych")),
  GPArotation = as.character(packageVersion("GPArotation")),
  lavaan = as.character(packageVersion("lavaan"))
)
write_json(expected, "factor_expected.json", digits = NA, auto_unbox = TRUE, pretty = TRUE)
