"""A practitioner raises a professional escalation (a name as the child's reference is refused,
their answers kept); the business team sees the year's figures with the chart and its table,
moves the escalation to stage 2, is refused a resolution dated before it was raised, and
resolves it. axe-core and CSP checks on every page.

Run with: MASA_TESTING=1 uv run pytest -q -p no:cacheprovider tests/browser/test_escalations_journey.py
"""

import re
from datetime import date

from django.utils import timezone
from playwright.sync_api import expect

from masa.demo.loader import DEMO_PASSWORD
from masa.escalations.models import Escalation
from tests.browser.conftest import assert_no_axe_violations, requires_browser
from tests.browser.test_journeys import HOME, demo_login, nav, sign_in, sign_in_business_team

pytestmark = requires_browser

DETAIL = re.compile(r"/p/hounslow/assurance/escalations/[0-9a-f-]{36}/$")
CONCERN = "The practitioner disagreed with closing the case without a home visit."


def heading(page, text: str) -> None:
    expect(page.get_by_role("heading", level=1)).to_have_text(text)
    assert_no_axe_violations(page)


def _fill_date(page, prefix: str, day: date) -> None:
    page.locator(f"#id_{prefix}_0").fill(str(day.day))
    page.locator(f"#id_{prefix}_1").fill(str(day.month))
    page.locator(f"#id_{prefix}_2").fill(str(day.year))


def test_an_escalation_from_raising_to_resolution(new_page, demo):
    today = timezone.localdate()
    practitioner = demo_login(demo, "practitioner")
    page = new_page()
    sign_in(page, practitioner.email, DEMO_PASSWORD, practitioner.totp_secret)
    page.wait_for_url(f"**{HOME}")
    nav(page, "Assurance", "Professional escalations")
    heading(page, "Professional escalations")
    page.get_by_role("button", name="Raise an escalation").click()
    heading(page, "Raise a professional escalation")
    _fill_date(page, "raised_on", today)
    page.get_by_label("Agency raising it").select_option(label="London Borough of Hounslow")
    page.get_by_label("Role of the person raising it").fill("Social worker")
    page.get_by_role(
        "checkbox", name="Hounslow and Richmond Community Healthcare NHS Trust", exact=True
    ).check()
    page.get_by_label("Child's reference (optional)").fill("Jayden Smith")
    page.get_by_label("What the disagreement is about").fill(CONCERN)
    page.get_by_role("checkbox", name="Neglect", exact=True).check()
    page.get_by_role("button", name="Raise the escalation").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("The reference must not contain a name")
    expect(page.get_by_label("What the disagreement is about")).to_have_value(CONCERN)
    assert_no_axe_violations(page)
    page.get_by_label("Child's reference (optional)").fill("Child Z")
    page.get_by_role("button", name="Raise the escalation").click()
    page.wait_for_url(DETAIL)
    expect(page.locator(".govuk-inset-text")).to_contain_text("You raised this escalation")
    assert_no_axe_violations(page)
    detail_path = re.sub(r"^https?://[^/]+", "", page.url)

    manager = new_page()
    sign_in_business_team(manager, demo)
    nav(manager, "Assurance", "Professional escalations")
    heading(manager, "Professional escalations")
    manager.get_by_role("link", name="Figures and trends for the Board").click()
    expect(manager.get_by_role("heading", level=1)).to_contain_text("Escalation figures and trends")
    assert_no_axe_violations(manager)
    manager.get_by_label("Reporting year (April to March)").select_option(label="April 2023 to March 2024")
    manager.get_by_role("button", name="Show the year").click()
    heading(manager, "Escalation figures and trends for 2023-24")
    expect(manager.locator("svg")).to_have_count(1)
    table = manager.get_by_role("table", name="Figures in the chart: escalations by reporting year")
    expect(table).to_contain_text("2023-24")
    expect(manager.get_by_role("table", name="By highest stage reached")).to_contain_text("6")

    manager.goto(detail_path)
    heading(manager, f"Professional escalation raised {today.day} {today:%B %Y}")
    expect(manager.get_by_role("main")).to_contain_text("Social worker, London Borough of Hounslow")
    expect(manager.get_by_role("main")).not_to_contain_text(practitioner.email)
    manager.get_by_role("link", name="Move to the next stage").click()
    heading(manager, "Move the escalation to its next stage")
    manager.get_by_role("radio", name=re.compile("Stage 2")).check()
    _fill_date(manager, "started_on", today)
    manager.get_by_role("button", name="Move to the stage").click()
    manager.wait_for_url(DETAIL)
    expect(manager.locator(".govuk-notification-banner")).to_contain_text("moved to stage 2")
    manager.get_by_role("link", name="Record the resolution").click()
    heading(manager, "Record how the escalation was resolved")
    _fill_date(manager, "resolved_on", date(today.year - 1, today.month, 1))
    manager.get_by_label("How it was resolved").fill("A home visit was agreed.")
    manager.get_by_role("button", name="Record the resolution").click()
    expect(manager.locator(".govuk-error-summary")).to_contain_text("The date resolved must be on or after")
    assert_no_axe_violations(manager)
    _fill_date(manager, "resolved_on", today)
    manager.get_by_role("button", name="Record the resolution").click()
    manager.wait_for_url(DETAIL)
    expect(manager.get_by_role("main")).to_contain_text("Resolved on")
    assert_no_axe_violations(manager)
    assert Escalation.objects.get(child_reference="Child Z").days_to_resolve == 0
