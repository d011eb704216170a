"""The actions log as an Excel workbook (frozen header with filters, set widths, real dates, no
formulas), and the template and reader for importing an earlier action log."""

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from io import BytesIO
from typing import Any, BinaryIO

from django.utils import timezone
from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from masa.actions.models import Action
from masa.core import bounds
from masa.core.bounds import SUMMARY_LENGTH
from masa.core.csv_safe import FORMULA_PREFIXES, safe_cell
from masa.core.dates import long_date
from masa.core.spreadsheets import Column, UnreadableWorkbook, open_uploaded_workbook, register_workbook
from masa.core.uploads import (
    UploadError,
    check_document,
)

# (header, width in characters, value of a row)
COLUMNS: list[Column] = [
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


def action_log_workbook(actions: Iterable[Action], *, today: date) -> bytes:
    return register_workbook("Actions", COLUMNS, actions, today=today)


# Importing an earlier action log (docs/domain.md, "9. The action tracker") ---------------------

MB = 1024 * 1024
IMPORT_MAX_BYTES = 5 * MB
IMPORT_MAX_ROWS = 1000
MAX_COLUMNS = 50
IMPORT_SHEET = "Actions"
GUIDE_SHEET = "How to fill this in"
NAMES_SHEET = "Names in masa"
TITLE_LENGTH = 300  # Action.title
# (heading, width in characters, what goes in it)
IMPORT_COLUMNS = [
    ("Title", 45, "Required. What is to be done, in up to 300 characters."),
    ("Description", 45, f"Optional. More detail, in up to {SUMMARY_LENGTH:,} characters."),
    ("Owner", 28, "Required. The name or email address of one of the partnership's people."),
    ("Owner's agency", 28, "Optional. Leave it blank for the owner's own agency."),
    ("Group", 28, "Optional. The name of the group that agreed the action."),
    ("Due date", 14, "Required. A date, for example 31/03/2025. Dates in the past are fine."),
    ("Status", 14, "Open, In progress or Closed. Blank means Open."),
    ("Latest update", 50, f"Optional. The most recent progress, in up to {SUMMARY_LENGTH:,} characters."),
    (
        "Impact",
        45,
        f"Required for a closed action: what changed for children or practice, in up to {SUMMARY_LENGTH:,} "
        "characters.",
    ),
]
REQUIRED_COLUMNS = ("Title", "Owner", "Due date")
# Other headings people's trackers use for the same column.
COLUMN_ALIASES = {
    "owner agency": "Owner's agency",
    "owners agency": "Owner's agency",
    "agency": "Owner's agency",
    "due": "Due date",
    "update": "Latest update",
    "action": "Title",
}
TEXT_LIMITS = {
    "Title": TITLE_LENGTH,
    "Description": SUMMARY_LENGTH,
    "Owner": 254,
    "Owner's agency": 200,
    "Group": 200,
    "Status": 20,
    "Latest update": SUMMARY_LENGTH,
    "Impact": SUMMARY_LENGTH,
}
STATUS_WORDS = {"open": "open", "in progress": "in_progress", "closed": "closed"}
TEXT_DATE_FORMATS = ("%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y", "%d %m %Y", "%Y-%m-%d", "%d %B %Y", "%d %b %Y")

XLSX_LABEL = "an Excel spreadsheet (XLSX)"
NOT_XLSX = "The selected file must be an Excel spreadsheet (XLSX)"
UNREADABLE = (
    "The selected file cannot be opened as a spreadsheet. Save it as an Excel workbook (XLSX) and try again"
)
NO_ACTIONS = "The selected file has no actions in it: add one row for each action below the headings"
TOO_MANY_ACTIONS = f"The selected file has more than {IMPORT_MAX_ROWS:,} actions: split it into smaller files"
MISSING_COLUMN = "Row 1: the column {column} is missing. Download the template and copy your actions into it"
REPEATED_COLUMN = "Row 1: the column {column} appears twice. Keep one of them"
FORMULA = "enter the value itself, not a formula"
DATE_INVALID = "enter a real date, for example 31 3 2025"
STATUS_INVALID = "enter Open, In progress or Closed"


class ActionLogError(ValueError):
    """The file cannot be read as an action log at all; `messages` say why."""

    def __init__(self, messages: list[str]) -> None:
        self.messages = messages
        super().__init__("; ".join(messages))


@dataclass
class LogRow:
    """One action of an uploaded log, as read: text stripped, the due date a date (or None).

    `problems` holds (column, problem) for what is wrong with the cells themselves; whether the
    owner, agency and group exist is for the service to say.
    """

    row: int
    title: str = ""
    description: str = ""
    owner: str = ""
    owner_agency: str = ""
    group: str = ""
    due_date: date | None = None
    status: str = "open"
    latest_update: str = ""
    impact: str = ""
    problems: list[tuple[str, str]] = field(default_factory=list)


def problem_text(row: int, column: str, problem: str) -> str:
    """'Row 7, column Due date: enter a real date, for example 31 3 2025'."""
    return f"Row {row}, column {column}: {problem}"


def import_template_workbook(
    *, people: Iterable[str], agencies: Iterable[str], groups: Iterable[str]
) -> bytes:
    """The blank action log to fill in: the headings, a guide, and the names masa knows."""
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = IMPORT_SHEET
    sheet.append([heading for heading, _, _ in IMPORT_COLUMNS])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for index, (_, width, _) in enumerate(IMPORT_COLUMNS, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    sheet.freeze_panes = "A2"
    last = IMPORT_MAX_ROWS + 1
    status_letter = get_column_letter([h for h, _, _ in IMPORT_COLUMNS].index("Status") + 1)
    due_letter = get_column_letter([h for h, _, _ in IMPORT_COLUMNS].index("Due date") + 1)
    statuses = DataValidation(type="list", formula1='"Open,In progress,Closed"', allow_blank=True)
    statuses.error = "Enter Open, In progress or Closed"
    statuses.showErrorMessage = True
    sheet.add_data_validation(statuses)
    statuses.add(f"{status_letter}2:{status_letter}{last}")
    for row in range(2, last + 1):
        sheet[f"{due_letter}{row}"].number_format = "dd/mm/yyyy"

    guide = workbook.create_sheet(GUIDE_SHEET)
    guide.append(["Column", "What to enter"])
    for cell in guide[1]:
        cell.font = Font(bold=True)
    for heading, _, help_text in IMPORT_COLUMNS:
        guide.append([heading, help_text])
    guide.append([])
    for line in (
        "Put one action on each row of the Actions sheet, below the headings.",
        f"Up to {IMPORT_MAX_ROWS:,} actions in one file. Type the values: formulas are refused.",
        "Nothing is saved if any row has a problem: masa lists every problem with its row and column.",
        "The names masa knows are on the sheet called Names in masa.",
    ):
        guide.append([line])
    guide.column_dimensions["A"].width = 18
    guide.column_dimensions["B"].width = 100

    names = workbook.create_sheet(NAMES_SHEET)
    names.append(["People", "Agencies", "Groups"])
    for cell in names[1]:
        cell.font = Font(bold=True)
    columns = [list(people), list(agencies), list(groups)]
    for index, values in enumerate(columns, start=1):
        names.column_dimensions[get_column_letter(index)].width = 40
        for row, value in enumerate(values, start=2):
            names.cell(row=row, column=index, value=safe_cell(value)).data_type = "s"
    out = BytesIO()
    workbook.save(out)
    return out.getvalue()


def _heading(value: object) -> str:
    words = " ".join(str(value or "").replace("\u2019", "'").split()).lower()
    words = words.removesuffix(" (optional)").removesuffix(" (required)")
    for heading, _, _ in IMPORT_COLUMNS:
        if words == heading.lower():
            return heading
    return COLUMN_ALIASES.get(words.replace("'", ""), COLUMN_ALIASES.get(words, ""))


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime | date):
        return long_date(value.date() if isinstance(value, datetime) else value)
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = str(value).strip()
    # masa's own spreadsheets put a quote before text that looks like a formula: take it off.
    if len(text) > 1 and text[0] == "'" and text[1:].startswith(FORMULA_PREFIXES):
        text = text[1:]
    return text


def _due_date(value: object) -> date:
    """A date cell, or a date typed as text; ValueError if it is neither."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = " ".join(_text(value).replace(",", " ").split())
    for text_format in TEXT_DATE_FORMATS:
        try:
            return datetime.strptime(text, text_format).date()  # noqa: DTZ007 (a day, no time)
        except ValueError:
            continue
    raise ValueError(text)


def _lower_first(message: str) -> str:
    """A shared message ("The title must be ...") as the second half of a row's problem."""
    return message[:1].lower() + message[1:]


def _read_row(number: int, cells: dict[str, Any]) -> LogRow:
    row = LogRow(row=number)
    for column, cell in cells.items():
        if getattr(cell, "data_type", None) == "f":
            row.problems.append((column, FORMULA))
            continue
        value = getattr(cell, "value", None)
        if column == "Due date":
            if value is None or _text(value) == "":
                continue
            try:
                due_date = _due_date(value)
            except ValueError:
                row.problems.append((column, DATE_INVALID))
                continue
            if bounds.date_out_of_range(due_date):
                row.problems.append((column, _lower_first(bounds.date_message("due date"))))
            else:
                row.due_date = due_date
            continue
        text = _text(value)
        label = column.lower()
        if bounds.has_control_characters(text):
            row.problems.append((column, _lower_first(bounds.text_message(label))))
            continue
        if bounds.too_long(text, TEXT_LIMITS[column]):
            row.problems.append((column, _lower_first(bounds.length_message(label, TEXT_LIMITS[column]))))
            continue
        if column == "Status":
            status = STATUS_WORDS.get(" ".join(text.lower().split()) or "open")
            if status is None:
                row.problems.append((column, STATUS_INVALID))
            else:
                row.status = status
            continue
        setattr(row, column.lower().replace("'s", "").replace(" ", "_"), text)
    if "Title" not in dict(row.problems) and not row.title:
        row.problems.append(("Title", "enter the title"))
    if "Owner" not in dict(row.problems) and not row.owner:
        row.problems.append(("Owner", "enter the owner's name or email address"))
    if "Due date" not in dict(row.problems) and row.due_date is None:
        row.problems.append(("Due date", "enter the due date"))
    return row


def read_action_log(data: bytes, name: str = "action-log.xlsx") -> list[LogRow]:
    """The actions of an uploaded log, each with the problems of its own cells.

    The zip's unpacked size is bounded before openpyxl reads anything (masa.core.uploads), and
    only IMPORT_MAX_ROWS rows are read. Raises ActionLogError when the file as a whole is wrong.
    """
    try:
        workbook = open_uploaded_workbook(name, data)
    except UploadError as error:
        raise ActionLogError([str(error)]) from error
    except UnreadableWorkbook as error:
        raise ActionLogError([UNREADABLE]) from error
    try:
        if not workbook.worksheets:
            raise ActionLogError([UNREADABLE])
        sheet = workbook[IMPORT_SHEET] if IMPORT_SHEET in workbook.sheetnames else workbook.worksheets[0]
        # One row past the limit is read, to tell a longer log from one of exactly the limit.
        rows = sheet.iter_rows(max_row=IMPORT_MAX_ROWS + 2, max_col=MAX_COLUMNS)
        headings = [_heading(getattr(cell, "value", None)) for cell in next(rows, ())]
        errors = [
            REPEATED_COLUMN.format(column=h) for h in dict.fromkeys(headings) if h and headings.count(h) > 1
        ]
        errors += [MISSING_COLUMN.format(column=c) for c in REQUIRED_COLUMNS if c not in headings]
        if errors:
            raise ActionLogError(errors)
        found: list[LogRow] = []
        for number, cells in enumerate(rows, start=2):
            named = {h: cell for h, cell in zip(headings, cells, strict=False) if h}
            if all(_text(getattr(cell, "value", None)) == "" for cell in named.values()):
                continue
            if number > IMPORT_MAX_ROWS + 1:
                raise ActionLogError([TOO_MANY_ACTIONS])
            found.append(_read_row(number, named))
        if not found:
            raise ActionLogError([NO_ACTIONS])
        return found
    except ActionLogError:
        raise
    except Exception as error:  # noqa: BLE001 - a damaged sheet is found only as it is read
        raise ActionLogError([UNREADABLE]) from error
    finally:
        workbook.close()


def read_log_file(name: str, stream: BinaryIO, size: int) -> list[LogRow]:
    """An uploaded file's actions, after its name, size and real type are checked.

    The type is judged from the content; the zip's unpacked size is bounded before any part of it
    is read, and macro-enabled workbooks are refused (masa.core.uploads).
    """
    if not name.lower().endswith(".xlsx"):
        raise ActionLogError([NOT_XLSX])
    try:
        check_document(
            name, stream, size, max_bytes=IMPORT_MAX_BYTES, allowed=("xlsx",), allowed_label=XLSX_LABEL
        )
    except UploadError as error:
        raise ActionLogError([str(error)]) from error
    stream.seek(0)
    return read_action_log(stream.read(), name)
