"""The business manager records an engagement activity and a "you said, we did" entry, is refused
a name and a group bigger than the number who took part, publishes the entry; a member of the
public finds it from the public learning page. axe-core and CSP checks on every page.

Run with: MASA_TESTING=1 uv run pytest -q -p no:cacheprovider tests/browser/test_voice_journey.py
"""

import re

from playwright.sync_api import expect

from tests.browser.conftest import assert_no_axe_violations, requires_browser
from tests.browser.test_journeys import SLUG, nav, sign_in_business_team

pytestmark = requires_browser

ACTIVITY_PAGE = re.compile(r"/p/hounslow/learning/voice/[0-9a-f-]{36}/(#\w+)?$")
TITLE = "Young carers' survey on school support"
YOU_SAID = "Teachers do not always know we look after someone at home."
WE_DID = "Every school's safeguarding lead now asks about caring at the start of the year."


def checked(page) -> None:
    assert_no_axe_violations(page)


def heading(page, text: str) -> None:
    expect(page.get_by_role("heading", level=1)).to_have_text(text)


def test_an_activity_and_an_entry_from_recording_to_the_public_page(new_page, demo):
    manager = new_page()
    sign_in_business_team(manager, demo)
    nav(manager, "Learning", "Voice of children and families")
    heading(manager, "Voice of children and families")
    checked(manager)

    # The demo's Youth Council session, with who took part as counts.
    manager.get_by_role("link", name="Youth Council session on staying safe online").click()
    manager.wait_for_url(ACTIVITY_PAGE)
    expect(manager.get_by_role("main")).to_contain_text("Adults do not understand the apps")
    checked(manager)

    manager.get_by_role("link", name="Back to the voice of children and families").click()
    manager.get_by_role("button", name="Record an engagement activity").click()
    heading(manager, "Record an engagement activity")
    checked(manager)
    manager.get_by_label("Title").fill(TITLE)
    manager.locator("#id_held_on_0").fill("12")
    manager.locator("#id_held_on_1").fill("3")
    manager.locator("#id_held_on_2").fill("2024")
    manager.get_by_label("Survey").check()
    manager.get_by_label("11 to 15", exact=True).fill("7")
    manager.get_by_label("Of whom young carers").fill("9")
    manager.get_by_label("What they said").fill("Mrs Khan said teachers do not know about caring.")
    manager.get_by_role("button", name="Save the activity").click()
    summary = manager.locator(".govuk-error-summary")
    expect(summary).to_contain_text("Young carers must not be more than the 7 who took part")
    expect(summary).to_contain_text("What they said must not identify anyone: remove “Mrs Khan”")
    expect(manager.get_by_label("Title")).to_have_value(TITLE)
    checked(manager)
    manager.get_by_label("Of whom young carers").fill("7")
    manager.get_by_label("What they said").fill("Young carers said teachers do not know about caring.")
    manager.get_by_role("button", name="Save the activity").click()
    manager.wait_for_url(ACTIVITY_PAGE)
    expect(manager.locator(".govuk-notification-banner")).to_contain_text("Activity saved")
    checked(manager)

    manager.get_by_role("button", name="Add a “you said, we did” entry").click()
    manager.get_by_label("You said").fill(YOU_SAID)
    manager.get_by_label("We did").fill(WE_DID)
    manager.get_by_label("Done").check()
    checked(manager)
    manager.get_by_role("button", name="Save the entry").click()
    manager.wait_for_url(ACTIVITY_PAGE)
    expect(manager.locator("#entries ~ .govuk-summary-card")).to_contain_text("Not published")
    manager.get_by_role("link", name="Publish entry 1").click()
    heading(manager, "Publish the entry")
    checked(manager)
    manager.get_by_role("button", name="Publish on the public page").click()
    manager.wait_for_url(ACTIVITY_PAGE)
    expect(manager.locator(".govuk-notification-banner")).to_contain_text("Entry published")

    public = new_page()
    public.goto(f"/partnerships/{SLUG}/learning/")
    public.get_by_role("link", name=re.compile("You said, we did")).click()
    heading(public, "You said, we did")
    expect(public.get_by_role("main")).to_contain_text(WE_DID)
    expect(public.get_by_role("main")).not_to_contain_text("We want help to keep in touch with our families")
    checked(public)
