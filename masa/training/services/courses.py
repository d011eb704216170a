"""Writes of courses and sessions (docs/domain.md, "21.2 Courses, sessions and the public
calendar").

The training coordinator adds and changes courses, publishes them to the public calendar, and
adds, changes and cancels their sessions. Each service checks its own rules, raises
ValidationError naming the field and changes nothing when one fails. A session's capacity is
changed under the same row lock booking takes (`select_for_update` on the session), so it is
never set below the places already booked, even while someone is booking.
"""

from collections.abc import Iterable
from datetime import datetime
from decimal import Decimal
from functools import partial

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from masa.core.actors import Actor, attributed
from masa.core.tasks import send_email
from masa.partnership.models import Partnership, Priority
from masa.reviews.models import Theme
from masa.training.models import (
    Booking,
    BookingStatus,
    ChargePolicy,
    Course,
    Level,
    NeedsTopic,
    SessionStatus,
    TrainingSession,
)
from masa.training.services.booking import fill_from_waiting_list

CPD_HOURS_POSITIVE = "The CPD hours must be more than 0"
SLUG_TAKEN = "Another course already uses the web address '{slug}': enter a different one"
SLUG_NEEDED = "Enter a web address made of letters, numbers and hyphens"
FOREIGN_CHOICE = "Select {noun} from the list"
END_BEFORE_START = "The end time must be after the start time"
PLACE_NEEDED = "Enter a venue or an online link (or both)"
CAPACITY_BELOW_BOOKED = "Capacity cannot be less than the {booked} places already booked"
CAPACITY_TOO_SMALL = "The capacity must be at least 1"
SESSION_CANCELLED = "This session is cancelled: it cannot be changed"
ALREADY_CANCELLED = "This session is already cancelled"
CANCEL_REASON_NEEDED = "Enter why the session is cancelled"
START_IN_PAST = "A new session cannot start in the past"


def _unique_slug(partnership: Partnership, wanted: str, title: str, course: Course | None) -> str:
    """The slug the coordinator typed (refused if taken), or one made from the title, numbered
    when another course of the partnership already has it."""
    others = Course.objects.filter(partnership=partnership)
    if course is not None:
        others = others.exclude(pk=course.pk)
    if wanted:
        slug = slugify(wanted)
        if not slug:
            raise ValidationError({"slug": SLUG_NEEDED})
        if others.filter(slug=slug).exists():
            raise ValidationError({"slug": SLUG_TAKEN.format(slug=slug)})
        return slug
    base = slugify(title)[:190] or "course"
    taken = set(others.filter(slug__startswith=base).values_list("slug", flat=True))
    slug, number = base, 2
    while slug in taken:
        slug, number = f"{base}-{number}", number + 1
    return slug


def _own(partnership: Partnership, model: type, chosen: Iterable, field: str, noun: str) -> list:
    """The chosen records, each of which must belong to the partnership."""
    chosen = list(chosen)
    ids = {getattr(item, "pk", item) for item in chosen}
    found = list(model.objects.filter(partnership=partnership, pk__in=ids))  # type: ignore[attr-defined]
    if len(found) != len(ids):
        raise ValidationError({field: FOREIGN_CHOICE.format(noun=noun)})
    return found


@attributed
@transaction.atomic
def course_save(
    *,
    actor: Actor,
    partnership: Partnership,
    course: Course | None = None,
    title: str,
    slug: str = "",
    summary: str,
    level: str,
    audience: str,
    learning_outcomes: str,
    cpd_hours: Decimal,
    trainer: str,
    charge_policy: str = ChargePolicy.STANDARD,
    priorities: Iterable[Priority | int] = (),
    themes: Iterable[Theme | int] = (),
    needs_topics: Iterable[NeedsTopic | int] = (),
) -> Course:
    """Add a course (a draft until published) or change one; the slug is made from the title
    when left empty and is unique in the partnership."""
    if course is not None and course.partnership_id != partnership.pk:
        raise ValidationError("This course belongs to another partnership")
    if cpd_hours is None or cpd_hours <= 0:
        raise ValidationError({"cpd_hours": CPD_HOURS_POSITIVE})
    if level not in Level.values:
        raise ValidationError({"level": "Select the level"})
    if charge_policy not in ChargePolicy.values:
        raise ValidationError({"charge_policy": "Select the charge policy"})
    linked_priorities = _own(partnership, Priority, priorities, "priorities", "priorities")
    linked_themes = _own(partnership, Theme, themes, "themes", "themes")
    linked_topics = _own(partnership, NeedsTopic, needs_topics, "needs_topics", "needs analysis topics")
    fields = {
        "title": title.strip(),
        "slug": _unique_slug(partnership, slug.strip(), title, course),
        "summary": summary.strip(),
        "level": level,
        "audience": audience.strip(),
        "learning_outcomes": learning_outcomes.strip(),
        "cpd_hours": cpd_hours,
        "trainer": trainer.strip(),
        "charge_policy": charge_policy,
    }
    if course is None:
        course = Course.objects.create(partnership=partnership, **fields)
    else:
        for name, value in fields.items():
            setattr(course, name, value)
        course.save()
    course.priorities.set(linked_priorities)
    course.themes.set(linked_themes)
    course.needs_topics.set(linked_topics)
    return course


@attributed
@transaction.atomic
def course_publish(*, actor: Actor, course: Course, published: bool) -> Course:
    """Put the course and its sessions on the public calendar, or take them off it (bookings
    already made stand)."""
    if course.is_published != published:
        course.is_published = published
        course.save(update_fields=["is_published", "updated_at"])
    return course


def _check_session(
    starts_at: datetime, ends_at: datetime, venue: str, online_link: str, capacity: int
) -> None:
    errors: dict[str, str] = {}
    if ends_at <= starts_at:
        errors["ends_at"] = END_BEFORE_START
    if not venue.strip() and not online_link.strip():
        errors["venue"] = PLACE_NEEDED
    if capacity is None or capacity < 1:
        errors["capacity"] = CAPACITY_TOO_SMALL
    if errors:
        raise ValidationError(errors)


@attributed
@transaction.atomic
def session_save(
    *,
    actor: Actor,
    course: Course,
    session: TrainingSession | None = None,
    starts_at: datetime,
    ends_at: datetime,
    venue: str = "",
    online_link: str = "",
    capacity: int,
    trainer: str = "",
) -> TrainingSession:
    """Add a session of the course or change one. A cancelled session cannot be changed, and the
    capacity never goes below the places already booked."""
    _check_session(starts_at, ends_at, venue, online_link, capacity)
    fields = {
        "starts_at": starts_at,
        "ends_at": ends_at,
        "venue": venue.strip(),
        "online_link": online_link.strip(),
        "capacity": capacity,
        "trainer": trainer.strip(),
    }
    if session is None:
        if starts_at < timezone.now():
            raise ValidationError({"starts_at": START_IN_PAST})
        return TrainingSession.objects.create(partnership_id=course.partnership_id, course=course, **fields)
    if session.course_id != course.pk:
        raise ValidationError("This session belongs to another course")
    locked = TrainingSession.objects.select_for_update().get(pk=session.pk)
    if locked.status == SessionStatus.CANCELLED:
        raise ValidationError(SESSION_CANCELLED)
    if capacity < locked.booked_count:
        raise ValidationError({"capacity": CAPACITY_BELOW_BOOKED.format(booked=locked.booked_count)})
    raised = capacity > locked.capacity
    for name, value in fields.items():
        setattr(locked, name, value)
    locked.save()
    if raised:
        # New places go to the waiting list first, in the order people asked.
        fill_from_waiting_list(actor=actor, session=locked)
    return locked


def _cancellation_message(session: TrainingSession, booking: Booking, reason: str) -> dict:
    when = timezone.localtime(session.starts_at)
    place = "your place" if booking.status == BookingStatus.BOOKED else "your place on the waiting list"
    return {
        "to": [booking.person.email],
        "subject": f"Cancelled: {session.course.title} on {when:%-d %B %Y}",
        "body": (
            f"The training session {session.course.title} on {when:%A %-d %B %Y} at {when:%H:%M} "
            f"has been cancelled, so {place} is cancelled too. No one is charged for it.\n\n"
            f"Why it was cancelled: {reason}\n\n"
            "You can book another session of the course on the training calendar."
        ),
        "category": "training_session_cancelled",
        "reference": str(booking.uuid),
    }


@attributed
@transaction.atomic
def session_cancel(*, actor: Actor, session: TrainingSession, reason: str) -> TrainingSession:
    """Cancel the session: every live booking is cancelled without charge and each person booked
    or on the waiting list is emailed why. The reason is kept in the audit log."""
    reason = reason.strip()
    if not reason:
        raise ValidationError({"reason": CANCEL_REASON_NEEDED})
    locked = TrainingSession.objects.select_for_update().select_related("course").get(pk=session.pk)
    if locked.status == SessionStatus.CANCELLED:
        raise ValidationError(ALREADY_CANCELLED)
    now = timezone.now()
    live = list(
        Booking.objects.filter(session=locked, status__in=[BookingStatus.BOOKED, BookingStatus.WAITLISTED])
        .select_related("person")
        .order_by("requested_at", "pk")
    )
    messages = [_cancellation_message(locked, booking, reason) for booking in live]
    for booking in live:
        booking.status = BookingStatus.CANCELLED
        booking.cancelled_at = now
        booking.change_reason = reason
        booking.save(update_fields=["status", "cancelled_at", "updated_at"])
    locked.status = SessionStatus.CANCELLED
    locked.booked_count = 0
    locked.change_reason = reason
    locked.save(update_fields=["status", "booked_count", "updated_at"])
    for message in messages:
        transaction.on_commit(partial(send_email.enqueue, **message))
    return locked
