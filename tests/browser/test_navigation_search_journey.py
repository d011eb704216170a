"""The business manager finds their way by the sections of the service navigation, then searches
from the header and opens a result; a practitioner does the same without JavaScript on a phone-sized
screen. axe-core (WCAG 2.2 AA) and CSP checks on every page, wide and narrow.

Run with: MASA_TESTING=1 uv run pytest -q -p no:cacheprovider tests/browser/test_navigation_search_journey.py
"""

import re

from playwright.sync_api import expect

from masa.partnership.models import Partnership
from tests.browser.conftest import TIMEOUT_MS, assert_no_axe_violations, requires_browser
from tests.browser.test_journeys import SLUG, sign_in_business_team
from tests.factories import TEST_PASSWORD, member

pytestmark = requires_browser

WIDE = {"width": 1280, "height": 800}
NARROW = {"width": 320, "height": 640}


def checked_wide_and_narrow(page) -> None:
    """axe on the page as it is, then again at 320 CSS pixels wide (WCAG 1.4.10 reflow)."""
    assert_no_axe_violations(page)
    page.set_viewport_size(NARROW)
    assert_no_axe_violations(page)
    # Nothing wider than the screen: no scrolling sideways.
    assert page.evaluate("document.documentElement.scrollWidth") <= NARROW["width"], page.url
    page.set_viewport_size(WIDE)


def menu(page):
    return page.get_by_role("navigation", name="Menu")


def open_section(page, name: str) -> None:
    menu(page).get_by_role("link", name=name, exact=True).click()
    page.wait_for_url(f"**/p/{SLUG}/sections/*/")
    expect(page.get_by_role("heading", level=1)).to_have_text(name)
    # The section's own link is marked as the current page.
    expect(menu(page).get_by_role("link", name=name, exact=True)).to_have_attribute("aria-current", "page")
    checked_wide_and_narrow(page)


def test_business_manager_uses_the_sections_and_searches(page, demo):
    page.set_viewport_size(WIDE)
    sign_in_business_team(page, demo)
    expect(menu(page).get_by_role("link", name="Home", exact=True)).to_have_attribute("aria-current", "page")
    checked_wide_and_narrow(page)
    # Seven sections, each with pages the business team may reach.
    for name in ("Governance", "Learning", "Training", "Assurance", "Performance", "Actions", "Admin"):
        expect(menu(page).get_by_role("link", name=name, exact=True)).to_be_visible()

    # Learning lists the incidents and reviews; a page inside it keeps the section marked.
    open_section(page, "Learning")
    main = page.get_by_role("main")
    expect(main.get_by_role("link", name="Serious incidents and rapid reviews")).to_be_visible()
    main.get_by_role("link", name="Learning reviews", exact=True).click()
    page.wait_for_url(f"**/p/{SLUG}/reviews/")
    expect(menu(page).get_by_role("link", name="Learning", exact=True)).to_have_attribute(
        "aria-current", "true"
    )

    # Performance holds the statutory clocks, which had no menu entry before.
    open_section(page, "Performance")
    page.get_by_role("main").get_by_role("link", name="Statutory clocks").click()
    page.wait_for_url(f"**/p/{SLUG}/clocks/")
    expect(menu(page).get_by_role("link", name="Performance", exact=True)).to_have_attribute(
        "aria-current", "true"
    )
    assert_no_axe_violations(page)

    open_section(page, "Admin")
    expect(page.get_by_role("main").get_by_role("link", name="Audit log")).to_be_visible()

    # Search from the header, with a phrase in quotes.
    header_search = page.get_by_role("search", name="Search masa")
    header_search.get_by_role("searchbox", name="Search records").fill('"True to Us"')
    header_search.get_by_role("button", name="Search").click()
    page.wait_for_url("**/search/?*")
    expect(page.get_by_role("heading", level=1)).to_have_text("Search")
    expect(page.get_by_role("heading", level=2, name=re.compile(r"^\d+ results?$"))).to_be_visible()
    # The results page keeps the partnership's navigation.
    expect(menu(page).get_by_role("link", name="Learning", exact=True)).to_be_visible()
    checked_wide_and_narrow(page)
    result = page.get_by_role("main").get_by_role("link", name=re.compile("True to Us")).first
    expect(page.get_by_role("main")).to_contain_text("Hounslow Safeguarding Children Partnership")
    result.click()
    page.wait_for_url(re.compile(r"/p/hounslow/(reviews|briefings)/[0-9a-f-]{36}/"))
    expect(page.get_by_role("heading", level=1)).to_contain_text("True to Us")
    assert_no_axe_violations(page)

    # Back to the results; words nothing matches get a helpful message.
    page.go_back()
    page.wait_for_url("**/search/?*")
    page.get_by_role("main").get_by_role("searchbox").fill("zebra crossing quartet")
    page.get_by_role("main").get_by_role("button", name="Search").click()
    expect(page.get_by_role("heading", level=2, name="No results")).to_be_visible()
    checked_wide_and_narrow(page)


def test_practitioner_navigates_and_searches_without_javascript(browser, live_server, demo):
    user = member(Partnership.objects.get(slug=SLUG), "practitioner", mfa=False)
    context = browser.new_context(base_url=live_server.url, java_script_enabled=False, viewport=NARROW)
    context.set_default_timeout(TIMEOUT_MS)
    try:
        page = context.new_page()
        # axe cannot run without JavaScript: this journey checks that everything still works (the
        # journey above checks the same pages with axe at this width).
        page.goto("/accounts/login/")
        page.get_by_label("Email address").fill(user.email)
        page.get_by_label("Password").fill(TEST_PASSWORD)
        page.get_by_role("button", name="Sign in").click()
        page.wait_for_url(f"**/p/{SLUG}/")
        # Without JavaScript the menu is a plain list of links, shown in full even on a phone.
        labels = [label.strip() for label in menu(page).get_by_role("link").all_inner_texts()]
        # Training: booking and their own certificates. Assurance: the published summaries of
        # inspections, multi-agency audits and effectiveness reviews.
        assert labels == [
            "Home",
            "Governance",
            "Learning",
            "Training",
            "Assurance",
            "Actions",
            "Your account",
        ], labels
        menu(page).get_by_role("link", name="Governance", exact=True).click()
        page.wait_for_url(f"**/p/{SLUG}/sections/governance/")
        main = page.get_by_role("main")
        expect(main.get_by_role("link", name="Groups and terms of reference")).to_be_visible()
        # Practitioners sit on no group here: no meetings, so no link to them.
        expect(main.get_by_role("link", name="Meetings")).to_have_count(0)

        page.get_by_role("search", name="Search masa").get_by_role("searchbox").fill(
            "Effective Practice Group"
        )
        page.get_by_role("search", name="Search masa").get_by_role("button", name="Search").click()
        page.wait_for_url("**/search/?*")
        results = page.get_by_role("main").get_by_role("listitem")
        # Groups are found; the group's minutes are not (need-to-know).
        expect(results.filter(has_text="Group").first).to_be_visible()
        expect(page.get_by_role("main")).not_to_contain_text("Minutes:")
        page.get_by_role("main").get_by_role("link", name="Effective Practice Group", exact=True).click()
        page.wait_for_url(re.compile(r"/groups/[0-9a-f-]{36}/$"))
        expect(page.get_by_role("heading", level=1)).to_have_text("Effective Practice Group")
    finally:
        context.close()
