"""The voice pages with the test client: forms, refusals, who sees what, the public page, the export."""

import re
from html import unescape
from io import BytesIO

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from masa.accounts.models import Role
from masa.voice.models import EngagementActivity, YouSaidWeDid


def url(name: str, w, *args) -> str:
    return reverse(f"voice:{name}", args=[w.partnership.slug, *args])


def text_of(response) -> str:
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", response.content.decode())).split())


def activity_answers(**changes) -> dict:
    answers = {
        "title": "Corporate Parenting Board: care leavers",
        "held_on_0": "7",
        "held_on_1": "2",
        "held_on_2": "2024",
        "kind": "board",
        "forum": "Corporate Parenting Board",
        "aged_18_to_25": "6",
        "aged_16_to_17": "",
        "care_experienced": "6",
        "what_they_said": "Care leavers want one worker through the move to adulthood.",
    }
    return {**answers, **changes}


def test_the_business_team_records_an_activity_with_counts(client, w):
    client.force_login(w.users[Role.BUSINESS_TEAM])
    response = client.post(url("activity_create", w), activity_answers())
    saved = EngagementActivity.objects.get(title="Corporate Parenting Board: care leavers")
    assert response.status_code == 302 and response["Location"] == url("activity_detail", w, saved.uuid)
    assert (saved.aged_18_to_25, saved.aged_16_to_17, saved.care_experienced, saved.total) == (6, 0, 6, 6)
    page = text_of(client.get(url("activity_detail", w, saved.uuid)))
    assert "18 to 25 6" in page and "Care-experienced 6" in page


def test_a_bad_activity_is_refused_naming_the_field_and_keeping_the_answers(client, w):
    client.force_login(w.users[Role.BUSINESS_TEAM])
    response = client.post(
        url("activity_create", w),
        activity_answers(care_experienced="9", what_they_said="Miss Jones said it helped"),
    )
    assert response.status_code == 400
    page = text_of(response)
    assert (
        "Of whom care-experienced must not be more than the 6 who took part" not in page
    )  # the service's label
    assert "Care-experienced must not be more than the 6 who took part" in page
    assert "What they said must not identify anyone: remove “Miss Jones”" in page
    assert 'value="Corporate Parenting Board: care leavers"' in response.content.decode()
    assert not EngagementActivity.objects.filter(title="Corporate Parenting Board: care leavers").exists()
    response = client.post(
        url("activity_create", w), activity_answers(aged_18_to_25="-2", care_experienced="")
    )
    assert response.status_code == 400
    assert "Ensure this value is greater than or equal to 0" not in text_of(response)


def test_an_entry_is_added_with_a_linked_action_then_published_and_withdrawn(client, w):
    client.force_login(w.users[Role.BUSINESS_TEAM])
    response = client.post(
        url("entry_add", w, w.activity.uuid),
        {
            "you_said": "Schools should talk about online bullying",
            "we_did": "Assemblies in every school",
            "status": "done",
            "actions": [w.action.pk],
        },
    )
    assert response.status_code == 302
    entry = YouSaidWeDid.objects.get(you_said="Schools should talk about online bullying")
    assert list(entry.actions.all()) == [w.action] and not entry.is_published
    assert "Assemblies in every school" not in text_of(client.get(url("public_page", w)))
    assert client.post(url("entry_publish", w, w.activity.uuid, entry.uuid), {}).status_code == 302
    public = text_of(client.get(url("public_page", w)))
    assert "Assemblies in every school" in public and w.action.reference not in public
    response = client.post(url("entry_withdraw", w, w.activity.uuid, entry.uuid), {"reason": ""})
    assert response.status_code == 400
    assert "Enter why the entry is being taken off the public page" in text_of(response)
    client.post(url("entry_withdraw", w, w.activity.uuid, entry.uuid), {"reason": "Not yet agreed"})
    assert "Assemblies in every school" not in text_of(client.get(url("public_page", w)))


def test_an_entry_cannot_link_another_partnerships_action(client, w):
    client.force_login(w.users[Role.BUSINESS_TEAM])
    response = client.post(
        url("entry_add", w, w.activity.uuid),
        {"you_said": "x", "we_did": "y", "status": "done", "actions": [w.other_action.pk]},
    )
    assert response.status_code == 400
    assert "Select actions of this partnership's action tracker" in text_of(response)
    assert not YouSaidWeDid.objects.filter(you_said="x").exists()


def test_the_public_page_needs_no_sign_in_and_shows_only_published_entries(client, w):
    response = client.get(url("public_page", w))
    assert response.status_code == 200
    page = text_of(response)
    assert "Adults do not understand the apps we use" in page
    assert "Internal draft the public must not see" not in page
    assert "14 people took part" in page
    assert w.action.reference not in page and w.action.title not in page
    learning = client.get(reverse("briefings:public_learning", args=[w.partnership.slug])).content.decode()
    assert url("public_page", w) in learning
    arrangements = client.get(reverse("structure:arrangements", args=[w.partnership.slug])).content.decode()
    assert url("public_page", w) in arrangements
    assert client.get(reverse("voice:public_page", args=["no-such-partnership"])).status_code == 404


@pytest.mark.parametrize(
    ("role", "sees_draft"),
    [
        (Role.LSP, True),
        (Role.CHAIR, True),
        (Role.MEMBER, True),
        (Role.SCRUTINEER, True),
        (Role.AGENCY_LEAD, False),
        (Role.PRACTITIONER, False),
    ],
)
def test_who_reads_which_entries(client, w, role, sees_draft):
    client.force_login(w.users[role])
    page = text_of(client.get(url("activity_detail", w, w.activity.uuid)))
    assert "Adults do not understand the apps we use" in page
    assert ("Internal draft the public must not see" in page) is sees_draft
    assert "Change the activity" not in page
    assert client.get(url("activity_create", w)).status_code == 403
    assert client.get(url("entry_edit", w, w.activity.uuid, w.draft.uuid)).status_code == 403
    assert client.get(url("voice_export", w)).status_code == (200 if sees_draft else 403)


def test_an_activity_with_nothing_published_is_404_for_a_practitioner(client, w):
    hidden = EngagementActivity.objects.create(
        partnership=w.partnership,
        title="Unpublished",
        held_on=w.activity.held_on,
        kind="survey",
        aged_11_to_15=3,
        what_they_said="x",
    )
    client.force_login(w.users[Role.PRACTITIONER])
    assert client.get(url("activity_detail", w, hidden.uuid)).status_code == 404
    assert "Unpublished" not in text_of(client.get(url("activity_list", w)))
    client.force_login(w.users[Role.MEMBER])
    assert client.get(url("activity_detail", w, hidden.uuid)).status_code == 200


def test_the_export_has_both_sheets_and_no_formulas(client, w):
    from masa.voice import services
    from tests.factories import SETUP

    services.activity_save(
        actor=SETUP,
        partnership=w.partnership,
        title='=HYPERLINK("x")',
        held_on=w.activity.held_on,
        kind="survey",
        what_they_said="+1",
        counts={"adults": 2},
    )
    client.force_login(w.users[Role.SCRUTINEER])
    response = client.get(url("voice_export", w))
    book = load_workbook(BytesIO(response.content))
    assert book.sheetnames == ["Activities", "You said, we did"]
    titles = [row[0] for row in book["Activities"].iter_rows(min_row=2, values_only=True)]
    assert '\'=HYPERLINK("x")' in titles
    entries = list(book["You said, we did"].iter_rows(min_row=2, values_only=True))
    assert "Adults do not understand the apps we use" in [r[2] for r in entries]
    assert any(r[6] == w.action.reference for r in entries)


def test_the_action_page_links_back_to_the_entries_it_carries(client, w):
    from masa.voice import services
    from tests.factories import SETUP

    services.entry_save(
        actor=SETUP,
        activity=w.activity,
        you_said="Unpublished wish",
        we_did="z",
        status="planned",
        actions=[w.action],
    )
    action_url = reverse("actions:action_detail", args=[w.partnership.slug, w.action.uuid])
    client.force_login(w.users[Role.BUSINESS_TEAM])
    page = text_of(client.get(action_url))
    assert "You said, we did Adults do not understand the apps we use Unpublished wish" in page
    assert url("activity_detail", w, w.activity.uuid) + "#entries" in client.get(action_url).content.decode()
    client.force_login(w.users[Role.AGENCY_LEAD])
    page = text_of(client.get(action_url))
    assert "Adults do not understand the apps we use" in page
    assert "Unpublished wish" not in page and "An entry not yet published" in page
