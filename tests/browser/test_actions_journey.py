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
from masa.reviews.models import Recommendation, Review, ReviewKind
from tests.browser.conftest import assert_no_axe_violations, requires_browser
from tests.browser.test_meetings_journey import fill_date, fresh_code
from tests.factories import (
    SETUP,
    TEST_PASSWORD,
    TEST_TOTP_SECRET,
    GroupFactory,
    GroupMemberFactory,
    PartnershipAgencyFactory,
    PartnershipFactory,
    PersonFactory,
    member,
)

pytestmark = requires_browser

TITLE = "Refresh the neglect practice guidance"
LATE = "Check the escalation policy is used"


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
    late = services.action_create(
        actor=SETUP,
        partnership=partnership,
        title=LATE,
        owner=owner,
        due_date=timezone.localdate() - timedelta(days=30),
        source=ActionSource.SCRUTINY_FINDING,
        group=group,
        today=timezone.localdate() - timedelta(days=60),  # agreed before it fell due
    )
    # Its deadline was moved once already, while it was still ahead.
    services.action_change(
        actor=SETUP,
        action=late,
        title=late.title,
        description="",
        owner=owner,
        owner_agency=late.owner_agency,
        due_date=timezone.localdate() - timedelta(days=20),
        reason="The scrutineer's report came late",
        today=timezone.localdate() - timedelta(days=40),
    )
    return {
        "partnership": partnership,
        "agency": agency,
        "group": group,
        "owner_person": owner,
        "owner": owner_user,
        "chair": chair_user,
        "action": action,
        "late": late,
    }


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
    expect(page.get_by_role("table")).to_contain_text(LATE)
    expect(page.get_by_role("table")).not_to_contain_text(TITLE)
    checked(page)
    due_after = page.get_by_role("group", name="Due on or after")
    due_after.get_by_label("Day").fill("31")
    due_after.get_by_label("Month").fill("2")
    due_after.get_by_label("Year").fill("2024")
    page.get_by_role("button", name="Apply filters").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("'due on or after' date must be a real date")
    expect(due_after.get_by_label("Day")).to_have_value("31")
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


def sign_in_with_code(page, email: str) -> None:
    """The business team signs in with a password and an authenticator code."""
    page.goto("/accounts/login/")
    page.get_by_label("Email address").fill(email)
    page.get_by_label("Password").fill(TEST_PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url("**/accounts/2fa/authenticate/")
    page.get_by_role("textbox", name=re.compile("code", re.I)).fill(fresh_code(TEST_TOTP_SECRET))
    page.get_by_role("button", name=re.compile("sign in|continue", re.I)).click()
    page.wait_for_url(lambda url: "/accounts/" not in url)


def test_business_team_changes_and_withdraws_actions(page, tracker):
    manager = member(tracker["partnership"], "business_team", full_name="Bea Business")
    action, late = tracker["action"], tracker["late"]
    today = timezone.localdate()
    sign_in_with_code(page, manager.email)

    # The Board's overdue list says the late action was extended once.
    page.goto("/p/actionshire/actions/overdue/")
    row = page.get_by_role("row").filter(has_text=LATE)
    expect(row).to_contain_text("extended once")
    checked(page)

    page.goto(f"/p/actionshire/actions/{action.uuid}/")
    heading(page, TITLE)
    detail_url = page.url
    page.get_by_role("button", name="Change the action").click()
    heading(page, "Change the action")
    expect(page.get_by_label("Title")).to_have_value(TITLE)
    checked(page)

    # A past due date and no reason are refused; the answers stay.
    fill_date(page, "Due date", today - timedelta(days=1))
    page.get_by_label("Title").fill("Refresh and publish the neglect practice guidance")
    page.get_by_role("button", name="Save the changes").click()
    summary = page.locator(".govuk-error-summary")
    expect(summary.get_by_role("link", name="The due date must be today or in the future")).to_be_visible()
    expect(summary.get_by_role("link", name="Enter why the action is being changed")).to_have_attribute(
        "href", "#id_reason"
    )
    expect(page).to_have_title(re.compile("^Error: Change the action"))
    expect(page.get_by_label("Title")).to_have_value("Refresh and publish the neglect practice guidance")
    checked(page)

    new_due = today + timedelta(days=49)
    fill_date(page, "Due date", new_due)
    page.get_by_label("Why are you making this change?").fill("The consultation was extended by the Board.")
    page.get_by_role("button", name="Save the changes").click()
    page.wait_for_url(detail_url)
    expect(page.locator(".govuk-notification-banner--success")).to_contain_text("Action changed")
    heading(page, "Refresh and publish the neglect practice guidance")
    expect(page.get_by_text("Changed: due date extended")).to_be_visible()
    expect(page.get_by_text(f"to “{new_due.day} {new_due:%B %Y}”")).to_be_visible()
    expect(page.get_by_text("Reason: The consultation was extended by the Board.")).to_be_visible()
    checked(page)

    # Withdraw the late action: a reason is required; it then leaves the overdue list.
    page.goto(f"/p/actionshire/actions/{late.uuid}/")
    expect(page.locator(".govuk-summary-list")).to_contain_text("None given")
    page.get_by_role("button", name="Withdraw the action").click()
    heading(page, "Withdraw the action")
    checked(page)
    page.get_by_role("button", name="Withdraw action").click()
    summary = page.locator(".govuk-error-summary")
    expect(summary.get_by_role("link", name="Enter why the action is being withdrawn")).to_be_visible()
    checked(page)
    page.get_by_label("Why is the action being withdrawn?").fill("Replaced by the new escalation audit.")
    page.get_by_role("button", name="Withdraw action").click()
    expect(page.locator(".govuk-notification-banner--success")).to_contain_text("Action withdrawn")
    expect(page.locator(".govuk-tag", has_text="Withdrawn")).to_be_visible()
    expect(page.get_by_text("Reason: Replaced by the new escalation audit.")).to_be_visible()
    expect(page.get_by_role("button", name="Withdraw the action")).to_have_count(0)
    checked(page)
    page.goto("/p/actionshire/actions/overdue/")
    expect(page.get_by_role("table")).not_to_contain_text(LATE)
    checked(page)


def test_owner_adds_evidence_before_closing_a_review_action(page, tracker):
    review = Review.objects.create(
        partnership=tracker["partnership"],
        kind=ReviewKind.LOCAL_LEARNING,
        reference="LLR-2026-01",
        title="Neglect in the early years",
    )
    recommendation = Recommendation.objects.create(
        partnership=tracker["partnership"], review=review, number=1, text="Use the neglect tool"
    )
    action = services.action_create(
        actor=SETUP,
        partnership=tracker["partnership"],
        title="Train health visitors in the neglect tool",
        owner=tracker["owner_person"],
        due_date=timezone.localdate() + timedelta(days=60),
        source=ActionSource.REVIEW_RECOMMENDATION,
        review_recommendation=recommendation,
        group=tracker["group"],
    )
    sign_in(page, tracker["owner"].email)
    page.goto(f"/p/actionshire/actions/{action.uuid}/")
    detail_url = page.url
    source = page.locator(".govuk-summary-list").get_by_role(
        "link", name="LLR-2026-01: Neglect in the early years"
    )
    expect(source).to_have_attribute("href", f"/p/actionshire/reviews/{review.uuid}/")
    # No close button until there is evidence; the page says why, with a link.
    expect(page.get_by_role("button", name="Close the action")).to_have_count(0)
    checked(page)
    page.goto(detail_url + "close/")
    heading(page, "Close the action")
    expect(page.get_by_label("Impact")).to_have_count(0)
    checked(page)
    page.locator("#evidence").get_by_role("link", name=re.compile("Add evidence")).click()
    heading(page, "Add evidence")
    page.get_by_role("radio", name="Written evidence").check()
    page.get_by_label("Describe the evidence").fill("Training register: 42 health visitors trained.")
    page.get_by_role("button", name="Add evidence").click()
    page.wait_for_url(detail_url)
    page.get_by_role("button", name="Close the action").click()
    heading(page, "Close the action")
    checked(page)
    page.get_by_label("Impact").fill("Health visitors use the tool at every new birth visit.")
    page.get_by_role("button", name="Close action").click()
    page.wait_for_url(detail_url)
    expect(page.locator(".govuk-notification-banner--success")).to_contain_text("Action closed")
    checked(page)
