# Reference values for issue #12's validity and omega defects (src/servqual_cli/core/scales.py,
# reliability.py, cfa.py):
#   - listwise: KMO and Bartlett from the complete rows' correlation matrix and their n;
#   - pairwise: a correlation matrix that is not positive definite (R's eigen() says so);
#   - one-factor omega in a Heywood case: factanal's bounded ML (lower = 0.005) vs lavaan's
#     unbounded solution with its negative residual variance;
#   - whole-scale omega of a 2-factor instrument: semTools::compRelSEM(return.total = TRUE).
#
#   Rscript tests/core/r/validity12.R      # writes tests/core/r/validity12.json
#
# Packages: psych, lavaan, semTools, MASS (versions stored in the JSON).
suppressPackageStartupMessages({
  library(psych); library(lavaan); library(semTools); library(MASS)
})
get_dir <- function() {
  arg <- grep("^--file=", commandArgs(trailingOnly = FALSE), value = TRUE)
  if (length(arg) == 0L) "." else dirname(normalizePath(sub("^--file=", "", arg)))
}
here <- get_dir()
source(file.path(here, "json.R"))
set.seed(12122026)
out <- list(r_version = R.version.string,
            versions = list(psych = as.character(packageVersion("psych")),
                            lavaan = as.character(packageVersion("lavaan")),
                            semTools = as.character(packageVersion("semTools"))))

# ---- two factors, 3 + 3 Likert items, 25 % of cells missing ---------------------------------
n <- 160
f <- mvrnorm(n, c(0, 0), matrix(c(1, 0.5, 0.5, 1), 2))
x <- cbind(f[, 1] + rnorm(n, 0, 0.8), f[, 1] + rnorm(n, 0, 0.9), f[, 1] + rnorm(n, 0, 1),
           f[, 2] + rnorm(n, 0, 0.7), f[, 2] + rnorm(n, 0, 0.9), f[, 2] + rnorm(n, 0, 1.1))
x <- pmin(pmax(round(4 + 1.2 * x), 1), 7)
colnames(x) <- paste0("E", 1:6)
full <- x
x[matrix(runif(length(x)) < 0.06, nrow(x))] <- NA   # ~30 % of rows lose something
cc <- na.omit(x)
r_list <- cor(cc)
out$missing <- list(
  x = lapply(seq_len(ncol(x)), function(j) x[, j]),
  n_complete = nrow(cc),
  kmo_listwise = KMO(r_list)$MSA,
  bartlett_listwise = cortest.bartlett(r_list, n = nrow(cc))$chisq,
  kmo_pairwise = KMO(cor(x, use = "pairwise"))$MSA
)
# whole-scale omega from the 2-factor CFA on the complete rows (lavaan's listwise default)
fit2 <- cfa("A =~ E1 + E2 + E3\nB =~ E4 + E5 + E6", data = as.data.frame(cc))
rel <- compRelSEM(fit2, return.total = TRUE)
out$missing$omega_cfa_total <- unname(rel["total"])
out$missing$omega_cfa_factors <- unname(rel[c("A", "B")])

# ---- pairwise correlations that no data set could have ----------------------------------------
# x1, x2 agree on rows 1-40, x2, x3 on rows 41-80 and x1, x3 disagree on rows 81-120.
z <- rnorm(120)
np <- matrix(NA_real_, 120, 3)
np[1:40, 1] <- z[1:40]; np[1:40, 2] <- z[1:40] + rnorm(40, 0, 0.3)
np[41:80, 2] <- z[41:80]; np[41:80, 3] <- z[41:80] + rnorm(40, 0, 0.3)
np[81:120, 1] <- z[81:120]; np[81:120, 3] <- -z[81:120] + rnorm(40, 0, 0.3)
np <- round(np, 3)
rp <- cor(np, use = "pairwise")
out$indefinite <- list(x = lapply(1:3, function(j) np[, j]),
                       min_eigen = min(eigen(rp, only.values = TRUE)$values))

# ---- Heywood case in a one-factor model ----------------------------------------------------------
# r12 r13 / r23 = 0.8 * 0.7 / 0.4 = 1.4 > 1: the first loading^2 exceeds 1 without a bound.
sig <- matrix(c(1, 0.8, 0.7, 0.8, 1, 0.4, 0.7, 0.4, 1), 3)
h <- round(mvrnorm(200, c(0, 0, 0), sig, empirical = TRUE), 3)
colnames(h) <- c("P1", "P2", "P3")
s <- cov(h)
fa1 <- factanal(covmat = s, factors = 1, n.obs = nrow(h), lower = 0.005)
sd <- sqrt(diag(s))
lam <- as.numeric(fa1$loadings) * sd
psi <- fa1$uniquenesses * sd^2
lv <- cfa("f =~ P1 + P2 + P3", sample.cov = s, sample.nobs = nrow(h), std.lv = TRUE,
          likelihood = "wishart")
pe <- parameterEstimates(lv)
lv_lam <- pe$est[pe$op == "=~"]
lv_theta <- pe$est[pe$op == "~~" & pe$lhs == pe$rhs & pe$lhs != "f"]
out$heywood <- list(
  x = lapply(1:3, function(j) h[, j]),
  uniqueness = unname(fa1$uniquenesses),
  omega_bounded = sum(lam)^2 / (sum(lam)^2 + sum(psi)),
  lavaan_theta = lv_theta,
  omega_lavaan = sum(lv_lam)^2 / (sum(lv_lam)^2 + sum(lv_theta))
)

writeLines(to_json(out), file.path(here, "validity12.json"))
