"""Reads of professional escalations, each in a fixed number of queries.

Who sees what (masa/escalations/rules.py): the business team sees every record; an agency lead
the records of the agencies they lead; anyone the records they raised; the scrutineer every
record anonymised (no child's reference, no raiser). Anything else is "not found". The figures
(counts by stage reached, agency and theme; the median days to resolve) are for the senior roles.
"""

from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from statistics import median
from typing import Any

from django.db.models import Q, QuerySet
from django.utils.safestring import SafeString, mark_safe

from masa.accounts.models import Membership
from masa.accounts.rules import is_business_team, is_scrutineer
from masa.assurance.selectors import partnership_groups, partnership_people
from masa.assurance.selectors_section11 import lead_agency_ids, partnership_agencies
from masa.core.dates import financial_year_start
from masa.escalations.models import Escalation, Stage
from masa.indicators import charts
from masa.indicators.services import year_label
from masa.partnership.models import Partnership
from masa.reviews.models import Theme

__all__ = ["partnership_agencies", "partnership_groups", "partnership_people"]


def anonymised_for(user: Any, partnership: Partnership) -> bool:
    """The scrutineer reads the records without the child's reference or the raiser."""
    return bool(is_scrutineer(user, partnership))


def _records(partnership: Partnership) -> QuerySet[Escalation]:
    return (
        Escalation.objects.filter(partnership=partnership)
        .select_related("raised_by_agency", "action")
        .prefetch_related("agencies", "themes")
    )


def escalation_list(user: Any, partnership: Partnership) -> QuerySet[Escalation]:
    """Newest first, the records the user may see."""
    records = _records(partnership)
    if is_business_team(user, partnership) or is_scrutineer(user, partnership):
        return records
    scope = Q(raised_by=user) if getattr(user, "is_authenticated", False) else Q(pk__in=[])
    if agency_ids := lead_agency_ids(user, partnership):
        scope |= Q(agencies__in=agency_ids)
    return records.filter(pk__in=Escalation.objects.filter(scope).values("pk"))


def escalation_get(user: Any, partnership: Partnership, uuid: Any) -> Escalation | None:
    return escalation_list(user, partnership).filter(uuid=uuid).first()


def can_progress(user: Any, partnership: Partnership) -> bool:
    """Whoever sees a record may move it on and resolve it, except the scrutineer, who writes
    nothing here."""
    return not is_scrutineer(user, partnership)


def raising_agency_for(user: Any, partnership: Partnership) -> Any:
    """The agency the user works for, offered as the raising agency (their membership's agency)."""
    return (
        Membership.objects.filter(user=user, partnership=partnership, is_active=True)
        .values_list("agency", flat=True)
        .first()
    )


def themes(partnership: Partnership) -> QuerySet[Theme]:
    return Theme.objects.filter(partnership=partnership, is_active=True).order_by("name")


# Figures ----------------------------------------------------------------------------------------


def year_bounds(start_year: int) -> tuple[date, date]:
    """The reporting year April to March that begins in `start_year`."""
    return date(start_year, 4, 1), date(start_year + 1, 3, 31)


@dataclass
class Summary:
    """The figures of one reporting year (escalations raised in it)."""

    year: str
    raised: int = 0
    resolved: int = 0
    open: int = 0
    by_stage: list[tuple[int, str, int]] = field(default_factory=list)
    by_agency: list[tuple[str, int]] = field(default_factory=list)
    by_theme: list[tuple[str, int]] = field(default_factory=list)
    median_days: Decimal | None = None


def _median(days: list[int]) -> Decimal | None:
    return Decimal(str(median(days))) if days else None


def summary(partnership: Partnership, start_year: int) -> Summary:
    """Counts by the stage reached, by agency involved and by theme, and the median days to
    resolve, of the escalations raised in the reporting year."""
    first, last = year_bounds(start_year)
    records = list(_records(partnership).filter(raised_on__gte=first, raised_on__lte=last))
    stages = Counter(e.stage for e in records)
    agencies = Counter(a.name for e in records for a in e.agencies.all())
    theme_counts = Counter(t.name for e in records for t in e.themes.all())
    days = [e.days_to_resolve for e in records if e.days_to_resolve is not None]
    return Summary(
        year=year_label(start_year),
        raised=len(records),
        resolved=len(days),
        open=len(records) - len(days),
        by_stage=[(s.value, s.label, stages.get(s.value, 0)) for s in Stage],
        by_agency=sorted(agencies.items(), key=lambda kv: (-kv[1], kv[0])),
        by_theme=sorted(theme_counts.items(), key=lambda kv: (-kv[1], kv[0])),
        median_days=_median(days),  # type: ignore[arg-type]
    )


def years_with_escalations(partnership: Partnership) -> list[int]:
    """The reporting years (their first calendar year) in which escalations were raised, newest first."""
    days = Escalation.objects.filter(partnership=partnership).values_list("raised_on", flat=True)
    return sorted({financial_year_start(d) for d in days}, reverse=True)


@dataclass(frozen=True)
class YearFigures:
    year: str
    raised: int
    reached: tuple[int, int, int]  # how many went no further than stage 1, 2 and 3
    median_days: Decimal | None


def trend(partnership: Partnership) -> list[YearFigures]:
    """Per reporting year, oldest first: raised, stage reached and median days to resolve."""
    by_year: dict[int, list[Escalation]] = {}
    for e in Escalation.objects.filter(partnership=partnership).only("raised_on", "resolved_on", "stage"):
        by_year.setdefault(financial_year_start(e.raised_on), []).append(e)
    figures = []
    for start in sorted(by_year):
        records = by_year[start]
        stages = Counter(e.stage for e in records)
        days = [e.days_to_resolve for e in records if e.days_to_resolve is not None]
        figures.append(
            YearFigures(
                year=year_label(start),
                raised=len(records),
                reached=(stages.get(1, 0), stages.get(2, 0), stages.get(3, 0)),
                median_days=_median(days),  # type: ignore[arg-type]
            )
        )
    return figures


def trend_chart(partnership: Partnership, figures: list[YearFigures]) -> SafeString | None:
    if not figures:
        return None
    svg = charts.bar_chart(
        [charts.Point(f.year, Decimal(f.raised)) for f in figures],
        title="Professional escalations raised, by reporting year",
        y_label="Escalations raised",
        x_label="Reporting year (April to March)",
        chart_id=f"escalations-{partnership.slug}",
        highlight=None,
    )
    return mark_safe(svg)  # noqa: S308 - every text in the SVG is escaped by masa.indicators.charts
