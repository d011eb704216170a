"""The partnership's effectiveness reviews: the same permissions and scope as their pages
(masa/effectiveness/rules.py): drafts for the senior roles, published reviews for every member.

Every action's id and status is listed, as on the review page; opening an action
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
from masa.effectiveness import selectors
from masa.effectiveness.models import EffectivenessReview
from masa.effectiveness.rules import VIEW_REVIEWS

router = Router(tags=["Assurance"])


class ResponsesOut(Schema):
    accepted: int
    partly_accepted: int
    not_accepted: int
    awaiting: int = Field(description="Recommendations with no response yet")


class ReviewActionOut(Schema):
    id: UUID
    finding: int = Field(description="The number of the finding the action answers")
    reference: str
    status: str
    due_date: date
    overdue: bool


class EffectivenessReviewOut(Schema):
    id: UUID
    title: str
    period_start: date
    period_end: date
    reviewer: str = Field(description="The reviewer's name and organisation, as recorded")
    status: str = Field(description="draft or published")
    findings: int = Field(description="How many findings (strengths and recommendations)")
    responses: ResponsesOut
    actions: list[ReviewActionOut]


class EffectivenessReviewPage(Schema):
    count: int
    limit: int
    offset: int
    items: list[EffectivenessReviewOut]


def _review_out(review: EffectivenessReview, today: date) -> dict:
    findings = list(review.findings.all())
    return {
        "id": review.uuid,
        "title": review.title,
        "period_start": review.period_start,
        "period_end": review.period_end,
        "reviewer": review.reviewer,
        "status": review.status,
        "findings": len(findings),
        "responses": selectors.responses_by_kind(review),
        "actions": [
            {
                "id": f.action.uuid,
                "finding": f.number,
                "reference": f.action.reference,
                "status": f.action.status,
                "due_date": f.action.due_date,
                "overdue": f.action.is_overdue_on(today),
            }
            for f in findings
            if f.action is not None
        ],
    }


@router.get(
    "/partnerships/{slug}/effectiveness-reviews",
    response=replies({200: EffectivenessReviewPage}),
    summary="The partnership's effectiveness reviews",
)
def list_effectiveness_reviews(request: HttpRequest, slug: Slug, limit: Limit = 100, offset: Offset = 0):
    """Newest period first. The senior roles (business team, lead safeguarding partners, delegates,
    independent scrutineer) see drafts too; every other member sees published reviews only. Each
    review comes with how many findings it has, the partnership's responses to its recommendations
    by kind and the tracker actions that answer them."""
    partnership = partnership_or_404(request, slug, VIEW_REVIEWS)
    reviews = selectors.review_list(request.user, partnership)  # type: ignore[arg-type]
    today = timezone.localdate()
    return {
        "count": reviews.count(),
        "limit": limit,
        "offset": offset,
        "items": [_review_out(r, today) for r in reviews[offset : offset + limit]],
    }
