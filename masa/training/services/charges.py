"""Charging an agency for a place not used (docs/domain.md, "21.4 The register and charges").

Booking (a late cancellation) and the register (a no-show) both charge through `charge_booking`,
so the amount always comes from the partnership's policy at the time and a booking is charged
at most once.
"""

from datetime import date
from decimal import Decimal

from django.db import transaction

from masa.core.actors import Actor, attributed
from masa.training.models import Booking, Charge, ChargePolicy, ChargeReason, TrainingPolicy


def policy_for(partnership_id: int) -> TrainingPolicy:
    """The partnership's policy, created with masa's defaults the first time it is asked for."""
    policy, _created = TrainingPolicy.objects.get_or_create(partnership_id=partnership_id)
    return policy


def charge_amount(policy: TrainingPolicy, reason: str) -> Decimal:
    return policy.no_show_charge if reason == ChargeReason.NO_SHOW else policy.late_cancellation_charge


@attributed
@transaction.atomic
def charge_booking(*, actor: Actor, booking: Booking, reason: str, on: date) -> Charge | None:
    """Charge the booking's agency for it, by the policy; None when the course is never charged,
    the policy's amount is nothing, or the booking is already charged."""
    if booking.session.course.charge_policy == ChargePolicy.FREE:
        return None
    if Charge.objects.filter(booking=booking).exists():
        return None
    amount = charge_amount(policy_for(booking.partnership_id), reason)
    if amount <= 0:
        return None
    return Charge.objects.create(
        partnership_id=booking.partnership_id,
        booking=booking,
        agency_id=booking.agency_id,
        reason=reason,
        amount=amount,
        charged_on=on,
    )
