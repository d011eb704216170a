"""The business manager records an inspection with a judgement and a recommendation; the
recommendation becomes an action in the tracker, which the manager opens from the inspection.
axe-core and CSP checks on every page.

Run with: MASA_TESTING=1 uv run pytest -q -p no:cacheprovider tests/browser/test_inspections_journey.py
"""

import re
from datetime import date, timedelta

from django.utils import timezone
from playwright.sync_api import expect

from masa.partnership.models import Person
from tests.browser.conftest import assert_no_axe_violations, requires_browser
from tests.browser.test_journeys import SLUG, demo_login, nav, sign_in_business_team

pytestmark = requires_browser

INSPECTION_PAGE = re.compile(r"/p/hounslow/assurance/inspections/[0-9a-f-]{36}/(#\w+)?$")
RECOMMENDATION = "Make sure every child missing from home is offered a return home interview."


def checked(page) -> None:
    assert_no_axe_violations(page)


def heading(page, text: str) -> None:
    expect(page.get_by_role("heading", level=1)).to_have_text(text)


def _fill_date(page, prefix: str, day: date) -> None:
    page.locator(f"#id_{prefix}_0").fill(str(day.day))
    page.locator(f"#id_{prefix}_1").fill(str(day.month))
    page.locator(f"#id_{prefix}_2").fill(str(day.year))


def test_business_manager_records_an_inspection_and_its_recommendation_becomes_an_action(page, demo):
    owner_login = demo_login(demo, "agency_lead")
    owner = Person.objects.get(partnership__slug=SLUG, email=owner_login.email)

    sign_in_business_team(page, demo)
    nav(page, "Assurance", "Inspections")
    heading(page, "Inspections")
    expect(page.get_by_role("link", name=re.compile("HMICFRS child exploitation"))).to_be_visible()
    checked(page)

    # The demo's HMICFRS inspection: three causes of concern, one closed.
    page.get_by_role("link", name=re.compile("HMICFRS child exploitation")).click()
    page.wait_for_url(INSPECTION_PAGE)
    expect(page.locator("#progress")).to_contain_text("1 closed, 2 open")
    checked(page)

    page.goto(f"/p/{SLUG}/assurance/inspections/")
    page.get_by_role("button", name="Record an inspection").click()
    heading(page, "Record an inspection")
    checked(page)
    page.get_by_role("button", name="Save the inspection").click()
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_contain_text("Select the kind of inspection")
    expect(summary).to_contain_text("Enter the date the inspection started")
    checked(page)
    page.get_by_role("radio", name="Joint targeted area inspection (JTAI)").check()
    page.get_by_label("Title").fill("JTAI: children missing from home")
    _fill_date(page, "start_date", date(2026, 9, 14))
    _fill_date(page, "end_date", date(2026, 9, 25))
    page.get_by_role("radio", name="Not graded").check()
    page.get_by_role("button", name="Save the inspection").click()
    page.wait_for_url(INSPECTION_PAGE)
    heading(page, "JTAI: children missing from home")
    checked(page)

    page.get_by_role("button", name="Add a judgement").click()
    heading(page, "Add a judgement")
    checked(page)
    page.get_by_label("Area judged").fill("Multi-agency response to missing children")
    page.get_by_role("radio", name="Good", exact=True).check()
    page.get_by_role("button", name="Save the judgement").click()
    page.wait_for_url(INSPECTION_PAGE)
    expect(page.get_by_role("table")).to_contain_text("Multi-agency response to missing children")

    page.get_by_role("button", name="Add a finding").click()
    heading(page, "Add a finding")
    checked(page)
    page.get_by_role("radio", name="Recommendation", exact=True).check()
    page.get_by_label("What the inspection found").fill(RECOMMENDATION)
    _fill_date(page, "due_date", timezone.localdate() + timedelta(days=90))
    page.get_by_role("button", name="Save").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Select who owns the action")
    expect(page.get_by_label("What the inspection found")).to_have_value(RECOMMENDATION)
    checked(page)
    page.get_by_label("Owner of the action").select_option(str(owner.pk))
    page.get_by_role("button", name="Save").click()
    page.wait_for_url(INSPECTION_PAGE)
    expect(page.locator(".govuk-notification-banner--success")).to_contain_text("added to the action tracker")
    expect(page.locator("#progress")).to_contain_text("0 closed, 1 open, none overdue")
    checked(page)

    # The action is in the tracker, with the inspection as its source.
    page.get_by_role("link", name=re.compile(r"^A\d+$")).click()
    heading(page, f"Recommendation: {RECOMMENDATION}")
    expect(page.locator(".govuk-summary-list")).to_contain_text("JTAI: children missing from home")
    expect(page.locator(".govuk-inset-text")).to_contain_text("add evidence before closing it")
    checked(page)
    page.goto(f"/p/{SLUG}/actions/?source=inspection_recommendation")
    expect(page.get_by_role("link", name=re.compile("return home interview"))).to_be_visible()
    checked(page)
