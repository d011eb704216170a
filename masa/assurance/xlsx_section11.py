"""A self-assessment cycle's results as an Excel workbook: one row per agency, one column per
standard (the agreed rating: moderated where the challenge session changed it), frozen header
with filters, and text that is never a formula (masa.core.csv_safe)."""

from io import BytesIO

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from masa.assurance.selectors_section11 import Results
from masa.core.csv_safe import safe_cell

DATE_FORMAT = "d mmmm yyyy"


def _text(value: str) -> str:
    return safe_cell(value)


def results_workbook(results: Results) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = "Results"
    headers = [
        "Agency",
        "Submitted",
        "Late",
        *(f"{s.number}. {s.title}" for s in results.standards),
        "Average",
        "Previous average",
        "Change",
        "Standards moderated",
        "Challenge session",
    ]
    sheet.append([_text(h) for h in headers])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.data_type = "s"
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    sheet.column_dimensions["A"].width = 40
    for row in results.rows:
        ret = row.section11_return
        sheet.append(
            [
                _text(ret.agency.name),
                ret.submitted_on,
                "Yes" if ret.is_late else "No",
                *row.cells,
                row.average,
                row.previous_average,
                row.change_label,
                sum(row.moderated),
                ret.challenged_on,
            ]
        )
        for cell in sheet[sheet.max_row]:
            if cell.column in (2, len(headers)) and cell.value is not None:
                cell.number_format = DATE_FORMAT
            elif isinstance(cell.value, str):
                cell.data_type = "s"
    for ret in results.rate.not_returned:
        sheet.append([_text(ret.agency.name), None, "Not returned"])
        sheet.cell(sheet.max_row, 1).data_type = "s"
    sheet.freeze_panes = "B2"
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(headers))}{sheet.max_row}"
    out = BytesIO()
    workbook.save(out)
    return out.getvalue()
