"""The training programme as a PDF brochure (docs/domain.md, "21.2 Courses, sessions and the
public calendar"): every published course with what it covers and its coming sessions, built from
the same records as the public calendar, for agencies to print or pass on."""

import logging

from django.template.loader import render_to_string
from django.utils import timezone

from masa.core.dates import long_date
from masa.partnership.models import Partnership
from masa.training.selectors.calendar import BrochureCourse

# WeasyPrint logs each rendering step at INFO; only its warnings belong in the service's log.
logging.getLogger("weasyprint.progress").setLevel(logging.WARNING)


def brochure_title(partnership: Partnership) -> str:
    return f"Multi-agency safeguarding training: {partnership.name}"


def brochure_pdf(partnership: Partnership, courses: list[BrochureCourse], *, calendar_url: str) -> bytes:
    # Imported here: WeasyPrint is slow to load and only this download needs it.
    from weasyprint import HTML
    from weasyprint.urls import URLFetcher

    html = render_to_string(
        "training/calendar/brochure_pdf.html",
        {
            "partnership": partnership,
            "title": brochure_title(partnership),
            "courses": courses,
            "made_on": long_date(timezone.localdate()),
            "calendar_url": calendar_url,
        },
    )
    return HTML(string=html, url_fetcher=URLFetcher(allowed_protocols=["data"])).write_pdf(
        pdf_variant="pdf/ua-1"
    )
