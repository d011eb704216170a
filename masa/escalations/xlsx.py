"""The escalations register (for the business team) and a year's figures as Excel workbooks
(masa.core.spreadsheets: text is never a formula, dates are real dates)."""

from collections.abc import Iterable

from django.utils import timezone

from masa.core.spreadsheets import Column, register_workbook, registers_workbook
from masa.escalations.models import Escalation
from masa.escalations.selectors import Summary, YearFigures

REGISTER_COLUMNS: list[Column] = [
    ("Raised", 14, lambda e, today: e.raised_on),
    ("Raising agency", 30, lambda e, today: e.raised_by_agency.name),
    ("Raiser's role", 24, lambda e, today: e.raised_by_role),
    ("Agencies involved", 40, lambda e, today: "; ".join(a.name for a in e.agencies.all())),
    ("Child's reference", 16, lambda e, today: e.child_reference),
    ("What the disagreement is about", 50, lambda e, today: e.concern),
    ("Stage reached", 10, lambda e, today: e.stage),
    ("Stage 2 started", 14, lambda e, today: e.stage2_on),
    ("Stage 3 started", 14, lambda e, today: e.stage3_on),
    ("Resolved", 14, lambda e, today: e.resolved_on),
    ("Days to resolve", 10, lambda e, today: e.days_to_resolve),
    ("Resolution", 50, lambda e, today: e.resolution),
    ("Themes", 30, lambda e, today: "; ".join(t.name for t in e.themes.all())),
    ("Follow-up action", 14, lambda e, today: e.action.reference if e.action else ""),
]


def register_workbook_bytes(escalations: Iterable[Escalation]) -> bytes:
    """Every escalation, one row each."""
    return register_workbook(
        "Professional escalations", REGISTER_COLUMNS, escalations, today=timezone.localdate()
    )


COUNT_COLUMNS: list[Column] = [("", 60, lambda r, today: r[0]), ("Escalations", 12, lambda r, today: r[1])]
TREND_COLUMNS: list[Column] = [
    ("Reporting year", 14, lambda f, today: f.year),
    ("Raised", 10, lambda f, today: f.raised),
    ("Highest stage 1", 12, lambda f, today: f.reached[0]),
    ("Highest stage 2", 12, lambda f, today: f.reached[1]),
    ("Highest stage 3", 12, lambda f, today: f.reached[2]),
    ("Median days to resolve", 12, lambda f, today: f.median_days),
]


def _counts(heading: str) -> list[Column]:
    return [(heading, 60, COUNT_COLUMNS[0][2]), COUNT_COLUMNS[1]]


def summary_workbook(summary: Summary, trend: list[YearFigures]) -> bytes:
    """The year's counts by stage reached, agency and theme, the totals, and the years' trend."""
    totals = [
        ("Raised", summary.raised),
        ("Resolved", summary.resolved),
        ("Open", summary.open),
        ("Median days to resolve", summary.median_days),
    ]
    return registers_workbook(
        [
            (f"{summary.year} totals", _counts("Figure"), totals),
            (
                "By highest stage",
                _counts("Highest stage reached"),
                [(label, n) for _, label, n in summary.by_stage],
            ),
            ("By agency", _counts("Agency involved"), summary.by_agency),
            ("By theme", _counts("Theme"), summary.by_theme),
            ("By year", TREND_COLUMNS, trend),
        ],
        today=timezone.localdate(),
    )
