"""Excel workbooks: registers written for download, and uploaded workbooks opened safely.

A register is one sheet with a bold, frozen header carrying filter buttons, set column widths,
real dates and text that is never a formula (a leading = + - @ gets a quote, as in the CSV
exports, and every text cell is stored as a string).
"""

from collections.abc import Callable, Iterable
from datetime import date, datetime
from decimal import Decimal
from io import BytesIO
from typing import Any

from django.utils import timezone
from openpyxl import Workbook, load_workbook
from openpyxl.cell import Cell
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from masa.core.csv_safe import safe_cell
from masa.core.uploads import (
    SPREADSHEET_MAX_PART_BYTES,
    SPREADSHEET_MAX_PARTS,
    SPREADSHEET_MAX_UNPACKED_BYTES,
    check_zip_bounds,
)

DATE_FORMAT = "d mmmm yyyy"
# (header, width in characters, value of a row given the row's record and today)
Column = tuple[str, int, Callable[[Any, date], object]]


class UnreadableWorkbook(ValueError):
    """The upload is not a workbook openpyxl can read."""


def cell_value(value: object) -> object:
    """What a cell holds: local times without a zone, numbers as numbers, text made formula-safe."""
    if isinstance(value, datetime):
        return timezone.localtime(value).replace(tzinfo=None) if timezone.is_aware(value) else value
    if isinstance(value, date | int | float) or value is None:
        return value
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    return safe_cell(str(value))


def _format(cell: Cell) -> None:
    if isinstance(cell.value, date | datetime):
        cell.number_format = DATE_FORMAT
    elif isinstance(cell.value, str):
        cell.data_type = "s"  # never a formula, whatever the text
        cell.alignment = Alignment(wrap_text=True, vertical="top")


def register_workbook(title: str, columns: list[Column], records: Iterable[Any], *, today: date) -> bytes:
    """One sheet named `title`: a row per record, a column per (header, width, value)."""
    return registers_workbook([(title, columns, records)], today=today)


def registers_workbook(sheets: Iterable[tuple[str, list[Column], Iterable[Any]]], *, today: date) -> bytes:
    """A sheet per (title, columns, records), each laid out as `register_workbook` lays out one."""
    workbook = Workbook()
    first = workbook.active
    assert first is not None
    workbook.remove(first)
    for title, columns, records in sheets:
        _register_sheet(workbook, title, columns, records, today=today)
    out = BytesIO()
    workbook.save(out)
    return out.getvalue()


def _register_sheet(
    workbook: Workbook, title: str, columns: list[Column], records: Iterable[Any], *, today: date
) -> None:
    sheet = workbook.create_sheet(title)
    sheet.append([header for header, _, _ in columns])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for index, (_, width, _) in enumerate(columns, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    sheet.freeze_panes = "A2"
    for record in records:
        sheet.append([cell_value(value(record, today)) for _, _, value in columns])
        for cell in sheet[sheet.max_row]:
            _format(cell)
    # Filter buttons on the header, over every row, so the register can be sorted and narrowed.
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(columns))}{sheet.max_row}"


def open_uploaded_workbook(name: str, data: bytes) -> Any:
    """The workbook, read-only, after the zip's unpacked size is checked from its directory.

    The bounds come first so a "zip bomb" is refused before openpyxl unpacks anything
    (masa.core.uploads; https://docs.python.org/3/library/zipfile.html, "Decompression pitfalls").
    Raises masa.core.uploads.UploadError for a file over the bounds, UnreadableWorkbook for one
    openpyxl cannot read.
    """
    check_zip_bounds(
        name,
        data,
        max_total=SPREADSHEET_MAX_UNPACKED_BYTES,
        max_member=SPREADSHEET_MAX_PART_BYTES,
        max_members=SPREADSHEET_MAX_PARTS,
    )
    try:
        return load_workbook(BytesIO(data), read_only=True, data_only=False)
    except Exception as error:  # noqa: BLE001 - any unreadable workbook gets the same plain message
        raise UnreadableWorkbook(name) from error
