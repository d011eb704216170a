"""Booking a place, the waiting list, cancelling and booking staff
(docs/domain.md, "21.3 Booking, the waiting list and registering").

Capacity is counted on one row: every booking, cancellation and promotion first locks the
session (`select_for_update`) and keeps `TrainingSession.booked_count` in step with the booked
places, so people booking the last places at the same moment are served one at a time, in the
order they reach the lock, and a session is never over-booked. The time a request is served is
its place in the queue (`requested_at`): the waiting list is offered in that order, and a
promotion keeps it.
"""

import re
from dataclasses import dataclass, field
from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from masa.accounts.models import Invitation, Membership, Role, User
from masa.accounts.services import invitation_create
from masa.core.actors import Actor, SystemActor, attributed, user_or_none
from masa.core.dates import long_date
from masa.partnership.models import Agency, Partnership, PartnershipAgency
from masa.training.charging import is_late_cancellation
from masa.training.models import (
    Booking,
    BookingStatus,
    ChargeReason,
    RegistrationDomain,
    SessionStatus,
    TrainingSession,
)
from masa.training.rules import MANAGE_TRAINING
from masa.training.services.charges import charge_booking, policy_for

SESSION_PAST = "This session has already started, so it can no longer be booked"
SESSION_CANCELLED = "This session has been cancelled, so it cannot be booked"
COURSE_UNPUBLISHED = "This course is not open for booking yet"
NOT_IN_PARTNERSHIP = "{person} is not a member of the partnership that runs this session"
NO_AGENCY = (
    "{person} cannot book because their account is not linked to an agency. "
    "Ask the partnership business team to add the agency to the account"
)
ALREADY_BOOKED = "You already have a place on this session"
ALREADY_CANCELLED = "This booking is already cancelled"
CANCEL_PAST = "This session has already started, so the booking can no longer be cancelled"
NOT_YOUR_STAFF = "{person} is not on the staff of your agency, so you cannot book for them"
LEAD_WITHOUT_AGENCY = "Your account is not linked to an agency, so you cannot book for staff"
NO_ONE_CHOSEN = "Select at least one member of staff to book"


def _live(session: TrainingSession, person: User) -> Booking | None:
    """The person's booked or waiting-list place on the session, if any."""
    return (
        Booking.objects.filter(session=session, person=person).exclude(status=BookingStatus.CANCELLED).first()
    )


def _membership(session: TrainingSession, person: User) -> Membership | None:
    return (
        Membership.objects.filter(partnership_id=session.partnership_id, user=person, is_active=True)
        .select_related("agency")
        .first()
    )


def _check_open(session: TrainingSession) -> None:
    """Refuse a session that cannot take bookings: started, cancelled or of an unpublished course."""
    if session.status == SessionStatus.CANCELLED:
        raise ValidationError({"session": SESSION_CANCELLED})
    if session.starts_at <= timezone.now():
        raise ValidationError({"session": SESSION_PAST})
    if not session.course.is_published:
        raise ValidationError({"session": COURSE_UNPUBLISHED})


def _lock(session: TrainingSession) -> TrainingSession:
    """The session's row, locked until the transaction ends: the one queue for its places."""
    return (
        TrainingSession.objects.select_for_update(of=("self",))
        .select_related("course", "partnership")
        .get(pk=session.pk)
    )


@attributed
@transaction.atomic
def book_place(*, actor: Actor, session: TrainingSession, person: User, manager_email: str = "") -> Booking:
    """Book the person a place, or a place on the waiting list when the session is full.

    The agency charged for a place not used is the person's agency in the partnership.
    `booked_by` is whoever asked: the person, or their agency lead booking for them.
    """
    membership = _membership(session, person)
    if membership is None:
        raise ValidationError({"person": NOT_IN_PARTNERSHIP.format(person=person)})
    if membership.agency_id is None:
        raise ValidationError({"person": NO_AGENCY.format(person=person)})
    session = _lock(session)
    _check_open(session)
    if _live(session, person) is not None:
        raise ValidationError({"session": ALREADY_BOOKED})
    booked = session.booked_count < session.capacity
    booking = Booking.objects.create(
        partnership_id=session.partnership_id,
        session=session,
        person=person,
        agency_id=membership.agency_id,
        booked_by=user_or_none(actor),
        manager_email=manager_email.strip(),
        status=BookingStatus.BOOKED if booked else BookingStatus.WAITLISTED,
        # Taken under the lock, so the order of requested_at is the order people were served.
        requested_at=timezone.now(),
    )
    if booked:
        session.booked_count += 1
        session.save(update_fields=["booked_count", "updated_at"])
    _email_after_commit(booking.pk, "booked" if booked else "waitlisted")
    return booking


@attributed
@transaction.atomic
def fill_from_waiting_list(*, actor: Actor, session: TrainingSession) -> list[Booking]:
    """Give free places to the waiting list, first asked first served, and email each person.

    Called after a cancellation and when the coordinator raises a session's capacity. A session
    that has started or was cancelled promotes no one.
    """
    session = _lock(session)
    if session.status == SessionStatus.CANCELLED or session.starts_at <= timezone.now():
        return []
    free = session.capacity - session.booked_count
    if free <= 0:
        return []
    promoted = list(
        Booking.objects.filter(session=session, status=BookingStatus.WAITLISTED).order_by(
            "requested_at", "pk"
        )[:free]
    )
    for booking in promoted:
        booking.status = BookingStatus.BOOKED
        booking.save(update_fields=["status", "updated_at"])
        _email_after_commit(booking.pk, "promoted")
    if promoted:
        session.booked_count += len(promoted)
        session.save(update_fields=["booked_count", "updated_at"])
    return promoted


@attributed
@transaction.atomic
def cancel_booking(*, actor: Actor, booking: Booking, today: date | None = None) -> Booking:
    """Cancel a place or a place on the waiting list. A booked place given up inside the
    partnership's cut-off is charged to the agency as a late cancellation; the freed place goes
    to the first person on the waiting list."""
    session = _lock(booking.session)
    booking = Booking.objects.select_for_update(of=("self",)).get(pk=booking.pk)
    if booking.status == BookingStatus.CANCELLED:
        raise ValidationError({"booking": ALREADY_CANCELLED})
    if session.starts_at <= timezone.now():
        raise ValidationError({"booking": CANCEL_PAST})
    today = today or timezone.localdate()
    was_booked = booking.status == BookingStatus.BOOKED
    booking.status = BookingStatus.CANCELLED
    booking.cancelled_at = timezone.now()
    booking.save(update_fields=["status", "cancelled_at", "updated_at"])
    _email_after_commit(booking.pk, "cancelled")
    if was_booked:
        session.booked_count = max(session.booked_count - 1, 0)
        session.save(update_fields=["booked_count", "updated_at"])
        late = is_late_cancellation(
            session_day=timezone.localtime(session.starts_at).date(),
            cancelled_on=today,
            cutoff_days=policy_for(session.partnership_id).cancellation_cutoff_days,
        )
        if late:
            booking.session = session
            charge_booking(actor=actor, booking=booking, reason=ChargeReason.LATE_CANCELLATION, on=today)
        fill_from_waiting_list(actor=actor, session=session)
    return booking


@dataclass
class StaffBookings:
    """What booking several members of staff did, person by person."""

    booked: list[User] = field(default_factory=list)
    waitlisted: list[User] = field(default_factory=list)
    already: list[User] = field(default_factory=list)


def _staff_agency_id(actor: Actor, session: TrainingSession) -> int | None:
    """The agency whose staff the actor may book: their own (agency lead), or None for anyone's
    (the business team)."""
    user = user_or_none(actor)
    # The training coordinator may book any agency's staff (masa/training/rules.py).
    if user is not None and user.has_perm(MANAGE_TRAINING, session.partnership):
        return None
    membership = _membership(session, user) if user else None
    if membership is None or membership.agency_id is None:
        raise ValidationError({"people": LEAD_WITHOUT_AGENCY})
    return membership.agency_id


@attributed
@transaction.atomic
def book_staff(*, actor: Actor, session: TrainingSession, people: list[User]) -> StaffBookings:
    """An agency lead books named members of their agency's staff (the business team anyone's).
    Everyone is checked before anyone is booked: one person who is not the lead's staff refuses
    the lot, naming them."""
    if not people:
        raise ValidationError({"people": NO_ONE_CHOSEN})
    _check_open(session)
    agency_id = _staff_agency_id(actor, session)
    for person in people:
        membership = _membership(session, person)
        if membership is None or (agency_id is not None and membership.agency_id != agency_id):
            raise ValidationError({"people": NOT_YOUR_STAFF.format(person=person)})
    result = StaffBookings()
    for person in people:
        if _live(session, person) is not None:
            result.already.append(person)
            continue
        booking = book_place(actor=actor, session=session, person=person)
        (result.booked if booking.status == BookingStatus.BOOKED else result.waitlisted).append(person)
    return result


# Emails --------------------------------------------------------------------------------------

EMAIL_SUBJECTS = {
    "booked": "Your place is booked: {course}, {day}",
    "waitlisted": "You are on the waiting list: {course}, {day}",
    "promoted": "A place is yours: {course}, {day}",
    "cancelled": "Booking cancelled: {course}, {day}",
}
EMAIL_OPENINGS = {
    "booked": "You have a place on this training session{by}.",
    "waitlisted": (
        "The session is full, so you are on its waiting list{by}. You are number {position}. "
        "If a place comes free it is given to the first person on the list, and we will email you."
    ),
    "promoted": "A place came free and it is now yours: you are booked on this training session.",
    "cancelled": "Your booking on this training session is cancelled.",
}


def _email_after_commit(booking_id: int, kind: str) -> None:
    """Queue the email once the change is saved, so a rolled-back booking sends nothing."""
    transaction.on_commit(lambda: booking_email(booking_id, kind))


def waiting_list_position(booking: Booking) -> int:
    """1 for the first person on the session's waiting list."""
    return (
        Booking.objects.filter(
            session_id=booking.session_id,
            status=BookingStatus.WAITLISTED,
            requested_at__lt=booking.requested_at,
        ).count()
        + 1
    )


def booking_email(booking_id: int, kind: str) -> None:
    """Email the person about their booking (kind: booked, waitlisted, promoted or cancelled);
    a place gets the session as a calendar file."""
    from masa.core.tasks import send_email
    from masa.training.ics import booking_ics, session_url

    booking = Booking.objects.select_related(
        "session__course", "session__partnership", "person", "booked_by"
    ).get(pk=booking_id)
    session = booking.session
    starts = timezone.localtime(session.starts_at)
    ends = timezone.localtime(session.ends_at)
    day = long_date(starts.date())
    by_someone_else = booking.booked_by_id not in (None, booking.person_id)
    opening = EMAIL_OPENINGS[kind].format(
        by=f", booked for you by {booking.booked_by}" if by_someone_else else "",
        position=waiting_list_position(booking) if kind == "waitlisted" else "",
    )
    where = session.venue or "Online"
    lines = [
        f"Dear {booking.person.full_name or booking.person.email},",
        "",
        opening,
        "",
        f"Course: {session.course.title}",
        f"When: {day}, {starts:%H:%M} to {ends:%H:%M}",
        f"Where: {where}",
    ]
    if session.online_link and kind in ("booked", "promoted"):
        lines.append(f"Join online: {session.online_link}")
    lines += ["", f"See or cancel your booking: {session_url(booking)}"]
    if kind in ("booked", "promoted"):
        policy = policy_for(session.partnership_id)
        lines += [
            "",
            f"If you cannot come, cancel at least {policy.cancellation_cutoff_days} days before the "
            "session: a place cancelled later, or not used, may be charged to your agency.",
        ]
    lines += ["", session.partnership.name]
    attachments = [["training-session.ics", booking_ics(booking), "text/calendar"]]
    send_email.enqueue(
        to=[booking.person.email],
        subject=EMAIL_SUBJECTS[kind].format(course=session.course.title, day=day),
        body="\n".join(lines) + "\n",
        attachments=attachments if kind in ("booked", "promoted", "cancelled") else None,
        category=f"training_{kind}",
        reference=str(booking.uuid),
    )


# Registering with a work email -----------------------------------------------------------------

#: Who writes the invitation when someone registers themselves (no one is signed in).
REGISTRATION = SystemActor("masa: training registration")
DOMAIN_FORMAT = "Enter the email domain in the correct format, like nhs.net or hounslow.gov.uk"
DOMAIN_TAKEN = "This domain is already allowed for {agency}"
AGENCY_FOREIGN = "Select an agency of this partnership"
EMAIL_NOT_ALLOWED = (
    "This email address cannot be used to register. Use your work email address from one of the "
    "partnership's agencies, or ask the training coordinator to book for you"
)
# A domain: labels of letters, digits and hyphens (not at either end), at least one dot, and a
# last label of letters.
_DOMAIN = re.compile(r"^(?!-)[a-z0-9-]{1,63}(?<!-)(\.(?!-)[a-z0-9-]{1,63}(?<!-))*\.[a-z]{2,63}$")


def normalise_domain(domain: str) -> str:
    """The domain as masa keeps it: lower case, with a pasted "@" or spaces taken off."""
    return domain.strip().lower().removeprefix("@")


@attributed
@transaction.atomic
def registration_domain_add(
    *, actor: Actor, partnership: Partnership, agency: Agency, domain: str
) -> RegistrationDomain:
    """Allow the holders of work email addresses at `domain` to register as the agency's
    practitioners."""
    domain = normalise_domain(domain)
    if not _DOMAIN.match(domain) or len(domain) > 200:
        raise ValidationError({"domain": DOMAIN_FORMAT})
    if not PartnershipAgency.objects.filter(partnership=partnership, agency=agency).exists():
        raise ValidationError({"agency": AGENCY_FOREIGN})
    taken = RegistrationDomain.objects.filter(partnership=partnership, domain=domain).select_related("agency")
    if taken.exists():
        raise ValidationError({"domain": DOMAIN_TAKEN.format(agency=taken.get().agency)})
    return RegistrationDomain.objects.create(partnership=partnership, agency=agency, domain=domain)


@attributed
@transaction.atomic
def registration_domain_remove(*, actor: Actor, domain: RegistrationDomain) -> None:
    """Stop new registrations from the domain; people who registered keep their accounts."""
    domain.delete()


@attributed
@transaction.atomic
def register_with_work_email(*, actor: Actor, partnership: Partnership, full_name: str, email: str) -> None:
    """Someone asks to register with a work email address.

    An address at an allowed domain gets an invitation as a practitioner of the domain's agency,
    emailed with a one-use link (`masa.accounts.services.invitation_create`), so the person
    proves the address is theirs and sets a password on the usual acceptance page. Whoever
    already has an account in the partnership, or an invitation still open, is sent nothing new
    and the page says the same as for anyone else: it never reveals who has an account.
    """
    email = email.strip().lower()
    domain = RegistrationDomain.objects.filter(
        partnership=partnership, domain=email.rsplit("@", 1)[-1]
    ).first()
    if domain is None:
        raise ValidationError({"email": EMAIL_NOT_ALLOWED})
    # One registration at a time for the partnership, so two at once cannot both invite.
    Partnership.objects.select_for_update().filter(pk=partnership.pk).first()
    if Membership.objects.filter(partnership=partnership, user__email__iexact=email, is_active=True).exists():
        return
    open_invitation = Invitation.objects.filter(
        partnership=partnership,
        email__iexact=email,
        accepted_at__isnull=True,
        revoked_at__isnull=True,
        expires_at__gt=timezone.now(),
    )
    if open_invitation.exists():
        return
    invitation_create(
        actor=actor,
        partnership=partnership,
        email=email,
        full_name=full_name.strip(),
        role=Role.PRACTITIONER,
        agency=domain.agency,
    )
