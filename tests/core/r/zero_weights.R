# Reference values for respondents with survey weight 0 (core/survey_weights.py weighted_means,
# core/weighted_tests.py, core/weighted_group_gaps.py, core/weighted_group_test.py,
# core/survey_trend.py compare_weighted_gaps; tests/core/test_zero_weights.py).
# Computed with the R package survey (4.1-1, Debian r-cran-survey), independently of servqual.
#
# What survey does with a weight of 0 in svydesign(ids = ~1, weights = ~w) (prob = 1/0 = Inf):
#   - the row stays in the design: the variance's n/(n-1) counts it (it is in fpc$sampsize, as an
#     out-of-domain respondent), its linearised score is 0;
#   - degf(design) counts only the rows with a positive weight (degf.survey.design2: inset <-
#     weights(design, "sampling") != 0), so svyttest's df = degf - 1 and svyglm's df.residual =
#     degf + 1 - coefficients leave it out.
# The case "drop" is the same data without the zero-weight rows: its SE differs (n/(n-1) on
# fewer rows), its df do not, which is the check that the tool keeps the rows in the design.
#
# Run from this folder: Rscript zero_weights.R  (writes zero_weights.json)
suppressMessages(library(survey))
source("json.R")

# two dimensions, 14 respondents; weight 0 on rows 3, 8 and 12 (row 12 also has no group);
# dimension B has a missing gap on row 5
g1 <- c(-1, -2, 0.5, -0.5, 1.5, -0.25, -3, 0, 2, -1.5, 0.75, 1, -0.75, 0.25)
g2 <- c(0.5, -1, -2, 0, NA, 1.25, -0.5, 1, -1.75, 0.25, -0.25, 2, 0.5, -1.25)
w <- c(1, 2, 0, 3, 1, 0.5, 2.5, 0, 4, 1.5, 2, 0, 1.2, 0.8)
grp <- c("a", "a", "a", "a", "a", "b", "b", "b", "b", "b", "c", NA, "c", "c")

one <- function(g, w, grp) {
  d <- data.frame(g = g, w = w, grp = grp)
  d <- d[!is.na(d$g), ]  # the dimension's design: the respondents with a gap
  des <- svydesign(ids = ~1, weights = ~w, data = d)
  m <- svymean(~g, des)
  tt <- svyttest(g ~ 0, des)
  by <- svyby(~g, ~grp, des, svymean)
  domains <- lapply(sort(unique(na.omit(d$grp))), function(k) {
    sub <- subset(des, grp == k)
    dt <- svyttest(g ~ 0, sub)
    list(group = k, mean = unname(coef(by)[k]), se = by[k, "se"], degf = degf(sub),
         df = unname(dt$parameter), t = unname(dt$statistic))
  })
  fit <- svyglm(g ~ grp, des)  # every group here has >= 2 positive weights and variance
  rt <- regTermTest(fit, ~grp)
  list(rows = nrow(d), positive = sum(d$w > 0), degf = degf(des), mean = unname(coef(m)),
       se = unname(SE(m)), df = unname(tt$parameter), t = unname(tt$statistic),
       p = unname(tt$p.value), domains = domains, f = unname(rt$Ftest[1, 1]),
       df1 = unname(rt$df), df2 = unname(rt$ddf), p_f = unname(rt$p[1, 1]))
}

keep <- w > 0
cases <- list(
  kept = list(A = one(g1, w, grp), B = one(g2, w, grp)),
  drop = list(A = one(g1[keep], w[keep], grp[keep]), B = one(g2[keep], w[keep], grp[keep]))
)

# two years as strata of one design (compare_weighted_gaps): before = rows 1-7, after = 8-14
year <- rep(c("before", "after"), each = 7)
d2 <- data.frame(g = g1, w = w, year = factor(year, levels = c("before", "after")))
des2 <- svydesign(ids = ~1, strata = ~year, weights = ~w, data = d2)
fit2 <- svyglm(g ~ year, des2)
per <- svyby(~g, ~year, des2, svymean)
trend <- list(diff = unname(coef(fit2)[2]), se = unname(SE(fit2)[2]),
              df = fit2$df.residual, p = unname(summary(fit2)$coefficients[2, 4]),
              se_before = per["before", "se"], se_after = per["after", "se"])

# tests/data/weighted_zero_ipa.csv: weighted_groups_small.csv (weighted_group_test.R) with the
# weights of respondents 3, 10 and 20 set to 0 and importance points W1-W5 added (numpy, seed
# 20261207; 100 points in multiples of 5), the CLI and report tests' file: per dimension the
# one-sample svyttest and the Wald test between the units (Väster, one respondent, left out)
small <- read.csv2(file.path("..", "..", "data", "weighted_zero_ipa.csv"),
                   colClasses = c(Enhet = "character"), na.strings = "")
Es <- as.matrix(small[, paste0("E", 1:22)])
Ps <- as.matrix(small[, paste0("P", 1:22)])
unit <- ifelse(trimws(small$Enhet) == "" | is.na(small$Enhet), NA, trimws(small$Enhet))
dims <- list(Tangibles = 1:4, Reliability = 5:9, Responsiveness = 10:13, Assurance = 14:17,
             Empathy = 18:22)
file_rows <- list()
for (name in names(dims)) {
  gd <- (Ps - Es)[, dims[[name]], drop = FALSE]
  ok <- rowSums(!is.na(gd)) >= ceiling(length(dims[[name]]) / 2)
  g <- ifelse(ok, rowMeans(gd, na.rm = TRUE), NA)
  d <- data.frame(g = g, w = small$Vikt, unit = unit)[!is.na(g), ]
  des <- svydesign(ids = ~1, weights = ~w, data = d)
  m <- svymean(~g, des)
  tt <- svyttest(g ~ 0, des)
  fit <- svyglm(g ~ unit, subset(des, unit %in% c("Norr", "Söder", "Öster")))
  rt <- regTermTest(fit, ~unit)
  file_rows[[name]] <- list(dimension = name, rows = nrow(d), n = sum(d$w > 0),
                            mean = unname(coef(m)), se = unname(SE(m)),
                            df = unname(tt$parameter), t = unname(tt$statistic),
                            p = unname(tt$p.value), f = unname(rt$Ftest[1, 1]),
                            df2 = unname(rt$ddf))
}

writeLines(to_json(list(g1 = g1, g2 = g2, w = w, group = ifelse(is.na(grp), "", grp),
                        cases = cases, trend = trend, file = unname(file_rows))),
           "zero_weights.json")
