"""When a reminder about something due is sent (docs/domain.md, "3.5 Reminders").

Shared by the action tracker and data calls, so a partnership's one setting (days before the due
date) means the same everywhere.
"""

DUE_SOON = "due_soon"
DUE_TODAY = "due_today"
OVERDUE = "overdue"


def reminder_kind(days_left: int, remind_days_before: int, *, on_the_day: bool = True) -> str:
    """The reminder due today, or "": `remind_days_before` days ahead, on the due date (unless
    `on_the_day` is off), the day after it, then every 7 days while it is still outstanding."""
    if days_left > 0 and days_left == remind_days_before:
        return DUE_SOON
    if days_left == 0 and on_the_day:
        return DUE_TODAY
    if days_left < 0 and (-days_left) % 7 == 1:
        return OVERDUE
    return ""
