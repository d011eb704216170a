"""The inspections pages with the Django test client: forms, refusals, who may write, the export."""

import re
from datetime import timedelta
from html import unescape
from io import BytesIO

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from masa.accounts.models import Role
from masa.actions.models import Action, ActionSource
from masa.assurance import services, views
from masa.assurance.models import FindingKind, Inspection, InspectionFinding
from tests.assurance.conftest import TODAY
from tests.factories import SETUP, member


def url(name: str, world, *args) -> str:
    return reverse(f"assurance:{name}", args=[world.partnership.slug, *args])


def text_of(response) -> str:
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", response.content.decode())).split())


def date_fields(prefix: str, day) -> dict:
    return {f"{prefix}_0": day.day, f"{prefix}_1": day.month, f"{prefix}_2": day.year}


def test_business_team_records_an_inspection_with_an_other_judgement(client, alpha):
    client.force_login(alpha.business_team)
    response = client.post(
        url("inspection_create", alpha),
        {
            "kind": "hmip",
            "title": "HMIP inspection of the young offender institution",
            "inspected_body": alpha.agency.pk,
            **date_fields("start_date", TODAY - timedelta(days=30)),
            "judgement": "other",
            "other_judgement": "Level 1",
            "summary": "Safety dropped to level 1",
        },
    )
    inspection = Inspection.objects.get(title__startswith="HMIP")
    assert response.status_code == 302
    assert response["Location"] == url("inspection_detail", alpha, inspection.uuid)
    assert inspection.overall_judgement == "Level 1" and inspection.inspected_body == alpha.agency
    page = client.get(url("inspection_edit", alpha, inspection.uuid))
    assert 'value="Level 1"' in page.content.decode()


def test_other_judgement_must_be_typed(client, alpha):
    client.force_login(alpha.business_team)
    response = client.post(
        url("judgement_add", alpha, alpha.inspection.uuid),
        {"area": "Help and protection", "judgement": "other"},
    )
    assert response.status_code == 400
    assert "Enter the judgement as the report gives it" in text_of(response)


def test_a_recommendation_form_creates_the_action(client, alpha):
    client.force_login(alpha.business_team)
    response = client.post(
        url("finding_add", alpha, alpha.inspection.uuid),
        {
            "kind": FindingKind.RECOMMENDATION,
            "text": "Make sure every child missing from home has a return interview",
            "agency": alpha.agency.pk,
            "owner": alpha.owner.pk,
            **date_fields("due_date", TODAY + timedelta(days=90)),
        },
        follow=True,
    )
    finding = InspectionFinding.objects.get(text__startswith="Make sure")
    action = finding.actions.get()
    assert action.source == ActionSource.INSPECTION_RECOMMENDATION
    page = text_of(response)
    assert f"action {action.reference} added to the action tracker" in page
    assert "2 open" in page  # the progress summary


def test_a_recommendation_without_an_owner_gets_a_govuk_error(client, alpha):
    client.force_login(alpha.business_team)
    before = Action.objects.count()
    response = client.post(
        url("finding_add", alpha, alpha.inspection.uuid),
        {"kind": FindingKind.RECOMMENDATION, "text": "Audit plans", **date_fields("due_date", TODAY)},
    )
    assert response.status_code == 400
    page = text_of(response)
    assert "There is a problem" in page
    assert services.OWNER_NEEDED.format(kind="recommendation") in page
    assert Action.objects.count() == before
    assert not InspectionFinding.objects.filter(text="Audit plans").exists()


def test_a_finding_with_an_action_is_changed_without_the_action_fields(client, alpha):
    client.force_login(alpha.business_team)
    page = client.get(url("finding_edit", alpha, alpha.inspection.uuid, alpha.finding.uuid)).content.decode()
    assert 'name="owner"' not in page and 'name="text"' in page


def test_the_inspection_page_shows_judgements_findings_and_action_links(client, alpha):
    client.force_login(alpha.owner_user)
    response = client.get(url("inspection_detail", alpha, alpha.inspection.uuid))
    page = text_of(response)
    assert "Leadership Outstanding" in page
    assert "Recommendation 1" in page and alpha.action.reference in page
    assert reverse("actions:action_detail", args=[alpha.partnership.slug, alpha.action.uuid]) in (
        response.content.decode()
    )
    assert "0 closed, 1 open, none overdue" in page


@pytest.mark.parametrize("role", sorted(Role.values))
def test_who_reads_and_who_writes(client, alpha, role):
    user = alpha.business_team if role == Role.BUSINESS_TEAM else member(alpha.partnership, role)
    client.force_login(user)
    reads = client.get(url("inspection_detail", alpha, alpha.inspection.uuid)).status_code
    writes = client.post(
        url("judgement_add", alpha, alpha.inspection.uuid), {"area": "Care leavers", "judgement": "Good"}
    ).status_code
    assert reads == 200  # practitioners read the published summary
    assert writes == (302 if role == Role.BUSINESS_TEAM else 403)


def test_a_practitioner_reads_the_published_summary_without_the_actions(client, alpha):
    client.force_login(member(alpha.partnership, Role.PRACTITIONER))
    page = text_of(client.get(url("inspection_detail", alpha, alpha.inspection.uuid)))
    assert "Leadership Outstanding" in page and "Recommendation 1" in page
    assert alpha.action.reference not in page and "Progress on the actions" not in page
    listing = client.get(url("inspection_list", alpha)).content.decode()
    assert alpha.inspection.title in listing and "Download the register" not in listing
    assert client.get(url("inspection_export", alpha)).status_code == 403
    assert client.get(url("inspection_summary", alpha)).status_code == 403


def test_agency_lead_and_scrutineer_see_no_write_buttons(client, alpha):
    for user in (alpha.owner_user, member(alpha.partnership, Role.SCRUTINEER)):
        client.force_login(user)
        page = client.get(url("inspection_detail", alpha, alpha.inspection.uuid)).content.decode()
        assert "Add a finding" not in page and "Change the inspection" not in page
        assert client.get(url("inspection_create", alpha)).status_code == 403
        assert (
            client.get(url("finding_edit", alpha, alpha.inspection.uuid, alpha.finding.uuid)).status_code
            == 403
        )


def test_another_partnerships_inspection_is_not_found(client, alpha, beta):
    client.force_login(alpha.business_team)
    assert client.get(url("inspection_detail", alpha, beta.inspection.uuid)).status_code == 404
    assert client.get(url("inspection_list", beta)).status_code == 404


def test_register_filters_and_refuses_a_bad_filter(client, alpha):
    client.force_login(alpha.business_team)
    assert "1 inspection " in text_of(client.get(url("inspection_list", alpha), {"year": 2023}))
    assert "0 inspections" in text_of(client.get(url("inspection_list", alpha), {"kind": "jtai"}))
    response = client.get(url("inspection_list", alpha), {"kind": "nonsense"})
    assert response.status_code == 400 and "Select a kind from the list" in text_of(response)


def test_the_register_export_is_formula_safe(client, alpha):
    services.inspection_save(
        actor=SETUP,
        partnership=alpha.partnership,
        inspection=alpha.inspection,
        kind=alpha.inspection.kind,
        title='=HYPERLINK("http://evil.example","click")',
        start_date=alpha.inspection.start_date,
        overall_judgement="+1+1",
        summary="@SUM(A1:A2)",
    )
    client.force_login(alpha.business_team)
    response = client.get(url("inspection_export", alpha))
    assert response.status_code == 200 and response["Content-Type"] == views.XLSX_TYPE
    sheet = load_workbook(BytesIO(response.content)).active
    header = [c.value for c in sheet[1]]
    row = dict(zip(header, [c.value for c in sheet[2]], strict=True))
    assert row["Title"] == '\'=HYPERLINK("http://evil.example","click")'
    assert row["Overall judgement"] == "'+1+1" and row["Summary"] == "'@SUM(A1:A2)"
    assert row["Judgements"] == "Leadership: Outstanding"
    assert (row["Recommendations"], row["Actions open"], row["Actions overdue"]) == (1, 1, 0)
    assert all(c.data_type != "f" for c in sheet[2])
    assert sheet.freeze_panes == "A2"


def test_the_register_and_its_export_take_the_same_queries_for_more_inspections(client, alpha):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.force_login(alpha.business_team)

    def queries(name: str) -> int:
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url(name, alpha)).status_code == 200
        return len(captured)

    queries("inspection_list")  # the first page of a session loads the session and the roles
    before = {name: queries(name) for name in ("inspection_list", "inspection_export")}
    for n in range(4):
        inspection = services.inspection_save(
            actor=SETUP, partnership=alpha.partnership, kind="cqc", title=f"CQC {n}", start_date=TODAY
        )
        services.judgement_save(actor=SETUP, inspection=inspection, area="Safe", judgement="Good")
        services.finding_save(
            actor=SETUP,
            inspection=inspection,
            kind=FindingKind.RECOMMENDATION,
            text=f"R{n}",
            owner=alpha.owner,
            due_date=TODAY + timedelta(days=9),
        )
    assert {name: queries(name) for name in before} == before
