# Cronbach's alpha of tests/data/missing_code_99.csv (a Survey&Report cut, 99 = "Vet ej",
# written "99" and "99,0") with every 99 read as no answer (NA), as `servqual alpha
# --missing-codes 99` should read it; and, for contrast, with the 99s kept as answers.
# Also a small file with a text code. psych::alpha's default: pairwise correlations (use = "pairwise"), raw and standardized alpha.
# Writes alpha_missing_codes.json beside this script.
# Run from the repository root: Rscript tests/cli/r/alpha_missing_codes.R
suppressPackageStartupMessages({library(psych); library(jsonlite)})
x <- read.csv2("tests/data/missing_code_99.csv", check.names = FALSE, encoding = "UTF-8")
out <- list()
for (set in c("E", "P")) {
  items <- x[, paste0(set, 1:4)]
  kept <- psych::alpha(items, warnings = FALSE, check.keys = FALSE)
  items[items == 99] <- NA
  a <- psych::alpha(items, warnings = FALSE, check.keys = FALSE)
  out[[set]] <- list(
    items = paste0(set, 1:4),
    raw_alpha = a$total$raw_alpha, std_alpha = a$total$std.alpha,
    average_r = a$total$average_r,
    item_n = unname(colSums(!is.na(items))), item_mean = unname(colMeans(items, na.rm = TRUE)),
    n_99 = sum(x[, paste0(set, 1:4)] == 99, na.rm = TRUE),
    raw_alpha_99_kept = kept$total$raw_alpha
  )
}
# tests/data/missing_codes_text.csv: 98 and the text "Avstår" mean no answer (--missing-codes
# 98,Avstår); read as text, so both become NA here
y <- read.csv2("tests/data/missing_codes_text.csv", check.names = FALSE, encoding = "UTF-8",
               colClasses = "character")
q <- as.data.frame(lapply(y[, c("Q1", "Q2", "Q3")], function(v)
  as.numeric(ifelse(v %in% c("98", "Avstår"), NA, v))))
a <- psych::alpha(q, warnings = FALSE, check.keys = FALSE)
out[["text"]] <- list(items = c("Q1", "Q2", "Q3"), raw_alpha = a$total$raw_alpha,
                      std_alpha = a$total$std.alpha, item_n = unname(colSums(!is.na(q))))
write_json(out, "tests/cli/r/alpha_missing_codes.json", auto_unbox = TRUE, digits = NA,
           pretty = TRUE)
