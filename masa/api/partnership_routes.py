"""Read endpoints for the partnership structure."""

from datetime import datetime
from typing import cast
from uuid import UUID

from django.http import HttpRequest
from ninja import Router, Schema

from masa.accounts.models import User
from masa.accounts.selectors import active_role, partnerships_for_user
from masa.api.access import partnership_or_404
from masa.api.errors import replies
from masa.api.types import Slug
from masa.partnership import selectors
from masa.structure.rules import VIEW_STRUCTURE

router = Router(tags=["Partnership structure"])


class PartnershipOut(Schema):
    slug: str
    name: str
    local_authority: str
    la_code: str
    your_role: str | None


class AgencyOut(Schema):
    id: UUID
    name: str
    agency_type: str
    status: str
    is_active: bool


class PersonRef(Schema):
    id: UUID
    name: str
    job_title: str
    agency: str


class MemberOut(Schema):
    person: PersonRef
    member_type: str


class GroupOut(Schema):
    id: UUID
    name: str
    kind: str
    purpose: str
    people: str
    process: str
    chair: PersonRef | None
    quorum: int
    min_meetings_per_year: int
    reports_to: UUID | None
    is_active: bool
    updated_at: datetime
    members: list[MemberOut]


class PriorityOut(Schema):
    id: UUID
    title: str
    description: str
    objectives: list[str]


class PlanOut(Schema):
    id: UUID
    title: str
    start_year: int
    end_year: int
    priorities: list[PriorityOut]


def _person(p) -> dict | None:
    if p is None:
        return None
    return {"id": p.uuid, "name": p.name, "job_title": p.job_title, "agency": p.agency.name}


@router.get(
    "/partnerships",
    response=replies({200: list[PartnershipOut]}, has_input=False),
    summary="Partnerships you belong to",
)
def list_partnerships(request: HttpRequest):
    user = cast(User, request.user)
    return [
        {
            "slug": p.slug,
            "name": p.name,
            "local_authority": p.local_authority,
            "la_code": p.la_code,
            "your_role": active_role(user, p),
        }
        for p in partnerships_for_user(user)
    ]


def _partnership(request: HttpRequest, slug: Slug):

    return partnership_or_404(request, slug, VIEW_STRUCTURE)


@router.get("/partnerships/{slug}/agencies", response=replies({200: list[AgencyOut]}))
def list_agencies(request: HttpRequest, slug: Slug):
    partnership = _partnership(request, slug)
    return [
        {
            "id": link.uuid,
            "name": link.agency.name,
            "agency_type": link.agency.agency_type,
            "status": link.status,
            "is_active": link.is_active,
        }
        for link in selectors.agency_list(partnership)
    ]


@router.get("/partnerships/{slug}/groups", response=replies({200: list[GroupOut]}))
def list_groups(request: HttpRequest, slug: Slug):
    partnership = _partnership(request, slug)
    arrangements = selectors.arrangements_for(partnership)
    return [
        {
            "id": g.uuid,
            "name": g.name,
            "kind": g.kind,
            "purpose": g.purpose,
            "people": g.people,
            "process": g.process,
            "chair": _person(g.chair),
            "quorum": g.quorum,
            "min_meetings_per_year": g.min_meetings_per_year,
            "reports_to": g.reports_to.uuid if g.reports_to else None,
            "is_active": g.is_active,
            "updated_at": g.updated_at,
            "members": [{"person": _person(m.person), "member_type": m.member_type} for m in g.members.all()],
        }
        for g in arrangements.groups
    ]


@router.get("/partnerships/{slug}/plans", response=replies({200: list[PlanOut]}))
def list_plans(request: HttpRequest, slug: Slug):
    partnership = _partnership(request, slug)
    return [
        {
            "id": plan.uuid,
            "title": plan.title,
            "start_year": plan.start_year,
            "end_year": plan.end_year,
            "priorities": [
                {
                    "id": pr.uuid,
                    "title": pr.title,
                    "description": pr.description,
                    "objectives": [o.text for o in pr.objectives.all()],
                }
                for pr in plan.priorities.all()
            ],
        }
        for plan in selectors.plan_list(partnership)
    ]
