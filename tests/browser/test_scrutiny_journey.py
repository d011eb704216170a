"""The scrutineer records a finding from a new activity; the business team responds and the
accepted finding joins the action tracker; the business team changes the signed 2023-24
statement of assurance (which clears every sign-off) and a lead safeguarding partner signs it off
again. axe-core and CSP checks on every page.

Run with: MASA_TESTING=1 uv run pytest -q -p no:cacheprovider tests/browser/test_scrutiny_journey.py
"""

from datetime import date, timedelta

from django.utils import timezone
from playwright.sync_api import expect

from masa.actions.models import ActionSource
from masa.demo.loader import DEMO_PASSWORD
from masa.partnership.models import Person
from masa.scrutiny.models import ScrutinyFinding
from tests.browser.conftest import assert_no_axe_violations, requires_browser
from tests.browser.test_journeys import HOME, SLUG, demo_login, nav, sign_in, sign_in_business_team

pytestmark = requires_browser

FINDING = "Subgroup chairs rarely report the impact of their work to the Executive Board"


def heading(page, text: str) -> None:
    expect(page.get_by_role("heading", level=1)).to_have_text(text)


def _fill_date(page, prefix: str, day: date) -> None:
    page.locator(f"#id_{prefix}_0").fill(str(day.day))
    page.locator(f"#id_{prefix}_1").fill(str(day.month))
    page.locator(f"#id_{prefix}_2").fill(str(day.year))


def test_scrutiny_from_finding_to_action_and_a_fresh_sign_off(new_page, demo):
    scrutineer = new_page()
    login = demo_login(demo, "scrutineer")
    sign_in(scrutineer, login.email, DEMO_PASSWORD, login.totp_secret)
    scrutineer.wait_for_url(f"**{HOME}")
    nav(scrutineer, "Assurance", "Independent scrutiny")
    heading(scrutineer, "Independent scrutiny")
    expect(scrutineer.get_by_role("main")).to_contain_text("Having undertaken the independent review")
    assert_no_axe_violations(scrutineer)
    scrutineer.get_by_role("link", name="Independent scrutiny plan 2024-25").click()
    heading(scrutineer, "Independent scrutiny plan 2024-25")
    assert_no_axe_violations(scrutineer)

    # A done activity with no date is refused, the answers kept.
    scrutineer.get_by_role("button", name="Add an activity").click()
    assert_no_axe_violations(scrutineer)
    scrutineer.get_by_label("Observing a meeting").check()
    scrutineer.get_by_label("What the activity is").fill("Observe the Strategic Insights Group")
    _fill_date(scrutineer, "planned_on", date(2024, 10, 1))
    scrutineer.get_by_label("Done", exact=True).check()
    scrutineer.get_by_role("button", name="Save the activity").click()
    expect(scrutineer.locator(".govuk-error-summary")).to_contain_text("Enter the date the activity was done")
    expect(scrutineer.get_by_label("What the activity is")).to_have_value(
        "Observe the Strategic Insights Group"
    )
    assert_no_axe_violations(scrutineer)
    _fill_date(scrutineer, "done_on", date(2024, 10, 1))
    scrutineer.get_by_role("button", name="Save the activity").click()
    heading(scrutineer, "Independent scrutiny plan 2024-25")
    scrutineer.get_by_role("link", name="Add a finding from Observe the Strategic Insights Group").click()
    assert_no_axe_violations(scrutineer)
    scrutineer.get_by_label("What the scrutineer found").fill(FINDING)
    scrutineer.get_by_role("button", name="Save the finding").click()
    expect(scrutineer.get_by_role("main")).to_contain_text(FINDING)
    expect(scrutineer.get_by_role("main")).not_to_contain_text("Record the response to finding 2")
    assert_no_axe_violations(scrutineer)

    # The business team accepts it; an owner and a due date make the tracker action.
    manager = new_page()
    sign_in_business_team(manager, demo)
    nav(manager, "Assurance", "Independent scrutiny")
    manager.get_by_role("link", name="Independent scrutiny plan 2024-25").click()
    manager.get_by_role("link", name="Record the response to finding 2").click()
    assert_no_axe_violations(manager)
    manager.get_by_label("Accepted", exact=True).check()
    manager.get_by_label("What the partnership will do, or why it does not accept it").fill(
        "Each subgroup will report its impact to the Executive Board every quarter"
    )
    manager.get_by_role("button", name="Save the response").click()
    expect(manager.locator(".govuk-error-summary")).to_contain_text("Select who owns the action")
    assert_no_axe_violations(manager)
    owner = Person.objects.get(partnership__slug=SLUG, email="anjali.brightwater@hounslow.example.org")
    manager.get_by_label("Owner of the action").select_option(str(owner.pk))
    _fill_date(manager, "due_date", timezone.localdate() + timedelta(days=90))
    manager.get_by_role("button", name="Save the response").click()
    expect(manager.locator(".govuk-notification-banner--success")).to_contain_text(
        "added to the action tracker"
    )
    finding = ScrutinyFinding.objects.get(text=FINDING)
    assert finding.action is not None and finding.action.source == ActionSource.SCRUTINY_FINDING
    manager.get_by_role("link", name=finding.action.reference).click()
    expect(manager.get_by_role("main")).to_contain_text("Scrutiny finding 2")
    assert_no_axe_violations(manager)

    # Changing the signed statement needs a reason and clears the three sign-offs.
    nav(manager, "Assurance", "Statement of assurance")
    heading(manager, "Statement of assurance")
    expect(manager.get_by_role("main")).to_contain_text("Signed by 3 of 3 lead safeguarding partners")
    assert_no_axe_violations(manager)
    manager.get_by_role("link", name="2023-24").click()
    manager.get_by_role("button", name="Change the statement").click()
    assert_no_axe_violations(manager)
    text = manager.get_by_label("Statement of assurance")
    text.fill(text.input_value() + ".")
    manager.get_by_role("button", name="Save the statement").click()
    expect(manager.locator(".govuk-error-summary")).to_contain_text("Enter why the signed-off statement")
    manager.get_by_label("Why is the text being changed?").fill("The last sentence lacked its full stop")
    manager.get_by_role("button", name="Save the statement").click()
    expect(manager.get_by_role("main")).to_contain_text("Signed by 0 of 3 lead safeguarding partners")
    statement_url = manager.url

    # A lead safeguarding partner signs it off again.
    partner = new_page()
    lsp = demo_login(demo, "lsp")
    sign_in(partner, lsp.email, DEMO_PASSWORD, lsp.totp_secret)
    partner.wait_for_url(f"**{HOME}")
    partner.goto(statement_url)
    partner.get_by_role("button", name="Sign off the statement").click()
    assert_no_axe_violations(partner)
    partner.get_by_role("button", name="Sign off the statement").click()
    expect(partner.get_by_role("main")).to_contain_text("Signed by 1 of 3 lead safeguarding partners")
    expect(partner.get_by_role("button", name="Sign off the statement")).to_have_count(0)
    assert_no_axe_violations(partner)
