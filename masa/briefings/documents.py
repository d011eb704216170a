"""A 7-minute briefing as a Word document and as a PDF, built from the same record as its page.

Both carry the partnership's name, the title, themes, the review it came from, the date it was
published and the seven-minute sections in reading order. Nothing else of the review (and never
anything about a child or an incident) goes into them.
"""

import logging
from dataclasses import dataclass, field
from io import BytesIO

from django.template.loader import render_to_string
from docx import Document

from masa.briefings.models import Briefing
from masa.briefings.services import SECTIONS
from masa.core.dates import long_date

# WeasyPrint logs each rendering step at INFO; only its warnings belong in the service's log.
logging.getLogger("weasyprint.progress").setLevel(logging.WARNING)

BULLETS = ("- ", "* ", "• ")


@dataclass
class Block:
    """A paragraph (text) or a bulleted list (items)."""

    text: str = ""
    items: list[str] = field(default_factory=list)


@dataclass
class Section:
    number: int
    heading: str
    blocks: list[Block]


def _blocks(text: str) -> list[Block]:
    """Lines of a section as paragraphs; lines starting with a dash or bullet become list items."""
    blocks: list[Block] = []
    for line in text.splitlines():
        line = line.strip()
        if not line:
            continue
        if line.startswith(BULLETS):
            if not blocks or not blocks[-1].items:
                blocks.append(Block())
            blocks[-1].items.append(line[2:].strip())
        else:
            blocks.append(Block(text=line))
    return blocks


def briefing_sections(briefing: Briefing) -> list[Section]:
    """The non-empty sections, numbered in reading order."""
    sections: list[Section] = []
    for name, heading in SECTIONS:
        text = getattr(briefing, name)
        if text.strip():
            sections.append(Section(len(sections) + 1, heading, _blocks(text)))
    return sections


def briefing_facts(briefing: Briefing) -> list[tuple[str, str]]:
    """What the briefing is about and where it comes from, as (label, value) rows."""
    themes = ", ".join(theme.name for theme in briefing.themes.all())
    facts = [("Partnership", briefing.partnership.name)]
    facts.append(
        ("Published", long_date(briefing.published_on) if briefing.published_on else "Not yet published")
    )
    facts.append(("Themes", themes or "None"))
    if briefing.review is not None:
        facts.append(("From review", briefing.review.public_label))
    return facts


def document_title(briefing: Briefing) -> str:
    return f"7-minute briefing: {briefing.title}"


def briefing_docx(briefing: Briefing) -> bytes:
    doc = Document()
    title = document_title(briefing)
    doc.core_properties.title = title
    doc.core_properties.author = briefing.partnership.name
    doc.core_properties.language = "en-GB"
    doc.add_paragraph(briefing.partnership.name)
    doc.add_heading(title, level=0)
    table = doc.add_table(rows=0, cols=2)
    table.style = "Table Grid"
    for label, value in briefing_facts(briefing):
        cells = table.add_row().cells
        cells[0].text = label
        for run in cells[0].paragraphs[0].runs:
            run.bold = True
        cells[1].text = value
    doc.add_paragraph("Take seven minutes to read this briefing and discuss it with your team.")
    for section in briefing_sections(briefing):
        doc.add_heading(f"{section.number}. {section.heading}", level=1)
        for block in section.blocks:
            if block.items:
                for item in block.items:
                    doc.add_paragraph(item, style="List Bullet")
            else:
                doc.add_paragraph(block.text)
    out = BytesIO()
    doc.save(out)
    return out.getvalue()


def briefing_pdf(briefing: Briefing) -> bytes:
    # Imported here: WeasyPrint is slow to load and only this download needs it.
    from weasyprint import HTML
    from weasyprint.urls import URLFetcher

    html = render_to_string(
        "briefings/briefing_pdf.html",
        {
            "briefing": briefing,
            "title": document_title(briefing),
            "facts": briefing_facts(briefing),
            "sections": briefing_sections(briefing),
        },
    )
    return HTML(string=html, url_fetcher=URLFetcher(allowed_protocols=["data"])).write_pdf(
        pdf_variant="pdf/ua-1"
    )
