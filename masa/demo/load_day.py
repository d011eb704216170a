"""The demo's current year moves with the day the demo is loaded.

The 2023-24 year is dated as the partnership's reference documents give it and never moves. The
work after it that the demo shows as live (the Board's forward meetings, workplan items, open
actions and their updates, the review actions due next year) was written around one day,
`WRITTEN_AROUND`. When the demo is loaded on a later day, those dates move forward by the same
whole number of weeks, so an action written as "due in a fortnight" is still due in about a
fortnight, overdue actions stay overdue by about as long, and Thursday meetings stay on Thursdays.
The generator itself stays deterministic: it always writes around `WRITTEN_AROUND`.
"""

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from django.db import models

from masa.actions.models import Action, ActionEvidence, ActionUpdate
from masa.assurance.models import AssuranceRequest
from masa.governance.models import Meeting, WorkplanItem
from masa.partnership.models import Partnership
from masa.training.models import Booking, TrainingSession

WRITTEN_AROUND = date(2026, 11, 24)
# The current year as written: dates from here on are live work, dates before are history.
MOVES_FROM = date(2026, 4, 1)
LONDON = ZoneInfo("Europe/London")

# The demo records whose dates are live work, and the date and time fields that move.
LIVE_DATES: list[tuple[type[models.Model], tuple[str, ...]]] = [
    (Meeting, ("starts_at", "ends_at", "papers_deadline", "created_at", "updated_at")),
    (WorkplanItem, ("due_date", "created_at", "updated_at")),
    (Action, ("due_date", "last_reminded_on", "escalated_at", "closed_at", "created_at", "updated_at")),
    (ActionUpdate, ("created_at", "updated_at")),
    (ActionEvidence, ("created_at", "updated_at")),
    (AssuranceRequest, ("requested_on", "due_date", "received_on", "judged_on", "created_at", "updated_at")),
    (TrainingSession, ("starts_at", "ends_at", "created_at", "updated_at")),
    (Booking, ("requested_at", "cancelled_at", "created_at", "updated_at")),
]

PLANNED_TIMES = {"starts_at", "ends_at"}


def weeks_to_move(load_day: date) -> timedelta:
    """Whole weeks from the day the demo was written around to the day it is loaded."""
    return timedelta(weeks=(load_day - WRITTEN_AROUND).days // 7)


def move_live_dates(partnership: Partnership, *, load_day: date, loaded_at: datetime) -> timedelta:
    """Move the partnership's live dates by `weeks_to_move(load_day)`; returns the move.

    Dates and planned times (a meeting's start and end) move from `MOVES_FROM` on. Recorded
    times (created, closed, escalated) move from `MOVES_FROM` up to `loaded_at`: one stamped
    while loading (auto_now, or a service using the clock) is already the real time.
    """
    shift = weeks_to_move(load_day)
    if not shift:
        return shift
    start = datetime.combine(MOVES_FROM, datetime.min.time(), tzinfo=LONDON)

    def is_live(name: str, value: object) -> bool:
        if isinstance(value, datetime):
            return start <= value and (name in PLANNED_TIMES or value < loaded_at)
        return isinstance(value, date) and value >= MOVES_FROM

    for model, names in LIVE_DATES:
        # A few hundred rows at most: moved in Python, so dates and times move alike everywhere.
        changed = []
        for row in model._default_manager.filter(partnership=partnership).only("pk", *names):
            moved = [name for name in names if is_live(name, getattr(row, name))]
            for name in moved:
                setattr(row, name, getattr(row, name) + shift)
            if moved:
                changed.append(row)
        model._default_manager.bulk_update(changed, names, batch_size=500)
    return shift
