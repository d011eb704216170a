"""The building blocks of masa's Word summaries for Board papers: a titled document in British
English, labelled facts, plain grid tables, and the bytes to download. Each app writes its own
summary (masa/assurance/documents.py, masa/case_audits/documents.py,
masa/effectiveness/documents.py) from these, so they all look alike."""

from collections.abc import Iterable
from datetime import date
from io import BytesIO

from docx import Document
from docx.document import Document as DocumentObject


def day_text(value: date | None) -> str:
    """ "3 October 2023", or "not yet" for a date still to come."""
    return f"{value.day} {value:%B %Y}" if value else "not yet"


def plural(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"


def new_document(title: str) -> DocumentObject:
    doc = Document()
    doc.core_properties.title = title
    doc.core_properties.language = "en-GB"
    doc.add_heading(title, level=0)
    return doc


def add_table(doc: DocumentObject, header: Iterable[str], rows: Iterable[Iterable[object]]) -> None:
    header = list(header)
    table = doc.add_table(rows=1, cols=len(header))
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, header, strict=True):
        cell.text = text
    for row in rows:
        for cell, value in zip(table.add_row().cells, row, strict=True):
            cell.text = "" if value is None else str(value)


def add_facts(doc: DocumentObject, facts: Iterable[tuple[str, str]]) -> None:
    """Each fact as a paragraph: the label in bold, then its value."""
    for label, value in facts:
        paragraph = doc.add_paragraph()
        paragraph.add_run(f"{label}: ").bold = True
        paragraph.add_run(value)


def document_bytes(doc: DocumentObject) -> bytes:
    out = BytesIO()
    doc.save(out)
    return out.getvalue()
