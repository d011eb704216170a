"""The agency's spreadsheet template for a data call, and reading it (and comparator tables) back.

Cells written are formula-safe (masa.core.csv_safe); a formula typed into an input cell is
refused rather than evaluated. Reading needs no database: the caller checks the answers.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import islice
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Font, PatternFill, Protection
from openpyxl.worksheet.datavalidation import DataValidation

from masa.core.csv_safe import safe_cell
from masa.core.spreadsheets import UnreadableWorkbook, open_uploaded_workbook
from masa.core.uploads import (
    UploadError,
)

VALUES_SHEET = "Values"
ABOUT_SHEET = "About"
INSTRUCTIONS_SHEET = "Instructions"
HEADER = ("Indicator code", "Indicator", "Unit", "Numerator", "Denominator", "Value", "Missing reason")
INPUT_COLUMNS = ("Numerator", "Denominator", "Value", "Missing reason")
FIELD_BY_COLUMN = {
    "Numerator": "numerator",
    "Denominator": "denominator",
    "Value": "value",
    "Missing reason": "missing_reason",
}
COLUMN_BY_FIELD = {v: k for k, v in FIELD_BY_COLUMN.items()}
MAX_ROWS = 2000
MAX_COLUMNS = 100
ABOUT_MAX_ROWS = 50
UNREADABLE = "{name} cannot be opened as a spreadsheet"
TOO_MANY_ROWS = "{name} has more than {limit} rows"


@dataclass(frozen=True)
class TemplateRow:
    code: str
    title: str
    unit_label: str
    takes_fraction: bool
    numerator: Any = None
    denominator: Any = None
    value: Any = None
    missing_reason: str = ""


@dataclass(frozen=True)
class ReadRow:
    row: int
    code: str
    cells: dict[str, Any]


class TemplateError(ValueError):
    """The file cannot be read as this submission's template; `messages` say why."""

    def __init__(self, messages: list[str]) -> None:
        self.messages = messages
        super().__init__("; ".join(messages))


def build_template(
    *, submission_id: str, agency: str, period: str, partnership: str, due: str, rows: Iterable[TemplateRow]
) -> bytes:
    """A workbook with a locked header and an input cell for every answer."""
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = VALUES_SHEET
    ws.append(list(HEADER))
    bold = Font(bold=True)
    grey = PatternFill("solid", fgColor="F3F2F1")
    for cell in ws[1]:
        cell.font = bold
        cell.fill = grey
    number_check = DataValidation(
        type="decimal", operator="greaterThanOrEqual", formula1="0", allow_blank=True
    )
    number_check.error = "Enter a number of 0 or more"
    ws.add_data_validation(number_check)
    for r, row in enumerate(rows, start=2):
        ws.append(
            [
                safe_cell(row.code),
                safe_cell(row.title),
                safe_cell(row.unit_label),
                row.numerator,
                row.denominator,
                row.value,
                safe_cell(row.missing_reason) if row.missing_reason else None,
            ]
        )
        for c in range(4, 8):
            ws.cell(row=r, column=c).protection = Protection(locked=False)
        number_check.add(f"D{r}:F{r}")
    ws.freeze_panes = "A2"
    for column, width in zip("ABCDEFG", (26, 50, 26, 12, 14, 12, 40), strict=True):
        ws.column_dimensions[column].width = width
    # The header and the indicator columns are locked (no password: this is a guard, not security).
    ws.protection.sheet = True
    ws.protection.formatCells = False
    ws.protection.formatColumns = False

    about = wb.create_sheet(ABOUT_SHEET)
    for key, value in (
        ("Submission", submission_id),
        ("Agency", agency),
        ("Period", period),
        ("Partnership", partnership),
        ("Due", due),
    ):
        about.append([key, safe_cell(value)])
    about.protection.sheet = True
    about.sheet_state = "hidden"

    guide = wb.create_sheet(INSTRUCTIONS_SHEET)
    for line in (
        f"Data call for {period}: {agency}",
        f"Due by {due}",
        "",
        "Fill in the Values sheet: one row for each indicator.",
        "For a percentage or a rate, enter the numerator and the denominator; masa works out the value.",
        "For a count, enter a whole number of 0 or more in the Value column. Days are 0 or more.",
        "If a figure is not available, leave the numbers blank and write why in Missing reason.",
        "Do not add, remove or reorder rows, and do not type formulas: enter the figures themselves.",
        "Upload the file on the data call page. Nothing is saved if any row has a problem;",
        "the page lists every problem with its row and column.",
    ):
        guide.append([safe_cell(line)])
    guide.column_dimensions["A"].width = 100
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def _cell(value: Any) -> Any:
    if isinstance(value, str):
        value = value.strip()
        return value or None
    return value


def _open_workbook(name: str, data: bytes) -> Any:
    try:
        return open_uploaded_workbook(name, data)
    except UploadError as error:
        raise TemplateError([str(error)]) from error
    except UnreadableWorkbook as error:
        raise TemplateError([UNREADABLE.format(name=name)]) from error


def read_template(name: str, data: bytes) -> tuple[dict[str, str], list[ReadRow]]:
    """The About facts and the answer rows. Raises TemplateError if it is not a masa template."""
    wb = _open_workbook(name, data)
    try:
        if VALUES_SHEET not in wb.sheetnames or ABOUT_SHEET not in wb.sheetnames:
            raise TemplateError(
                [f"{name} is not a masa data call template: download the template and fill that in"]
            )
        about = {
            str(row[0]): str(row[1] or "")
            for row in wb[ABOUT_SHEET].iter_rows(values_only=True, max_col=2, max_row=ABOUT_MAX_ROWS)
            if row and row[0]
        }
        sheet = wb[VALUES_SHEET]
        # max_row stops openpyxl's parser there: the rows after it are never read.
        rows = sheet.iter_rows(values_only=True, max_col=len(HEADER), max_row=MAX_ROWS + 1)
        header = tuple(str(c or "").strip() for c in next(rows, ()))
        if header[: len(HEADER)] != HEADER:
            raise TemplateError(
                [f"{name}, row 1: the column headings have been changed; download the template again"]
            )
        found: list[ReadRow] = []
        for number, row in enumerate(rows, start=2):
            if number > MAX_ROWS:
                raise TemplateError([TOO_MANY_ROWS.format(name=name, limit=MAX_ROWS)])
            cells = [_cell(c) for c in row] + [None] * len(HEADER)
            if all(c is None for c in cells[: len(HEADER)]):
                continue
            found.append(
                ReadRow(
                    row=number,
                    code=str(cells[0] or ""),
                    cells={FIELD_BY_COLUMN[col]: cells[HEADER.index(col)] for col in INPUT_COLUMNS},
                )
            )
        return about, found
    except TemplateError:
        raise
    except Exception as error:  # noqa: BLE001 - a damaged sheet is found only as it is read
        raise TemplateError([UNREADABLE.format(name=name)]) from error
    finally:
        wb.close()


def _bounded(name: str, rows: Iterable[Sequence[Any]]) -> list[list[Any]]:
    """The header and up to MAX_ROWS rows; a filled-in row after those is refused, not dropped."""
    table: list[list[Any]] = []
    for row in rows:
        cells = [_cell(c) for c in row[:MAX_COLUMNS]]
        if len(table) > MAX_ROWS:
            if any(c is not None for c in cells):
                raise TemplateError([TOO_MANY_ROWS.format(name=name, limit=MAX_ROWS)])
            break
        table.append(cells)
    return table


def read_table(name: str, data: bytes, file_type: str) -> list[list[Any]]:
    """The rows of a CSV or the first sheet of an XLSX, as lists of cells (header first)."""
    if file_type == "xlsx":
        wb = _open_workbook(name, data)
        try:
            if not wb.worksheets:
                raise TemplateError([UNREADABLE.format(name=name)])
            # One row past the limit is read, to tell a longer table from one of exactly MAX_ROWS.
            return _bounded(
                name, wb.worksheets[0].iter_rows(values_only=True, max_col=MAX_COLUMNS, max_row=MAX_ROWS + 2)
            )
        except TemplateError:
            raise
        except Exception as error:  # noqa: BLE001 - a damaged sheet is found only as it is read
            raise TemplateError([UNREADABLE.format(name=name)]) from error
        finally:
            wb.close()
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            text = data.decode("cp1252")
        except UnicodeDecodeError as error:
            raise TemplateError([f"{name} must be a CSV file saved as UTF-8"]) from error
    try:
        return _bounded(name, islice(csv.reader(io.StringIO(text, newline="")), MAX_ROWS + 2))
    except csv.Error as error:  # a field over the csv module's limit, an unclosed quote
        raise TemplateError([f"{name} cannot be read as a CSV file: {error}"]) from error
