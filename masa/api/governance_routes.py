"""Meeting endpoints: the same scoping as the pages (members see their own groups' meetings)."""

from datetime import date, datetime, time
from typing import Annotated, cast
from uuid import UUID

from django.db.models import Prefetch
from django.http import HttpRequest
from django.utils import timezone
from ninja import Query, Router, Schema
from ninja.errors import HttpError

from masa.accounts.models import User
from masa.api.access import partnership_or_404
from masa.api.errors import replies
from masa.api.types import BoundedDate, Slug
from masa.governance import selectors
from masa.governance.models import AgendaItem, Meeting
from masa.governance.rules import VIEW_MEETINGS

router = Router(tags=["Meetings"])


class GroupRef(Schema):
    id: UUID
    name: str


class PaperOut(Schema):
    id: UUID
    title: str
    file_type: str
    size: int
    restricted: bool


class AgendaItemOut(Schema):
    id: UUID
    order: int
    title: str
    purpose: str
    presenter: str | None
    minutes_allotted: int
    discussion: str


class AgendaItemDetailOut(AgendaItemOut):
    decisions: list[str]
    papers: list[PaperOut]


class MeetingOut(Schema):
    id: UUID
    group: GroupRef
    starts_at: datetime
    ends_at: datetime
    location: str
    papers_deadline: date | None
    status: str
    minutes_status: str
    minutes_summary: str
    items: list[AgendaItemOut]


class MeetingDetailOut(MeetingOut):
    items: list[AgendaItemDetailOut]  # type: ignore[assignment]


def _partnership(request: HttpRequest, slug: Slug):

    return partnership_or_404(request, slug, VIEW_MEETINGS)


def _item(item: AgendaItem) -> dict:
    return {
        "id": item.uuid,
        "order": item.order,
        "title": item.title,
        "purpose": item.purpose,
        "presenter": item.presenter.name if item.presenter else None,
        "minutes_allotted": item.minutes_allotted,
        "discussion": item.discussion,
    }


def _meeting(meeting: Meeting, items: list[dict]) -> dict:
    return {
        "id": meeting.uuid,
        "group": {"id": meeting.group.uuid, "name": meeting.group.name},
        "starts_at": meeting.starts_at,
        "ends_at": meeting.ends_at,
        "location": meeting.location,
        "papers_deadline": meeting.papers_deadline,
        "status": meeting.status,
        "minutes_status": meeting.minutes_status,
        "minutes_summary": meeting.minutes_summary,
        "items": items,
    }


@router.get(
    "/partnerships/{slug}/meetings",
    response=replies({200: list[MeetingOut]}),
    summary="Meetings you may see",
    description="Newest first. Filter by group (its id) and by date: `from` and `to` (inclusive).",
)
def list_meetings(
    request: HttpRequest,
    slug: Slug,
    group: UUID | None = None,
    date_from: Annotated[BoundedDate | None, Query(alias="from")] = None,
    date_to: Annotated[BoundedDate | None, Query(alias="to")] = None,
):
    partnership = _partnership(request, slug)
    user = cast(User, request.user)
    meetings = selectors.meeting_list(user, partnership).prefetch_related(
        Prefetch("items", queryset=AgendaItem.objects.select_related("presenter"))
    )
    if group:
        meetings = meetings.filter(group__uuid=group)
    if date_from:
        meetings = meetings.filter(starts_at__gte=timezone.make_aware(datetime.combine(date_from, time())))
    if date_to:
        meetings = meetings.filter(starts_at__lte=timezone.make_aware(datetime.combine(date_to, time.max)))
    return [_meeting(m, [_item(i) for i in m.items.all()]) for m in meetings]


@router.get(
    "/partnerships/{slug}/meetings/{uuid}",
    response=replies({200: MeetingDetailOut}),
    summary="One meeting with its agenda, decisions and the papers you may see",
)
def get_meeting(request: HttpRequest, slug: Slug, uuid: UUID):
    partnership = _partnership(request, slug)
    user = cast(User, request.user)
    meeting = selectors.meeting_get(user, partnership, str(uuid))
    if meeting is None:
        raise HttpError(404, "Not found")
    items = [
        {
            **_item(item),
            "decisions": [d.text for d in item.decisions.all()],
            "papers": [
                {
                    "id": p.uuid,
                    "title": p.title,
                    "file_type": p.file_type,
                    "size": p.size,
                    "restricted": p.restricted,
                }
                for p in selectors.visible_papers(user, item)
            ],
        }
        for item in meeting.items.all()
    ]
    return _meeting(meeting, items)
