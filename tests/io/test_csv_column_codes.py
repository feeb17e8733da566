"""Block-by-block column codes equal one dictionary encoding of the whole column (#16).

:class:`~servqual_cli.io.column_codes.ColumnCodes` takes the short texts of a block by their bytes
(no hashing) and the others through ``pyarrow.compute.dictionary_encode``; whatever the mix of
blocks, the codes and distinct texts must be exactly those of ``dictionary_encode`` over the
concatenated column: the texts in order of first appearance, as str, codes in the smallest type.
"""

from __future__ import annotations

import itertools

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from servqual_cli.io.column_codes import ColumnCodes, short_keys
from servqual_cli.io.encoded import small_codes

# one- and two-byte texts (ASCII and Swedish letters, a two-byte UTF-8 character), longer ones
short = st.sampled_from(["", "1", "7", " ", "10", "-1", "å", "Ö", "a", "08", "+5", " 5", ";"])
longer = st.sampled_from(["Vet ej", "  ", "4,5", "Förskola", "10 ", "äö", "#N/A"])
texts = st.lists(st.one_of(short, short, short, longer), min_size=0, max_size=60)


def _expected(cells: list[str]) -> tuple[list[int], list[str]]:
    whole = pc.dictionary_encode(pa.array(cells, type=pa.string()))
    return whole.indices.to_pylist(), whole.dictionary.to_pylist()


def _blocks(cells: list[str], cuts: list[int], sliced: bool) -> list[pa.Array]:
    bounds = sorted({0, len(cells), *(c % (len(cells) + 1) for c in cuts)})
    blocks = []
    for a, b in itertools.pairwise(bounds):
        block = pa.array(cells[a:b], type=pa.string())
        if sliced:  # an array with an offset into its buffers, as a slice of a batch has
            block = pa.array(["z", *cells[a:b]], type=pa.string()).slice(1)
        blocks.append(block)
    return blocks or [pa.array([], type=pa.string())]


@settings(max_examples=300, deadline=None)
@given(
    texts,
    st.lists(st.integers(0, 60), max_size=6),
    st.booleans(),
    st.sampled_from([0, 2, 4096]),
)
def test_codes_equal_one_dictionary_encoding(
    cells: list[str], cuts: list[int], sliced: bool, many: int
) -> None:
    coder = ColumnCodes(many)
    for block in _blocks(cells, cuts, sliced):
        coder.add(block)
    column = coder.result()
    assert column is not None
    codes, uniques = _expected(cells)
    assert column.codes.tolist() == codes
    assert column.uniques.tolist() == uniques
    assert all(type(u) is str for u in column.uniques)
    assert column.codes.dtype == small_codes(np.zeros(0), len(uniques)).dtype


def test_many_new_short_texts_in_one_block_keep_their_order() -> None:
    """More than 32 new texts in a block take the sorting branch; same order as the hash."""
    rng = np.random.default_rng(3)
    cells = [str(v) for v in rng.integers(0, 100, 5000)] + [""] * 3
    rng.shuffle(cells)
    coder = ColumnCodes(4096)
    coder.add(pa.array(cells[:2000]))
    coder.add(pa.array(cells[2000:]))
    column = coder.result()
    assert column is not None
    assert (column.codes.tolist(), column.uniques.tolist()) == _expected(cells)


@pytest.mark.parametrize(
    ("cells", "keys"),
    [(["7", "", "10"], [56, 0, 12849]), (["å"], [257 + 256 * 0xC3 + 0xA5]), ([""], [0])],
)
def test_short_keys_are_the_bytes(cells: list[str], keys: list[int]) -> None:
    assert short_keys(pa.array(cells)).tolist() == keys  # type: ignore[union-attr]


def test_a_long_field_is_refused() -> None:
    coder = ColumnCodes(4096)
    coder.add(pa.array(["1", "x" * 50]))
    assert coder.result(max_chars=10) is None
