"""The business manager opens a multi-agency audit of two cases with two agencies; the agency
lead completes and submits their agency's part; the business manager agrees the grades at
moderation and records a finding with an owner, whose action appears in the tracker; once the
audit is published a practitioner reads its summary without any case reference. axe-core and
CSP checks on every page.

Run with: MASA_TESTING=1 uv run pytest -q -p no:cacheprovider tests/browser/test_case_audits_journey.py
"""

import re
from datetime import date, timedelta

from django.utils import timezone
from playwright.sync_api import expect

from masa.actions.models import Action, ActionSource
from masa.case_audits.models import AuditQuestion
from masa.demo.loader import DEMO_PASSWORD
from masa.partnership.models import Person
from tests.browser.conftest import assert_no_axe_violations, requires_browser
from tests.browser.test_journeys import SLUG, demo_login, nav, sign_in, sign_in_business_team

pytestmark = requires_browser

AUDIT_PAGE = re.compile(r"/p/hounslow/assurance/audits/[0-9a-f-]{36}/(#\w+)?$")
PART_PAGE = re.compile(r"/p/hounslow/assurance/audits/parts/[0-9a-f-]{36}/$")
TOPIC = "Domestic abuse and children under five"
FINDING = "Health visitors should be invited to every strategy discussion for a child under five"


def checked(page) -> None:
    assert_no_axe_violations(page)


def heading(page, text: str) -> None:
    expect(page.get_by_role("heading", level=1)).to_have_text(text)


def _fill_date(page, prefix: str, day: date) -> None:
    page.locator(f"#id_{prefix}_0").fill(str(day.day))
    page.locator(f"#id_{prefix}_1").fill(str(day.month))
    page.locator(f"#id_{prefix}_2").fill(str(day.year))


def _questions() -> list[int]:
    return list(
        AuditQuestion.objects.filter(tool__audits__topic=TOPIC)
        .order_by("number")
        .values_list("pk", flat=True)
    )


def test_an_audit_from_opening_to_the_published_summary(new_page, demo):
    today = timezone.localdate()
    lead_login = demo_login(demo, "agency_lead")
    lead = Person.objects.select_related("agency").get(partnership__slug=SLUG, email=lead_login.email)

    manager = new_page()
    sign_in_business_team(manager, demo)
    nav(manager, "Assurance", "Multi-agency audits")
    heading(manager, "Multi-agency audits")
    expect(manager.locator("#scores + p + .govuk-grid-row")).to_contain_text("Neglect (December 2023)")
    checked(manager)
    # The shipped tool: its scale (1 is the best grade) and questions.
    manager.get_by_role("link", name="Multi-agency case audit tool").click()
    heading(manager, "Multi-agency case audit tool")
    expect(manager.get_by_role("main")).to_contain_text("1 Outstanding")
    checked(manager)
    nav(manager, "Assurance", "Multi-agency audits")

    # Open the audit with the shipped tool; a bad answer first.
    manager.get_by_role("button", name="Open an audit").click()
    heading(manager, "Open a multi-agency audit")
    checked(manager)
    manager.get_by_role("button", name="Open the audit").click()
    expect(manager.locator(".govuk-error-summary")).to_contain_text("Select the agencies taking part")
    checked(manager)
    manager.get_by_label("Audit tool").select_option(label="Multi-agency case audit tool")
    manager.get_by_label("Topic").fill(TOPIC)
    manager.get_by_role("checkbox", name=lead.agency.name, exact=True).check()
    manager.get_by_role(
        "checkbox", name="Hounslow and Richmond Community Healthcare NHS Trust", exact=True
    ).check()
    _fill_date(manager, "opened_on", today)
    _fill_date(manager, "agency_deadline", today + timedelta(days=21))
    manager.get_by_role("button", name="Open the audit").click()
    manager.wait_for_url(AUDIT_PAGE)
    audit_url = manager.url.split("#")[0]
    checked(manager)

    # The sample: a name is refused, pseudonymised references are taken.
    manager.get_by_role("button", name="Add a case").click()
    heading(manager, "Add a case to the sample")
    manager.get_by_label("Case reference").fill("Jayden Smith")
    manager.get_by_role("button", name="Add the case").click()
    expect(manager.locator(".govuk-error-summary")).to_contain_text("The reference must not contain a name")
    expect(manager.get_by_label("Case reference")).to_have_value("Jayden Smith")
    checked(manager)
    manager.get_by_label("Case reference").fill("Child X")
    manager.get_by_role("button", name="Add the case").click()
    manager.wait_for_url(AUDIT_PAGE)
    manager.get_by_role("button", name="Add a case").click()
    manager.get_by_label("Case reference").fill("Child Y")
    manager.get_by_role("button", name="Add the case").click()
    manager.wait_for_url(AUDIT_PAGE)
    manager.get_by_role("button", name="Start the audit").click()
    expect(manager.locator(".govuk-notification-banner--success")).to_contain_text("Audit started")
    checked(manager)

    # The agency lead completes their agency's part for Child X.
    questions = _questions()
    page = new_page()
    sign_in(page, lead_login.email, DEMO_PASSWORD, lead_login.totp_secret)
    expect(page.locator("#audit-parts")).to_contain_text(f"{TOPIC}: Child X")
    checked(page)
    nav(page, "Assurance", "Multi-agency audits")
    checked(page)
    page.get_by_role("link", name=re.compile(r"^Child X\b")).click()
    page.wait_for_url(PART_PAGE)
    heading(page, f"{lead.agency.name}: Child X")
    checked(page)
    for pk in questions[:-1]:
        page.locator(f"input[name='grade_{pk}'][value='2']").check()
    page.get_by_label("Comment on question 1", exact=True).fill("Risk was recognised at the first visit.")
    page.get_by_role("button", name="Submit your part").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Select a grade for question 6")
    expect(page.get_by_label("Comment on question 1", exact=True)).to_have_value(
        "Risk was recognised at the first visit."
    )
    checked(page)
    page.locator(f"input[name='grade_{questions[-1]}'][value='3']").check()
    page.get_by_role("button", name="Submit your part").click()
    page.wait_for_url(PART_PAGE)
    expect(page.locator(".govuk-notification-banner--success")).to_contain_text("Part submitted")
    expect(page.get_by_role("button", name="Submit your part")).to_have_count(0)
    checked(page)

    # Moderation: the agreed grades for both cases.
    manager.goto(audit_url)
    expect(manager.locator("#sample + p + table")).to_contain_text("submitted")
    manager.get_by_role("button", name="Move to moderation").click()
    expect(manager.locator(".govuk-notification-banner--success")).to_contain_text("in moderation")
    checked(manager)
    for reference in ("Child X", "Child Y"):
        manager.get_by_role("link", name=f"Agree grades for {reference}").click()
        heading(manager, f"Agree the grades for {reference}")
        checked(manager)
        _fill_date(manager, "moderation_on", today)
        for pk in questions:
            manager.locator(f"input[name='grade_{pk}'][value='2']").check()
        manager.get_by_role("button", name="Save the agreed grades").click()
        manager.wait_for_url(AUDIT_PAGE)
    expect(manager.locator("#moderation")).to_contain_text("Agreed grades")
    expect(manager.get_by_text("12 grades agreed at moderation: 100% good or better")).to_be_visible()

    # A finding: its owner is needed for the action.
    manager.get_by_role("button", name="Add a finding").click()
    heading(manager, "Add a finding")
    manager.get_by_label("Area for development").check()
    manager.get_by_label("Finding").fill(FINDING)
    manager.get_by_role("button", name="Add the finding").click()
    expect(manager.locator(".govuk-error-summary")).to_contain_text(
        "Select who owns the action for this area for development"
    )
    expect(manager.get_by_label("Finding")).to_have_value(FINDING)
    checked(manager)
    manager.get_by_label("Owner of the action").select_option(str(lead.pk))
    _fill_date(manager, "due_date", today + timedelta(days=60))
    manager.get_by_role("button", name="Add the finding").click()
    manager.wait_for_url(AUDIT_PAGE)
    expect(manager.locator(".govuk-notification-banner--success")).to_contain_text("is in the action tracker")
    action = Action.objects.get(source=ActionSource.AUDIT_FINDING, audit_finding__text=FINDING)
    manager.get_by_role("link", name=action.reference).click()
    heading(manager, action.title)
    expect(manager.get_by_role("link", name=f"Multi-agency audit: {TOPIC}")).to_be_visible()
    checked(manager)

    # Complete and publish.
    manager.goto(audit_url)
    manager.get_by_role("button", name="Complete and publish the audit").click()
    heading(manager, "Complete and publish the audit")
    manager.get_by_label("Summary for practitioners").fill("Health visitors are key to early help.")
    manager.get_by_role("button", name="Complete and publish the audit").click()
    manager.wait_for_url(AUDIT_PAGE)
    expect(manager.locator(".govuk-notification-banner--success")).to_contain_text("published")
    checked(manager)

    # A practitioner reads the published summary: findings, never case references or grades.
    practitioner_login = demo_login(demo, "practitioner")
    reader = new_page()
    sign_in(reader, practitioner_login.email, DEMO_PASSWORD, practitioner_login.totp_secret)
    nav(reader, "Assurance", "Multi-agency audits")
    heading(reader, "Multi-agency audits")
    checked(reader)
    reader.get_by_role("link", name=TOPIC).click()
    reader.wait_for_url(AUDIT_PAGE)
    main = reader.get_by_role("main")
    expect(main).to_contain_text(FINDING)
    expect(main).to_contain_text("Health visitors are key to early help.")
    expect(main).not_to_contain_text("Child X")
    expect(main).not_to_contain_text("Agreed grades")
    checked(reader)
