"""masa writes a date in words one way everywhere: 3 December 2026."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

from masa.core import bounds
from masa.core.dates import long_date


def test_long_date_has_no_leading_zero():
    assert long_date(date(2026, 12, 3)) == "3 December 2026"
    assert long_date(date(2024, 2, 29)) == "29 February 2024"


def test_long_date_writes_a_date_time_as_its_own_day():
    london = ZoneInfo("Europe/London")
    assert long_date(datetime(2026, 7, 1, 0, 30, tzinfo=london)) == "1 July 2026"


def test_the_bounds_message_uses_the_same_format():
    assert bounds.DATE_RANGE == "between 1 January 1900 and 31 December 2100"
