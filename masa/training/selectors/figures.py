"""The training figures for the partnership's yearly report (docs/domain.md, "21.6 Figures for
the yearly report").

One reporting year runs from 1 April to 31 March. A session counts in the year it starts in,
unless it was cancelled. Everything is read in a fixed number of queries, however many sessions,
bookings and evaluations the year holds: rows are fetched already grouped by course, added up
per course in Python, and the courses' tallies are then added up for the whole year and for
each priority (a course linked to two priorities counts under both).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, time
from decimal import ROUND_HALF_UP, Decimal
from uuid import UUID

from django.db.models import Count, Sum
from django.utils import timezone

from masa.core.dates import financial_year_start
from masa.indicators.services import year_label
from masa.partnership.models import Partnership
from masa.training.models import (
    Attendance,
    Booking,
    BookingStatus,
    Course,
    Evaluation,
    ImpactFollowUp,
    SessionStatus,
    TrainingSession,
)

NO_PRIORITY = "No linked priority"
ONE_PLACE = Decimal("0.1")


def year_range(year_start: int) -> tuple[datetime, datetime]:
    """From midnight on 1 April to midnight on the next 1 April, in local time."""
    return (
        timezone.make_aware(datetime.combine(date(year_start, 4, 1), time.min)),
        timezone.make_aware(datetime.combine(date(year_start + 1, 4, 1), time.min)),
    )


@dataclass(frozen=True)
class Rate:
    """A share kept with what it is made of: `numerator` out of `denominator`, and the
    percentage to one decimal place (None when there is nothing to divide by)."""

    numerator: int
    denominator: int

    @property
    def percent(self) -> Decimal | None:
        if not self.denominator:
            return None
        return (Decimal(100 * self.numerator) / self.denominator).quantize(ONE_PLACE, ROUND_HALF_UP)


def _average(total: int, count: int) -> Decimal | None:
    return (Decimal(total) / count).quantize(ONE_PLACE, ROUND_HALF_UP) if count else None


@dataclass(frozen=True)
class Quote:
    """An answer to an impact follow-up its writer allowed to be quoted (without their name)."""

    course: str
    respondent: str
    practice_changed: str
    outcome_for_children: str


@dataclass
class Tally:
    """The counts of some courses' sessions in the year, to add up."""

    sessions: int = 0
    sessions_held: int = 0
    places_offered: int = 0
    places_booked: int = 0
    booked_at_held: int = 0
    attended: int = 0
    no_shows: int = 0
    agencies: set[int] = field(default_factory=set)
    evaluations: int = 0
    confidence_before: int = 0
    confidence_after: int = 0
    usefulness: int = 0
    quotes: list[Quote] = field(default_factory=list)

    def add(self, other: Tally) -> None:
        for name in (
            "sessions",
            "sessions_held",
            "places_offered",
            "places_booked",
            "booked_at_held",
            "attended",
            "no_shows",
            "evaluations",
            "confidence_before",
            "confidence_after",
            "usefulness",
        ):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.agencies |= other.agencies
        self.quotes.extend(other.quotes)


@dataclass(frozen=True)
class Figures:
    """The figures of some sessions: the whole year's, or one priority's."""

    sessions: int
    sessions_held: int
    places_offered: int
    places_booked: int
    attended: int
    no_shows: int
    attendance_rate: Rate  # attended out of the places booked at sessions already held
    no_show_rate: Rate
    agencies_reached: int  # distinct agencies of the people who attended
    evaluations: int
    confidence_before: Decimal | None  # averages, 1 to 5
    confidence_after: Decimal | None
    usefulness: Decimal | None
    quotes: list[Quote]

    @classmethod
    def of(cls, tally: Tally) -> Figures:
        return cls(
            sessions=tally.sessions,
            sessions_held=tally.sessions_held,
            places_offered=tally.places_offered,
            places_booked=tally.places_booked,
            attended=tally.attended,
            no_shows=tally.no_shows,
            attendance_rate=Rate(tally.attended, tally.booked_at_held),
            no_show_rate=Rate(tally.no_shows, tally.booked_at_held),
            agencies_reached=len(tally.agencies),
            evaluations=tally.evaluations,
            confidence_before=_average(tally.confidence_before, tally.evaluations),
            confidence_after=_average(tally.confidence_after, tally.evaluations),
            usefulness=_average(tally.usefulness, tally.evaluations),
            quotes=list(tally.quotes),
        )


@dataclass(frozen=True)
class PriorityFigures:
    priority_id: UUID | None  # None for the courses linked to no priority
    label: str
    figures: Figures


@dataclass(frozen=True)
class TrainingFigures:
    year: str  # like 2023-24
    year_start: int
    starts_on: date
    ends_on: date
    total: Figures
    by_priority: list[PriorityFigures]


def training_figures(
    partnership: Partnership, year_start: int, *, now: datetime | None = None
) -> TrainingFigures:
    """The partnership's training figures for the reporting year starting on 1 April `year_start`."""
    now = now or timezone.now()
    first, after = year_range(year_start)
    sessions = TrainingSession.objects.filter(
        partnership=partnership, starts_at__gte=first, starts_at__lt=after
    ).exclude(status=SessionStatus.CANCELLED)
    tallies: dict[int, Tally] = defaultdict(Tally)

    held: set[int] = set()
    for session_id, course_id, capacity, starts_at in sessions.values_list(
        "pk", "course_id", "capacity", "starts_at"
    ):
        tally = tallies[course_id]
        tally.sessions += 1
        tally.places_offered += capacity
        if starts_at <= now:
            tally.sessions_held += 1
            held.add(session_id)

    # Places taken (not the waiting list, not cancelled), by session, agency and attendance.
    bookings = (
        Booking.objects.filter(session__in=sessions, status=BookingStatus.BOOKED)
        .values_list("session_id", "session__course_id", "agency_id", "attendance")
        .annotate(places=Count("pk"))
        .order_by()
    )
    for session_id, course_id, agency_id, attendance, places in bookings:
        tally = tallies[course_id]
        tally.places_booked += places
        if session_id in held:
            tally.booked_at_held += places
        if attendance in (Attendance.ATTENDED, Attendance.LATE):
            tally.attended += places
            tally.agencies.add(agency_id)
        elif attendance == Attendance.NO_SHOW:
            tally.no_shows += places

    evaluations = (
        Evaluation.objects.filter(booking__session__in=sessions)
        .values_list("booking__session__course_id")
        .annotate(
            count=Count("pk"),
            before=Sum("confidence_before"),
            after=Sum("confidence_after"),
            useful=Sum("usefulness"),
        )
        .order_by()
    )
    for course_id, count, before, after_, useful in evaluations:
        tally = tallies[course_id]
        tally.evaluations += count
        tally.confidence_before += before or 0
        tally.confidence_after += after_ or 0
        tally.usefulness += useful or 0

    quotes = (
        ImpactFollowUp.objects.filter(
            booking__session__in=sessions, answered_at__isnull=False, may_quote=True
        )
        .select_related("booking__session__course")
        .order_by("answered_at", "pk")
    )
    for follow_up in quotes:
        course = follow_up.booking.session.course
        tallies[course.pk].quotes.append(
            Quote(
                course=course.title,
                respondent=follow_up.get_respondent_display(),
                practice_changed=follow_up.practice_changed,
                outcome_for_children=follow_up.outcome_for_children,
            )
        )

    total = Tally()
    for tally in tallies.values():
        total.add(tally)
    return TrainingFigures(
        year=year_label(year_start),
        year_start=year_start,
        starts_on=date(year_start, 4, 1),
        ends_on=date(year_start + 1, 3, 31),
        total=Figures.of(total),
        by_priority=_by_priority(tallies),
    )


def _by_priority(tallies: dict[int, Tally]) -> list[PriorityFigures]:
    """Each linked priority's figures (in the plan's order), then the courses linked to none."""
    links = (
        Course.priorities.through.objects.filter(course_id__in=list(tallies))
        .values_list("course_id", "priority_id", "priority__uuid", "priority__title")
        .order_by("priority__plan__start_year", "priority__order", "priority__title", "priority_id")
    )
    per_priority: dict[int, tuple[UUID, str, Tally]] = {}
    linked: set[int] = set()
    for course_id, priority_id, priority_uuid, title in links:
        linked.add(course_id)
        if priority_id not in per_priority:
            per_priority[priority_id] = (priority_uuid, title, Tally())
        per_priority[priority_id][2].add(tallies[course_id])
    rows = [PriorityFigures(uuid, title, Figures.of(tally)) for uuid, title, tally in per_priority.values()]
    unlinked = [tally for course_id, tally in tallies.items() if course_id not in linked]
    if unlinked:
        rest = Tally()
        for tally in unlinked:
            rest.add(tally)
        rows.append(PriorityFigures(None, NO_PRIORITY, Figures.of(rest)))
    return rows


def years_with_sessions(partnership: Partnership) -> list[int]:
    """The reporting years with sessions, and the current one, newest first."""
    months = TrainingSession.objects.filter(partnership=partnership).datetimes("starts_at", "month")
    years = {financial_year_start(timezone.localtime(m).date()) for m in months}
    years.add(financial_year_start(timezone.localdate()))
    return sorted(years, reverse=True)
