"""The training coordinator adds a course (a mistake in the CPD hours is refused, answers kept), a
session of it (an end before the start is refused) and publishes it; then a signed-out visitor
filters the public training calendar down to it, opens the course page and downloads the
programme as a PDF brochure (docs/domain.md, "21.2 Courses, sessions and the public calendar").
axe-core checks on every page.

Run with: MASA_TESTING=1 uv run pytest -q -p no:cacheprovider tests/browser/test_training_calendar_journey.py
"""

import re
from datetime import timedelta
from io import BytesIO

from django.utils import timezone
from playwright.sync_api import expect
from pypdf import PdfReader

from masa.training.models import Course
from tests.browser.conftest import assert_no_axe_violations, requires_browser
from tests.browser.test_journeys import nav, sign_in_business_team

pytestmark = requires_browser

TITLE = "Working with fathers and male carers"
CALENDAR = "/partnerships/hounslow/training/"
COURSE_PAGE = re.compile(r"/p/hounslow/training/courses/[0-9a-f-]{36}/$")


def heading(page, text: str) -> None:
    expect(page.get_by_role("heading", level=1)).to_have_text(text)


def test_coordinator_publishes_a_course_and_a_visitor_finds_it_on_the_calendar(page, new_page, demo):
    sign_in_business_team(page, demo)
    nav(page, "Training", "Courses and sessions")
    heading(page, "Courses and sessions")
    assert_no_axe_violations(page)

    # The coordinator adds the course ---------------------------------------------------------
    page.get_by_role("button", name="Add a course").click()
    heading(page, "Add a course")
    assert_no_axe_violations(page)
    page.get_by_label("Title").fill(TITLE)
    page.get_by_label("Summary").fill("Seeing and involving the men in children's lives.")
    page.get_by_role("radio", name="Intermediate (working together)").check()
    page.get_by_label("Who it is for").fill("Practitioners in every agency")
    page.get_by_label("Learning outcomes").fill("Find out who the men are\nInvolve fathers in plans")
    page.locator("input[name=priorities]").first.check()
    page.get_by_label("CPD hours").fill("0")
    page.get_by_label("Trainer", exact=True).fill("Partnership training pool")
    page.get_by_role("radio", name="Never charged").check()
    page.get_by_role("button", name="Save the course").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("The CPD hours must be more than 0")
    expect(page.get_by_label("Title")).to_have_value(TITLE)
    assert_no_axe_violations(page)
    assert not Course.objects.filter(title=TITLE).exists()
    page.get_by_label("CPD hours").fill("2.5")
    page.get_by_role("button", name="Save the course").click()
    page.wait_for_url(COURSE_PAGE)
    heading(page, TITLE)
    expect(page.locator(".govuk-notification-banner")).to_contain_text(f"Course saved: {TITLE}")
    assert_no_axe_violations(page)

    # ... a session of it ----------------------------------------------------------------------
    page.get_by_role("button", name="Add a session").click()
    heading(page, "Add a session")
    day = timezone.localdate() + timedelta(days=21)
    page.locator("[name=date_0]").fill(str(day.day))
    page.locator("[name=date_1]").fill(str(day.month))
    page.locator("[name=date_2]").fill(str(day.year))
    page.get_by_label("Start time").fill("10:00")
    page.get_by_label("End time").fill("09:00")
    page.get_by_label("Venue").fill("Civic Centre, Lampton Road")
    page.get_by_label("Capacity (places)").fill("16")
    page.get_by_role("button", name="Save the session").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("The end time must be after the start time")
    assert_no_axe_violations(page)
    page.get_by_label("End time").fill("12:30")
    page.get_by_role("button", name="Save the session").click()
    page.wait_for_url(COURSE_PAGE)
    expect(page.get_by_role("table")).to_contain_text("0 of 16")

    # ... and publishes it --------------------------------------------------------------------
    page.get_by_role("button", name="Publish the course").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("Course published")
    assert_no_axe_violations(page)
    slug = Course.objects.get(title=TITLE).slug

    # A signed-out visitor finds it on the public calendar ------------------------------------
    visitor = new_page()
    visitor.goto(CALENDAR)
    heading(visitor, "Multi-agency safeguarding training")
    assert_no_axe_violations(visitor)
    visitor.get_by_label("Course").select_option(slug)
    visitor.get_by_label("Only sessions with places left").check()
    visitor.get_by_role("button", name="Apply filters").click()
    table = visitor.get_by_role("table")
    expect(table).to_contain_text("1 session matching your filters")
    expect(table).to_contain_text("16 places left")
    expect(table).to_contain_text(f"{day:%A} {day.day} {day:%B %Y}, 10:00 to 12:30")
    assert_no_axe_violations(visitor)
    table.get_by_role("link", name=TITLE).click()
    visitor.wait_for_url(f"**{CALENDAR}courses/{slug}/")
    heading(visitor, TITLE)
    expect(visitor.get_by_role("main")).to_contain_text("Involve fathers in plans")
    expect(visitor.get_by_role("main")).to_contain_text("no one is charged")
    assert_no_axe_violations(visitor)

    visitor.get_by_role("link", name="Back to the training calendar").click()
    with visitor.expect_download() as download_info:
        visitor.get_by_role("link", name="Download the training programme (PDF)").click()
    download = download_info.value
    assert download.suggested_filename == "hounslow-training-programme.pdf"
    with open(download.path(), "rb") as handle:
        text = " ".join(" ".join(p.extract_text() for p in PdfReader(BytesIO(handle.read())).pages).split())
    assert TITLE in text
