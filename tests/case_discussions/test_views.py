"""The local case discussion pages with the Django test client: recording a discussion at a
meeting, bad input kept on the page, changing it, adding an action to the tracker, the theme
page, the register spreadsheet; who sees which discussion, how much of it, and what is 404."""

import re
from datetime import timedelta
from html import unescape
from io import BytesIO

import pytest
from auditlog.models import LogEntry
from django.urls import reverse
from openpyxl import load_workbook

from masa.actions.models import Action, ActionSource
from masa.case_discussions.models import CaseDiscussion, Decision
from tests.case_discussions.world import DAY, TODAY, make_world
from tests.module_db import module_transaction


@pytest.fixture(scope="module")
def _world(django_db_setup, django_db_blocker):
    with module_transaction(django_db_blocker):
        yield make_world("cd-v")


@pytest.fixture
def w(_world, db):
    for record in (_world.shared, _world.private):
        record.refresh_from_db()
    return _world


def url(name: str, world, *args) -> str:
    return reverse(f"case_discussions:{name}", args=[world.partnership.slug, *args])


def text_of(response) -> str:
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", response.content.decode())).split())


def date_fields(prefix: str, day) -> dict:
    return {
        f"{prefix}_0": day.day if day else "",
        f"{prefix}_1": day.month if day else "",
        f"{prefix}_2": day.year if day else "",
    }


def answers(w, **changes) -> dict:
    data = {
        "reference": "Child D",
        "group": w.cases_group.pk,
        "meeting": "",
        **date_fields("discussed_on", DAY - timedelta(days=3)),
        "referring_agency": w.agency.pk,
        "decision": Decision.SINGLE_AGENCY,
        "themes": [w.themes[0].pk],
        "learning": "Response to re-referrals within a short time of closure.",
        "is_shareable": "on",
    }
    data.update(changes)
    return data


def test_a_group_member_records_a_discussion_at_a_meeting(client, w):
    client.force_login(w.recorder)
    response = client.post(
        url("discussion_record", w),
        answers(w, meeting=w.meeting.pk, reference="Child E", **date_fields("discussed_on", None)),
    )
    assert response.status_code == 302
    saved = CaseDiscussion.objects.get(partnership=w.partnership, reference="Child E")
    assert saved.discussed_on == DAY and saved.meeting == w.meeting
    page = text_of(client.get(response["Location"]))
    assert "Child E" in page and "Single-agency learning" in page and "Online harm" in page


def test_bad_answers_are_named_and_kept(client, w):
    client.force_login(w.business_team)
    response = client.post(
        url("discussion_record", w),
        answers(
            w,
            reference="Jayden Smith",
            decision="",
            learning="",
            **date_fields("discussed_on", TODAY + timedelta(days=2)),
        ),
    )
    assert response.status_code == 400
    page = text_of(response)
    assert "Select what the group decided" in page
    response = client.post(
        url("discussion_record", w),
        answers(w, reference="Jayden Smith", **date_fields("discussed_on", TODAY + timedelta(days=2))),
    )
    assert response.status_code == 400
    page = text_of(response)
    assert "The reference must not contain a name" in page
    assert "The date the case was discussed must be today or in the past" in page
    assert 'value="Jayden Smith"' in response.content.decode()
    assert not CaseDiscussion.objects.filter(reference="Jayden Smith").exists()


def test_sharing_needs_learning_on_the_page(client, w):
    client.force_login(w.business_team)
    response = client.post(url("discussion_record", w), answers(w, learning=""))
    assert response.status_code == 400
    assert "Enter the learning before sharing it with practitioners" in text_of(response)


def test_a_recorder_may_not_record_for_a_group_they_do_not_sit_on(client, w):
    client.force_login(w.recorder)
    response = client.post(url("discussion_record", w), answers(w, group=w.other_group.pk))
    assert response.status_code == 400
    page = text_of(response)
    assert "Select a group that discussed the case from the list" in page
    assert not CaseDiscussion.objects.filter(reference="Child D").exists()


def test_changing_and_adding_an_action(client, w):
    client.force_login(w.recorder)
    response = client.post(
        url("discussion_edit", w, w.private.uuid),
        answers(
            w,
            reference="Child B",
            decision=Decision.LOCAL_LEARNING_REVIEW,
            **date_fields("discussed_on", w.private.discussed_on),
        ),
    )
    assert response.status_code == 302
    w.private.refresh_from_db()
    assert w.private.decision == Decision.LOCAL_LEARNING_REVIEW
    due = TODAY + timedelta(days=40)
    response = client.post(
        url("action_add", w, w.private.uuid),
        {
            "title": "Feed back to referrers the rationale for decisions",
            "owner": w.recorder_person.pk,
            "group": "",
            **date_fields("due_date", due),
        },
    )
    assert response.status_code == 302
    action = Action.objects.get(source=ActionSource.CASE_DISCUSSION, partnership=w.partnership)
    assert action.group == w.cases_group and action.due_date == due
    detail = text_of(client.get(reverse("actions:action_detail", args=[w.partnership.slug, action.uuid])))
    assert "Local case discussion of" in detail
    response = client.post(
        url("action_add", w, w.private.uuid),
        {"title": "", "owner": "", "group": "", **date_fields("due_date", None)},
    )
    assert response.status_code == 400
    assert "Enter the action" in text_of(response)


def test_who_may_change(client, w):
    for user in (w.lsp, w.scrutineer):
        client.force_login(user)
        assert client.get(url("discussion_edit", w, w.private.uuid)).status_code == 403
        assert client.get(url("discussion_record", w)).status_code == 403
    client.force_login(w.practitioner)
    assert client.get(url("discussion_edit", w, w.private.uuid)).status_code == 404
    assert client.get(url("discussion_edit", w, w.shared.uuid)).status_code == 403
    client.force_login(w.outsider)
    assert client.get(url("discussion_record", w)).status_code == 200
    assert client.get(url("discussion_edit", w, w.shared.uuid)).status_code == 403


def test_the_scrutineer_reads_without_references(client, w):
    client.force_login(w.scrutineer)
    listing = text_of(client.get(url("discussion_list", w)))
    assert "Child A" not in listing and "Child B" not in listing
    assert "A case discussed" in listing and "No further action" in listing
    detail = text_of(client.get(url("discussion_detail", w, w.private.uuid)))
    assert "Child B" not in detail and "Work with adult agencies" in detail


def test_a_practitioner_reads_shared_learning_only(client, w):
    client.force_login(w.practitioner)
    listing = text_of(client.get(url("discussion_list", w)))
    assert "Child A" not in listing and "A case discussed in" in listing
    assert "Single-agency learning" not in listing
    detail = client.get(url("discussion_detail", w, w.shared.uuid))
    assert detail.status_code == 200
    page = text_of(detail)
    assert "Child A" not in page and "keep themselves safe online" in page
    assert w.agency.name not in page
    assert client.get(url("discussion_detail", w, w.private.uuid)).status_code == 404
    assert client.get(url("register_export", w)).status_code == 403


def test_another_partnership_sees_nothing(client, w):
    other = make_world("cd-v-other")
    client.force_login(other.business_team)
    assert (
        client.get(
            reverse("case_discussions:discussion_detail", args=[other.partnership.slug, w.shared.uuid])
        ).status_code
        == 404
    )
    assert client.get(url("discussion_list", w)).status_code == 404


def test_the_theme_page_lists_the_discussions(client, w):
    theme_url = reverse("reviews:theme_detail", args=[w.partnership.slug, w.themes[1].slug])
    client.force_login(w.business_team)
    page = text_of(client.get(theme_url))
    assert "Local case discussions" in page and "Child B" in page
    client.force_login(w.scrutineer)
    page = text_of(client.get(theme_url))
    assert "Child B" not in page and "Work with adult agencies" in page


def test_the_register_spreadsheet(client, w):
    w.shared.learning = '=HYPERLINK("http://example.org")'
    w.shared.save()
    client.force_login(w.business_team)
    response = client.get(url("register_export", w))
    assert response.status_code == 200
    sheet = load_workbook(BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][0] == "Case reference"
    assert {r[0] for r in rows[1:]} == {"Child A", "Child B"}
    learning = next(r[7] for r in rows[1:] if r[0] == "Child A")
    assert learning == '\'=HYPERLINK("http://example.org")'
    assert LogEntry.objects.filter(action=LogEntry.Action.ACCESS, actor=w.business_team).exists()
    client.force_login(w.scrutineer)
    sheet = load_workbook(BytesIO(client.get(url("register_export", w)).content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][0] == "Date discussed"
    assert "Child A" not in str(rows)
