"""The business manager reads Hounslow's local case discussions of 2023-24, records a new one
(refused first with the errors named), adds an action that goes into the tracker, and finds the
discussion on its theme's page; a practitioner reads the shared learning without any case
reference. axe-core and CSP checks on every page.

Run with: MASA_TESTING=1 uv run pytest -q -p no:cacheprovider tests/browser/test_case_discussions_journey.py
"""

import re
from datetime import timedelta

from django.utils import timezone
from playwright.sync_api import expect

from masa.actions.models import Action, ActionSource
from masa.demo.loader import DEMO_PASSWORD
from tests.browser.conftest import requires_browser
from tests.browser.test_journeys import demo_login, nav, sign_in, sign_in_business_team
from tests.browser.test_section11_journey import _fill_date, checked, heading

pytestmark = requires_browser

DISCUSSION_PAGE = re.compile(r"/p/hounslow/learning/case-discussions/[0-9a-f-]{36}/(#\w+)?$")
LEARNING = "Young people were groomed through a gaming platform's chat."
ACTION = "Brief school safeguarding leads on grooming through gaming platforms"


def test_recording_a_discussion_and_reading_its_learning(new_page, demo):
    today = timezone.localdate()
    manager = new_page()
    sign_in_business_team(manager, demo)
    nav(manager, "Learning", "Local case discussions")
    heading(manager, "Local case discussions")
    main = manager.get_by_role("main")
    expect(main).to_contain_text("2023 to 2024")
    expect(main).to_contain_text("Child LD")
    checked(manager)

    manager.get_by_role("button", name="Record a discussion").click()
    heading(manager, "Record a local case discussion")
    checked(manager)
    manager.get_by_role("textbox", name="Case reference").fill("Jayden Smith")
    manager.get_by_role("button", name="Save the discussion").click()
    summary = manager.locator(".govuk-error-summary")
    expect(summary).to_contain_text("Select what the group decided")
    expect(manager.get_by_role("textbox", name="Case reference")).to_have_value("Jayden Smith")
    checked(manager)

    manager.get_by_label("Group that discussed the case").select_option(label="Effective Practice Group")
    _fill_date(manager, "discussed_on", today - timedelta(days=1))
    manager.get_by_label("Agency that referred the case").select_option(label="London Borough of Hounslow")
    manager.get_by_role("radio", name="Single-agency learning").check()
    manager.get_by_role("checkbox", name="Online harm", exact=True).check()
    manager.get_by_label("Learning", exact=True).fill(LEARNING)
    manager.get_by_role("checkbox", name=re.compile("Share the learning")).check()
    manager.get_by_role("button", name="Save the discussion").click()
    expect(summary).to_contain_text("The reference must not contain a name")
    checked(manager)
    manager.get_by_role("textbox", name="Case reference").fill("Child LE")
    manager.get_by_role("button", name="Save the discussion").click()
    manager.wait_for_url(DISCUSSION_PAGE)
    heading(manager, "Child LE")
    expect(manager.locator(".govuk-notification-banner--success")).to_contain_text("Discussion recorded")
    checked(manager)

    manager.get_by_role("button", name="Add an action").click()
    heading(manager, "Add an action")
    manager.get_by_label("Action", exact=True).fill(ACTION)
    manager.get_by_label("Owner of the action").select_option(index=1)
    _fill_date(manager, "due_date", today + timedelta(days=60))
    manager.get_by_role("button", name="Add the action").click()
    manager.wait_for_url(DISCUSSION_PAGE)
    expect(manager.locator("#actions ~ table")).to_contain_text(ACTION)
    action = Action.objects.get(partnership__slug="hounslow", title=ACTION)
    assert action.source == ActionSource.CASE_DISCUSSION and "Child LE" not in action.description
    checked(manager)

    manager.get_by_role("link", name="Online harm").first.click()
    heading(manager, "Online harm")
    expect(manager.get_by_role("main")).to_contain_text("Child LE")
    checked(manager)

    practitioner_login = demo_login(demo, "practitioner")
    reader = new_page()
    sign_in(reader, practitioner_login.email, DEMO_PASSWORD, practitioner_login.totp_secret)
    nav(reader, "Learning", "Local case discussions")
    heading(reader, "Local case discussions")
    main = reader.get_by_role("main")
    expect(main).to_contain_text("A case discussed in")
    expect(main).not_to_contain_text("Child L")
    checked(reader)
    reader.get_by_role("link", name=re.compile("A case discussed in")).first.click()
    reader.wait_for_url(DISCUSSION_PAGE)
    expect(reader.get_by_role("main")).not_to_contain_text("Child L")
    expect(reader.get_by_role("main")).to_contain_text("Learning")
    checked(reader)
