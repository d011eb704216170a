"""Meeting documents: the minutes as Word, and the agenda pack as one PDF.

Both are built from the same records as the meeting page and respect what the requesting user
may see (restricted papers are left out for anyone not named on them).
"""

import logging
from dataclasses import dataclass
from io import BytesIO

from django.template.loader import render_to_string
from django.utils import timezone
from docx import Document
from pypdf import PdfReader, PdfWriter, Transformation

from masa.core.dates import long_date
from masa.governance.models import AttendanceStatus, Meeting, Paper, PdfStatus
from masa.governance.selectors import AgendaRow

# WeasyPrint logs each rendering step at INFO; only its warnings belong in the service's log.
logging.getLogger("weasyprint.progress").setLevel(logging.WARNING)

ATTENDANCE_ORDER: list[str] = [
    AttendanceStatus.PRESENT,
    AttendanceStatus.DEPUTY,
    AttendanceStatus.APOLOGIES,
    AttendanceStatus.ABSENT,
]


def meeting_title(meeting: Meeting) -> str:
    return f"{meeting.group.name}, {long_date(timezone.localtime(meeting.starts_at))}"


def _time_range(meeting: Meeting) -> str:
    return f"{timezone.localtime(meeting.starts_at):%H:%M} to {timezone.localtime(meeting.ends_at):%H:%M}"


def _table(doc, headings: list[str], rows: list[list[str]]) -> None:
    table = doc.add_table(rows=1, cols=len(headings))
    table.style = "Table Grid"
    for cell, heading in zip(table.rows[0].cells, headings, strict=True):
        cell.text = heading
        for run in cell.paragraphs[0].runs:
            run.bold = True
    for values in rows:
        for cell, value in zip(table.add_row().cells, values, strict=True):
            cell.text = value


def attendance_text(record) -> str:
    if record.status == AttendanceStatus.DEPUTY and record.deputy is not None:
        return f"Deputy: {record.deputy.name}"
    return record.get_status_display()


def minutes_docx(meeting: Meeting, rows: list[AgendaRow]) -> bytes:
    """The minutes: attendance, then each item with its discussion, decisions and actions.

    `meeting` comes from `meeting_get` (attendance and items prefetched), `rows` from `agenda_rows`.
    """
    doc = Document()
    title = f"Minutes: {meeting_title(meeting)}"
    doc.core_properties.title = title
    doc.core_properties.language = "en-GB"
    doc.add_heading(title, level=0)
    doc.add_paragraph(f"Date: {long_date(timezone.localtime(meeting.starts_at))}, {_time_range(meeting)}")
    if meeting.location:
        doc.add_paragraph(f"Location: {meeting.location}")
    if meeting.minutes_locked and meeting.minutes_approved_at_meeting:
        approved_at = timezone.localtime(meeting.minutes_approved_at_meeting.starts_at)
        doc.add_paragraph(f"Approved at the meeting of {long_date(approved_at)}.")
    else:
        doc.add_paragraph("Draft: these minutes have not yet been approved.")

    doc.add_heading("Attendance", level=1)
    records = sorted(
        meeting.attendance.all(), key=lambda a: (ATTENDANCE_ORDER.index(a.status), a.person.name)
    )
    if records:
        _table(
            doc,
            ["Name", "Agency", "Attendance"],
            [[a.person.name, a.person.agency.name, attendance_text(a)] for a in records],
        )
    else:
        doc.add_paragraph("Attendance has not been recorded.")
    guests = list(meeting.guests.all())
    if guests:
        # Officers and guests: listed apart, never counted towards the quorum (docs/domain.md, 7.1).
        doc.add_heading("In attendance", level=2)
        _table(doc, ["Name", "Role or organisation"], [[g.name, g.role] for g in guests])

    if meeting.minutes_summary:
        doc.add_heading("Summary", level=1)
        doc.add_paragraph(meeting.minutes_summary)

    for number, row in enumerate(rows, start=1):
        item = row.item
        doc.add_heading(f"{number}. {item.title}", level=1)
        doc.add_paragraph(
            f"{item.get_purpose_display()}"
            + (f", presented by {item.presenter.name}" if item.presenter else "")
        )
        doc.add_paragraph(item.discussion or "No discussion recorded.")
        decisions = list(item.decisions.all())
        if decisions:
            doc.add_heading("Decisions", level=2)
            _table(doc, ["Decision"], [[d.text] for d in decisions])
        actions = list(item.actions.all())
        if actions:
            doc.add_heading("Actions", level=2)
            _table(
                doc,
                ["Ref", "Action", "Owner", "Due"],
                [[a.reference, a.title, a.owner.name, long_date(a.due_date)] for a in actions],
            )

    out = BytesIO()
    doc.save(out)
    return out.getvalue()


# The agenda pack -----------------------------------------------------------------------------

NOT_INCLUDED = "could not be included: open it from the meeting page"
BEING_CONVERTED = "not included yet, as it is still being converted to PDF: open it from the meeting page"


@dataclass
class PackPaper:
    paper: Paper
    included: bool
    note: str
    reader: PdfReader | None = None
    first_page: int = 0


def _read_pdf(file) -> PdfReader | None:
    """A stored PDF that can be merged, or None if it cannot be read."""
    try:
        with file.open("rb") as handle:
            reader = PdfReader(BytesIO(handle.read()))
        if reader.is_encrypted and not reader.decrypt(""):
            return None
        return reader if len(reader.pages) else None
    except Exception:  # noqa: BLE001 - a damaged paper must not stop the rest of the pack
        return None


def _pack_paper(paper: Paper) -> PackPaper:
    """Every paper goes into the pack as PDF: a PDF as it is, Word, Excel and PowerPoint papers
    as the task worker converted them (docs/domain.md, "7.1 Meetings")."""
    if paper.file_type == "pdf":
        reader = _read_pdf(paper.file)
    elif paper.pdf_status == PdfStatus.CONVERTED:
        reader = _read_pdf(paper.pdf_file)
    elif paper.pdf_status == PdfStatus.PENDING:
        return PackPaper(paper, False, BEING_CONVERTED)
    else:
        reader = None
    if reader is None:
        return PackPaper(paper, False, NOT_INCLUDED)
    return PackPaper(paper, True, "", reader)


def _number_papers(papers: list[PackPaper], first_page: int) -> int:
    """Give each included paper its first page in the pack; returns the pack's last page."""
    page = first_page
    for pack_paper in papers:
        if pack_paper.reader is not None:
            pack_paper.first_page = page
            page += len(pack_paper.reader.pages)
    return page - 1


def _front_pages(meeting: Meeting, rows: list[AgendaRow], papers: dict[int, list[PackPaper]]):
    """The agenda and contents pages, rendered until the page numbers they print are stable."""
    # Imported here: WeasyPrint is slow to load and only this download needs it.
    from weasyprint import HTML
    from weasyprint.urls import URLFetcher

    every = [p for row in rows for p in papers[row.item.pk]]
    front_pages, document = 1, None
    for _ in range(4):
        total = _number_papers(every, front_pages + 1)
        html = render_to_string(
            "governance/agenda_pack.html",
            {
                "meeting": meeting,
                "title": f"Agenda: {meeting_title(meeting)}",
                "rows": [(row, papers[row.item.pk]) for row in rows],
                "total_pages": max(total, front_pages),
            },
        )
        document = HTML(string=html, url_fetcher=URLFetcher(allowed_protocols=["data"])).render()
        if len(document.pages) == front_pages:
            break
        front_pages = len(document.pages)
    assert document is not None
    return document, max(_number_papers(every, front_pages + 1), front_pages)


def _page_numbers(sizes: list[tuple[float, float]], first: int, total: int) -> PdfReader:
    """One page per size given, blank but for "Page n of total" at the foot, to lay on the papers."""
    from weasyprint import HTML

    names = {size: f"s{n}" for n, size in enumerate(sorted(set(sizes)))}
    styles = "".join(
        f"@page {name} {{ size: {w:.2f}pt {h:.2f}pt; margin: {max(h - 40, 0):.2f}pt 24pt 8pt 24pt; }}"
        for (w, h), name in names.items()
    )
    pages = "".join(
        f'<p style="page: {names[size]}">Page {first + n} of {total}</p>' for n, size in enumerate(sizes)
    )
    html = (
        f"<!DOCTYPE html><html lang='en-GB'><head><meta charset='utf-8'><style>{styles}"
        "p { break-before: page; margin: 0; text-align: right; font: 9pt 'DejaVu Sans', Arial, sans-serif; }"
        "p span { background: white; } </style></head>"
        f"<body>{pages}</body></html>"
    )
    return PdfReader(BytesIO(HTML(string=html).write_pdf()))


def agenda_pack_pdf(meeting: Meeting, rows: list[AgendaRow]) -> tuple[bytes, list[Paper]]:
    """One PDF: the agenda and a contents page (rendered by WeasyPrint), then every paper the
    user may see, PDF or converted from Word, Excel or PowerPoint, with page numbers throughout.

    `rows` hold only the papers the requesting user may see. Returns the PDF and the papers in it.
    A paper that could not be converted or read is listed with a note, never fails the pack.
    """
    papers = {row.item.pk: [_pack_paper(paper) for paper in row.papers] for row in rows}
    front, total = _front_pages(meeting, rows, papers)
    writer = PdfWriter()
    writer.append(PdfReader(BytesIO(front.write_pdf(pdf_variant="pdf/ua-1"))), outline_item="Agenda")
    front_count = len(writer.pages)
    included = []
    for row in rows:
        for pack_paper in papers[row.item.pk]:
            if pack_paper.reader is not None:
                writer.append(pack_paper.reader, outline_item=pack_paper.paper.title)
                included.append(pack_paper.paper)
    paper_pages = list(writer.pages)[front_count:]
    if paper_pages:
        for page in paper_pages:
            if page.rotation:
                page.transfer_rotation_to_content()
        sizes = [(float(p.cropbox.width), float(p.cropbox.height)) for p in paper_pages]
        stamps = _page_numbers(sizes, front_count + 1, total)
        for page, stamp in zip(paper_pages, stamps.pages, strict=True):
            box = page.cropbox
            page.merge_transformed_page(stamp, Transformation().translate(float(box.left), float(box.bottom)))
    writer.add_metadata({"/Title": f"Agenda pack: {meeting_title(meeting)}"})
    out = BytesIO()
    writer.write(out)
    return out.getvalue(), included
