# The IPA of the Karlstad report (review 10a, finding 8: its figure data now carry what Tabell 5
# shows): per dimension the mean importance points (each respondent's W1..W5 rescaled to sum to
# 100; rows with a missing or negative weight, or all zero, left out) and the mean perception
# (a respondent's P score needs at least half of the dimension's P items), each with its n and
# t.test 95 % interval, on the sample CSV read in base R (tests/core/r/sample_survey.R).
# Run from the repository root: Rscript tests/report/r/ipa_karlstad.R > tests/report/r/ipa_karlstad.json
here <- "tests/core/r"
source(file.path(here, "sample_survey.R"))
W <- sapply(1:5, function(i) suppressWarnings(as.numeric(sub(",", ".", trimws(raw[[paste0("W", i)]]),
                                                            fixed = TRUE))))
ok <- rowSums(is.na(W)) == 0 & rowSums(W < 0) == 0 & rowSums(W) > 0
shares <- W[ok, ] / rowSums(W[ok, ]) * 100
out <- lapply(seq_along(dims), function(j) {
  it <- dims[[j]]
  m <- P[, it, drop = FALSE]
  k <- rowSums(!is.na(m))
  sp <- rowMeans(m, na.rm = TRUE)
  sp <- sp[k >= ceiling(length(it) / 2)]
  ti <- t.test(shares[, j])
  tp <- t.test(sp)
  sprintf(paste0('  {"dimension": "%s", "n_importance": %d, "importance": %.12g, ',
                 '"importance_low": %.12g, "importance_high": %.12g, "n_performance": %d, ',
                 '"performance": %.12g, "performance_low": %.12g, "performance_high": %.12g}'),
          names(dims)[j], nrow(shares), mean(shares[, j]), ti$conf.int[1], ti$conf.int[2],
          length(sp), mean(sp), tp$conf.int[1], tp$conf.int[2])
})
cat("[\n", paste(unlist(out), collapse = ",\n"), "\n]\n", sep = "")
