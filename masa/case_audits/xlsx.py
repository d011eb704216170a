"""The audits register and one audit's results as Excel workbooks (masa.core.spreadsheets):
text is never a formula, dates are real dates, headers are bold and frozen with filters."""

from collections.abc import Iterable
from io import BytesIO
from typing import Any

from django.utils import timezone
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from masa.case_audits.models import GOOD_OR_BETTER, Audit
from masa.case_audits.selectors import Results
from masa.core.spreadsheets import DATE_FORMAT, Column, cell_value, register_workbook


def _share(summary: dict[int, int]) -> int | None:
    total = sum(summary.values())
    good = sum(n for grade, n in summary.items() if grade <= GOOD_OR_BETTER)
    return round(100 * good / total) if total else None


REGISTER_COLUMNS: list[Column] = [
    ("Topic", 40, lambda r, today: r[0].topic),
    ("Priority or theme", 30, lambda r, today: r[0].theme),
    ("Commissioned by", 30, lambda r, today: r[0].group.name if r[0].group else ""),
    ("Status", 22, lambda r, today: r[0].get_status_display()),
    ("Opened", 16, lambda r, today: r[0].opened_on),
    ("Deadline for agencies", 16, lambda r, today: r[0].agency_deadline),
    ("Moderation meeting", 16, lambda r, today: r[0].moderation_on),
    ("Completed", 16, lambda r, today: r[0].completed_on),
    ("Cases", 8, lambda r, today: r[0].case_count),
    *(
        (f"Grade {value} agreed", 10, lambda r, today, value=value: r[1].get(value, 0))
        for value in (1, 2, 3, 4)
    ),
    ("Per cent good or better", 12, lambda r, today: _share(r[1])),
    ("Findings", 10, lambda r, today: r[0].finding_count),
]


def audits_register_workbook(register: Iterable[tuple[Audit, dict[int, int]]]) -> bytes:
    """The audits a user sees, one row each, with the count of agreed grades per grade."""
    return register_workbook("Multi-agency audits", REGISTER_COLUMNS, register, today=timezone.localdate())


def _sheet(
    workbook: Workbook, title: str, header: list[str], rows: Iterable[list[object]], first: bool
) -> None:
    sheet = workbook.active if first else workbook.create_sheet()
    assert sheet is not None
    sheet.title = title
    sheet.append([cell_value(h) for h in header])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.data_type = "s"
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    sheet.column_dimensions["A"].width = 30
    for row in rows:
        sheet.append([cell_value(v) for v in row])
        for cell in sheet[sheet.max_row]:
            if isinstance(cell.value, str):
                cell.data_type = "s"
                cell.alignment = Alignment(wrap_text=True, vertical="top")
            elif hasattr(cell.value, "year"):
                cell.number_format = DATE_FORMAT
    sheet.freeze_panes = "B2"
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(header))}{sheet.max_row}"


def audit_workbook(results: Results) -> bytes:
    """One audit: a row per case with each question's agreed grade, then the findings."""
    workbook = Workbook()
    header = [
        "Case reference",
        "Age band",
        "Parts submitted",
        "Parts late",
        *(f"{q.number}. {q.text}" for q in results.questions),
        "Grades good or better",
    ]
    rows: list[list[Any]] = [
        [
            row.case.reference,
            row.case.get_age_band_display() if row.case.age_band else "",
            sum(1 for r in row.returns if r.is_submitted),
            sum(1 for r in row.returns if r.is_late),
            *row.grades,
            sum(1 for g in row.grades if g is not None and g <= GOOD_OR_BETTER),
        ]
        for row in results.rows
    ]
    _sheet(workbook, "Results", header, rows, first=True)
    _sheet(
        workbook,
        "Findings",
        ["Kind", "Finding", "Action", "Owner", "Due", "Status"],
        (
            [
                f.get_kind_display(),
                f.text,
                f.action.reference if f.action else "",
                f.action.owner.name if f.action else "",
                f.action.due_date if f.action else None,
                f.action.get_status_display() if f.action else "",
            ]
            for f in results.findings
        ),
        first=False,
    )
    _sheet(
        workbook,
        "Scale",
        ["Grade", "Name", "What it looks like", "Agreed"],
        ([g.value, g.label, g.descriptor, n] for g, n in results.grade_counts),
        first=False,
    )
    out = BytesIO()
    workbook.save(out)
    return out.getvalue()
