"""A booked training session as iCalendar (.ics), attached to the booking emails
(docs/domain.md, "21.3 Booking, the waiting list and registering")."""

from django.conf import settings
from django.urls import reverse
from icalendar import Calendar, Event

from masa.training.models import Booking, SessionStatus


def session_url(booking: Booking) -> str:
    """The session's page inside masa, where the person sees and cancels their place."""
    session = booking.session
    return settings.SITE_URL + reverse("training:session", args=[session.partnership.slug, session.uuid])


def booking_ics(booking: Booking) -> str:
    """One event: the session, at its venue or with its online link. The uid is the booking's, so
    a calendar that imports a later copy (a cancellation) replaces the first."""
    session = booking.session
    calendar = Calendar()
    calendar.add("prodid", "-//masa//training//EN")
    calendar.add("version", "2.0")
    calendar.add("method", "PUBLISH")
    event = Event()
    event.add("uid", f"{booking.uuid}@masa")
    event.add("summary", session.course.title)
    event.add("dtstart", session.starts_at)
    event.add("dtend", session.ends_at)
    event.add("dtstamp", booking.updated_at or session.starts_at)
    if session.venue:
        event.add("location", session.venue)
    description = [session.course.summary]
    if session.online_link:
        description.append(f"Join online: {session.online_link}")
    event.add("description", "\n\n".join(description))
    event.add("url", session_url(booking))
    cancelled = session.status == SessionStatus.CANCELLED or booking.status == "cancelled"
    event.add("status", "CANCELLED" if cancelled else "CONFIRMED")
    calendar.add_component(event)
    return calendar.to_ical().decode()
