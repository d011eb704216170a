"""The charging report as an Excel workbook (masa.core.spreadsheets, formula-safe): a sheet of
totals per agency per quarter, waived charges shown apart, and a sheet of every charge behind
them (docs/domain.md, "21.4 The register and charges")."""

from datetime import date

from django.utils import timezone

from masa.core.spreadsheets import Column, registers_workbook
from masa.training.charging import quarter_of
from masa.training.models import Charge
from masa.training.selectors.charges import AgencyQuarter

TOTAL_COLUMNS: list[Column] = [
    ("Agency", 36, lambda g, today: g.agency.name),
    ("Quarter", 14, lambda g, today: g.quarter),
    ("Charges", 10, lambda g, today: len(g.owed)),
    ("Amount charged (£)", 16, lambda g, today: g.amount),
    ("Charges waived", 12, lambda g, today: len(g.waived)),
    ("Amount waived (£)", 16, lambda g, today: g.waived_amount),
]


def _waived_on(charge: Charge) -> date | None:
    return timezone.localtime(charge.waived_at).date() if charge.waived_at else None


CHARGE_COLUMNS: list[Column] = [
    ("Agency", 36, lambda c, today: c.agency.name),
    ("Quarter", 14, lambda c, today: quarter_of(c.charged_on)),
    ("Charged on", 16, lambda c, today: c.charged_on),
    ("Person", 28, lambda c, today: str(c.booking.person)),
    ("Course", 40, lambda c, today: c.booking.session.course.title),
    ("Session date", 16, lambda c, today: timezone.localtime(c.booking.session.starts_at).date()),
    ("Reason", 28, lambda c, today: c.get_reason_display()),
    ("Amount (£)", 12, lambda c, today: c.amount),
    ("Waived on", 16, lambda c, today: _waived_on(c)),
    ("Why waived", 40, lambda c, today: c.waiver_reason),
    ("Amount due (£)", 14, lambda c, today: 0 if c.waived_at else c.amount),
]


def charges_workbook(totals: list[AgencyQuarter], charges: list[Charge], *, today: date) -> bytes:
    return registers_workbook(
        [("Totals by agency and quarter", TOTAL_COLUMNS, totals), ("Charges", CHARGE_COLUMNS, charges)],
        today=today,
    )
