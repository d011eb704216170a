"""A year's scrutiny plan as an Excel workbook: the activities, then each finding with the
partnership's response and the action answering it. Written by masa.core.spreadsheets, as every
register is: text is never a formula."""

from datetime import date

from masa.actions.models import Action
from masa.core.spreadsheets import Column, registers_workbook
from masa.scrutiny.models import ScrutinyPlan


def action_status(action: Action | None, today: date) -> str | None:
    if action is None:
        return None
    return "Overdue" if action.is_overdue_on(today) else action.get_status_display()


ACTIVITY_COLUMNS: list[Column] = [
    ("Activity", 50, lambda a, today: a.title),
    ("Kind", 30, lambda a, today: a.get_kind_display()),
    ("Planned", 14, lambda a, today: a.planned_on),
    ("Done", 14, lambda a, today: a.done_on),
    ("Status", 12, lambda a, today: a.get_status_display()),
    ("Findings", 10, lambda a, today: len(a.findings.all())),
]

FINDING_COLUMNS: list[Column] = [
    ("Number", 8, lambda f, today: f.number),
    ("Activity", 40, lambda f, today: f.activity.title),
    ("Finding", 60, lambda f, today: f.text),
    ("Response", 16, lambda f, today: f.get_response_display() if f.response else "Awaiting a response"),
    ("The partnership's response", 60, lambda f, today: f.response_text),
    ("Responded", 16, lambda f, today: f.responded_at),
    ("Action", 10, lambda f, today: f.action.reference if f.action else None),
    ("Action owner", 25, lambda f, today: f.action.owner.name if f.action else None),
    ("Action due", 16, lambda f, today: f.action.due_date if f.action else None),
    ("Action status", 14, lambda f, today: action_status(f.action, today)),
]


def plan_workbook(plan: ScrutinyPlan, *, today: date) -> bytes:
    """The plan with activities and findings prefetched (selectors.plan_get)."""
    activities = list(plan.activities.all())
    findings = sorted((f for a in activities for f in a.findings.all()), key=lambda f: f.number)
    return registers_workbook(
        [("Activities", ACTIVITY_COLUMNS, activities), ("Findings", FINDING_COLUMNS, findings)],
        today=today,
    )
