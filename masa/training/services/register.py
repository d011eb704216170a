"""The register of a training session (docs/domain.md, "21.4 The register and charges").

The training coordinator records who came, on the day of the session or after it, for the
trainer. Each booked person is marked once: attended, attended late, or did not attend; a
no-show is charged to their agency by the partnership's policy. A mark is changed only by a
correction, which needs a reason (kept in the audit log); correcting a no-show to attended
waives its charge with that reason. Each service is atomic and changes nothing when it refuses.
"""

from collections.abc import Mapping
from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from masa.core.actors import Actor, attributed, user_or_none
from masa.core.dates import long_date
from masa.training.models import (
    Attendance,
    Booking,
    BookingStatus,
    ChargeReason,
    SessionStatus,
    TrainingSession,
)
from masa.training.services.after import send_after_session_emails
from masa.training.services.charges import charge_booking, waive_for_correction

SESSION_CANCELLED = "The session was cancelled: there is no register to take"
NOT_YET = "You can take the register from {day}, the day of the session"
NOTHING_MARKED = "Select whether each person attended"
NOT_ON_REGISTER = "The register lists only the people booked on this session"
ATTENDANCE_UNKNOWN = "Select whether {name} attended, attended late or did not attend"
ALREADY_MARKED = (
    "{name}'s attendance is already recorded as {attendance}: correct it instead of marking it again"
)
NOT_MARKED_YET = "{name}'s attendance is not recorded yet: take the register instead"
SAME_ATTENDANCE = "{name}'s attendance is already recorded as {attendance}"
REASON_NEEDED = "Enter why the attendance is corrected"


def session_day(session: TrainingSession) -> date:
    """The session's day in London, from which its register may be taken."""
    return timezone.localtime(session.starts_at).date()


def register_refusal(session: TrainingSession, today: date) -> str | None:
    """Why the session's register cannot be taken today, or None when it can."""
    if session.status == SessionStatus.CANCELLED:
        return SESSION_CANCELLED
    if today < session_day(session):
        return NOT_YET.format(day=long_date(session_day(session)))
    return None


def mark_field(booking: Booking) -> str:
    """The register form's question (and the error's key) for one booked person."""
    return f"booking_{booking.pk}"


def _name(booking: Booking) -> str:
    return str(booking.person)


@attributed
@transaction.atomic
def record_attendance(*, actor: Actor, session: TrainingSession, marks: Mapping[int, str]) -> list[Booking]:
    """Mark each booked person given by booking id; return those marked attended or late (who are
    sent their certificate and evaluation form). A no-show is charged. Refused, with nothing
    changed: a cancelled session, before the session's day, a booking not on this session's
    register, an unknown attendance, or a person already marked (a correction is separate)."""
    today = timezone.localdate()
    refusal = register_refusal(session, today)
    if refusal:
        raise ValidationError({"session": refusal})
    if not marks:
        raise ValidationError({"session": NOTHING_MARKED})
    bookings = {
        b.pk: b
        for b in Booking.objects.select_for_update()
        .filter(pk__in=list(marks), session=session, status=BookingStatus.BOOKED)
        .select_related("person")
    }
    errors: dict[str, str] = {}
    if len(bookings) != len(marks):
        errors["session"] = NOT_ON_REGISTER
    for pk, booking in bookings.items():
        attendance = marks[pk]
        if booking.attendance:
            errors[mark_field(booking)] = ALREADY_MARKED.format(
                name=_name(booking), attendance=booking.get_attendance_display().lower()
            )
        elif attendance not in Attendance.values:
            errors[mark_field(booking)] = ATTENDANCE_UNKNOWN.format(name=_name(booking))
    if errors:
        raise ValidationError(errors)
    now, by = timezone.now(), user_or_none(actor)
    came: list[Booking] = []
    for pk, booking in bookings.items():
        booking.attendance, booking.attendance_by, booking.attendance_at = marks[pk], by, now
        booking.save(update_fields=["attendance", "attendance_by", "attendance_at", "updated_at"])
        if booking.attended:
            came.append(booking)
        else:
            charge_booking(actor=actor, booking=booking, reason=ChargeReason.NO_SHOW, on=today)
    # Those who came are sent their certificate and the evaluation form straight away.
    send_after_session_emails(actor=actor, bookings=came)
    return came


@attributed
@transaction.atomic
def correct_attendance(*, actor: Actor, booking: Booking, attendance: str, reason: str) -> Booking:
    """Change a recorded mark, with the reason (kept in the audit log). A no-show corrected to
    attended has its charge waived with the reason; an attendee corrected to a no-show is charged
    (unless a charge was made before: a waived charge stays waived)."""
    reason = reason.strip()
    booking = Booking.objects.select_for_update().select_related("person", "session").get(pk=booking.pk)
    errors: dict[str, str] = {}
    if not booking.attendance:
        errors["attendance"] = NOT_MARKED_YET.format(name=_name(booking))
    elif attendance not in Attendance.values:
        errors["attendance"] = ATTENDANCE_UNKNOWN.format(name=_name(booking))
    elif attendance == booking.attendance:
        errors["attendance"] = SAME_ATTENDANCE.format(
            name=_name(booking), attendance=booking.get_attendance_display().lower()
        )
    if not reason:
        errors["reason"] = REASON_NEEDED
    if errors:
        raise ValidationError(errors)
    was_no_show = booking.attendance == Attendance.NO_SHOW
    booking.attendance, booking.attendance_by, booking.attendance_at = (
        attendance,
        user_or_none(actor),
        timezone.now(),
    )
    booking.change_reason = reason
    booking.save(update_fields=["attendance", "attendance_by", "attendance_at", "updated_at"])
    if was_no_show:
        waive_for_correction(actor=actor, booking=booking, reason=reason)
    elif attendance == Attendance.NO_SHOW:
        charge_booking(actor=actor, booking=booking, reason=ChargeReason.NO_SHOW, on=timezone.localdate())
    return booking
