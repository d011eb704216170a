"""The inspections register and the assurance requests as Excel workbooks.

Written by masa.core.spreadsheets, as the action log is: text is never a formula.
"""

from collections.abc import Iterable
from datetime import date

from masa.assurance.models import AssuranceRequest, FindingKind, Inspection
from masa.assurance.selectors import inspection_progress
from masa.core.spreadsheets import Column, register_workbook


def _count(inspection: Inspection, kind: str) -> int:
    return sum(1 for f in inspection.findings.all() if f.kind == kind)


# (header, width in characters, value of a row)
COLUMNS: list[Column] = [
    ("Title", 40, lambda i, today: i.title),
    ("Kind", 30, lambda i, today: i.get_kind_display()),
    ("Agency inspected", 30, lambda i, today: i.inspected_body.name if i.inspected_body else "Whole area"),
    ("Year", 13, lambda i, today: i.year_label),
    ("Started", 16, lambda i, today: i.start_date),
    ("Ended", 16, lambda i, today: i.end_date),
    ("Published", 16, lambda i, today: i.published_date),
    ("Overall judgement", 22, lambda i, today: i.overall_judgement),
    ("Judgements", 45, lambda i, today: "\n".join(f"{j.area}: {j.judgement}" for j in i.judgements.all())),
    ("Causes of concern", 10, lambda i, today: _count(i, FindingKind.CAUSE_OF_CONCERN)),
    ("Areas for improvement", 12, lambda i, today: _count(i, FindingKind.AREA_FOR_IMPROVEMENT)),
    ("Recommendations", 10, lambda i, today: _count(i, FindingKind.RECOMMENDATION)),
    ("Actions closed", 10, lambda i, today: inspection_progress(i, today).closed),
    ("Actions open", 10, lambda i, today: inspection_progress(i, today).open),
    ("Actions overdue", 10, lambda i, today: inspection_progress(i, today).overdue),
    ("Published report", 40, lambda i, today: i.report_url),
    ("Summary", 60, lambda i, today: i.summary),
]


def inspection_register_workbook(inspections: Iterable[Inspection], *, today: date) -> bytes:
    return register_workbook("Inspections", COLUMNS, inspections, today=today)


# Assurance requests ----------------------------------------------------------------------------


def _report_kinds(r: AssuranceRequest) -> str:
    kinds = [
        k
        for k, present in (("File", r.report_file), ("Link", r.report_link), ("Text", r.report_text))
        if present
    ]
    return ", ".join(kinds)


REQUEST_COLUMNS: list[Column] = [
    ("Reference", 10, lambda r, today: r.reference),
    ("Subject", 40, lambda r, today: r.subject),
    ("Agency asked", 30, lambda r, today: r.agency.name),
    ("Group that asked", 30, lambda r, today: r.group.name),
    ("Lead at the agency", 25, lambda r, today: r.lead.name if r.lead else ""),
    ("What is asked", 60, lambda r, today: r.asked),
    ("Asked on", 16, lambda r, today: r.requested_on),
    ("Due", 16, lambda r, today: r.due_date),
    ("Status", 16, lambda r, today: r.get_status_display()),
    ("Overdue", 10, lambda r, today: "Yes" if r.is_overdue_on(today) else "No"),
    ("Report received", 16, lambda r, today: r.received_on),
    ("Report", 14, lambda r, today: _report_kinds(r)),
    ("Report link", 40, lambda r, today: r.report_link),
    ("Judgement", 16, lambda r, today: r.get_judgement_display() if r.judgement else ""),
    ("Reasons", 60, lambda r, today: r.judgement_reasons),
    ("Judged on", 16, lambda r, today: r.judged_on),
    ("Withdrawn because", 40, lambda r, today: r.withdrawn_reason),
]


def request_register_workbook(requests: Iterable[AssuranceRequest], *, today: date) -> bytes:
    """The assurance requests a user may see, one row each, laid out like the inspections register."""
    return register_workbook("Assurance requests", REQUEST_COLUMNS, requests, today=today)
