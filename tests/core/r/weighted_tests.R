# Reference values for the design-based tests of weighted dimension gaps
# (servqual gap --weight-column; core/weighted_tests.py; tests/core/test_weighted_tests.py).
# Computed with the R package survey, independently of servqual:
#   - the 2025 sample data/samples/karlstad_servqual_2025.xlsx read with readxl; cells that are
#     not numbers 1..7 are missing (as sample_survey.R, "Instämmer helt" = 7);
#   - dimension gap = mean of the item gaps P − E with both, if >= ceiling(k/2) items have them;
#   - design svydesign(ids = ~1, weights = ~Vikt) of the respondents with a gap in the
#     dimension (rows without one dropped first, as toolbox.R; not a subset() domain, whose
#     variance would count every row of the file); svymean for mean and SE, svyttest(g ~ 0) for t, df, p and CI;
#     p.adjust(method = "holm") across the five dimensions;
#   - a small synthetic case with missing gaps and unequal weights (synthetic);
#   - the --overall regression's F (regression), for its APA line.
# Run from this folder: Rscript weighted_tests.R  (writes weighted_tests.json)
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

one <- function(g, w) {
  d <- data.frame(g = g, w = w)
  d <- d[!is.na(d$g), ]  # the design of the respondents with a gap (as toolbox.R's svy())
  des <- svydesign(ids = ~1, weights = ~w, data = d)
  m <- svymean(~g, des)
  tt <- svyttest(g ~ 0, des)
  list(n = sum(!is.na(g)), mean = unname(coef(m)), se = unname(SE(m)),
       t = unname(tt$statistic), df = unname(tt$parameter), p = tt$p.value,
       ci_low = tt$conf.int[1], ci_high = tt$conf.int[2],
       n_eff = sum(w[!is.na(g)])^2 / sum(w[!is.na(g)]^2))
}
sample <- lapply(names(dims), function(d) {
  it <- dims[[d]]
  g <- G[, it, drop = FALSE]
  ok <- rowSums(!is.na(g)) >= ceiling(length(it) / 2)
  c(list(dimension = d), one(ifelse(ok, rowMeans(g, na.rm = TRUE), NA), w))
})
holm <- p.adjust(sapply(sample, `[[`, "p"), "holm")
for (i in seq_along(sample)) sample[[i]]$p_adjusted <- holm[i]

synthetic_g <- c(-1, -2, 0.5, -0.5, NA, 1.5, -0.25, -3, 0, 2)
synthetic_w <- c(1, 2, 1, 3, 1, 0.5, 2.5, 1, 4, 1.5)
synthetic <- c(list(g = synthetic_g, w = synthetic_w), one(synthetic_g, synthetic_w))

# The --overall regression's F test (APA line): lm(Helhetsbetyg ~ the five dimension gaps),
# complete cases, as summary(lm)$fstatistic.
gaps <- sapply(names(dims), function(d) {
  it <- dims[[d]]
  g <- G[, it, drop = FALSE]
  ifelse(rowSums(!is.na(g)) >= ceiling(length(it) / 2), rowMeans(g, na.rm = TRUE), NA)
})
y <- suppressWarnings(as.numeric(sub(",", ".", raw[["Helhetsbetyg"]], fixed = TRUE)))
fit <- summary(lm(y ~ gaps))
fs <- fit$fstatistic
regression <- list(n = length(fit$residuals), r2 = fit$r.squared, f = unname(fs["value"]),
                   df1 = unname(fs["numdf"]), df2 = unname(fs["dendf"]),
                   p = unname(pf(fs["value"], fs["numdf"], fs["dendf"], lower.tail = FALSE)))

writeLines(to_json(list(sample = sample, synthetic = synthetic, regression = regression)),
           "weighted_tests.json")
