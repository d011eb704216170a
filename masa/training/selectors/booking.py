"""Reads of booking (docs/domain.md, "21.3 Booking, the waiting list and registering").

Need-to-know is decided here: a person sees their own bookings; an agency lead their agency's
staff's; the training coordinator (the business team) everyone's. A booking outside that is
reported as not found.
"""

from dataclasses import dataclass
from typing import Any

from django.db.models import QuerySet
from django.utils import timezone

from masa.accounts.models import Membership, Role, User
from masa.accounts.selectors import active_role
from masa.partnership.models import Agency, Partnership
from masa.training.models import Booking, BookingStatus, RegistrationDomain, TrainingSession
from masa.training.rules import MANAGE_TRAINING


def session_get(user: User, partnership: Partnership, uuid: Any) -> TrainingSession | None:
    """A session of the partnership that the user may open: of a published course, or any for
    the training coordinator."""
    sessions = TrainingSession.objects.filter(partnership=partnership).select_related("course", "partnership")
    if not user.has_perm(MANAGE_TRAINING, partnership):
        sessions = sessions.filter(course__is_published=True)
    return sessions.filter(uuid=uuid).first()


def own_booking(user: User, session: TrainingSession) -> Booking | None:
    """The user's booked or waiting-list place on the session."""
    return (
        Booking.objects.filter(session=session, person=user)
        .exclude(status=BookingStatus.CANCELLED)
        .select_related("session")
        .first()
    )


def waiting_position(booking: Booking) -> int | None:
    """1 for the first on the session's waiting list; None for a booking not waiting."""
    if booking.status != BookingStatus.WAITLISTED:
        return None
    ahead = Booking.objects.filter(
        session_id=booking.session_id,
        status=BookingStatus.WAITLISTED,
        requested_at__lt=booking.requested_at,
    ).count()
    return ahead + 1


def _bookings(partnership: Partnership) -> QuerySet[Booking]:
    return Booking.objects.filter(partnership=partnership).select_related(
        "session__course", "person", "agency", "booked_by", "charge"
    )


def lead_agency(user: User, partnership: Partnership) -> Agency | None:
    """The agency an agency lead books for: their own membership's agency."""
    membership = (
        Membership.objects.filter(user=user, partnership=partnership, is_active=True)
        .select_related("agency")
        .first()
    )
    return membership.agency if membership else None


def bookings_seen_by(user: User, partnership: Partnership) -> QuerySet[Booking]:
    """The bookings the user may see and cancel: everyone's for the training coordinator, their
    agency's staff's (and their own) for an agency lead, their own for everyone else."""
    bookings = _bookings(partnership)
    if user.has_perm(MANAGE_TRAINING, partnership):
        return bookings
    if active_role(user, partnership) == Role.AGENCY_LEAD:
        agency = lead_agency(user, partnership)
        if agency is not None:
            return bookings.filter(agency=agency) | bookings.filter(person=user)
    return bookings.filter(person=user)


def booking_get(user: User, partnership: Partnership, uuid: Any) -> Booking | None:
    return bookings_seen_by(user, partnership).filter(uuid=uuid).first()


@dataclass
class MyBookings:
    upcoming: list[Booking]
    waitlisted: list[Booking]
    past: list[Booking]
    cancelled: list[Booking]


def my_bookings(user: User, partnership: Partnership) -> MyBookings:
    """The user's own bookings in the partnership: places to come, waiting lists, sessions
    that have happened (with the register's mark) and cancelled ones."""
    now = timezone.now()
    rows = list(_bookings(partnership).filter(person=user).order_by("session__starts_at", "pk"))
    return MyBookings(
        upcoming=[b for b in rows if b.status == BookingStatus.BOOKED and b.session.starts_at > now],
        waitlisted=[b for b in rows if b.status == BookingStatus.WAITLISTED and b.session.starts_at > now],
        past=[b for b in reversed(rows) if b.status == BookingStatus.BOOKED and b.session.starts_at <= now],
        cancelled=[b for b in reversed(rows) if b.status == BookingStatus.CANCELLED],
    )


def staff_bookings(
    user: User, partnership: Partnership, *, agency: Agency | None = None
) -> QuerySet[Booking]:
    """Bookings of the agency lead's staff; the coordinator sees every agency's, or the one chosen."""
    bookings = _bookings(partnership)
    if not user.has_perm(MANAGE_TRAINING, partnership):
        bookings = bookings.filter(agency=lead_agency(user, partnership))
    if agency is not None:
        bookings = bookings.filter(agency=agency)
    return bookings.order_by("-session__starts_at", "agency__name", "person__full_name", "pk")


def staff_choices(user: User, partnership: Partnership) -> QuerySet[User]:
    """The people an agency lead may book: active members of the partnership in the lead's agency
    (the coordinator: every member with an agency)."""
    people = User.objects.filter(
        memberships__partnership=partnership, memberships__is_active=True, memberships__agency__isnull=False
    )
    if not user.has_perm(MANAGE_TRAINING, partnership):
        people = people.filter(memberships__agency=lead_agency(user, partnership))
    return people.order_by("full_name", "email").distinct()


def agencies_with_bookings(partnership: Partnership) -> QuerySet[Agency]:
    return Agency.objects.filter(
        pk__in=Booking.objects.filter(partnership=partnership).values("agency")
    ).order_by("name")


def registration_domains(partnership: Partnership) -> QuerySet[RegistrationDomain]:
    return RegistrationDomain.objects.filter(partnership=partnership).select_related("agency")


def registration_domain_get(partnership: Partnership, uuid: Any) -> RegistrationDomain | None:
    return registration_domains(partnership).filter(uuid=uuid).first()


def registration_domain_for(partnership: Partnership, email: str) -> RegistrationDomain | None:
    """The allowed domain of a work email address (exactly the part after the @)."""
    domain = email.rsplit("@", 1)[-1].strip().lower()
    return registration_domains(partnership).filter(domain=domain).first()


def public_partnership(slug: str) -> Partnership | None:
    return Partnership.objects.filter(slug=slug).first()


def now() -> Any:
    return timezone.now()


def has_started(session: TrainingSession) -> bool:
    return session.starts_at <= timezone.now()


def waiting_count(session: TrainingSession) -> int:
    return Booking.objects.filter(session=session, status=BookingStatus.WAITLISTED).count()


def partnership_agencies(partnership: Partnership) -> QuerySet[Agency]:
    return Agency.objects.filter(memberships__partnership=partnership).order_by("name").distinct()
