"""The Swedish error line (see test_errors_swedish_cli.py) of the main commands' options."""

from __future__ import annotations

from pathlib import Path

import pytest

from .conftest import DATA, FORMS_DIR, KIOSK, SAMPLE_SURVEY, SV, TOOLBOX_SYNTH, check

# (args, exit code, error code, a piece of the Swedish line)
OPTION_CASES: list[tuple[tuple[str, ...], int, str, str]] = [
    # the main commands' options (cli.gap, cli.gap_toolbox, cli.reliability, cli.toolbox*,
    # cli.citizen)
    # feedback --unit-map without "=" (review 16, finding 3)
    (("feedback", str(DATA / "feedback_renamed.csv"), "--unit-map", "Teknik"), 2,
     "unit_map_form", "--unit-map tar GAMMAL=NY (två förvaltningsnamn), inte 'Teknik'"),
    (("gap", str(DATA / "kiosk.csv"), *KIOSK, "--min-items", "0"), 2, "min_items_value",
     "--min-items ska vara half, all eller ett heltal ≥ 1, inte '0'"),
    (("gap", str(DATA / "kiosk.csv"), *KIOSK, "--by", "a,b,c"), 2, "by_one_or_two",
     "--by tar en kolumn eller två (A,B), fick 3: 'a,b,c'"),
    (("gap", str(DATA / "kiosk.csv"), *KIOSK, "--by", ","), 2, "option_no_names",
     "--by behöver kolumnnamn, fick ','"),
    (("gap", str(DATA / "kiosk.csv"), "-i", str(FORMS_DIR / "kiosk_perception_only.toml"),
      "--weight-column", "V1"), 2, "options_need_expectations",
     "--weight-column behöver förväntanskolumner; det här instrumentet har bara upplevelse"),
    # --overall on SERVPERF: the default predictors (gaps) refused with the fix (w-left, s17)
    (("gap", str(DATA / "kiosk.csv"), "-i", str(FORMS_DIR / "kiosk_perception_only.toml"),
      "--overall", "F1"), 2, "importance_on_gap_servperf",
     "--overall med --importance-on gap (standardvalet) behöver förväntanskolumner; det här "
     "instrumentet har bara upplevelse: lägg till --importance-on perception"),
    (("gap", str(DATA / "kiosk.csv"), *KIOSK, "--overall", "F1", "--importance-on", "x"), 2,
     "importance_on_value", "--importance-on ska vara gap eller perception, inte 'x'"),
    (("gap", str(DATA / "kiosk.csv"), *KIOSK, "--importance-on", "perception"), 2,
     "importance_needs_overall", "--importance-on behöver --overall (kolumnen som ska förklaras)"),
    (("reliability", str(DATA / "kiosk.csv"), *KIOSK, "--factors", "99"), 2, "factors_too_many",
     "--factors 99 är fler än instrumentets 5 frågor"),
    (("alpha", str(SV / "huge.csv"), "--items", "A,B"), 1, "not_a_rating",
     "kolumn 'B': värdet 2e+07 är inget betyg (frågor med värden större än 1e+06 till"),
    (("items", str(DATA / "kiosk.csv"), "--items", "F1,F2", "--weight-column", "V1",
      "--scale-range", "1,5"), 2, "weight_column_with_items",
     "--weight-column fungerar med ett instrument, inte med --items"),
    (("items", str(DATA / "kiosk.csv"), "--items", "F1,F2"), 2, "items_need_scale_range",
     "--items behöver --scale-range min,max (t.ex. 1,5)"),
    (("items", str(DATA / "kiosk.csv"), *KIOSK, "--scale-range", "1,5"), 2,
     "scale_range_with_instrument", "--scale-range hör ihop med --items; ett instrument har"),
    (("items", str(DATA / "contacts_2019.csv"), *KIOSK), 2, "no_question_set",
     "ingen frågeuppsättning ur instrumentet 'Kiosk service quality' finns i filen (letade "
     "efter F1, U1, …); ange kolumnerna med --items"),
    (("items", str(DATA / "kiosk.csv"), "--items", "F1,F2", "--scale-range", "x"), 2,
     "scale_range_form", "--scale-range ska vara min,max som 1,6, inte 'x'"),
    (("items", str(DATA / "kiosk.csv"), "--items", "F1,F2", "--scale-range", "inf,5"), 2,
     "scale_range_finite", "--scale-range ska vara två ändliga tal som 1,6, inte 'inf,5'"),
    (("items", str(DATA / "kiosk.csv"), "--items", "F1,F2", "--scale-range", "5,1"), 2,
     "scale_range_order", "--scale-range: min ska vara mindre än max, inte '5,1'"),
    # --missing-codes (w-miss2, s15)
    (("alpha", str(DATA / "kiosk.csv"), "--items", "F1,F2", "--missing-codes", " , "), 2,
     "missing_codes_empty", "--missing-codes behöver en kommalista med koder som 99 eller "
     "99,\"Ej svar\", fick ' , '"),
    (("items", str(DATA / "kiosk.csv"), "--items", "F1,F2", "--scale-range", "1,5",
      "--missing-codes", ""), 2, "missing_codes_empty", "--missing-codes behöver en kommalista"),
    (("items", str(DATA / "kiosk.csv"), *KIOSK, "--missing-codes", "99"), 2,
     "missing_codes_with_instrument", "--missing-codes hör ihop med --items; ett instrument "
     "anger sina egna saknade svar (`missing` i dess TOML)"),
    (("knowledge-gap", str(DATA / "kiosk.csv"), str(DATA / "kiosk.csv"), *KIOSK), 2,
     "same_survey_twice", "CUSTOMERS (kiosk.csv) och STAFF (kiosk.csv) är samma fil (samma "
     "SHA-256) och blad: ange personalens enkät som STAFF, den andra filen, eller personalens "
     "blad i samma arbetsbok med --staff-sheet NAMN"),
    # --sheet missing from the staff workbook (review 13, finding 7; f-kg)
    (("knowledge-gap", str(DATA / "kg_groups.xlsx"), str(DATA / "kg_staff.xlsx"), "-i",
      str(DATA / "toolbox.toml"), "--sheet", "Svar"), 2, "staff_sheet_not_found",
     "--sheet gäller båda filerna: ange personalens blad med --staff-sheet NAMN"),
    (("service-survey", str(SAMPLE_SURVEY), "--benchmark",
      str(DATA / "kolada_survey_2024.csv")), 2, "benchmark_needs_municipality",
     "servqual: fel: ange den här kommunen med --municipality för att jämföra den"),
    (("tolerance", str(TOOLBOX_SYNTH), "-i",
      str(DATA / "toolbox.toml"), "--by", "a,b,c"), 2, "by_one_or_two_text",
     "--by tar en kolumn eller två (A,B), fick 'a,b,c'"),
    # a weight or an id as --by (review 13, finding 17; f-by; more in test_by_groups_cli.py)
    (("tolerance", str(TOOLBOX_SYNTH), "-i", str(DATA / "toolbox.toml"), "--by", "w"), 2,
     "by_decimals", "kolumnen 'w' i --by har tal med decimaler (156 olika värden)"),
    (("gap", str(DATA / "tolerance_small_group.csv"), "-i", str(DATA / "toolbox.toml"), "--by",
      "Löpnr"), 2, "by_too_many_groups", "kolumnen 'Löpnr' i --by har 160 olika värden bland "
     "160 svarande (fler än 20 grupper"),
]  # fmt: skip


@pytest.mark.parametrize(("args", "exit_code", "code", "swedish"), OPTION_CASES,
                         ids=[f"{c[2]}-{i}" for i, c in enumerate(OPTION_CASES)])  # fmt: skip
def test_error_in_swedish(cli, seen, tmp_path: Path, args, exit_code, code, swedish) -> None:
    out = ("-o", str(tmp_path / "out")) if args[0] == "report" else ()
    check(cli, seen, (*args, *out), exit_code, code, swedish)
