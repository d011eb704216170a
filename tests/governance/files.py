"""Small documents for upload tests, made in memory."""

import io
import zipfile

from django.core.files.uploadedfile import SimpleUploadedFile
from docx import Document
from pypdf import PdfWriter

CONTENT_TYPES_XML = (
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
    'content-types"><Override PartName="/word/document.xml" ContentType="application/vnd.{kind}"/></Types>'
)


def pdf_bytes(pages: int = 1) -> bytes:
    writer = PdfWriter()
    for _ in range(pages):
        writer.add_blank_page(width=595, height=842)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def docx_bytes() -> bytes:
    doc = Document()
    doc.add_paragraph("A paper for the Board.")
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def docm_bytes() -> bytes:
    """A macro-enabled Word document (its content says so, whatever its name)."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr(
            "[Content_Types].xml", CONTENT_TYPES_XML.format(kind="ms-word.document.macroEnabled.main+xml")
        )
        archive.writestr("word/document.xml", "<w:document/>")
        archive.writestr("word/vbaProject.bin", b"\x00" * 64)
    return out.getvalue()


def upload(name: str, content: bytes, content_type: str = "application/octet-stream") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type=content_type)


def pdf(name: str = "report.pdf", pages: int = 1) -> SimpleUploadedFile:
    return upload(name, pdf_bytes(pages), "application/pdf")


BAD_FILES = {
    "renamed exe": ("setup.pdf", b"MZ\x90\x00" + b"\x00" * 200, "must be a PDF"),
    "empty": ("empty.pdf", b"", "is empty"),
    "21 MB": ("huge.pdf", b"%PDF-1.4\n" + b"0" * (21 * 1024 * 1024), "must be smaller than 20 MB"),
    "docm renamed docx": ("macros.docx", docm_bytes(), "contains macros"),
}
