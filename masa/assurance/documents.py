"""Assurance requests as a Word summary for a Board paper: counts, then each request with the
agency's answer and the group's judgement. Built from the same rows as the list and the export."""

from collections import Counter
from collections.abc import Iterable
from datetime import date
from io import BytesIO

from docx import Document

from masa.assurance.models import AssuranceLevel, AssuranceRequest, RequestStatus
from masa.partnership.models import Partnership


def _day(value: date | None) -> str:
    return f"{value.day} {value:%B %Y}" if value else "not yet"


def request_summary_docx(
    partnership: Partnership, requests: Iterable[AssuranceRequest], *, today: date
) -> bytes:
    rows = list(requests)
    doc = Document()
    title = f"{partnership.name}: assurance requests"
    doc.core_properties.title = title
    doc.core_properties.language = "en-GB"
    doc.add_heading(title, level=0)
    doc.add_paragraph(f"Summary at {_day(today)}: {len(rows)} request{'' if len(rows) == 1 else 's'}.")

    statuses = Counter(r.status for r in rows)
    judgements = Counter(r.judgement for r in rows if r.status == RequestStatus.JUDGED)
    overdue = sum(1 for r in rows if r.is_overdue_on(today))
    table = doc.add_table(rows=1, cols=2)
    table.style = "Table Grid"
    table.rows[0].cells[0].text, table.rows[0].cells[1].text = "Where they stand", "Requests"
    lines = [
        ("Awaiting the agency's report", statuses[RequestStatus.REQUESTED]),
        ("of which overdue", overdue),
        ("Report received, awaiting the judgement", statuses[RequestStatus.REPORT_RECEIVED]),
        *((f"Judged: {level.label.lower()}", judgements[level.value]) for level in AssuranceLevel),
        ("Withdrawn", statuses[RequestStatus.WITHDRAWN]),
    ]
    for label, count in lines:
        cells = table.add_row().cells
        cells[0].text, cells[1].text = label, str(count)

    for r in rows:
        doc.add_heading(f"{r.reference}: {r.subject}", level=1)
        status = r.get_status_display()
        if r.is_overdue_on(today):
            status += " (overdue)"
        for label, value in (
            ("Asked of", r.agency.name + (f" ({r.lead.name})" if r.lead else "")),
            ("Asked by", f"{r.group.name}, {_day(r.requested_on)}"),
            ("Report due", _day(r.due_date)),
            ("Status", status),
            ("Report received", _day(r.received_on)),
        ):
            p = doc.add_paragraph()
            p.add_run(f"{label}: ").bold = True
            p.add_run(value)
        doc.add_paragraph(r.asked)
        if r.report_text:
            doc.add_heading("The agency's report", level=2)
            doc.add_paragraph(r.report_text)
        if r.judgement:
            doc.add_heading(f"Judgement: {r.get_judgement_display()} ({_day(r.judged_on)})", level=2)
            doc.add_paragraph(r.judgement_reasons)
        if r.withdrawn_reason:
            doc.add_heading(f"Withdrawn ({_day(r.withdrawn_on)})", level=2)
            doc.add_paragraph(r.withdrawn_reason)
    out = BytesIO()
    doc.save(out)
    return out.getvalue()
