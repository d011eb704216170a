"""The multi-agency audit pages with the Django test client: designing a tool, opening an audit,
the sample, an agency's part, moderation, findings with tracker actions, completion, the
published summary, the downloads; bad input kept on the page; who may see what."""

import re
from datetime import timedelta
from html import unescape
from io import BytesIO

import pytest
from auditlog.models import LogEntry
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from docx import Document
from openpyxl import load_workbook

from masa.actions.models import Action, ActionSource
from masa.case_audits import services
from masa.case_audits.models import AgencyReturn, Audit, AuditStatus, FindingKind, ReturnStatus
from tests.case_audits.world import TODAY, full_grades, make_audit_world, submit_all
from tests.factories import SETUP
from tests.module_db import module_transaction


@pytest.fixture(scope="module")
def _world(django_db_setup, django_db_blocker):
    """Built once for the module; each test's changes roll back with the test."""
    with module_transaction(django_db_blocker):
        yield make_audit_world("ca-v")


@pytest.fixture
def w(_world, db):
    for record in (_world.audit, _world.ret, *_world.cases):
        record.refresh_from_db()
    return _world


def url(name: str, world, *args) -> str:
    return reverse(f"case_audits:{name}", args=[world.partnership.slug, *args])


def text_of(response) -> str:
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", response.content.decode())).split())


def date_fields(prefix: str, day) -> dict:
    return {f"{prefix}_0": day.day, f"{prefix}_1": day.month, f"{prefix}_2": day.year}


def part_data(world, grade="2", skip=None) -> dict:
    data = {}
    for q in world.tool.questions.all():
        if q.number != skip:
            data[f"grade_{q.pk}"] = grade
        data[f"comment_{q.pk}"] = f"Comment {q.number}"
    return data


def complete(world) -> None:
    submit_all(world)
    services.audit_to_moderation(actor=SETUP, audit=world.audit)
    for case in world.cases:
        services.moderation_record(actor=SETUP, case=case, moderation_on=TODAY, grades=full_grades(world))
    services.finding_add(
        actor=SETUP, audit=world.audit, kind=FindingKind.STRENGTH, text="Risk of neglect better understood"
    )
    services.finding_add(
        actor=SETUP,
        audit=world.audit,
        kind=FindingKind.DEVELOPMENT,
        text="More Health input with families",
        owner=world.lead_person,
        due_date=TODAY + timedelta(days=90),
    )
    services.audit_complete(actor=SETUP, audit=world.audit, summary="Agencies understand neglect better.")


def test_business_team_designs_a_tool_and_opens_an_audit(client, w):
    client.force_login(w.business_team)
    response = client.post(url("tool_create", w), {"name": "Exploitation tool", "description": ""})
    assert response.status_code == 302
    page = client.get(response["Location"])
    assert "Was information shared between agencies" in text_of(page)
    response = client.post(
        url("audit_open", w),
        {
            "tool": w.tool.pk,
            "topic": "Child exploitation",
            "agencies": [w.agencies[0].pk],
            **date_fields("opened_on", TODAY),
            **date_fields("agency_deadline", TODAY + timedelta(days=30)),
        },
    )
    assert response.status_code == 302
    audit = Audit.objects.get(topic="Child exploitation")
    response = client.post(url("case_add", w, audit.uuid), {"reference": "Child Q", "age_band": ""})
    assert response.status_code == 302
    response = client.post(url("audit_advance", w, audit.uuid))
    audit.refresh_from_db()
    assert audit.status == AuditStatus.AGENCIES_COMPLETING
    assert AgencyReturn.objects.filter(case__audit=audit).count() == 1


def test_a_name_for_a_case_reference_is_refused_on_the_page(client, w):
    planning = make_audit_world("ca-v-plan", start=False)
    client.force_login(planning.business_team)
    response = client.post(url("case_add", planning, planning.audit.uuid), {"reference": "Jayden Smith"})
    assert response.status_code == 400
    text = text_of(response)
    assert "There is a problem" in text and "The reference must not contain a name" in text
    assert 'value="Jayden Smith"' in response.content.decode()
    assert planning.audit.cases.count() == 2


def test_bad_dates_are_named_and_answers_kept(client, w):
    client.force_login(w.business_team)
    response = client.post(
        url("audit_open", w),
        {
            "tool": w.tool.pk,
            "topic": "Neglect again",
            "agencies": [w.agencies[0].pk],
            **date_fields("opened_on", TODAY),
            **date_fields("agency_deadline", TODAY - timedelta(days=3)),
        },
    )
    assert response.status_code == 400
    assert "The deadline for agencies must be on or after the date the audit opens" in text_of(response)
    assert 'value="Neglect again"' in response.content.decode()


def test_an_agency_lead_completes_and_submits_their_part(client, w):
    client.force_login(w.lead)
    listing = client.get(url("audit_list", w))
    assert "Child A" in text_of(listing) and "Your agency's parts to complete" in text_of(listing)
    response = client.post(url("part_detail", w, w.ret.uuid), {**part_data(w, skip=2), "submit_part": "1"})
    assert response.status_code == 400
    assert "Select a grade for question 2" in text_of(response)
    assert "Comment 1" in response.content.decode()
    response = client.post(url("part_detail", w, w.ret.uuid), {**part_data(w, skip=2), "save_draft": "1"})
    assert response.status_code == 302
    response = client.post(url("part_detail", w, w.ret.uuid), {**part_data(w), "submit_part": "1"})
    assert response.status_code == 302
    w.ret.refresh_from_db()
    assert w.ret.status == ReturnStatus.SUBMITTED and w.ret.submitted_by == w.lead
    # Editing after submission is refused.
    response = client.post(url("part_detail", w, w.ret.uuid), {**part_data(w, grade="1"), "submit_part": "1"})
    assert response.status_code == 400
    assert "There is a problem" in text_of(response)
    assert "cannot be changed unless the business team reopens it" in text_of(response)
    assert set(w.ret.answers.values_list("grade", flat=True)) == {2}


def test_a_grade_outside_the_scale_is_refused_on_the_page(client, w):
    client.force_login(w.lead)
    response = client.post(url("part_detail", w, w.ret.uuid), {**part_data(w, grade="9"), "submit_part": "1"})
    assert response.status_code == 400
    assert "Select a grade from the tool's scale for question 1" in text_of(response)
    assert not w.ret.answers.exists()


def test_parts_of_other_agencies_are_not_found(client, w):
    other = AgencyReturn.objects.get(case=w.cases[0], agency=w.agencies[1])
    client.force_login(w.lead)
    assert client.get(url("part_detail", w, other.uuid)).status_code == 404
    client.force_login(w.outside_lead)
    assert client.get(url("audit_detail", w, w.audit.uuid)).status_code == 404
    client.force_login(w.practitioner)
    assert client.get(url("audit_detail", w, w.audit.uuid)).status_code == 404
    assert client.get(url("part_detail", w, w.ret.uuid)).status_code == 403


def test_business_team_reopens_a_submitted_part(client, w):
    submit_all(w)
    client.force_login(w.business_team)
    response = client.post(url("part_reopen", w, w.ret.uuid), {"reason": ""})
    assert response.status_code == 400
    assert "Enter why the part is being reopened" in text_of(response)
    response = client.post(url("part_reopen", w, w.ret.uuid), {"reason": "Graded the wrong case"})
    assert response.status_code == 302
    w.ret.refresh_from_db()
    assert w.ret.status == ReturnStatus.DRAFT


def test_moderation_and_a_finding_with_no_owner(client, w):
    submit_all(w)
    services.audit_to_moderation(actor=SETUP, audit=w.audit)
    client.force_login(w.business_team)
    page = client.get(url("case_moderate", w, w.audit.uuid, w.cases[0].uuid))
    assert page.status_code == 200 and "Agencies' grades:" in text_of(page)
    data = {**date_fields("moderation_on", TODAY)}
    for q in w.tool.questions.all():
        data[f"grade_{q.pk}"] = "1"
        data[f"rationale_{q.pk}"] = ""
    assert client.post(url("case_moderate", w, w.audit.uuid, w.cases[0].uuid), data).status_code == 302
    assert w.cases[0].moderated_grades.count() == 6
    response = client.post(
        url("finding_add", w, w.audit.uuid), {"kind": "development", "text": "Unstable housing and moves"}
    )
    assert response.status_code == 400
    assert "Select who owns the action for this area for development" in text_of(response)
    assert "Unstable housing and moves" in response.content.decode()
    assert not Action.objects.filter(source=ActionSource.AUDIT_FINDING).exists()
    response = client.post(
        url("finding_add", w, w.audit.uuid),
        {
            "kind": "development",
            "text": "Unstable housing and moves",
            "owner": w.lead_person.pk,
            **date_fields("due_date", TODAY + timedelta(days=30)),
        },
    )
    assert response.status_code == 302
    action = Action.objects.get(source=ActionSource.AUDIT_FINDING)
    page = client.get(reverse("actions:action_detail", args=[w.partnership.slug, action.uuid]))
    assert "Multi-agency audit: Neglect" in text_of(page)
    assert url("audit_detail", w, w.audit.uuid) in page.content.decode()


def test_a_practitioner_sees_the_published_summary_without_cases_or_grades(client, w):
    complete(w)
    client.force_login(w.practitioner)
    listing = client.get(url("audit_list", w))
    assert "Neglect" in text_of(listing)
    page = client.get(url("audit_detail", w, w.audit.uuid))
    text = text_of(page)
    assert page.status_code == 200
    assert "Risk of neglect better understood" in text and "More Health input with families" in text
    assert "Agencies understand neglect better." in text
    assert "Child A" not in text and "Agreed grades" not in text and "Good" not in text
    document = Document(BytesIO(client.get(url("audit_summary", w, w.audit.uuid)).content))
    body = "\n".join(p.text for p in document.paragraphs)
    assert "More Health input with families" in body and "Child A" not in body and "Agreed grades" not in body
    assert client.get(url("audit_export", w, w.audit.uuid)).status_code == 403
    assert client.get(url("register_export", w)).status_code == 403


def test_results_register_and_summary_downloads(client, w):
    complete(w)
    client.force_login(w.scrutineer)
    listing = client.get(url("audit_list", w))
    assert "Scores over time" in text_of(listing) and "<svg" in listing.content.decode()
    assert "12 (100%)" in text_of(listing)
    book = load_workbook(BytesIO(client.get(url("audit_export", w, w.audit.uuid)).content))
    read = LogEntry.objects.get_for_object(w.audit).filter(action=LogEntry.Action.ACCESS).get()
    assert read.actor == w.scrutineer
    results = book["Results"]
    assert results["A2"].value == "Child A" and results["E2"].value == 2
    assert book["Findings"]["B3"].value == "More Health input with families"
    register = load_workbook(BytesIO(client.get(url("register_export", w)).content)).active
    assert register["A2"].value == "Neglect"
    document = Document(BytesIO(client.get(url("audit_summary", w, w.audit.uuid)).content))
    body = "\n".join(p.text for p in document.paragraphs)
    assert "12 grades agreed at moderation; 100% good or better" in body
    assert "owned by Ada Lead ca-v" in body
    # The scrutineer writes nothing.
    assert client.post(url("finding_add", w, w.audit.uuid), {}).status_code == 403


def test_spreadsheet_text_is_never_a_formula(client, w):
    planning = make_audit_world("ca-v-formula", start=False)
    planning.audit.topic = '=HYPERLINK("http://x")'
    planning.audit.save()
    client.force_login(planning.business_team)
    register = load_workbook(BytesIO(client.get(url("register_export", planning)).content)).active
    assert register["A2"].value.startswith("'=")


def test_a_tool_in_use_is_shown_fixed_and_a_new_one_changes(client, w):
    client.force_login(w.business_team)
    page = client.get(url("tool_detail", w, w.tool.uuid))
    assert "can no longer change" in text_of(page) and "Add a question" not in text_of(page)
    question = w.tool.questions.first()
    response = client.post(
        url("question_edit", w, w.tool.uuid, question.uuid), {"text": "Changed", "guidance": ""}
    )
    assert response.status_code == 400 and "used by an audit" in text_of(response)
    question.refresh_from_db()
    assert question.text != "Changed"
    fresh = services.tool_create(actor=SETUP, partnership=w.partnership, name="Fresh tool")
    grade = fresh.grades.get(value=4)
    response = client.post(
        url("grade_edit", w, fresh.uuid, grade.uuid),
        {"label": "Unsafe", "descriptor": "Children left at risk"},
    )
    assert response.status_code == 302
    grade.refresh_from_db()
    assert grade.label == "Unsafe"
    response = client.post(url("question_add", w, fresh.uuid), {"text": "", "guidance": ""})
    assert response.status_code == 400 and "Enter the question" in text_of(response)


def test_removing_a_case_while_planning_and_a_finding_in_moderation(client, w):
    planning = make_audit_world("ca-v-remove", start=False)
    client.force_login(planning.business_team)
    client.post(url("case_remove", planning, planning.audit.uuid, planning.cases[1].uuid))
    assert [c.reference for c in planning.audit.cases.all()] == ["Child A"]
    submit_all(w)
    services.audit_to_moderation(actor=SETUP, audit=w.audit)
    finding = services.finding_add(actor=SETUP, audit=w.audit, kind=FindingKind.LEARNING, text="Think family")
    client.force_login(w.business_team)
    # A started audit's sample stays as it is.
    response = client.post(url("case_remove", w, w.audit.uuid, w.cases[0].uuid), follow=True)
    assert "The sample can only change while the audit is being planned" in text_of(response)
    assert w.audit.cases.count() == 2
    client.post(url("finding_remove", w, w.audit.uuid, finding.uuid))
    assert not w.audit.findings.exists()


def test_the_audit_page_reads_in_a_fixed_number_of_queries(client, w):
    """Two cases or seven, each with its agencies' parts and agreed grades: the same queries."""

    def queries(world) -> int:
        submit_all(world)
        services.audit_to_moderation(actor=SETUP, audit=world.audit)
        for case in world.audit.cases.all():
            services.moderation_record(actor=SETUP, case=case, moderation_on=TODAY, grades=full_grades(world))
        client.force_login(world.business_team)
        client.get(url("audit_detail", world, world.audit.uuid))
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url("audit_detail", world, world.audit.uuid)).status_code == 200
        return len(captured)

    larger = make_audit_world("ca-v-queries", start=False)
    for letter in "CDEFG":
        services.case_add(actor=SETUP, audit=larger.audit, reference=f"Child {letter}")
    services.audit_start(actor=SETUP, audit=larger.audit)
    big, small = queries(larger), queries(w)
    assert big == small


def test_the_agency_lead_home_page_lists_parts_to_complete(client, w):
    client.force_login(w.lead)
    home = client.get(reverse("dashboards:home", args=[w.partnership.slug]))
    assert "Multi-agency audit parts to complete" in text_of(home)
    assert "Neglect: Child A" in text_of(home) and "Neglect: Child B" in text_of(home)
    submit_all(w)
    home = client.get(reverse("dashboards:home", args=[w.partnership.slug]))
    assert "Multi-agency audit parts to complete" not in text_of(home)
    client.force_login(w.practitioner)
    assert "Multi-agency audit" not in text_of(
        client.get(reverse("dashboards:home", args=[w.partnership.slug]))
    )
