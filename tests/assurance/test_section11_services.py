"""Section 11 and Section 175: standards sets, cycles, returns, submission and reopening."""

from datetime import timedelta

import pytest
from auditlog.models import LogEntry
from django.core.exceptions import ValidationError

from masa.actions.models import Action, ActionSource
from masa.assurance import services_section11 as services
from masa.assurance.default_standards import SECTION_11, SECTION_175
from masa.assurance.models import (
    ReturnStatus,
    Section11Improvement,
    Section11Rating,
    StandardsKind,
)
from masa.core import bounds
from masa.core.actors import REASON_KEY
from tests.assurance.section11_world import TODAY, full_answers, make_s11_world
from tests.factories import SETUP, PartnershipAgencyFactory, PartnershipFactory, PersonFactory


@pytest.fixture
def w(db):
    return make_s11_world("s11")


def test_default_sets_have_eight_standards_with_four_descriptors(db):
    assert len(SECTION_11) == 8 and len(SECTION_175) == 8
    p = PartnershipFactory()
    schools = services.standards_set_from_default(actor=SETUP, partnership=p, kind=StandardsKind.SECTION_175)
    standards = list(schools.standards.all())
    assert [s.number for s in standards] == list(range(1, 9))
    assert standards[0].title == "Designated safeguarding lead"
    assert all(s.descriptor(r) for s in standards for r in (1, 2, 3, 4))


def test_a_set_changes_until_a_cycle_uses_it(db):
    p = PartnershipFactory()
    s = services.standards_set_from_default(actor=SETUP, partnership=p, kind=StandardsKind.SECTION_11)
    added = services.standard_save(
        actor=SETUP,
        standards_set=s,
        title="Listening to children",
        descriptor_1="a",
        descriptor_2="b",
        descriptor_3="c",
        descriptor_4="d",
    )
    assert added.number == 9
    services.standard_move(actor=SETUP, standard=added, up=True)
    assert [
        x.number
        for x in s.standards.filter(title__in=["Listening to children", "Information sharing"]).order_by(
            "title"
        )
    ] == [9, 8]
    with pytest.raises(ValidationError) as refused:
        services.standard_save(
            actor=SETUP,
            standards_set=s,
            title="",
            descriptor_1="",
            descriptor_2="b",
            descriptor_3="c",
            descriptor_4="d",
        )
    assert set(refused.value.message_dict) == {"title", "descriptor_1"}


def test_a_set_in_use_cannot_change(w):
    standard = w.standards_set.standards.first()
    with pytest.raises(ValidationError, match="used by a cycle"):
        services.standard_move(actor=SETUP, standard=standard, up=False)
    with pytest.raises(ValidationError, match="used by a cycle"):
        services.standard_save(
            actor=SETUP,
            standards_set=w.standards_set,
            standard=standard,
            title="New",
            descriptor_1="a",
            descriptor_2="b",
            descriptor_3="c",
            descriptor_4="d",
        )


def test_opening_a_cycle_asks_each_agency_once(w):
    assert w.cycle.returns.count() == 3
    assert set(w.cycle.returns.values_list("status", flat=True)) == {ReturnStatus.DRAFT}


def test_a_cycle_refuses_bad_answers_and_saves_nothing(w):
    outsider = PartnershipAgencyFactory(partnership=PartnershipFactory()).agency
    with pytest.raises(ValidationError) as refused:
        services.cycle_open(
            actor=SETUP,
            partnership=w.partnership,
            standards_set=w.standards_set,
            title=" ",
            agencies=[outsider],
            opens_on=TODAY,
            deadline=TODAY - timedelta(days=1),
        )
    assert set(refused.value.message_dict) == {"title", "agencies", "deadline"}
    assert w.partnership.section11cycle_set.count() == 1


def test_draft_then_submit_makes_improvement_actions(w):
    services.return_save(actor=w.lead, section11_return=w.ret, answers={})
    improvement = services.improvement_add(
        actor=w.lead,
        section11_return=w.ret,
        text="Refresh safer recruitment training",
        due_date=TODAY + timedelta(days=60),
        owner=w.lead_person,
    )
    assert not Action.objects.filter(source=ActionSource.SECTION11_IMPROVEMENT).exists()
    ret = services.return_save(actor=w.lead, section11_return=w.ret, answers=full_answers(w), submit=True)
    assert ret.status == ReturnStatus.SUBMITTED and ret.submitted_on == TODAY and not ret.is_late
    assert Section11Rating.objects.filter(section11_return=ret, rating=3).count() == 8
    improvement.refresh_from_db()
    action = improvement.action
    assert action.source == ActionSource.SECTION11_IMPROVEMENT
    assert action.owner == w.lead_person and action.due_date == improvement.due_date
    assert action.owner_agency == w.agencies[0]
    with pytest.raises(ValidationError, match="cannot be changed"):
        services.return_save(actor=w.lead, section11_return=ret, answers=full_answers(w, 4))


def test_submitting_after_the_deadline_is_accepted_and_late(w):
    late_day = w.cycle.deadline + timedelta(days=3)
    ret = services.return_save(
        actor=w.lead, section11_return=w.ret, answers=full_answers(w), submit=True, today=late_day
    )
    assert ret.is_late and ret.submitted_on == late_day


def test_submitting_with_unrated_standards_saves_nothing(w):
    answers = full_answers(w)
    first = w.standards_set.standards.order_by("number").first()
    answers[first.pk]["rating"] = None
    with pytest.raises(ValidationError) as refused:
        services.return_save(actor=w.lead, section11_return=w.ret, answers=answers, submit=True)
    assert refused.value.message_dict[f"rating_{first.pk}"] == [
        f"Select a rating for standard 1, {first.title}"
    ]
    assert not Section11Rating.objects.filter(section11_return=w.ret).exists()
    w.ret.refresh_from_db()
    assert w.ret.status == ReturnStatus.DRAFT


@pytest.mark.parametrize("rating", [0, 5, "3"])
def test_a_rating_outside_1_to_4_is_refused(w, rating):
    answers = full_answers(w)
    standard = w.standards_set.standards.order_by("number").last()
    answers[standard.pk]["rating"] = rating
    with pytest.raises(ValidationError) as refused:
        services.return_save(actor=w.lead, section11_return=w.ret, answers=answers)
    assert refused.value.message_dict[f"rating_{standard.pk}"] == [
        "Select a rating from 1 to 4 for standard 8"
    ]
    assert not Section11Rating.objects.exists()


def test_evidence_over_the_limit_is_refused(w):
    answers = full_answers(w)
    standard = w.standards_set.standards.order_by("number").first()
    answers[standard.pk]["evidence"] = "x" * (bounds.SUMMARY_LENGTH + 1)
    with pytest.raises(ValidationError) as refused:
        services.return_save(actor=w.lead, section11_return=w.ret, answers=answers)
    assert f"evidence_{standard.pk}" in refused.value.message_dict
    assert not Section11Rating.objects.exists()


def test_an_improvement_needs_an_owner_of_the_agency_and_a_due_date_ahead(w):
    with pytest.raises(ValidationError) as refused:
        services.improvement_add(
            actor=w.lead,
            section11_return=w.ret,
            text="Do better",
            owner=None,
            due_date=TODAY - timedelta(days=1),
        )
    assert refused.value.message_dict == {
        "owner": ["Select who owns the improvement action"],
        "due_date": ["The date the improvement action is due must be today or in the future"],
    }
    stranger = PersonFactory(partnership=w.partnership, agency=w.agencies[2])
    with pytest.raises(ValidationError, match="Select a person of this agency"):
        services.improvement_add(
            actor=w.lead, section11_return=w.ret, text="Do better", owner=stranger, due_date=TODAY
        )
    assert not Section11Improvement.objects.exists()


def test_an_improvement_overdue_by_submission_blocks_it(w):
    services.improvement_add(
        actor=w.lead, section11_return=w.ret, text="Audit files", owner=w.lead_person, due_date=TODAY
    )
    with pytest.raises(ValidationError, match="has passed"):
        services.return_save(
            actor=w.lead,
            section11_return=w.ret,
            answers=full_answers(w),
            submit=True,
            today=TODAY + timedelta(days=1),
        )
    assert not Action.objects.exists()
    assert not Section11Rating.objects.exists()


def test_the_business_team_reopens_with_a_reason_in_the_audit_log(w):
    services.return_save(actor=w.lead, section11_return=w.ret, answers=full_answers(w), submit=True)
    with pytest.raises(ValidationError):
        services.return_reopen(actor=w.business_team, section11_return=w.ret, reason=" ")
    ret = services.return_reopen(
        actor=w.business_team, section11_return=w.ret, reason="Standard 6 evidence missing"
    )
    assert ret.status == ReturnStatus.DRAFT and ret.submitted_on is None
    entry = LogEntry.objects.get_for_object(ret).filter(actor=w.business_team).latest("timestamp")
    assert entry.additional_data[REASON_KEY] == "Standard 6 evidence missing"
    assert "status" in entry.changes_dict
    # It can be changed and submitted again.
    services.return_save(actor=w.lead, section11_return=ret, answers=full_answers(w, 4), submit=True)
    assert Section11Rating.objects.filter(section11_return=ret, rating=4).count() == 8
