"""The voice register as an Excel workbook: a sheet of engagement activities (who took part as
counts) and a sheet of "you said, we did" entries. Written by masa.core.spreadsheets, as every
register is: text is never a formula."""

from collections.abc import Iterable
from datetime import date

from masa.core.spreadsheets import Column, registers_workbook
from masa.voice.models import AGE_BANDS, GROUPS, EngagementActivity, YouSaidWeDid


def _count_column(field: str, label: str) -> Column:
    return (label, 12, lambda a, today: getattr(a, field))


ACTIVITY_COLUMNS: list[Column] = [
    ("Activity", 40, lambda a, today: a.title),
    ("Date", 14, lambda a, today: a.held_on),
    ("Kind", 20, lambda a, today: a.get_kind_display()),
    ("Group or forum", 25, lambda a, today: a.forum),
    ("Took part", 10, lambda a, today: a.total),
    *(
        _count_column(f, f"Aged {label}" if label[0].isdigit() or label.startswith("Under") else label)
        for f, label in AGE_BANDS
    ),
    *(_count_column(f, label) for f, label in GROUPS),
    ("What they said", 80, lambda a, today: a.what_they_said),
]

ENTRY_COLUMNS: list[Column] = [
    ("Activity", 40, lambda e, today: e.activity.title),
    ("Date", 14, lambda e, today: e.activity.held_on),
    ("You said", 60, lambda e, today: e.you_said),
    ("We did", 60, lambda e, today: e.we_did),
    ("Status", 10, lambda e, today: e.get_status_display()),
    ("Published", 10, lambda e, today: "Yes" if e.is_published else "No"),
    ("Actions", 25, lambda e, today: ", ".join(a.reference for a in e.actions.all())),
]


def voice_workbook(activities: Iterable[EngagementActivity], *, today: date) -> bytes:
    activities = list(activities)
    entries: list[YouSaidWeDid] = [e for a in activities for e in a.entries.all()]
    return registers_workbook(
        [("Activities", ACTIVITY_COLUMNS, activities), ("You said, we did", ENTRY_COLUMNS, entries)],
        today=today,
    )
