"""Professional escalations' figures: the same permission as their page (masa/escalations/rules.py).

Only the year's counts and median, never a record: the records stay on the pages, where each is
seen by the business team, the agencies involved and the person who raised it.
"""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.http import HttpRequest
from ninja import Router, Schema
from pydantic import Field

from masa.api.access import partnership_or_404
from masa.api.errors import refused, replies
from masa.api.types import ShortText, Slug
from masa.escalations import selectors
from masa.escalations.rules import VIEW_ESCALATION_FIGURES
from masa.indicators.services import check_year

router = Router(tags=["Professional escalations"])


class StageCountOut(Schema):
    stage: int = Field(description="1, 2 or 3: the highest stage the escalation reached")
    label: str
    count: int


class NamedCountOut(Schema):
    name: str
    count: int


class EscalationSummaryOut(Schema):
    year: str = Field(description="The reporting year, April to March, like 2023-24")
    raised: int = Field(description="Escalations raised in the year")
    resolved: int
    open: int
    by_stage: list[StageCountOut]
    by_agency: list[NamedCountOut] = Field(description="Escalations each agency was involved in")
    by_theme: list[NamedCountOut]
    median_days_to_resolve: Decimal | None = Field(description="Over the resolved ones; null when none is")


@router.get(
    "/partnerships/{slug}/escalations/summary",
    response=replies({200: EscalationSummaryOut}),
    summary="The professional escalations of a reporting year, counted",
)
def escalation_summary(request: HttpRequest, slug: Slug, year: ShortText):
    """`year` is the reporting year like 2023-24 (April to March). Counts by the highest stage
    reached, by agency involved and by theme, and the median days from raising to resolution."""
    partnership = partnership_or_404(request, slug, VIEW_ESCALATION_FIGURES)
    try:
        start = int(check_year(year)[:4])
    except ValidationError as error:
        raise refused(error, "query") from error
    s = selectors.summary(partnership, start)
    return {
        "year": s.year,
        "raised": s.raised,
        "resolved": s.resolved,
        "open": s.open,
        "by_stage": [{"stage": n, "label": label, "count": c} for n, label, c in s.by_stage],
        "by_agency": [{"name": name, "count": c} for name, c in s.by_agency],
        "by_theme": [{"name": name, "count": c} for name, c in s.by_theme],
        "median_days_to_resolve": s.median_days,
    }
