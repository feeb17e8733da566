# Writes the test files of tests/cli/test_instrument_forms_cli.py from ../kiosk.csv: the same
# 30 answers under the headers real files have. Run from this folder: Rscript make_files.R
#   kiosk_questions.csv  whole Swedish questions as headers ("1-1. ... (förväntan)"), E and P
#                        interleaved, UTF-8, ',' (the instrument uses regexes)
#   kiosk_r_export.csv   what R's read.csv/write.csv make of such headers: make.names
#                        ("X1a..Kiosken.är.lätt.att.hitta"), all E then all P
#   kiosk_commas.csv     headers that contain commas ("Lätt att hitta, förväntan"), quoted
raw <- read.csv("../kiosk.csv", colClasses = "character", check.names = FALSE, encoding = "UTF-8")
texts <- c("Kiosken är lätt att hitta", "Kiosken är ren och prydlig", "Personalen är vänlig",
           "Personalen svarar snabbt", "Personalen kan svara på mina frågor")
E <- raw[paste0("F", 1:5)]
P <- raw[paste0("U", 1:5)]

q <- raw[c("id", "Enhet")]
for (k in 1:5) {
  q[[sprintf("%d-1. %s (förväntan)", k, texts[k])]] <- E[[k]]
  q[[sprintf("%d-2. %s (upplevelse)", k, texts[k])]] <- P[[k]]
}
q[["Vikt: miljö"]] <- raw$V1
q[["Vikt: bemötande"]] <- raw$V2
write.csv(q, "kiosk_questions.csv", row.names = FALSE, na = "", fileEncoding = "UTF-8")

r <- raw[c("id", "Enhet")]
for (k in 1:5) r[[sprintf("%da. %s", k, texts[k])]] <- E[[k]]
for (k in 1:5) r[[sprintf("%db. %s", k, texts[k])]] <- P[[k]]
r[["Vikt 1"]] <- raw$V1
r[["Vikt 2"]] <- raw$V2
names(r) <- make.names(names(r))
write.csv(r, "kiosk_r_export.csv", row.names = FALSE, na = "", fileEncoding = "UTF-8")

short <- c("Lätt att hitta", "Ren och prydlig", "Vänlig personal", "Snabba svar", "Kunniga svar")
cm <- raw[c("id", "Enhet")]
for (k in 1:5) cm[[paste0(short[k], ", förväntan")]] <- E[[k]]
for (k in 1:5) cm[[paste0(short[k], ", upplevelse")]] <- P[[k]]
cm[["Vikt, miljö"]] <- raw$V1
cm[["Vikt, bemötande"]] <- raw$V2
write.csv(cm, "kiosk_commas.csv", row.names = FALSE, na = "", fileEncoding = "UTF-8")
