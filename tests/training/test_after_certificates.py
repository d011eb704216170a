"""Certificates (docs/domain.md, "21.5 Certificates, evaluation and impact"): the attendee's own
list with CPD hours and the year's total, the PDF's text, no certificate for a no-show, a
cancelled or a future booking, someone else's is not found, the coordinator downloads anyone's."""

from io import BytesIO

from auditlog.models import LogEntry
from django.utils import timezone
from pypdf import PdfReader

from masa.core.dates import long_date
from masa.training.models import Attendance, BookingStatus
from masa.training.selectors.after import partnership_year
from tests.training.after_helpers import attended_booking, session_weeks_ago, text_of, url


def pdf_text(response) -> str:
    assert response["Content-Type"] == "application/pdf"
    reader = PdfReader(BytesIO(response.content))
    return " ".join(" ".join(page.extract_text().split()) for page in reader.pages)


def test_my_certificates_lists_attended_sessions_with_cpd_hours_and_the_year_total(client, w):
    attended = attended_booking(w, w.practitioner)
    late = attended_booking(w, w.practitioner, session_weeks_ago(w, 2), attendance=Attendance.LATE)
    attended_booking(w, w.practitioner, session_weeks_ago(w, 3), attendance=Attendance.NO_SHOW)
    attended_booking(w, w.colleague)  # someone else's
    client.force_login(w.practitioner)
    response = client.get(url("certificate_list", w))
    assert response.status_code == 200
    text = text_of(response)
    assert text.count("Download the certificate") == 2
    years = {partnership_year(timezone.localdate(s.starts_at)) for s in (w.past, late.session)}
    if len(years) == 1:  # both in this partnership year (unless today is early in April)
        assert f"Partnership year {years.pop()}: 6 CPD hours" in text
    else:
        assert all(f"Partnership year {year}: 3 CPD hours" in text for year in years)
    assert url("certificate_download", w, attended.uuid) in response.content.decode()
    assert url("evaluation", w, attended.uuid) in response.content.decode()


def test_no_certificates_yet(client, w):
    client.force_login(w.colleague)
    assert "You have no certificates yet" in text_of(client.get(url("certificate_list", w)))


def test_the_certificate_pdf_names_the_person_course_date_hours_partnership_and_number(client, w):
    booking = attended_booking(w, w.practitioner)
    client.force_login(w.practitioner)
    response = client.get(url("certificate_download", w, booking.uuid))
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    text = pdf_text(response)
    for expected in (
        w.practitioner.full_name,
        w.course.title,
        "CPD hours 3",
        w.partnership.name,
        str(booking.uuid),
        "To check this certificate",
    ):
        assert expected in text, expected
    assert long_date(timezone.localdate(w.past.starts_at)) in text
    # Tagged for screen readers (PDF/UA-1).
    metadata = PdfReader(BytesIO(response.content)).xmp_metadata
    assert b"pdfuaid" in metadata.stream.get_data()


def test_no_certificate_for_a_no_show_a_cancelled_or_a_future_booking(client, w):
    no_show = attended_booking(w, w.practitioner, attendance=Attendance.NO_SHOW)
    cancelled = attended_booking(w, w.colleague, status=BookingStatus.CANCELLED)
    future = attended_booking(w, w.other_practitioner, w.coming, agency=w.other_agency)
    for person, booking in (
        (w.practitioner, no_show),
        (w.colleague, cancelled),
        (w.other_practitioner, future),
    ):
        client.force_login(person)
        response = client.get(url("certificate_download", w, booking.uuid))
        assert response.status_code == 404
        assert "There is no certificate for this booking" in text_of(response)


def test_someone_elses_certificate_is_not_found(client, w, other):
    booking = attended_booking(w, w.practitioner)
    for user in (w.colleague, w.agency_lead, w.lsp):
        client.force_login(user)
        response = client.get(url("certificate_download", w, booking.uuid))
        assert response.status_code == 404
        assert "There is no certificate" not in text_of(response)
    client.force_login(other.business_team)  # not a member of this partnership
    assert client.get(url("certificate_download", w, booking.uuid)).status_code == 404
    assert client.get(url("certificate_download", other, booking.uuid)).status_code == 404


def test_the_coordinator_downloads_anyones_certificate_and_the_read_is_recorded(client, w):
    booking = attended_booking(w, w.practitioner)
    client.force_login(w.business_team)
    response = client.get(url("certificate_download", w, booking.uuid))
    assert response.status_code == 200
    assert w.practitioner.full_name in pdf_text(response)
    read = LogEntry.objects.get(action=LogEntry.Action.ACCESS, object_pk=str(booking.pk))
    assert read.actor == w.business_team


def test_partnership_years_run_from_april():
    from datetime import date

    assert partnership_year(date(2024, 3, 31)) == "2023-24"
    assert partnership_year(date(2024, 4, 1)) == "2024-25"
