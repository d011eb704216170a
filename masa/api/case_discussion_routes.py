"""Local case discussions: the same permissions and scope as their pages
(masa/case_discussions/rules.py). The case reference is given only to those who read the
discussion in full; the scrutineer's discussions come without it, and a practitioner's (the
shared ones only) carry the month, themes and learning alone."""

from datetime import date
from uuid import UUID

from django.http import HttpRequest
from ninja import Router, Schema
from pydantic import Field

from masa.api.access import partnership_or_404
from masa.api.errors import replies
from masa.api.types import Limit, Offset, Slug
from masa.case_discussions import selectors
from masa.case_discussions.rules import VIEW_DISCUSSIONS
from masa.case_discussions.selectors import Access

router = Router(tags=["Local case discussions"])


class DiscussionOut(Schema):
    id: UUID
    access: str = Field(description="full, anonymised or learning: how much of the discussion you may see")
    reference: str | None = Field(
        description="The pseudonymised case reference; null unless you see it in full"
    )
    discussed_on: date | None = Field(description="Null when you see the learning only")
    month: str = Field(description="The month discussed, as YYYY-MM")
    group: str | None
    referring_agency: str | None
    decision: str | None = Field(
        description="no_further_action, single_agency_learning, local_learning_review or rapid_review"
    )
    themes: list[str]
    learning: str
    is_shareable: bool = Field(description="Whether the learning is shared with practitioners")


class DiscussionPage(Schema):
    count: int
    limit: int
    offset: int
    items: list[DiscussionOut]


@router.get(
    "/partnerships/{slug}/case-discussions",
    response=replies({200: DiscussionPage}),
    summary="The partnership's local case discussions",
)
def list_case_discussions(request: HttpRequest, slug: Slug, limit: Limit = 100, offset: Offset = 0):
    """Newest first, each as far as you may see it."""
    partnership = partnership_or_404(request, slug, VIEW_DISCUSSIONS)
    discussions = selectors.register(request.user, partnership)

    def item(d) -> dict:
        learning_only = d.access == Access.LEARNING
        return {
            "id": d.uuid,
            "access": str(d.access),
            "reference": d.reference if d.access == Access.FULL else None,
            "discussed_on": None if learning_only else d.discussed_on,
            "month": f"{d.discussed_on:%Y-%m}",
            "group": None if learning_only else d.group.name,
            "referring_agency": None if learning_only else d.referring_agency.name,
            "decision": None if learning_only else d.decision,
            "themes": [t.name for t in d.themes.all()],
            "learning": d.learning,
            "is_shareable": d.is_shareable,
        }

    return {
        "count": len(discussions),
        "limit": limit,
        "offset": offset,
        "items": [item(d) for d in discussions[offset : offset + limit]],
    }
