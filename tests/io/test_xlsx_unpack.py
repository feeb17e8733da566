"""The guard's own inflater gives exactly what ``zipfile`` gives: the bytes, or the error.

:class:`servqual_cli.io.unpack.Unpacker` inflates a deflated member itself (so that the scan
running beside it is not kept waiting for Python's lock); ``zipfile``'s reader is the
independent reference. Each member is unpacked both ways, whole and damaged.
"""

from __future__ import annotations

import io
import zipfile
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from servqual_cli.io import unpack
from servqual_cli.io.unpack import Unpacker

_NAME = "xl/worksheets/sheet1.xml"


def _archive(content: bytes, method: int = zipfile.ZIP_DEFLATED, level: int = 6) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", method, compresslevel=level) as zf:
        zf.writestr("xl/workbook.xml", b"<workbook/>")
        zf.writestr(_NAME, content)
    return buf.getvalue()


def _unpack(data: bytes, raw: bool = True) -> tuple[bytes | str, bool]:
    """(the unpacked bytes, or the error's text; whether the inflater here did it)."""
    zf = zipfile.ZipFile(io.BytesIO(data))
    with pytest.MonkeyPatch.context() as mp:
        if not raw:
            mp.setattr(unpack, "_deflated", lambda whole, info: None)
        u = Unpacker(zf, _NAME, zf.getinfo(_NAME).file_size)
        u.start()
        u.ready(len(u.buf))
        u.join()
    if u.error is not None:
        return f"{type(u.error).__name__}: {u.error}", u.inflated
    return bytes(u.buf), u.inflated


_XMLISH = st.sampled_from([b'<row r="1">', b'<c r="A1"><v>5</v></c>', b"</row>", b"x" * 300])
_CONTENT = st.one_of(
    st.binary(min_size=1, max_size=5_000),
    st.lists(_XMLISH, min_size=1, max_size=3_000).map(b"".join),
)


@given(_CONTENT, st.sampled_from([1, 6, 9]))
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_the_same_bytes_as_zipfile(content: bytes, level: int) -> None:
    data = _archive(content, level=level)
    got, inflated = _unpack(data)
    assert inflated
    assert got == content == _unpack(data, raw=False)[0]


def test_long_members_cross_many_pieces(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(unpack, "_PIECE", 1000)
    monkeypatch.setattr(unpack, "_INPUT", 64)
    content = b"".join(b'<row r="%d"><c r="A%d"><v>%d</v></c></row>' % (i, i, i % 7)
                       for i in range(1, 20_000))  # fmt: skip
    assert _unpack(_archive(content)) == (content, True)


@given(_CONTENT, st.data())
@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_a_damaged_member_fails_as_zipfile_says(content: bytes, data: st.DataObject) -> None:
    """One byte of the deflate stream changed: the same error text as zipfile's (a zlib error
    or a bad CRC: zipfile's reader decides whenever the inflater here doubts), or the same
    bytes where the change still inflates to them."""
    archive = bytearray(_archive(content))
    info = zipfile.ZipFile(io.BytesIO(bytes(archive))).getinfo(_NAME)
    start = info.header_offset + 30 + len(_NAME)
    at = data.draw(st.integers(start, start + info.compress_size - 1))
    archive[at] ^= data.draw(st.integers(1, 255))
    damaged = bytes(archive)
    got, _ = _unpack(damaged)
    assert got == _unpack(damaged, raw=False)[0]


def test_a_wrong_copy_is_caught(monkeypatch: pytest.MonkeyPatch) -> None:
    """The property above fails for an unpacker that copies its first piece wrong (the CRC is
    taken before the copy, so only the comparison with the content can see it)."""
    real = Unpacker._put

    def flip_first(self: Unpacker, view: Any, at: int, piece: bytes) -> int:
        return real(self, view, at, bytes([piece[0] ^ 1]) + piece[1:] if at == 0 else piece)

    monkeypatch.setattr(Unpacker, "_put", flip_first)
    with pytest.raises(AssertionError):
        test_the_same_bytes_as_zipfile()


def test_stored_and_encrypted_looking_members_go_through_zipfile() -> None:
    content = b"<worksheet/>" * 100
    assert _unpack(_archive(content, zipfile.ZIP_STORED)) == (content, False)
    archive = bytearray(_archive(content))
    info = zipfile.ZipFile(io.BytesIO(bytes(archive))).getinfo(_NAME)
    archive[info.header_offset + 30 : info.header_offset + 31] = b"X"  # the names differ
    got, inflated = _unpack(bytes(archive))
    assert not inflated and got == _unpack(bytes(archive), raw=False)[0]


def test_a_member_shorter_than_its_header_says() -> None:
    """The headers declare more bytes than the stream holds: refused, as before."""
    content = b"<row/>" * 2_000
    archive = bytearray(_archive(content))
    zf = zipfile.ZipFile(io.BytesIO(bytes(archive)))
    info = zf.getinfo(_NAME)
    # both headers' uncompressed size (offset 22 in the local header, 24 in the directory's)
    for offset in (info.header_offset + 22, bytes(archive).rindex(b"PK\x01\x02") + 24):
        archive[offset : offset + 4] = (len(content) + 10).to_bytes(4, "little")
    got, inflated = _unpack(bytes(archive))
    assert not inflated  # the stream ends early: zipfile's reader decides
    assert got == _unpack(bytes(archive), raw=False)[0]
    assert got == "BadZipFile: shorter than its header says"
