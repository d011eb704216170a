"""The voice of children and families: the same permissions and scope as its pages
(masa/voice/rules.py): every activity and entry for the governance and the scrutineer, the
published entries (and their activities) for agency leads and practitioners.

Who took part is given as counts only. Linked actions are listed by id and reference; opening
one (`/actions/{uuid}`) still follows the action tracker's need-to-know scope.
"""

from datetime import date
from uuid import UUID

from django.http import HttpRequest
from ninja import Router, Schema
from pydantic import Field

from masa.api.access import partnership_or_404
from masa.api.errors import replies
from masa.api.types import Limit, Offset, Slug
from masa.voice import selectors
from masa.voice.models import COUNT_FIELDS, EngagementActivity
from masa.voice.rules import VIEW_VOICE

router = Router(tags=["Voice of children and families"])


class LinkedActionOut(Schema):
    id: UUID
    reference: str


class EntryOut(Schema):
    id: UUID
    you_said: str
    we_did: str
    status: str = Field(description="planned or done")
    published: bool = Field(description="Shown on the public “You said, we did” page")
    actions: list[LinkedActionOut]


class ActivityOut(Schema):
    id: UUID
    title: str
    held_on: date
    kind: str
    forum: str
    took_part: int = Field(description="How many took part: the sum of the age bands")
    counts: dict[str, int] = Field(description="How many took part, by age band and by group")
    what_they_said: str
    entries: list[EntryOut]


class ActivityPage(Schema):
    count: int
    limit: int
    offset: int
    items: list[ActivityOut]


def _activity_out(activity: EngagementActivity) -> dict:
    return {
        "id": activity.uuid,
        "title": activity.title,
        "held_on": activity.held_on,
        "kind": activity.kind,
        "forum": activity.forum,
        "took_part": activity.total,
        "counts": {field: getattr(activity, field) for field in COUNT_FIELDS},
        "what_they_said": activity.what_they_said,
        "entries": [
            {
                "id": e.uuid,
                "you_said": e.you_said,
                "we_did": e.we_did,
                "status": e.status,
                "published": e.is_published,
                "actions": [{"id": a.uuid, "reference": a.reference} for a in e.actions.all()],
            }
            for e in activity.entries.all()
        ],
    }


@router.get(
    "/partnerships/{slug}/engagement-activities",
    response=replies({200: ActivityPage}),
    summary="The partnership's engagement activities and their “you said, we did” entries",
)
def list_engagement_activities(request: HttpRequest, slug: Slug, limit: Limit = 100, offset: Offset = 0):
    """Newest first. The business team, lead safeguarding partners, delegates, chairs, members and
    the independent scrutineer see every activity and entry; agency leads and practitioners see
    the published entries and the activities they came from."""
    partnership = partnership_or_404(request, slug, VIEW_VOICE)
    activities = selectors.activity_list(request.user, partnership)  # type: ignore[arg-type]
    return {
        "count": activities.count(),
        "limit": limit,
        "offset": offset,
        "items": [_activity_out(a) for a in activities[offset : offset + limit]],
    }
