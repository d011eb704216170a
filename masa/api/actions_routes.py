"""Action tracker endpoints: the same need-to-know scope and object permissions as the pages."""

from datetime import date, datetime
from typing import Annotated, Literal, cast
from uuid import UUID

from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import HttpRequest
from django.utils import timezone
from ninja import Router, Schema, Status
from ninja.errors import HttpError
from ninja.errors import ValidationError as NinjaValidationError
from pydantic import Field

from masa.accounts.models import User
from masa.actions import selectors, services
from masa.actions.models import Action, ActionSource, ActionUpdate
from masa.actions.rules import CHANGE_ACTION, MANAGE_ACTIONS, UPDATE_ACTION, VIEW_ACTIONS
from masa.api.access import partnership_or_404
from masa.api.errors import refused, replies
from masa.api.types import BoundedDate, CleanText, Limit, LongText, Offset, Slug
from masa.core.bounds import REASON_LENGTH, SUMMARY_LENGTH
from masa.partnership.models import Agency, Partnership, Person

router = Router(tags=["Actions"])

NOT_FOUND = "Not found"
NOT_ALLOWED = "Only the action's owner or the business team can update this action"
NOT_ALLOWED_TO_CHANGE = "Only the business team can change an action's details"
OWNER_UNKNOWN = "Choose an owner from this partnership's active people"
AGENCY_UNKNOWN = "Choose an agency of this partnership"
GROUP_UNKNOWN = "Choose a group of this partnership"
BODY = ("body", "payload")

# The same lengths as the action pages' fields (the model's title, masa.core.bounds for the rest).
Title = Annotated[CleanText, Field(min_length=1, max_length=300)]
Description = Annotated[CleanText, Field(max_length=SUMMARY_LENGTH)]
Reason = Annotated[CleanText, Field(min_length=1, max_length=REASON_LENGTH)]
# Sources that need no linked record: actions from a meeting item or a review's recommendation
# are added on the meeting and review pages, which link them.
StandaloneSource = Literal[
    "audit_finding",
    "inspection_recommendation",
    "scrutiny_finding",
    "escalation",
    "section11_improvement",
    "effectiveness_finding",
    "case_discussion",
]


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


class ChangeOut(Schema):
    """One detail changed with a reason: what it was and what it became, in words."""

    field: str
    before: str
    after: str


class UpdateOut(Schema):
    id: UUID
    text: str
    author: str | None
    status_from: str
    status_to: str
    changes: list[ChangeOut]
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


class ActionIn(Schema):
    title: Title
    description: Description = ""
    owner: UUID = Field(description="The id of an active person of the partnership")
    due_date: BoundedDate = Field(description="Today or later, written YYYY-MM-DD")
    source: StandaloneSource = Field(description="Where the action comes from")
    group: UUID | None = Field(None, description="The id of the group that agreed the action, if any")


class ActionChangeIn(Schema):
    """Only the details given change; `reason` is required and kept in the action's history."""

    title: Title | None = None
    description: Description | None = None
    owner: UUID | None = Field(None, description="The id of an active person of the partnership")
    owner_agency: UUID | None = Field(None, description="The id of an agency of the partnership")
    due_date: BoundedDate | None = Field(
        None, description="Today or later (an overdue action may keep its due date), written YYYY-MM-DD"
    )
    reason: Reason = Field(description="Why the action is being changed")


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
        "changes": [{"field": c["field"], "before": c["from"], "after": c["to"]} for c in u.changes],
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


@router.post(
    "/partnerships/{slug}/actions",
    response=replies({201: ActionOut}),
    summary="Add an action (the business team)",
)
def create_action(request: HttpRequest, slug: Slug, payload: ActionIn):
    """Adds an action to the partnership's tracker, as the business team does on the pages. The due
    date must be today or later; an unknown owner or group is refused, naming the field."""
    user = cast(User, request.user)
    partnership = partnership_or_404(request, slug, MANAGE_ACTIONS)
    errors = []
    owner = selectors.new_owner_get(partnership, payload.owner)
    if owner is None:
        errors.append({"loc": [*BODY, "owner"], "msg": OWNER_UNKNOWN, "type": "value_error"})
    group = None
    if payload.group is not None:
        group = selectors.action_group_get(partnership, str(payload.group))
        if group is None:
            errors.append({"loc": [*BODY, "group"], "msg": GROUP_UNKNOWN, "type": "value_error"})
    if errors:
        raise NinjaValidationError(errors)
    try:
        action = services.action_create(
            actor=user,
            partnership=partnership,
            title=payload.title,
            description=payload.description,
            owner=cast(Person, owner),
            due_date=payload.due_date,
            source=ActionSource(payload.source),
            group=group,
        )
    except DjangoValidationError as error:
        raise refused(error, *BODY) from error
    action = cast(Action, selectors.action_get(user, partnership, str(action.uuid)))
    return Status(201, _action_out(action, timezone.localdate()))


def _detail_out(action: Action) -> dict:
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


@router.get("/partnerships/{slug}/actions/{uuid}", response=replies({200: ActionDetailOut}))
def get_action(request: HttpRequest, slug: Slug, uuid: UUID):
    _, action = _action(request, slug, uuid)
    return _detail_out(action)


@router.patch(
    "/partnerships/{slug}/actions/{uuid}",
    response=replies({200: ActionDetailOut}),
    summary="Change an open action's details, with a reason (the business team)",
)
def change_action(request: HttpRequest, slug: Slug, uuid: UUID, payload: ActionChangeIn):
    """Changes any of the title, description, owner, owner's agency and due date of an open action,
    as the business team does on the action's "Change" page. The reason and each change go in the
    action's history and the audit log. A new due date may not be in the past."""
    user = cast(User, request.user)
    partnership, action = _action(request, slug, uuid)
    if not user.has_perm(CHANGE_ACTION, action):
        raise HttpError(403, NOT_ALLOWED_TO_CHANGE)
    errors = []
    owner: Person | None = action.owner
    if payload.owner is not None:
        owner = selectors.owner_get(action, payload.owner)
        if owner is None:
            errors.append({"loc": [*BODY, "owner"], "msg": OWNER_UNKNOWN, "type": "value_error"})
    agency: Agency | None = action.owner_agency
    if payload.owner_agency is not None:
        agency = selectors.owner_agency_get(action, payload.owner_agency)
        if agency is None:
            errors.append({"loc": [*BODY, "owner_agency"], "msg": AGENCY_UNKNOWN, "type": "value_error"})
    if errors:
        raise NinjaValidationError(errors)
    try:
        services.action_change(
            actor=user,
            action=action,
            title=action.title if payload.title is None else payload.title,
            description=action.description if payload.description is None else payload.description,
            owner=cast(Person, owner),
            owner_agency=cast(Agency, agency),
            due_date=payload.due_date or action.due_date,
            reason=payload.reason,
        )
    except DjangoValidationError as error:
        raise refused(error, *BODY) from error
    _, changed = _action(request, slug, uuid)
    return _detail_out(changed)


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
            [{"loc": [*BODY, "text"], "msg": m, "type": "value_error"} for m in error.messages]
        ) from error
    return Status(201, _update_out(update))
