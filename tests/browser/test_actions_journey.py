"""Browser journeys through the action tracker, with axe-core and CSP checks on every page.

Run with: MASA_TESTING=1 uv run pytest -q -p no:cacheprovider tests/browser/test_actions_journey.py
"""

import re
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from masa.actions import services
from masa.actions.models import ActionSource
from tests.browser.conftest import assert_no_axe_violations, requires_browser
from tests.factories import (
    SETUP,
    TEST_PASSWORD,
    GroupFactory,
    GroupMemberFactory,
    PartnershipAgencyFactory,
    PartnershipFactory,
    PersonFactory,
    member,
)

pytestmark = requires_browser

TITLE = "Refresh the neglect practice guidance"


@pytest.fixture
def tracker(transactional_db):
    """A partnership with a group, its chair, and an action owned by a group member."""
    partnership = PartnershipFactory(slug="actionshire", name="Actionshire Safeguarding Children Partnership")
    agency = PartnershipAgencyFactory(partnership=partnership).agency
    group = GroupFactory(partnership=partnership, name="Learning and Improvement Group")
    owner_user = member(partnership, "member", mfa=False, full_name="Olu Owner")
    owner = PersonFactory(
        partnership=partnership, agency=agency, user=owner_user, name="Olu Owner", email=owner_user.email
    )
    GroupMemberFactory(group=group, person=owner)
    chair_user = member(partnership, "chair", mfa=False, full_name="Chidi Chair")
    group.chair = PersonFactory(
        partnership=partnership, agency=agency, user=chair_user, name="Chidi Chair", email=chair_user.email
    )
    group.save()
    action = services.action_create(
        actor=SETUP,
        partnership=partnership,
        title=TITLE,
        description="Agreed after the rapid review.",
        owner=owner,
        due_date=timezone.localdate() + timedelta(days=21),
        source=ActionSource.ESCALATION,
        group=group,
    )
    services.action_create(
        actor=SETUP,
        partnership=partnership,
        title="Check the escalation policy is used",
        owner=owner,
        due_date=timezone.localdate() - timedelta(days=3),
        source=ActionSource.SCRUTINY_FINDING,
        group=group,
        today=timezone.localdate() - timedelta(days=10),  # agreed before it fell due
    )
    return {"partnership": partnership, "owner": owner_user, "chair": chair_user, "action": action}


def checked(page) -> None:
    assert_no_axe_violations(page)


def sign_in(page, email: str) -> None:
    page.goto("/accounts/login/")
    page.get_by_label("Email address").fill(email)
    page.get_by_label("Password").fill(TEST_PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(lambda url: "/accounts/login/" not in url)


def heading(page, text: str) -> None:
    expect(page.get_by_role("heading", level=1)).to_have_text(text)
    expect(page).to_have_title(re.compile("^" + re.escape(text) + " – "))


def test_owner_updates_evidences_and_closes_an_action(page, tracker):
    sign_in(page, tracker["owner"].email)

    page.goto("/actions/mine/")
    heading(page, "My actions")
    table = page.get_by_role("table")
    expect(table).to_contain_text(TITLE)
    expect(table.get_by_text("Overdue")).to_be_visible()
    checked(page)

    table.get_by_role("link", name=TITLE).click()
    page.wait_for_url(re.compile(r"/p/actionshire/actions/[0-9a-f-]{36}/$"))
    heading(page, TITLE)
    detail_url = page.url
    checked(page)

    # An empty update is refused with a GOV.UK error, then the update is posted.
    page.get_by_role("button", name="Post an update").click()
    heading(page, "Post an update")
    checked(page)
    page.get_by_role("checkbox", name="Mark the action as in progress").check()
    page.get_by_role("button", name="Post update").click()
    summary = page.locator(".govuk-error-summary")
    expect(summary.get_by_role("link", name="Enter the update")).to_have_attribute("href", "#id_text")
    expect(page).to_have_title(re.compile("^Error: Post an update"))
    expect(page.get_by_role("checkbox", name="Mark the action as in progress")).to_be_checked()
    checked(page)
    page.get_by_label("Update", exact=True).fill("Drafted with the practice leads; out for comment.")
    page.get_by_role("button", name="Post update").click()
    page.wait_for_url(detail_url)
    expect(page.locator(".govuk-notification-banner--success")).to_contain_text("Update posted")
    expect(page.get_by_text("Drafted with the practice leads; out for comment.")).to_be_visible()
    expect(page.get_by_text("Status changed from open to in progress")).to_be_visible()
    checked(page)

    page.get_by_role("button", name="Add evidence").click()
    heading(page, "Add evidence")
    checked(page)
    page.get_by_role("button", name="Add evidence").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Select the kind of evidence")
    checked(page)
    page.get_by_role("radio", name="File").check()
    page.get_by_role("button", name="Add evidence").click()
    summary = page.locator(".govuk-error-summary")
    expect(summary.get_by_role("link", name="Select a file")).to_have_attribute("href", "#id_file")
    expect(page.get_by_role("radio", name="File")).to_be_checked()
    checked(page)
    page.get_by_role("radio", name="Written evidence").check()
    page.get_by_label("Describe the evidence").fill("Guidance published on the partnership website.")
    checked(page)
    page.get_by_role("button", name="Add evidence").click()
    page.wait_for_url(detail_url)
    expect(page.locator(".govuk-notification-banner--success")).to_contain_text("Evidence added")
    expect(page.get_by_text("Guidance published on the partnership website.")).to_be_visible()
    checked(page)

    page.get_by_role("button", name="Close the action").click()
    heading(page, "Close the action")
    page.get_by_role("button", name="Close action").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Enter the impact")
    checked(page)
    page.get_by_label("Impact").fill("Practitioners use the new neglect tool in supervision.")
    page.get_by_role("button", name="Close action").click()
    page.wait_for_url(detail_url)
    expect(page.locator(".govuk-notification-banner--success")).to_contain_text("Action closed")
    expect(page.locator(".govuk-summary-list")).to_contain_text(
        "Practitioners use the new neglect tool in supervision."
    )
    expect(page.get_by_role("button", name="Post an update")).to_have_count(0)
    checked(page)

    page.goto("/actions/mine/")
    expect(page.get_by_role("table")).not_to_contain_text(TITLE)
    page.get_by_role("link", name="Show closed actions as well").click()
    expect(page.get_by_role("table")).to_contain_text(TITLE)
    checked(page)

    # The partnership's lists: all actions (with filters) and the Board's overdue list.
    page.goto("/p/actionshire/actions/")
    heading(page, "Actions")
    checked(page)
    page.get_by_label("Status").select_option(label="Overdue")
    page.get_by_role("button", name="Apply filters").click()
    page.wait_for_url(re.compile(r"status=overdue"))
    expect(page.get_by_role("table")).to_contain_text("Check the escalation policy is used")
    expect(page.get_by_role("table")).not_to_contain_text(TITLE)
    checked(page)
    page.get_by_label("Due on or after").fill("not a date")
    page.get_by_role("button", name="Apply filters").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Enter a real date")
    checked(page)
    page.goto("/p/actionshire/actions/overdue/")
    heading(page, "Overdue actions for the Board")
    checked(page)


def test_chair_reopens_a_closed_action(page, tracker):
    action = tracker["action"]
    services.action_close(actor=tracker["owner"], action=action, impact="Guidance published.")
    sign_in(page, tracker["chair"].email)

    page.goto(f"/p/actionshire/groups/{action.group.uuid}/actions/")
    heading(page, "Learning and Improvement Group: actions")
    checked(page)
    page.get_by_role("table").get_by_role("link", name=TITLE).click()
    heading(page, TITLE)
    checked(page)

    page.get_by_role("button", name="Reopen the action").click()
    heading(page, "Reopen the action")
    page.get_by_role("button", name="Reopen action").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Enter why the action is being reopened")
    checked(page)
    page.get_by_label("Why is the action being reopened?").fill("The re-audit found the tool is not used.")
    page.get_by_role("button", name="Reopen action").click()
    expect(page.locator(".govuk-notification-banner--success")).to_contain_text("Action reopened")
    expect(page.get_by_text("Reopened: The re-audit found the tool is not used.")).to_be_visible()
    expect(page.get_by_role("button", name="Post an update")).to_have_count(0)  # the chair is not the owner
    checked(page)
