"""How masa writes a date in words, in one place.

Pure Python (no Django), so the pure modules (``masa.core.bounds``) use it too. Templates say
the same with Django's ``date:"j F Y"`` filter.
"""

from __future__ import annotations

from datetime import date


def long_date(day: date) -> str:
    """GOV.UK style, with no leading zero: 3 December 2026.

    A date-time is written as its own date, so give it in local time
    (``django.utils.timezone.localtime``) first.
    """
    return f"{day.day} {day:%B %Y}"


def financial_year_start(day: date) -> int:
    """The calendar year in which `day`'s financial year (1 April to 31 March) began."""
    return day.year if day.month >= 4 else day.year - 1
