"""The business team's journey through changing several actions at once and importing an earlier
action log, with axe-core and CSP checks on every page.

Run with: MASA_TESTING=1 uv run pytest -q -p no:cacheprovider tests/browser/test_actions_bulk_journey.py
"""

import re
from datetime import timedelta
from io import BytesIO
from pathlib import Path

from django.utils import timezone
from openpyxl import Workbook, load_workbook
from playwright.sync_api import expect

from masa.actions.models import Action, ActionSource, ActionUpdate
from tests.browser import test_actions_journey as journey
from tests.browser.conftest import requires_browser
from tests.browser.test_actions_journey import LATE, TITLE, checked, heading, sign_in_with_code
from tests.browser.test_meetings_journey import fill_date
from tests.factories import member

pytestmark = requires_browser
tracker = journey.tracker  # the same partnership, group, owner and two actions as the other journeys


def action_log(rows: list[list]) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.title = "Actions"
    sheet.append(["Title", "Owner", "Group", "Due date", "Status", "Latest update"])
    for row in rows:
        sheet.append(row)
    out = BytesIO()
    book.save(out)
    return out.getvalue()


def test_business_team_moves_two_due_dates_then_imports_an_action_log(page, tracker):
    manager = member(tracker["partnership"], "business_team", full_name="Bea Business")
    action, late = tracker["action"], tracker["late"]
    today = timezone.localdate()
    sign_in_with_code(page, manager.email)

    page.goto("/p/actionshire/actions/")
    heading(page, "Actions")
    checked(page)

    # Choosing a change with nothing ticked says what to do, on the same list.
    page.get_by_role("button", name="Move due date").click()
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_contain_text("Select the actions to change, then choose what to change")
    expect(page).to_have_title(re.compile("^Error: Actions"))
    checked(page)

    page.get_by_role("checkbox", name=f"Select {action.reference}").check()
    page.get_by_role("checkbox", name=f"Select {late.reference}").check()
    page.get_by_role("button", name="Move due date").click()
    heading(page, "Move due dates")
    expect(page.get_by_role("checkbox", name=re.compile(re.escape(TITLE)))).to_be_checked()
    expect(page.get_by_role("checkbox", name=re.compile(re.escape(LATE)))).to_be_checked()
    checked(page)

    # No date and no reason: both problems at once, and the ticks stay.
    page.get_by_role("button", name="Move the due dates").click()
    summary = page.locator(".govuk-error-summary")
    expect(summary.get_by_role("link", name="Enter the new due date")).to_be_visible()
    expect(summary.get_by_role("link", name="Enter why the actions are being changed")).to_have_attribute(
        "href", "#id_reason"
    )
    expect(page).to_have_title(re.compile("^Error: Move due dates"))
    expect(page.get_by_role("checkbox", name=re.compile(re.escape(LATE)))).to_be_checked()
    checked(page)

    new_due = today + timedelta(days=35)
    fill_date(page, "New due date", new_due)
    page.get_by_label("Why are you making this change?").fill("The Board re-planned the year's work.")
    page.get_by_role("button", name="Move the due dates").click()
    page.wait_for_url(re.compile(r"/p/actionshire/actions/$"))
    expect(page.locator(".govuk-notification-banner--success")).to_contain_text("2 actions updated")
    checked(page)
    for moved in (action, late):
        moved.refresh_from_db()
        assert moved.due_date == new_due
        assert ActionUpdate.objects.filter(action=moved, due_date_to=new_due).exists()

    # Import: download the template, upload a log with one mistake, fix it and upload again.
    page.get_by_role("link", name="Import an action log").click()
    heading(page, "Import an action log")
    checked(page)
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Download the action log template (XLSX)").click()
    template = load_workbook(BytesIO(Path(download_info.value.path()).read_bytes()))
    assert [c.value for c in template["Actions"][1]][:3] == ["Title", "Description", "Owner"]

    rows = [
        [
            "Publish the neglect strategy",
            "Olu Owner",
            "Learning and Improvement Group",
            "31/03/2024",
            "Open",
            "",
        ],
        [
            "Audit strategy meetings",
            tracker["owner"].email,
            "",
            "next spring",
            "In progress",
            "Sample agreed",
        ],
    ]
    page.get_by_label("Action log").set_input_files(
        files=[{"name": "old-log.xlsx", "mimeType": "application/octet-stream", "buffer": action_log(rows)}]
    )
    page.get_by_role("button", name="Import the actions").click()
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_contain_text("Row 3, column Due date: enter a real date, for example 31 3 2025")
    expect(page).to_have_title(re.compile("^Error: Import an action log"))
    checked(page)
    assert not Action.objects.filter(source=ActionSource.IMPORTED).exists()

    rows[1][3] = "30/4/2027"
    page.get_by_label("Action log").set_input_files(
        files=[{"name": "old-log.xlsx", "mimeType": "application/octet-stream", "buffer": action_log(rows)}]
    )
    page.get_by_role("button", name="Import the actions").click()
    page.wait_for_url(re.compile(r"/p/actionshire/actions/$"))
    expect(page.locator(".govuk-notification-banner--success")).to_contain_text("2 actions imported")
    table = page.get_by_role("table")
    expect(table).to_contain_text("Publish the neglect strategy")
    expect(table).to_contain_text("Audit strategy meetings")
    checked(page)
