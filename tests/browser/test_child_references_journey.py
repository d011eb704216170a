"""The business manager sets the partnership's child reference pattern, is stopped from naming a
child or giving a date of birth, corrects and removes a child with a reason, and sees the GOV.UK
character count on the incident summary; axe-core checks every page."""

import re

from django.utils import timezone
from playwright.sync_api import expect

from tests.browser.conftest import assert_no_axe_violations, requires_browser
from tests.browser.test_incidents_journey import _fill_date
from tests.browser.test_journeys import sign_in_business_team

pytestmark = requires_browser
INCIDENT_PAGE = re.compile(r"/incidents/[0-9a-f-]{36}/$")


def _error_summary(page, message: str) -> None:
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_be_visible()
    expect(summary).to_contain_text(message)
    assert_no_axe_violations(page)


def test_child_references_stay_pseudonymous_and_can_be_corrected(page, demo):
    sign_in_business_team(page, demo)
    page.get_by_role("link", name="Serious incidents").click()
    page.wait_for_url("**/incidents/")

    # The reference pattern: an invalid regular expression is a GOV.UK error.
    page.get_by_role("link", name="Incident settings: the pattern of child references").click()
    assert_no_axe_violations(page)
    page.get_by_label("Child reference pattern").fill("Child [A-Z")
    page.get_by_role("button", name="Save the settings").click()
    _error_summary(page, "The reference pattern must be a valid regular expression")
    expect(page.get_by_label("Child reference pattern")).to_have_value("Child [A-Z")
    page.get_by_label("Child reference pattern").fill(r"SI-\d{4}-\d{2}-C\d")
    page.get_by_role("button", name="Save the settings").click()
    page.wait_for_url("**/incidents/")
    expect(page.locator(".govuk-notification-banner")).to_contain_text("Incident settings saved")

    # The summary's character count, and its limit on the server.
    page.get_by_role("button", name="Record a serious incident").click()
    summary = page.get_by_label("Summary")
    summary.fill("x" * 510)
    expect(page.locator(".govuk-character-count__status")).to_have_text("You have 10 characters too many")
    assert_no_axe_violations(page)
    page.get_by_label("Reference").fill("SI-2026-11")
    page.locator("#id_category_1").check()
    _fill_date(page, "date_aware", timezone.localdate())
    page.get_by_role("button", name="Record the incident").click()
    _error_summary(page, "The summary must be 500 characters or fewer")
    expect(page.get_by_label("Reference")).to_have_value("SI-2026-11")
    page.get_by_label("Summary").fill("An infant was injured at home.")
    expect(page.locator(".govuk-character-count__status")).to_have_text("You have 470 characters remaining")
    page.get_by_role("button", name="Record the incident").click()
    page.wait_for_url(INCIDENT_PAGE)

    # A name and a date of birth are refused; the answer is kept to correct.
    page.get_by_role("button", name="Add a child").click()
    page.get_by_label("Child's reference").fill("Jayden Smith 12/03/2012")
    for name in ("age_band", "sex", "ethnicity"):
        page.locator(f"#id_{name}_1").check()
    page.get_by_role("button", name="Add the child").click()
    _error_summary(
        page, "The reference must not contain a date: use a pseudonymised reference such as Child A"
    )
    expect(page.get_by_label("Child's reference")).to_have_value("Jayden Smith 12/03/2012")
    page.get_by_label("Child's reference").fill("SI-2026-11-C1")
    page.get_by_role("button", name="Add the child").click()
    page.wait_for_url(INCIDENT_PAGE)
    assert_no_axe_violations(page)

    # Change the child, with a reason.
    page.get_by_role("link", name="Change SI-2026-11-C1").click()
    assert_no_axe_violations(page)
    page.get_by_label("Child's reference").fill("Child B")
    page.get_by_role("button", name="Save the changes").click()
    _error_summary(page, "Enter why you are changing the child's details")
    page.get_by_label("Why are you changing the child's details?").fill("The child's number was wrong")
    page.get_by_role("button", name="Save the changes").click()
    page.wait_for_url(INCIDENT_PAGE)
    expect(page.get_by_role("rowheader", name="Child B")).to_be_visible()

    # Remove the child, with a reason.
    page.get_by_role("link", name="Remove Child B").click()
    assert_no_axe_violations(page)
    page.get_by_label("Why are you removing the child?").fill("Recorded against the wrong incident")
    page.get_by_role("button", name="Remove the child").click()
    page.wait_for_url(INCIDENT_PAGE)
    expect(page.get_by_text("No children recorded yet.")).to_be_visible()
    assert_no_axe_violations(page)
