"""The register of local case discussions as an Excel workbook (masa.core.spreadsheets): text is
never a formula, dates are real dates. The case reference is a column only for readers who see
references (the scrutineer's register is anonymised)."""

from collections.abc import Iterable

from django.utils import timezone

from masa.case_discussions.models import CaseDiscussion
from masa.core.spreadsheets import Column, register_workbook

REFERENCE_COLUMN: Column = ("Case reference", 16, lambda d, today: d.reference)
COLUMNS: list[Column] = [
    ("Date discussed", 16, lambda d, today: d.discussed_on),
    ("Group", 30, lambda d, today: d.group.name),
    ("Meeting", 16, lambda d, today: timezone.localtime(d.meeting.starts_at).date() if d.meeting else None),
    ("Referring agency", 30, lambda d, today: d.referring_agency.name),
    ("Decision", 24, lambda d, today: d.get_decision_display()),
    ("Themes", 40, lambda d, today: "; ".join(t.name for t in d.themes.all())),
    ("Learning", 80, lambda d, today: d.learning),
    ("Learning shared with practitioners", 14, lambda d, today: "Yes" if d.is_shareable else "No"),
]


def register_workbook_for(discussions: Iterable[CaseDiscussion], *, with_references: bool) -> bytes:
    columns = [REFERENCE_COLUMN, *COLUMNS] if with_references else COLUMNS
    return register_workbook("Local case discussions", columns, discussions, today=timezone.localdate())
