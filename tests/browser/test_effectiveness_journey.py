"""The business manager opens an effectiveness review for a period, sees the figures masa filled
in, records a self-evaluation, a finding, the partnership's response and its action (which joins
the action tracker) and publishes; a practitioner reads the published summary. axe-core and CSP
checks on every page.

Run with: MASA_TESTING=1 uv run pytest -q -p no:cacheprovider tests/browser/test_effectiveness_journey.py
"""

import re
from datetime import date, timedelta

from django.utils import timezone
from playwright.sync_api import expect

from masa.actions.models import Action, ActionSource
from masa.demo.loader import DEMO_PASSWORD
from masa.partnership.models import Person
from tests.browser.conftest import assert_no_axe_violations, requires_browser
from tests.browser.test_journeys import SLUG, demo_login, nav, sign_in, sign_in_business_team

pytestmark = requires_browser

REVIEW_PAGE = re.compile(r"/p/hounslow/assurance/effectiveness/[0-9a-f-]{36}/(#[\w-]+)?$")
TITLE = "Effectiveness review 2023 to 2024"
RECOMMENDATION = "Make every subgroup report its impact to the Board each quarter"


def checked(page) -> None:
    assert_no_axe_violations(page)


def heading(page, text: str) -> None:
    expect(page.get_by_role("heading", level=1)).to_have_text(text)


def _fill_date(page, prefix: str, day: date) -> None:
    page.locator(f"#id_{prefix}_0").fill(str(day.day))
    page.locator(f"#id_{prefix}_1").fill(str(day.month))
    page.locator(f"#id_{prefix}_2").fill(str(day.year))


def banner(page):
    return page.locator(".govuk-notification-banner--success")


def test_a_review_from_opening_to_the_published_summary(new_page, demo):
    today = timezone.localdate()
    owner = Person.objects.get(partnership__slug=SLUG, email="anjali.brightwater@hounslow.example.org")

    manager = new_page()
    sign_in_business_team(manager, demo)
    nav(manager, "Assurance", "Effectiveness review")
    heading(manager, "Effectiveness review")
    expect(manager.get_by_role("link", name="Partnership Effectiveness Review 2023")).to_be_visible()
    checked(manager)

    # Open a review for the 2023-24 year; a period ending before it starts is refused first.
    manager.get_by_role("button", name="Open an effectiveness review").click()
    heading(manager, "Open an effectiveness review")
    checked(manager)
    manager.get_by_label("Title").fill(TITLE)
    _fill_date(manager, "period_start", date(2024, 3, 31))
    _fill_date(manager, "period_end", date(2023, 4, 1))
    manager.get_by_role("button", name="Save the review").click()
    expect(manager.locator(".govuk-error-summary")).to_contain_text(
        "The date the period ends must be on or after the date it starts"
    )
    expect(manager.get_by_label("Title")).to_have_value(TITLE)
    checked(manager)
    _fill_date(manager, "period_start", date(2023, 4, 1))
    _fill_date(manager, "period_end", date(2024, 3, 31))
    manager.get_by_label("Reviewer", exact=True).fill("Independent reviewer")
    manager.get_by_role("button", name="Save the review").click()
    manager.wait_for_url(REVIEW_PAGE)
    review_url = manager.url
    heading(manager, TITLE)
    # The figures masa holds for the year, filled in.
    attendance = manager.get_by_role("table", name="Meeting attendance per agency")
    expect(attendance).to_contain_text("London Borough of Hounslow")
    expect(
        manager.get_by_role("table", name="Meetings held per group against those expected")
    ).to_contain_text("HSCP Board")
    expect(manager.locator("#figures ~ dl").first).to_contain_text("Actions due in the period")
    checked(manager)

    # A self-evaluation against one principle.
    manager.get_by_role("link", name="Evaluate Empowerment").click()
    heading(manager, "Self-evaluation: Empowerment")
    checked(manager)
    manager.get_by_label("2: Developing").check()
    manager.get_by_label("Self-evaluation", exact=True).fill(
        "Children's views reach the Board through agencies."
    )
    manager.get_by_role("button", name="Save the self-evaluation").click()
    manager.wait_for_url(REVIEW_PAGE)
    expect(banner(manager)).to_contain_text("Self-evaluation of Empowerment saved")
    expect(manager.get_by_role("row", name=re.compile("^Empowerment"))).to_contain_text("2: Developing")

    # The reviewer's recommendation.
    manager.get_by_role("button", name="Add a finding").click()
    heading(manager, "Add a finding")
    manager.get_by_label("Recommendation").check()
    manager.get_by_label("What the reviewer found").fill(RECOMMENDATION)
    manager.get_by_label("Principle it is about").select_option(label="Accountability")
    manager.get_by_role("button", name="Save the finding").click()
    manager.wait_for_url(REVIEW_PAGE)
    expect(banner(manager)).to_contain_text("Recommendation saved")
    checked(manager)

    # The partnership's response: accepting it needs an owned action with a due date.
    manager.get_by_role("link", name="Record the response to recommendation 1").click()
    heading(manager, "The partnership's response to recommendation 1")
    checked(manager)
    manager.get_by_label("Accepted", exact=True).check()
    manager.get_by_label("What the partnership will do, or why it does not accept it").fill(
        "Each subgroup chair will report impact at every Board meeting."
    )
    manager.get_by_role("button", name="Save the response").click()
    summary = manager.locator(".govuk-error-summary")
    expect(summary).to_contain_text("Select who owns the action")
    expect(summary).to_contain_text("Enter the date the action is due")
    expect(manager.get_by_label("What the partnership will do, or why it does not accept it")).to_have_value(
        "Each subgroup chair will report impact at every Board meeting."
    )
    checked(manager)
    manager.get_by_label("Owner of the action").select_option(str(owner.pk))
    _fill_date(manager, "due_date", today + timedelta(days=120))
    manager.get_by_role("button", name="Save the response").click()
    manager.wait_for_url(REVIEW_PAGE)
    action = Action.objects.get(source=ActionSource.EFFECTIVENESS_FINDING, title__contains=RECOMMENDATION)
    expect(banner(manager)).to_contain_text(f"action {action.reference} added to the action tracker")
    checked(manager)

    # The action is in the tracker, and leads back to the review.
    nav(manager, "Actions", "Action tracker")
    manager.get_by_label("Source").select_option(label="Effectiveness review finding")
    manager.get_by_role("button", name="Apply filters").click()
    checked(manager)
    manager.get_by_role("link", name=action.title).click()
    expect(manager.get_by_role("main")).to_contain_text("Effectiveness review recommendation 1")
    checked(manager)
    manager.get_by_role("link", name=TITLE).click()
    manager.wait_for_url(REVIEW_PAGE)

    # Publish: the figures are fixed.
    manager.get_by_role("button", name="Publish the review").click()
    heading(manager, "Publish the review")
    checked(manager)
    manager.get_by_role("button", name="Publish the review").click()
    manager.wait_for_url(REVIEW_PAGE)
    expect(banner(manager)).to_contain_text("Review published")
    expect(manager.get_by_role("button", name="Reopen the review")).to_be_visible()
    checked(manager)

    # A practitioner reads the published summary: findings and responses, no working figures.
    practitioner = demo_login(demo, "practitioner")
    reader = new_page()
    sign_in(reader, practitioner.email, DEMO_PASSWORD, practitioner.totp_secret)
    nav(reader, "Assurance", "Effectiveness review")
    checked(reader)
    reader.get_by_role("link", name=TITLE).click()
    reader.wait_for_url(review_url)
    expect(reader.get_by_role("main")).to_contain_text(RECOMMENDATION)
    expect(reader.get_by_role("main")).to_contain_text("The partnership's response: accepted.")
    expect(reader.get_by_role("heading", name="The figures masa holds")).to_have_count(0)
    checked(reader)
