# Review 15, finding 5: the weighted Wald test between the units (R survey svyglm +
# regTermTest) and the unweighted Welch ANOVA (oneway.test, var.equal = FALSE) per dimension on
# tests/data/r15_enkat.csv, each Holm-adjusted across the four dimensions (p.adjust).
# Dimension gap per respondent: the mean of the item gaps P - E over the items with both, when
# at least half (2 of 4) have one; "Instämmer helt" = 7, "Instämmer inte alls" = 1, "Vet ej" and
# 99 missing; items 4 and 11 reversed (8 - x). Run from the repository root:
#   Rscript tests/report/r/r15_group_differ.R > tests/report/r/r15_group_differ.json
suppressMessages({library(survey); library(jsonlite)})
d <- read.csv("tests/data/r15_enkat.csv", sep = ";", check.names = FALSE,
              colClasses = "character", encoding = "UTF-8")
conv <- function(x) {
  x[x == "Instämmer helt"] <- "7"; x[x == "Instämmer inte alls"] <- "1"
  v <- suppressWarnings(as.numeric(x)); v[v == 99] <- NA; v
}
E <- sapply(1:16, function(i) conv(d[[paste0("E", i)]]))
P <- sapply(1:16, function(i) conv(d[[paste0("P", i)]]))
for (r in c(4, 11)) { E[, r] <- 8 - E[, r]; P[, r] <- 8 - P[, r] }
G <- P - E
dims <- list("Tillgång" = 1:4, "Bemötande" = 5:8, "Information" = 9:12, "Rättssäkerhet" = 13:16)
w <- as.numeric(sub(",", ".", d$Vikt))
enhet <- ifelse(d$Enhet == "", NA, d$Enhet)
out <- data.frame()
for (v in names(dims)) {
  g <- G[, dims[[v]]]
  gap <- ifelse(rowSums(!is.na(g)) >= 2, rowMeans(g, na.rm = TRUE), NA)
  s <- data.frame(gap = gap, w = w, enhet = enhet)
  s <- s[!is.na(s$gap) & !is.na(s$w) & !is.na(s$enhet), ]
  des <- svydesign(ids = ~1, weights = ~w, data = s)
  wald <- regTermTest(svyglm(gap ~ enhet, des), ~enhet)
  welch <- oneway.test(gap ~ enhet, data = s, var.equal = FALSE)
  out <- rbind(out, data.frame(dimension = v, wald_f = as.numeric(wald$Ftest),
                               wald_p = as.numeric(wald$p), welch_f = unname(welch$statistic),
                               welch_p = welch$p.value))
}
out$wald_p_holm <- p.adjust(out$wald_p, "holm")
out$welch_p_holm <- p.adjust(out$welch_p, "holm")
cat(toJSON(out, digits = NA, pretty = TRUE), "\n")
