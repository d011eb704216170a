"""The business manager asks an agency for assurance; the agency's lead uploads the report; the
Board's chair records that the Board is partly assured, with reasons. axe-core and CSP checks on
every page.

Run with: MASA_TESTING=1 uv run pytest -q -p no:cacheprovider tests/browser/test_assurance_requests_journey.py
"""

import re
from datetime import date, timedelta

from django.utils import timezone
from playwright.sync_api import expect

from masa.accounts.models import Membership
from masa.demo.loader import DEMO_PASSWORD
from masa.partnership.models import Group, Person
from tests.browser.conftest import assert_no_axe_violations, requires_browser
from tests.browser.test_journeys import HOME, SLUG, demo_login, nav, sign_in, sign_in_business_team
from tests.governance.files import pdf_bytes

pytestmark = requires_browser

REQUEST_PAGE = re.compile(r"/p/hounslow/assurance/requests/[0-9a-f-]{36}/$")
SUBJECT = "Neglect: use of the graded care profile"


def checked(page) -> None:
    assert_no_axe_violations(page)


def heading(page, text: str) -> None:
    expect(page.get_by_role("heading", level=1)).to_have_text(text)


def _fill_date(page, prefix: str, day: date) -> None:
    page.locator(f"#id_{prefix}_0").fill(str(day.day))
    page.locator(f"#id_{prefix}_1").fill(str(day.month))
    page.locator(f"#id_{prefix}_2").fill(str(day.year))


def _switch_to(page, login) -> None:
    page.context.clear_cookies()
    sign_in(page, login.email, DEMO_PASSWORD, login.totp_secret)
    page.wait_for_url(f"**{HOME}")


def test_a_request_is_made_answered_and_judged_partly_assured(page, demo):
    lead_login = demo_login(demo, "agency_lead")
    lead = Person.objects.get(partnership__slug=SLUG, email=lead_login.email)
    agency_id = Membership.objects.get(user__email=lead_login.email, partnership__slug=SLUG).agency_id
    chair_login = demo_login(demo, "chair")
    board = Group.objects.get(partnership__slug=SLUG, chair__email=chair_login.email)
    today = timezone.localdate()

    # The business manager sees the demo's overdue request on the home page, then asks for assurance.
    sign_in_business_team(page, demo)
    expect(page.locator("#overdue-assurance-requests")).to_contain_text("Child exploitation")
    nav(page, "Assurance", "Assurance requests")
    heading(page, "Assurance requests")
    checked(page)
    page.get_by_role("button", name="Ask an agency for assurance").click()
    heading(page, "Ask an agency for assurance")
    checked(page)
    page.get_by_label("Agency asked").select_option(str(agency_id))
    page.get_by_label("Subject").fill(SUBJECT)
    page.get_by_label("What the agency is asked to report on").fill(
        "How often the graded care profile is used, and what it changed for children."
    )
    page.get_by_label("Group that asks").select_option(str(board.pk))
    page.get_by_label("Lead person at the agency").select_option(str(lead.pk))
    _fill_date(page, "due_date", today - timedelta(days=1))
    page.get_by_role("button", name="Save the request").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("must be today or in the future")
    expect(page.get_by_label("Subject")).to_have_value(SUBJECT)
    checked(page)
    _fill_date(page, "due_date", today + timedelta(days=42))
    page.get_by_role("button", name="Save the request").click()
    page.wait_for_url(REQUEST_PAGE)
    heading(page, SUBJECT)
    expect(page.locator(".govuk-notification-banner--success")).to_contain_text("saved")
    request_url = page.url
    checked(page)

    # The agency's lead uploads the report; a file that is not a document is refused first.
    _switch_to(page, lead_login)
    page.goto(request_url)
    page.get_by_role("button", name="Upload the report").click()
    heading(page, "Upload the report")
    checked(page)
    upload = page.get_by_label("Upload the report")
    upload.set_input_files(
        {"name": "report.pdf", "mimeType": "application/pdf", "buffer": b"<html>no</html>"}
    )
    page.get_by_role("button", name="Send the report").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("must be a PDF")
    checked(page)
    page.get_by_label("Upload the report").set_input_files(
        {"name": "graded-care-profile.pdf", "mimeType": "application/pdf", "buffer": pdf_bytes()}
    )
    page.get_by_label("Or the report as text").fill("Used in 212 assessments; audit attached.")
    page.get_by_role("button", name="Send the report").click()
    page.wait_for_url(REQUEST_PAGE)
    expect(page.locator("#report + .govuk-summary-list")).to_contain_text("graded-care-profile.pdf")
    checked(page)

    # The Board's chair records the judgement: reasons are required.
    _switch_to(page, chair_login)
    page.goto(request_url)
    page.get_by_role("button", name="Record the judgement").click()
    heading(page, "Record the judgement")
    checked(page)
    page.get_by_role("radio", name="Partly assured").check()
    _fill_date(page, "judged_on", today)
    page.get_by_role("button", name="Record the judgement").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Enter the reasons for the judgement")
    expect(page.get_by_role("radio", name="Partly assured")).to_be_checked()
    checked(page)
    page.get_by_label("Reasons for the judgement").fill(
        "Use has risen, but the report does not yet show what changed for children."
    )
    page.get_by_role("button", name="Record the judgement").click()
    page.wait_for_url(REQUEST_PAGE)
    expect(page.locator("#judgement + .govuk-summary-list")).to_contain_text("Partly assured")
    expect(page.locator(".masa-timeline")).to_contain_text("Judged: Partly assured")
    checked(page)
