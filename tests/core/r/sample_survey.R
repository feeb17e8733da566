# The sample survey (data/samples/karlstad_servqual.csv) read and cleaned in base R, independently
# of servqual, for the reference scripts gaps.R, sample_reliability.R and trend.R:
#   - Swedish Excel CSV: cp1252, ';', decimal comma, two rows above the header;
#   - cells that are not numbers 1..7 are missing, except the label "Instämmer helt" (= 7).
# Defines raw, to_score(), E, P (respondents x 22) and dims. Source it from this folder.
if (!exists("here")) here <- "."  # the folder of these scripts (trend.R sets it itself)
sample_csv <- file.path(here, "..", "..", "..", "data", "samples", "karlstad_servqual.csv")
raw <- read.csv2(sample_csv, skip = 2, fileEncoding = "cp1252", colClasses = "character",
                 check.names = FALSE)
to_score <- function(v) {
  v <- trimws(v)
  v[v == "Instämmer helt"] <- "7"
  x <- suppressWarnings(as.numeric(sub(",", ".", v, fixed = TRUE)))
  x[!is.na(x) & (x < 1 | x > 7)] <- NA
  x
}
E <- sapply(1:22, function(i) to_score(raw[[paste0("E", i)]]))
P <- sapply(1:22, function(i) to_score(raw[[paste0("P", i)]]))
dims <- list(Tangibles = 1:4, Reliability = 5:9, Responsiveness = 10:13, Assurance = 14:17,
             Empathy = 18:22)
