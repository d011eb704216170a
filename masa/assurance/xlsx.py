"""The inspections register as an Excel workbook: frozen header with filters, real dates, no formulas.

Written by masa.core.spreadsheets, as the action log is: text is never a formula.
"""

from collections.abc import Iterable
from datetime import date

from masa.assurance.models import FindingKind, Inspection
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
