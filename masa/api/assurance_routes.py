"""The inspections register and assurance requests: the same permissions as their pages
(masa/assurance/rules.py).

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
from masa.assurance import selectors, selectors_section11
from masa.assurance.models import AssuranceRequest, Inspection
from masa.assurance.rules import VIEW_ASSURANCE_REQUESTS, VIEW_INSPECTIONS, VIEW_SECTION11_RESULTS

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


# Section 11 and Section 175 self-assessment cycles --------------------------------------------


class Section11CycleOut(Schema):
    id: UUID
    title: str
    standards_set: str
    kind: str = Field(description="section_11 or section_175")
    opens_on: date
    deadline: date
    asked: int = Field(description="Agencies or schools asked for a return")
    returned: int = Field(description="Returns submitted, on time or late")
    late: int = Field(description="Returns submitted after the deadline")
    return_rate: int = Field(description="Returned as a whole percentage of asked")
    not_returned: list[str] = Field(description="The names of the agencies whose return is not in")


class Section11CyclePage(Schema):
    count: int
    limit: int
    offset: int
    items: list[Section11CycleOut]


@router.get(
    "/partnerships/{slug}/section11-cycles",
    response=replies({200: Section11CyclePage}),
    summary="The partnership's Section 11 and Section 175 self-assessment cycles",
)
def list_section11_cycles(request: HttpRequest, slug: Slug, limit: Limit = 100, offset: Offset = 0):
    """Newest first, each with how many agencies were asked, how many returned (and how many of
    those late) and who has not returned. The same readers as the results pages: the business
    team, the LSPs, the DSPs and the scrutineer."""
    partnership = partnership_or_404(request, slug, VIEW_SECTION11_RESULTS)
    cycles = selectors_section11.cycle_list_with_rates(partnership)
    page = list(cycles[offset : offset + limit])
    missing = selectors_section11.not_returned_agencies(page)
    return {
        "count": cycles.count(),
        "limit": limit,
        "offset": offset,
        "items": [
            {
                "id": c.uuid,
                "title": c.title,
                "standards_set": c.standards_set.name,
                "kind": c.standards_set.kind,
                "opens_on": c.opens_on,
                "deadline": c.deadline,
                "asked": c.asked,  # type: ignore[attr-defined]
                "returned": c.returned,  # type: ignore[attr-defined]
                "late": c.late,  # type: ignore[attr-defined]
                "return_rate": round(100 * c.returned / c.asked) if c.asked else 0,  # type: ignore[attr-defined]
                "not_returned": missing[c.pk],
            }
            for c in page
        ],
    }


# Assurance requests ----------------------------------------------------------------------------

# RequestStatus's values (tests/assurance/test_requests.py checks they stay the same).
RequestStatusValue = Literal["requested", "report_received", "judged", "withdrawn"]


class RequestActionOut(Schema):
    id: UUID
    reference: str
    status: str
    due_date: date


class AssuranceRequestOut(Schema):
    id: UUID
    reference: str
    subject: str
    asked: str
    agency: str
    group: str
    lead: str | None
    due_date: date
    status: str
    overdue: bool
    received_on: date | None
    has_report_file: bool
    report_link: str
    report_text: str
    judgement: str = Field(description="assured, partly_assured, not_assured, or empty until judged")
    judgement_reasons: str
    judged_on: date | None
    withdrawn_reason: str
    actions: list[RequestActionOut]


class AssuranceRequestPage(Schema):
    count: int
    limit: int
    offset: int
    items: list[AssuranceRequestOut]


def _request_out(r: AssuranceRequest, today: date) -> dict:
    return {
        "id": r.uuid,
        "reference": r.reference,
        "subject": r.subject,
        "asked": r.asked,
        "agency": r.agency.name,
        "group": r.group.name,
        "lead": r.lead.name if r.lead else None,
        "due_date": r.due_date,
        "status": r.status,
        "overdue": r.is_overdue_on(today),
        "received_on": r.received_on,
        "has_report_file": bool(r.report_file),
        "report_link": r.report_link,
        "report_text": r.report_text,
        "judgement": r.judgement,
        "judgement_reasons": r.judgement_reasons,
        "judged_on": r.judged_on,
        "withdrawn_reason": r.withdrawn_reason,
        "actions": [
            {"id": a.uuid, "reference": a.reference, "status": a.status, "due_date": a.due_date}
            for a in r.actions.all()
        ],
    }


@router.get(
    "/partnerships/{slug}/assurance-requests",
    response=replies({200: AssuranceRequestPage}),
    summary="The assurance requests this user may see",
)
def list_assurance_requests(
    request: HttpRequest,
    slug: Slug,
    status: RequestStatusValue | None = None,
    agency: UUID | None = None,
    group: UUID | None = None,
    overdue: bool = False,
    limit: Limit = 100,
    offset: Offset = 0,
):
    """Newest first. The same scope as the pages: an agency lead sees the requests to their own
    agency, chairs and members their groups' requests, the senior roles and the scrutineer all.
    `agency` and `group` are the ids of the agency asked and the group that asked; `overdue`
    keeps those past their due date with no report yet."""
    partnership = partnership_or_404(request, slug, VIEW_ASSURANCE_REQUESTS)
    today = timezone.localdate()
    requests = selectors.request_list(
        request.user,  # type: ignore[arg-type]
        partnership,
        status=status or "",
        overdue=overdue,
        today=today,
    ).prefetch_related("actions")
    if agency is not None:
        requests = requests.filter(agency__uuid=agency)
    if group is not None:
        requests = requests.filter(group__uuid=group)
    return {
        "count": requests.count(),
        "limit": limit,
        "offset": offset,
        "items": [_request_out(r, today) for r in requests[offset : offset + limit]],
    }
