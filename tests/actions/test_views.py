"""Journeys through the action tracker's pages with the Django test client, including bad input."""

import re
from collections import Counter
from datetime import date, datetime, timedelta
from html import unescape
from io import BytesIO

import pytest
from auditlog.models import LogEntry
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from openpyxl import load_workbook

from masa.actions import forms, services, views
from masa.actions.models import ActionEvidence, ActionSettings, ActionSource, ActionStatus
from masa.core.uploads import MAX_DOCUMENT_BYTES
from masa.governance.models import AgendaItem, Meeting
from tests.actions.conftest import PDF, TODAY, make_action, ooxml, review_action, user_in_scope
from tests.factories import SETUP, member


def url(name: str, world, *args) -> str:
    return reverse(f"actions:{name}", args=[world.partnership.slug, *args])


def action_url(name: str, world, key: str = "mine") -> str:
    return url(name, world, world.actions[key].uuid)


def long_date(day) -> str:
    return f"{day.day} {day:%B %Y}"


def date_parts(name: str, day: date) -> dict[str, str]:
    """A GOV.UK date input's three boxes, as the browser sends them."""
    return {f"{name}_0": str(day.day), f"{name}_1": str(day.month), f"{name}_2": str(day.year)}


def html_of(response) -> str:
    return response.content.decode()


def assert_good_page(response) -> str:
    """The <title> starts with the <h1>, and no id is used twice."""
    html = html_of(response)
    h1 = re.search(r"<h1[^>]*>(.*?)</h1>", html, re.S)
    title = re.search(r"<title>(.*?)</title>", html, re.S)
    assert h1 and title
    heading = " ".join(unescape(re.sub(r"<[^>]+>", "", h1.group(1))).split())
    page_title = " ".join(unescape(title.group(1)).split()).removeprefix("Error: ")
    assert page_title.startswith(heading + " – "), (page_title, heading)
    ids = Counter(re.findall(r'\sid="([^"]+)"', html))
    assert [i for i, n in ids.items() if n > 1] == []
    return html


# The owner's journey ---------------------------------------------------------------------------


def test_owner_updates_adds_evidence_and_closes_an_action(client, alpha, beta):
    client.force_login(alpha.owner_user)
    action = alpha.actions["mine"]

    html = assert_good_page(client.get(reverse("actions:my_actions")))
    assert action.title in html and "A1" in html
    assert alpha.actions["colleague"].title not in html
    assert long_date(action.due_date) in html
    assert action_url("action_detail", alpha) in html

    html = assert_good_page(client.get(action_url("action_detail", alpha)))
    for button in ("Post an update", "Add evidence", "Close the action"):
        assert button in html
    assert "Reopen the action" not in html
    assert alpha.group.name in html and alpha.owner.name in html

    response = client.post(
        action_url("action_update", alpha), {"text": "Met the team leads", "in_progress": "on"}
    )
    assert response.status_code == 302
    html = assert_good_page(client.get(response["Location"]))
    assert views.UPDATE_POSTED in html
    assert "Met the team leads" in html
    assert "Status changed from open to in progress" in html

    response = client.post(
        action_url("action_evidence", alpha), {"kind": "text", "text": "Minutes of the review"}
    )
    assert response.status_code == 302
    assert "Minutes of the review" in html_of(client.get(action_url("action_detail", alpha)))

    response = client.post(action_url("action_close", alpha), {"impact": "Referrals are answered in a day"})
    assert response.status_code == 302
    html = assert_good_page(client.get(action_url("action_detail", alpha)))
    assert views.ACTION_CLOSED in html
    assert "Referrals are answered in a day" in html
    assert "Post an update" not in html

    assert action.title not in html_of(client.get(reverse("actions:my_actions")))
    assert action.title in html_of(client.get(reverse("actions:my_actions") + "?show=all"))


def test_my_actions_covers_every_partnership_of_the_user(client, alpha, beta):
    # The owner of alpha also owns an action in beta.
    from masa.accounts.models import Membership

    Membership.objects.create(user=alpha.owner_user, partnership=beta.partnership, role="member")
    beta_action = make_action(beta, "Beta action for Owen", owner=_person(beta, alpha.owner_user))
    client.force_login(alpha.owner_user)
    html = html_of(client.get(reverse("actions:my_actions")))
    assert alpha.actions["mine"].title in html
    assert beta_action.title in html
    assert beta.partnership.short_name in html or beta.partnership.name in html
    assert url("action_detail", beta, beta_action.uuid) in html


def _person(world, user):
    from tests.actions.conftest import person_for

    return person_for(user, world.partnership, world.agency)


def test_my_actions_needs_sign_in(client, db):
    response = client.get(reverse("actions:my_actions"))
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_practitioner_owner_sees_the_action_listed_without_a_link(client, alpha):
    user = member(alpha.partnership, "practitioner", mfa=False)
    action = make_action(alpha, "Practitioner's action", owner=_person(alpha, user))
    client.force_login(user)
    html = unescape(html_of(client.get(reverse("actions:my_actions"))))
    assert action.title in html
    assert url("action_detail", alpha, action.uuid) not in html


# Bad input ------------------------------------------------------------------------------------


def test_empty_update_shows_a_gov_uk_error_and_keeps_answers(client, alpha):
    client.force_login(alpha.owner_user)
    response = client.post(action_url("action_update", alpha), {"text": "  ", "in_progress": "on"})
    assert response.status_code == 400
    html = assert_good_page(response)
    assert services.UPDATE_EMPTY in html
    assert 'href="#id_text"' in html
    assert re.search(r'<input[^>]*name="in_progress"[^>]*checked', html)
    assert not alpha.actions["mine"].updates.exists()


def test_close_without_impact_shows_the_error(client, alpha):
    client.force_login(alpha.owner_user)
    response = client.post(action_url("action_close", alpha), {"impact": ""})
    assert response.status_code == 400
    html = assert_good_page(response)
    assert services.CLOSE_NEEDS_IMPACT in html
    assert 'href="#id_impact"' in html
    alpha.actions["mine"].refresh_from_db()
    assert alpha.actions["mine"].status == ActionStatus.OPEN


def test_close_without_evidence_for_a_review_keeps_the_impact(client, alpha):
    action = review_action(alpha, "From a review")
    client.force_login(alpha.owner_user)
    evidence_url = url("action_evidence", alpha, action.uuid)
    detail = assert_good_page(client.get(url("action_detail", alpha, action.uuid)))
    # Closing is not offered until there is evidence; the page says so, with a link to add it.
    assert f'<a class="govuk-link" href="{evidence_url}">add evidence</a> before closing it' in detail
    assert "Close the action</a>" not in detail
    page = assert_good_page(client.get(url("action_close", alpha, action.uuid)))
    assert "cannot close without evidence" in page and f'href="{evidence_url}"' in page
    assert 'name="impact"' not in page
    # A close posted anyway is refused on the evidence, with the impact kept.
    response = client.post(url("action_close", alpha, action.uuid), {"impact": "Safety plans are shared"})
    assert response.status_code == 400
    html = assert_good_page(response)
    assert f'<a href="#evidence">{services.CLOSE_NEEDS_EVIDENCE}</a>' in unescape(html)
    assert 'id="evidence" class="govuk-form-group govuk-form-group--error"' in html
    assert "Safety plans are shared" in html
    action.refresh_from_db()
    assert action.status == ActionStatus.OPEN
    # With evidence, the close button and the question are there, and it closes.
    services.action_add_evidence(actor=alpha.owner_user, action=action, kind="text", text="Audit")
    assert "Close the action</a>" in html_of(client.get(url("action_detail", alpha, action.uuid)))
    assert 'name="impact"' in html_of(client.get(url("action_close", alpha, action.uuid)))
    response = client.post(url("action_close", alpha, action.uuid), {"impact": "Safety plans are shared"})
    assert response.status_code == 302
    action.refresh_from_db()
    assert action.status == ActionStatus.CLOSED


def test_review_action_links_to_its_review_for_those_who_may_view_reviews(client, alpha, manager):
    action = review_action(alpha, "Safe sleep leaflet", reference="LLR-9", review_title="Sleep safety")
    review = action.review_recommendation.review
    review_url = reverse("reviews:review_detail", args=[alpha.partnership.slug, review.uuid])
    html = assert_good_page(client.get(url("action_detail", alpha, action.uuid)))
    assert f'<a class="govuk-link" href="{review_url}">LLR-9: Sleep safety</a>' in html
    assert "Recommendation 1" in html
    assert "None given" in html and ">None<" not in html  # no description


def test_review_action_is_named_without_a_link_for_those_who_may_not_view_reviews(client, alpha, monkeypatch):
    import rules

    action = review_action(alpha, "Safe sleep leaflet", reference="LLR-9", review_title="Sleep safety")
    review = action.review_recommendation.review
    # Every role that sees actions may read reviews today; the page asks the registry, so a
    # registry that says no hides the link.
    monkeypatch.setitem(rules.permissions.permissions, "reviews.view_reviews", rules.always_deny)
    client.force_login(alpha.owner_user)
    html = html_of(client.get(url("action_detail", alpha, action.uuid)))
    assert "LLR-9: Sleep safety" in html
    assert reverse("reviews:review_detail", args=[alpha.partnership.slug, review.uuid]) not in html


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("report.pdf", b"MZ\x90\x00\x03" + b"\x00" * 200, "must be a PDF, Word (DOCX), Excel (XLSX)"),
        ("notes.pdf", b"", "is empty"),
        ("big.pdf", b"%PDF-" + b"0" * (MAX_DOCUMENT_BYTES + 1024 * 1024), "must be smaller than 20 MB"),
        ("plan.docx", ooxml(macros=True), "contains macros"),
    ],
    ids=["renamed-exe", "empty", "21-mb", "docm-renamed-docx"],
)
def test_bad_evidence_files_get_a_plain_error_and_nothing_is_saved(client, alpha, name, content, message):
    client.force_login(alpha.owner_user)
    upload = SimpleUploadedFile(name, content, content_type="application/pdf")
    response = client.post(
        action_url("action_evidence", alpha),
        {"kind": "file", "file": upload, "text": "My notes so far", "link": "https://example.org/r"},
    )
    assert response.status_code == 400
    html = assert_good_page(response)
    assert f"The selected file {name} {message}" in unescape(html)
    assert 'href="#id_file"' in html
    # The other answers are kept; nothing is saved.
    assert "My notes so far" in html
    assert 'value="https://example.org/r"' in html
    assert re.search(r'<input[^>]*value="file"[^>]*checked|<input[^>]*checked[^>]*value="file"', html)
    assert not ActionEvidence.objects.exists()


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        ({}, "kind", services.EVIDENCE_KIND_MISSING),
        ({"kind": "link", "link": ""}, "link", services.EVIDENCE_EMPTY["link"]),
        ({"kind": "link", "link": "javascript:alert(1)"}, "link", forms.LINK_INVALID),
        ({"kind": "text", "text": " "}, "text", services.EVIDENCE_EMPTY["text"]),
        ({"kind": "file"}, "file", services.EVIDENCE_EMPTY["file"]),
    ],
)
def test_evidence_needs_the_field_matching_its_kind(client, alpha, data, field, message):
    client.force_login(alpha.owner_user)
    response = client.post(action_url("action_evidence", alpha), data)
    assert response.status_code == 400
    html = unescape(html_of(response))
    assert message in html
    assert f'href="#id_{field}' in html
    assert not ActionEvidence.objects.exists()


def test_evidence_file_is_uploaded_downloaded_and_the_read_audited(client, alpha):
    client.force_login(alpha.owner_user)
    docx = ooxml()
    response = client.post(
        action_url("action_evidence", alpha),
        {"kind": "file", "file": SimpleUploadedFile("Audit findings.docx", docx)},
    )
    assert response.status_code == 302
    evidence = ActionEvidence.objects.get()
    assert evidence.original_name == "Audit findings.docx"
    download = url("evidence_download", alpha, alpha.actions["mine"].uuid, evidence.uuid)
    assert download in html_of(client.get(action_url("action_detail", alpha)))

    # Someone else who may see the action can download it; the read is audited.
    reader = member(alpha.partnership, "lsp")
    client.force_login(reader)
    response = client.get(download)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == docx
    assert 'filename="Audit findings.docx"' in response["Content-Disposition"]
    assert response["Content-Type"] == (
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    )
    entry = LogEntry.objects.get(action=LogEntry.Action.ACCESS, object_pk=str(evidence.pk))
    assert entry.actor == reader


def test_evidence_download_is_scoped(client, alpha, beta):
    evidence = services.action_add_evidence(
        actor=alpha.owner_user,
        action=alpha.actions["outsider"],
        kind="file",
        file=SimpleUploadedFile("x.pdf", PDF),
    )
    download = url("evidence_download", alpha, alpha.actions["outsider"].uuid, evidence.uuid)
    # A member of another group and agency does not see the action at all.
    client.force_login(alpha.owner_user)
    assert client.get(download).status_code == 404
    # Nor does a member of another partnership, under either partnership's address.
    client.force_login(beta.owner_user)
    assert client.get(download).status_code == 404
    other = url("evidence_download", beta, alpha.actions["outsider"].uuid, evidence.uuid)
    assert client.get(other).status_code == 404
    # Evidence of one action is not reachable through another action's address.
    client.force_login(member(alpha.partnership, "business_team"))
    assert (
        client.get(url("evidence_download", alpha, alpha.actions["mine"].uuid, evidence.uuid)).status_code
        == 404
    )
    assert not LogEntry.objects.filter(action=LogEntry.Action.ACCESS, object_pk=str(evidence.pk)).exists()


# Reopening ------------------------------------------------------------------------------------


def test_chair_reopens_a_closed_action_with_a_reason(client, alpha):
    action = alpha.actions["mine"]
    services.action_close(actor=alpha.owner_user, action=action, impact="Done")
    client.force_login(alpha.chair_user)
    html = assert_good_page(client.get(action_url("action_detail", alpha)))
    assert "Reopen the action" in html and "Post an update" not in html
    response = client.post(action_url("action_reopen", alpha), {"reason": ""})
    assert response.status_code == 400
    assert forms.REOPEN_NEEDS_REASON in html_of(response)
    response = client.post(action_url("action_reopen", alpha), {"reason": "The re-audit found gaps"})
    assert response.status_code == 302
    html = html_of(client.get(action_url("action_detail", alpha)))
    assert views.ACTION_REOPENED in html
    assert "Reopened: The re-audit found gaps" in html
    action.refresh_from_db()
    assert action.status == ActionStatus.OPEN


def test_owner_cannot_reopen_and_chair_cannot_update(client, alpha):
    services.action_close(actor=alpha.owner_user, action=alpha.actions["mine"], impact="Done")
    client.force_login(alpha.owner_user)
    assert client.get(action_url("action_reopen", alpha)).status_code == 403
    assert client.post(action_url("action_reopen", alpha), {"reason": "Please"}).status_code == 403
    other = make_action(alpha, "Open one")
    client.force_login(alpha.chair_user)
    for name in ("action_update", "action_evidence", "action_close"):
        assert client.get(url(name, alpha, other.uuid)).status_code == 403
    assert client.post(url("action_update", alpha, other.uuid), {"text": "Hi"}).status_code == 403
    assert not other.updates.exists()


# Lists, filters and the log --------------------------------------------------------------------


@pytest.fixture
def manager(client, alpha):
    user = member(alpha.partnership, "business_team")
    client.force_login(user)
    return user


def test_action_list_filters(client, alpha, manager):
    late = make_action(alpha, "Late one", due_date=TODAY - timedelta(days=3))
    closed = make_action(alpha, "Closed one")
    services.action_close(actor=manager, action=closed, impact="Done")
    base = url("action_list", alpha)
    html = assert_good_page(client.get(base))
    assert all(a.title in html for a in alpha.actions.values())

    def titles(query: dict) -> set[str]:
        response = client.get(base, query)
        assert response.status_code == 200
        text = html_of(response)
        return {a.title for a in [*alpha.actions.values(), late, closed] if a.title in text}

    assert titles({"status": "overdue"}) == {late.title}
    assert titles({"status": "closed"}) == {closed.title}
    assert closed.title not in titles({"status": "open"})
    assert titles({"group": alpha.other_group.pk}) == {
        alpha.actions["colleague"].title,
        alpha.actions["outsider"].title,
    }
    assert titles({"agency": alpha.other_agency.pk}) == {alpha.actions["outsider"].title}
    assert titles(date_parts("due_before", TODAY)) == {late.title}
    assert late.title not in titles(date_parts("due_after", TODAY))


def test_action_list_filters_by_owner_source_and_words(client, alpha, manager):
    audit = make_action(
        alpha,
        "Audit the MASH",
        description="Sample of thresholds decisions",
        source=ActionSource.AUDIT_FINDING,
    )
    base = url("action_list", alpha)

    def titles(query: dict) -> set[str]:
        response = client.get(base, query)
        assert response.status_code == 200
        text = html_of(response)
        return {a.title for a in [*alpha.actions.values(), audit] if a.title in text}

    assert titles({"owner": alpha.colleague.pk}) == {alpha.actions["colleague"].title}
    assert titles({"source": ActionSource.AUDIT_FINDING}) == {audit.title}
    assert titles({"text": "THRESHOLDS"}) == {audit.title}  # the description, any case
    assert titles({"text": "colleague"}) == {alpha.actions["colleague"].title}
    assert titles({"text": "  mash ", "owner": alpha.colleague.pk}) == set()
    response = client.get(base, {"source": "rumour", "owner": "0"})
    assert response.status_code == 400
    html = html_of(response)
    assert 'href="#id_source">Select a source from the list' in html
    assert f'href="#id_owner">{forms.OWNER_NOT_LISTED}' in html


def test_action_list_bad_filters_show_errors(client, alpha, manager):
    response = client.get(
        url("action_list", alpha),
        {"due_after_0": "31", "due_after_1": "2", "due_after_2": "2024", "status": "lost"},
    )
    assert response.status_code == 400
    html = html_of(response)
    assert "The &#x27;due on or after&#x27; date must be a real date" in html
    assert 'name="due_after_0" value="31"' in html  # the answer is kept
    assert "Select a status from the list" in html
    assert "<title>Error: Actions" in html
    response = client.get(
        url("action_list", alpha),
        {**date_parts("due_after", date(2024, 5, 1)), **date_parts("due_before", date(2024, 4, 1))},
    )
    assert response.status_code == 400
    assert unescape(forms.DATE_ORDER) in unescape(html_of(response))


def test_list_is_paginated(client, alpha, manager):
    for n in range(55):
        make_action(alpha, f"Bulk action {n}")
    html = html_of(client.get(url("action_list", alpha)))
    assert "Page 1 of 2" in html and "58 actions" in html
    html = html_of(client.get(url("action_list", alpha), {"page": 2}))
    assert "Page 2 of 2" in html


def test_group_actions_page(client, alpha, beta, manager):
    response = client.get(url("group_actions", alpha, alpha.other_group.uuid))
    html = assert_good_page(response)
    assert alpha.actions["colleague"].title in html
    assert alpha.actions["mine"].title not in html
    assert f"{alpha.other_group.name}: actions" in html
    # Another partnership's group is not found here.
    assert client.get(url("group_actions", alpha, beta.group.uuid)).status_code == 404


def test_overdue_page_shows_days_overdue_and_escalation(client, alpha, manager):
    late = make_action(alpha, "Three weeks late", due_date=TODAY - timedelta(days=21))
    escalated = make_action(alpha, "A month late", due_date=TODAY - timedelta(days=30))
    escalated.escalated_at = timezone.now()
    escalated.save()
    make_action(alpha, "Slightly late", due_date=TODAY - timedelta(days=2))
    html = assert_good_page(client.get(url("overdue", alpha)))
    assert late.title in html and escalated.title in html
    assert "Slightly late" not in html
    assert re.search(r">\s*21\s*</td>", html) and re.search(r">\s*30\s*</td>", html)
    assert f"Yes, on {long_date(TODAY)}" in html


def test_settings_page_saves_thresholds(client, alpha, manager):
    response = client.get(url("action_settings", alpha))
    assert 'value="14"' in assert_good_page(response)
    response = client.post(
        url("action_settings", alpha), {"remind_days_before": "-1", "escalate_days_overdue": ""}
    )
    assert response.status_code == 400
    html = html_of(response)
    assert "The number of days must be 0 or more" in html
    response = client.post(
        url("action_settings", alpha), {"remind_days_before": "5", "escalate_days_overdue": "21"}
    )
    assert response.status_code == 302
    settings = ActionSettings.objects.get(partnership=alpha.partnership)
    assert (settings.remind_days_before, settings.escalate_days_overdue) == (5, 21)


def test_meeting_action_links_to_its_meeting_item(client, alpha, manager):
    starts = datetime(2024, 3, 5, 10, 0, tzinfo=timezone.get_current_timezone())
    meeting = Meeting.objects.create(
        partnership=alpha.partnership,
        group=alpha.group,
        starts_at=starts,
        ends_at=starts + timedelta(hours=2),
    )
    item = AgendaItem.objects.create(
        partnership=alpha.partnership, meeting=meeting, title="Neglect strategy", purpose="decision"
    )
    action = make_action(
        alpha, "Refresh the neglect toolkit", source=ActionSource.MEETING_ITEM, meeting_item=item
    )
    html = assert_good_page(client.get(url("action_detail", alpha, action.uuid)))
    assert "Meeting on 5 March 2024" in html
    assert "Agenda item: Neglect strategy" in html
    try:  # the meeting's page, once the governance pages are there
        meeting_url = reverse("governance:meeting_detail", args=["alpha", meeting.uuid])
    except NoReverseMatch:
        meeting_url = None
    if meeting_url:
        assert f'href="{meeting_url}"' in html


def test_action_log_xlsx(client, alpha):
    user = user_in_scope(alpha, "agency_lead")
    make_action(alpha, '=HYPERLINK("http://evil.example")', owner=alpha.colleague)
    closed = make_action(alpha, "Closed for the log", owner=alpha.colleague)
    services.action_close(actor=SETUP, action=closed, impact="+ fewer repeat referrals")
    client.force_login(user)
    response = client.get(url("action_log_xlsx", alpha))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    assert 'filename="alpha-actions.xlsx"' in response["Content-Disposition"]
    sheet = load_workbook(BytesIO(response.content)).active
    header = [c.value for c in sheet[1]]
    assert header[:3] == ["Reference", "Title", "Description"]
    assert all(c.font.bold for c in sheet[1])
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == f"A1:M{sheet.max_row}"
    assert sheet.column_dimensions["B"].width == 45
    rows = {r[1].value: r for r in sheet.iter_rows(min_row=2)}
    # The agency lead sees their agency's actions only.
    assert alpha.actions["outsider"].title not in rows
    assert alpha.actions["colleague"].title in rows
    evil = rows['\'=HYPERLINK("http://evil.example")']
    assert evil[1].data_type == "s"
    due = evil[header.index("Due date")]
    assert due.is_date and due.value.date() == TODAY + timedelta(days=30)
    impact = rows["Closed for the log"][header.index("Impact")]
    assert impact.value == "'+ fewer repeat referrals"


def test_action_log_xlsx_respects_filters(client, alpha, manager):
    response = client.get(url("action_log_xlsx", alpha), {"agency": alpha.other_agency.pk})
    sheet = load_workbook(BytesIO(response.content)).active
    assert [r[1].value for r in sheet.iter_rows(min_row=2)] == [alpha.actions["outsider"].title]
    assert client.get(url("action_log_xlsx", alpha), {"due_after_2": "soon"}).status_code == 400


def test_update_on_closed_action_is_refused_plainly(client, alpha):
    services.action_close(actor=alpha.owner_user, action=alpha.actions["mine"], impact="Done")
    client.force_login(alpha.owner_user)
    response = client.post(action_url("action_update", alpha), {"text": "More"})
    assert response.status_code == 400
    assert services.ALREADY_CLOSED in html_of(response)
    assert not alpha.actions["mine"].updates.filter(text="More").exists()


def test_status_tags(client, alpha, manager):
    make_action(alpha, "Late", due_date=TODAY - timedelta(days=1))
    html = html_of(client.get(url("action_list", alpha)))
    assert '<strong class="govuk-tag govuk-tag--red">Overdue</strong>' in html
    assert '<strong class="govuk-tag govuk-tag--blue">Open</strong>' in html


# Changing and withdrawing ---------------------------------------------------------------------


def change_data(world, action, **overrides) -> dict:
    day = overrides.pop("due_date", action.due_date)
    data = {
        "title": action.title,
        "description": action.description,
        "owner": action.owner.pk,
        "owner_agency": action.owner_agency.pk,
        "due_date_0": str(day.day),
        "due_date_1": str(day.month),
        "due_date_2": str(day.year),
        "reason": "Agreed at the Board on Tuesday",
    }
    data.update(overrides)
    return data


def test_business_team_changes_an_action_with_a_reason(client, alpha, manager):
    action = alpha.actions["mine"]
    old_due = action.due_date
    new_due = old_due + timedelta(days=30)
    detail = action_url("action_detail", alpha)
    assert action_url("action_change", alpha) in assert_good_page(client.get(detail))
    page = assert_good_page(client.get(action_url("action_change", alpha)))
    assert f'value="{action.title}"' in page and f'value="{old_due.year}"' in page
    response = client.post(
        action_url("action_change", alpha),
        change_data(alpha, action, due_date=new_due, owner=alpha.colleague.pk, description="Both teams"),
    )
    assert response.status_code == 302
    html = unescape(assert_good_page(client.get(detail)))
    assert views.ACTION_CHANGED in html
    assert "Changed: due date extended" in html
    assert f"Due date changed from “{long_date(old_due)}” to “{long_date(new_due)}”" in html
    assert f"Owner changed from “{alpha.owner.name}” to “{alpha.colleague.name}”" in html
    assert "Description changed from “none” to “Both teams”" in html
    assert "Reason: Agreed at the Board on Tuesday" in html
    action.refresh_from_db()
    assert (action.due_date, action.owner, action.description) == (new_due, alpha.colleague, "Both teams")
    entry = LogEntry.objects.filter(object_pk=str(action.pk), content_type__model="action").latest("pk")
    assert entry.actor == manager and "due_date" in entry.changes_dict


@pytest.mark.parametrize(
    ("overrides", "anchor", "message"),
    [
        ({"reason": ""}, "id_reason", services.CHANGE_NEEDS_REASON),
        ({"title": ""}, "id_title", services.TITLE_EMPTY),
        ({"due_date": TODAY - timedelta(days=2)}, "id_due_date", services.DUE_DATE_PAST),
        ({"due_date_0": "31", "due_date_1": "2"}, "id_due_date", "The due date must be a real date"),
        ({"owner": "999999"}, "id_owner", forms.OWNER_NOT_LISTED),
    ],
)
def test_change_with_bad_input_shows_the_error_keeps_answers_and_saves_nothing(
    client, alpha, manager, overrides, anchor, message
):
    action = alpha.actions["mine"]
    data = change_data(alpha, action, description="Kept words", **overrides)
    response = client.post(action_url("action_change", alpha), data)
    assert response.status_code == 400
    html = unescape(assert_good_page(response))
    assert re.search(rf'href="#{anchor}[^"]*">{re.escape(message)}', html), message
    assert "Kept words" in html
    action.refresh_from_db()
    assert action.description == "" and not action.updates.exists()


def test_change_with_nothing_changed_is_refused(client, alpha, manager):
    response = client.post(action_url("action_change", alpha), change_data(alpha, alpha.actions["mine"]))
    assert response.status_code == 400
    assert services.CHANGE_NOTHING in unescape(html_of(response))


def test_overdue_list_shows_how_often_an_action_was_extended(client, alpha, manager):
    once = make_action(
        alpha, "Extended once", due_date=TODAY - timedelta(days=20), today=TODAY - timedelta(days=90)
    )
    twice = make_action(
        alpha, "Extended twice", due_date=TODAY - timedelta(days=60), today=TODAY - timedelta(days=90)
    )
    thrice = make_action(
        alpha, "Extended thrice", due_date=TODAY - timedelta(days=60), today=TODAY - timedelta(days=90)
    )
    steps = {once: [-15], twice: [-50, -40], thrice: [-50, -40, -30]}
    for action, dues in steps.items():
        for due in dues:
            services.action_change(
                actor=manager,
                action=action,
                title=action.title,
                description="",
                owner=action.owner,
                owner_agency=action.owner_agency,
                due_date=TODAY + timedelta(days=due),
                reason="More time agreed",
                today=TODAY - timedelta(days=89),
            )
    html = assert_good_page(client.get(url("overdue", alpha)))
    rows = {
        title: html.split(title)[1].split("</tr>")[0]
        for title in ("Extended once", "Extended twice", "Extended thrice")
    }
    assert "extended once" in rows["Extended once"]
    assert "extended twice" in rows["Extended twice"]
    assert "extended 3 times" in rows["Extended thrice"]


def test_business_team_withdraws_an_action_with_a_reason(client, alpha, manager):
    action = make_action(alpha, "Superseded work", due_date=TODAY - timedelta(days=30))
    detail = url("action_detail", alpha, action.uuid)
    withdraw = url("action_withdraw", alpha, action.uuid)
    assert withdraw in html_of(client.get(detail))
    response = client.post(withdraw, {"reason": " "})
    assert response.status_code == 400
    html = assert_good_page(response)
    assert f'href="#id_reason">{services.WITHDRAW_NEEDS_REASON}' in html
    action.refresh_from_db()
    assert action.status == ActionStatus.OPEN
    assert action.title in html_of(client.get(url("overdue", alpha)))
    response = client.post(withdraw, {"reason": "Replaced by the new neglect strategy"})
    assert response.status_code == 302
    html = assert_good_page(client.get(detail))
    assert views.ACTION_WITHDRAWN in html
    assert '<strong class="govuk-tag govuk-tag--grey">Withdrawn</strong>' in html
    assert "Reason: Replaced by the new neglect strategy" in html
    for button in (
        "Post an update",
        "Close the action",
        "Change the action",
        "Withdraw the action",
        "Reopen",
    ):
        assert button not in html
    assert action.title not in html_of(client.get(url("overdue", alpha)))
    assert action.title not in html_of(client.get(url("action_list", alpha), {"status": "open"}))
    assert action.title in html_of(client.get(url("action_list", alpha), {"status": "withdrawn"}))
    # It cannot be withdrawn again.
    response = client.post(withdraw, {"reason": "Again"})
    assert response.status_code == 400 and services.NOT_OPEN in html_of(response)
    assert action.updates.count() == 1
