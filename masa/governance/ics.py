"""Meetings as iCalendar (.ics) for invitations and personal calendar feeds."""

from collections.abc import Iterable

from django.conf import settings
from django.urls import reverse

from masa.core.ics import CalendarEvent, calendar_text
from masa.governance.models import Meeting, MeetingStatus


def meeting_ics(meetings: Iterable[Meeting]) -> str:
    return calendar_text(
        "meetings",
        (
            CalendarEvent(
                uid=str(meeting.uuid),
                summary=meeting.group.name,
                starts_at=meeting.starts_at,
                ends_at=meeting.ends_at,
                stamp=meeting.updated_at or meeting.starts_at,
                location=meeting.location,
                url=settings.SITE_URL
                + reverse("governance:meeting_detail", args=[meeting.partnership.slug, meeting.uuid]),
                cancelled=meeting.status == MeetingStatus.CANCELLED,
            )
            for meeting in meetings
        ),
    )
