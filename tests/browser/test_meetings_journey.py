"""The business manager runs a Board meeting from scheduling to approving its minutes, in Debian chromium.

axe-core (WCAG 2.2 AA) and the Content Security Policy are checked on every page visited.
Run with: MASA_TESTING=1 uv run pytest -q -p no:cacheprovider tests/browser/test_meetings_journey.py
"""

import re
import time
from datetime import timedelta

from django.utils import timezone
from playwright.sync_api import expect

from masa.demo.totp import TOTP_PERIOD, current_code
from tests.browser.conftest import assert_no_axe_violations, path_of, requires_browser
from tests.factories import (
    TEST_PASSWORD,
    TEST_TOTP_SECRET,
    GroupFactory,
    GroupMemberFactory,
    PartnershipAgencyFactory,
    PartnershipFactory,
    PersonFactory,
    member,
)
from tests.governance.files import pdf_bytes

pytestmark = requires_browser

SLUG = "riverside"
BOARD = "Riverside Safeguarding Board"
MEMBERS = ["Amara Okafor", "Ben Hughes", "Chloe Patel", "Dev Sharma", "Ella Novak"]


def checked(page) -> None:
    assert_no_axe_violations(page)


def fresh_code(secret: str) -> str:
    """The current TOTP code, waiting for the next period if this one is about to expire."""
    remaining = TOTP_PERIOD - time.time() % TOTP_PERIOD
    if remaining < 3:
        time.sleep(remaining + 0.1)
    return current_code(secret)


def sign_in(page, email: str) -> None:
    """Sign in with password and authenticator code (as in test_journeys)."""
    page.goto("/accounts/login/")
    checked(page)
    page.get_by_label("Email address").fill(email)
    page.get_by_label("Password").fill(TEST_PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url("**/accounts/2fa/authenticate/")
    checked(page)
    page.get_by_role("textbox", name=re.compile("code", re.I)).fill(fresh_code(TEST_TOTP_SECRET))
    page.get_by_role("button", name=re.compile("sign in|continue", re.I)).click()
    page.wait_for_url(f"**/p/{SLUG}/")


def make_partnership():
    partnership = PartnershipFactory(slug=SLUG, name="Riverside Safeguarding Children Partnership")
    agency = PartnershipAgencyFactory(partnership=partnership).agency
    people = [PersonFactory(partnership=partnership, agency=agency, name=name) for name in MEMBERS]
    board = GroupFactory(partnership=partnership, name=BOARD, kind="board", quorum=3, chair=people[0])
    for person in people:
        GroupMemberFactory(group=board, person=person)
    manager = member(partnership, "business_team", full_name="Morgan Business-Manager")
    return manager


def long_date(day) -> str:
    return f"{day.day} {day:%B %Y}"


def fill_date(page, legend: str, day) -> None:
    group = page.get_by_role("group", name=legend)
    group.get_by_label("Day").fill(str(day.day))
    group.get_by_label("Month").fill(str(day.month))
    group.get_by_label("Year").fill(str(day.year))


def heading(page):
    return page.get_by_role("heading", level=1)


def success(page):
    return page.locator(".govuk-notification-banner--success")


def test_business_manager_runs_a_board_meeting(page):
    manager = make_partnership()
    # The first meeting was yesterday: attendance is recorded only once a meeting has started.
    first_day = timezone.localdate() - timedelta(days=1)
    sign_in(page, manager.email)

    # 1. Schedule a quarterly series of four Board meetings.
    page.goto(f"/p/{SLUG}/meetings/")
    expect(heading(page)).to_have_text("Meetings")
    checked(page)
    page.get_by_role("button", name="Schedule a meeting").click()
    page.wait_for_url(f"**/p/{SLUG}/meetings/schedule/")
    expect(heading(page)).to_have_text("Schedule a meeting")
    checked(page)
    page.get_by_label("Location").fill("Riverside Civic Centre, Room 2")
    page.get_by_role("button", name="Schedule").click()
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_contain_text("Select the group")
    expect(summary).to_contain_text("Enter the date")
    expect(page.get_by_label("Location")).to_have_value("Riverside Civic Centre, Room 2")
    expect(page).to_have_title(re.compile("^Error: Schedule a meeting"))
    checked(page)

    page.get_by_label("Group").select_option(label=BOARD)
    fill_date(page, "Date", first_day)
    page.get_by_label("Start time").fill("10:00")
    page.get_by_label("End time").fill("12:00")
    page.get_by_role("radio", name="Quarterly").check()
    page.get_by_label("Number of meetings").fill("4")
    page.get_by_role("button", name="Schedule").click()
    page.wait_for_url(re.compile(r"/meetings/[0-9a-f-]{36}/$"))
    first_url = path_of(page)
    expect(success(page)).to_contain_text("4 meetings scheduled")
    expect(heading(page)).to_have_text(f"{BOARD}, {long_date(first_day)}")
    expect(page).to_have_title(re.compile(f"^{BOARD}, {long_date(first_day)} – "))
    expect(page.get_by_role("main")).to_contain_text("10:00 to 12:00")
    checked(page)

    # 2. Add an agenda item.
    page.get_by_role("button", name="Add an agenda item").click()
    expect(heading(page)).to_have_text("Add an agenda item")
    checked(page)
    page.get_by_label("Item title").fill("Annual report 2024-25")
    page.get_by_role("radio", name="For decision").check()
    page.get_by_label("Presenter").select_option(label="Ben Hughes")
    page.get_by_label("Time allowed (minutes)").fill("30")
    page.get_by_role("button", name="Save").click()
    page.wait_for_url(f"**{first_url}")
    expect(success(page)).to_contain_text("Agenda item added")
    agenda = page.get_by_role("table", name="Agenda")
    expect(agenda).to_contain_text("Annual report 2024-25")
    expect(agenda).to_contain_text("10:00 (30 minutes)")
    checked(page)

    # 3. Upload a small PDF paper.
    page.get_by_role("link", name="Add a paper to Annual report 2024-25").click()
    expect(heading(page)).to_have_text("Add a paper")
    checked(page)
    page.get_by_label("Paper title").fill("Draft annual report")
    page.get_by_label("Upload a file").set_input_files(
        {"name": "annual-report.pdf", "mimeType": "application/pdf", "buffer": pdf_bytes(2)}
    )
    page.get_by_role("button", name="Upload paper").click()
    page.wait_for_url(f"**{first_url}")
    expect(success(page)).to_contain_text("Paper added")
    expect(
        page.get_by_role("table", name="Agenda").get_by_role("link", name="Draft annual report")
    ).to_be_visible()
    checked(page)
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Agenda pack (PDF)").click()
    with open(download_info.value.path(), "rb") as pack:
        assert pack.read(5) == b"%PDF-"

    # 4. Record attendance, leaving the meeting without a quorum.
    page.get_by_role("button", name="Record attendance").click()
    expect(heading(page)).to_have_text("Record attendance")
    checked(page)
    statuses = ["Present", "Present", "Apologies", "Apologies", "Absent"]
    for name, status in zip(MEMBERS, statuses, strict=True):
        page.get_by_role("group", name=re.compile(f"^{name}")).get_by_role("radio", name=status).check()
    page.get_by_role("button", name="Save attendance").click()
    page.wait_for_url(f"**{first_url}")
    expect(page.locator(".govuk-warning-text")).to_contain_text(
        "This meeting is not quorate: 2 of 5 voting members present; the quorum is 3"
    )
    checked(page)

    # 5. Write the minutes.
    page.get_by_role("button", name="Write the minutes").click()
    expect(heading(page)).to_have_text("Write the minutes")
    checked(page)
    page.get_by_label("Summary").fill("The Board reviewed the draft annual report.")
    page.get_by_label("1. Annual report 2024-25: discussion").fill(
        "Members asked for more on the voice of the child."
    )
    page.get_by_role("button", name="Save minutes").click()
    page.wait_for_url(f"**{first_url}")
    expect(success(page)).to_contain_text("Minutes saved")
    expect(page.get_by_role("main")).to_contain_text("Members asked for more on the voice of the child.")
    checked(page)

    # 6. A decision and an action.
    page.get_by_role("link", name="Add a decision on Annual report 2024-25").click()
    expect(heading(page)).to_have_text("Add a decision")
    checked(page)
    page.get_by_label("Decision").fill("Approve the annual report subject to the changes asked for.")
    page.get_by_role("button", name="Add decision").click()
    page.wait_for_url(f"**{first_url}")
    expect(page.get_by_role("table", name=re.compile("^Decisions on"))).to_contain_text(
        "Approve the annual report"
    )
    checked(page)

    page.get_by_role("link", name="Add an action from Annual report 2024-25").click()
    expect(heading(page)).to_have_text("Add an action")
    checked(page)
    page.get_by_label("Action", exact=True).fill("Add a section on the voice of the child")
    page.get_by_label("Owner").select_option(label="Chloe Patel")
    due = first_day + timedelta(days=30)
    fill_date(page, "Due date", due)
    page.get_by_role("button", name="Add action").click()
    page.wait_for_url(f"**{first_url}")
    expect(success(page)).to_contain_text("Action A1 added")
    expect(page.get_by_role("table", name=re.compile("^Actions from"))).to_contain_text(long_date(due))
    checked(page)

    # 7. The next meeting: the action is a matter arising, and the minutes are approved there.
    page.get_by_role("link", name="Back to meetings").click()
    checked(page)
    upcoming = page.get_by_role("table", name="Upcoming meetings")
    upcoming.get_by_role("link").first.click()
    page.wait_for_url(re.compile(r"/meetings/[0-9a-f-]{36}/$"))
    assert path_of(page) != first_url
    arising = page.get_by_role("table", name="Matters arising")
    expect(arising).to_contain_text("A1")
    expect(arising).to_contain_text("Add a section on the voice of the child")
    expect(arising).to_contain_text("Chloe Patel")
    checked(page)
    page.get_by_role("button", name=f"Approve minutes of {long_date(first_day)}").click()
    expect(success(page)).to_contain_text(f"Minutes of {long_date(first_day)} approved")
    expect(page.get_by_role("main")).to_contain_text("No minutes of earlier meetings")
    checked(page)

    page.goto(first_url)
    expect(page.get_by_role("main")).to_contain_text("Approved at the meeting of")
    page.get_by_role("button", name="Read the approved minutes").click()
    expect(heading(page)).to_have_text("Approved minutes")
    expect(page.get_by_role("main")).to_contain_text("approved at the meeting of")
    checked(page)


def test_meeting_overview_pages_are_accessible(page):
    manager = make_partnership()
    sign_in(page, manager.email)
    for path, name in (
        (f"/p/{SLUG}/meetings/compliance/", "Meeting compliance and attendance"),
        (f"/p/{SLUG}/forward-plan/", "Forward plan"),
        ("/account/calendar/", "Meetings in your calendar"),
    ):
        page.goto(path)
        expect(heading(page)).to_have_text(name)
        checked(page)
    page.get_by_role("button", name="Create your calendar address").click()
    expect(page.locator("#calendar-address")).to_contain_text("/calendar/")
    checked(page)
