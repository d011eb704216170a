"""An effectiveness review as an Excel workbook: a sheet each for the review, the self-evaluation,
the figures (attendance, cadence, actions, clocks) and the findings with their responses and
actions. Written by masa.core.spreadsheets, as every register is: text is never a formula."""

from datetime import date
from typing import Any

from masa.core.spreadsheets import Column, registers_workbook
from masa.effectiveness.models import EffectivenessReview, PrincipleAssessment
from masa.partnership.models import Principle

FACT_COLUMNS: list[Column] = [("Question", 30, lambda r, today: r[0]), ("Answer", 80, lambda r, today: r[1])]


def _facts(review: EffectivenessReview, figures: dict[str, Any]) -> list[tuple[str, object]]:
    return [
        ("Title", review.title),
        ("Period starts", review.period_start),
        ("Period ends", review.period_end),
        ("Reviewer", review.reviewer),
        ("Commissioned", review.commissioned_on),
        ("Reported", review.reported_on),
        ("Status", review.get_status_display()),
        ("Published", review.published_at),
        ("Figures as at", date.fromisoformat(figures["as_at"])),
        ("Summary", review.summary),
    ]


Assessed = tuple[Principle, PrincipleAssessment | None]

ASSESSMENT_COLUMNS: list[Column] = [
    ("Principle", 25, lambda a, today: a[0].title),
    ("Rating (1 to 4)", 12, lambda a, today: a[1].rating if a[1] else None),
    ("Rating", 20, lambda a, today: a[1].get_rating_display() if a[1] else "Not yet evaluated"),
    ("Self-evaluation", 80, lambda a, today: a[1].narrative if a[1] else ""),
    ("Evidence", 50, lambda a, today: a[1].evidence if a[1] else ""),
]

ATTENDANCE_COLUMNS: list[Column] = [
    ("Agency", 40, lambda r, today: r["agency"]),
    ("Attended (present or deputy)", 14, lambda r, today: r["attended"]),
    ("Attendances recorded", 14, lambda r, today: r["expected"]),
    ("Attendance %", 12, lambda r, today: r["rate"]),
]

CADENCE_COLUMNS: list[Column] = [
    ("Group", 40, lambda r, today: r["group"]),
    ("Meetings held", 12, lambda r, today: r["held"]),
    ("Meetings expected", 12, lambda r, today: r["expected"]),
    ("Met the expected cadence", 12, lambda r, today: "Yes" if r["met"] else "No"),
]

ACTION_MEASURES = [
    ("due", "Actions due in the period"),
    ("completed", "Completed"),
    ("completed_on_time", "Completed on time"),
    ("open", "Still open"),
    ("overdue", "Overdue"),
    ("withdrawn", "Withdrawn"),
    ("completed_rate", "Completed % (of those not withdrawn)"),
    ("on_time_rate", "Completed on time % (of those not withdrawn)"),
]
MEASURE_COLUMNS: list[Column] = [("Measure", 45, lambda r, today: r[0]), ("Value", 12, lambda r, today: r[1])]

CLOCK_COLUMNS: list[Column] = [
    ("Clock", 30, lambda r, today: r["label"]),
    ("Time limit", 20, lambda r, today: r["limit"]),
    ("Due in the period", 12, lambda r, today: r["due"]),
    ("Met on time", 12, lambda r, today: r["met_on_time"]),
    ("Met late", 12, lambda r, today: r["met_late"]),
    ("Overdue", 12, lambda r, today: r["overdue"]),
    ("Still running", 12, lambda r, today: r["running"]),
    ("Met on time %", 12, lambda r, today: r["on_time_rate"]),
]


FINDING_COLUMNS: list[Column] = [
    ("Number", 8, lambda f, today: f.number),
    ("Kind", 16, lambda f, today: f.get_kind_display()),
    ("Principle", 20, lambda f, today: f.principle.title if f.principle else ""),
    ("Finding", 60, lambda f, today: f.text),
    ("Response", 16, lambda f, today: f.get_response_display() if f.response else "Awaiting a response"),
    ("The partnership's response", 60, lambda f, today: f.response_text),
    ("Responded", 16, lambda f, today: f.responded_at),
    ("Action", 10, lambda f, today: f.action.reference if f.action else None),
    ("Action owner", 25, lambda f, today: f.action.owner.name if f.action else None),
    ("Action due", 16, lambda f, today: f.action.due_date if f.action else None),
    (
        "Action status",
        14,
        lambda f, today: (
            None
            if f.action is None
            else "Overdue"
            if f.action.is_overdue_on(today)
            else f.action.get_status_display()
        ),
    ),
]


def review_workbook(
    review: EffectivenessReview, *, assessments: list[Assessed], figures: dict[str, Any], today: date
) -> bytes:
    actions = figures["actions"]
    return registers_workbook(
        [
            ("Review", FACT_COLUMNS, _facts(review, figures)),
            ("Self-evaluation", ASSESSMENT_COLUMNS, assessments),
            ("Attendance", ATTENDANCE_COLUMNS, figures["attendance"]),
            ("Cadence", CADENCE_COLUMNS, figures["cadence"]),
            ("Actions", MEASURE_COLUMNS, [(label, actions[key]) for key, label in ACTION_MEASURES]),
            ("Clocks", CLOCK_COLUMNS, figures["clocks"]),
            ("Findings", FINDING_COLUMNS, list(review.findings.all())),
        ],
        today=today,
    )
