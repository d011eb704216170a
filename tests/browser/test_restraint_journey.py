"""The business manager opens HMYOI Feltham's restraint figures, records a quarter whose
figures do not add up (refused, answers kept), corrects it and sees it beside the chart; then
opens the FYOI Group's review of the year with its tracker actions. axe-core and CSP checks on
every page.

Run with: MASA_TESTING=1 uv run pytest -q -p no:cacheprovider tests/browser/test_restraint_journey.py
"""

import re

from playwright.sync_api import expect

from masa.restraint.models import RestraintQuarter
from tests.browser.conftest import assert_no_axe_violations, requires_browser
from tests.browser.test_journeys import nav, sign_in_business_team

pytestmark = requires_browser

FELTHAM = re.compile(r"/p/hounslow/assurance/restraint/[0-9a-f-]{36}/$")


def checked(page) -> None:
    assert_no_axe_violations(page)


def heading(page, text: str) -> None:
    expect(page.get_by_role("heading", level=1)).to_have_text(text)


def test_business_manager_records_a_quarter_and_reads_the_yearly_review(page, demo):
    sign_in_business_team(page, demo)
    nav(page, "Assurance", "Restraint and use of force")
    heading(page, "Restraint and use of force")
    checked(page)
    page.get_by_role("link", name="HMYOI Feltham").click()
    page.wait_for_url(FELTHAM)
    heading(page, "Restraint and use of force at HMYOI Feltham")
    expect(page.locator("svg")).to_have_count(2)
    expect(page.get_by_role("table")).to_contain_text("July to September 2023")
    checked(page)

    page.get_by_role("button", name="Record a quarter's figures").click()
    heading(page, "Record a quarter's figures")
    checked(page)
    page.get_by_label("Reporting year starts in").fill("2024")
    page.get_by_role("radio", name="Quarter 1: April to June").check()
    page.get_by_label("Incidents of restraint or use of force").fill("40")
    page.get_by_label("Injuries to children").fill("41")
    page.get_by_label("Children involved").fill("25")
    page.get_by_label("Incidents by type: Guiding hold").fill("30")
    page.get_by_label("Incidents by type: Basic restraint hold").fill("10")
    page.get_by_label("Children aged 17").fill("25")
    page.get_by_label("Children by ethnicity: White").fill("20")
    page.get_by_label("Themes").fill("Fewer incidents on Feltham A")
    page.get_by_role("button", name="Save the figures").click()
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_contain_text(
        "The number of injuries (41) cannot be more than the number of incidents (40)"
    )
    expect(summary).to_contain_text(
        "The counts by ethnicity must add up to the number of children involved (25)"
    )
    expect(page.get_by_label("Themes")).to_have_value("Fewer incidents on Feltham A")
    checked(page)
    assert not RestraintQuarter.objects.filter(year=2024).exists()

    page.get_by_label("Injuries to children").fill("1")
    page.get_by_label("Children by ethnicity: Black, Black British, Caribbean or African").fill("5")
    page.get_by_role("button", name="Save the figures").click()
    heading(page, "April to June 2024")
    expect(page.locator(".govuk-notification-banner")).to_contain_text("Figures for April to June 2024 saved")
    checked(page)

    page.get_by_role("link", name="Restraint and use of force at HMYOI Feltham").click()
    expect(page.get_by_role("table")).to_contain_text("April to June 2024")
    page.get_by_role("link", name="Review of restraint 2023 to 2024").click()
    heading(page, "Review of restraint 2023 to 2024")
    expect(page.get_by_role("main")).to_contain_text("Review every restraint using pain-inducing techniques")
    checked(page)
