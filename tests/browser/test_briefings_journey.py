"""7-minute briefings: the business manager writes and publishes one, a visitor reads it on the
public learning page and downloads the PDF, and an agency lead confirms they cascaded it.
axe-core and CSP checks on every page."""

import re

import pytest
from django.conf import settings
from django.contrib.auth.hashers import make_password
from django.utils import timezone
from playwright.sync_api import expect

from masa.briefings.models import Briefing, BriefingDissemination
from masa.demo.loader import DEMO_PASSWORD
from masa.reviews.models import DEFAULT_THEMES, Theme
from tests.browser.conftest import assert_no_axe_violations, requires_browser
from tests.browser.test_journeys import SLUG, sign_in

pytestmark = requires_browser

BRIEFINGS = f"/p/{SLUG}/briefings/"
LEARNING = f"/partnerships/{SLUG}/learning/"
TITLE = "Online harm: talking with adolescents"


@pytest.fixture
def logins(transactional_db):
    """Hounslow's structure and accounts as the demo loads them, and the default themes."""
    from masa.demo.loader import _load_partnership
    from masa.demo.structure_data import PARTNERSHIPS
    from masa.partnership.models import Partnership

    data = next(item for item in PARTNERSHIPS if item["slug"] == SLUG)
    found = _load_partnership(data, set(settings.MASA_MFA_ROLES), make_password(DEMO_PASSWORD))
    partnership = Partnership.objects.get(slug=SLUG)
    for slug, name in DEFAULT_THEMES:
        Theme.objects.get_or_create(partnership=partnership, slug=slug, defaults={"name": name})
    return {login.role: login for login in found}


def _fill_date(page, prefix: str, day) -> None:
    page.locator(f"#id_{prefix}_0").fill(str(day.day))
    page.locator(f"#id_{prefix}_1").fill(str(day.month))
    page.locator(f"#id_{prefix}_2").fill(str(day.year))


def test_briefing_written_published_read_downloaded_and_cascaded(new_page, logins):
    # The business manager writes a briefing ---------------------------------------------------
    manager = new_page()
    bt = logins["business_team"]
    sign_in(manager, bt.email, DEMO_PASSWORD, bt.totp_secret)
    manager.wait_for_url(f"**/p/{SLUG}/")
    manager.goto(BRIEFINGS)
    expect(manager.get_by_role("heading", level=1)).to_have_text("7-minute briefings")
    assert_no_axe_violations(manager)

    manager.get_by_role("button", name="Write a briefing").click()
    manager.wait_for_url("**/briefings/new/")
    assert_no_axe_violations(manager)
    manager.get_by_role("button", name="Save the draft").click()
    expect(manager.locator(".govuk-error-summary")).to_contain_text("Enter the title")
    assert_no_axe_violations(manager)

    manager.get_by_label("Title").fill(TITLE)
    manager.get_by_label("Online harm").check()
    manager.get_by_label("Adolescents").check()
    manager.get_by_label("Background").fill(
        "A local learning review after a care leaver took their own life."
    )
    manager.get_by_label("What we found").fill("Online harm affected the young person's mental health.")
    manager.get_by_label("Why it matters").fill(
        "Practitioners need to know the language of young people online."
    )
    manager.get_by_label("What to do").fill(
        "- Ask about online life\n- Make a safety plan that lasts past 18"
    )
    manager.get_by_role("button", name="Save the draft").click()
    manager.wait_for_url(re.compile(r"/briefings/[0-9a-f-]{36}/$"))
    expect(manager.get_by_role("heading", level=1)).to_have_text(TITLE)
    expect(manager.get_by_text("Draft", exact=True)).to_be_visible()
    assert_no_axe_violations(manager)

    manager.get_by_role("button", name="Preview").click()
    expect(manager.get_by_text("This is how the briefing will look")).to_be_visible()
    assert_no_axe_violations(manager)
    manager.go_back()

    manager.get_by_role("button", name="Publish the briefing").click()
    manager.wait_for_url(re.compile(r"/publish/$"))
    assert_no_axe_violations(manager)
    manager.get_by_role("button", name="Publish the briefing").click()
    manager.wait_for_url(re.compile(r"/briefings/[0-9a-f-]{36}/$"))
    expect(manager.get_by_text("Briefing published")).to_be_visible()
    expect(manager.get_by_text("0 of")).to_be_visible()
    assert_no_axe_violations(manager)
    briefing = Briefing.objects.get(title=TITLE)
    assert briefing.published_on == timezone.localdate()

    # A visitor reads it on the public learning page and downloads the PDF ---------------------
    visitor = new_page()
    visitor.goto(LEARNING)
    expect(visitor.get_by_role("heading", level=1)).to_have_text("Learning from reviews")
    assert_no_axe_violations(visitor)
    visitor.get_by_label("Show briefings about").select_option("online-harm")
    visitor.get_by_role("button", name="Show briefings").click()
    expect(visitor.get_by_text("Showing briefings about online harm")).to_be_visible()
    assert_no_axe_violations(visitor)
    visitor.get_by_role("link", name=TITLE, exact=True).click()
    visitor.wait_for_url(f"**{LEARNING}briefings/{briefing.slug}/")
    expect(visitor.get_by_role("heading", level=2, name="4. What to do")).to_be_visible()
    assert_no_axe_violations(visitor)
    with visitor.expect_download() as download_info:
        visitor.get_by_role("link", name="Download this briefing as a PDF").click()
    download = download_info.value
    assert download.suggested_filename == f"{briefing.slug}.pdf"
    with open(download.path(), "rb") as handle:
        assert handle.read(5) == b"%PDF-"

    # An agency lead confirms they cascaded it -------------------------------------------------
    lead_page = new_page()
    lead = logins["agency_lead"]
    sign_in(lead_page, lead.email, DEMO_PASSWORD, lead.totp_secret)
    lead_page.wait_for_url(f"**/p/{SLUG}/")
    lead_page.goto(BRIEFINGS)
    assert_no_axe_violations(lead_page)
    lead_page.get_by_role("link", name=TITLE, exact=True).click()
    assert_no_axe_violations(lead_page)
    lead_page.get_by_role("button", name="Confirm you cascaded it").click()
    lead_page.wait_for_url(re.compile(r"/dissemination/confirm/$"))
    assert_no_axe_violations(lead_page)
    _fill_date(lead_page, "confirmed_on", timezone.localdate())
    lead_page.get_by_label("How it was cascaded").fill("Team meetings")
    lead_page.get_by_label("Number of staff reached").fill("25")
    lead_page.get_by_role("button", name="Confirm dissemination").click()
    lead_page.wait_for_url(re.compile(r"/dissemination/$"))
    expect(lead_page.get_by_text(re.compile(r"^1 of \d+ agencies confirmed$"))).to_be_visible()
    assert_no_axe_violations(lead_page)
    confirmation = BriefingDissemination.objects.get(briefing=briefing)
    assert (confirmation.how, confirmation.staff_reached) == ("Team meetings", 25)
