"""Reads of the register (docs/domain.md, "21.4 The register and charges"): the coordinator's
sessions and their booked people, with each person's agency and any charge."""

from datetime import date, datetime, time, timedelta
from typing import Any

from django.db.models import Count, Q
from django.utils import timezone

from masa.partnership.models import Partnership
from masa.training.models import Booking, BookingStatus, SessionStatus, TrainingSession


def session_get(partnership: Partnership, uuid: Any) -> TrainingSession | None:
    return TrainingSession.objects.filter(partnership=partnership, uuid=uuid).select_related("course").first()


def register_rows(session: TrainingSession) -> list[Booking]:
    """Everyone booked on the session (not the waiting list, not cancelled), by name."""
    return list(
        Booking.objects.filter(session=session, status=BookingStatus.BOOKED)
        .select_related("person", "agency", "charge", "attendance_by")
        .order_by("person__full_name", "pk")
    )


def booking_on_register(session: TrainingSession, uuid: Any) -> Booking | None:
    return (
        Booking.objects.filter(session=session, status=BookingStatus.BOOKED, uuid=uuid)
        .select_related("person", "agency", "session")
        .first()
    )


def registers_to_take(partnership: Partnership, today: date) -> list[TrainingSession]:
    """Sessions from today back, not cancelled, with someone booked whose attendance is not
    recorded yet (each with `unmarked`, how many), the latest first."""
    ends = timezone.make_aware(datetime.combine(today + timedelta(days=1), time.min))
    return list(
        TrainingSession.objects.filter(
            partnership=partnership, status=SessionStatus.SCHEDULED, starts_at__lt=ends
        )
        .annotate(
            unmarked=Count(
                "bookings", filter=Q(bookings__status=BookingStatus.BOOKED, bookings__attendance="")
            )
        )
        .filter(unmarked__gt=0)
        .select_related("course")
        .order_by("-starts_at", "pk")
    )
