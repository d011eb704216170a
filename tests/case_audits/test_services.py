"""The multi-agency audit services: the tool, the sample, agencies' parts, moderation, findings
with their tracker actions, completion, and the scores over time; bad input refused whole."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError

from masa.actions.models import Action, ActionSource
from masa.case_audits import selectors, services
from masa.case_audits.models import (
    AgencyReturn,
    AuditCase,
    AuditFinding,
    AuditStatus,
    FindingKind,
    ModeratedGrade,
    ReturnAnswer,
    ReturnStatus,
)
from masa.incidents.models import IncidentSettings
from tests.case_audits.world import TODAY, full_answers, full_grades, make_audit_world, submit_all
from tests.factories import SETUP, PartnershipFactory, PersonFactory
from tests.module_db import module_transaction


@pytest.fixture(scope="module")
def _world(django_db_setup, django_db_blocker):
    """Built once for the module; each test's changes roll back with the test."""
    with module_transaction(django_db_blocker):
        yield make_audit_world("ca-s")


@pytest.fixture
def w(_world, db):
    for record in (_world.audit, _world.ret, *_world.cases):
        record.refresh_from_db()
    return _world


def errors_of(excinfo) -> dict:
    return excinfo.value.message_dict


def test_the_default_tool_has_a_four_point_scale_and_questions(w):
    assert [(g.value, g.label) for g in w.tool.grades.all()] == [
        (1, "Outstanding"),
        (2, "Good"),
        (3, "Requires improvement"),
        (4, "Inadequate"),
    ]
    assert w.tool.questions.count() == 6


def test_a_tool_in_use_cannot_change(w):
    with pytest.raises(ValidationError) as excinfo:
        services.question_save(actor=SETUP, tool=w.tool, text="Another question")
    assert "used by an audit" in str(excinfo.value)
    grade = w.tool.grades.first()
    with pytest.raises(ValidationError):
        services.grade_save(actor=SETUP, grade=grade, label="Top", descriptor="Best")


def test_a_new_tool_takes_questions_and_grade_changes(w):
    tool = services.tool_create(actor=SETUP, partnership=w.partnership, name="Exploitation tool")
    question = services.question_save(actor=SETUP, tool=tool, text="Was exploitation recognised?")
    assert question.number == 7
    with pytest.raises(ValidationError) as excinfo:
        services.question_save(actor=SETUP, tool=tool, text="  ")
    assert errors_of(excinfo) == {"text": ["Enter the question"]}
    grade = tool.grades.get(value=1)
    services.grade_save(actor=SETUP, grade=grade, label="Excellent", descriptor="The best")
    grade.refresh_from_db()
    assert grade.label == "Excellent"
    with pytest.raises(ValidationError) as excinfo:
        services.tool_create(actor=SETUP, partnership=w.partnership, name="")
    assert errors_of(excinfo) == {"name": ["Enter the name of the audit tool"]}


def test_opening_an_audit_checks_every_answer(w):
    other = PartnershipFactory(slug="ca-s-other")
    from tests.factories import PartnershipAgencyFactory

    foreign = PartnershipAgencyFactory(partnership=other).agency
    with pytest.raises(ValidationError) as excinfo:
        services.audit_open(
            actor=SETUP,
            partnership=w.partnership,
            tool=None,
            topic=" ",
            agencies=[foreign],
            opened_on=TODAY,
            agency_deadline=TODAY - timedelta(days=1),
        )
    assert errors_of(excinfo) == {
        "tool": ["Select the audit tool"],
        "topic": ["Enter the topic of the audit"],
        "agencies": ["Select agencies of this partnership"],
        "agency_deadline": ["The deadline for agencies must be on or after the date the audit opens"],
    }


@pytest.mark.parametrize(
    "reference,message",
    [
        ("Jayden Smith", "must not contain a name"),
        ("Child A 12/03/2015", "must not contain a date"),
        ("case 14", "pseudonymised form, such as Child A"),
        ("", "Enter the case reference"),
    ],
)
def test_a_case_reference_must_be_pseudonymised(w, reference, message):
    planning = make_audit_world("ca-s-plan", start=False)
    with pytest.raises(ValidationError) as excinfo:
        services.case_add(actor=SETUP, audit=planning.audit, reference=reference)
    assert message in errors_of(excinfo)["reference"][0]
    assert planning.audit.cases.count() == 2


def test_a_case_reference_follows_the_partnership_pattern(w):
    planning = make_audit_world("ca-s-pattern", start=False)
    IncidentSettings.objects.create(partnership=planning.partnership, child_reference_pattern=r"MAA-[0-9]{3}")
    services.case_add(actor=SETUP, audit=planning.audit, reference="MAA-104")
    with pytest.raises(ValidationError):
        services.case_add(actor=SETUP, audit=planning.audit, reference="Child C")
    with pytest.raises(ValidationError) as excinfo:
        services.case_add(actor=SETUP, audit=planning.audit, reference="maa-104")
    assert "pseudonymised form" in errors_of(excinfo)["reference"][0]


def test_the_same_reference_twice_and_a_started_sample_are_refused(w):
    planning = make_audit_world("ca-s-dupe", start=False)
    with pytest.raises(ValidationError) as excinfo:
        services.case_add(actor=SETUP, audit=planning.audit, reference="Child A")
    assert errors_of(excinfo) == {"reference": ["This audit already has a case with that reference"]}
    with pytest.raises(ValidationError):
        services.case_add(actor=SETUP, audit=w.audit, reference="Child C")


def test_starting_gives_each_agency_a_part_per_case(w):
    assert AgencyReturn.objects.filter(case__audit=w.audit).count() == 4
    assert w.audit.status == AuditStatus.AGENCIES_COMPLETING
    empty = make_audit_world("ca-s-empty", start=False)
    AuditCase.objects.filter(audit=empty.audit).delete()
    with pytest.raises(ValidationError) as excinfo:
        services.audit_start(actor=SETUP, audit=empty.audit)
    assert "Add at least one case" in str(excinfo.value)


def test_a_draft_keeps_partial_grades_and_submit_needs_them_all(w):
    answers = full_answers(w)
    first = next(iter(answers))
    answers[first] = {"grade": None, "comment": "Still checking"}
    services.return_save(actor=w.lead, agency_return=w.ret, answers=answers)
    assert ReturnAnswer.objects.filter(agency_return=w.ret).count() == 6
    with pytest.raises(ValidationError) as excinfo:
        services.return_save(actor=w.lead, agency_return=w.ret, answers=answers, submit=True)
    assert errors_of(excinfo) == {f"grade_{first}": ["Select a grade for question 1"]}
    w.ret.refresh_from_db()
    assert w.ret.status == ReturnStatus.DRAFT


def test_a_grade_outside_the_scale_is_refused_and_nothing_saved(w):
    answers = full_answers(w)
    first = next(iter(answers))
    answers[first]["grade"] = 7
    with pytest.raises(ValidationError) as excinfo:
        services.return_save(actor=w.lead, agency_return=w.ret, answers=answers, submit=True)
    assert errors_of(excinfo) == {
        f"grade_{first}": ["Select a grade from the tool's scale (1 to 4) for question 1"]
    }
    assert not ReturnAnswer.objects.filter(agency_return=w.ret).exists()


def test_submitting_records_who_and_when_and_locks_the_part(w):
    services.return_save(actor=w.lead, agency_return=w.ret, answers=full_answers(w), submit=True)
    w.ret.refresh_from_db()
    assert (w.ret.status, w.ret.submitted_on, w.ret.submitted_by, w.ret.is_late) == (
        ReturnStatus.SUBMITTED,
        TODAY,
        w.lead,
        False,
    )
    with pytest.raises(ValidationError) as excinfo:
        services.return_save(actor=w.lead, agency_return=w.ret, answers=full_answers(w, 1))
    assert "cannot be changed unless the business team reopens it" in str(excinfo.value)
    assert set(ReturnAnswer.objects.filter(agency_return=w.ret).values_list("grade", flat=True)) == {2}


def test_a_part_after_the_deadline_is_late(w):
    services.return_save(
        actor=w.lead,
        agency_return=w.ret,
        answers=full_answers(w),
        submit=True,
        today=w.audit.agency_deadline + timedelta(days=1),
    )
    w.ret.refresh_from_db()
    assert w.ret.is_late


def test_reopening_needs_a_reason_and_keeps_it_in_the_log(w):
    from auditlog.models import LogEntry

    services.return_save(actor=w.lead, agency_return=w.ret, answers=full_answers(w), submit=True)
    with pytest.raises(ValidationError) as excinfo:
        services.return_reopen(actor=w.business_team, agency_return=w.ret, reason=" ")
    assert errors_of(excinfo) == {"reason": ["Enter why the part is being reopened"]}
    services.return_reopen(actor=w.business_team, agency_return=w.ret, reason="Wrong case graded")
    w.ret.refresh_from_db()
    assert w.ret.status == ReturnStatus.DRAFT
    entry = LogEntry.objects.get_for_object(w.ret).order_by("-timestamp").first()
    assert entry.additional_data.get("reason") == "Wrong case graded"
    assert entry.actor == w.business_team


def _to_moderation(w):
    submit_all(w)
    services.audit_to_moderation(actor=w.business_team, audit=w.audit)


def test_moderation_needs_a_submitted_part(w):
    with pytest.raises(ValidationError) as excinfo:
        services.audit_to_moderation(actor=w.business_team, audit=w.audit)
    assert "No agency has submitted" in str(excinfo.value)


def test_moderated_grades_need_every_question_on_the_scale(w):
    _to_moderation(w)
    grades = full_grades(w)
    first = next(iter(grades))
    grades[first]["grade"] = 0
    with pytest.raises(ValidationError) as excinfo:
        services.moderation_record(actor=w.business_team, case=w.cases[0], moderation_on=TODAY, grades=grades)
    assert errors_of(excinfo) == {
        f"grade_{first}": ["Select a grade from the tool's scale (1 to 4) for question 1"]
    }
    with pytest.raises(ValidationError) as excinfo:
        services.moderation_record(
            actor=w.business_team,
            case=w.cases[0],
            moderation_on=TODAY + timedelta(days=1),
            grades=full_grades(w),
        )
    assert "moderation_on" in errors_of(excinfo)
    assert not ModeratedGrade.objects.exists()
    services.moderation_record(
        actor=w.business_team, case=w.cases[0], moderation_on=TODAY, grades=full_grades(w, 1)
    )
    assert ModeratedGrade.objects.filter(case=w.cases[0]).count() == 6
    w.audit.refresh_from_db()
    assert w.audit.moderation_on == TODAY


def test_an_area_for_development_needs_an_owner_and_becomes_a_tracker_action(w):
    _to_moderation(w)
    with pytest.raises(ValidationError) as excinfo:
        services.finding_add(
            actor=w.business_team, audit=w.audit, kind=FindingKind.DEVELOPMENT, text="More health input"
        )
    assert errors_of(excinfo) == {
        "owner": ["Select who owns the action for this area for development"],
        "due_date": ["Enter the date the action is due"],
    }
    assert not AuditFinding.objects.exists()
    finding = services.finding_add(
        actor=w.business_team,
        audit=w.audit,
        kind=FindingKind.DEVELOPMENT,
        text="More health input",
        owner=w.lead_person,
        due_date=TODAY + timedelta(days=60),
    )
    action = Action.objects.get(audit_finding=finding)
    assert (action.source, action.owner, action.due_date) == (
        ActionSource.AUDIT_FINDING,
        w.lead_person,
        TODAY + timedelta(days=60),
    )
    strength = services.finding_add(
        actor=w.business_team, audit=w.audit, kind=FindingKind.STRENGTH, text="Good understanding of risk"
    )
    assert strength.action is None


def test_a_due_date_without_an_owner_or_a_foreign_owner_is_refused(w):
    _to_moderation(w)
    with pytest.raises(ValidationError) as excinfo:
        services.finding_add(
            actor=w.business_team,
            audit=w.audit,
            kind=FindingKind.LEARNING,
            text="Think family",
            due_date=TODAY + timedelta(days=5),
        )
    assert errors_of(excinfo) == {"owner": ["Select who owns the action, or leave the due date empty"]}
    stranger = PersonFactory(partnership=PartnershipFactory(slug="ca-s-far"))
    with pytest.raises(ValidationError) as excinfo:
        services.finding_add(
            actor=w.business_team,
            audit=w.audit,
            kind=FindingKind.DEVELOPMENT,
            text="More health input",
            owner=stranger,
            due_date=TODAY + timedelta(days=5),
        )
    assert errors_of(excinfo) == {"owner": ["Select a person of this partnership"]}


def test_completing_needs_every_grade_and_a_finding_then_publishes(w):
    _to_moderation(w)
    with pytest.raises(ValidationError) as excinfo:
        services.audit_complete(actor=w.business_team, audit=w.audit, summary="Done")
    assert "12 still to agree" in str(excinfo.value)
    for case in w.cases:
        services.moderation_record(
            actor=w.business_team, case=case, moderation_on=TODAY, grades=full_grades(w)
        )
    with pytest.raises(ValidationError) as excinfo:
        services.audit_complete(actor=w.business_team, audit=w.audit, summary="Done")
    assert "at least one finding" in str(excinfo.value)
    services.finding_add(actor=w.business_team, audit=w.audit, kind=FindingKind.LEARNING, text="Think family")
    with pytest.raises(ValidationError) as excinfo:
        services.audit_complete(actor=w.business_team, audit=w.audit, summary=" ")
    assert errors_of(excinfo) == {"summary": ["Enter the summary for practitioners"]}
    services.audit_complete(actor=w.business_team, audit=w.audit, summary="What we learned")
    w.audit.refresh_from_db()
    assert (w.audit.status, w.audit.completed_on) == (AuditStatus.COMPLETE, TODAY)
    # Parts of a complete audit stay as they are.
    with pytest.raises(ValidationError):
        services.return_reopen(actor=w.business_team, agency_return=w.ret, reason="Late change")


def test_results_and_scores_over_time(w):
    _to_moderation(w)
    grades = full_grades(w, 2)
    q4 = list(grades)[3]
    grades[q4]["grade"] = 4
    services.moderation_record(actor=w.business_team, case=w.cases[0], moderation_on=TODAY, grades=grades)
    services.moderation_record(
        actor=w.business_team, case=w.cases[1], moderation_on=TODAY, grades=full_grades(w, 3)
    )
    services.finding_add(actor=w.business_team, audit=w.audit, kind=FindingKind.LEARNING, text="Think family")
    services.audit_complete(actor=w.business_team, audit=w.audit, summary="What we learned")
    results = selectors.audit_results(w.audit)
    assert [(g.value, n) for g, n in results.grade_counts] == [(1, 0), (2, 5), (3, 6), (4, 1)]
    assert results.good_or_better == 42  # 5 of 12
    assert (results.asked, results.submitted, results.late) == (4, 4, 0)
    scores = selectors.scores_over_time(w.partnership)
    assert [(s.moderated, s.good, s.share) for s in scores] == [(12, 5, 42)]
    assert selectors.grade_summaries([w.audit]) == {w.audit.pk: {2: 5, 3: 6, 4: 1}}
    chart = selectors.scores_chart(w.partnership, scores)
    assert "<svg" in chart and "Neglect" in chart


def test_who_sees_which_audit_and_part(w):
    p = w.partnership
    assert selectors.audit_get(w.lead, p, w.audit.uuid) == w.audit
    assert selectors.audit_get(w.outside_lead, p, w.audit.uuid) is None
    assert selectors.audit_get(w.practitioner, p, w.audit.uuid) is None
    assert selectors.audit_get(w.scrutineer, p, w.audit.uuid) == w.audit
    assert selectors.return_get(w.lead, p, w.ret.uuid) == w.ret
    other_part = AgencyReturn.objects.get(case=w.cases[0], agency=w.agencies[1])
    assert selectors.return_get(w.lead, p, other_part.uuid) is None
    assert selectors.return_get(w.practitioner, p, w.ret.uuid) is None
    assert list(selectors.audit_list(w.practitioner, p)) == []
    assert len(selectors.my_returns(w.lead, p)) == 2
