"""The certificate of attendance as a PDF (docs/domain.md, "21.5 Certificates, evaluation and
impact").

It carries the attendee's name, the course, the session's date, the CPD hours, the
partnership's name and the certificate's number (the booking's own id), with a line saying how a
manager can check it. Tagged PDF/UA for screen readers; WeasyPrint fetches nothing from the
network.
"""

import logging
from dataclasses import dataclass

from django.template.loader import render_to_string
from django.utils import timezone

from masa.core.dates import long_date
from masa.training.models import Booking
from masa.training.services.charges import policy_for

# WeasyPrint logs each rendering step at INFO; only its warnings belong in the service's log.
logging.getLogger("weasyprint.progress").setLevel(logging.WARNING)


@dataclass(frozen=True)
class Certificate:
    partnership: str
    name: str
    course: str
    day: str
    cpd_hours: str
    trainer: str
    number: str
    check: str

    @property
    def title(self) -> str:
        return f"Certificate of attendance: {self.course}"


def certificate_for(booking: Booking) -> Certificate:
    session = booking.session
    course = session.course
    partnership = booking.partnership.name
    contact = policy_for(booking.partnership_id).invoice_contact.strip()
    check = f"To check this certificate, give its number to the training coordinator of {partnership}" + (
        f" ({contact})." if contact else "."
    )
    return Certificate(
        partnership=partnership,
        name=booking.person.full_name or booking.person.email,
        course=course.title,
        day=long_date(timezone.localdate(session.starts_at)),
        cpd_hours=f"{course.cpd_hours.normalize():f}",
        trainer=session.trainer or course.trainer,
        number=str(booking.uuid),
        check=check,
    )


def certificate_filename(booking: Booking) -> str:
    day = timezone.localdate(booking.session.starts_at)
    return f"certificate-{booking.session.course.slug}-{day:%Y-%m-%d}.pdf"


def certificate_pdf(booking: Booking) -> bytes:
    # Imported here: WeasyPrint is slow to load and only this download needs it.
    from weasyprint import HTML
    from weasyprint.urls import URLFetcher

    html = render_to_string("training/after/certificate_pdf.html", {"certificate": certificate_for(booking)})
    return HTML(string=html, url_fetcher=URLFetcher(allowed_protocols=["data"])).write_pdf(
        pdf_variant="pdf/ua-1"
    )
