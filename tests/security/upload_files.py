"""Hostile uploads made in memory: zip bombs, damaged and disguised files, and Hypothesis
strategies that generate them for every upload reader.

A bomb is written by streaming zeros into one part in 1 MB chunks, so building a 300 MB bomb
never holds 300 MB: only the ~300 KB it packs to. Each bomb is built once per test run.
"""

from __future__ import annotations

import io
import random
import zipfile
from collections.abc import Callable
from functools import cache

from docx import Document
from hypothesis import strategies as st
from openpyxl import Workbook

from tests.governance.files import pdf_bytes

MB = 1024 * 1024


def rezip(base: bytes, replace: dict[str, Callable[[zipfile.ZipFile, str], None]]) -> bytes:
    """A copy of the zip `base` where each part named in `replace` is written by its function."""
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(base)) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for info in source.infolist():
            if info.filename in replace:
                replace[info.filename](target, info.filename)
            else:
                target.writestr(info.filename, source.read(info.filename))
        for name, write in replace.items():
            if name not in source.namelist():
                write(target, name)
    return out.getvalue()


def zeros(size: int, chunk: bytes = b"0" * MB) -> Callable[[zipfile.ZipFile, str], None]:
    """Write `size` bytes of b"0" into a part, streamed (Zip64 so sizes over 2 GB would work too)."""

    def write(archive: zipfile.ZipFile, name: str) -> None:
        with archive.open(name, "w", force_zip64=True) as handle:
            left = size
            while left > 0:
                handle.write(chunk[: min(left, len(chunk))])
                left -= len(chunk)

    return write


def loose(size: int) -> Callable[[zipfile.ZipFile, str], None]:
    """Write `size` bytes that pack about 20 to 1: under the ratio bound, so only size refuses them."""
    noise = random.Random(0).randbytes(32 * 1024)
    return zeros(size, chunk=noise + b"0" * (len(noise) * 16))


@cache
def real_docx() -> bytes:
    doc = Document()
    doc.add_heading("Board paper", level=1)
    doc.add_paragraph("A paper for the Board: the partnership's priorities for the year.")
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


@cache
def real_xlsx() -> bytes:
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.append(["Indicator code", "Year", "Kind", "Value", "Source"])
    ws.append(["arrests_pct", "2022-23", "Statistical neighbours", 64.2, "LG Inform"])
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


@cache
def docx_bomb() -> bytes:
    """A Word document of about 300 KB whose [Content_Types].xml unpacks to 300 MB."""
    return rezip(real_docx(), {"[Content_Types].xml": zeros(300 * MB)})


@cache
def xlsx_bomb(base: bytes | None = None) -> bytes:
    """A workbook of about 200 KB whose first sheet unpacks to 200 MB."""
    return rezip(base or real_xlsx(), {"xl/worksheets/sheet1.xml": zeros(200 * MB)})


@cache
def tight_part(base: bytes | None = None, part: str = "xl/worksheets/sheet1.xml") -> bytes:
    """One 8 MB part packed about 1,000 to 1: within every size bound, refused for its ratio."""
    return rezip(base or real_xlsx(), {part: zeros(8 * MB)})


@cache
def big_sheet(base: bytes | None = None) -> bytes:
    """A first sheet that unpacks to 12 MB at about 20 to 1: a document may, a data sheet may not."""
    return rezip(base or real_xlsx(), {"xl/worksheets/sheet1.xml": loose(12 * MB)})


@cache
def many_parts(base: bytes | None = None, count: int = 12_000) -> bytes:
    """A real file with thousands of empty parts added."""
    out = io.BytesIO(base or real_docx())
    with zipfile.ZipFile(out, "a") as archive:
        for n in range(count):
            archive.writestr(f"extra/part{n}.xml", b"")
    return out.getvalue()


def html_as_pdf(trailer: bool = True) -> bytes:
    """HTML with a PDF's first bytes (and, with `trailer`, a PDF's last ones)."""
    body = b"%PDF-1.7\n<html><body><script>alert(document.cookie)</script></body></html>\n"
    return body + (b"startxref\n9\n%%EOF\n" if trailer else b"")


# -- Hypothesis strategies ----------------------------------------------------------------------


def _edit(data: bytes, position: int, kind: str, payload: bytes) -> bytes:
    position %= max(len(data), 1)
    if kind == "replace":
        return data[:position] + payload + data[position + len(payload) :]
    if kind == "delete":
        return data[:position] + data[position + len(payload) :]
    if kind == "insert":
        return data[:position] + payload + data[position:]
    return data[:position]  # truncate


@st.composite
def mutated(draw: st.DrawFn, base: bytes) -> bytes:
    """`base` with a few bytes replaced, deleted, inserted, or cut off."""
    edits = draw(
        st.lists(
            st.tuples(
                st.integers(0, len(base)),
                st.sampled_from(["replace", "delete", "insert", "truncate"]),
                st.binary(min_size=1, max_size=8),
            ),
            min_size=1,
            max_size=4,
        )
    )
    data = base
    for position, kind, payload in edits:
        data = _edit(data, position, kind, payload)
    return data


def _built(builder: Callable[[], bytes]) -> bytes:
    return builder()


@st.composite
def corrupted_part(draw: st.DrawFn, base: bytes) -> bytes:
    """`base` (a zip) with bytes overwritten inside one part's packed data, headers left intact:
    the damage is found only as the part is unpacked (a zlib error or a bad CRC)."""
    with zipfile.ZipFile(io.BytesIO(base)) as archive:
        infos = [i for i in archive.infolist() if i.compress_size > 0]
    info = draw(st.sampled_from(infos))
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    position = start + draw(st.integers(0, info.compress_size - 1))
    payload = draw(st.binary(min_size=1, max_size=8))
    return base[:position] + payload + base[position + len(payload) :]


def bombs() -> st.SearchStrategy[bytes]:
    """The bombs above (each built on first use, not when the strategy is made)."""
    return st.sampled_from([docx_bomb, xlsx_bomb, tight_part, many_parts]).map(_built)


def text_in_encodings(text: str) -> st.SearchStrategy[bytes]:
    return st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-32", "cp1252", "latin-1"]).map(
        lambda codec: text.encode(codec, errors="replace")
    )


def hostile_documents() -> st.SearchStrategy[bytes]:
    """Anything a paper, evidence or report upload might be sent: real files first, so mutations of
    them reach deep into the readers, then bombs, truncations, disguises and noise."""
    return st.one_of(
        bombs(),
        bombs().flatmap(lambda bomb: st.integers(1, len(bomb) - 1).map(lambda cut: bomb[:cut])),
        mutated(real_docx()),
        mutated(real_xlsx()),
        corrupted_part(real_docx()),
        corrupted_part(real_xlsx()),
        mutated(pdf_bytes()),
        st.just(html_as_pdf()),
        st.just(html_as_pdf(trailer=False)),
        st.binary(max_size=300).map(lambda b: b"%PDF-1.4\n" + b + b"\nstartxref\n0\n%%EOF\n"),
        st.binary(max_size=300).map(lambda b: b"PK\x03\x04" + b),
        st.binary(min_size=1, max_size=300),
    )


def hostile_tables() -> st.SearchStrategy[bytes]:
    """Anything a comparator table or a data-call template upload might be sent."""
    header = "Indicator code,Year,Kind,Value,Source\n"
    return st.one_of(
        st.just(real_xlsx).map(_built),  # a good table, so the answer is sometimes "imported"
        text_in_encodings(header + "arrests_pct,2022-23,England,12.5\n"),
        hostile_documents(),
        st.just(big_sheet).map(_built),
        st.text(max_size=200).flatmap(lambda t: text_in_encodings(header + t)),
        st.sampled_from(
            [
                (
                    header + 'arrests_pct,2022-23,England,"' + "9" * 200_000 + "\n"
                ).encode(),  # over csv's field limit
                (header + "arrests_pct,2022-23,England,1\n" * 2001).encode(),  # over the row limit
                b"a" * 5000 + b"\x00,1\n",  # a NUL after the first 4 KB
                (header + 'arrests_pct,"2022-23,England,1\n').encode(),  # an unclosed quote
            ]
        ),
    )
