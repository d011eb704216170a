"""First use of a meeting by the business team and a member: merging minutes saved at the same
time, attendance only once the meeting has started, arranging the agenda, guests and apologies.

axe-core (WCAG 2.2 AA) and the Content Security Policy are checked on every page visited.
"""

import re
from datetime import timedelta

from django.utils import timezone
from playwright.sync_api import expect

from masa.governance import services
from masa.governance.models import Meeting
from masa.partnership.models import Group, Partnership, Person, Priority, StrategicPlan
from tests.browser.conftest import requires_browser
from tests.browser.test_meetings_journey import (
    BOARD,
    MEMBERS,
    SLUG,
    checked,
    heading,
    make_partnership,
    sign_in,
    success,
)
from tests.factories import member
from tests.governance.conftest import agenda_item

pytestmark = requires_browser


def board_meeting(manager, days: int) -> Meeting:
    """A Board meeting `days` from now (negative: it has started), with one agenda item."""
    starts = timezone.now().replace(second=0, microsecond=0) + timedelta(days=days)
    [meeting] = services.meeting_schedule(
        actor=manager,
        partnership=Partnership.objects.get(slug=SLUG),
        group=Group.objects.get(name=BOARD),
        starts_at=starts,
        ends_at=starts + timedelta(hours=2),
    )
    agenda_item(manager, meeting, "Annual report", purpose="decision", minutes=30)
    return meeting


def meeting_path(meeting: Meeting, tail: str = "") -> str:
    return f"/p/{SLUG}/meetings/{meeting.uuid}/{tail}"


def test_minutes_saved_by_two_people_at_once_are_merged(page):
    manager = make_partnership()
    colleague = member(Partnership.objects.get(slug=SLUG), "business_team", full_name="Sam Colleague")
    meeting = board_meeting(manager, -1)
    sign_in(page, manager.email)

    page.goto(meeting_path(meeting, "minutes/"))
    expect(heading(page)).to_have_text("Write the minutes")
    expect(page.get_by_label("Minutes version")).to_have_count(0)
    checked(page)
    page.get_by_label("Summary").fill("My summary")
    page.get_by_label("1. Annual report: discussion").fill("My notes on the report")

    # Meanwhile a colleague saves their own version.
    item = meeting.items.get()
    services.minutes_save(
        actor=colleague,
        meeting=meeting,
        expected_version=0,
        summary="Colleague's summary",
        discussions={item.pk: "Colleague's notes"},
    )
    page.get_by_role("button", name="Save minutes").click()
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_contain_text("Someone else saved these minutes while you were editing")
    expect(
        page.get_by_role("heading", name=re.compile("^Saved by Sam Colleague at .* meanwhile$"))
    ).to_be_visible()
    expect(page.locator("#saved-meanwhile")).to_contain_text("Colleague's notes")
    expect(page.get_by_label("Summary")).to_have_value("My summary")
    expect(page.get_by_label("1. Annual report: discussion")).to_have_value("My notes on the report")
    checked(page)

    page.get_by_label("Summary").fill("My summary, with the colleague's")
    page.get_by_role("button", name="Save minutes").click()
    page.wait_for_url(f"**{meeting_path(meeting)}")
    expect(success(page)).to_contain_text("Minutes saved")
    expect(page.get_by_role("main")).to_contain_text("My summary, with the colleague's")
    checked(page)


def test_attendance_waits_for_the_meeting_to_start(page):
    manager = make_partnership()
    meeting = board_meeting(manager, 7)
    sign_in(page, manager.email)
    page.goto(meeting_path(meeting))
    expect(page.get_by_role("button", name="Add an agenda item")).to_be_visible()
    expect(page.get_by_role("button", name="Record attendance")).to_have_count(0)
    checked(page)

    # Typed in by address, the page still refuses to record anyone before the start.
    page.goto(meeting_path(meeting, "attendance/"))
    checked(page)
    for name in MEMBERS:
        page.get_by_role("group", name=re.compile(f"^{name}")).get_by_role("radio", name="Present").check()
    page.get_by_role("button", name="Save attendance").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text(
        "Attendance can be recorded once the meeting has started"
    )
    checked(page)
    assert not meeting.attendance.exists()


def test_the_business_team_reorders_and_removes_agenda_items(page):
    manager = make_partnership()
    meeting = board_meeting(manager, 7)
    agenda_item(manager, meeting, "Neglect audit", purpose="assurance")
    sign_in(page, manager.email)
    page.goto(meeting_path(meeting))
    agenda = page.get_by_role("table", name="Agenda")
    expect(agenda.get_by_role("button", name="Move up Annual report")).to_have_count(0)
    agenda.get_by_role("button", name="Move up Neglect audit").click()
    expect(success(page)).to_contain_text("Neglect audit moved")
    expect(agenda.locator("tbody tr").first).to_contain_text("Neglect audit")
    checked(page)

    agenda.get_by_role("link", name="Remove Annual report").click()
    expect(heading(page)).to_have_text("Remove Annual report from the agenda")
    checked(page)
    page.get_by_role("link", name="No, keep it").click()
    expect(agenda).to_contain_text("Annual report")
    agenda.get_by_role("link", name="Remove Annual report").click()
    page.get_by_role("button", name="Yes, remove it").click()
    expect(success(page)).to_contain_text("Annual report removed from the agenda")
    expect(agenda).not_to_contain_text("Annual report")
    checked(page)


def test_linked_priorities_are_grouped_by_plan(page):
    manager = make_partnership()
    meeting = board_meeting(manager, 7)
    partnership = Partnership.objects.get(slug=SLUG)
    older = StrategicPlan.objects.create(partnership=partnership, title="Old", start_year=2021, end_year=2024)
    current = StrategicPlan.objects.create(
        partnership=partnership, title="New", start_year=2024, end_year=2027
    )
    Priority.objects.create(partnership=partnership, plan=current, title="Neglect")
    old_neglect = Priority.objects.create(partnership=partnership, plan=older, title="Neglect")
    sign_in(page, manager.email)
    page.goto(meeting_path(meeting))
    page.get_by_role("link", name="Change Annual report").click()
    groups = page.get_by_label("Linked priority").locator("optgroup")
    expect(groups).to_have_count(2)
    expect(groups.first).to_have_attribute("label", "2024-27 plan (current)")
    expect(groups.nth(1)).to_have_attribute("label", "2021-24 plan")
    checked(page)
    page.get_by_label("Linked priority").select_option(value=str(old_neglect.pk))
    page.get_by_role("button", name="Save").click()
    expect(success(page)).to_contain_text("Agenda item updated")
    expect(page.get_by_role("table", name="Agenda")).to_contain_text("Neglect")
    checked(page)


def board_user(name: str):
    """A member's account linked to their person on the Board."""
    partnership = Partnership.objects.get(slug=SLUG)
    user = member(partnership, "member", full_name=name)
    Person.objects.filter(partnership=partnership, name=name).update(user=user)
    return user, Person.objects.get(partnership=partnership, name=name)


def test_a_member_sends_apologies_and_the_business_team_records_a_guest(page, new_page):
    manager = make_partnership()
    meeting = board_meeting(manager, 7)
    for name in ("Chloe Patel", "Dev Sharma"):
        user, person = board_user(name)
        services.apologies_send(actor=user, meeting=meeting, person=person)
    ben, _ = board_user("Ben Hughes")

    # Ben sends his own apologies from the meeting page.
    sign_in(page, ben.email)
    page.goto(meeting_path(meeting))
    checked(page)
    page.get_by_role("button", name="Send apologies").click()
    expect(heading(page)).to_have_text("Send your apologies")
    checked(page)
    page.get_by_label("Note for the chair (optional)").fill("x" * 501)
    page.get_by_role("button", name="Send apologies").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("The note must be 500 characters or fewer")
    expect(page.get_by_label("Note for the chair (optional)")).to_have_value("x" * 501)
    checked(page)
    page.get_by_label("Note for the chair (optional)").fill("At a child protection conference")
    page.get_by_role("button", name="Send apologies").click()
    expect(success(page)).to_contain_text("Your apologies have been sent")
    expect(page.locator("#your-apologies")).to_be_visible()
    expect(page.get_by_role("main")).to_contain_text("Your note: At a child protection conference")
    # Only the chair and the business team are warned about the quorum.
    expect(page.locator(".govuk-warning-text")).to_have_count(0)
    checked(page)
    page.get_by_role("button", name="Withdraw your apologies").click()
    expect(success(page)).to_contain_text("Your apologies have been withdrawn")
    checked(page)
    page.get_by_role("button", name="Send apologies").click()
    page.get_by_role("button", name="Send apologies").click()
    expect(success(page)).to_contain_text("Your apologies have been sent")

    # The business manager is warned before the meeting that it cannot be quorate.
    other = new_page()
    sign_in(other, manager.email)
    other.goto(meeting_path(meeting))
    expect(other.locator(".govuk-warning-text")).to_contain_text(
        "The meeting will not be quorate: 3 of 5 voting members have sent apologies; the quorum is 3"
    )
    expect(other.get_by_role("table", name="Apologies sent so far")).to_contain_text("Ben Hughes")
    checked(other)

    # Once the meeting has started: a guest in attendance, and the register starts from the apologies.
    now = timezone.now()
    Meeting.objects.filter(pk=meeting.pk).update(
        starts_at=now - timedelta(hours=1), ends_at=now + timedelta(hours=1)
    )
    page.goto(meeting_path(meeting))
    expect(page.get_by_role("button", name="Send apologies")).to_have_count(0)
    expect(page.get_by_role("button", name="Withdraw your apologies")).to_have_count(0)
    checked(page)
    other.goto(meeting_path(meeting))
    expect(other.locator(".govuk-warning-text")).to_have_count(0)
    other.get_by_role("link", name="Add someone in attendance").click()
    expect(heading(other)).to_have_text("Add someone in attendance")
    checked(other)
    other.get_by_role("button", name="Add to the meeting").click()
    summary = other.locator(".govuk-error-summary")
    expect(summary).to_contain_text("Enter their role or organisation")
    expect(summary).to_contain_text("Enter the name of the person in attendance")
    checked(other)
    other.get_by_label("Name").fill("Dr Lee Guest")
    other.get_by_label("Role or organisation").fill("Designated Doctor, Riverside NHS Trust")
    other.get_by_role("button", name="Add to the meeting").click()
    expect(success(other)).to_contain_text("Dr Lee Guest added as in attendance")
    expect(other.locator("#in-attendance")).to_be_visible()
    expect(other.get_by_role("table", name="In attendance")).to_contain_text("Designated Doctor")
    checked(other)
    other.get_by_role("button", name="Record attendance").click()
    ben_row = other.get_by_role("group", name=re.compile("^Ben Hughes"))
    expect(ben_row.get_by_role("radio", name="Apologies")).to_be_checked()
    checked(other)
