"""Reads of the register (docs/domain.md, "21.4 The register and charges"): the coordinator's
sessions and their booked people, with each person's agency and any charge."""

from typing import Any

from masa.partnership.models import Partnership
from masa.training.models import Booking, BookingStatus, TrainingSession


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
