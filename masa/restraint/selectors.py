"""Reads of restraint and use of force, scoped to the user (docs/domain.md, "Restraint and use of
force at HMYOI Feltham"). An establishment outside the user's scope reads as absent (404)."""

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.db.models import Q, QuerySet
from django.utils.safestring import SafeString, mark_safe

from masa.accounts.rules import is_member, is_senior
from masa.indicators import charts
from masa.partnership.models import Partnership
from masa.restraint.models import (
    AGE_BANDS,
    ETHNICITIES,
    Establishment,
    RestraintQuarter,
    RestraintReview,
    RestraintType,
)


def overseen_establishments(user: Any, partnership: Partnership) -> QuerySet[Establishment]:
    """The establishments whose overseeing group the user sits on or chairs."""
    if not getattr(user, "is_authenticated", False):
        return Establishment.objects.none()
    return Establishment.objects.filter(
        Q(group__members__person__user=user) | Q(group__chair__user=user), partnership=partnership
    ).distinct()


def chaired_establishments(user: Any, partnership: Partnership) -> QuerySet[Establishment]:
    if not getattr(user, "is_authenticated", False):
        return Establishment.objects.none()
    return Establishment.objects.filter(partnership=partnership, group__chair__user=user)


def establishment_scope(user: Any, partnership: Partnership) -> QuerySet[Establishment]:
    """Every establishment for the business team and the senior roles; for other members, those
    whose overseeing group they sit on; nothing for anyone else."""
    if not is_member(user, partnership):
        return Establishment.objects.none()
    if is_senior(user, partnership):
        return Establishment.objects.filter(partnership=partnership)
    return Establishment.objects.filter(pk__in=overseen_establishments(user, partnership).values("pk"))


def establishment_list(user: Any, partnership: Partnership) -> list[Establishment]:
    return list(establishment_scope(user, partnership).select_related("group", "group__chair"))


def establishment_get(user: Any, partnership: Partnership, uuid: Any) -> Establishment | None:
    return (
        establishment_scope(user, partnership)
        .select_related("group", "group__chair")
        .filter(uuid=uuid)
        .first()
    )


def quarters(establishment: Establishment) -> list[RestraintQuarter]:
    return list(
        establishment.quarters.prefetch_related("type_counts__restraint_type").order_by("year", "quarter")
    )


def quarter_get(establishment: Establishment, uuid: Any) -> RestraintQuarter | None:
    return establishment.quarters.filter(uuid=uuid).prefetch_related("type_counts__restraint_type").first()


def reviews(establishment: Establishment) -> list[RestraintReview]:
    return list(establishment.reviews.prefetch_related("actions"))


def review_get(establishment: Establishment, uuid: Any) -> RestraintReview | None:
    return establishment.reviews.filter(uuid=uuid).prefetch_related("actions__owner").first()


def restraint_types(partnership: Partnership, *, active_only: bool = True) -> list[RestraintType]:
    qs = RestraintType.objects.filter(partnership=partnership)
    return list(qs.filter(is_active=True) if active_only else qs)


@dataclass
class Breakdown:
    label: str
    count: int


def type_breakdown(quarter: RestraintQuarter) -> list[Breakdown]:
    return [Breakdown(c.restraint_type.name, c.count) for c in quarter.type_counts.all()]


def age_breakdown(quarter: RestraintQuarter) -> list[Breakdown]:
    return [Breakdown(label, int(quarter.by_age.get(key, 0))) for key, label in AGE_BANDS]


def ethnicity_breakdown(quarter: RestraintQuarter) -> list[Breakdown]:
    return [Breakdown(label, int(quarter.by_ethnicity.get(key, 0))) for key, label in ETHNICITIES]


def year_quarters(establishment: Establishment, year: int) -> list[RestraintQuarter]:
    return [q for q in quarters(establishment) if q.year == year]


def trend_charts(establishment: Establishment, rows: list[RestraintQuarter]) -> list[SafeString]:
    """The quarterly trend of incidents and of injuries, one line chart each (the figures are
    in the table beside them)."""
    if not rows:
        return []
    drawn = []
    for field, title, y_label in (
        ("incidents", "Incidents of restraint or use of force, by quarter", "Incidents"),
        ("injuries", "Injuries to children, by quarter", "Injuries"),
    ):
        points = [charts.Point(q.short_label, Decimal(getattr(q, field))) for q in rows]
        svg = charts.line_chart(
            points,
            title=title,
            y_label=y_label,
            x_label="Quarter",
            chart_id=f"restraint-{field}-{establishment.uuid}",
        )
        drawn.append(mark_safe(svg))  # noqa: S308 - every text in the SVG is escaped by masa.indicators.charts
    return drawn
