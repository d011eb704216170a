"""After a training session (docs/domain.md, "21.5 Certificates, evaluation and impact"): a
practitioner downloads their certificate from "My certificates" and sends an evaluation (a
missing score is refused, the answers kept); a manager answers the impact follow-up from the
emailed one-use link, which then cannot be used again; the training coordinator reads the
course's impact summary with its chart and table. axe-core and CSP checks on every page.

Run with: MASA_TESTING=1 uv run pytest -q -p no:cacheprovider tests/browser/test_training_after_journey.py
"""

import re
from datetime import timedelta
from io import BytesIO
from pathlib import Path

from django.core import mail
from django.utils import timezone
from playwright.sync_api import expect
from pypdf import PdfReader

from masa.accounts.models import User
from masa.demo.loader import DEMO_PASSWORD
from masa.partnership.models import Partnership
from masa.training.models import Attendance, Booking, BookingStatus, Course, Evaluation, TrainingSession
from masa.training.services.after import send_training_follow_ups
from tests.browser.conftest import assert_no_axe_violations, requires_browser
from tests.browser.test_journeys import demo_login, sign_in, sign_in_business_team
from tests.factories import SETUP

pytestmark = requires_browser

SLUG = "hounslow"
COURSE = "neglect-quality-of-care"


def checked(page) -> None:
    assert_no_axe_violations(page)


def heading(page, text: str) -> None:
    expect(page.get_by_role("heading", level=1)).to_have_text(text)


def attended(course: Course, person: User, days_ago: int, **fields) -> Booking:
    """A session of the course `days_ago` days back that the person attended (the register's work)."""
    starts = timezone.now().replace(hour=9, minute=30, second=0, microsecond=0) - timedelta(days=days_ago)
    session = TrainingSession.objects.create(
        partnership=course.partnership,
        course=course,
        starts_at=starts,
        ends_at=starts + timedelta(hours=3),
        venue="Hounslow House",
        capacity=12,
    )
    return Booking.objects.create(
        partnership=course.partnership,
        session=session,
        person=person,
        agency=person.memberships.get(partnership=course.partnership).agency,
        booked_by=person,
        status=BookingStatus.BOOKED,
        requested_at=starts - timedelta(days=14),
        attendance=Attendance.ATTENDED,
        attendance_at=session.ends_at,
        **fields,
    )


def test_certificate_evaluation_follow_up_and_impact(page, new_page, demo):
    hounslow = Partnership.objects.get(slug=SLUG)
    course = Course.objects.get(partnership=hounslow, slug=COURSE)
    login = demo_login(demo, "practitioner")
    practitioner = User.objects.get(email=login.email)
    recent = attended(course, practitioner, days_ago=2)
    attended(course, practitioner, days_ago=43, manager_email="team.manager@example.org")

    # The practitioner downloads the certificate and evaluates the session.
    sign_in(page, login.email, DEMO_PASSWORD, login.totp_secret)
    page.wait_for_url(f"**/p/{SLUG}/")
    page.goto(f"/p/{SLUG}/training/certificates/")
    heading(page, "My certificates")
    expect(page.get_by_role("main")).to_contain_text(course.title)
    checked(page)
    day = f"{timezone.localdate(recent.session.starts_at):%-d %B %Y}"
    with page.expect_download() as download_info:
        page.get_by_role("link", name=f"Download the certificate for {course.title}, {day} (PDF)").click()
    pdf = PdfReader(BytesIO(Path(download_info.value.path()).read_bytes()))
    text = " ".join(" ".join(p.extract_text().split()) for p in pdf.pages)
    assert practitioner.full_name in text and f"CPD hours {course.cpd_hours.normalize():f}" in text
    assert str(recent.uuid) in text

    page.get_by_role("link", name=f"Evaluate the session {course.title}, {day}").click()
    heading(page, "Evaluate the session")
    checked(page)
    page.get_by_role("group", name="How confident were you in this subject before the session?").get_by_label(
        "2 – A little confident"
    ).check()
    page.get_by_role("group", name="How confident are you in this subject after the session?").get_by_label(
        "4 – Confident"
    ).check()
    page.get_by_label("What was most useful?").fill("Practising the neglect toolkit on a real case")
    page.get_by_role("button", name="Send your evaluation").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text(
        "Select a number from 1 to 5 for how useful the session was"
    )
    expect(page.get_by_label("What was most useful?")).to_have_value(
        "Practising the neglect toolkit on a real case"
    )
    checked(page)
    page.get_by_label("5 – Very useful").check()
    page.get_by_role("button", name="Send your evaluation").click()
    heading(page, "My certificates")
    expect(page.locator(".govuk-notification-banner")).to_contain_text("your evaluation of")
    checked(page)
    assert Evaluation.objects.get(booking=recent).usefulness == 5

    # The daily job asks the earlier session's manager about its impact; the manager answers.
    mail.outbox.clear()
    send_training_follow_ups(actor=SETUP)
    to_manager = next(m for m in mail.outbox if m.to == ["team.manager@example.org"])
    link = re.search(
        r"https?://\S+(/partnerships/hounslow/training/follow-up/[^/\s]+/)", to_manager.body
    ).group(1)
    manager = new_page()
    manager.goto(link)
    heading(manager, "What has changed since the training?")
    expect(manager.get_by_role("main")).not_to_contain_text(practitioner.full_name)
    checked(manager)
    manager.get_by_label("What has changed in practice since the training?").fill(
        "Chronologies now start at the first visit, not after a referral"
    )
    manager.get_by_role("radio", name="Yes").check()
    manager.get_by_role("button", name="Send your answer").click()
    heading(manager, "Thank you for your answer")
    checked(manager)
    manager.goto(link)
    heading(manager, "Already answered")
    checked(manager)

    # The coordinator reads the course's impact summary.
    coordinator = new_page()
    sign_in_business_team(coordinator, demo)
    coordinator.goto(f"/p/{SLUG}/training/courses/{COURSE}/impact/")
    heading(coordinator, f"Impact of {course.title}")
    expect(coordinator.locator("svg[role=img]")).to_have_count(1)
    expect(coordinator.get_by_role("table")).to_contain_text(day)
    expect(coordinator.get_by_role("main")).to_contain_text("Chronologies now start at the first visit")
    expect(coordinator.get_by_role("main")).not_to_contain_text(practitioner.full_name)
    checked(coordinator)
