# Reference for the KPI change of a time (review 5, finding 5): the Hodges-Lehmann shift the
# Mann-Whitney test estimates, with its interval, as R wilcox.test(after, before, conf.int = TRUE,
# exact = FALSE, correct = TRUE). Base R only (this machine has neither readxl nor jsonlite).
#
# Input: kpi_shift_bygglov.csv beside this script, the bygglov lead times (days from komplett to
# beslut) that review3_kpi.R's section 1 keeps, lead[k23] and lead[k24]: cases whose clock
# started at least 70 days before the last date in the file, decided; and (review 10a, finding 4)
# the 2023 cases only up to the same calendar date as 2024's (komplett by 21 October), so both
# years cover the same window. The CSV is written by kpi_windows.py beside this script (pandas on
# data/samples/bygglov_arenden.xlsx with openpyxl), not by servqual's reader. Run from the
# repository root:  Rscript tests/core/r/kpi_shift.R
# It prints the JSON stored in kpi_shift.json.
x <- read.csv("tests/core/r/kpi_shift_bygglov.csv")
before <- x$days[x$year == 2023]
after <- x$days[x$year == 2024]
w <- suppressWarnings(wilcox.test(after, before, conf.int = TRUE, exact = FALSE, correct = TRUE))
cat(sprintf(paste0('{"bygglov": {"n_2023": %d, "n_2024": %d, "median_2023": %.17g, ',
                   '"median_2024": %.17g, "shift": %.17g, "ci_low": %.17g, "ci_high": %.17g, ',
                   '"p": %.17g}}\n'),
            length(before), length(after), median(before), median(after), unname(w$estimate),
            w$conf.int[1], w$conf.int[2], w$p.value))
