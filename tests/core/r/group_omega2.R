# Reference values for omega^2 across groups (core/effect_sizes.omega_squared_anova, used by
# core/group_gaps): Hays' omega^2 of the ordinary one-way ANOVA,
# (SS_b - (k - 1) MS_w) / (SS_t + MS_w) with df N - k, and its two-sided noncentral-F interval,
# exactly as effectsize::omega_squared(aov(y ~ g)). Beside it Welch's F and
# effectsize::F_to_omega2 on Welch's df2, the formula the code used before, to show why it was
# replaced: with a small group Welch's df2 is small and that omega^2 is far too large.
#
#   Rscript tests/core/r/group_omega2.R    # writes tests/core/r/group_omega2.json
#
# The committed JSON came from R 4.2.2 with effectsize 0.8.3 (versions written into it).

suppressPackageStartupMessages({
  library(effectsize)
  library(jsonlite)
})

get_dir <- function() {
  arg <- grep("^--file=", commandArgs(trailingOnly = FALSE), value = TRUE)
  if (length(arg) == 0L) "." else dirname(normalizePath(sub("^--file=", "", arg)))
}
here <- get_dir()
source(file.path(here, "json.R"))

one_case <- function(name, y, g) {
  g <- factor(g)
  m <- aov(y ~ g)
  tab <- summary(m)[[1]]
  w2 <- omega_squared(m, ci = 0.95, alternative = "two.sided", verbose = FALSE)
  w2_90 <- omega_squared(m, ci = 0.90, alternative = "two.sided", verbose = FALSE)
  welch <- oneway.test(y ~ g)
  welch_w2 <- F_to_omega2(welch$statistic, welch$parameter[1], welch$parameter[2],
                          ci = 0.95, alternative = "two.sided")
  list(name = name, y = I(y), g = I(as.character(g)),
       f = tab[["F value"]][1], df1 = tab[["Df"]][1], df2 = tab[["Df"]][2],
       ss_between = tab[["Sum Sq"]][1], ss_within = tab[["Sum Sq"]][2],
       omega2 = w2$Omega2[1], ci_low = w2$CI_low[1], ci_high = w2$CI_high[1],
       ci_low_90 = w2_90$CI_low[1], ci_high_90 = w2_90$CI_high[1],
       welch_f = unname(welch$statistic), welch_df2 = unname(welch$parameter[2]),
       welch_omega2 = welch_w2$Omega2_partial[1])
}

set.seed(4)
# a small third group far from the others: Welch's F is large on df2 ~ 27, the ANOVA's is not
small_y <- round(c(rnorm(40, 0, 1), rnorm(35, 0.3, 1.2), rnorm(3, 1.5, 0.3)), 2)
small_g <- rep(c("a", "b", "c"), c(40, 35, 3))
# four groups with a clear difference
clear_y <- round(c(rnorm(30, 0, 1), rnorm(25, 0.8, 1), rnorm(20, 0.2, 1.5), rnorm(12, 1.2, 0.7)), 2)
clear_g <- rep(c("a", "b", "c", "d"), c(30, 25, 20, 12))
# no difference: F < 1, so the estimate is below 0; effectsize reports it (and its CI) as 0
null_y <- round(c(rnorm(15, 0, 1), rnorm(15, 0, 1)), 2)
null_g <- rep(c("a", "b"), c(15, 15))

# the Welch groups A, B, C of stats12.json (test_group_gaps.py runs the analysis on all five)
s12 <- fromJSON(file.path(here, "stats12.json"))$groups$values
s12_y <- c(s12$A, s12$B, s12$C)
s12_g <- rep(c("A", "B", "C"), c(length(s12$A), length(s12$B), length(s12$C)))

out <- list(
  r_version = paste(R.version$major, R.version$minor, sep = "."),
  effectsize_version = as.character(packageVersion("effectsize")),
  cases = list(one_case("small_group", small_y, small_g),
               one_case("clear", clear_y, clear_g),
               one_case("null", null_y, null_g),
               one_case("stats12_welch_groups", s12_y, s12_g))
)
writeLines(to_json(out), file.path(here, "group_omega2.json"))
