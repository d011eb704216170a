"""Checks on uploaded documents: type by content (not by name), size, and no macros.

Pure Python so it can be tested without Django.
"""

import zipfile
from dataclasses import dataclass
from typing import BinaryIO

MAX_DOCUMENT_BYTES = 20 * 1024 * 1024

# The part each Office Open XML type must contain.
OOXML_MAIN_PART = {
    "docx": "word/document.xml",
    "xlsx": "xl/workbook.xml",
    "pptx": "ppt/presentation.xml",
}
ALLOWED_LABEL = "PDF, Word (DOCX), Excel (XLSX) or PowerPoint (PPTX)"


class UploadError(ValueError):
    pass


@dataclass(frozen=True)
class CheckedFile:
    file_type: str
    size: int


def check_document(
    name: str, stream: BinaryIO, size: int, *, max_bytes: int = MAX_DOCUMENT_BYTES
) -> CheckedFile:
    """Return the document's real type, or raise UploadError with a plain-English message."""
    if size == 0:
        raise UploadError(f"The selected file {name} is empty")
    if size > max_bytes:
        raise UploadError(f"The selected file {name} must be smaller than {max_bytes // (1024 * 1024)} MB")
    stream.seek(0)
    head = stream.read(8)
    stream.seek(0)
    if head.startswith(b"%PDF-"):
        return CheckedFile("pdf", size)
    if head.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(stream) as archive:
                names = set(archive.namelist())
                content_types = (
                    archive.read("[Content_Types].xml").decode("utf-8", "replace")
                    if "[Content_Types].xml" in names
                    else ""
                )
        except (zipfile.BadZipFile, KeyError, OSError) as error:
            raise UploadError(f"The selected file {name} is damaged and cannot be opened") from error
        finally:
            stream.seek(0)
        if any(n.lower().endswith("vbaproject.bin") for n in names) or "macroEnabled" in content_types:
            raise UploadError(
                f"The selected file {name} contains macros. Save it without macros and try again"
            )
        for file_type, part in OOXML_MAIN_PART.items():
            if part in names and content_types:
                return CheckedFile(file_type, size)
    raise UploadError(f"The selected file {name} must be a {ALLOWED_LABEL}")
