"""The inspections register as an Excel workbook: frozen header with filters, real dates, no formulas.

Text is never a formula: a leading = + - @ gets a quote (masa.core.csv_safe), and every text cell
is written as a string, as in the action log (masa/actions/xlsx.py).
"""

from collections.abc import Iterable
from datetime import date
from io import BytesIO

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from masa.assurance.models import AssuranceRequest, FindingKind, Inspection
from masa.assurance.selectors import inspection_progress
from masa.core.csv_safe import safe_cell

DATE_FORMAT = "d mmmm yyyy"


def _count(inspection: Inspection, kind: str) -> int:
    return sum(1 for f in inspection.findings.all() if f.kind == kind)


# (header, width in characters, value of a row)
COLUMNS = [
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
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = "Inspections"
    sheet.append([header for header, _, _ in COLUMNS])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for index, (_, width, _) in enumerate(COLUMNS, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    sheet.freeze_panes = "A2"
    for inspection in inspections:
        values = [value(inspection, today) for _, _, value in COLUMNS]
        sheet.append([v if isinstance(v, date | int) or v is None else safe_cell(v) for v in values])
        for cell in sheet[sheet.max_row]:
            if isinstance(cell.value, date):
                cell.number_format = DATE_FORMAT
            elif isinstance(cell.value, str):
                cell.data_type = "s"  # never a formula, whatever the text
                cell.alignment = Alignment(wrap_text=True, vertical="top")
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(COLUMNS))}{sheet.max_row}"
    out = BytesIO()
    workbook.save(out)
    return out.getvalue()


# Assurance requests ----------------------------------------------------------------------------


def _report_kinds(r: AssuranceRequest) -> str:
    kinds = [
        k
        for k, present in (("File", r.report_file), ("Link", r.report_link), ("Text", r.report_text))
        if present
    ]
    return ", ".join(kinds)


REQUEST_COLUMNS = [
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
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = "Assurance requests"
    sheet.append([header for header, _, _ in REQUEST_COLUMNS])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for index, (_, width, _) in enumerate(REQUEST_COLUMNS, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    sheet.freeze_panes = "A2"
    for record in requests:
        values = [value(record, today) for _, _, value in REQUEST_COLUMNS]
        sheet.append([v if isinstance(v, date | int) or v is None else safe_cell(v) for v in values])
        for cell in sheet[sheet.max_row]:
            if isinstance(cell.value, date):
                cell.number_format = DATE_FORMAT
            elif isinstance(cell.value, str):
                cell.data_type = "s"  # never a formula, whatever the text
                cell.alignment = Alignment(wrap_text=True, vertical="top")
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(REQUEST_COLUMNS))}{sheet.max_row}"
    out = BytesIO()
    workbook.save(out)
    return out.getvalue()
