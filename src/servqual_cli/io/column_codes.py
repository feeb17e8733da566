"""One CSV column's code per cell and distinct texts, built block by block (issue #16).

pyarrow's streaming reader (:mod:`servqual_cli.io.csvfast`) hands each column over as one string
array per block. :class:`ColumnCodes` turns the blocks into an integer code per cell and the
column's distinct texts in order of first appearance, the encoding
:class:`~servqual_cli.io.encoded.EncodedColumn` keeps.

A survey answer is mostly one or two bytes ("7", "", "10"). For a block whose texts are all that
short, the bytes themselves are the key: ``length 0 -> 0``, one byte ``b -> 1 + b``, two bytes
``b0 b1 -> 257 + 256 b0 + b1``, computed from the array's offsets and data buffer with numpy, so
the key is a number below 65 793 and a lookup table turns it into the column's code. This is
about five times cheaper than hashing the strings (``pyarrow.compute.dictionary_encode``,
0.8 s of CPU for 45 columns of a million cells) and gives the same codes: a new key's text is
looked up in the same text -> code dict in order of first appearance in the block. A block with
a longer text goes through ``dictionary_encode``; a first block with more than ``many`` distinct
texts (ids) is kept as it is and encoded once at the end.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from servqual_cli.io.encoded import EncodedColumn, arrow_ints, small_codes

__all__ = ["ColumnCodes", "merge_parts", "short_keys"]

_KEYS = 257 + 256 * 256  # keys of the texts of at most two bytes


def short_keys(column: Any) -> np.ndarray | None:
    """Per cell of a pyarrow string array without nulls, the key of its bytes (module doc), or
    None when a text is longer than two bytes.

    >>> import pyarrow as pa
    >>> short_keys(pa.array(["7", "", "10", "7"])).tolist()
    [56, 0, 12849, 56]
    >>> short_keys(pa.array(["Vet ej"])) is None
    True
    """
    n = len(column)
    buffers = column.buffers()  # validity, offsets, data (arrow columnar format)
    offsets = np.frombuffer(buffers[1], dtype=np.int32, count=n + 1, offset=column.offset * 4)
    lengths = np.diff(offsets)
    longest = int(lengths.max()) if n else 0
    if longest > 2:
        return None
    if longest == 0:
        return np.zeros(n, dtype=np.int32)
    data = np.frombuffer(buffers[2], dtype=np.uint8)
    starts = offsets[:-1]
    first = data.take(starts, mode="clip").astype(np.int32)  # an empty cell's is masked below
    if longest == 1:
        return lengths * (first + 1)  # 0 for an empty text, 1 + b for one byte
    keys = np.where(lengths == 0, 0, first + 1)
    two = np.flatnonzero(lengths == 2)
    second = data.take(starts[two] + 1).astype(np.int32)
    keys[two] = 257 + 256 * first[two] + second
    return keys


def _key_text(key: int) -> str:
    """The text a key stands for (the inverse of :func:`short_keys`)."""
    if key == 0:
        return ""
    if key < 257:
        return bytes([key - 1]).decode("utf-8")
    return bytes(divmod(key - 257, 256)).decode("utf-8")


class ColumnCodes:
    """The codes and distinct texts of one column, added one pyarrow string block at a time.

    The codes are those of one ``dictionary_encode`` over the whole column: the texts in order
    of first appearance (``tests/io/test_column_codes.py`` checks this on random blocks).

    >>> import pyarrow as pa
    >>> c = ColumnCodes(many=4096)
    >>> c.add(pa.array(["7", "", "7"])); c.add(pa.array(["Vet ej", "5", "7"]))
    >>> col = c.result()
    >>> col.codes.tolist(), col.uniques.tolist()
    ([0, 1, 0, 2, 3, 0], ['7', '', 'Vet ej', '5'])
    """

    def __init__(self, many: int) -> None:
        self._many = many
        self._seen: dict[str, int] = {}  # text -> code, in order of first appearance
        self._parts: list[np.ndarray] = []  # codes per block
        self._raw: list[Any] | None = None  # many distinct texts: the blocks as read
        self._by_key: np.ndarray | None = None  # short key -> code, -1 where not yet seen
        self._small = np.zeros(0, dtype=np.int8)  # the same in the smallest integer type

    def add(self, column: Any) -> None:
        if self._raw is not None:
            self._raw.append(column)
            return
        keys = short_keys(column)
        if keys is not None:
            self._parts.append(self._from_keys(keys))
            return
        import pyarrow.compute as pc

        encoded = pc.dictionary_encode(column)
        if not self._seen and len(encoded.dictionary) > self._many:
            self._raw = [column]  # a dict per distinct text would cost 1 s per million
            return
        seen = self._seen  # this block's distinct texts -> the column's codes
        remap = np.array(
            [seen.setdefault(u, len(seen)) for u in encoded.dictionary.to_pylist()],
            dtype=np.int64,
        )
        local = arrow_ints(encoded.indices)
        self._parts.append(small_codes(remap, len(seen))[local])

    def _from_keys(self, keys: np.ndarray) -> np.ndarray:
        size = 257 if int(keys.max(initial=0)) < 257 else _KEYS  # one byte: a small table
        if self._by_key is None or len(self._by_key) < size:
            by_key = np.full(size, -1, dtype=np.int32)
            if self._by_key is not None:
                by_key[: len(self._by_key)] = self._by_key
            self._by_key = by_key
            self._small = small_codes(by_key, len(self._seen))
        codes = self._small.take(keys)
        if not (codes < 0).any():
            return codes  # every text of the block seen before: the common case
        by_key = self._by_key
        new = np.unique(keys[codes < 0])
        if len(new) > 32:
            distinct, first = np.unique(keys, return_index=True)
            distinct = distinct[np.argsort(first, kind="stable")]
            new = distinct[by_key[distinct] < 0]
        else:  # the block's new texts in order of first appearance
            new = new[np.argsort([int(np.argmax(keys == k)) for k in new], kind="stable")]
        seen = self._seen
        for key in new.tolist():  # a loop over the block's new distinct texts
            by_key[key] = seen.setdefault(_key_text(key), len(seen))
        self._small = small_codes(by_key, len(seen))
        return self._small.take(keys)

    def result(self, max_chars: int | None = None) -> EncodedColumn | None:
        """The column; None when a text is longer than ``max_chars`` (the standard reader then
        names its line)."""
        if self._raw is not None:  # first appearance order, as the dict gives
            import pyarrow as pa
            import pyarrow.compute as pc

            whole = pc.dictionary_encode(pa.concat_arrays(self._raw))
            self._raw = None
            longest = pc.max(pc.utf8_length(whole.dictionary)).as_py() or 0
            if max_chars is not None and longest > max_chars:
                return None
            texts = whole.dictionary.to_pylist()  # to_numpy would import pandas (encoded.py)
            uniques = np.fromiter(texts, dtype=object, count=len(texts))
            codes = arrow_ints(whole.indices)
            return EncodedColumn(small_codes(codes, len(uniques)), uniques)
        self._by_key = None
        uniques = np.fromiter(self._seen, dtype=object, count=len(self._seen))
        if max_chars is not None and len(uniques) and max(map(len, uniques)) > max_chars:
            return None
        if not self._parts:
            codes = np.zeros(0, dtype=np.int8)
        else:
            codes = np.concatenate([small_codes(p, len(uniques)) for p in self._parts])
        self._parts = []
        return EncodedColumn(small_codes(codes, len(uniques)), uniques)


def merge_parts(parts: list[EncodedColumn]) -> EncodedColumn:
    """One column from its consecutive parts (each coded on its own, :mod:`.csvfast`).

    The distinct texts are those of the first part, then each later part's texts not seen in
    an earlier one, in their order: the order of first appearance over the whole column, so
    the codes are exactly those of coding the column in one piece.

    >>> a = EncodedColumn(np.array([0, 1, 0], dtype=np.int8), np.array(["7", ""], dtype=object))
    >>> b = EncodedColumn(np.array([0, 1, 2], dtype=np.int8),
    ...                   np.array(["5", "7", "Vet ej"], dtype=object))
    >>> m = merge_parts([a, b])
    >>> m.codes.tolist(), m.uniques.tolist()
    ([0, 1, 0, 2, 0, 3], ['7', '', '5', 'Vet ej'])
    """
    if len(parts) == 1:
        return parts[0]
    uniques = parts[0].uniques
    remaps: list[np.ndarray | None] = [None]  # per part, its codes -> merged codes (None: same)
    for part in parts[1:]:
        at = _positions(part.uniques, uniques)  # -1 where the text is new
        new = at < 0
        if new.any():
            at[new] = len(uniques) + np.arange(int(new.sum()))
            uniques = np.concatenate([uniques, part.uniques[new]])
        remaps.append(None if np.array_equal(at, np.arange(len(at))) else at)
    dtype = small_codes(np.zeros(0, dtype=np.int64), len(uniques)).dtype
    codes = np.empty(sum(len(p) for p in parts), dtype=dtype)  # filled part by part
    start = 0
    for part, remap in zip(parts, remaps, strict=True):
        out = codes[start : start + len(part)]
        if remap is None:
            out[...] = part.codes
        else:  # "wrap": every code is valid (as in scale_column, "clip" is slow on int8)
            np.take(remap.astype(dtype), part.codes, out=out, mode="wrap")
        start += len(part)
    return EncodedColumn(codes, uniques)


def _positions(texts: np.ndarray, known: np.ndarray) -> np.ndarray:
    """Per text, its position among the distinct ``known`` texts, or -1 (a dict for a few, a
    hash table in pyarrow for many: a column of ids has a million)."""
    if len(texts) + len(known) < 2000:
        where = {t: i for i, t in enumerate(known.tolist())}
        return np.fromiter((where.get(t, -1) for t in texts.tolist()), np.int64, len(texts))
    import pyarrow as pa
    import pyarrow.compute as pc

    found = pc.index_in(pa.array(texts, type=pa.string()), value_set=pa.array(known, pa.string()))
    return arrow_ints(found.fill_null(-1)).astype(np.int64)
