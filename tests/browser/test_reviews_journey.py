"""The business manager records a local learning review with a theme, a finding, a recommendation
and an action; the action's owner adds evidence and closes it with its impact; the review page and
the theme page show the impact. axe-core and CSP checks on every page.

Run with: MASA_TESTING=1 uv run pytest -q -p no:cacheprovider tests/browser/test_reviews_journey.py
"""

import re
from datetime import date, timedelta

from django.utils import timezone
from playwright.sync_api import expect

from masa.demo.loader import DEMO_PASSWORD
from masa.partnership.models import Person
from tests.browser.conftest import assert_no_axe_violations, requires_browser
from tests.browser.test_journeys import SLUG, demo_login, sign_in, sign_in_business_team

pytestmark = requires_browser

REVIEW_PAGE = re.compile(r"/p/hounslow/reviews/[0-9a-f-]{36}/(#\w+)?$")
IMPACT = "Young people now get a safety plan before they move to adult services."


def checked(page) -> None:
    assert_no_axe_violations(page)


def heading(page, text: str) -> None:
    expect(page.get_by_role("heading", level=1)).to_have_text(text)


def _fill_date(page, prefix: str, day: date) -> None:
    page.locator(f"#id_{prefix}_0").fill(str(day.day))
    page.locator(f"#id_{prefix}_1").fill(str(day.month))
    page.locator(f"#id_{prefix}_2").fill(str(day.year))


def test_review_chain_from_finding_to_impact(page, new_page, demo):
    owner_login = demo_login(demo, "agency_lead")
    owner = Person.objects.select_related("agency").get(partnership__slug=SLUG, email=owner_login.email)

    # The business manager sets up the themes and records the review.
    sign_in_business_team(page, demo)
    page.goto(f"/p/{SLUG}/learning/themes/")
    heading(page, "Themes")
    checked(page)
    page.get_by_role("button", name="Add the standard themes").click()
    expect(page.locator(".govuk-notification-banner--success")).to_contain_text("standard theme")
    expect(page.get_by_role("link", name="Online harm")).to_be_visible()
    checked(page)

    page.goto(f"/p/{SLUG}/reviews/")
    heading(page, "Learning reviews")
    checked(page)
    page.get_by_role("button", name="Record a review").click()
    heading(page, "Record a review")
    page.get_by_role("button", name="Continue").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Select the kind of review")
    checked(page)
    page.get_by_role("radio", name="Local learning review").check()
    page.get_by_role("button", name="Continue").click()
    heading(page, "Record a local learning review")
    checked(page)
    page.get_by_label("Reference").fill("LLR-2026-01")
    _fill_date(page, "start_date", date(2026, 3, 2))
    _fill_date(page, "completed_date", date(2026, 2, 2))
    page.get_by_role("button", name="Save the review").click()
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_contain_text("Enter the title")
    expect(page.get_by_label("Reference")).to_have_value("LLR-2026-01")
    checked(page)
    page.get_by_label("Title").fill("Young people moving to adult services")
    page.get_by_role("checkbox", name="Online harm").check()
    _fill_date(page, "completed_date", date(2026, 3, 30))
    page.get_by_role("button", name="Save the review").click()
    page.wait_for_url(REVIEW_PAGE)
    heading(page, "LLR-2026-01: Young people moving to adult services")
    checked(page)

    page.get_by_role("button", name="Add a finding").click()
    heading(page, "Add a finding")
    page.get_by_label("Finding").fill("Safety plans stopped when young people turned 18.")
    page.get_by_role("radio", name="Learning: something to improve").check()
    expect(page.get_by_role("checkbox", name="Online harm")).to_be_checked()
    checked(page)
    page.get_by_role("button", name="Save the finding").click()
    page.wait_for_url(REVIEW_PAGE)
    expect(page.get_by_text("Safety plans stopped when young people turned 18.")).to_be_visible()

    page.get_by_role("link", name="Add a recommendation from finding 1").click()
    heading(page, "Add a recommendation")
    checked(page)
    page.get_by_label("Recommendation").fill("Keep safety plans going into adulthood.")
    page.get_by_label("Accountable agency").select_option(label=owner.agency.name)
    page.get_by_role("button", name="Save the recommendation").click()
    page.wait_for_url(REVIEW_PAGE)

    page.get_by_role("link", name="Add an action from recommendation 1").click()
    heading(page, "Add an action from this recommendation")
    checked(page)
    page.get_by_label("Action", exact=True).fill("Safety plans carried into adult services")
    page.get_by_label("Owner").select_option(str(owner.pk))
    _fill_date(page, "due_date", timezone.localdate() + timedelta(days=60))
    page.get_by_role("button", name="Add the action").click()
    page.wait_for_url(REVIEW_PAGE)
    expect(page.locator(".govuk-notification-banner--success")).to_contain_text("added to the action tracker")
    expect(page.get_by_text("Recommendations with actions")).to_be_visible()
    checked(page)
    review_url = page.url.split("#")[0]

    # The action's owner evidences and closes it on the action tracker's pages.
    owner_page = new_page()
    sign_in(owner_page, owner_login.email, DEMO_PASSWORD, owner_login.totp_secret)
    owner_page.wait_for_url(lambda url: "/accounts/" not in url)
    owner_page.goto(review_url)
    checked(owner_page)
    owner_page.get_by_role("link", name=re.compile("Safety plans carried into adult services")).click()
    heading(owner_page, "Safety plans carried into adult services")
    owner_page.get_by_role("button", name="Add evidence").click()
    owner_page.get_by_role("radio", name="Written evidence").check()
    owner_page.get_by_label("Describe the evidence").fill("Audit of safety plans for care leavers.")
    owner_page.get_by_role("button", name="Add evidence").click()
    expect(owner_page.locator(".govuk-notification-banner--success")).to_contain_text("Evidence added")
    owner_page.get_by_role("button", name="Close the action").click()
    owner_page.get_by_label("Impact").fill(IMPACT)
    owner_page.get_by_role("button", name="Close action").click()
    expect(owner_page.locator(".govuk-notification-banner--success")).to_contain_text("Action closed")

    # The review page and the theme page show the impact.
    owner_page.goto(review_url)
    expect(owner_page.get_by_text(IMPACT)).to_be_visible()
    expect(owner_page.locator(".govuk-summary-list").first).to_contain_text("1 of 1")
    checked(owner_page)
    owner_page.get_by_role("link", name="Online harm").first.click()
    heading(owner_page, "Online harm")
    expect(owner_page.get_by_text(IMPACT)).to_be_visible()
    expect(owner_page.get_by_text("Audit of safety plans for care leavers.")).to_be_visible()
    checked(owner_page)


def test_demo_review_pages_are_accessible(page, demo):
    from masa.demo.reviews_loader import load_reviews_demo
    from masa.partnership.models import Partnership

    load_reviews_demo(Partnership.objects.get(slug=SLUG))
    sign_in_business_team(page, demo)
    page.goto(f"/p/{SLUG}/reviews/")
    page.get_by_role("link", name=re.compile("True to Us")).click()
    heading(page, "NR-2023-01: True to Us: Child Delta")
    expect(page.get_by_role("table").first).to_contain_text("Assured")
    checked(page)
    page.goto(f"/p/{SLUG}/reviews/")
    page.get_by_role("link", name=re.compile("Mental Health & Suicide")).click()
    expect(page.get_by_text("Does our focus shift when a young person turns 18?")).to_be_visible()
    checked(page)
    page.get_by_role("link", name="Mental health").first.click()
    heading(page, "Mental health")
    checked(page)
    page.goto(f"/p/{SLUG}/reviews/new/?kind=lcspr")
    heading(page, "Record a local child safeguarding practice review (LCSPR)")
    checked(page)
    page.get_by_label("Reference", exact=True).fill("LCSPR-2026-01")
    page.get_by_label("Title", exact=True).fill("Child E")
    _fill_date(page, "decision_date", date(2026, 2, 2))
    _fill_date(page, "publication_date", date(2026, 1, 5))
    page.get_by_role("button", name="Save the review").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("The publication date must be on or after")
    checked(page)
    page.goto(f"/p/{SLUG}/reviews/?kind=national")
    checked(page)
