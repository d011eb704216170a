"""Working days: the fast calendar against a day-by-day walk, GOV.UK's list and hand examples."""

import ast
from datetime import date, timedelta
from pathlib import Path

import holidays
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from masa.clocks import calendar as cal_module
from masa.clocks.calendar import (
    WorkingCalendar,
    add_months,
    add_weeks,
    add_working_days,
    default_calendar,
    extra_holidays_from_env,
    is_working_day,
    working_days_between,
)

# An oracle independent of the calendar's precomputed index: the holidays package, asked per day.
ORACLE_HOLIDAYS = holidays.country_holidays("GB", subdiv="ENG")


def oracle_is_working_day(d: date) -> bool:
    return d.weekday() < 5 and d not in ORACLE_HOLIDAYS


def walk_add(start: date, n: int, is_working=oracle_is_working_day) -> date:
    step = timedelta(days=1 if n > 0 else -1)
    d, remaining = start, abs(n)
    while remaining:
        d += step
        if is_working(d):
            remaining -= 1
    return d


def walk_between(start: date, end: date) -> int:
    lo, hi, sign = (start, end, 1) if start <= end else (end, start, -1)
    return sign * sum(
        1 for k in range(1, (hi - lo).days + 1) if oracle_is_working_day(lo + timedelta(days=k))
    )


starts = st.dates(min_value=date(2000, 1, 1), max_value=date(2090, 12, 31))


@settings(max_examples=400, deadline=None)
@given(start=starts, n=st.integers(min_value=0, max_value=400))
def test_add_working_days_matches_a_day_by_day_walk(start, n):
    due = add_working_days(start, n)
    assert due == walk_add(start, n)
    assert working_days_between(start, due) == n
    if n > 0:
        assert is_working_day(due)
        assert due > start


@settings(max_examples=200, deadline=None)
@given(start=starts, n=st.integers(min_value=-400, max_value=-1))
def test_counting_back_matches_a_day_by_day_walk(start, n):
    assert add_working_days(start, n) == walk_add(start, n)


@settings(max_examples=400, deadline=None)
@given(start=starts, days=st.integers(min_value=-600, max_value=600))
def test_working_days_between_matches_a_day_by_day_count(start, days):
    end = start + timedelta(days=days)
    assert working_days_between(start, end) == walk_between(start, end)
    assert working_days_between(end, start) == -working_days_between(start, end)


@settings(max_examples=200, deadline=None)
@given(d=st.dates(min_value=date(1990, 1, 1), max_value=date(2100, 12, 31)))
def test_is_working_day_matches_the_holidays_package(d):
    assert is_working_day(d) == oracle_is_working_day(d)


def test_outside_the_precomputed_range_falls_back_to_walking():
    small = WorkingCalendar(first_year=2020, last_year=2021)
    for start, n in [(date(2021, 12, 20), 10), (date(2019, 12, 20), 30), (date(2022, 3, 1), 5)]:
        assert small.add_working_days(start, n) == walk_add(start, n)
        assert small.working_days_between(start, start + timedelta(days=40)) == walk_between(
            start, start + timedelta(days=40)
        )
    assert small.add_working_days(date(2020, 1, 10), -20) == walk_add(date(2020, 1, 10), -20)
    assert not small.is_working_day(date(2022, 9, 19))  # state funeral, outside the range


# -- GOV.UK's England-and-Wales list, as bundled in govuk-bank-holidays (no network) --------------


@pytest.fixture(scope="module")
def govuk_dates() -> set[date]:
    import requests
    from govuk_bank_holidays.bank_holidays import BankHolidays

    def no_network(*args, **kwargs):
        raise AssertionError("tests must not use the network")

    original, requests.get = requests.get, no_network
    try:
        bank_holidays = BankHolidays(use_cached_holidays=True)
        events = bank_holidays.get_holidays(division=BankHolidays.ENGLAND_AND_WALES)
    finally:
        requests.get = original
    dates = {event["date"] for event in events}
    assert len(dates) > 100
    return dates


def test_every_govuk_bank_holiday_is_not_a_working_day(govuk_dates):
    calendar = default_calendar()
    assert [d for d in sorted(govuk_dates) if calendar.is_working_day(d)] == []
    assert all(calendar.holiday_name(d) for d in govuk_dates)


def test_every_weekday_holiday_the_calendar_knows_is_on_the_govuk_list(govuk_dates):
    calendar = default_calendar()
    years = range(min(govuk_dates).year, max(govuk_dates).year + 1)
    first, last = date(years[0], 1, 1), date(years[-1], 12, 31)
    non_working_weekdays = {
        first + timedelta(days=k)
        for k in range((last - first).days + 1)
        if (first + timedelta(days=k)).weekday() < 5
        and not calendar.is_working_day(first + timedelta(days=k))
    }
    # A Christmas Day on a Saturday is a holiday to the package but GOV.UK lists the substitute
    # Monday or Tuesday instead, so compare the weekdays, which are what counting depends on.
    assert non_working_weekdays == {d for d in govuk_dates if d.weekday() < 5}


@pytest.mark.parametrize(
    "day",
    [
        date(2020, 5, 8),  # VE Day 75 (early May bank holiday moved)
        date(2022, 6, 2),  # Spring bank holiday moved for the Platinum Jubilee
        date(2022, 6, 3),  # Platinum Jubilee
        date(2022, 9, 19),  # State funeral of Queen Elizabeth II
        date(2023, 5, 8),  # Coronation of King Charles III
        date(2023, 12, 25),  # Christmas Day
        date(2024, 3, 29),  # Good Friday
        date(2021, 12, 27),  # substitute for Christmas Day on a Saturday
        date(2021, 12, 28),  # substitute for Boxing Day on a Sunday
    ],
)
def test_one_off_and_fixed_holidays_are_not_working_days(day):
    assert not is_working_day(day)


def test_moved_holidays_are_working_days():
    assert is_working_day(date(2020, 5, 4))  # the first Monday of May 2020 was not a holiday
    assert is_working_day(date(2022, 5, 30))  # nor the last Monday of May 2022


def test_weekends_are_not_working_days():
    assert not is_working_day(date(2024, 3, 30))
    assert not is_working_day(date(2024, 3, 31))
    assert is_working_day(date(2024, 3, 28))


# -- extra one-off holidays -------------------------------------------------------------------


def test_an_extra_one_off_holiday_changes_results():
    extra_day = date(2031, 7, 16)  # a Wednesday
    plain = WorkingCalendar(first_year=2030, last_year=2032)
    extra = WorkingCalendar(extra_holidays=[extra_day], first_year=2030, last_year=2032)
    start = date(2031, 7, 14)  # Monday
    assert plain.is_working_day(extra_day) and not extra.is_working_day(extra_day)
    assert plain.add_working_days(start, 5) == date(2031, 7, 21)
    assert extra.add_working_days(start, 5) == date(2031, 7, 22)
    assert plain.working_days_between(start, date(2031, 7, 18)) == 4
    assert extra.working_days_between(start, date(2031, 7, 18)) == 3
    assert extra.holiday_name(extra_day) == "Extra bank holiday"


def test_an_extra_holiday_outside_the_range_still_counts():
    calendar = WorkingCalendar(extra_holidays=[date(2150, 6, 3)], first_year=2020, last_year=2021)
    assert not calendar.is_working_day(date(2150, 6, 3))


def test_extra_holidays_from_the_environment():
    env = {"MASA_EXTRA_BANK_HOLIDAYS": "2031-07-16, 2032-01-05"}
    assert extra_holidays_from_env(env) == [date(2031, 7, 16), date(2032, 1, 5)]
    assert extra_holidays_from_env({}) == []


# -- counting conventions -----------------------------------------------------------------------


def test_start_day_is_not_counted():
    assert add_working_days(date(2024, 3, 4), 1) == date(2024, 3, 5)  # Monday -> Tuesday
    assert add_working_days(date(2024, 3, 4), 0) == date(2024, 3, 4)
    assert working_days_between(date(2024, 3, 4), date(2024, 3, 4)) == 0
    assert working_days_between(date(2024, 3, 4), date(2024, 3, 5)) == 1


def test_starts_on_weekends_and_holidays():
    assert add_working_days(date(2024, 3, 2), 1) == date(2024, 3, 4)  # Saturday -> Monday
    assert add_working_days(date(2024, 3, 3), 1) == date(2024, 3, 4)  # Sunday -> Monday
    assert add_working_days(date(2024, 3, 29), 1) == date(2024, 4, 2)  # Good Friday -> Tue after Easter
    assert add_working_days(date(2023, 12, 25), 1) == date(2023, 12, 27)  # Christmas -> 27th
    assert working_days_between(date(2024, 3, 29), date(2024, 4, 2)) == 1


def test_friday_to_next_week():
    assert add_working_days(date(2024, 3, 1), 5) == date(2024, 3, 8)
    assert add_working_days(date(2024, 3, 1), 1) == date(2024, 3, 4)


def test_leap_years():
    # 29 Feb 2024 is a working day (Thursday); 2100 is not a leap year.
    assert is_working_day(date(2024, 2, 29))
    assert add_working_days(date(2024, 2, 28), 1) == date(2024, 2, 29)
    assert add_working_days(date(2023, 2, 28), 1) == date(2023, 3, 1)
    assert add_months(date(2024, 2, 29), 12) == date(2025, 2, 28)
    assert add_months(date(2024, 2, 29), 48) == date(2028, 2, 29)
    assert add_months(date(2099, 11, 30), 3) == date(2100, 2, 28)
    assert add_months(date(2000, 1, 31), 1) == date(2000, 2, 29)


@pytest.mark.parametrize(
    ("start", "months", "due"),
    [
        (date(2022, 11, 30), 3, date(2023, 2, 28)),
        (date(2023, 11, 30), 3, date(2024, 2, 29)),
        (date(2024, 1, 31), 1, date(2024, 2, 29)),
        (date(2024, 3, 31), 1, date(2024, 4, 30)),
        (date(2024, 8, 31), 6, date(2025, 2, 28)),
        (date(2024, 10, 15), 3, date(2025, 1, 15)),
        (date(2024, 12, 31), 12, date(2025, 12, 31)),
        (date(2024, 5, 31), -3, date(2024, 2, 29)),
    ],
)
def test_calendar_months_clamp_to_month_end(start, months, due):
    assert add_months(start, months) == due


def test_weeks_are_seven_days_and_not_moved():
    assert add_weeks(date(2024, 11, 14), 6) == date(2024, 12, 26)  # Boxing Day: not moved
    assert not is_working_day(date(2024, 12, 26))


def test_the_clocks_package_imports_no_django():
    package = Path(cal_module.__file__).parent
    for path in package.glob("*.py"):
        tree = ast.parse(path.read_text())
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom):
                names = [node.module or ""]
            else:
                continue
            assert not any(n == "django" or n.startswith("django.") for n in names), path
