"""Small documents for upload tests, made in memory."""

import functools
import io
import os
import subprocess
import tempfile
import zipfile
from pathlib import Path

from django.core.files.uploadedfile import SimpleUploadedFile
from docx import Document
from openpyxl import Workbook
from pypdf import PdfWriter

from masa.governance.conversion import soffice

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


def xlsx_bytes() -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.title = "Budget"
    sheet.append(["Agency", "Contribution"])
    sheet.append(["Riverside Council", 120000])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


# A two-slide presentation in OpenDocument's flat XML, turned into PPTX by LibreOffice itself
# (masa has no PowerPoint writer of its own).
SLIDES_XML = """<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"
 office:version="1.2" office:mimetype="application/vnd.oasis.opendocument.presentation">
<office:body><office:presentation>{slides}</office:presentation></office:body></office:document>"""
SLIDE_XML = (
    '<draw:page draw:name="Slide {n}"><draw:frame svg:x="2cm" svg:y="2cm" svg:width="20cm" svg:height="3cm">'
    "<draw:text-box><text:p>{text}</text:p></draw:text-box></draw:frame></draw:page>"
)


@functools.cache
def pptx_bytes() -> bytes:
    slides = "".join(SLIDE_XML.format(n=n, text=f"Neglect audit slide {n}") for n in (1, 2))
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "slides.fodp"
        source.write_text(SLIDES_XML.format(slides=slides), encoding="utf-8")
        subprocess.run(  # noqa: S603 - a fixed command on a file the test wrote
            [
                soffice(),
                f"-env:UserInstallation={(Path(folder) / 'profile').as_uri()}",
                "--headless",
                "--convert-to",
                "pptx",
                "--outdir",
                folder,
                str(source),
            ],
            check=True,
            capture_output=True,
            timeout=120,
            env={**os.environ, "HOME": folder},
        )
        return (Path(folder) / "slides.pptx").read_bytes()
