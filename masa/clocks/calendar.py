"""Working days in England and Wales (pure Python, no Django).

A working day is any day except Saturday, Sunday and a bank holiday in England and Wales
(Christmas Day, Good Friday and one-off holidays such as 19 September 2022 included). The
holidays come from the `holidays` package (`country_holidays("GB", subdiv="ENG")`) plus any
extra one-off holidays an administrator adds, so a new one needs no release.

Counting follows docs/domain.md, "2. Working days and how counting works": "N working days
after D" does not count D; day 1 is the first working day after D, also when D is itself a
weekend or holiday. Calendar months keep the day
number, clamped to the month's last day; weeks are 7 days; a due date from a calendar rule is not
moved off a weekend or holiday (use `is_working_day` to say so on the page).

Speed: a calendar precomputes, over its range (default 1990-2100), a cumulative count of
working days per day and the sorted list of working days, so `add_working_days` and
`working_days_between` are two list look-ups. Dates outside the range fall back to a
day-by-day walk, which is correct but slow.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Iterable
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import holidays

__all__ = [
    "WorkingCalendar",
    "add_calendar_days",
    "add_months",
    "add_weeks",
    "add_working_days",
    "configure_default_calendar",
    "default_calendar",
    "extra_holidays_from_env",
    "is_working_day",
    "working_days_between",
]

DEFAULT_FIRST_YEAR = 1990
DEFAULT_LAST_YEAR = 2100
EXTRA_HOLIDAYS_ENV = "MASA_EXTRA_BANK_HOLIDAYS"
_DAYS_IN_MONTH = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def _days_in_month(year: int, month: int) -> int:
    if month == 2 and year % 4 == 0 and (year % 100 != 0 or year % 400 == 0):
        return 29
    return _DAYS_IN_MONTH[month - 1]


def add_months(start: date, months: int) -> date:
    """`start` plus whole calendar months, the day clamped to the month's end (30 Nov + 3 = 28 Feb)."""
    y, m0 = divmod(start.year * 12 + start.month - 1 + months, 12)
    m = m0 + 1
    return date(y, m, min(start.day, _days_in_month(y, m)))


def add_weeks(start: date, weeks: int) -> date:
    """`start` plus 7-day weeks (not moved off weekends or holidays)."""
    return start + timedelta(days=7 * weeks)


def add_calendar_days(start: date, days: int) -> date:
    """`start` plus calendar days (not moved off weekends or holidays)."""
    return start + timedelta(days=days)


def england_and_wales_holidays(years: Iterable[int]) -> dict[date, str]:
    """Bank holidays in England and Wales for `years`, from the `holidays` package."""
    gb = holidays.country_holidays("GB", subdiv="ENG", years=list(years))
    return dict(gb.items())


def extra_holidays_from_env(environ: dict[str, str] | None = None) -> list[date]:
    """One-off holidays listed in MASA_EXTRA_BANK_HOLIDAYS ("2030-05-06,2031-06-02"), if set."""
    raw = (environ if environ is not None else os.environ).get(EXTRA_HOLIDAYS_ENV, "")
    return [date.fromisoformat(part.strip()) for part in raw.split(",") if part.strip()]


class WorkingCalendar:
    """England-and-Wales working days with precomputed indexes for fast due-date arithmetic."""

    def __init__(
        self,
        extra_holidays: Iterable[date] = (),
        first_year: int = DEFAULT_FIRST_YEAR,
        last_year: int = DEFAULT_LAST_YEAR,
    ) -> None:
        if last_year < first_year:
            raise ValueError("last_year must not be before first_year")
        self.extra_holidays: frozenset[date] = frozenset(extra_holidays)
        self.first = date(first_year, 1, 1)
        self.last = date(last_year, 12, 31)
        self._base = self.first.toordinal()
        self._end = self.last.toordinal()
        self._holidays: dict[date, str] = england_and_wales_holidays(range(first_year, last_year + 1))
        for d in self.extra_holidays:
            self._holidays.setdefault(d, "Extra bank holiday")
        self._out_of_range_cache: dict[int, dict[date, str]] = {}

        size = self._end - self._base + 1
        holiday_offsets = {d.toordinal() - self._base for d in self._holidays}
        working = bytearray(size)
        cumulative = [0] * size
        working_ordinals: list[int] = []
        count = 0
        weekday = self.first.weekday()
        for i in range(size):
            if weekday < 5 and i not in holiday_offsets:
                working[i] = 1
                count += 1
                working_ordinals.append(self._base + i)
            cumulative[i] = count
            weekday = 6 if weekday == 5 else (0 if weekday == 6 else weekday + 1)
        self._working = bytes(working)
        # _cum[i]: working days in [first, first + i]; _working_ordinals: every working day, sorted.
        self._cum = cumulative
        self._working_ordinals = working_ordinals

    # -- single days -------------------------------------------------------------------------

    def holiday_name(self, d: date) -> str | None:
        """The bank holiday's name if `d` is one (weekend or not), else None."""
        if self.first <= d <= self.last:
            return self._holidays.get(d)
        if d in self.extra_holidays:
            return "Extra bank holiday"
        year_holidays = self._out_of_range_cache.get(d.year)
        if year_holidays is None:
            year_holidays = england_and_wales_holidays([d.year])
            self._out_of_range_cache[d.year] = year_holidays
        return year_holidays.get(d)

    def is_working_day(self, d: date) -> bool:
        """True unless `d` is a Saturday, Sunday or England-and-Wales bank holiday."""
        i = d.toordinal() - self._base
        if 0 <= i < len(self._working):
            return bool(self._working[i])
        return d.weekday() < 5 and self.holiday_name(d) is None

    # -- arithmetic --------------------------------------------------------------------------

    def add_working_days(self, start: date, n: int) -> date:
        """The n-th working day after `start` (start not counted); n=0 gives `start` itself.

        Negative n counts back: -1 is the last working day before `start`.
        """
        if n == 0:
            return start
        i = start.toordinal() - self._base
        if 0 <= i < len(self._cum):
            # k = working days on or before start; the next working day has list index k.
            k = self._cum[i] if n > 0 else self._cum[i] - self._working[i]
            j = k + n - 1 if n > 0 else k + n
            if 0 <= j < len(self._working_ordinals):
                return date.fromordinal(self._working_ordinals[j])
        return self._walk(start, n)

    def working_days_between(self, start: date, end: date) -> int:
        """Working days d with start < d <= end.

        If end < start, minus the working days d with end < d <= start.
        """
        if end < start:
            return -self.working_days_between(end, start)
        i = start.toordinal() - self._base
        j = end.toordinal() - self._base
        if i >= 0 and j < len(self._cum):
            return self._cum[j] - self._cum[i]
        count = 0
        d = start
        one = timedelta(days=1)
        while d < end:
            d += one
            if self.is_working_day(d):
                count += 1
        return count

    def _walk(self, start: date, n: int) -> date:
        step = timedelta(days=1 if n > 0 else -1)
        remaining = abs(n)
        d = start
        while remaining:
            d += step
            if self.is_working_day(d):
                remaining -= 1
        return d

    def __repr__(self) -> str:
        extra = ", ".join(sorted(d.isoformat() for d in self.extra_holidays))
        return f"WorkingCalendar({self.first.year}-{self.last.year}, extra=[{extra}])"


_default: WorkingCalendar | None = None
_default_lock = threading.Lock()


def default_calendar() -> WorkingCalendar:
    """The shared calendar (built on first use, with any holidays from MASA_EXTRA_BANK_HOLIDAYS)."""
    global _default
    if _default is None:
        with _default_lock:
            if _default is None:
                _default = WorkingCalendar(extra_holidays=extra_holidays_from_env())
    return _default


def configure_default_calendar(extra_holidays: Iterable[date] = ()) -> WorkingCalendar:
    """Rebuild the shared calendar with these extra one-off holidays (plus any from the environment).

    The application calls this when an administrator adds a one-off bank holiday.
    """
    global _default
    calendar = WorkingCalendar(extra_holidays=[*extra_holidays_from_env(), *extra_holidays])
    with _default_lock:
        _default = calendar
    return calendar


def is_working_day(d: date) -> bool:
    """True unless `d` is a weekend day or an England-and-Wales bank holiday (default calendar)."""
    return default_calendar().is_working_day(d)


def add_working_days(start: date, n: int) -> date:
    """The n-th working day after `start`, counted on the default calendar."""
    return default_calendar().add_working_days(start, n)


def working_days_between(start: date, end: date) -> int:
    """Working days d with start < d <= end on the default calendar (negative if end < start)."""
    return default_calendar().working_days_between(start, end)


ENGLAND = ZoneInfo("Europe/London")


def today_in_england() -> date:
    """Today's date where masa's users are, whatever the server's own time zone.

    The same as Django's ``timezone.localdate()`` with TIME_ZONE Europe/London, for code that
    imports no Django (the return readers, scripts).
    """
    return datetime.now(ENGLAND).date()
