"""Reads of the public training calendar and course pages (docs/domain.md, "21.2 Courses,
sessions and the public calendar").

The public sees only published courses and their scheduled sessions from today on; a draft course
or a cancelled session is not there at all. Every read here costs the same number of queries
however many sessions the partnership runs: the calendar is one count and one page of sessions
with their courses joined, and the filters' choices are one query each.
"""

from dataclasses import dataclass
from datetime import date, datetime, time

from django.db.models import F, QuerySet
from django.utils import timezone

from masa.partnership.models import Partnership, Priority
from masa.training.models import Course, SessionStatus, TrainingSession

ONLINE = "online"
IN_PERSON = "in_person"
MODES = [(ONLINE, "Online"), (IN_PERSON, "In person")]


@dataclass(frozen=True)
class CalendarFilters:
    """What a visitor chose on the calendar; empty values mean "any"."""

    level: str = ""
    priority: int | None = None
    course: str = ""  # a course's slug
    mode: str = ""  # ONLINE or IN_PERSON
    month: date | None = None  # the first day of the month
    places_left: bool = False


def public_partnership(slug: str) -> Partnership | None:
    return Partnership.objects.filter(slug=slug).first()


def start_of_today() -> datetime:
    """Midnight at the start of today in London: a session earlier today is still on the calendar."""
    return timezone.make_aware(datetime.combine(timezone.localdate(), time.min))


def _month_bounds(month: date) -> tuple[datetime, datetime]:
    following = date(month.year + month.month // 12, month.month % 12 + 1, 1)
    return (
        timezone.make_aware(datetime.combine(month, time.min)),
        timezone.make_aware(datetime.combine(following, time.min)),
    )


def coming_sessions(
    partnership: Partnership, filters: CalendarFilters | None = None
) -> QuerySet[TrainingSession]:
    """Scheduled sessions of published courses from today on, soonest first, with their course."""
    filters = filters or CalendarFilters()
    qs = TrainingSession.objects.filter(
        partnership=partnership,
        course__is_published=True,
        status=SessionStatus.SCHEDULED,
        starts_at__gte=start_of_today(),
    )
    if filters.level:
        qs = qs.filter(course__level=filters.level)
    if filters.priority:
        qs = qs.filter(course__priorities=filters.priority)
    if filters.course:
        qs = qs.filter(course__slug=filters.course)
    if filters.mode == ONLINE:
        qs = qs.exclude(online_link="")
    elif filters.mode == IN_PERSON:
        qs = qs.exclude(venue="")
    if filters.month:
        start, end = _month_bounds(filters.month)
        qs = qs.filter(starts_at__gte=start, starts_at__lt=end)
    if filters.places_left:
        qs = qs.filter(booked_count__lt=F("capacity"))
    return qs.select_related("course").order_by("starts_at", "pk")


def published_courses(partnership: Partnership) -> QuerySet[Course]:
    return Course.objects.filter(partnership=partnership, is_published=True).order_by("title")


def calendar_priorities(partnership: Partnership) -> list[Priority]:
    """The priorities some published course of the partnership is linked to, for the filter."""
    links = Course.priorities.through.objects.filter(
        course__partnership=partnership, course__is_published=True
    ).values("priority_id")
    return list(
        Priority.objects.filter(partnership=partnership, pk__in=links)
        .select_related("plan")
        .order_by("-plan__start_year", "order", "pk")
    )


def months_ahead(today: date, count: int = 24) -> list[date]:
    """The first days of this month and the next `count - 1` months, for the month filter."""
    return [
        date(today.year + (today.month - 1 + n) // 12, (today.month - 1 + n) % 12 + 1, 1)
        for n in range(count)
    ]


def public_course_get(partnership: Partnership, course_slug: str) -> Course | None:
    """A published course by its slug, with its priorities and themes; a draft is not found."""
    return (
        Course.objects.filter(partnership=partnership, slug=course_slug, is_published=True)
        .prefetch_related("priorities", "themes")
        .first()
    )


def course_coming_sessions(course: Course) -> QuerySet[TrainingSession]:
    return TrainingSession.objects.filter(
        course=course, status=SessionStatus.SCHEDULED, starts_at__gte=start_of_today()
    ).order_by("starts_at", "pk")


@dataclass
class BrochureCourse:
    course: Course
    sessions: list[TrainingSession]


def brochure_courses(partnership: Partnership) -> list[BrochureCourse]:
    """Every published course with its coming sessions, in title order (two queries in all)."""
    courses = {c.pk: BrochureCourse(c, []) for c in published_courses(partnership)}
    for session in coming_sessions(partnership).filter(course_id__in=list(courses)):
        courses[session.course_id].sessions.append(session)
    return list(courses.values())
