"""Assurance requests: the services' rules, who sees and does what, the pages, the home page and
the export."""

import re
from dataclasses import dataclass
from datetime import timedelta
from html import unescape
from io import BytesIO
from typing import get_args

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import load_workbook

from masa.accounts import services as account_services
from masa.accounts.models import Membership, Role, User
from masa.actions.models import Action, ActionSource
from masa.api.assurance_routes import RequestStatusValue
from masa.assurance import selectors, services
from masa.assurance.models import AssuranceLevel, AssuranceRequest, RequestStatus
from masa.assurance.rules import JUDGE_ASSURANCE_REQUEST, SEND_ASSURANCE_REPORT
from masa.assurance.services import FollowUp
from masa.core.uploads import MAX_DOCUMENT_BYTES
from masa.partnership.models import Agency, Group, GroupMember, Partnership, Person
from tests.assurance.conftest import TODAY
from tests.factories import (
    SETUP,
    GroupFactory,
    PartnershipAgencyFactory,
    PartnershipFactory,
    PersonFactory,
    member,
)
from tests.governance.files import pdf_bytes


@dataclass
class RequestWorld:
    partnership: Partnership
    police: Agency
    health: Agency
    board: Group
    subgroup: Group
    business_team: User
    police_lead: User
    police_person: Person
    health_lead: User
    chair: User
    subgroup_member: User
    practitioner: User
    scrutineer: User
    to_police: AssuranceRequest
    to_health: AssuranceRequest


def _lead(p: Partnership, agency: Agency, name: str) -> tuple[User, Person]:
    user = member(p, Role.AGENCY_LEAD, mfa=False, full_name=name)
    Membership.objects.filter(user=user, partnership=p).update(agency=agency)
    person = PersonFactory(partnership=p, agency=agency, user=user, name=name, email=user.email)
    return user, person


@pytest.fixture
def world(db) -> RequestWorld:
    p = PartnershipFactory(slug="hill")
    police = PartnershipAgencyFactory(partnership=p).agency
    health = PartnershipAgencyFactory(partnership=p).agency
    chair_user = member(p, Role.CHAIR, full_name="Chris Chair")
    chair_person = PersonFactory(partnership=p, agency=health, user=chair_user, name="Chris Chair")
    board = GroupFactory(partnership=p, name="Hill Board", chair=chair_person)
    subgroup = GroupFactory(partnership=p, name="Quality subgroup")
    sub_user = member(p, Role.MEMBER, full_name="Mo Member")
    sub_person = PersonFactory(partnership=p, agency=health, user=sub_user, name="Mo Member")
    GroupMember.objects.create(partnership=p, group=subgroup, person=sub_person)
    police_lead, police_person = _lead(p, police, "Pat Police")
    health_lead, _ = _lead(p, health, "Hana Health")
    bt = member(p, Role.BUSINESS_TEAM)
    to_police = services.request_save(
        actor=SETUP,
        partnership=p,
        agency=police,
        subject="Missing children: return home interviews",
        asked="How many return home interviews were offered within 72 hours, and what changed?",
        group=board,
        lead=police_person,
        due_date=TODAY + timedelta(days=30),
    )
    to_health = services.request_save(
        actor=SETUP,
        partnership=p,
        agency=health,
        subject="Health assessments of looked-after children",
        asked="Timeliness of initial health assessments",
        group=subgroup,
        due_date=TODAY + timedelta(days=10),
    )
    return RequestWorld(
        partnership=p,
        police=police,
        health=health,
        board=board,
        subgroup=subgroup,
        business_team=bt,
        police_lead=police_lead,
        police_person=police_person,
        health_lead=health_lead,
        chair=chair_user,
        subgroup_member=sub_user,
        practitioner=member(p, Role.PRACTITIONER, mfa=False),
        scrutineer=member(p, Role.SCRUTINEER),
        to_police=to_police,
        to_health=to_health,
    )


def url(name: str, world: RequestWorld, *args) -> str:
    return reverse(f"assurance:{name}", args=[world.partnership.slug, *args])


def text_of(response) -> str:
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", response.content.decode())).split())


def date_fields(prefix: str, day) -> dict:
    return {f"{prefix}_0": day.day, f"{prefix}_1": day.month, f"{prefix}_2": day.year}


def _received(world: RequestWorld, record: AssuranceRequest | None = None) -> AssuranceRequest:
    return services.report_receive(
        actor=SETUP, request=record or world.to_police, text="Our report: 84% within 72 hours."
    )


# Services --------------------------------------------------------------------------------------


def test_requests_are_numbered_per_partnership(world):
    assert (world.to_police.reference, world.to_health.reference) == ("AR-1", "AR-2")
    assert world.to_police.status == RequestStatus.REQUESTED


def test_a_new_request_cannot_be_due_in_the_past(world):
    with pytest.raises(ValidationError) as error:
        services.request_save(
            actor=SETUP,
            partnership=world.partnership,
            agency=world.police,
            subject="Late",
            asked="Anything",
            group=world.board,
            due_date=TODAY - timedelta(days=1),
        )
    assert error.value.message_dict == {"due_date": [services.REQUEST_DUE_PAST]}
    assert AssuranceRequest.objects.count() == 2


def test_the_lead_must_work_for_the_agency_asked(world):
    with pytest.raises(ValidationError) as error:
        services.request_save(
            actor=SETUP,
            partnership=world.partnership,
            agency=world.health,
            subject="S",
            asked="A",
            group=world.board,
            lead=world.police_person,
            due_date=TODAY,
        )
    assert error.value.message_dict == {"lead": [services.REQUEST_LEAD_OTHER_AGENCY]}


def test_a_report_file_is_checked_and_kept_with_its_real_type(world):
    record = services.report_receive(
        actor=SETUP,
        request=world.to_police,
        file=SimpleUploadedFile("report", pdf_bytes(), content_type="application/pdf"),
        original_name="report",
    )
    assert record.status == RequestStatus.REPORT_RECEIVED
    assert record.received_on == TODAY
    assert record.report_name == "report.pdf"
    assert record.report_file.name.endswith(".pdf")


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"MZ\x90\x00 not a document", "must be a PDF"),
        (b"", "is empty"),
    ],
)
def test_a_report_of_the_wrong_type_saves_nothing(world, content, message):
    with pytest.raises(ValidationError) as error:
        services.report_receive(
            actor=SETUP,
            request=world.to_police,
            file=SimpleUploadedFile("report.pdf", content),
            original_name="report.pdf",
        )
    assert message in error.value.message_dict["file"][0]
    world.to_police.refresh_from_db()
    assert world.to_police.status == RequestStatus.REQUESTED and not world.to_police.report_file


def test_a_report_too_large_is_refused(world):
    big = SimpleUploadedFile("big.pdf", pdf_bytes())
    big.size = MAX_DOCUMENT_BYTES + 1
    with pytest.raises(ValidationError) as error:
        services.report_receive(actor=SETUP, request=world.to_police, file=big, original_name="big.pdf")
    assert "must be smaller than" in error.value.message_dict["file"][0]


def test_a_report_needs_a_file_a_link_or_text(world):
    with pytest.raises(ValidationError) as error:
        services.report_receive(actor=SETUP, request=world.to_police)
    assert error.value.message_dict == {"file": [services.REPORT_NEEDED]}


def test_judging_before_the_report_is_refused(world):
    with pytest.raises(ValidationError) as error:
        services.judgement_record(
            actor=SETUP,
            request=world.to_police,
            judgement=AssuranceLevel.ASSURED,
            reasons="Fine",
            judged_on=TODAY,
        )
    assert error.value.messages == [services.JUDGEMENT_BEFORE_REPORT]


def test_a_judgement_needs_reasons(world):
    record = _received(world)
    with pytest.raises(ValidationError) as error:
        services.judgement_record(
            actor=SETUP, request=record, judgement=AssuranceLevel.ASSURED, reasons="  ", judged_on=TODAY
        )
    assert error.value.message_dict == {"reasons": [services.JUDGEMENT_REASONS_NEEDED]}
    record.refresh_from_db()
    assert record.status == RequestStatus.REPORT_RECEIVED


def test_a_judgement_adds_follow_up_actions_that_need_evidence(world):
    record = _received(world)
    services.judgement_record(
        actor=SETUP,
        request=record,
        judgement=AssuranceLevel.PARTLY_ASSURED,
        reasons="Timeliness improved; quality not yet evidenced",
        judged_on=TODAY,
        follow_ups=[
            FollowUp("Audit 10 return home interviews", world.police_person, TODAY + timedelta(days=60))
        ],
    )
    record.refresh_from_db()
    assert (record.status, record.judgement) == (RequestStatus.JUDGED, AssuranceLevel.PARTLY_ASSURED)
    action = Action.objects.get(assurance_request=record)
    assert action.source == ActionSource.ASSURANCE_REQUEST
    assert action.needs_evidence and action.group == world.board


def test_a_refused_follow_up_saves_no_judgement(world):
    record = _received(world)
    with pytest.raises(ValidationError) as error:
        services.judgement_record(
            actor=SETUP,
            request=record,
            judgement=AssuranceLevel.NOT_ASSURED,
            reasons="No evidence",
            judged_on=TODAY,
            follow_ups=[FollowUp("Do it", world.police_person, TODAY - timedelta(days=5))],
        )
    assert "action_1_due_date" in error.value.message_dict
    record.refresh_from_db()
    assert record.status == RequestStatus.REPORT_RECEIVED and not record.judgement
    assert not Action.objects.filter(assurance_request=record).exists()


def test_withdrawing_needs_a_reason_and_ends_the_request(world):
    with pytest.raises(ValidationError):
        services.request_withdraw(actor=SETUP, request=world.to_health, reason="")
    services.request_withdraw(actor=SETUP, request=world.to_health, reason="Covered by the Section 11 audit")
    world.to_health.refresh_from_db()
    assert world.to_health.status == RequestStatus.WITHDRAWN
    with pytest.raises(ValidationError):
        services.report_receive(actor=SETUP, request=world.to_health, text="Late report")


# Who sees and does what ------------------------------------------------------------------------


def _seen(user: User, world: RequestWorld) -> set[str]:
    return {r.reference for r in selectors.request_list(user, world.partnership)}


def test_scope_by_role(world):
    assert _seen(world.business_team, world) == {"AR-1", "AR-2"}
    assert _seen(world.scrutineer, world) == {"AR-1", "AR-2"}
    assert _seen(world.police_lead, world) == {"AR-1"}
    assert _seen(world.health_lead, world) == {"AR-2"}
    assert _seen(world.chair, world) == {"AR-1"}  # chairs the Board
    assert _seen(world.subgroup_member, world) == {"AR-2"}
    assert _seen(world.practitioner, world) == set()


def test_an_agency_lead_gets_404_for_another_agencys_request(client, world):
    client.force_login(world.health_lead)
    assert client.get(url("request_detail", world, world.to_police.uuid)).status_code == 404
    assert client.get(url("request_report", world, world.to_police.uuid)).status_code == 404
    assert client.get(url("request_detail", world, world.to_health.uuid)).status_code == 200


def test_who_may_send_the_report_and_judge(world):
    record = world.to_police
    assert world.police_lead.has_perm(SEND_ASSURANCE_REPORT, record)
    assert world.business_team.has_perm(SEND_ASSURANCE_REPORT, record)
    assert not world.health_lead.has_perm(SEND_ASSURANCE_REPORT, record)
    assert not world.chair.has_perm(SEND_ASSURANCE_REPORT, record)
    assert world.chair.has_perm(JUDGE_ASSURANCE_REQUEST, record)
    assert world.business_team.has_perm(JUDGE_ASSURANCE_REQUEST, record)
    assert not world.police_lead.has_perm(JUDGE_ASSURANCE_REQUEST, record)
    assert not world.subgroup_member.has_perm(JUDGE_ASSURANCE_REQUEST, world.to_health)


def test_a_practitioner_sees_no_requests(client, world):
    client.force_login(world.practitioner)
    assert client.get(url("request_list", world)).status_code == 403


def test_another_partnerships_request_is_404(client, world):
    other = PartnershipFactory(slug="dale")
    bt = member(other, Role.BUSINESS_TEAM)
    client.force_login(bt)
    response = client.get(reverse("assurance:request_detail", args=["dale", world.to_police.uuid]))
    assert response.status_code == 404


# Pages -----------------------------------------------------------------------------------------


def test_business_team_asks_for_assurance(client, world):
    client.force_login(world.business_team)
    response = client.post(
        url("request_create", world),
        {
            "agency": world.health.pk,
            "subject": "Neglect strategy",
            "asked": "Report on the use of the graded care profile",
            "group": world.board.pk,
            **date_fields("due_date", TODAY + timedelta(days=40)),
        },
    )
    assert response.status_code == 302
    record = AssuranceRequest.objects.get(subject="Neglect strategy")
    assert record.reference == "AR-3" and record.status == RequestStatus.REQUESTED


def test_a_past_due_date_is_shown_on_the_form_with_the_answers_kept(client, world):
    client.force_login(world.business_team)
    response = client.post(
        url("request_create", world),
        {
            "agency": world.health.pk,
            "subject": "Neglect strategy",
            "asked": "Report on the graded care profile",
            "group": world.board.pk,
            **date_fields("due_date", TODAY - timedelta(days=3)),
        },
    )
    assert response.status_code == 400
    page = text_of(response)
    assert "There is a problem" in page and services.REQUEST_DUE_PAST in page
    assert "Neglect strategy" in response.content.decode()
    assert AssuranceRequest.objects.count() == 2


def test_the_agency_lead_uploads_the_report(client, world):
    client.force_login(world.police_lead)
    response = client.post(
        url("request_report", world, world.to_police.uuid),
        {
            "file": SimpleUploadedFile("rhi.pdf", pdf_bytes(), content_type="application/pdf"),
            "text": "Summary",
        },
    )
    assert response.status_code == 302
    world.to_police.refresh_from_db()
    assert world.to_police.status == RequestStatus.REPORT_RECEIVED
    download = client.get(url("request_report_download", world, world.to_police.uuid))
    assert download.status_code == 200


def test_a_report_of_the_wrong_type_is_a_gov_uk_error(client, world):
    client.force_login(world.police_lead)
    response = client.post(
        url("request_report", world, world.to_police.uuid),
        {"file": SimpleUploadedFile("rhi.pdf", b"<html>not a pdf</html>"), "text": "Keep me"},
    )
    assert response.status_code == 400
    assert "must be a PDF" in text_of(response) and "Keep me" in response.content.decode()
    world.to_police.refresh_from_db()
    assert world.to_police.status == RequestStatus.REQUESTED


def test_another_agency_lead_cannot_upload(client, world):
    client.force_login(world.police_lead)
    assert client.get(url("request_report", world, world.to_health.uuid)).status_code == 404
    client.force_login(world.chair)
    assert client.get(url("request_report", world, world.to_police.uuid)).status_code == 403


def test_the_chair_records_the_judgement(client, world):
    _received(world)
    client.force_login(world.chair)
    response = client.post(
        url("request_judgement", world, world.to_police.uuid),
        {
            "judgement": "partly_assured",
            "reasons": "Timeliness better; quality not yet shown",
            **date_fields("judged_on", TODAY),
            "action_1_title": "Audit return home interviews",
            "action_1_owner": world.police_person.pk,
            **date_fields("action_1_due_date", TODAY + timedelta(days=90)),
        },
    )
    assert response.status_code == 302
    world.to_police.refresh_from_db()
    assert world.to_police.judgement == AssuranceLevel.PARTLY_ASSURED
    assert world.to_police.actions.count() == 1


def test_a_judgement_without_reasons_is_refused_and_the_answers_kept(client, world):
    _received(world)
    client.force_login(world.chair)
    response = client.post(
        url("request_judgement", world, world.to_police.uuid),
        {"judgement": "not_assured", "reasons": "", **date_fields("judged_on", TODAY)},
    )
    assert response.status_code == 400
    assert "Enter the reasons for the judgement" in text_of(response)
    assert re.search(r'value="not_assured"\s+checked', response.content.decode())


def test_judging_before_the_report_is_a_gov_uk_error(client, world):
    client.force_login(world.business_team)
    response = client.post(
        url("request_judgement", world, world.to_police.uuid),
        {"judgement": "assured", "reasons": "Fine", **date_fields("judged_on", TODAY)},
    )
    assert response.status_code == 400
    assert services.JUDGEMENT_BEFORE_REPORT in text_of(response)


def test_business_team_withdraws_a_request(client, world):
    client.force_login(world.business_team)
    response = client.post(url("request_withdraw", world, world.to_health.uuid), {"reason": "Duplicated"})
    assert response.status_code == 302
    world.to_health.refresh_from_db()
    assert world.to_health.status == RequestStatus.WITHDRAWN
    page = text_of(client.get(url("request_detail", world, world.to_health.uuid)))
    assert "Withdrawn" in page and "Duplicated" in page


def test_the_list_filters_by_status_agency_and_overdue(client, world):
    AssuranceRequest.objects.filter(pk=world.to_health.pk).update(due_date=TODAY - timedelta(days=2))
    client.force_login(world.business_team)
    page = text_of(client.get(url("request_list", world), {"overdue": "on"}))
    assert "AR-2" in page and "AR-1:" not in page
    page = text_of(client.get(url("request_list", world), {"agency": world.police.pk}))
    assert "AR-1" in page and "AR-2:" not in page
    page = text_of(client.get(url("request_list", world), {"status": "judged"}))
    assert "No assurance requests match" in page


# The home page ---------------------------------------------------------------------------------


def test_overdue_requests_show_on_the_home_page_of_the_business_team_and_the_agency_lead(client, world):
    AssuranceRequest.objects.filter(pk=world.to_police.pk).update(due_date=TODAY - timedelta(days=2))
    home = reverse("dashboards:home", args=[world.partnership.slug])
    for user, shown in (
        (world.business_team, True),
        (world.police_lead, True),
        (world.health_lead, False),
        (world.chair, False),
    ):
        client.force_login(user)
        page = text_of(client.get(home))
        assert ("AR-1: Missing children" in page) is shown, user


# The export ------------------------------------------------------------------------------------


def test_the_register_export_never_writes_a_formula(client, world):
    AssuranceRequest.objects.filter(pk=world.to_police.pk).update(subject='=HYPERLINK("http://x")')
    client.force_login(world.business_team)
    response = client.get(url("request_export", world))
    assert response.status_code == 200
    sheet = load_workbook(
        BytesIO(b"".join(response.streaming_content if response.streaming else [response.content]))
    ).active
    values = [c.value for row in sheet.iter_rows() for c in row]
    assert '\'=HYPERLINK("http://x")' in values
    assert all(c.data_type != "f" for row in sheet.iter_rows() for c in row)


def test_the_agency_lead_exports_only_their_agencys_requests(client, world):
    client.force_login(world.police_lead)
    response = client.get(url("request_export", world))
    sheet = load_workbook(BytesIO(response.content)).active
    assert [row[0] for row in sheet.iter_rows(min_row=2, values_only=True)] == ["AR-1"]


# The API ---------------------------------------------------------------------------------------

API = "/api/v1/partnerships/{}/assurance-requests"


def auth_for(user) -> dict:
    _, secret = account_services.api_token_create(actor=user, name="test")
    return {"HTTP_AUTHORIZATION": f"Bearer {secret}"}


def test_the_api_lists_the_requests_a_user_may_see(client, world):
    _received(world)
    response = client.get(API.format(world.partnership.slug), **auth_for(world.business_team))
    assert response.status_code == 200
    body = response.json()
    assert (body["count"], body["limit"], body["offset"]) == (2, 100, 0)
    first = body["items"][1]
    assert first["reference"] == "AR-1" and first["status"] == "report_received"
    assert first["agency"] == world.police.name and first["lead"] == "Pat Police"
    assert first["report_text"].startswith("Our report") and first["has_report_file"] is False
    police = client.get(API.format(world.partnership.slug), **auth_for(world.police_lead)).json()
    assert [i["reference"] for i in police["items"]] == ["AR-1"]


def test_the_api_pages_and_filters(client, world):
    AssuranceRequest.objects.filter(pk=world.to_health.pk).update(due_date=TODAY - timedelta(days=1))
    headers = auth_for(world.scrutineer)
    body = client.get(API.format(world.partnership.slug) + "?limit=1&offset=1", **headers).json()
    assert body["count"] == 2 and [i["reference"] for i in body["items"]] == ["AR-1"]
    body = client.get(API.format(world.partnership.slug) + "?overdue=true", **headers).json()
    assert [(i["reference"], i["overdue"]) for i in body["items"]] == [("AR-2", True)]
    assert client.get(API.format(world.partnership.slug) + "?status=nonsense", **headers).status_code == 422
    body = client.get(API.format(world.partnership.slug) + f"?agency={world.police.uuid}", **headers).json()
    assert [i["reference"] for i in body["items"]] == ["AR-1"]
    body = client.get(API.format(world.partnership.slug) + f"?group={world.subgroup.uuid}", **headers).json()
    assert [i["reference"] for i in body["items"]] == ["AR-2"]


def test_the_api_refuses_practitioners(client, world):
    response = client.get(API.format(world.partnership.slug), **auth_for(world.practitioner))
    assert response.status_code == 403


def test_the_api_status_values_are_the_models():
    assert set(get_args(RequestStatusValue)) == set(RequestStatus.values)


def test_the_groups_page_lists_its_overdue_requests_to_those_who_may_see_them(client, world):
    AssuranceRequest.objects.filter(pk=world.to_police.pk).update(due_date=TODAY - timedelta(days=2))
    page_url = reverse("structure:group_detail", args=[world.partnership.slug, world.board.uuid])
    client.force_login(world.chair)
    page = text_of(client.get(page_url))
    assert "Assurance requests overdue" in page and "AR-1: Missing children" in page
    client.force_login(world.practitioner)
    assert "AR-1" not in text_of(client.get(page_url))


def test_a_follow_up_action_links_back_to_its_request(client, world):
    record = _received(world)
    services.judgement_record(
        actor=SETUP,
        request=record,
        judgement=AssuranceLevel.NOT_ASSURED,
        reasons="No evidence of change",
        judged_on=TODAY,
        follow_ups=[FollowUp("Re-audit", world.police_person, TODAY + timedelta(days=30))],
    )
    action = record.actions.get()
    client.force_login(world.business_team)
    page = text_of(client.get(reverse("actions:action_detail", args=[world.partnership.slug, action.uuid])))
    assert "AR-1: Missing children" in page and "judged not assured" in page
    detail = text_of(client.get(url("request_detail", world, record.uuid)))
    assert action.reference in detail and "Re-audit" in detail


def test_the_word_summary_counts_and_describes_the_requests(client, world):
    from docx import Document

    record = _received(world)
    services.judgement_record(
        actor=SETUP,
        request=record,
        judgement=AssuranceLevel.PARTLY_ASSURED,
        reasons="Quality unclear",
        judged_on=TODAY,
    )
    client.force_login(world.business_team)
    response = client.get(url("request_summary", world))
    assert response.status_code == 200
    doc = Document(BytesIO(response.content))
    text = "\n".join(p.text for p in doc.paragraphs)
    assert "AR-1: Missing children: return home interviews" in text
    assert "Judgement: Partly assured" in text and "Quality unclear" in text
    counts = {row.cells[0].text: row.cells[1].text for row in doc.tables[0].rows}
    assert counts["Judged: partly assured"] == "1" and counts["Awaiting the agency's report"] == "1"
    client.force_login(world.health_lead)
    doc = Document(BytesIO(client.get(url("request_summary", world)).content))
    assert "AR-1" not in "\n".join(p.text for p in doc.paragraphs)
