"""The training figures for the yearly report: the same permission as their page
(masa/training/rules.py, VIEW_TRAINING_FIGURES: the business team and the senior roles).

Counts, rates and averages only, with the quotes their writers allowed (never a name): the
bookings themselves stay on the pages (docs/domain.md, "21.6 Figures for the yearly report").
"""

from datetime import date
from decimal import Decimal
from uuid import UUID

from django.core.exceptions import ValidationError
from django.http import HttpRequest
from ninja import Router, Schema
from ninja.errors import HttpError
from pydantic import Field

from masa.api.access import partnership_or_404
from masa.api.errors import replies
from masa.api.types import ShortText, Slug
from masa.indicators.services import check_year
from masa.training.rules import VIEW_TRAINING_FIGURES
from masa.training.selectors.figures import Figures, Rate, training_figures

router = Router(tags=["Training"])

BAD_YEAR = "Give the year like 2023-24: the reporting year from April 2023 to March 2024"


class RateOut(Schema):
    numerator: int
    denominator: int
    percent: Decimal | None = Field(description="To one decimal place; null when the denominator is 0")


class EvaluationsOut(Schema):
    count: int
    confidence_before: Decimal | None = Field(description="Average, 1 to 5; null without evaluations")
    confidence_after: Decimal | None
    usefulness: Decimal | None


class QuoteOut(Schema):
    course: str
    respondent: str = Field(description="Attendee or Manager")
    practice_changed: str
    outcome_for_children: str


class FiguresOut(Schema):
    sessions: int = Field(description="Sessions starting in the year, not cancelled")
    sessions_held: int = Field(description="Of those, the ones that have started already")
    places_offered: int = Field(description="The sessions' capacity added up")
    places_booked: int = Field(description="Places taken (not the waiting list, not cancelled)")
    attended: int = Field(description="Attended, on time or late")
    no_shows: int
    attendance_rate: RateOut = Field(description="Attended out of the places booked at sessions already held")
    no_show_rate: RateOut = Field(description="No-shows out of the places booked at sessions already held")
    agencies_reached: int = Field(description="Distinct agencies of the people who attended")
    evaluations: EvaluationsOut
    impact_quotes: list[QuoteOut] = Field(
        description="Answers to impact follow-ups whose writers allowed them to be quoted anonymously"
    )


class PriorityFiguresOut(FiguresOut):
    priority: UUID | None = Field(description="The priority's id; null for courses linked to no priority")
    label: str


class TrainingFiguresOut(FiguresOut):
    year: str = Field(description="The reporting year, April to March, like 2023-24")
    starts_on: date
    ends_on: date
    by_priority: list[PriorityFiguresOut] = Field(
        description="A course linked to several priorities counts under each of them"
    )


def _rate(rate: Rate) -> dict:
    return {"numerator": rate.numerator, "denominator": rate.denominator, "percent": rate.percent}


def _figures(f: Figures) -> dict:
    return {
        "sessions": f.sessions,
        "sessions_held": f.sessions_held,
        "places_offered": f.places_offered,
        "places_booked": f.places_booked,
        "attended": f.attended,
        "no_shows": f.no_shows,
        "attendance_rate": _rate(f.attendance_rate),
        "no_show_rate": _rate(f.no_show_rate),
        "agencies_reached": f.agencies_reached,
        "evaluations": {
            "count": f.evaluations,
            "confidence_before": f.confidence_before,
            "confidence_after": f.confidence_after,
            "usefulness": f.usefulness,
        },
        "impact_quotes": [vars(q) for q in f.quotes],
    }


@router.get(
    "/partnerships/{slug}/training/figures",
    response=replies({200: TrainingFiguresOut}),
    summary="The training figures of a reporting year, for the yearly report",
)
def training_figures_get(request: HttpRequest, slug: Slug, year: ShortText):
    """`year` is the reporting year like 2023-24 (April to March). Sessions, places offered,
    booked and attended, attendance and no-show rates, agencies reached, evaluation averages and
    impact quotes, for the whole year and by the partnership's priorities."""
    partnership = partnership_or_404(request, slug, VIEW_TRAINING_FIGURES)
    try:
        start = int(check_year(year)[:4])
    except ValidationError:
        # Without a cause: masa.api.errors reads a 400 with one as an unreadable request.
        raise HttpError(400, BAD_YEAR) from None
    figures = training_figures(partnership, start)
    return {
        "year": figures.year,
        "starts_on": figures.starts_on,
        "ends_on": figures.ends_on,
        **_figures(figures.total),
        "by_priority": [
            {"priority": row.priority_id, "label": row.label, **_figures(row.figures)}
            for row in figures.by_priority
        ],
    }
