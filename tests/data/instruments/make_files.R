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

# kiosk_korean_cp949.csv: the whole-question layout with Korean questions and answers, saved in
# CP949 as Korean Excel does (read with --encoding cp949). CP949 has no å/ä/ö, so the Swedish
# answer texts become Korean ones (kiosk_korean_cp949.toml maps them back to the same values).
ko_answer <- function(v) {
  map <- c("Vet ej" = "모름", "Helt rätt" = "매우 그렇다", "Ingen uppfattning" = "의견 없음",
           "Söder" = "남부", "Norr" = "북부")
  hit <- v %in% names(map)
  v[hit] <- map[v[hit]]
  v
}
ko <- c("키오스크는 찾기 쉽다", "키오스크는 깨끗하다", "직원은 친절하다", "직원은 빨리 응답한다",
        "직원은 내 질문에 답할 수 있다")
k <- data.frame("번호" = raw$id, "지점" = ko_answer(raw$Enhet), check.names = FALSE)
for (i in 1:5) {
  k[[sprintf("%d-1. %s (기대)", i, ko[i])]] <- ko_answer(E[[i]])
  k[[sprintf("%d-2. %s (인식)", i, ko[i])]] <- ko_answer(P[[i]])
}
k[["가중치 1"]] <- raw$V1
k[["가중치 2"]] <- raw$V2
write.csv(k, "kiosk_korean_cp949.csv", row.names = FALSE, na = "", fileEncoding = "CP949")
