"""Invoice lines for one agency and one quarter as a tagged PDF (WeasyPrint, PDF/UA-1), as in
masa.briefings.documents: the partnership, the agency, the quarter, a line per charge (person,
course, session date, reason, amount; a waived line at £0.00 with why), the total, and whom to
ask (docs/domain.md, "21.4 The register and charges")."""

import logging
from dataclasses import dataclass
from decimal import Decimal

from django.template.loader import render_to_string
from django.utils import timezone

from masa.partnership.models import Partnership
from masa.training.models import TrainingPolicy
from masa.training.selectors.charges import AgencyQuarter

# WeasyPrint logs each rendering step at INFO; only its warnings belong in the service's log.
logging.getLogger("weasyprint.progress").setLevel(logging.WARNING)

NOBODY_NAMED = "the partnership's business team"


@dataclass
class InvoiceLine:
    person: str
    course: str
    session_day: str
    reason: str
    amount: Decimal
    waiver_reason: str = ""


def invoice_lines(lines: AgencyQuarter) -> list[InvoiceLine]:
    return [
        InvoiceLine(
            person=str(charge.booking.person),
            course=charge.booking.session.course.title,
            session_day=f"{timezone.localtime(charge.booking.session.starts_at):%-d %B %Y}",
            reason=charge.get_reason_display(),
            amount=Decimal("0.00") if charge.waived_at else charge.amount,
            waiver_reason=charge.waiver_reason if charge.waived_at else "",
        )
        for charge in lines.charges
    ]


def invoice_pdf_bytes(partnership: Partnership, lines: AgencyQuarter, policy: TrainingPolicy) -> bytes:
    # Imported here: WeasyPrint is slow to load and only this download needs it.
    from weasyprint import HTML
    from weasyprint.urls import URLFetcher

    title = f"Training charges to {lines.agency.name}, {lines.quarter}"
    html = render_to_string(
        "training/charges/invoice_pdf.html",
        {
            "partnership": partnership,
            "title": title,
            "group": lines,
            "lines": invoice_lines(lines),
            "total": lines.amount,
            "contact": policy.invoice_contact or NOBODY_NAMED,
        },
    )
    return HTML(string=html, url_fetcher=URLFetcher(allowed_protocols=["data"])).write_pdf(
        pdf_variant="pdf/ua-1"
    )
