"""The training coordinator takes a session's register with one no-show, sees the charge, waives
an earlier charge with a reason and downloads the charging report; an agency lead sees only their
own agency's charges. axe-core and CSP checks on every page.

Run with: MASA_TESTING=1 uv run pytest -q -p no:cacheprovider tests/browser/test_training_register_journey.py
"""

from datetime import timedelta
from decimal import Decimal
from io import BytesIO

from django.utils import timezone
from openpyxl import load_workbook
from playwright.sync_api import expect

from masa.accounts.models import Membership, Role
from masa.demo.loader import DEMO_PASSWORD
from masa.partnership.models import Agency, Partnership
from masa.training.models import Booking, BookingStatus, Charge, ChargeReason, Course, Level, TrainingSession
from tests.browser.conftest import assert_no_axe_violations, requires_browser
from tests.browser.test_journeys import HOME, SLUG, demo_login, sign_in, sign_in_business_team
from tests.factories import member
from tests.training.world import add_course, add_session

pytestmark = requires_browser


def checked(page) -> None:
    assert_no_axe_violations(page)


def heading(page, text: str) -> None:
    expect(page.get_by_role("heading", level=1)).to_have_text(text)


def _practitioner(p: Partnership, agency: Agency, name: str):
    user = member(p, Role.PRACTITIONER, mfa=False, full_name=name)
    Membership.objects.filter(user=user, partnership=p).update(agency=agency)
    return user


def _session(course: Course, days: int) -> TrainingSession:
    starts = timezone.now().replace(hour=9, minute=30, second=0, microsecond=0) + timedelta(days=days)
    return add_session(course, starts, 12, venue="Hounslow House, Bath Road")


def _book(session: TrainingSession, person, agency: Agency) -> Booking:
    session.booked_count += 1
    session.save()
    return Booking.objects.create(
        partnership=session.partnership,
        session=session,
        person=person,
        agency=agency,
        booked_by=person,
        status=BookingStatus.BOOKED,
        requested_at=timezone.now() - timedelta(days=20),
    )


def test_the_coordinator_takes_a_register_and_waives_a_charge_and_a_lead_sees_their_agencys(page, demo):
    p = Partnership.objects.get(slug=SLUG)
    lead_login = demo_login(demo, "agency_lead")
    lead_agency = Membership.objects.get(user__email=lead_login.email, partnership=p).agency
    other_agency = Agency.objects.filter(memberships__partnership=p).exclude(pk=lead_agency.pk).first()
    course = add_course(
        p,
        "graded-care-profile-journey",
        title="Neglect: the graded care profile in practice",
        level=Level.INTERMEDIATE,
        cpd_hours=Decimal("3.0"),
    )
    yesterday, earlier = _session(course, -1), _session(course, -40)
    amira = _practitioner(p, lead_agency, "Amira Rahman")
    ben = _practitioner(p, lead_agency, "Ben Okafor")
    chloe = _practitioner(p, other_agency, "Chloe Walsh")
    for person, agency in ((amira, lead_agency), (ben, lead_agency), (chloe, other_agency)):
        _book(yesterday, person, agency)
    dev = _practitioner(p, other_agency, "Dev Patel")
    Charge.objects.create(
        partnership=p,
        booking=_book(earlier, dev, other_agency),
        agency=other_agency,
        reason=ChargeReason.LATE_CANCELLATION,
        amount=Decimal("25.00"),
        charged_on=timezone.localdate() - timedelta(days=42),
    )

    # The coordinator takes yesterday's register: Ben did not come.
    sign_in_business_team(page, demo)
    page.goto(f"/p/{SLUG}/training/sessions/{yesterday.uuid}/register/")
    heading(page, f"Register for {course.title} on {timezone.localtime(yesterday.starts_at):%-d %B %Y}")
    checked(page)
    page.get_by_role("button", name="Save the register").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text(
        "Select whether Amira Rahman attended, attended late or did not attend"
    )
    checked(page)
    for name, agency, answer in (
        ("Amira Rahman", lead_agency, "Attended"),
        ("Ben Okafor", lead_agency, "Did not attend"),
        ("Chloe Walsh", other_agency, "Attended, late"),
    ):
        page.get_by_role("group", name=f"{name} ({agency.name})").get_by_label(answer, exact=True).check()
    page.get_by_role("button", name="Save the register").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text(
        "The register is saved: 2 attended, 1 did not attend"
    )
    expect(page.locator("#marked")).to_contain_text("Did not attend £50.00")
    checked(page)

    # The charges: Ben's no-show is there; Dev's late cancellation is waived with a reason.
    page.goto(f"/p/{SLUG}/training/charges/")
    heading(page, "Training charges")
    expect(page.locator("#charges")).to_contain_text("Ben Okafor")
    checked(page)
    page.get_by_role("link", name="Waive the charge to Dev Patel").click()
    heading(page, f"Waive the charge of £25.00 to {other_agency.name}")
    checked(page)
    page.get_by_role("button", name="Waive the charge").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Enter why the charge is waived")
    checked(page)
    page.get_by_label("Why the charge is waived").fill("The session was moved at two days' notice")
    page.get_by_role("button", name="Waive the charge").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text(
        f"The charge of £25.00 to {other_agency.name} is waived"
    )
    expect(page.locator("#charges")).to_contain_text("The session was moved at two days' notice")
    checked(page)
    with page.expect_download() as download:
        page.get_by_role("link", name="Download the charging report (spreadsheet)").click()
    workbook = load_workbook(BytesIO(download.value.path().read_bytes()))
    rows = list(workbook["Charges"].iter_rows(values_only=True))
    assert {r[3] for r in rows[1:]} >= {"Ben Okafor", "Dev Patel"}
    assert (
        Charge.objects.get(booking__person=dev).waiver_reason == "The session was moved at two days' notice"
    )

    # The agency lead sees their own agency's charges only.
    page.context.clear_cookies()
    sign_in(page, lead_login.email, DEMO_PASSWORD, lead_login.totp_secret)
    page.wait_for_url(f"**{HOME}")
    page.goto(f"/p/{SLUG}/training/charges/")
    heading(page, "Training charges")
    expect(page.locator("#charges")).to_contain_text("Ben Okafor")
    expect(page.locator("#charges")).not_to_contain_text("Dev Patel")
    expect(page.get_by_role("link", name="Waive the charge to Ben Okafor")).to_have_count(0)
    checked(page)
