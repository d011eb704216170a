"""The scrutiny and statement pages with the test client: forms, refusals, who sees what, downloads."""

import re
from datetime import date
from html import unescape
from io import BytesIO

import pytest
from django.urls import reverse
from docx import Document
from openpyxl import load_workbook

from masa.actions.models import ActionSource
from masa.scrutiny import services
from masa.scrutiny.models import ResponseKind, ScrutinyActivity, StatementSignOff
from tests.factories import SETUP


def url(name: str, world, *args) -> str:
    return reverse(f"scrutiny:{name}", args=[world.partnership.slug, *args])


def text_of(response) -> str:
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", response.content.decode())).split())


def date_fields(prefix: str, day) -> dict:
    return {f"{prefix}_0": day.day, f"{prefix}_1": day.month, f"{prefix}_2": day.year}


def test_scrutineer_adds_an_activity_and_bad_input_keeps_the_answers(client, alpha):
    client.force_login(alpha.scrutineer)
    bad = client.post(
        url("activity_add", alpha, alpha.plan.uuid),
        {
            "kind": "children",
            "title": "Youth Council visit",
            **date_fields("planned_on", date(2024, 10, 1)),
            "status": "done",
        },
    )
    assert bad.status_code == 400
    assert "Enter the date the activity was done" in text_of(bad)
    assert 'value="Youth Council visit"' in bad.content.decode()
    good = client.post(
        url("activity_add", alpha, alpha.plan.uuid),
        {
            "kind": "children",
            "title": "Youth Council visit",
            **date_fields("planned_on", date(2024, 10, 1)),
            "status": "done",
            **date_fields("done_on", date(2024, 10, 2)),
        },
    )
    assert good.status_code == 302
    assert ScrutinyActivity.objects.filter(
        plan=alpha.plan, title="Youth Council visit", done_on=date(2024, 10, 2)
    ).exists()


def test_scrutineer_records_findings_but_not_responses(client, alpha):
    client.force_login(alpha.scrutineer)
    assert (
        client.post(
            url("finding_add", alpha, alpha.plan.uuid, alpha.activity.uuid), {"text": "Minutes are late"}
        ).status_code
        == 302
    )
    assert client.get(url("response_save", alpha, alpha.finding.uuid)).status_code == 403
    assert client.get(url("statement_create", alpha)).status_code == 403


def test_business_team_response_makes_an_action_linked_back(client, alpha):
    client.force_login(alpha.business_team)
    assert client.get(url("activity_add", alpha, alpha.plan.uuid)).status_code == 403
    response = client.post(
        url("response_save", alpha, alpha.finding.uuid),
        {
            "response": "accepted",
            "response_text": "A challenge log",
            "owner": alpha.owner.pk,
            **date_fields("due_date", date(2030, 6, 30)),
        },
        follow=True,
    )
    alpha.finding.refresh_from_db()
    action = alpha.finding.action
    assert action is not None and action.source == ActionSource.SCRUTINY_FINDING
    assert f"action {action.reference} added to the action tracker" in text_of(response)
    detail = client.get(reverse("actions:action_detail", args=[alpha.partnership.slug, action.uuid]))
    assert "Scrutiny finding 1" in text_of(detail)
    assert url("plan_detail", alpha, alpha.plan.uuid) in detail.content.decode()


@pytest.mark.parametrize("who", ["member_user", "practitioner", "chair"])
def test_others_read_only_published_comments(client, alpha, who):
    client.force_login(getattr(alpha, who))
    assert client.get(url("plan_detail", alpha, alpha.plan.uuid)).status_code == 403
    page = client.get(url("overview", alpha))
    assert page.status_code == 200 and "Draft thoughts" not in text_of(page)
    services.comment_save(
        actor=SETUP,
        partnership=alpha.partnership,
        year=2024,
        text="A good start",
        publish=True,
        comment=alpha.comment,
    )
    assert "A good start" in text_of(client.get(url("overview", alpha)))


def test_another_partnerships_records_are_not_found(client, alpha, beta):
    client.force_login(alpha.business_team)
    assert client.get(url("plan_detail", alpha, beta.plan.uuid)).status_code == 404
    assert client.get(url("statement_detail", alpha, beta.statement.uuid)).status_code == 404
    assert client.get(url("response_save", alpha, beta.finding.uuid)).status_code == 404


def test_lsp_signs_off_and_the_page_counts(client, alpha):
    client.force_login(alpha.lsps[0])
    response = client.post(
        url("statement_sign_off", alpha, alpha.statement.uuid),
        date_fields("signed_on", date(2024, 9, 1)),
        follow=True,
    )
    assert "Signed by 1 of 3 lead safeguarding partners" in text_of(response)
    assert "Lead 1 alpha Chief Executive 1 September 2024" in text_of(response)


def test_non_lsp_cannot_sign_off(client, alpha):
    client.force_login(alpha.dsp)
    assert (
        client.post(
            url("statement_sign_off", alpha, alpha.statement.uuid), date_fields("signed_on", date(2024, 9, 1))
        ).status_code
        == 403
    )
    assert not StatementSignOff.objects.exists()


def test_editing_a_signed_statement_asks_why(client, alpha):
    services.statement_sign_off(actor=alpha.lsps[0], statement=alpha.statement, signed_on=date(2024, 9, 1))
    client.force_login(alpha.business_team)
    bad = client.post(url("statement_edit", alpha, alpha.statement.uuid), {"year": 2023, "text": "Changed"})
    assert bad.status_code == 400
    assert "Enter why the signed-off statement is being changed" in text_of(bad)
    good = client.post(
        url("statement_edit", alpha, alpha.statement.uuid),
        {"year": 2023, "text": "Changed", "reason": "Typo"},
    )
    assert good.status_code == 302
    assert alpha.statement.sign_offs.count() == 0


def test_downloads(client, alpha):
    services.response_save(
        actor=SETUP, finding=alpha.finding, response=ResponseKind.NOT_ACCEPTED, response_text="=HYPERLINK(1)"
    )
    client.force_login(alpha.scrutineer)
    book = load_workbook(BytesIO(client.get(url("plan_export", alpha, alpha.plan.uuid)).content))
    rows = list(book["Findings"].values)
    assert rows[1][2] == "Agencies rarely challenge each other"
    assert not str(rows[1][4]).startswith("=")
    services.statement_sign_off(actor=alpha.lsps[0], statement=alpha.statement, signed_on=date(2024, 9, 1))
    doc = Document(BytesIO(client.get(url("statement_export", alpha, alpha.statement.uuid)).content))
    text = "\n".join(p.text for p in doc.paragraphs)
    assert "We are assured that the arrangements work." in text
    assert "Signed by 1 of 3 lead safeguarding partners" in text
    assert doc.tables[0].rows[1].cells[0].text == "Lead 1 alpha"
