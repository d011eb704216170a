"""A practitioner books a place on one of Hounslow's coming training sessions (a bad manager's
email refused, then the confirmation shown and the email with its calendar file recorded),
cancels it, and joins the waiting list of the full online session. axe-core and CSP checks on
every page.

Run with: MASA_TESTING=1 uv run pytest -q -p no:cacheprovider tests/browser/test_training_booking_journey.py
"""

import re

from playwright.sync_api import expect

from masa.core.models import SentEmail
from masa.demo.loader import DEMO_PASSWORD
from masa.training.models import Booking, BookingStatus
from tests.browser.conftest import assert_no_axe_violations, requires_browser
from tests.browser.test_journeys import demo_login, nav, sign_in

pytestmark = requires_browser


def checked(page) -> None:
    assert_no_axe_violations(page)


def test_practitioner_books_cancels_and_joins_a_waiting_list(page, demo):
    login = demo_login(demo, "practitioner")
    sign_in(page, login.email, DEMO_PASSWORD, login.totp_secret)
    nav(page, "Training", "Coming training")
    expect(page.get_by_role("heading", level=1)).to_have_text("Training")
    checked(page)

    page.get_by_role("link", name=re.compile(r"^Neglect: recognising it early")).first.click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Neglect")
    checked(page)
    page.get_by_label("Your manager's email address (optional)").fill("not an email")
    page.get_by_role("button", name="Book a place").click()
    expect(page.locator(".govuk-error-summary")).to_be_visible()
    checked(page)
    page.get_by_label("Your manager's email address (optional)").fill("team.manager@hounslow.example.org")
    page.get_by_role("button", name="Book a place").click()
    expect(page.locator(".govuk-notification-banner--success")).to_contain_text("Your place is booked")
    expect(page.get_by_text("You have a place on this session.")).to_be_visible()
    checked(page)
    booking = Booking.objects.get(person__email=login.email, status=BookingStatus.BOOKED)
    assert booking.manager_email == "team.manager@hounslow.example.org"
    sent = SentEmail.objects.get(reference=str(booking.uuid), category="training_booked")
    assert sent.to == login.email and sent.attachments.endswith(".ics")

    page.get_by_role("button", name="Cancel my place").click()
    expect(page.locator(".govuk-notification-banner--success")).to_contain_text("Booking cancelled")
    checked(page)
    booking.refresh_from_db()
    assert booking.status == BookingStatus.CANCELLED

    # The small online education session is full, with two people waiting already.
    nav(page, "Training", "Coming training")
    page.get_by_role("link", name=re.compile(r"^Vulnerable children in education")).first.click()
    expect(page.get_by_text("None: the session is full")).to_be_visible()
    page.get_by_role("button", name="Join the waiting list").click()
    expect(page.locator(".govuk-notification-banner--success")).to_contain_text("You are number 3")
    checked(page)
