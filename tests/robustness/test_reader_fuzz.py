"""Fuzzing the reader: any bytes under any supported name give a table or a ServqualError.

A few hundred examples in CI; ``SERVQUAL_FUZZ_EXAMPLES=5000`` for a longer run. The input file is
checked unchanged after each read.
"""

from __future__ import annotations

import hashlib
import io
import os
import zipfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from servqual_cli.errors import ServqualError
from servqual_cli.io.read import read_table

EXAMPLES = int(os.environ.get("SERVQUAL_FUZZ_EXAMPLES", "200"))
SEED_CSV = 'id;Tjänst;E1;P1\n1;Förskola;6;5\n2;"Bib;liotek";5;#N/A\n'.encode()


def _sheet_zip(xml: bytes) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr(
            "xl/workbook.xml", '<workbook><sheets><sheet name="S" r:id="rId1"/></sheets></workbook>'
        )
        zf.writestr(
            "xl/_rels/workbook.xml.rels",
            '<Relationships><Relationship Id="rId1" '
            'Target="worksheets/sheet1.xml"/></Relationships>',
        )
        zf.writestr("xl/worksheets/sheet1.xml", xml)
    return buf.getvalue()


def _mutate(data: bytes, edits: list[tuple[int, int]]) -> bytes:
    out = bytearray(data)
    for at, byte in edits:
        if out:
            out[at % len(out)] = byte
    return bytes(out)


inputs = st.one_of(
    st.binary(max_size=300).map(lambda b: (b, ".csv")),
    st.lists(st.tuples(st.integers(0, 10_000), st.integers(0, 255)), max_size=6).map(
        lambda e: (_mutate(SEED_CSV, e), ".csv")
    ),
    st.lists(st.tuples(st.integers(0, 10_000), st.integers(0, 255)), max_size=6).map(
        lambda e: (_mutate(SEED_CSV.decode().encode("utf-16"), e), ".tsv")
    ),
    st.binary(max_size=200).map(lambda b: (b"PK\x03\x04" + b, ".xlsx")),
    st.binary(max_size=200).map(lambda b: (_sheet_zip(b), ".xlsx")),
    st.text(alphabet='<>c r="AZ19:/0e"tv#N', max_size=120).map(
        lambda t: (_sheet_zip(("<sheetData>" + t + "</sheetData>").encode()), ".xlsx")
    ),
    st.binary(max_size=200).map(lambda b: (b, ".ods")),
    st.binary(max_size=200).map(lambda b: (b, ".parquet")),
)


@settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(case=inputs, encoding=st.sampled_from([None, None, "cp949", "utf-16", "latin-1"]))
def test_reader_gives_a_table_or_a_clean_error(tmp_path: Path, case, encoding) -> None:
    data, suffix = case
    path = tmp_path / f"f{suffix}"
    path.write_bytes(data)
    before = hashlib.sha256(data).hexdigest()
    try:
        table = read_table(path, encoding=encoding)
    except ServqualError as exc:
        assert exc.exit_code in (1, 2) and str(exc).startswith(str(path))
    else:
        assert len(table.frame) == len(table.row_numbers) > 0
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before
