"""The training coordinator creates a training needs analysis (a closing date before the opening
date is refused, answers kept), an agency lead answers it for their agency (a negative number is
refused) and sends it, and the coordinator reads the chart and its table with the courses planned
from each topic; then the lead safeguarding partner reads the training figures for the yearly
report. axe-core and CSP checks on every page.

The demo holds no training rows this journey relies on: it writes its own in Hounslow (a course
and a session in 2019-20, a year the demo does not use).

Run with: MASA_TESTING=1 uv run pytest -q -p no:cacheprovider tests/browser/test_training_needs_journey.py
"""

import re
from datetime import date, timedelta

from django.utils import timezone
from playwright.sync_api import expect

from masa.demo.loader import DEMO_PASSWORD
from masa.partnership.models import Partnership, Person, Priority
from masa.training.models import Course, NeedsTopic
from tests.browser.conftest import assert_no_axe_violations, requires_browser
from tests.browser.test_journeys import SLUG, demo_login, sign_in, sign_in_business_team
from tests.training.figures_rows import add_course, add_session, at, book, evaluate

pytestmark = requires_browser

ANALYSIS_PAGE = re.compile(r"/p/hounslow/training/needs/[0-9a-f-]{36}/$")
TITLE = "Training needs 2027 to 2028"


def checked(page) -> None:
    assert_no_axe_violations(page)


def heading(page, text: str) -> None:
    expect(page.get_by_role("heading", level=1)).to_have_text(text)


def _fill_date(page, prefix: str, day: date) -> None:
    page.locator(f"#id_{prefix}_0").fill(str(day.day))
    page.locator(f"#id_{prefix}_1").fill(str(day.month))
    page.locator(f"#id_{prefix}_2").fill(str(day.year))


def _figures_rows(partnership: Partnership) -> Priority:
    """A course on a priority with one session in 2019-20: 2 booked, 1 attended, 1 no-show."""
    priority = Priority.objects.filter(partnership=partnership).order_by("order", "pk").first()
    course = add_course(partnership, "journey-neglect", priority)
    session = add_session(course, at(2019, 10, 1), 12)
    people = Person.objects.filter(partnership=partnership, user__isnull=False).select_related("user")[:2]
    attended, _ = (
        book(session, person.user, person.agency, attendance=attendance)
        for person, attendance in zip(people, ("attended", "no_show"), strict=True)
    )
    evaluate(attended, 2, 4, 5)
    return priority


def test_a_needs_analysis_from_creation_to_results_and_the_yearly_figures(new_page, demo):
    hounslow = Partnership.objects.get(slug=SLUG)
    priority = _figures_rows(hounslow)
    today = timezone.localdate()
    lead_login = demo_login(demo, "agency_lead")
    lead = Person.objects.select_related("agency").get(partnership=hounslow, email=lead_login.email)

    # The coordinator creates the analysis; a closing date before the opening date is refused.
    manager = new_page()
    sign_in_business_team(manager, demo)
    manager.goto(f"/p/{SLUG}/training/needs/")
    heading(manager, "Training needs analyses")
    checked(manager)
    manager.get_by_role("button", name="Create a training needs analysis").click()
    heading(manager, "Create a training needs analysis")
    checked(manager)
    manager.get_by_label("Title").fill(TITLE)
    _fill_date(manager, "opens_on", today)
    _fill_date(manager, "closes_on", today - timedelta(days=1))
    manager.get_by_label("Topic 1", exact=True).fill("Recognising neglect")
    manager.get_by_label("Priority topic 1 serves (optional)").select_option(str(priority.pk))
    manager.get_by_label("Topic 2", exact=True).fill("Online harm")
    manager.get_by_role("button", name="Save the needs analysis").click()
    expect(manager.locator(".govuk-error-summary")).to_contain_text(
        "The closing date must be after the opening date"
    )
    expect(manager.get_by_label("Topic 2", exact=True)).to_have_value("Online harm")
    checked(manager)
    _fill_date(manager, "closes_on", today + timedelta(days=21))
    manager.get_by_role("button", name="Save the needs analysis").click()
    manager.wait_for_url(ANALYSIS_PAGE)
    heading(manager, TITLE)
    expect(manager.locator(".govuk-notification-banner")).to_contain_text(
        "the agency leads have been emailed"
    )
    checked(manager)
    analysis_url = manager.url

    # The agency lead answers for their agency: a negative number is refused, then sent.
    answerer = new_page()
    sign_in(answerer, lead_login.email, DEMO_PASSWORD, lead_login.totp_secret)
    answerer.wait_for_url(f"**/p/{SLUG}/")
    answerer.goto(analysis_url)
    heading(answerer, TITLE)
    checked(answerer)
    answerer.get_by_role("link", name=f"Answer for {lead.agency.name}").click()
    heading(answerer, f"Training needs of {lead.agency.name}")
    checked(answerer)
    neglect = NeedsTopic.objects.get(analysis__title=TITLE, name="Recognising neglect")
    online = NeedsTopic.objects.get(analysis__title=TITLE, name="Online harm")
    answerer.locator(f"#id_staff_{neglect.pk}_foundation").fill("-4")
    answerer.locator(f"#id_staff_{neglect.pk}_intermediate").fill("12")
    answerer.locator(f"#id_staff_{online.pk}_advanced").fill("3")
    answerer.get_by_label("Other training needs or comments").fill("Our night staff need sessions too")
    answerer.get_by_role("button", name="Send the answer").click()
    expect(answerer.locator(".govuk-error-summary")).to_contain_text(
        "The number of staff for Recognising neglect at foundation level cannot be less than 0"
    )
    expect(answerer.get_by_label("Other training needs or comments")).to_have_value(
        "Our night staff need sessions too"
    )
    checked(answerer)
    answerer.locator(f"#id_staff_{neglect.pk}_foundation").fill("40")
    answerer.get_by_role("button", name="Send the answer").click()
    answerer.wait_for_url(ANALYSIS_PAGE)
    expect(answerer.locator(".govuk-notification-banner")).to_contain_text(
        f"The answer for {lead.agency.name} is sent"
    )
    checked(answerer)

    # The coordinator reads the chart and its table; the programme is planned from the topics.
    Course.objects.get(partnership=hounslow, slug="journey-neglect").needs_topics.add(neglect)
    manager.goto(analysis_url)
    manager.get_by_role("button", name="See the results").click()
    heading(manager, f"Results of {TITLE}")
    expect(manager.locator("svg[role=img]")).to_have_count(1)
    table = manager.get_by_role("table", name="Figures in the chart: staff needing training")
    expect(table.get_by_role("row", name=re.compile("Recognising neglect"))).to_contain_text("40")
    expect(table.get_by_role("row", name=re.compile("All topics"))).to_contain_text("55")
    programme = manager.get_by_role("table", name="Topics, priorities and courses planned")
    expect(programme.get_by_role("row", name=re.compile("Recognising neglect"))).to_contain_text(
        "Course journey-neglect"
    )
    expect(programme.get_by_role("row", name=re.compile("Online harm"))).to_contain_text(
        "No course planned yet"
    )
    expect(manager.get_by_role("main")).to_contain_text("Our night staff need sessions too")
    checked(manager)

    # The lead safeguarding partner reads the training figures for the yearly report.
    lsp_login = demo_login(demo, "lsp")
    reader = new_page()
    sign_in(reader, lsp_login.email, DEMO_PASSWORD, lsp_login.totp_secret)
    reader.wait_for_url(f"**/p/{SLUG}/")
    reader.goto(f"/p/{SLUG}/training/figures/?year=2019-20")
    heading(reader, "Training figures for 2019-20")
    expect(reader.locator("#year-figures + dl")).to_contain_text("50.0% (1 of 2)")
    expect(reader.get_by_role("table")).to_contain_text(priority.title)
    checked(reader)
