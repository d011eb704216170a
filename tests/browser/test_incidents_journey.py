"""The business manager records a serious incident, its child and the Panel notification, and
sees the statutory clocks; axe-core and CSP checks on every page."""

import re

from django.utils import timezone
from playwright.sync_api import expect

from tests.browser.conftest import assert_no_axe_violations, requires_browser
from tests.browser.test_journeys import HOME, sign_in_business_team

pytestmark = requires_browser


def _fill_date(page, prefix: str, day) -> None:
    page.locator(f"#id_{prefix}_0").fill(str(day.day))
    page.locator(f"#id_{prefix}_1").fill(str(day.month))
    page.locator(f"#id_{prefix}_2").fill(str(day.year))


def test_business_manager_records_an_incident_and_sees_its_clocks(page, demo):
    sign_in_business_team(page, demo)
    page.get_by_role("link", name="Serious incidents").click()
    page.wait_for_url("**/incidents/")
    assert_no_axe_violations(page)

    page.get_by_role("button", name="Record a serious incident").click()
    page.wait_for_url("**/incidents/new/")
    assert_no_axe_violations(page)
    # Bad input first: nothing entered gives the GOV.UK error summary.
    page.get_by_role("button", name="Record the incident").click()
    expect(page.locator(".govuk-error-summary")).to_be_visible()
    assert_no_axe_violations(page)

    today = timezone.localdate()
    page.get_by_label("Reference").fill("SI-2026-07")
    page.locator("#id_category_1").check()
    _fill_date(page, "date_aware", today)
    page.get_by_role("button", name="Record the incident").click()
    page.wait_for_url(re.compile(r"/incidents/[0-9a-f-]{36}/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Serious incident SI-2026-07")
    expect(page.get_by_role("rowheader", name="Rapid review")).to_be_visible()
    assert_no_axe_violations(page)

    page.get_by_role("button", name="Add a child").click()
    assert_no_axe_violations(page)
    page.get_by_label("Child's reference").fill("Child A")
    for name in ("age_band", "sex", "ethnicity"):
        page.locator(f"#id_{name}_1").check()
    page.get_by_role("button", name="Add the child").click()
    page.wait_for_url(re.compile(r"/incidents/[0-9a-f-]{36}/$"))
    expect(page.get_by_text("Child A").first).to_be_visible()

    page.get_by_role("button", name="Record a notification to the Panel").click()
    assert_no_axe_violations(page)
    page.get_by_label("Child A").check()
    _fill_date(page, "sent_date", today)
    page.get_by_role("button", name="Record the notification").click()
    page.wait_for_url(re.compile(r"/incidents/[0-9a-f-]{36}/$"))
    expect(page.get_by_text("Met on time").first).to_be_visible()
    assert_no_axe_violations(page)

    page.goto(HOME.replace("/p/hounslow/", "/p/hounslow/clocks/"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Clocks dashboard")
    expect(page.get_by_text("SI-2026-07").first).to_be_visible()
    assert_no_axe_violations(page)
