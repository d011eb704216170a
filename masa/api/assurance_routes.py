"""The inspections register: the same permission as its pages (masa/assurance/rules.py).

Every action's id and status is listed, as on the inspection page; opening an action
(`/actions/{uuid}`) still follows the action tracker's need-to-know scope.
"""

from datetime import date
from typing import Annotated, Literal
from uuid import UUID

from django.http import HttpRequest
from django.utils import timezone
from ninja import Router, Schema
from pydantic import Field

from masa.api.access import partnership_or_404
from masa.api.errors import replies
from masa.api.types import Limit, Offset, Slug
from masa.assurance import selectors
from masa.assurance.models import Inspection
from masa.assurance.rules import VIEW_INSPECTIONS

router = Router(tags=["Assurance"])

# InspectionKind's values (tests/assurance/test_api.py checks they stay the same).
Kind = Literal["ofsted_ilacs", "jtai", "hmicfrs", "hmip", "cqc", "area_send", "other"]
Year = Annotated[int, Field(ge=1900, le=2100, description="The financial year's first calendar year")]


class JudgementOut(Schema):
    area: str
    judgement: str


class FindingActionOut(Schema):
    id: UUID
    reference: str
    status: str
    due_date: date
    overdue: bool


class FindingOut(Schema):
    id: UUID
    kind: str
    number: int
    text: str
    agency: str | None
    actions: list[FindingActionOut]


class ProgressOut(Schema):
    closed: int
    open: int
    overdue: int
    withdrawn: int


class InspectionOut(Schema):
    id: UUID
    kind: str
    title: str
    inspected_body: str | None
    start_date: date
    end_date: date | None
    published_date: date | None
    overall_judgement: str
    report_url: str
    summary: str
    judgements: list[JudgementOut]
    findings: list[FindingOut]
    progress: ProgressOut


class InspectionPage(Schema):
    count: int
    limit: int
    offset: int
    items: list[InspectionOut]


def _inspection_out(inspection: Inspection, today: date) -> dict:
    progress = selectors.inspection_progress(inspection, today)
    return {
        "id": inspection.uuid,
        "kind": inspection.kind,
        "title": inspection.title,
        "inspected_body": inspection.inspected_body.name if inspection.inspected_body else None,
        "start_date": inspection.start_date,
        "end_date": inspection.end_date,
        "published_date": inspection.published_date,
        "overall_judgement": inspection.overall_judgement,
        "report_url": inspection.report_url,
        "summary": inspection.summary,
        "judgements": [{"area": j.area, "judgement": j.judgement} for j in inspection.judgements.all()],
        "findings": [
            {
                "id": f.uuid,
                "kind": f.kind,
                "number": f.number,
                "text": f.text,
                "agency": f.agency.name if f.agency else None,
                "actions": [
                    {
                        "id": a.uuid,
                        "reference": a.reference,
                        "status": a.status,
                        "due_date": a.due_date,
                        "overdue": a.is_overdue_on(today),
                    }
                    for a in f.actions.all()
                ],
            }
            for f in inspection.findings.all()
        ],
        "progress": {
            "closed": progress.closed,
            "open": progress.open,
            "overdue": progress.overdue,
            "withdrawn": progress.withdrawn,
        },
    }


@router.get(
    "/partnerships/{slug}/inspections",
    response=replies({200: InspectionPage}),
    summary="The partnership's inspections register",
)
def list_inspections(
    request: HttpRequest,
    slug: Slug,
    kind: Kind | None = None,
    year: Year | None = None,
    limit: Limit = 100,
    offset: Offset = 0,
):
    """Newest first; `year` is the financial year (April to March) by its first calendar year. Each
    inspection comes with its judgements, its findings (cause_of_concern, area_for_improvement,
    recommendation), the tracker actions that answer them and how those actions stand."""
    partnership = partnership_or_404(request, slug, VIEW_INSPECTIONS)
    inspections = selectors.inspection_list(partnership, kind=kind or "", year=year)
    today = timezone.localdate()
    return {
        "count": inspections.count(),
        "limit": limit,
        "offset": offset,
        "items": [_inspection_out(i, today) for i in inspections[offset : offset + limit]],
    }
