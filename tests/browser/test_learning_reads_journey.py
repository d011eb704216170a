"""Learning for practitioners: a practitioner signs in, opens a 7-minute briefing from "Learning"
and records "I have read this"; the business manager then sees the read counted for the
practitioner's agency. axe-core and CSP checks on every page."""

from datetime import timedelta

import pytest
from django.conf import settings
from django.contrib.auth.hashers import make_password
from django.utils import timezone
from playwright.sync_api import expect

from masa.briefings.models import Briefing, BriefingStatus, LearningRead
from masa.demo.loader import DEMO_PASSWORD
from masa.partnership.models import Person
from tests.browser.conftest import assert_no_axe_violations, requires_browser
from tests.browser.test_journeys import SLUG, nav, sign_in

pytestmark = requires_browser

TITLE = "Bruising in babies who are not yet mobile"


@pytest.fixture
def logins(transactional_db):
    """Hounslow's structure and accounts as the demo loads them, and one published briefing."""
    from masa.demo.loader import _load_partnership
    from masa.demo.structure_data import PARTNERSHIPS
    from masa.partnership.models import Partnership

    data = next(item for item in PARTNERSHIPS if item["slug"] == SLUG)
    found = _load_partnership(data, set(settings.MASA_MFA_ROLES), make_password(DEMO_PASSWORD))
    Briefing.objects.create(
        partnership=Partnership.objects.get(slug=SLUG),
        title=TITLE,
        slug="bruising-in-babies",
        status=BriefingStatus.PUBLISHED,
        published_on=timezone.localdate() - timedelta(days=7),
        background="A baby who was not yet mobile was seen with a bruise on the face.",
        what_we_found="The bruise was not referred because the explanation seemed plausible.",
        why_it_matters="Bruising in a baby who is not mobile is rare and must be explained.",
        what_to_do="Follow the partnership's bruising protocol for every non-mobile baby.",
    )
    return {login.role: login for login in found}


def test_practitioner_reads_a_briefing_and_the_business_manager_counts_it(new_page, logins):
    # A practitioner opens the briefing from "Learning" and records that they read it ----------
    reader = new_page()
    practitioner = logins["practitioner"]
    sign_in(reader, practitioner.email, DEMO_PASSWORD, practitioner.totp_secret)
    reader.wait_for_url(f"**/p/{SLUG}/")
    nav(reader, "Learning", "Published learning")
    reader.wait_for_url(f"**/p/{SLUG}/learning/")
    expect(reader.get_by_role("heading", level=1)).to_have_text("Published learning")
    expect(reader.get_by_text("Not read yet")).to_be_visible()
    assert_no_axe_violations(reader)

    reader.get_by_role("link", name=TITLE, exact=True).click()
    expect(reader.get_by_role("heading", level=1)).to_have_text(TITLE)
    assert_no_axe_violations(reader)
    reader.get_by_role("button", name="I have read this").click()
    today = timezone.localdate()
    expect(reader.get_by_text(f"You read this on {today.day} {today:%B %Y}")).to_be_visible()
    expect(reader.get_by_role("button", name="I have read this")).to_have_count(0)
    assert_no_axe_violations(reader)
    read = LearningRead.objects.get(briefing__title=TITLE)
    agency = Person.objects.filter(user=read.user).get().agency
    assert read.agency == agency

    # The business manager sees it counted for the practitioner's agency -----------------------
    manager = new_page()
    bt = logins["business_team"]
    sign_in(manager, bt.email, DEMO_PASSWORD, bt.totp_secret)
    manager.wait_for_url(f"**/p/{SLUG}/")
    manager.goto(f"/p/{SLUG}/learning/")
    assert_no_axe_violations(manager)
    manager.get_by_role("link", name="See how many people in each agency have read").click()
    expect(manager.get_by_role("heading", level=1)).to_have_text("Who has read the learning")
    table = manager.get_by_role("table", name="Readers per agency")
    headers = table.get_by_role("columnheader").all_inner_texts()
    column = headers.index(agency.name)
    row = table.get_by_role("row").filter(has_text=TITLE)
    cells = row.get_by_role("cell").all_inner_texts()
    # The row header is the first column: each cell sits one place to the left of its heading.
    assert cells[column - 1] == "1" and cells[-1] == "1"
    expect(manager.get_by_text("1 read recorded in all")).to_be_visible()
    assert_no_axe_violations(manager)
