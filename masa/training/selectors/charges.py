"""Reads of the charges for places not used (docs/domain.md, "21.4 The register and charges").

The training coordinator sees every agency's charges; an agency lead only their own agency's
(their membership's agency). A charge outside the reader's scope reads as absent (404). Charges
are grouped by the partnership year's quarter (masa.training.charging.quarter_of) of the day
they were made.
"""

import re
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

from django.db.models import QuerySet

from masa.assurance.rules import user_agency_id
from masa.partnership.models import Agency, Partnership, PartnershipAgency
from masa.training.charging import quarter_of
from masa.training.models import Charge
from masa.training.rules import MANAGE_TRAINING

QUARTER_LABEL = re.compile(r"^(\d{4})-(\d{2})[ -][Qq]([1-4])$")


def quarter_bounds(label: str) -> tuple[date, date] | None:
    """The first and last day of a quarter named as quarter_of names it ("2023-24 Q4"), or as
    its address form ("2023-24-q4"); None for anything else."""
    match = QUARTER_LABEL.match(label.strip())
    if not match:
        return None
    start_year, end_year, quarter = int(match[1]), int(match[2]), int(match[3])
    if (start_year + 1) % 100 != end_year:
        return None
    month = 4 + (quarter - 1) * 3
    year = start_year + (month - 1) // 12
    month = (month - 1) % 12 + 1
    start = date(year, month, 1)
    end_month = month + 3
    end = date(year + (end_month - 1) // 12, (end_month - 1) % 12 + 1, 1)
    return start, date.fromordinal(end.toordinal() - 1)


def quarter_slug(label: str) -> str:
    """A quarter's label in an address: "2023-24 Q4" becomes "2023-24-q4"."""
    return label.replace(" ", "-").lower()


def sees_every_agency(user: Any, partnership: Partnership) -> bool:
    return user.has_perm(MANAGE_TRAINING, partnership)


def charge_scope(user: Any, partnership: Partnership) -> QuerySet[Charge]:
    """Every charge for the coordinator; the agency lead's own agency's; nothing otherwise."""
    charges = Charge.objects.filter(partnership=partnership)
    if sees_every_agency(user, partnership):
        return charges
    agency_id = user_agency_id(user, partnership.pk)
    return charges.filter(agency_id=agency_id) if agency_id is not None else charges.none()


def agencies_seen(user: Any, partnership: Partnership) -> list[Agency]:
    """The agencies whose charges the user may see, for the filter and the invoices."""
    if sees_every_agency(user, partnership):
        return list(Agency.objects.filter(memberships__partnership=partnership).order_by("name").distinct())
    agency_id = user_agency_id(user, partnership.pk)
    return list(Agency.objects.filter(pk=agency_id)) if agency_id is not None else []


def own_agency_record(user: Any, partnership: Partnership) -> PartnershipAgency | None:
    """The agency lead's agency's place in the partnership (what their reads are recorded against)."""
    agency_id = user_agency_id(user, partnership.pk)
    if agency_id is None:
        return None
    return PartnershipAgency.objects.filter(partnership=partnership, agency_id=agency_id).first()


def charge_list(
    user: Any, partnership: Partnership, *, quarter: str = "", agency: Agency | None = None
) -> list[Charge]:
    """The charges the user may see, oldest first, narrowed to a quarter and an agency."""
    charges = charge_scope(user, partnership)
    bounds = quarter_bounds(quarter) if quarter else None
    if bounds:
        charges = charges.filter(charged_on__range=bounds)
    if agency is not None:
        charges = charges.filter(agency=agency)
    return list(
        charges.select_related("agency", "booking__person", "booking__session__course", "waived_by").order_by(
            "agency__name", "charged_on", "pk"
        )
    )


def charge_get(user: Any, partnership: Partnership, uuid: Any) -> Charge | None:
    return (
        charge_scope(user, partnership)
        .select_related("agency", "booking__person", "booking__session__course")
        .filter(uuid=uuid)
        .first()
    )


def quarters_with_charges(user: Any, partnership: Partnership, today: date) -> list[str]:
    """Every quarter in which the user can see a charge, and this quarter, newest first."""
    days = charge_scope(user, partnership).values_list("charged_on", flat=True).distinct()
    labels = {quarter_of(day) for day in days} | {quarter_of(today)}
    return sorted(labels, reverse=True)


@dataclass
class AgencyQuarter:
    """One agency's charges in one quarter: what it owes, and what was waived, shown apart."""

    agency: Agency
    quarter: str
    charges: list[Charge] = field(default_factory=list)

    @property
    def owed(self) -> list[Charge]:
        return [c for c in self.charges if c.waived_at is None]

    @property
    def waived(self) -> list[Charge]:
        return [c for c in self.charges if c.waived_at is not None]

    @property
    def amount(self) -> Decimal:
        return sum((c.amount for c in self.owed), Decimal("0.00"))

    @property
    def waived_amount(self) -> Decimal:
        return sum((c.amount for c in self.waived), Decimal("0.00"))

    @property
    def slug(self) -> str:
        return quarter_slug(self.quarter)


def totals(charges: list[Charge]) -> list[AgencyQuarter]:
    """The charges grouped per agency per quarter, by agency then the newest quarter first."""
    groups: dict[tuple[int, str], AgencyQuarter] = {}
    for charge in charges:
        quarter = quarter_of(charge.charged_on)
        key = (charge.agency_id, quarter)
        if key not in groups:
            groups[key] = AgencyQuarter(agency=charge.agency, quarter=quarter)
        groups[key].charges.append(charge)
    ordered = sorted(groups.values(), key=lambda g: g.quarter, reverse=True)
    return sorted(ordered, key=lambda g: g.agency.name)


def invoice(user: Any, partnership: Partnership, agency_uuid: Any, quarter: str) -> AgencyQuarter | None:
    """One agency's charges in one quarter, if the user may see that agency's; None otherwise
    (an agency lead asking for another agency's invoice is told it is not found)."""
    if quarter_bounds(quarter) is None:
        return None
    agency = next((a for a in agencies_seen(user, partnership) if str(a.uuid) == str(agency_uuid)), None)
    if agency is None:
        return None
    label = quarter_of(quarter_bounds(quarter)[0])  # type: ignore[index]
    return AgencyQuarter(
        agency=agency, quarter=label, charges=charge_list(user, partnership, quarter=label, agency=agency)
    )
