"""Checks on uploaded documents: type by content and structure (not by name), size, and no macros.

Pure Python so it can be tested without Django.

Zip-based files (DOCX, XLSX, PPTX) are checked from the zip's central directory before any part
is unpacked: how many parts, how big each part and all of them would be unpacked, and how
tightly each large part is packed. A "zip bomb" of a few hundred kilobytes that unpacks to
hundreds of megabytes is refused at once, never unpacked. Python's zipfile documentation lists
the pitfall ("Decompression pitfalls", https://docs.python.org/3/library/zipfile.html); its
reader stops each part at the size the central directory declares (and fails the part's CRC
if the data says otherwise), so bounding the declared sizes bounds what any reader can unpack.

PDFs are checked for a PDF's trailer (``startxref`` and ``%%EOF`` near the end) and then opened
with pypdf and their pages counted: an HTML or script file that merely starts with ``%PDF-``
is refused (https://pypdf.readthedocs.io/en/stable/user/robustness.html).
"""

from __future__ import annotations

import io
import os
import re
import struct
import threading
import zipfile
from collections.abc import Collection
from dataclasses import dataclass
from typing import BinaryIO

from pypdf import PasswordType, PdfReader

MB = 1024 * 1024
MAX_DOCUMENT_BYTES = 20 * MB

# Bounds on what a zip-based upload may unpack to (checked before anything is unpacked).
MAX_UNPACKED_BYTES = 200 * MB
MAX_PART_BYTES = 100 * MB
MAX_PARTS = 10_000
# A part over RATIO_FLOOR_BYTES unpacked may be at most MAX_RATIO times its packed size. Small
# parts can legitimately pack tighter (a short XML file of repeated tags), so they are not judged.
MAX_RATIO = 100
RATIO_FLOOR_BYTES = 1 * MB
# The central directory itself: parsing it is the one read made before the bounds are known.
CENTRAL_DIRECTORY_BYTES_PER_PART = 512
# [Content_Types].xml lists a few dozen types: a few kilobytes in a real file.
MAX_CONTENT_TYPES_BYTES = 1 * MB

# PDFs: the trailer is looked for in the last PDF_TAIL_BYTES; pypdf gets PDF_CHECK_SECONDS to
# open the file and count its pages (a real 20 MB PDF takes well under a second).
PDF_TAIL_BYTES = 2048
PDF_CHECK_SECONDS = 5.0
_STARTXREF = re.compile(rb"startxref\s*(\d{1,12})\s*%%EOF")
_OBJECT_HEADER = re.compile(rb"\d{1,10}\s+\d{1,5}\s+obj\b")

# Spreadsheets read for their data (data-call templates, comparator tables) are smaller still.
SPREADSHEET_MAX_UNPACKED_BYTES = 50 * MB
SPREADSHEET_MAX_PART_BYTES = 10 * MB
SPREADSHEET_MAX_PARTS = 1_000

# The part each Office Open XML type must contain.
OOXML_MAIN_PART = {
    "docx": "word/document.xml",
    "xlsx": "xl/workbook.xml",
    "pptx": "ppt/presentation.xml",
}
ALLOWED_LABEL = "a PDF, Word (DOCX), Excel (XLSX) or PowerPoint (PPTX)"

# Messages: each takes the file's name as {name}; tests import them.
EMPTY = "The selected file {name} is empty"
TOO_BIG = "The selected file {name} must be smaller than {limit}"
WRONG_TYPE = "The selected file {name} must be {allowed}"
DAMAGED = "The selected file {name} is damaged and cannot be opened"
MACROS = "The selected file {name} contains macros. Save it without macros and try again"
LOCKED = "The selected file {name} is protected by a password. Save it without a password and try again"
TOO_LARGE_UNPACKED = "The selected file {name} is too large when unpacked"
UNPACKED_TOTAL = TOO_LARGE_UNPACKED + (
    ": it would unpack to {size}, and the most a file can unpack to is {limit}"
)
UNPACKED_PART = TOO_LARGE_UNPACKED + (
    ": one part of it would unpack to {size}, and the most one part can unpack to is {limit}"
)
UNPACKED_RATIO = TOO_LARGE_UNPACKED + (
    ": one part of it is packed {ratio} times smaller than its contents, "
    "far tighter than a real document (at most {limit} times)"
)
TOO_MANY_PARTS = (
    "The selected file {name} has too many parts inside it: it has {count} and can have up to {limit}"
)

# The end of the central directory (PKWARE APPNOTE.TXT, sections 4.3.14 to 4.3.16).
_EOCD = struct.Struct("<4s4H2LH")
_EOCD_SIGNATURE = b"PK\x05\x06"
_ZIP64_LOCATOR = struct.Struct("<4sLQL")
_ZIP64_LOCATOR_SIGNATURE = b"PK\x06\x07"
_ZIP64_EOCD = struct.Struct("<4sQ2H2L4Q")
_ZIP64_EOCD_SIGNATURE = b"PK\x06\x06"
_MAX_COMMENT = 0xFFFF


class UploadError(ValueError):
    pass


@dataclass(frozen=True)
class CheckedFile:
    file_type: str
    size: int


def size_text(n: int) -> str:
    """Bytes as whole megabytes (at least 1 MB), like "300 MB"."""
    return f"{max(1, -(-n // MB)):,} MB"


def _stream(source: bytes | BinaryIO) -> BinaryIO:
    return io.BytesIO(source) if isinstance(source, bytes | bytearray | memoryview) else source


def _directory_extent(name: str, stream: BinaryIO) -> tuple[int, int]:
    """(parts, bytes) the central directory declares, from its end record, without parsing it."""
    stream.seek(0, io.SEEK_END)
    size = stream.tell()
    start = max(0, size - _EOCD.size - _MAX_COMMENT)
    stream.seek(start)
    tail = stream.read()
    at = tail.rfind(_EOCD_SIGNATURE)
    if at < 0 or len(tail) - at < _EOCD.size:
        raise UploadError(DAMAGED.format(name=name))
    _, _, _, _, parts, directory_bytes, directory_offset, _ = _EOCD.unpack_from(tail, at)
    if parts == 0xFFFF or directory_bytes == 0xFFFFFFFF or directory_offset == 0xFFFFFFFF:
        # Zip64: the locator sits just before the end record, the Zip64 end record just before it.
        locator_at = start + at - _ZIP64_LOCATOR.size
        record_at = locator_at - _ZIP64_EOCD.size
        if record_at < 0:
            raise UploadError(DAMAGED.format(name=name))
        stream.seek(record_at)
        raw = stream.read(_ZIP64_EOCD.size + _ZIP64_LOCATOR.size)
        record, locator = raw[: _ZIP64_EOCD.size], raw[_ZIP64_EOCD.size :]
        if (
            len(raw) < _ZIP64_EOCD.size + _ZIP64_LOCATOR.size
            or not locator.startswith(_ZIP64_LOCATOR_SIGNATURE)
            or not record.startswith(_ZIP64_EOCD_SIGNATURE)
        ):
            raise UploadError(DAMAGED.format(name=name))
        fields = _ZIP64_EOCD.unpack(record)
        parts, directory_bytes = fields[7], fields[8]
    return parts, directory_bytes


def check_zip_bounds(
    name: str,
    source: bytes | BinaryIO,
    *,
    max_total: int = MAX_UNPACKED_BYTES,
    max_member: int = MAX_PART_BYTES,
    max_members: int = MAX_PARTS,
    max_ratio: int = MAX_RATIO,
    ratio_floor: int = RATIO_FLOOR_BYTES,
) -> list[zipfile.ZipInfo]:
    """The zip's parts, if unpacking them stays within the bounds; otherwise UploadError.

    Only the central directory is read (its size bounded first, from the end record); no part is
    unpacked. A stream is left at its start.
    """
    stream = _stream(source)
    try:
        parts, directory_bytes = _directory_extent(name, stream)
        if parts > max_members:
            raise UploadError(TOO_MANY_PARTS.format(name=name, count=f"{parts:,}", limit=f"{max_members:,}"))
        if directory_bytes > max_members * CENTRAL_DIRECTORY_BYTES_PER_PART:
            raise UploadError(
                TOO_MANY_PARTS.format(name=name, count="more than that", limit=f"{max_members:,}")
            )
        stream.seek(0)
        try:
            with zipfile.ZipFile(stream) as archive:
                infos = archive.infolist()
        except Exception as error:  # noqa: BLE001 - any directory zipfile cannot read is damaged
            raise UploadError(DAMAGED.format(name=name)) from error
    finally:
        stream.seek(0)
    if len(infos) > max_members:
        raise UploadError(TOO_MANY_PARTS.format(name=name, count=f"{len(infos):,}", limit=f"{max_members:,}"))
    total = sum(info.file_size for info in infos)
    if total > max_total:
        raise UploadError(UNPACKED_TOTAL.format(name=name, size=size_text(total), limit=size_text(max_total)))
    for info in infos:
        if info.file_size > max_member:
            raise UploadError(
                UNPACKED_PART.format(name=name, size=size_text(info.file_size), limit=size_text(max_member))
            )
        if info.file_size > ratio_floor and info.file_size > max_ratio * max(info.compress_size, 1):
            ratio = info.file_size // max(info.compress_size, 1)
            raise UploadError(UNPACKED_RATIO.format(name=name, ratio=f"{ratio:,}", limit=max_ratio))
    return infos


def _xref_pointer_ok(data: bytes) -> bool:
    """The file ends with ``startxref``, an offset and ``%%EOF`` (ISO 32000-1 section 7.5.5), and the
    offset points at a cross-reference table or stream. A file that fails this is not a PDF, or is
    damaged enough that pypdf would have to scan all of it to rebuild the table."""
    tail = data[-PDF_TAIL_BYTES:]
    found = list(_STARTXREF.finditer(tail))
    if not found:
        return False
    offset = int(found[-1].group(1))
    if not 0 < offset < len(data):
        return False
    at = data[offset : offset + 64].lstrip(b" \t\r\n\x00\x0c")
    return at.startswith(b"xref") or _OBJECT_HEADER.match(at) is not None


def _pdf_outcome(buffer: io.BytesIO, outcome: list[object]) -> None:
    try:
        reader = PdfReader(buffer, strict=False)
        if reader.is_encrypted and reader.decrypt("") == PasswordType.NOT_DECRYPTED:
            outcome.append(LOCKED)
            return
        outcome.append(len(reader.pages))
    except Exception as error:  # noqa: BLE001 - any failure to parse is a damaged file
        outcome.append(error)


def check_pdf(name: str, stream: BinaryIO, *, seconds: float = PDF_CHECK_SECONDS) -> None:
    """Refuse a file that starts like a PDF but is not one: no trailer, or pypdf cannot open it and
    count its pages within `seconds` (https://pypdf.readthedocs.io/en/stable/user/robustness.html)."""
    stream.seek(0)
    data = stream.read()
    stream.seek(0)
    if not _xref_pointer_ok(data):
        raise UploadError(DAMAGED.format(name=name))
    # pypdf reads a private copy in a thread with a time limit: on time-out the copy is closed,
    # so pypdf's next read fails and the thread stops, and the upload is refused at once.
    buffer = io.BytesIO(data)
    outcome: list[object] = []
    worker = threading.Thread(target=_pdf_outcome, args=(buffer, outcome), name="masa-pdf-check", daemon=True)
    worker.start()
    worker.join(seconds)
    if worker.is_alive() or not outcome:
        buffer.close()
        raise UploadError(DAMAGED.format(name=name))
    result = outcome[0]
    if result is LOCKED:
        raise UploadError(LOCKED.format(name=name))
    if not isinstance(result, int) or result < 1:
        raise UploadError(DAMAGED.format(name=name))


def _check_ooxml(name: str, stream: BinaryIO) -> str | None:
    """The Office type of a zip (None if it is none of them), after the zip's bounds are checked."""
    infos = check_zip_bounds(name, stream)
    names = {info.filename for info in infos}
    try:
        with zipfile.ZipFile(stream) as archive:
            content_types = ""
            if "[Content_Types].xml" in names:
                with archive.open("[Content_Types].xml") as part:
                    raw = part.read(MAX_CONTENT_TYPES_BYTES + 1)
                if len(raw) > MAX_CONTENT_TYPES_BYTES:
                    raise UploadError(
                        UNPACKED_PART.format(
                            name=name, size=size_text(len(raw)), limit=size_text(MAX_CONTENT_TYPES_BYTES)
                        )
                    )
                content_types = raw.decode("utf-8", "replace")
    except UploadError:
        raise
    except Exception as error:  # noqa: BLE001 - bad zip, bad deflate data (zlib.error), bad CRC, encryption
        raise UploadError(DAMAGED.format(name=name)) from error
    finally:
        stream.seek(0)
    if any(n.lower().endswith("vbaproject.bin") for n in names) or "macroEnabled" in content_types:
        raise UploadError(MACROS.format(name=name))
    for file_type, main_part in OOXML_MAIN_PART.items():
        if main_part in names and content_types:
            return file_type
    return None


def name_with_real_type(name: str, file_type: str, *, fallback: str) -> str:
    """The name people see for a checked file: it ends with the file's real type, so a download
    never opens as something else, and fits a 255-character field."""
    shown = os.path.basename(name) or fallback
    stem, extension = os.path.splitext(shown)
    if extension.lower() != f".{file_type}":
        shown = f"{stem or fallback}.{file_type}"
    return shown[-255:]


def check_document(
    name: str,
    stream: BinaryIO,
    size: int,
    *,
    max_bytes: int = MAX_DOCUMENT_BYTES,
    allowed: Collection[str] = ("pdf", *OOXML_MAIN_PART),
    allowed_label: str = ALLOWED_LABEL,
) -> CheckedFile:
    """Return the document's real type, or raise UploadError with a plain-English message.

    `allowed` narrows the types accepted (`allowed_label` names them in the message); a file of
    another type is refused before its contents are read.
    """
    wrong_type = UploadError(WRONG_TYPE.format(name=name, allowed=allowed_label))
    if size == 0:
        raise UploadError(EMPTY.format(name=name))
    if size > max_bytes:
        raise UploadError(TOO_BIG.format(name=name, limit=size_text(max_bytes)))
    stream.seek(0)
    head = stream.read(8)
    stream.seek(0)
    if head.startswith(b"%PDF-"):
        if "pdf" not in allowed:
            raise wrong_type
        check_pdf(name, stream)
        return CheckedFile("pdf", size)
    if head.startswith(b"PK\x03\x04") and any(t in OOXML_MAIN_PART for t in allowed):
        file_type = _check_ooxml(name, stream)
        if file_type is not None and file_type in allowed:
            return CheckedFile(file_type, size)
    raise wrong_type
