"""Reads for the performance dashboards: one card per indicator, in a constant number of queries.

A dashboard of any size costs the same handful of queries: the indicators, then all their
current values, targets, comparators and commentaries in one query each, put together in Python.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

from django.db.models import Count, Prefetch, Q, QuerySet
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe

from masa.accounts.models import User
from masa.core.dates import financial_year_start
from masa.dashboards.rules import COMMENT_ON_INDICATOR
from masa.indicators import charts
from masa.indicators.models import (
    Commentary,
    Comparator,
    ComparatorKind,
    Frequency,
    Indicator,
    IndicatorValue,
    Period,
    Polarity,
    Target,
    Unit,
    ValueSource,
)
from masa.indicators.rag import RAG_TEXT, Rag, Travel, rag, travel
from masa.indicators.rules import sees_all_submissions
from masa.indicators.selectors import lead_agency_ids
from masa.partnership.models import Group, Partnership, Priority, StrategicPlan
from masa.partnership.selectors import plan_in_force
from masa.returns.models import ReturnKind
from masa.returns.readers.leaving_out import left_out_text

TREND_LENGTH = 8
COMPARATOR_ORDER = [ComparatorKind.STATISTICAL_NEIGHBOURS, ComparatorKind.LONDON, ComparatorKind.ENGLAND]
UNIT_SUFFIX = {Unit.PERCENT: "%", Unit.DAYS: " days"}
UNIT_AXIS = {
    Unit.COUNT: "Number",
    Unit.PERCENT: "Percentage",
    Unit.RATE_10K: "Rate per 10,000 children",
    Unit.DAYS: "Days",
    Unit.NUMBER: "Number",
}
RAG_TAG = {Rag.GREEN: "govuk-tag--green", Rag.AMBER: "govuk-tag--yellow", Rag.RED: "govuk-tag--red"}


def optional_url(name: str, *args: object) -> str | None:
    """The URL of a page another part of masa provides, or None while that page does not exist."""
    try:
        return reverse(name, args=args)
    except NoReverseMatch:
        return None


def financial_year(day: date) -> str:
    """The year a period belongs to, like 2023-24 (April to March), from the day it ends."""
    first = financial_year_start(day)
    return f"{first}-{(first + 1) % 100:02d}"


def format_value(value: Decimal | None, unit: str) -> str:
    if value is None:
        return "No figure"
    if unit == Unit.COUNT or value == value.to_integral_value():
        text = f"{int(value):,}" if value == value.to_integral_value() else f"{value:,.1f}"
    else:
        text = f"{value.quantize(Decimal('0.1')):,}"
    return text + UNIT_SUFFIX.get(unit, "")  # type: ignore[call-overload]


# -- index ----------------------------------------------------------------------------------------


def plans_with_priorities(partnership: Partnership) -> list[StrategicPlan]:
    """Strategic plans, latest first, each with its priorities and how many indicators each has."""
    priorities = Priority.objects.annotate(
        indicator_count=Count("indicators", filter=Q(indicators__is_active=True))
    ).order_by("order", "pk")
    return list(
        StrategicPlan.objects.filter(partnership=partnership).prefetch_related(
            Prefetch("priorities", queryset=priorities)
        )
    )


def current_plan(
    plans: list[StrategicPlan], plan_uuid: str | None = None, *, today: date | None = None
) -> StrategicPlan | None:
    """The plan asked for; else the plan in force today (its years hold today's financial year),
    never a superseded one; else the latest plan (plans are latest first)."""
    if plan_uuid:
        return next((p for p in plans if str(p.uuid) == plan_uuid), None)
    return plan_in_force(plans, today or timezone.localdate())


def groups_with_indicators(partnership: Partnership) -> list[Group]:
    return list(
        Group.objects.filter(partnership=partnership, is_active=True)
        .annotate(indicator_count=Count("indicators", filter=Q(indicators__is_active=True)))
        .order_by("order", "name")
    )


def priority_for(partnership: Partnership, uuid: Any) -> Priority | None:
    return Priority.objects.filter(partnership=partnership, uuid=uuid).select_related("plan").first()


def group_for(partnership: Partnership, uuid: Any) -> Group | None:
    return Group.objects.filter(partnership=partnership, uuid=uuid).first()


def indicator_for(partnership: Partnership, uuid: Any) -> Indicator | None:
    return (
        Indicator.objects.filter(partnership=partnership, uuid=uuid, is_active=True)
        .select_related("source_agency")
        .first()
    )


def period_for(partnership: Partnership, uuid: Any) -> Period | None:
    return Period.objects.filter(partnership=partnership, uuid=uuid).first()


# -- cards ----------------------------------------------------------------------------------------


@dataclass
class Figure:
    """One value as shown: the figure, its period and where it came from."""

    value: Row
    text: str
    source_text: str
    source_url: str | None

    @property
    def html(self) -> SafeString:
        """The figure, linked to its source (the source named for screen readers)."""
        if not self.source_url:
            return format_html("{}", self.text)
        return format_html(
            '<a class="govuk-link" href="{}">{}<span class="govuk-visually-hidden"> ({})</span></a>',
            self.source_url,
            self.text,
            self.source_text,
        )


@dataclass
class Card:
    indicator: Indicator
    definition_url: str
    chart_url: str
    trend: list[Figure] = field(default_factory=list)
    latest: Figure | None = None
    year: str = ""
    year_figure: Figure | None = None
    target: Target | None = None
    target_text: str = ""
    rag: Rag | None = None
    travel: Travel | None = None
    comparators: list[tuple[str, str, Decimal]] = field(default_factory=list)
    commentary: Commentary | None = None
    chart: SafeString = mark_safe("")  # noqa: S308 - empty
    can_comment: bool = False
    commentary_url: str = ""

    @property
    def rag_text(self) -> str:
        return RAG_TEXT[self.rag] if self.rag else "No target"

    @property
    def rag_class(self) -> str:
        return RAG_TAG[self.rag] if self.rag else "govuk-tag--grey"


@dataclass
class Row:
    """A current value as the dashboards read it: plain columns, not a model (hundreds per page)."""

    indicator_id: int
    period: Period
    numerator: Decimal | None
    denominator: Decimal | None
    value: Decimal | None
    missing_reason: str
    source: str
    submission_uuid: Any
    agency_name: str | None
    import_uuid: Any
    import_kind: str | None
    import_year: str | None
    entered_by_name: str | None
    submission_agency_id: int | None
    #: Children the return was imported without (docs/decisions/0004-refusing-impossible-dates.md).
    import_left_out: int | None = None


ROW_COLUMNS = (
    "indicator_id",
    "period_id",
    "numerator",
    "denominator",
    "value",
    "missing_reason",
    "source",
    "submission__uuid",
    "submission__agency__name",
    "return_import__uuid",
    "return_import__kind",
    "return_import__year",
    "entered_by__full_name",
    "submission__agency_id",
    "return_import__children_left_out_count",
)


def _rows(partnership: Partnership, periods: dict[int, Period], **filters: Any) -> list[Row]:
    """Current values (oldest period first) for the given periods, in one query."""
    query = IndicatorValue.objects.filter(
        partnership=partnership, is_current=True, period_id__in=list(periods), **filters
    ).values_list(*ROW_COLUMNS)
    rows = [Row(r[0], periods[r[1]], *r[2:]) for r in query]
    rows.sort(key=lambda r: (r.period.start, r.period.end))
    return rows


def submission_opener(user: User, partnership: Partnership) -> Callable[[int | None], bool]:
    """Whether this viewer may open a submission of a given agency: the business team any,
    an agency lead their own agencies' (the data call pages' own rule), everyone else none."""
    if sees_all_submissions(user, partnership):
        return lambda agency_id: True
    agencies = lead_agency_ids(user, partnership)
    return lambda agency_id: agency_id in agencies


def _never(agency_id: int | None) -> bool:
    return False


class _Sources:
    """Where each figure came from, with the URL of each source page worked out once per page.
    A submission is linked only for viewers who may open it; others see where it came from."""

    def __init__(self, slug: str, can_open: Callable[[int | None], bool] = _never) -> None:
        self.slug = slug
        self.can_open = can_open
        self.urls: dict[tuple[str, Any], str | None] = {}

    def _url(self, name: str, uuid: Any) -> str | None:
        if (name, uuid) not in self.urls:
            self.urls[(name, uuid)] = optional_url(name, self.slug, uuid)
        return self.urls[(name, uuid)]

    def of(self, row: Row) -> tuple[str, str | None]:
        if row.source == ValueSource.SUBMISSION and row.submission_uuid is not None:
            url = None
            if self.can_open(row.submission_agency_id):
                url = self._url("indicators:submission_detail", row.submission_uuid)
            return f"Submission by {row.agency_name}", url
        if row.source == ValueSource.RETURN_IMPORT and row.import_uuid is not None:
            kind = (
                ReturnKind(row.import_kind).label if row.import_kind in ReturnKind.values else row.import_kind
            )
            text = f"{kind} {row.import_year} return"
            if row.import_left_out:
                text += f", {left_out_text(row.import_left_out)}"
            return text, self._url("returns:import_detail", row.import_uuid)
        return f"Entered by {row.entered_by_name or 'the business team'}", None

    def figure(self, row: Row, unit: str) -> Figure:
        source_text, source_url = self.of(row)
        text = format_value(row.value, unit) if row.value is not None else f"No figure: {row.missing_reason}"
        return Figure(value=row, text=text, source_text=source_text, source_url=source_url)


def _trend_periods(partnership: Partnership) -> dict[int, Period]:
    """The periods a card can show: the last 8 of each frequency, and every year (for yearly totals).

    Reading only these keeps a card's cost the same however many years of figures there are.
    """
    by_frequency: dict[str, list[Period]] = defaultdict(list)
    for period in Period.objects.filter(partnership=partnership).order_by("-start", "-end"):
        if period.frequency == Frequency.YEARLY or len(by_frequency[period.frequency]) < TREND_LENGTH:
            by_frequency[period.frequency].append(period)
    return {p.pk: p for periods in by_frequency.values() for p in periods}


def may_comment(user: User | None, indicator: Indicator) -> bool:
    """The business team comments on any indicator; an agency lead on its own agency's."""
    return user is not None and user.has_perm(COMMENT_ON_INDICATOR, indicator)


def indicator_cards(
    partnership: Partnership,
    indicators: Iterable[Indicator],
    *,
    user: User | None = None,
    can_open: Callable[[int | None], bool] = _never,
) -> list[Card]:
    """One card per indicator; 4 queries whatever the number of indicators and periods."""
    indicators = list(indicators)
    ids = [i.pk for i in indicators]
    values: dict[int, list[Row]] = defaultdict(list)
    for row in _rows(partnership, _trend_periods(partnership), indicator_id__in=ids):
        values[row.indicator_id].append(row)
    targets: dict[tuple[int, str], Target] = {
        (t.indicator_id, t.year): t
        for t in Target.objects.filter(partnership=partnership, indicator_id__in=ids)
    }
    comparators: dict[tuple[int, str], dict[str, Comparator]] = defaultdict(dict)
    for c in Comparator.objects.filter(partnership=partnership, indicator_id__in=ids):
        comparators[(c.indicator_id, c.year)][c.kind] = c
    commentaries: dict[tuple[int, int], Commentary] = {
        (c.indicator_id, c.period_id): c
        for c in Commentary.objects.filter(partnership=partnership, indicator_id__in=ids).only(
            "uuid", "indicator_id", "period_id", "what_it_tells_us", "what_we_are_doing", "updated_at"
        )
    }
    slug = partnership.slug
    sources = _Sources(slug, can_open)
    cards = []
    for indicator in indicators:
        cards.append(
            _card(
                indicator,
                values.get(indicator.pk, []),
                targets,
                comparators,
                commentaries,
                sources,
                may_comment(user, indicator),
            )
        )
    return cards


def _card(
    indicator: Indicator,
    values: list[Row],
    targets: dict[tuple[int, str], Target],
    comparators: dict[tuple[int, str], dict[str, Comparator]],
    commentaries: dict[tuple[int, int], Commentary],
    sources: _Sources,
    can_comment: bool,
) -> Card:
    unit, slug = indicator.unit, sources.slug
    chart_url = reverse("dashboards:indicator_chart", args=[slug, indicator.uuid])
    card = Card(
        indicator=indicator,
        definition_url=optional_url("indicators:indicator_detail", slug, indicator.uuid) or chart_url,
        chart_url=chart_url,
        can_comment=can_comment,
    )
    own = [v for v in values if v.period.frequency == indicator.frequency]
    card.trend = [sources.figure(v, unit) for v in own[-TREND_LENGTH:]]
    if not card.trend:
        return card
    card.latest = card.trend[-1]
    latest_period = card.latest.value.period
    card.year = financial_year(latest_period.end)
    if indicator.frequency != Frequency.YEARLY:
        yearly = next(
            (
                v
                for v in values
                if v.period.frequency == Frequency.YEARLY and financial_year(v.period.end) == card.year
            ),
            None,
        )
        card.year_figure = sources.figure(yearly, unit) if yearly else None
    card.target = targets.get((indicator.pk, card.year))
    if card.target is not None:
        card.target_text = format_value(card.target.value, unit)
        card.rag = rag(card.latest.value.value, card.target.value, card.target.tolerance, indicator.polarity)
    if len(card.trend) > 1:
        card.travel = travel(card.trend[-2].value.value, card.latest.value.value, indicator.polarity)
    found = comparators.get((indicator.pk, card.year), {})
    card.comparators = [
        (ComparatorKind(kind).label, format_value(found[kind].value, unit), found[kind].value)
        for kind in COMPARATOR_ORDER
        if kind in found
    ]
    card.commentary = commentaries.get((indicator.pk, latest_period.pk))
    card.commentary_url = reverse(
        "dashboards:commentary_edit", args=[slug, indicator.uuid, latest_period.uuid]
    )
    card.chart = trend_chart(indicator, card.trend, card.target)
    return card


def trend_chart(indicator: Indicator, trend: list[Figure], target: Target | None) -> SafeString:
    points = [charts.Point(f.value.period.label, f.value.value) for f in trend]
    svg = charts.line_chart(
        points,
        title=f"{indicator.title}: last {len(points)} periods",
        y_label=UNIT_AXIS.get(indicator.unit, "Value"),  # type: ignore[call-overload]
        target=target.value if target is not None and indicator.polarity != Polarity.NEITHER else None,
        chart_id=f"trend-{indicator.uuid}",
    )
    return mark_safe(svg)  # noqa: S308 - every text in the SVG is escaped by masa.indicators.charts


def comparator_chart(indicator: Indicator, card: Card, partnership_name: str) -> SafeString | None:
    """The partnership's yearly (or latest) figure beside its comparators, as bars."""
    if not card.comparators or card.latest is None:
        return None
    own = card.year_figure or card.latest
    if indicator.unit == Unit.COUNT:
        return None  # counts do not compare across areas of different sizes
    points = [charts.Point(partnership_name, own.value.value)]
    points += [charts.Point(label, value) for label, _, value in card.comparators]
    svg = charts.bar_chart(
        points,
        title=f"{indicator.title}: {partnership_name} and comparators, {card.year}",
        y_label=UNIT_AXIS.get(indicator.unit, "Value"),  # type: ignore[call-overload]
        chart_id=f"comparators-{indicator.uuid}",
    )
    return mark_safe(svg)  # noqa: S308 - every text in the SVG is escaped by masa.indicators.charts


def priority_indicators(partnership: Partnership, priority: Priority) -> QuerySet[Indicator]:
    return (
        Indicator.objects.filter(partnership=partnership, is_active=True, priorities=priority)
        .select_related("source_agency")
        .order_by("title")
    )


def group_indicators(partnership: Partnership, group: Group) -> QuerySet[Indicator]:
    return (
        Indicator.objects.filter(partnership=partnership, is_active=True, groups=group)
        .select_related("source_agency")
        .order_by("title")
    )


def indicator_history(
    partnership: Partnership, indicator: Indicator, can_open: Callable[[int | None], bool] = _never
) -> dict[str, list[Figure]]:
    """Every current figure of an indicator by frequency (quarterly, yearly...), oldest first."""
    periods = {p.pk: p for p in Period.objects.filter(partnership=partnership, values__indicator=indicator)}
    sources = _Sources(partnership.slug, can_open)
    found: dict[str, list[Figure]] = defaultdict(list)
    for row in _rows(partnership, periods, indicator=indicator):
        found[row.period.frequency].append(sources.figure(row, indicator.unit))
    return dict(found)
