# Minimal JSON writer shared by the reference scripts. jsonlite rounds doubles to 15 significant
# digits, which does not round-trip, so every double is written with the shortest of
# sprintf("%.15g"/"%.16g"/"%.17g") that reads back exactly.
# NA/NaN are written as NaN and +-Inf as +-Infinity: not strict JSON, but Python's json module
# reads them back as float('nan') and float('inf').
# A length-1 atomic is written as a scalar; wrap it in I() to force a one-element array.
to_json <- function(x) {
  if (is.list(x)) {
    inner <- vapply(x, to_json, "")
    if (!is.null(names(x))) {
      return(paste0("{", paste0("\"", names(x), "\": ", inner, collapse = ", "), "}"))
    }
    return(paste0("[", paste(inner, collapse = ", "), "]"))
  }
  as_array <- length(x) != 1L || inherits(x, "AsIs")
  if (is.character(x)) {
    vals <- paste0("\"", x, "\"")
  } else if (is.logical(x) && !all(is.na(x))) {
    vals <- ifelse(x, "true", "false")
  } else {
    x <- as.double(x)
    # Shortest of 15/16/17 significant digits that reads back to the identical double.
    num <- sprintf("%.17g", x)
    for (digits in c(16L, 15L)) {
      short <- sprintf(paste0("%.", digits, "g"), x)
      same <- !is.na(x) & suppressWarnings(as.double(short)) == x
      num[same] <- short[same]
    }
    vals <- ifelse(is.na(x), "NaN",
      ifelse(is.infinite(x), ifelse(x > 0, "Infinity", "-Infinity"), num)
    )
  }
  if (!as_array) {
    return(vals)
  }
  paste0("[", paste(vals, collapse = ", "), "]")
}

write_json <- function(x, path) {
  writeLines(to_json(x), path)
}

