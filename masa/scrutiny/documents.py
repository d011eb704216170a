"""The statement of assurance as a Word document: the text, then who signed it off and when."""

from masa.core.word import add_table, day_text, document_bytes, new_document
from masa.scrutiny.models import AssuranceStatement


def statement_docx(statement: AssuranceStatement, *, summary: str) -> bytes:
    doc = new_document(f"Statement of assurance {statement.year_label}")
    doc.add_paragraph(statement.partnership.name)
    for paragraph in statement.text.split("\n\n"):
        if paragraph.strip():
            doc.add_paragraph(paragraph.strip())
    doc.add_heading("Signed off by the lead safeguarding partners", level=1)
    doc.add_paragraph(summary[0].upper() + summary[1:])
    add_table(
        doc,
        ["Name", "Role", "Signed off"],
        ((s.name, s.role, day_text(s.signed_on)) for s in statement.sign_offs.all()),
    )
    return document_bytes(doc)
