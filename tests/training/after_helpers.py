"""Bookings as the register leaves them, made with the ORM, for the tests of what follows a
session (certificates, evaluations, follow-ups)."""

import re
from datetime import timedelta
from html import unescape

from django.urls import reverse
from django.utils import timezone

from masa.training.models import Attendance, Booking, BookingStatus, TrainingSession


def attended_booking(
    w,
    person,
    session: TrainingSession | None = None,
    *,
    attendance: str = Attendance.ATTENDED,
    status: str = BookingStatus.BOOKED,
    manager_email: str = "",
    agency=None,
) -> Booking:
    session = session or w.past
    return Booking.objects.create(
        partnership=w.partnership,
        session=session,
        person=person,
        agency=agency or w.agency,
        booked_by=person,
        status=status,
        requested_at=session.starts_at - timedelta(days=20),
        cancelled_at=timezone.now() if status == BookingStatus.CANCELLED else None,
        attendance=attendance,
        attendance_at=session.ends_at if attendance else None,
        manager_email=manager_email,
    )


def session_weeks_ago(w, weeks: int, *, days: int = 0) -> TrainingSession:
    starts = timezone.now().replace(hour=10, minute=0, second=0, microsecond=0) - timedelta(
        weeks=weeks, days=days
    )
    return TrainingSession.objects.create(
        partnership=w.partnership,
        course=w.course,
        starts_at=starts,
        ends_at=starts + timedelta(hours=3),
        venue="Civic Centre",
        capacity=10,
    )


def url(name: str, w, *args) -> str:
    return reverse(f"training:{name}", args=[w.partnership.slug, *args])


def text_of(response) -> str:
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", response.content.decode())).split())
