"""A data call from start to finish: the business manager opens it, the agency lead fills in the
form and submits, the business manager approves, and the indicator page shows the figure linked
to its submission. axe-core and CSP checks on every page."""

import re

from django.utils import timezone
from playwright.sync_api import expect

from tests.browser.conftest import assert_no_axe_violations, requires_browser
from tests.browser.test_journeys import sign_in
from tests.factories import TEST_PASSWORD, TEST_TOTP_SECRET
from tests.indicators.datacall_world import build_world

pytestmark = requires_browser


def test_data_call_journey(new_page, transactional_db):
    world = build_world("alpha", open_call=False)
    calls = "/p/alpha/data-calls/"

    manager = new_page()
    sign_in(manager, world.business.email, TEST_PASSWORD, TEST_TOTP_SECRET)
    manager.wait_for_url("**/p/alpha/")
    manager.goto(calls)
    expect(manager.get_by_role("heading", level=1)).to_have_text("Data calls")
    assert_no_axe_violations(manager)
    manager.get_by_role("button", name="Open a data call").click()
    manager.wait_for_url("**/data-calls/new/")
    assert_no_axe_violations(manager)
    manager.get_by_label("Period").select_option(label="2023-24 Q1")
    due = timezone.localdate() + timezone.timedelta(days=14)
    manager.locator("#id_due_date_0").fill(str(due.day))
    manager.locator("#id_due_date_1").fill(str(due.month))
    manager.locator("#id_due_date_2").fill(str(due.year))
    manager.get_by_role("button", name="Open the data call").click()
    manager.wait_for_url(re.compile(r"/data-calls/[0-9a-f-]{36}/$"))
    expect(manager.get_by_role("heading", level=1)).to_have_text("Data call 2023-24 Q1")
    expect(manager.get_by_role("rowheader", name="alpha police")).to_be_visible()
    assert_no_axe_violations(manager)

    lead = new_page()
    sign_in(lead, world.police_lead.email, TEST_PASSWORD)
    lead.wait_for_url("**/p/alpha/")
    lead.goto(calls)
    assert_no_axe_violations(lead)
    lead.get_by_role("link", name="alpha police: 2023-24 Q1").click()
    lead.wait_for_url(re.compile(r"/submissions/[0-9a-f-]{36}/$"))
    assert_no_axe_violations(lead)
    # A bad figure first: the error summary links to the field and nothing is saved.
    lead.locator("#id_missing_episodes__value").fill("1.5")
    lead.get_by_role("button", name="Submit").click()
    expect(lead.locator(".govuk-error-summary")).to_be_visible()
    expect(lead.get_by_role("link", name="Missing episodes: value must be a whole number")).to_be_visible()
    assert_no_axe_violations(lead)
    lead.locator("#id_missing_episodes__value").fill("12")
    lead.locator("#id_arrests_pct__numerator").fill("3")
    lead.locator("#id_arrests_pct__denominator").fill("4")
    lead.locator("#id_visits_rate__numerator").fill("25")
    lead.locator("#id_visits_rate__denominator").fill("68630")
    lead.locator("#id_wait_days__missing").check()
    lead.locator("#id_wait_days__missing_reason").fill("The system was down")
    lead.get_by_role("button", name="Submit").click()
    lead.wait_for_url(re.compile(r"/data-calls/[0-9a-f-]{36}/$"))
    expect(lead.get_by_text("Submission sent to the business team")).to_be_visible()
    assert_no_axe_violations(lead)

    manager.reload()
    manager.get_by_role("link", name="alpha police").click()
    manager.wait_for_url(re.compile(r"/submissions/[0-9a-f-]{36}/$"))
    assert_no_axe_violations(manager)
    manager.get_by_role("button", name="Approve").click()
    manager.wait_for_url("**/approve/")
    assert_no_axe_violations(manager)
    manager.get_by_role("button", name="Approve and lock").click()
    manager.wait_for_url(re.compile(r"/data-calls/[0-9a-f-]{36}/$"))
    expect(manager.get_by_text("Approved").first).to_be_visible()

    manager.goto("/p/alpha/indicators/")
    assert_no_axe_violations(manager)
    manager.get_by_role("link", name="Arrests charged").click()
    expect(manager.get_by_role("heading", level=1)).to_have_text("Arrests charged")
    expect(manager.get_by_role("cell", name="75")).to_be_visible()
    link = manager.get_by_role("link", name="Submission from alpha police")
    expect(link).to_be_visible()
    assert_no_axe_violations(manager)
    link.click()
    manager.wait_for_url(re.compile(r"/submissions/[0-9a-f-]{36}/$"))
    expect(manager.get_by_text("and is locked")).to_be_visible()
    assert_no_axe_violations(manager)
