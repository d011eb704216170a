"""The business manager opens a Section 11 cycle; the agency lead rates every standard, adds an
improvement action and submits; the business manager sees the return rate and the heat map.
axe-core and CSP checks on every page.

Run with: MASA_TESTING=1 uv run pytest -q -p no:cacheprovider tests/browser/test_section11_journey.py
"""

import re
from datetime import date, timedelta

from django.utils import timezone
from playwright.sync_api import expect

from masa.actions.models import Action, ActionSource
from masa.assurance.models import Standard
from masa.demo.loader import DEMO_PASSWORD
from masa.partnership.models import Person
from tests.browser.conftest import assert_no_axe_violations, requires_browser
from tests.browser.test_journeys import SLUG, demo_login, nav, sign_in, sign_in_business_team

pytestmark = requires_browser

CYCLE_PAGE = re.compile(r"/p/hounslow/assurance/section-11/cycles/[0-9a-f-]{36}/$")
RETURN_PAGE = re.compile(r"/p/hounslow/assurance/section-11/returns/[0-9a-f-]{36}/(#\w+)?$")
TITLE = "Section 11 self-assessment 2026 to 2027"
IMPROVEMENT = "Refresh safer recruitment training for every manager who recruits"


def checked(page) -> None:
    assert_no_axe_violations(page)


def heading(page, text: str) -> None:
    expect(page.get_by_role("heading", level=1)).to_have_text(text)


def _fill_date(page, prefix: str, day: date) -> None:
    page.locator(f"#id_{prefix}_0").fill(str(day.day))
    page.locator(f"#id_{prefix}_1").fill(str(day.month))
    page.locator(f"#id_{prefix}_2").fill(str(day.year))


def test_a_cycle_from_opening_to_the_heat_map(new_page, demo):
    today = timezone.localdate()
    lead_login = demo_login(demo, "agency_lead")
    lead = Person.objects.select_related("agency").get(partnership__slug=SLUG, email=lead_login.email)

    manager = new_page()
    sign_in_business_team(manager, demo)
    nav(manager, "Assurance", "Section 11 and Section 175 self-assessment")
    heading(manager, "Section 11 and Section 175 self-assessment")
    checked(manager)

    # The demo's 2023-24 cycle: the heat map, with the key in words.
    manager.get_by_role("link", name="Section 11 self-assessment 2023 to 2024").click()
    manager.wait_for_url(CYCLE_PAGE)
    expect(manager.locator("#rate")).to_contain_text("19 of 20 returned (95%), 3 late")
    expect(manager.locator("#key")).to_contain_text("Requires improvement")
    checked(manager)

    nav(manager, "Assurance", "Section 11 and Section 175 self-assessment")
    manager.get_by_role("button", name="Open a cycle").click()
    heading(manager, "Open a self-assessment cycle")
    checked(manager)
    manager.get_by_role("button", name="Open the cycle").click()
    summary = manager.locator(".govuk-error-summary")
    expect(summary).to_contain_text("Select the agencies or schools asked to complete a return")
    checked(manager)
    manager.get_by_label("Standards set").select_option(label="Section 11 standards (Children Act 2004)")
    manager.get_by_label("Title").fill(TITLE)
    manager.get_by_role("checkbox", name=lead.agency.name, exact=True).check()
    manager.get_by_role("checkbox", name="London Fire Brigade", exact=True).check()
    _fill_date(manager, "opens_on", today)
    _fill_date(manager, "deadline", today + timedelta(days=30))
    manager.get_by_role("button", name="Open the cycle").click()
    manager.wait_for_url(CYCLE_PAGE)
    expect(manager.locator("#rate")).to_contain_text("0 of 2 returned (0%), none late")
    cycle_url = manager.url
    checked(manager)

    # The agency lead answers.
    page = new_page()
    sign_in(page, lead_login.email, DEMO_PASSWORD, lead_login.totp_secret)
    nav(page, "Assurance", "Section 11 and Section 175 self-assessment")
    checked(page)
    page.get_by_role("link", name=TITLE).click()
    page.wait_for_url(RETURN_PAGE)
    heading(page, lead.agency.name)
    checked(page)

    page.get_by_role("button", name="Add an improvement action").click()
    heading(page, "Add an improvement action")
    page.get_by_label("Improvement action").fill(IMPROVEMENT)
    _fill_date(page, "due_date", today - timedelta(days=1))
    page.get_by_role("button", name="Add the improvement action").click()
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_contain_text("Select who owns the improvement action")
    expect(summary).to_contain_text("must be today or in the future")
    expect(page.get_by_label("Improvement action")).to_have_value(IMPROVEMENT)
    checked(page)
    page.get_by_label("Owner").select_option(str(lead.pk))
    _fill_date(page, "due_date", today + timedelta(days=90))
    page.get_by_role("button", name="Add the improvement action").click()
    page.wait_for_url(RETURN_PAGE)
    expect(page.locator(".govuk-notification-banner--success")).to_contain_text("Improvement action added")

    standards = list(
        Standard.objects.filter(standards_set__cycles__title=TITLE)
        .order_by("number")
        .values_list("pk", flat=True)
    )
    for pk in standards[:-1]:
        page.locator(f"input[name='rating_{pk}'][value='3']").check()
    page.get_by_label("Evidence for standard 1", exact=True).fill(
        "The director of children's services leads safeguarding."
    )
    page.get_by_role("button", name="Submit the return").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Select a rating for standard 8")
    expect(page.get_by_label("Evidence for standard 1", exact=True)).to_have_value(
        "The director of children's services leads safeguarding."
    )
    checked(page)
    page.locator(f"input[name='rating_{standards[-1]}'][value='4']").check()
    page.get_by_role("button", name="Submit the return").click()
    page.wait_for_url(RETURN_PAGE)
    expect(page.locator(".govuk-notification-banner--success")).to_contain_text("Return submitted")
    expect(page.get_by_role("button", name="Submit the return")).to_have_count(0)
    checked(page)
    assert Action.objects.filter(
        source=ActionSource.SECTION11_IMPROVEMENT, title__contains=IMPROVEMENT
    ).exists()

    # The business manager sees the return in the rate and the heat map.
    manager.goto(cycle_url)
    expect(manager.locator("#rate")).to_contain_text("1 of 2 returned (50%), none late")
    expect(manager.locator("#not-returned")).to_contain_text("London Fire Brigade")
    row = manager.locator("#heat-map tbody tr").filter(has_text=lead.agency.name)
    expect(row).to_contain_text("4 Outstanding")
    expect(row.locator(".masa-rating--3")).to_have_count(7)
    checked(manager)
