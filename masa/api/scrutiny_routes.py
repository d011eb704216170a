"""The independent scrutineer's findings with the partnership's responses: the same permissions
and scope as their pages (masa/scrutiny/rules.py): the senior roles only.

Each answering action's id and status is listed, as on the plan page; opening an action
(`/actions/{uuid}`) still follows the action tracker's need-to-know scope.
"""

from datetime import date
from uuid import UUID

from django.http import HttpRequest
from django.utils import timezone
from ninja import Router, Schema
from pydantic import Field

from masa.api.access import partnership_or_404
from masa.api.errors import replies
from masa.api.types import Limit, Offset, Slug
from masa.scrutiny import selectors
from masa.scrutiny.models import ScrutinyFinding
from masa.scrutiny.rules import VIEW_SCRUTINY

router = Router(tags=["Assurance"])


class ScrutinyActivityOut(Schema):
    id: UUID
    kind: str = Field(description="observation, audit_reading, practitioners, children or report_review")
    title: str
    planned_on: date
    done_on: date | None
    status: str = Field(description="planned, done or cancelled")
    reporting_year: str = Field(description="The plan's reporting year, April to March, e.g. 2024-25")


class FindingActionOut(Schema):
    id: UUID
    reference: str
    status: str
    due_date: date
    overdue: bool


class ScrutinyFindingOut(Schema):
    id: UUID
    number: int = Field(description="The finding's number within its year's plan")
    activity: ScrutinyActivityOut
    text: str
    response: str = Field(description="accepted, partly_accepted, not_accepted, or empty while awaited")
    response_text: str
    action: FindingActionOut | None


class ScrutinyFindingPage(Schema):
    count: int
    limit: int
    offset: int
    items: list[ScrutinyFindingOut]


def _finding_out(finding: ScrutinyFinding, today: date) -> dict:
    activity, action = finding.activity, finding.action
    return {
        "id": finding.uuid,
        "number": finding.number,
        "activity": {
            "id": activity.uuid,
            "kind": activity.kind,
            "title": activity.title,
            "planned_on": activity.planned_on,
            "done_on": activity.done_on,
            "status": activity.status,
            "reporting_year": activity.plan.year_label,
        },
        "text": finding.text,
        "response": finding.response,
        "response_text": finding.response_text,
        "action": None
        if action is None
        else {
            "id": action.uuid,
            "reference": action.reference,
            "status": action.status,
            "due_date": action.due_date,
            "overdue": action.is_overdue_on(today),
        },
    }


@router.get(
    "/partnerships/{slug}/scrutiny/findings",
    response=replies({200: ScrutinyFindingPage}),
    summary="The independent scrutineer's findings and the partnership's responses",
)
def list_scrutiny_findings(request: HttpRequest, slug: Slug, limit: Limit = 100, offset: Offset = 0):
    """Newest reporting year first, then by number. For the senior roles (business team, lead and
    delegated safeguarding partners, the independent scrutineer). Each finding comes with the
    activity that found it, the partnership's response and the tracker action answering it."""
    partnership = partnership_or_404(request, slug, VIEW_SCRUTINY)
    findings = selectors.finding_list(request.user, partnership)  # type: ignore[arg-type]
    today = timezone.localdate()
    return {
        "count": findings.count(),
        "limit": limit,
        "offset": offset,
        "items": [_finding_out(f, today) for f in findings[offset : offset + limit]],
    }
