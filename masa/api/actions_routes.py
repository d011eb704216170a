"""Action tracker endpoints: the same need-to-know scope and object permissions as the pages."""

from datetime import date, datetime
from typing import Literal, cast
from uuid import UUID

from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import HttpRequest
from django.utils import timezone
from ninja import Router, Schema, Status
from ninja.errors import HttpError
from ninja.errors import ValidationError as NinjaValidationError

from masa.accounts.models import User
from masa.actions import selectors, services
from masa.actions.models import Action, ActionUpdate
from masa.actions.rules import UPDATE_ACTION, VIEW_ACTIONS
from masa.api.access import partnership_or_404
from masa.api.errors import replies
from masa.api.types import BoundedDate, Limit, LongText, Offset, Slug
from masa.partnership.models import Partnership

router = Router(tags=["Actions"])

NOT_FOUND = "Not found"
NOT_ALLOWED = "Only the action's owner or the business team can update this action"


class Ref(Schema):
    id: UUID
    name: str


class ActionOut(Schema):
    id: UUID
    reference: str
    title: str
    description: str
    source: str
    group: Ref | None
    owner: Ref
    owner_agency: str
    due_date: date
    status: str
    overdue: bool
    latest_update: str | None
    impact: str
    closed_at: datetime | None
    escalated_at: datetime | None
    updated_at: datetime


class ActionPage(Schema):
    count: int
    limit: int
    offset: int
    items: list[ActionOut]


class UpdateOut(Schema):
    id: UUID
    text: str
    author: str | None
    status_from: str
    status_to: str
    created_at: datetime


class EvidenceOut(Schema):
    id: UUID
    kind: str
    name: str
    link: str
    text: str
    added_at: datetime


class ActionDetailOut(ActionOut):
    meeting_item: str | None
    updates: list[UpdateOut]
    evidence: list[EvidenceOut]


class UpdateIn(Schema):
    text: LongText
    status: Literal["open", "in_progress"] | None = None


def _partnership(request: HttpRequest, slug: Slug):

    return partnership_or_404(request, slug, VIEW_ACTIONS)


def _action(request: HttpRequest, slug: Slug, uuid: UUID) -> tuple[Partnership, Action]:
    partnership = _partnership(request, slug)
    action = selectors.action_get(cast(User, request.user), partnership, str(uuid))
    if action is None:
        raise HttpError(404, NOT_FOUND)
    return partnership, action


def _ref(obj) -> dict | None:
    return {"id": obj.uuid, "name": obj.name} if obj is not None else None


def _action_out(a: Action, today: date) -> dict:
    return {
        "id": a.uuid,
        "reference": a.reference,
        "title": a.title,
        "description": a.description,
        "source": a.source,
        "group": _ref(a.group),
        "owner": _ref(a.owner),
        "owner_agency": a.owner_agency.name,
        "due_date": a.due_date,
        "status": a.status,
        "overdue": a.is_overdue_on(today),
        "latest_update": getattr(a, "latest_update_text", None),
        "impact": a.impact,
        "closed_at": a.closed_at,
        "escalated_at": a.escalated_at,
        "updated_at": a.updated_at,
    }


def _update_out(u: ActionUpdate) -> dict:
    return {
        "id": u.uuid,
        "text": u.text,
        "author": u.author.full_name if u.author else None,
        "status_from": u.status_from,
        "status_to": u.status_to,
        "created_at": u.created_at,
    }


@router.get(
    "/partnerships/{slug}/actions",
    response=replies({200: ActionPage}),
    summary="Actions you may see in a partnership",
)
def list_actions(
    request: HttpRequest,
    slug: Slug,
    owner: UUID | None = None,
    group: UUID | None = None,
    status: Literal["open", "in_progress", "closed", "withdrawn", "overdue"] | None = None,
    due_before: BoundedDate | None = None,
    due_after: BoundedDate | None = None,
    limit: Limit = 100,
    offset: Offset = 0,
):
    """Open means not closed (open or in progress); overdue means not closed and past the due date."""
    partnership = _partnership(request, slug)
    actions = selectors.action_search(
        cast(User, request.user),
        partnership,
        status=status,
        group_uuid=group,
        owner_uuid=owner,
        due_before=due_before,
        due_after=due_after,
    )
    today = timezone.localdate()
    return {
        "count": actions.count(),
        "limit": limit,
        "offset": offset,
        "items": [_action_out(a, today) for a in actions[offset : offset + limit]],
    }


@router.get("/partnerships/{slug}/actions/{uuid}", response=replies({200: ActionDetailOut}))
def get_action(request: HttpRequest, slug: Slug, uuid: UUID):
    _, action = _action(request, slug, uuid)
    item = action.meeting_item
    return {
        **_action_out(action, timezone.localdate()),
        "latest_update": next((u.text for u in action.updates.all()), None),
        "meeting_item": f"{item.meeting.starts_at:%Y-%m-%d}: {item.title}" if item else None,
        "updates": [_update_out(u) for u in action.updates.all()],
        "evidence": [
            {
                "id": e.uuid,
                "kind": e.kind,
                "name": e.original_name,
                "link": e.link,
                "text": e.text,
                "added_at": e.created_at,
            }
            for e in action.evidence.all()
            if not e.is_deleted
        ],
    }


@router.post(
    "/partnerships/{slug}/actions/{uuid}/updates",
    response=replies({201: UpdateOut}),
    summary="Post a progress update (the action's owner or the business team)",
)
def post_update(request: HttpRequest, slug: Slug, uuid: UUID, payload: UpdateIn):
    user = cast(User, request.user)
    partnership, action = _action(request, slug, uuid)
    if not user.has_perm(UPDATE_ACTION, action):
        raise HttpError(403, NOT_ALLOWED)
    try:
        update = services.action_post_update(
            actor=user, action=action, text=payload.text, status=payload.status or ""
        )
    except DjangoValidationError as error:
        raise NinjaValidationError(
            [{"loc": ["body", "payload", "text"], "msg": m, "type": "value_error"} for m in error.messages]
        ) from error
    return Status(201, _update_out(update))
