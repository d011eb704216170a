"""A booked training session as iCalendar (.ics), attached to the booking emails
(docs/domain.md, "21.3 Booking, the waiting list and registering")."""

from django.conf import settings
from django.urls import reverse

from masa.core.ics import CalendarEvent, calendar_text
from masa.training.models import Booking, BookingStatus, SessionStatus


def session_url(booking: Booking) -> str:
    """The session's page inside masa, where the person sees and cancels their place."""
    session = booking.session
    return settings.SITE_URL + reverse("training:session", args=[session.partnership.slug, session.uuid])


def booking_ics(booking: Booking) -> str:
    """One event: the session, at its venue or with its online link. The uid is the booking's, so
    a calendar that imports a later copy (a cancellation) replaces the first."""
    session = booking.session
    description = [session.course.summary]
    if session.online_link:
        description.append(f"Join online: {session.online_link}")
    event = CalendarEvent(
        uid=str(booking.uuid),
        summary=session.course.title,
        starts_at=session.starts_at,
        ends_at=session.ends_at,
        stamp=booking.updated_at or session.starts_at,
        location=session.venue,
        description="\n\n".join(description),
        url=session_url(booking),
        cancelled=session.status == SessionStatus.CANCELLED or booking.status == BookingStatus.CANCELLED,
    )
    return calendar_text("training", [event])
