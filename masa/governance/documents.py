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
from pypdf import PdfReader, PdfWriter

from masa.core.dates import long_date
from masa.governance.models import AttendanceStatus, Meeting, Paper
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


@dataclass
class PackPaper:
    paper: Paper
    included: bool
    note: str
    reader: PdfReader | None = None


def _read_pdf(paper: Paper) -> PdfReader | None:
    """The paper as a PDF that can be merged, or None if it cannot be read."""
    try:
        with paper.file.open("rb") as handle:
            reader = PdfReader(BytesIO(handle.read()))
        if reader.is_encrypted and not reader.decrypt(""):
            return None
        return reader if len(reader.pages) else None
    except Exception:  # noqa: BLE001 - a damaged paper must not stop the rest of the pack
        return None


def _pack_papers(rows: list[AgendaRow]) -> dict[int, list[PackPaper]]:
    found: dict[int, list[PackPaper]] = {}
    for row in rows:
        papers = []
        for paper in row.papers:
            if paper.file_type != "pdf":
                papers.append(PackPaper(paper, False, "provided separately"))
                continue
            reader = _read_pdf(paper)
            if reader is None:
                papers.append(
                    PackPaper(paper, False, "could not be added to this pack: ask the business team")
                )
            else:
                papers.append(PackPaper(paper, True, "in this pack", reader))
        found[row.item.pk] = papers
    return found


def agenda_pack_pdf(meeting: Meeting, rows: list[AgendaRow]) -> tuple[bytes, list[Paper]]:
    """One PDF: the agenda page (rendered by WeasyPrint), then every PDF paper the user may see.

    `rows` hold only the papers the requesting user may see. Returns the PDF and the papers in it.
    """
    # Imported here: WeasyPrint is slow to load and only this download needs it.
    from weasyprint import HTML
    from weasyprint.urls import URLFetcher

    papers = _pack_papers(rows)
    html = render_to_string(
        "governance/agenda_pack.html",
        {
            "meeting": meeting,
            "title": f"Agenda: {meeting_title(meeting)}",
            "rows": [(row, papers[row.item.pk]) for row in rows],
        },
    )
    agenda = HTML(string=html, url_fetcher=URLFetcher(allowed_protocols=["data"])).write_pdf(
        pdf_variant="pdf/ua-1"
    )
    writer = PdfWriter()
    writer.append(PdfReader(BytesIO(agenda)), outline_item="Agenda")
    included = []
    for row in rows:
        for pack_paper in papers[row.item.pk]:
            if pack_paper.reader is not None:
                writer.append(pack_paper.reader, outline_item=pack_paper.paper.title)
                included.append(pack_paper.paper)
    writer.add_metadata({"/Title": f"Agenda pack: {meeting_title(meeting)}"})
    out = BytesIO()
    writer.write(out)
    return out.getvalue(), included
