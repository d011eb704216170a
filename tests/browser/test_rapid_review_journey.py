"""A rapid review end to end: the business manager asks agencies for information, records the meeting
and drafts the report; a delegated safeguarding partner signs it off; the business manager records the
submission, the Panel's response and the decision; the scrutineer sees the anonymised stages. Every
page is checked with axe-core and for CSP violations."""

import re

from django.utils import timezone
from playwright.sync_api import expect

from masa.accounts.models import User
from masa.demo.loader import DEMO_PASSWORD
from masa.incidents import services
from masa.incidents.models import RapidReview
from masa.partnership.models import Partnership
from tests.browser.conftest import assert_no_axe_violations, requires_browser
from tests.browser.test_journeys import demo_login, sign_in

pytestmark = requires_browser


def _fill_date(page, prefix: str, day) -> None:
    page.locator(f"#id_{prefix}_0").fill(str(day.day))
    page.locator(f"#id_{prefix}_1").fill(str(day.month))
    page.locator(f"#id_{prefix}_2").fill(str(day.year))


def _as(new_page, demo, role: str):
    login = demo_login(demo, role)
    page = new_page()
    sign_in(page, login.email, DEMO_PASSWORD, login.totp_secret)
    page.wait_for_url("**/p/hounslow/")
    return page


def _incident(demo):
    """A notified incident whose case team includes the partnership's DSP."""
    today = timezone.localdate()
    partnership = Partnership.objects.get(slug="hounslow")
    manager = User.objects.get(email=demo_login(demo, "business_team").email)
    dsp = User.objects.get(email=demo_login(demo, "dsp").email)
    incident = services.incident_create(
        actor=manager, partnership=partnership, reference="SI-2026-09", category="serious_harm",
        date_aware=today, summary="Serious injury to an infant.",
    )  # fmt: skip
    child = services.child_add(actor=manager, incident=incident, reference="Child C", age_band="under_1",
                               sex="male", ethnicity="mixed")  # fmt: skip
    services.notification_send(actor=manager, incident=incident, children=[child], sent_date=today)
    services.case_team_set(actor=manager, incident=incident, users=[manager, dsp])
    return incident


def test_rapid_review_from_information_requests_to_the_decision(new_page, demo):
    incident = _incident(demo)
    today = timezone.localdate()
    rr_path = f"/p/hounslow/incidents/{incident.uuid}/rapid-review/"

    manager = _as(new_page, demo, "business_team")
    manager.goto(f"/p/hounslow/incidents/{incident.uuid}/")
    manager.get_by_role("button", name="Rapid review").click()
    manager.wait_for_url(f"**{rr_path}")
    expect(manager.get_by_role("heading", level=1)).to_have_text("Rapid review of SI-2026-09")
    expect(manager.get_by_text("What happens next")).to_be_visible()
    assert_no_axe_violations(manager)

    # Information request: a due date before the date requested is refused, answers kept.
    manager.get_by_role("link", name="Ask an agency for information").click()
    assert_no_axe_violations(manager)
    manager.get_by_label("Metropolitan Police Service West Area Basic Command Unit").check()
    _fill_date(manager, "requested_on", today)
    _fill_date(manager, "due_on", today - timezone.timedelta(days=1))
    manager.get_by_label("Notes").fill("Call-outs to the address")
    manager.get_by_role("button", name="Record the request").click()
    expect(manager.locator(".govuk-error-summary")).to_contain_text(
        "The due date must be on or after the date requested"
    )
    expect(manager.get_by_label("Notes")).to_have_value("Call-outs to the address")
    assert_no_axe_violations(manager)
    _fill_date(manager, "due_on", today + timezone.timedelta(days=7))
    manager.get_by_role("button", name="Record the request").click()
    manager.wait_for_url(f"**{rr_path}")
    expect(manager.locator(".govuk-tag", has_text="Awaiting")).to_be_visible()

    # Meeting, then the draft report.
    manager.get_by_role("link", name="Record the meeting date").click()
    assert_no_axe_violations(manager)
    _fill_date(manager, "meeting_date", today)
    manager.get_by_role("button", name="Save").click()
    manager.wait_for_url(f"**{rr_path}")
    manager.get_by_role("link", name="Write the report").click()
    assert_no_axe_violations(manager)
    manager.get_by_label("Facts of the case").fill("An infant was injured at home.")
    manager.get_by_label("Immediate safeguarding actions taken").fill("A strategy discussion was held.")
    manager.get_by_label("Learning identified").fill("Fathers were not seen by health visitors.")
    manager.get_by_label("No LCSPR", exact=True).check()
    manager.get_by_label("Reasons for the recommendation").fill("The learning is known and acted on.")
    manager.get_by_role("button", name="Save the draft").click()
    manager.wait_for_url(f"**{rr_path}")
    expect(manager.get_by_text("Fathers were not seen by health visitors.")).to_be_visible()
    assert_no_axe_violations(manager)

    # The business manager is not a DSP: sign-off is refused.
    manager.get_by_role("link", name="Sign off the rapid review").click()
    manager.get_by_label(re.compile("I confirm")).check()
    manager.get_by_role("button", name="Sign off the rapid review").click()
    expect(manager.locator(".govuk-error-summary")).to_contain_text(
        "The rapid review must be signed off by a delegated safeguarding partner"
    )
    assert_no_axe_violations(manager)
    assert not RapidReview.objects.get(incident=incident).is_signed_off

    # The DSP in the case team signs it off.
    dsp = _as(new_page, demo, "dsp")
    dsp.goto(f"{rr_path}sign-off/")
    expect(dsp.get_by_text("An infant was injured at home.")).to_be_visible()
    assert_no_axe_violations(dsp)
    dsp.get_by_label(re.compile("I confirm")).check()
    dsp.get_by_role("button", name="Sign off the rapid review").click()
    dsp.wait_for_url(f"**{rr_path}")
    expect(dsp.get_by_text("The report is signed off and can no longer be changed")).to_be_visible()
    assert_no_axe_violations(dsp)

    # Submission, the Panel's response and the decision.
    manager.goto(rr_path)
    manager.get_by_role("link", name="Record the date sent to the Panel").click()
    _fill_date(manager, "submitted_date", today)
    manager.get_by_role("button", name="Save").click()
    manager.wait_for_url(f"**{rr_path}")
    manager.get_by_role("link", name="Record the Panel's response").click()
    assert_no_axe_violations(manager)
    _fill_date(manager, "response_date", today)
    manager.get_by_label("Yes").check()
    manager.get_by_label("The Panel's comments").fill("A good quality rapid review.")
    manager.get_by_role("button", name="Save the Panel's response").click()
    manager.wait_for_url(f"**{rr_path}")
    manager.get_by_role("link", name="Record the partnership's decision").click()
    assert_no_axe_violations(manager)
    manager.get_by_label("No LCSPR", exact=True).check()
    _fill_date(manager, "decision_date", today)
    manager.get_by_label("Reason for the decision").fill("The Panel agreed: no new learning.")
    manager.get_by_role("button", name="Record the decision").click()
    manager.wait_for_url(f"**{rr_path}")
    expect(manager.get_by_text("The rapid review is complete")).to_be_visible()
    assert_no_axe_violations(manager)

    # The scrutineer: stages and dates, not the report.
    scrutineer = _as(new_page, demo, "scrutineer")
    scrutineer.goto(rr_path)
    expect(scrutineer.get_by_text("anonymised view")).to_be_visible()
    expect(scrutineer.get_by_text("Fathers were not seen by health visitors.")).to_have_count(0)
    assert_no_axe_violations(scrutineer)
