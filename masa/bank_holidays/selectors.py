"""The working calendar every clock in masa uses, with the administrators' one-off bank holidays.

`current_calendar()` builds a masa.clocks WorkingCalendar with the stored extra holidays plus
MASA_EXTRA_BANK_HOLIDAYS. Building one takes a moment (it indexes 1990-2100), so it is cached in
the process and rebuilt only when the set of holidays changes: saving or deleting a holiday drops
the cache at once (signals), and each call also compares the stored dates (one small query), so
another process's change, or a rolled-back transaction, is never missed. Nothing is read from the
database at import time.
"""

import threading
from datetime import date

from django.db.models import QuerySet

from masa.bank_holidays.models import ExtraBankHoliday
from masa.clocks.calendar import WorkingCalendar, extra_holidays_from_env

_lock = threading.Lock()
_cached: WorkingCalendar | None = None


def bank_holiday_list() -> QuerySet[ExtraBankHoliday]:
    return ExtraBankHoliday.objects.select_related("added_by").order_by("date")


def bank_holiday_get(uuid: str) -> ExtraBankHoliday | None:
    return bank_holiday_list().filter(uuid=uuid).first()


def current_calendar() -> WorkingCalendar:
    """England-and-Wales working days including every one-off holiday an administrator added."""
    global _cached
    stored: set[date] = set(ExtraBankHoliday.objects.values_list("date", flat=True))
    wanted = frozenset(stored | set(extra_holidays_from_env()))
    calendar = _cached
    if calendar is not None and calendar.extra_holidays == wanted:
        return calendar
    with _lock:
        if _cached is None or _cached.extra_holidays != wanted:
            _cached = WorkingCalendar(extra_holidays=wanted)
        return _cached


def invalidate_calendar() -> None:
    """Forget the cached calendar (called when a holiday is saved or deleted)."""
    global _cached
    with _lock:
        _cached = None
