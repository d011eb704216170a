"""The charging policy as plain rules (docs/domain.md, "21.4 The register and charges").

A place cancelled fewer than the cut-off's days before the session starts, or booked and not
used, is charged to the person's agency, unless the course is never charged. Days are counted
on the calendar in London: a session on Friday with a cut-off of 5 days may be cancelled free
until the end of the Sunday before.
"""

from datetime import date


def is_late_cancellation(*, session_day: date, cancelled_on: date, cutoff_days: int) -> bool:
    """Cancelled inside the cut-off: fewer than `cutoff_days` whole days before the session's day.
    A waiting-list place given up is never charged (the caller checks it was a booked place)."""
    return (session_day - cancelled_on).days < cutoff_days


def quarter_of(day: date) -> str:
    """The partnership year's quarter a charge falls in, as "2023-24 Q4" (April to June is Q1)."""
    start_year = day.year if day.month >= 4 else day.year - 1
    quarter = (day.month - 4) % 12 // 3 + 1
    return f"{start_year}-{str(start_year + 1)[-2:]} Q{quarter}"
