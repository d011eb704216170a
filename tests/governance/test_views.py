"""The meeting journeys through the test client, with bad input as well as good."""

import io
import re
from datetime import date, timedelta

import pytest
from auditlog.models import LogEntry
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from docx import Document
from pypdf import PdfReader

from masa.actions.models import Action
from masa.governance import forms, services, views
from masa.governance.models import Attendance, Meeting, Paper, WorkplanItem
from tests.factories import member
from tests.governance.conftest import agenda_item, annual_report_item, make_world, schedule
from tests.governance.files import BAD_FILES, docx_bytes, pdf, upload


def url(name, world, *args):
    return reverse(f"governance:{name}", args=[world.partnership.slug, *args])


def html(response) -> str:
    return response.content.decode()


def h1(response) -> str:
    return re.search(r"<h1[^>]*>(.*?)</h1>", html(response), re.S).group(1).strip()


def title(response) -> str:
    return re.search(r"<title>(.*?)</title>", html(response), re.S).group(1).strip()


def day_fields(name: str, day: date) -> dict:
    return {f"{name}_0": str(day.day), f"{name}_1": str(day.month), f"{name}_2": str(day.year)}


@pytest.fixture
def item(world, meeting):
    return annual_report_item(world, meeting)


@pytest.fixture
def board_member(world):
    """A group member whose person sits on the Board."""
    user = member(world.partnership, "member", mfa=False)
    world.people[1].user = user
    world.people[1].save()
    return user


# 1. Scheduling --------------------------------------------------------------------------------


def schedule_data(world, **overrides) -> dict:
    day = timezone.localdate() + timedelta(days=21)
    data = {
        "group": world.board.pk,
        **day_fields("date", day),
        "start_time": "10:00",
        "end_time": "12:30",
        "location": "Civic Centre, Room 4",
        "papers_deadline_days": "7",
        "frequency": "quarterly",
        "occurrences": "4",
    }
    return {**data, **overrides}


def test_schedule_a_quarterly_series(manager_client, world, django_capture_on_commit_callbacks):
    assert manager_client.get(url("meeting_schedule", world)).status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        response = manager_client.post(url("meeting_schedule", world), schedule_data(world))
    meetings = list(Meeting.objects.order_by("starts_at"))
    assert len(meetings) == 4
    assert response.status_code == 302 and response["Location"] == url(
        "meeting_detail", world, meetings[0].uuid
    )
    page = manager_client.get(response["Location"])
    assert views.MEETINGS_SCHEDULED.format(count=4) in html(page)
    start = timezone.localtime(meetings[0].starts_at)
    assert h1(page) == f"Partnership Board, {start.day} {start:%B %Y}"
    assert title(page).startswith(h1(page) + " – ")
    assert "10:00 to 12:30" in html(page)
    assert len(mail.outbox) == 4 and mail.outbox[0].attachments[0][0] == "meeting.ics"


@pytest.mark.parametrize(
    ("overrides", "errors"),
    [
        (
            {"group": "", "date_0": "", "date_1": "", "date_2": "", "start_time": "", "end_time": ""},
            ["Select the group", "Enter the date", "Enter the start time", "Enter the end time"],
        ),
        ({"date_0": "31", "date_1": "2", "date_2": "2026"}, ["The date must be a real date"]),
        ({"date_1": ""}, ["The date must include a month"]),
        ({"date_2": "26"}, ["The year must include 4 numbers"]),
        ({"start_time": "25:00"}, ["Enter the start time as hours and minutes, like 14:30"]),
        ({"end_time": "09:00"}, [forms.END_BEFORE_START]),
        ({"occurrences": "13"}, [services.OCCURRENCES_RANGE]),
        ({"frequency": "none"}, [forms.REPEAT_NEEDED]),
        ({"papers_deadline_days": "a week"}, ["must be a whole number"]),
    ],
)
def test_schedule_errors_keep_the_answers(manager_client, world, overrides, errors):
    response = manager_client.post(url("meeting_schedule", world), schedule_data(world, **overrides))
    assert response.status_code == 400
    page = html(response)
    assert "There is a problem" in page and title(response).startswith("Error: Schedule a meeting")
    for error in errors:
        assert error in page
    assert 'value="Civic Centre, Room 4"' in page  # the answers are kept
    assert not Meeting.objects.exists()


def test_error_summary_links_reach_the_field(manager_client, world):
    response = manager_client.post(
        url("meeting_schedule", world), schedule_data(world, date_1="", frequency="")
    )
    page = html(response)
    assert '<a href="#id_date_1">The date must include a month</a>' in page
    assert 'id="id_date_1"' in page
    assert '<a href="#id_frequency_1">Select whether the meeting repeats</a>' in page  # the first radio


def test_meeting_list_shows_upcoming_and_past_and_filters_by_group(manager_client, world):
    schedule(world, 10)
    schedule(world, -40)
    schedule(world, 20, group=world.subgroup)
    response = manager_client.get(url("meeting_list", world))
    assert response.status_code == 200 and h1(response) == "Meetings"
    page = html(response)
    upcoming, past = page.split("Past meetings")
    assert upcoming.count("Partnership Board<span") == 1 and "Learning Subgroup<span" in upcoming
    assert past.count("Partnership Board<span") == 1
    filtered = html(manager_client.get(url("meeting_list", world) + f"?group={world.subgroup.uuid}"))
    assert "Partnership Board<span" not in filtered and "Learning Subgroup<span" in filtered
    # A bad filter shows every meeting rather than failing.
    assert manager_client.get(url("meeting_list", world) + "?group=not-a-uuid").status_code == 200


# 2. The meeting page and its agenda ---------------------------------------------------------


def test_add_and_change_an_agenda_item(manager_client, world, meeting):
    add = url("item_add", world, meeting.uuid)
    response = manager_client.post(add, {"title": "", "minutes_allotted": "0"})
    assert response.status_code == 400
    for error in (
        "Enter the item title",
        "Select the purpose of the item",
        "Enter a time allowed from 1 to 480",
    ):
        assert error in html(response)
    response = manager_client.post(
        add,
        {
            "title": "Annual report",
            "purpose": "decision",
            "presenter": world.people[1].pk,
            "minutes_allotted": "30",
        },
    )
    assert response.status_code == 302
    item = meeting.items.get()
    response = manager_client.post(
        url("item_edit", world, meeting.uuid, item.uuid),
        {"title": "Annual report 2024-25", "purpose": "assurance", "minutes_allotted": "25"},
    )
    assert response.status_code == 302
    item.refresh_from_db()
    assert (item.title, item.purpose, item.presenter, item.order) == (
        "Annual report 2024-25",
        "assurance",
        None,
        1,
    )
    page = html(manager_client.get(url("meeting_detail", world, meeting.uuid)))
    assert "Annual report 2024-25" in page and "For assurance" in page and "10:00 (25 minutes)" in page


def two_plans(partnership):
    """The 2021-24 and 2024-27 plans, with a priority of the same title in each."""
    from masa.partnership.models import Priority, StrategicPlan

    made = {}
    for start in (2021, 2024):
        plan = StrategicPlan.objects.create(
            partnership=partnership, title=f"Plan from {start}", start_year=start, end_year=start + 3
        )
        made[start] = [
            Priority.objects.create(partnership=partnership, plan=plan, title=title, order=n)
            for n, title in enumerate(["Neglect", "Exploitation"])
        ]
    return made


def test_linked_priority_lists_the_current_plan_first_by_plan(manager_client, world, meeting, item):
    priorities = two_plans(world.partnership)
    page = html(manager_client.get(url("item_edit", world, meeting.uuid, item.uuid)))
    page = re.search(r'<select name="priority".*?</select>', page, re.S).group(0)
    labels = re.findall(r'<optgroup label="([^"]+)">', page)
    assert labels == ["2024-27 plan (current)", "2021-24 plan"]
    current = page.index('label="2024-27 plan (current)"')
    older = page.index('label="2021-24 plan"')
    assert current < page.index(f'value="{priorities[2024][0].pk}"') < older
    assert older < page.index(f'value="{priorities[2021][0].pk}"')
    for add in (
        url("item_edit", world, meeting.uuid, item.uuid),
        url("workplan_add", world, world.board.uuid),
    ):
        assert "2021-24 plan" in html(manager_client.get(add))
    data = {"title": "Annual report", "purpose": "decision", "minutes_allotted": "20"}
    edit = url("item_edit", world, meeting.uuid, item.uuid)
    foreign = two_plans(make_world("beta").partnership)[2024][0]
    refused = manager_client.post(edit, {**data, "priority": foreign.pk})
    assert refused.status_code == 400 and "Select a linked priority from the list" in html(refused)
    assert 'label="2021-24 plan"' in html(refused)  # the groups survive an error
    item.refresh_from_db()
    assert item.priority is None
    assert manager_client.post(edit, {**data, "priority": priorities[2021][0].pk}).status_code == 302
    item.refresh_from_db()
    assert item.priority == priorities[2021][0]


def test_reorder_and_remove_agenda_items(manager_client, world, meeting, item):
    second = agenda_item(world.manager, meeting, "Neglect audit", purpose="assurance")
    detail = url("meeting_detail", world, meeting.uuid)
    page = html(manager_client.get(detail))
    assert page.count('name="direction" value="up"') == 1 and page.count('name="direction" value="down"') == 1
    move = url("item_move", world, meeting.uuid, second.uuid)
    assert manager_client.get(move).status_code == 405
    response = manager_client.post(move, {"direction": "up"})
    assert response.status_code == 302 and response["Location"] == detail + "#agenda"
    assert [i.title for i in meeting.items.order_by("order")] == ["Neglect audit", "Annual report"]
    assert manager_client.post(move, {"direction": "sideways"}).status_code == 400
    assert [i.title for i in meeting.items.order_by("order")] == ["Neglect audit", "Annual report"]

    remove = url("item_remove", world, meeting.uuid, item.uuid)
    assert remove in html(manager_client.get(detail))
    services.decision_add(actor=world.manager, item=item, text="Publish it.")
    confirm = manager_client.get(remove)
    assert confirm.status_code == 200 and h1(confirm) == "Remove Annual report from the agenda"
    refused = manager_client.post(remove)
    assert refused.status_code == 400 and services.ITEM_HAS_OUTCOMES in html(refused)
    assert title(refused).startswith("Error: ")
    assert meeting.items.count() == 2
    response = manager_client.post(url("item_remove", world, meeting.uuid, second.uuid))
    assert response.status_code == 302 and response["Location"] == detail
    assert [i.title for i in meeting.items.all()] == ["Annual report"]


def test_upload_and_download_a_paper(manager_client, world, meeting, item):
    add = url("paper_add", world, meeting.uuid, item.uuid)
    form = html(manager_client.get(add))
    assert 'enctype="multipart/form-data"' in form
    response = manager_client.post(add, {"title": "Draft annual report", "upload": pdf("annual.pdf")})
    assert response.status_code == 302
    paper = Paper.objects.get()
    page = html(manager_client.get(url("meeting_detail", world, meeting.uuid)))
    download = url("paper_download", world, meeting.uuid, paper.uuid)
    assert f'href="{download}">Draft annual report</a>' in page
    response = manager_client.get(download)
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert 'filename="annual.pdf"' in response["Content-Disposition"]
    assert b"".join(response.streaming_content).startswith(b"%PDF-")
    assert LogEntry.objects.filter(action=LogEntry.Action.ACCESS, object_pk=str(paper.pk)).count() == 1


def test_word_paper_gets_the_word_content_type(manager_client, world, meeting, item):
    manager_client.post(
        url("paper_add", world, meeting.uuid, item.uuid), {"upload": upload("plan.docx", docx_bytes())}
    )
    paper = Paper.objects.get()
    assert paper.title == "plan.docx"
    response = manager_client.get(url("paper_download", world, meeting.uuid, paper.uuid))
    assert response["Content-Type"] == views.CONTENT_TYPES["docx"]


@pytest.mark.parametrize("case", sorted(BAD_FILES))
def test_bad_papers_get_a_plain_error_naming_the_file(manager_client, world, meeting, item, case):
    name, content, message = BAD_FILES[case]
    response = manager_client.post(
        url("paper_add", world, meeting.uuid, item.uuid), {"upload": upload(name, content)}
    )
    assert response.status_code == 400
    page = html(response)
    assert f"The selected file {name} " in page and message in page
    assert '<a href="#id_upload">' in page
    assert not Paper.objects.exists()


def test_no_file_and_restricted_to_nobody(manager_client, world, meeting, item):
    response = manager_client.post(url("paper_add", world, meeting.uuid, item.uuid), {"restricted": "on"})
    assert response.status_code == 400
    assert forms.SELECT_FILE in html(response) and forms.SELECT_RESTRICTED_TO in html(response)


def test_restricted_paper_is_only_for_named_members(manager_client, world, meeting, item, board_member):
    named = member(world.partnership, "member", mfa=False)
    world.people[2].user = named
    world.people[2].save()
    response = manager_client.post(
        url("paper_add", world, meeting.uuid, item.uuid),
        {"title": "Case review", "upload": pdf(), "restricted": "on", "restricted_to": [world.people[2].pk]},
    )
    assert response.status_code == 302
    paper = Paper.objects.get()
    assert list(paper.restricted_to.all()) == [world.people[2]]
    download = url("paper_download", world, meeting.uuid, paper.uuid)
    for user, visible in ((board_member, False), (named, True)):
        client = Client()
        client.force_login(user)
        page = html(client.get(url("meeting_detail", world, meeting.uuid)))
        assert ("Case review" in page) is visible
        assert client.get(download).status_code == (200 if visible else 404)
        pack = PdfReader(io.BytesIO(client.get(url("agenda_pack", world, meeting.uuid)).content))
        assert len(pack.pages) == (3 if visible else 2)  # the agenda and contents, then the paper


# Attendance and quorum ------------------------------------------------------------------------


def attendance_data(world, statuses, deputy=None) -> dict:
    data = {}
    for person, status in zip(world.people, statuses, strict=True):
        data[f"status_{person.pk}"] = status
        data[f"deputy_{person.pk}"] = deputy.pk if deputy and status == "deputy" else ""
    return data


def test_record_attendance_shows_the_quorum_warning(manager_client, world, meeting):
    page = manager_client.get(url("attendance", world, meeting.uuid))
    assert page.status_code == 200
    assert all(p.name in html(page) for p in world.people)
    response = manager_client.post(
        url("attendance", world, meeting.uuid),
        attendance_data(
            world, ["present", "deputy", "apologies", "absent", "apologies"], deputy=world.outsider
        ),
    )
    assert response.status_code == 302
    assert Attendance.objects.get(person=world.people[1]).deputy == world.outsider
    page = html(manager_client.get(url("meeting_detail", world, meeting.uuid)))
    warning = views.QUORUM_WARNING.format(present=2, members=5, quorum=3)
    assert warning == "This meeting is not quorate: 2 of 5 voting members present; the quorum is 3"
    assert warning in page and "govuk-warning-text" in page
    manager_client.post(url("attendance", world, meeting.uuid), attendance_data(world, ["present"] * 5))
    assert "not quorate" not in html(manager_client.get(url("meeting_detail", world, meeting.uuid)))


def test_no_quorum_warning_before_attendance_is_recorded(manager_client, world, meeting):
    assert "not quorate" not in html(manager_client.get(url("meeting_detail", world, meeting.uuid)))


def test_attendance_waits_for_the_meeting_to_start(manager_client, world, meeting, coming_meeting):
    detail = html(manager_client.get(url("meeting_detail", world, coming_meeting.uuid)))
    assert url("attendance", world, coming_meeting.uuid) not in detail
    assert url("attendance", world, meeting.uuid) in html(
        manager_client.get(url("meeting_detail", world, meeting.uuid))
    )
    response = manager_client.post(
        url("attendance", world, coming_meeting.uuid), attendance_data(world, ["present"] * 5)
    )
    assert response.status_code == 400
    page = html(response)
    assert "govuk-error-summary" in page and "Attendance can be recorded once the meeting has started" in page
    assert len(re.findall(r'value="present"\s*checked', page)) == 5  # the answers are kept
    coming_meeting.refresh_from_db()
    assert not Attendance.objects.exists() and coming_meeting.status == "scheduled"


def test_attendance_errors(manager_client, world, meeting):
    data = attendance_data(world, ["present", "deputy", "present", "present", "present"])
    del data[f"status_{world.people[4].pk}"]
    response = manager_client.post(url("attendance", world, meeting.uuid), data)
    assert response.status_code == 400
    page = html(response)
    assert forms.DEPUTY_NEEDED.format(name=world.people[1].name) in page
    assert forms.ATTENDANCE_NEEDED.format(name=world.people[4].name) in page
    assert f'<a href="#id_status_{world.people[4].pk}_1">' in page
    assert not Attendance.objects.exists()


# Minutes ----------------------------------------------------------------------------------------


def minutes_data(page: str, item, summary: str, discussion: str) -> dict:
    version = re.search(r'name="minutes_version" value="(\d+)"', page).group(1)
    return {"minutes_version": version, "summary": summary, f"discussion_{item.pk}": discussion}


def test_the_minutes_version_is_a_hidden_input(manager_client, world, meeting, item):
    page = html(manager_client.get(url("minutes_edit", world, meeting.uuid)))
    assert '<input type="hidden" name="minutes_version" value="0"' in page
    assert "Minutes version" not in page


def test_two_people_editing_the_minutes(client, world, meeting, item):
    ben = member(world.partnership, "business_team", full_name="Ben Second")
    first, second = Client(), Client()
    first.force_login(world.manager)
    second.force_login(ben)
    edit = url("minutes_edit", world, meeting.uuid)
    first_form, second_form = html(first.get(edit)), html(second.get(edit))
    assert (
        first.post(edit, minutes_data(first_form, item, "Summary from Ada", "Ada's notes")).status_code == 302
    )
    response = second.post(edit, minutes_data(second_form, item, "Summary from Ben", "Ben's notes"))
    assert response.status_code == 400
    page = html(response)
    assert services.MINUTES_CONFLICT in page
    assert '<a href="#id_summary">' in page  # the error summary links to the first box
    assert "Summary from Ben" in page and "Ben&#x27;s notes" in page  # the second person's text is kept
    # The first person's saved text is shown beside it, saying who saved it and when.
    saved_at = timezone.localtime(meeting.minutes_revisions.get().created_at)
    assert f"Saved by {world.manager.full_name} at {saved_at:%H:%M} meanwhile" in page
    assert "Summary from Ada" in page and "Ada&#x27;s notes" in page
    meeting.refresh_from_db()
    item.refresh_from_db()
    assert (meeting.minutes_summary, item.discussion) == ("Summary from Ada", "Ada's notes")
    # Having merged, the second person saves again from the version they were shown.
    merged = minutes_data(page, item, "Summary from Ada and Ben", "Both sets of notes")
    assert merged["minutes_version"] == "1"
    assert second.post(edit, merged).status_code == 302
    meeting.refresh_from_db()
    assert (meeting.minutes_summary, meeting.minutes_version) == ("Summary from Ada and Ben", 2)


def test_approved_minutes_are_read_only(manager_client, world, meeting, item):
    services.minutes_save(
        actor=world.manager,
        meeting=meeting,
        expected_version=0,
        summary="Agreed",
        discussions={item.pk: "Notes"},
    )
    [later] = schedule(world, 100)
    services.minutes_approve(actor=world.manager, meeting=meeting, at_meeting=later)
    response = manager_client.get(url("minutes_edit", world, meeting.uuid))
    assert response.status_code == 200
    later_day = timezone.localtime(later.starts_at)
    assert f"approved at the meeting of {later_day.day} {later_day:%B %Y}" in html(response)
    assert "<textarea" not in html(response) and "Notes" in html(response)


# Decisions and actions --------------------------------------------------------------------------


def test_add_a_decision_and_an_action(manager_client, world, meeting, item):
    decision = url("decision_add", world, meeting.uuid, item.uuid)
    assert "Enter the decision" in html(manager_client.post(decision, {"text": ""}))
    assert manager_client.post(decision, {"text": "Approve the annual report."}).status_code == 302
    action = url("action_add", world, meeting.uuid, item.uuid)
    response = manager_client.post(
        action, {"title": "", "owner": "", "due_date_0": "30", "due_date_1": "2", "due_date_2": "2026"}
    )
    assert response.status_code == 400
    for error in ("Enter the action", "Select the owner", "The due date must be a real date"):
        assert error in html(response)
    # A due date in the past is refused on the due date field; the answers are kept, nothing saved.
    yesterday = timezone.localdate() - timedelta(days=1)
    response = manager_client.post(
        action,
        {"title": "Publish the report", "owner": world.people[3].pk, **day_fields("due_date", yesterday)},
    )
    assert response.status_code == 400
    assert re.search(
        r"href=\"#id_due_date[^\"]*\">The due date must be today or in the future", html(response)
    )
    assert 'value="Publish the report"' in html(response)
    assert not Action.objects.exists()
    response = manager_client.post(
        action,
        {
            "title": "Publish the report",
            "owner": world.people[3].pk,
            **day_fields("due_date", date(2030, 5, 1)),
        },
    )
    assert response.status_code == 302
    created = Action.objects.get()
    page = html(manager_client.get(url("meeting_detail", world, meeting.uuid)))
    assert views.ACTION_ADDED.format(reference=created.reference) in page
    assert "Approve the annual report." in page and "Publish the report" in page and "1 May 2030" in page


def test_next_meeting_shows_matters_arising_and_approves_the_minutes(manager_client, world, meeting, item):
    action = services.item_action_add(
        actor=world.manager,
        item=item,
        title="Publish the report",
        owner=world.people[3],
        due_date=date(2030, 5, 1),
    )
    [later] = schedule(world, 100)
    page = html(manager_client.get(url("meeting_detail", world, later.uuid)))
    arising = page.split('id="matters-arising"')[1].split("</table>")[0]
    assert reverse("actions:action_detail", args=[world.partnership.slug, action.uuid]) in arising
    assert "Publish the report" in arising and world.people[3].name in arising and "No updates yet" in arising
    first_day = timezone.localtime(meeting.starts_at)
    assert f"Approve minutes of {first_day.day} {first_day:%B %Y}" in page
    response = manager_client.post(url("minutes_approve", world, later.uuid, meeting.uuid))
    assert response.status_code == 302
    meeting.refresh_from_db()
    assert meeting.minutes_locked and meeting.minutes_approved_at_meeting == later
    assert "approved" in html(manager_client.get(response["Location"]))
    # Approving a later meeting's minutes at an earlier meeting is refused on the page.
    response = manager_client.post(url("minutes_approve", world, meeting.uuid, later.uuid))
    assert response.status_code == 400 and services.APPROVE_AT_LATER_MEETING in html(response)
    assert manager_client.get(url("minutes_approve", world, later.uuid, meeting.uuid)).status_code == 405


# Workplans, forward plan and compliance ---------------------------------------------------------


def test_workplan_item_planned_for_a_board_meeting_is_in_the_forward_plan(
    manager_client, world, coming_meeting
):
    add = url("workplan_add", world, world.subgroup.uuid)
    assert "Enter the workplan item" in html(manager_client.post(add, {"title": ""}))
    response = manager_client.post(
        add,
        {
            "title": "Neglect strategy refresh",
            "lead": world.outsider.pk,
            "planned_meeting": coming_meeting.pk,
            **day_fields("due_date", date(2030, 3, 31)),
        },
    )
    assert response.status_code == 302 and response["Location"] == url("workplan", world, world.subgroup.uuid)
    workplan = manager_client.get(response["Location"])
    assert h1(workplan) == "Learning Subgroup workplan"
    assert "Neglect strategy refresh" in html(workplan) and "31 March 2030" in html(workplan)
    entry = WorkplanItem.objects.get()
    manager_client.post(
        url("workplan_edit", world, world.subgroup.uuid, entry.uuid),
        {"title": "Neglect strategy refresh", "planned_meeting": coming_meeting.pk, "is_done": "on"},
    )
    entry.refresh_from_db()
    assert entry.is_done and entry.due_date is None
    plan = manager_client.get(url("forward_plan", world))
    assert h1(plan) == "Forward plan"
    assert "Neglect strategy refresh" in html(plan) and "Learning Subgroup workplan" in html(plan)


def test_compliance_shows_cadence_warnings_and_attendance_rates(manager_client, world):
    today = timezone.localdate()
    year = today.year - 1 if today.month >= 4 else today.year - 2  # the last complete April-March year
    day = timezone.make_aware(timezone.datetime(year, 5, 15, 10))
    [held] = services.meeting_schedule(
        actor=world.manager,
        partnership=world.partnership,
        group=world.board,
        starts_at=day,
        ends_at=day + timedelta(hours=2),
    )
    services.attendance_record(
        actor=world.manager,
        meeting=held,
        records=[
            (p, s, None)
            for p, s in zip(
                world.people, ["present", "present", "absent", "apologies", "present"], strict=True
            )
        ],
    )
    response = manager_client.get(url("compliance", world))
    assert response.status_code == 200 and h1(response) == "Meeting compliance and attendance"
    page = html(response)
    assert f'<option value="{year}" selected>April {year} to March {year + 1}</option>' in page
    assert "Partnership Board did not meet in quarter 2" in page
    rows = re.findall(r'numeric">([\d.]+%?)</td>', page)
    assert rows == ["2", "3", "66.7%", "1", "2", "50.0%"]  # two agencies, members alternate
    other_year = html(manager_client.get(url("compliance", world) + f"?year={year - 1}"))
    assert "No attendance was recorded in this year" in other_year
    assert manager_client.get(url("compliance", world) + "?year=1066").status_code == 200


# Calendars and downloads ---------------------------------------------------------------------


def test_personal_calendar_feed(client, world, meeting):
    client.force_login(world.manager)
    page = client.get(reverse("governance:calendar_settings"))
    assert h1(page) == "Meetings in your calendar" and "Create your calendar address" in html(page)
    page = client.post(reverse("governance:calendar_settings"))
    address = re.search(r'<code id="calendar-address">(.*?)</code>', html(page)).group(1)
    path = re.sub(r"^https?://[^/]+", "", address)
    client.logout()
    feed = client.get(path)
    assert feed.status_code == 200 and feed["Content-Type"].startswith("text/calendar")
    assert f"UID:{meeting.uuid}@masa" in feed.content.decode()
    assert client.get(reverse("governance:calendar_feed", args=["not-a-real-token"])).status_code == 404
    client.force_login(world.manager)
    assert "Reset your calendar address" in html(client.get(reverse("governance:calendar_settings")))
    client.post(reverse("governance:calendar_settings"))
    assert client.get(path).status_code == 404  # the old address stops working


def test_calendar_page_needs_sign_in(client, db):
    response = client.get(reverse("governance:calendar_settings"))
    assert response.status_code == 302 and response["Location"].startswith("/accounts/login/")


def test_one_meeting_as_ics(manager_client, world, meeting):
    response = manager_client.get(url("meeting_invite", world, meeting.uuid))
    assert response["Content-Type"].startswith("text/calendar")
    assert "attachment" in response["Content-Disposition"] and ".ics" in response["Content-Disposition"]
    assert "SUMMARY:Partnership Board" in response.content.decode()


def test_minutes_as_word(manager_client, world, meeting, item):
    deputy = world.outsider
    services.attendance_record(
        actor=world.manager,
        meeting=meeting,
        records=[
            (world.people[0], "present", None),
            (world.people[1], "deputy", deputy),
            (world.people[2], "apologies", None),
        ],
    )
    services.minutes_save(
        actor=world.manager,
        meeting=meeting,
        expected_version=0,
        summary="Good meeting",
        discussions={item.pk: "We talked."},
    )
    services.decision_add(actor=world.manager, item=item, text="Approve the report.")
    services.item_action_add(
        actor=world.manager, item=item, title="Publish it", owner=world.people[3], due_date=date(2030, 5, 1)
    )
    response = manager_client.get(url("minutes_docx", world, meeting.uuid))
    assert response["Content-Type"] == views.CONTENT_TYPES["docx"]
    doc = Document(io.BytesIO(response.content))
    start = timezone.localtime(meeting.starts_at)
    headings = [p.text for p in doc.paragraphs if p.style.name.startswith(("Heading", "Title"))]
    assert headings == [
        f"Minutes: Partnership Board, {start.day} {start:%B %Y}",
        "Attendance",
        "Summary",
        "1. Annual report",
        "Decisions",
        "Actions",
    ]
    attendance, decisions, actions = ([[c.text for c in row.cells] for row in t.rows] for t in doc.tables)
    assert attendance[0] == ["Name", "Agency", "Attendance"]
    assert [row[2] for row in attendance[1:]] == ["Present", f"Deputy: {deputy.name}", "Apologies"]
    assert decisions == [["Decision"], ["Approve the report."]]
    assert actions == [
        ["Ref", "Action", "Owner", "Due"],
        ["A1", "Publish it", world.people[3].name, "1 May 2030"],
    ]
    assert "We talked." in [p.text for p in doc.paragraphs]


def test_agenda_pack_is_one_pdf_with_the_papers(manager_client, world, meeting, item):
    services.paper_add(actor=world.manager, item=item, title="Report", upload=pdf("report.pdf", pages=3))
    services.paper_add(
        actor=world.manager, item=item, title="Budget", upload=upload("budget.docx", docx_bytes())
    )
    response = manager_client.get(url("agenda_pack", world, meeting.uuid))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    reader = PdfReader(io.BytesIO(response.content))
    assert len(reader.pages) == 2 + 3  # the agenda and contents pages, then the PDF paper's pages
    agenda = " ".join(reader.pages[0].extract_text().split())
    start = timezone.localtime(meeting.starts_at)
    assert f"Agenda: Partnership Board, {start.day} {start:%B %Y}" in agenda
    assert "Annual report" in agenda and "Report (PDF): page 3" in agenda
    # The Word paper is converted by the task worker once the upload is committed; until then:
    assert "Budget (DOCX): not included yet, as it is still being converted to PDF" in agenda
    assert reader.metadata.title.startswith("Agenda pack: Partnership Board")
    assert [o.title for o in reader.outline if not isinstance(o, list)] == ["Agenda", "Report"]


def test_damaged_pdf_paper_is_listed_not_merged(manager_client, world, meeting, item):
    # Uploads are opened with pypdf, so a damaged PDF is refused; one damaged on disk afterwards
    # (or kept from before that check) still leaves the pack buildable.
    paper = services.paper_add(actor=world.manager, item=item, title="Broken", upload=pdf("broken.pdf"))
    with open(paper.file.path, "wb") as handle:
        handle.write(b"%PDF-1.4 junk")
    reader = PdfReader(io.BytesIO(manager_client.get(url("agenda_pack", world, meeting.uuid)).content))
    assert len(reader.pages) == 2
    agenda = " ".join(reader.pages[0].extract_text().split())
    assert "Broken (PDF): could not be included: open it from the meeting page" in agenda
