"""The assurance registers as Word summaries for Board papers: the inspections register, a
self-assessment cycle's results and the assurance requests. Each is built from the same rows as
its page and its spreadsheet, so the three never disagree."""

from collections import Counter
from collections.abc import Iterable
from datetime import date

from masa.assurance.models import AssuranceLevel, AssuranceRequest, Inspection, RequestStatus
from masa.assurance.selectors import Progress, inspection_progress
from masa.assurance.selectors_section11 import Results
from masa.core.word import add_facts, add_table, day_text, document_bytes, new_document, plural
from masa.partnership.models import Partnership


def inspections_summary_docx(
    partnership: Partnership, inspections: Iterable[Inspection], *, today: date
) -> bytes:
    """The register: a table of inspections and how their actions stand, then each inspection's
    judgements and findings with the actions that answer them."""
    rows = list(inspections)
    doc = new_document(f"{partnership.name}: inspections")
    doc.add_paragraph(f"Summary at {day_text(today)}: {plural(len(rows), 'inspection')}.")
    progress = {i.pk: inspection_progress(i, today) for i in rows}
    add_table(
        doc,
        ["Inspection", "Started", "Overall judgement", "Actions closed", "Open", "Overdue"],
        (
            (
                i.title,
                day_text(i.start_date),
                i.overall_judgement or "None given",
                *_progress_cells(progress[i.pk]),
            )
            for i in rows
        ),
    )
    for i in rows:
        doc.add_heading(i.title, level=1)
        add_facts(
            doc,
            [
                ("Kind", i.get_kind_display()),
                ("Agency inspected", i.inspected_body.name if i.inspected_body else "The whole area"),
                (
                    "Dates",
                    f"{day_text(i.start_date)} to {day_text(i.end_date)}"
                    if i.end_date
                    else day_text(i.start_date),
                ),
                ("Published", day_text(i.published_date)),
                ("Overall judgement", i.overall_judgement or "None given"),
            ],
        )
        if i.report_url:
            add_facts(doc, [("Published report", i.report_url)])
        if i.summary:
            doc.add_paragraph(i.summary)
        judgements = list(i.judgements.all())
        if judgements:
            add_table(doc, ["Area", "Judgement"], ((j.area, j.judgement) for j in judgements))
        for finding in i.findings.all():
            doc.add_heading(f"{finding.get_kind_display()} {finding.number}", level=2)
            doc.add_paragraph(finding.text)
            for action in finding.actions.all():
                state = action.get_status_display()
                if action.is_overdue_on(today):
                    state = "Overdue"
                doc.add_paragraph(
                    f"{action.reference}: {action.title} (due {day_text(action.due_date)}; {state})",
                    style="List Bullet",
                )
    return document_bytes(doc)


def _progress_cells(progress: Progress) -> tuple[int, int, int]:
    return (progress.closed, progress.open, progress.overdue)


def section11_summary_docx(results: Results, *, today: date) -> bytes:
    """A cycle's return rate, each agency's average (agreed ratings) and change, the lowest-rated
    standards, and who has not returned."""
    cycle = results.cycle
    rate = results.rate
    doc = new_document(f"{cycle.standards_set.partnership.name}: {cycle.title}")
    doc.add_paragraph(
        f"{cycle.standards_set.name}. Opened {day_text(cycle.opens_on)}, "
        f"returns due {day_text(cycle.deadline)}; summary at {day_text(today)}."
    )
    doc.add_heading("Return rate", level=1)
    doc.add_paragraph(
        f"{rate.returned} of {rate.asked} returned ({rate.percent}%), "
        + (f"{rate.late} late." if rate.late else "none late.")
    )
    if rate.not_returned:
        doc.add_paragraph("Not returned: " + ", ".join(r.agency.name for r in rate.not_returned) + ".")
    doc.add_heading("Ratings by agency", level=1)
    doc.add_paragraph(
        "Averages use the agreed rating: the one moderated at the challenge session where it changed."
    )
    add_table(
        doc,
        ["Agency", "Average", "Previous average", "Change", "Standards moderated"],
        (
            (
                row.section11_return.agency.name + (" (late)" if row.section11_return.is_late else ""),
                row.average,
                row.previous_average if row.previous_average is not None else "None",
                row.change_label,
                sum(row.moderated),
            )
            for row in results.rows
        ),
    )
    doc.add_heading("Ratings by standard", level=1)
    by_standard = []
    for index, standard in enumerate(results.standards):
        values = [row.cells[index] for row in results.rows if row.cells[index] is not None]
        low = sum(1 for v in values if v is not None and v <= 2)
        average = round(sum(v for v in values if v is not None) / len(values), 1) if values else None
        by_standard.append((f"{standard.number}. {standard.title}", average, low))
    add_table(doc, ["Standard", "Average", "Agencies rating it 1 or 2"], by_standard)
    return document_bytes(doc)


def request_summary_docx(
    partnership: Partnership, requests: Iterable[AssuranceRequest], *, today: date
) -> bytes:
    rows = list(requests)
    doc = new_document(f"{partnership.name}: assurance requests")
    doc.add_paragraph(f"Summary at {day_text(today)}: {plural(len(rows), 'request')}.")

    statuses = Counter(r.status for r in rows)
    judgements = Counter(r.judgement for r in rows if r.status == RequestStatus.JUDGED)
    overdue = sum(1 for r in rows if r.is_overdue_on(today))
    lines = [
        ("Awaiting the agency's report", statuses[RequestStatus.REQUESTED]),
        ("of which overdue", overdue),
        ("Report received, awaiting the judgement", statuses[RequestStatus.REPORT_RECEIVED]),
        *((f"Judged: {level.label.lower()}", judgements[level.value]) for level in AssuranceLevel),
        ("Withdrawn", statuses[RequestStatus.WITHDRAWN]),
    ]
    add_table(doc, ["Where they stand", "Requests"], lines)

    for r in rows:
        doc.add_heading(f"{r.reference}: {r.subject}", level=1)
        status = r.get_status_display()
        if r.is_overdue_on(today):
            status += " (overdue)"
        add_facts(
            doc,
            [
                ("Asked of", r.agency.name + (f" ({r.lead.name})" if r.lead else "")),
                ("Asked by", f"{r.group.name}, {day_text(r.requested_on)}"),
                ("Report due", day_text(r.due_date)),
                ("Status", status),
                ("Report received", day_text(r.received_on)),
            ],
        )
        doc.add_paragraph(r.asked)
        if r.report_text:
            doc.add_heading("The agency's report", level=2)
            doc.add_paragraph(r.report_text)
        if r.judgement:
            doc.add_heading(f"Judgement: {r.get_judgement_display()} ({day_text(r.judged_on)})", level=2)
            doc.add_paragraph(r.judgement_reasons)
        if r.withdrawn_reason:
            doc.add_heading(f"Withdrawn ({day_text(r.withdrawn_on)})", level=2)
            doc.add_paragraph(r.withdrawn_reason)
    return document_bytes(doc)
