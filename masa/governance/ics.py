"""Meetings as iCalendar (.ics) for invitations and personal calendar feeds."""

from collections.abc import Iterable

from django.conf import settings
from django.urls import reverse
from icalendar import Calendar, Event

from masa.governance.models import Meeting, MeetingStatus


def meeting_ics(meetings: Iterable[Meeting]) -> str:
    calendar = Calendar()
    calendar.add("prodid", "-//masa//meetings//EN")
    calendar.add("version", "2.0")
    calendar.add("method", "PUBLISH")
    for meeting in meetings:
        event = Event()
        event.add("uid", f"{meeting.uuid}@masa")
        event.add("summary", meeting.group.name)
        event.add("dtstart", meeting.starts_at)
        event.add("dtend", meeting.ends_at)
        event.add("dtstamp", meeting.updated_at or meeting.starts_at)
        if meeting.location:
            event.add("location", meeting.location)
        event.add(
            "url",
            settings.SITE_URL
            + reverse("governance:meeting_detail", args=[meeting.partnership.slug, meeting.uuid]),
        )
        event.add("status", "CANCELLED" if meeting.status == MeetingStatus.CANCELLED else "CONFIRMED")
        calendar.add_component(event)
    return calendar.to_ical().decode()
