"""The actions log as an Excel workbook: frozen header with filters, set widths, real dates, no formulas."""

from collections.abc import Iterable
from datetime import date, datetime
from io import BytesIO

from django.utils import timezone
from openpyxl import Workbook
from openpyxl.cell import Cell
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from masa.actions.models import Action
from masa.core.csv_safe import safe_cell

DATE_FORMAT = "d mmmm yyyy"
# (header, width in characters, value of a row)
COLUMNS = [
    ("Reference", 11, lambda a, today: a.reference),
    ("Title", 45, lambda a, today: a.title),
    ("Description", 45, lambda a, today: a.description),
    ("Source", 24, lambda a, today: a.get_source_display()),
    ("Group", 28, lambda a, today: a.group.name if a.group else ""),
    ("Owner", 24, lambda a, today: a.owner.name),
    ("Owner's agency", 28, lambda a, today: a.owner_agency.name),
    ("Due date", 16, lambda a, today: a.due_date),
    ("Status", 13, lambda a, today: a.get_status_display()),
    ("Overdue", 10, lambda a, today: "Yes" if a.is_overdue_on(today) else "No"),
    ("Latest update", 50, lambda a, today: getattr(a, "latest_update_text", None) or ""),
    ("Impact", 45, lambda a, today: a.impact),
    ("Closed on", 16, lambda a, today: timezone.localdate(a.closed_at) if a.closed_at else None),
]


def _cell_value(value: object) -> object:
    if isinstance(value, datetime):
        return timezone.localtime(value).replace(tzinfo=None) if timezone.is_aware(value) else value
    if isinstance(value, date) or value is None:
        return value
    # Text is never a formula: a leading = + - @ gets a quote, as in the CSV exports.
    return safe_cell(value)


def action_log_workbook(actions: Iterable[Action], *, today: date) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = "Actions"
    sheet.append([header for header, _, _ in COLUMNS])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for index, (_, width, _) in enumerate(COLUMNS, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    sheet.freeze_panes = "A2"
    for action in actions:
        sheet.append([_cell_value(value(action, today)) for _, _, value in COLUMNS])
        for cell in sheet[sheet.max_row]:
            _format(cell)
    # Filter buttons on the header, over every row, so the log can be sorted and narrowed in Excel.
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(COLUMNS))}{sheet.max_row}"
    out = BytesIO()
    workbook.save(out)
    return out.getvalue()


def _format(cell: Cell) -> None:
    if isinstance(cell.value, date | datetime):
        cell.number_format = DATE_FORMAT
    elif isinstance(cell.value, str):
        cell.data_type = "s"  # never a formula, whatever the text
        cell.alignment = Alignment(wrap_text=True, vertical="top")
