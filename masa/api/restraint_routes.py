"""Restraint and use of force: the same permissions and scope as its pages
(masa/restraint/rules.py): the business team, the senior roles and the members and chair of the
group overseeing an establishment. Opening a linked action (`/actions/{uuid}`) still follows the
action tracker's need-to-know scope.
"""

from datetime import date
from uuid import UUID

from django.http import HttpRequest
from ninja import Router, Schema
from pydantic import Field

from masa.api.access import partnership_or_404
from masa.api.errors import replies
from masa.api.types import Slug
from masa.restraint import selectors
from masa.restraint.models import Establishment
from masa.restraint.rules import VIEW_FIGURES

router = Router(tags=["Assurance"])


class CountOut(Schema):
    label: str
    count: int


class QuarterOut(Schema):
    id: UUID
    year: int = Field(description="The calendar year the reporting year (1 April to 31 March) starts in")
    quarter: int = Field(description="1 is April to June, 4 is January to March")
    label: str
    incidents: int
    injuries: int = Field(description="Injuries to children")
    children: int = Field(description="Children involved")
    by_type: list[CountOut]
    by_age: list[CountOut]
    by_ethnicity: list[CountOut]
    themes: str
    concerns: str


class ReviewOut(Schema):
    id: UUID
    year: int
    summary: str
    themes: str
    concerns: str
    recommendations: str
    presented_on: date | None
    actions: list[UUID] = Field(description="The ids of the tracker actions that follow the review")


class EstablishmentOut(Schema):
    id: UUID
    name: str
    group: str = Field(description="The group of the arrangements that oversees the establishment")
    quarters: list[QuarterOut]
    reviews: list[ReviewOut]


def _counts(items: list[selectors.Breakdown]) -> list[dict]:
    return [{"label": b.label, "count": b.count} for b in items]


def _establishment_out(establishment: Establishment) -> dict:
    return {
        "id": establishment.uuid,
        "name": establishment.name,
        "group": establishment.group.name,
        "quarters": [
            {
                "id": q.uuid,
                "year": q.year,
                "quarter": q.quarter,
                "label": q.label,
                "incidents": q.incidents,
                "injuries": q.injuries,
                "children": q.children,
                "by_type": _counts(selectors.type_breakdown(q)),
                "by_age": _counts(selectors.age_breakdown(q)),
                "by_ethnicity": _counts(selectors.ethnicity_breakdown(q)),
                "themes": q.themes,
                "concerns": q.concerns,
            }
            for q in selectors.quarters(establishment)
        ],
        "reviews": [
            {
                "id": r.uuid,
                "year": r.year,
                "summary": r.summary,
                "themes": r.themes,
                "concerns": r.concerns,
                "recommendations": r.recommendations,
                "presented_on": r.presented_on,
                "actions": [a.uuid for a in r.actions.all()],
            }
            for r in selectors.reviews(establishment)
        ],
    }


@router.get(
    "/partnerships/{slug}/restraint",
    response=replies({200: list[EstablishmentOut]}),
    summary="Restraint and use of force at the young offender institutions the caller may see",
)
def list_restraint(request: HttpRequest, slug: Slug):
    """Each establishment the caller may see, with its quarterly figures (incidents by type,
    injuries, children involved by age band and ethnicity) and its yearly reviews of restraint."""
    partnership = partnership_or_404(request, slug, VIEW_FIGURES)
    return [_establishment_out(e) for e in selectors.establishment_list(request.user, partnership)]
