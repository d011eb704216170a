"""Reads of the training coordinator's course pages (docs/domain.md, "21.2 Courses, sessions and
the public calendar"). Another partnership's course or session is not found."""

from uuid import UUID

from django.db.models import Count, Q, QuerySet

from masa.partnership.models import Partnership, Priority
from masa.reviews.models import Theme
from masa.training.models import Course, NeedsTopic, SessionStatus, TrainingSession
from masa.training.selectors.calendar import start_of_today


def course_list(partnership: Partnership) -> QuerySet[Course]:
    """Every course, drafts too, with the number of its coming scheduled sessions."""
    coming = Q(sessions__status=SessionStatus.SCHEDULED, sessions__starts_at__gte=start_of_today())
    return (
        Course.objects.filter(partnership=partnership)
        .annotate(coming_sessions=Count("sessions", filter=coming))
        .order_by("-is_published", "title")
    )


def course_get(partnership: Partnership, uuid: UUID | str) -> Course | None:
    return (
        Course.objects.filter(partnership=partnership, uuid=uuid)
        .prefetch_related("priorities", "themes", "needs_topics")
        .first()
    )


def course_sessions(course: Course) -> QuerySet[TrainingSession]:
    """All the course's sessions, past and cancelled too, latest first."""
    return TrainingSession.objects.filter(course=course).order_by("-starts_at", "-pk")


def session_get(course: Course, uuid: UUID | str) -> TrainingSession | None:
    return TrainingSession.objects.filter(course=course, uuid=uuid).select_related("course").first()


def priority_choices(partnership: Partnership) -> QuerySet[Priority]:
    """The priorities of the partnership's plans, the latest plan first."""
    return (
        Priority.objects.filter(partnership=partnership)
        .select_related("plan")
        .order_by("-plan__start_year", "order", "pk")
    )


def theme_choices(partnership: Partnership) -> QuerySet[Theme]:
    return Theme.objects.filter(partnership=partnership, is_active=True).order_by("name")


def needs_topic_choices(partnership: Partnership) -> QuerySet[NeedsTopic]:
    """The topics of the partnership's needs analyses, the latest analysis first."""
    return (
        NeedsTopic.objects.filter(partnership=partnership)
        .select_related("analysis")
        .order_by("-analysis__opens_on", "order", "pk")
    )
