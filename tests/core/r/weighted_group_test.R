# Reference values for the design-based test of whether the groups' weighted dimension gaps
# differ (core/weighted_group_test.py; tests/core/test_weighted_group_test.py).
# Computed with the R package survey (4.1-1, Debian r-cran-survey), independently of servqual:
#   - the 2025 sample data/samples/karlstad_servqual_2025.xlsx read with readxl as
#     weighted_group_gaps.R (cells not numbers 1..7 missing, "Instämmer helt" = 7), weighted by
#     Vikt, grouped by Kön (2 groups), Åldersgrupp (4) and Tjänst;
#   - dimension gap = mean of the item gaps P − E with both, if >= ceiling(k/2) items have them;
#   - per dimension the design svydesign(ids = ~1, weights = ~w) of the respondents with a gap;
#     the groups that take part: at least 2 gaps and some variance (as Welch's ANOVA);
#     m <- svyglm(g ~ grp, subset(design, grp %in% eligible)); regTermTest(m, ~grp) (Wald F,
#     df1 = groups − 1, df2 = m$df.residual = n − groups); p.adjust(method = "holm") over the
#     dimensions;
#   - a small synthetic case with a respondent without a group, a group of one and a group with
#     no variance (both left out), unequal weights;
#   - tests/data/weighted_groups_small.csv (made once with numpy, seed 20261207: 31 respondents,
#     Enhet Norr 13, Söder 12, Väster 1, Öster 3, two without a group; Vikt with decimal comma;
#     three blank cells), the CLI test's file: the Wald test per dimension and, for the
#     per-group table, each group's svyby mean and SE (the domain of the dimension's design).
# Run from this folder: Rscript weighted_group_test.R  (writes weighted_group_test.json)
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

wald <- function(g, w, grp) {
  d <- data.frame(g = g, w = w, grp = grp)
  d <- d[!is.na(d$g), ]  # the dimension's design: the respondents with a gap
  des <- svydesign(ids = ~1, weights = ~w, data = d)
  ok <- !is.na(d$grp)
  sizes <- tapply(d$g[ok], d$grp[ok], length)
  spread <- tapply(d$g[ok], d$grp[ok], function(x) diff(range(x)))
  eligible <- sort(names(sizes)[sizes >= 2 & spread > 0])
  if (length(eligible) < 2) {
    return(list(groups = I(eligible), f = NaN, df1 = NaN, df2 = NaN, p = NaN, n = 0))
  }
  m <- svyglm(g ~ grp, subset(des, grp %in% eligible))
  rt <- regTermTest(m, ~grp)
  list(groups = I(eligible), f = unname(rt$Ftest[1, 1]), df1 = unname(rt$df),
       df2 = unname(rt$ddf), p = unname(rt$p[1, 1]), n = sum(d$grp %in% eligible))
}

sample <- list()
for (by in c("Kön", "Åldersgrupp", "Tjänst")) {
  grp <- trimws(raw[[by]])
  grp[grp == ""] <- NA
  rows <- list()
  for (name in names(dims)) {
    g <- G[, dims[[name]], drop = FALSE]
    ok <- rowSums(!is.na(g)) >= ceiling(length(dims[[name]]) / 2)
    rows[[name]] <- c(list(dimension = name),
                      wald(ifelse(ok, rowMeans(g, na.rm = TRUE), NA), w, grp))
  }
  holm <- p.adjust(sapply(rows, `[[`, "p"), "holm")
  for (i in seq_along(rows)) rows[[i]]$p_adjusted <- unname(holm[i])
  sample[[by]] <- unname(rows)
}

synthetic_g <- c(-1, -2, 0.5, -0.5, NA, 1.5, -0.25, -3, 0, 2, -1.5, 0.75, 1, 1, 0.3, -0.7)
synthetic_w <- c(1, 2, 1, 3, 1, 0.5, 2.5, 1, 4, 1.5, 2, 1, 2, 1, 1.2, 0.8)
synthetic_grp <- c("a", "b", "a", "a", "b", "b", NA, "a", "b", "a", "c", "b", "d", "d", "a",
                   "c")
# d: two equal gaps (no variance); c: two gaps; a group "e" of one respondent
synthetic_grp[16] <- "c"
synthetic_g <- c(synthetic_g, -0.4)
synthetic_w <- c(synthetic_w, 1.7)
synthetic_grp <- c(synthetic_grp, "e")
synthetic <- c(list(g = synthetic_g, w = synthetic_w,
                    group = ifelse(is.na(synthetic_grp), "", synthetic_grp)),  # "": no group
               wald(synthetic_g, synthetic_w, synthetic_grp))

small <- read.csv2(file.path("..", "..", "data", "weighted_groups_small.csv"),
                   colClasses = c(Enhet = "character"), na.strings = "")
Es <- as.matrix(small[, paste0("E", 1:22)])
Ps <- as.matrix(small[, paste0("P", 1:22)])
grp_s <- ifelse(trimws(small$Enhet) == "" | is.na(small$Enhet), NA, trimws(small$Enhet))
small_rows <- list()
for (name in names(dims)) {
  g <- (Ps - Es)[, dims[[name]], drop = FALSE]
  ok <- rowSums(!is.na(g)) >= ceiling(length(dims[[name]]) / 2)
  gd <- ifelse(ok, rowMeans(g, na.rm = TRUE), NA)
  d <- data.frame(g = gd, w = small$Vikt, grp = grp_s)[!is.na(gd), ]
  est <- svyby(~g, ~grp, svydesign(ids = ~1, weights = ~w, data = d), svymean)
  means <- lapply(c("Norr", "Söder"), function(k) list(group = k, mean = unname(coef(est)[k]),
                                                     se = est[k, "se"]))
  small_rows[[name]] <- c(list(dimension = name), wald(gd, small$Vikt, grp_s),
                          list(domains = means))
}
holm <- p.adjust(sapply(small_rows, `[[`, "p"), "holm")
for (i in seq_along(small_rows)) small_rows[[i]]$p_adjusted <- unname(holm[i])

writeLines(to_json(list(sample = sample, synthetic = synthetic, small = unname(small_rows))),
           "weighted_group_test.json")
