# Writes the two datasets shared by the R reference scripts and the Python tests.
# Run once from this directory:  Rscript reliability_data.R
#   bfi.csv             psych::bfi (2,800 respondents, 25 items + gender/education/age; real NAs;
#                       A1, C4, C5, E1, E2, O2, O5 reverse-keyed and left unreversed here)
#   servqual_synth.csv  synthetic SERVQUAL perceptions P1-P22 (300 respondents, 5 correlated
#                       factors Tangibles 1-4, Reliability 5-9, Responsiveness 10-13,
#                       Assurance 14-17, Empathy 18-22; 1-7 Likert; about 2% NA)
suppressPackageStartupMessages(library(psych))

write.csv(psych::bfi, "bfi.csv", row.names = FALSE, na = "")

set.seed(20240611)
n <- 300
dims <- rep(1:5, times = c(4, 5, 4, 4, 5))
phi <- matrix(0.55, 5, 5)
diag(phi) <- 1
eta <- matrix(rnorm(n * 5), n, 5) %*% chol(phi)
lambda <- round(runif(22, 0.55, 0.85), 2)
latent <- eta[, dims] * rep(lambda, each = n) +
  matrix(rnorm(n * 22), n, 22) * rep(sqrt(1 - lambda^2), each = n)
# Skewed thresholds like real perception scores (most answers 4-6).
cuts <- c(-Inf, -2.0, -1.4, -0.7, 0.1, 0.9, 1.7, Inf)
likert <- matrix(as.integer(cut(latent + 0.3, cuts)), n, 22)
likert[matrix(runif(n * 22) < 0.02, n, 22)] <- NA
colnames(likert) <- paste0("P", 1:22)
write.csv(as.data.frame(likert), "servqual_synth.csv", row.names = FALSE, na = "")
