"""Calendar months: the one add_months every clock, meeting series and return indicator uses."""

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from masa.clocks.calendar import add_months


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        (date(2022, 11, 30), 3, date(2023, 2, 28)),  # 30 Nov + 3 months = 28 Feb
        (date(2023, 11, 30), 3, date(2024, 2, 29)),  # ... or 29 Feb in a leap year
        (date(2024, 2, 29), 12, date(2025, 2, 28)),  # 29 Feb 2024 + 12 months = 28 Feb 2025
        (date(2024, 2, 29), 48, date(2028, 2, 29)),  # the next leap year keeps the 29th
        (date(2024, 1, 31), 1, date(2024, 2, 29)),
        (date(2023, 1, 31), 1, date(2023, 2, 28)),
        (date(2024, 8, 31), 1, date(2024, 9, 30)),
        (date(2024, 12, 15), 1, date(2025, 1, 15)),  # across the year end
        (date(2024, 10, 31), 3, date(2025, 1, 31)),
        (date(2024, 3, 31), -1, date(2024, 2, 29)),
        (date(2024, 5, 5), 0, date(2024, 5, 5)),
        (date(2024, 2, 29), -12, date(2023, 2, 28)),  # back a year, as the return indicators count
        (date(2026, 3, 31), -30, date(2023, 9, 30)),
    ],
)
def test_add_months_clamps_to_the_end_of_the_month(day, months, expected):
    assert add_months(day, months) == expected


@given(st.dates(min_value=date(1900, 1, 1), max_value=date(2200, 12, 31)), st.integers(-120, 120))
def test_add_months_moves_whole_months_and_never_passes_the_day(day, months):
    result = add_months(day, months)
    assert (result.year * 12 + result.month) - (day.year * 12 + day.month) == months
    assert result.day <= day.day
    assert result.day == day.day or result.day in (28, 29, 30)
