"""The action tracker's services: numbering, updates, evidence, closing, reopening, deleting."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from masa.actions import selectors, services
from masa.actions.models import Action, ActionEvidence, ActionSource, ActionStatus
from masa.assurance.models import FindingKind, Inspection, InspectionFinding, InspectionKind
from masa.core.uploads import MAX_DOCUMENT_BYTES
from masa.reviews.models import Recommendation, Review, ReviewKind
from tests.actions.conftest import PDF, TODAY, make_action, ooxml
from tests.factories import SETUP, PersonFactory, member


def test_actions_are_numbered_in_each_partnership(alpha, beta):
    assert [a.number for a in alpha.actions.values()] == [1, 2, 3]
    assert [a.number for a in beta.actions.values()] == [1, 2, 3]
    assert make_action(alpha).reference == "A4"


def test_owner_must_belong_to_the_partnership(alpha, beta):
    with pytest.raises(ValidationError) as error:
        make_action(alpha, owner=beta.owner)
    assert services.OWNER_FOREIGN in error.value.message_dict["owner"]


def test_owner_agency_is_the_owners_agency(alpha):
    assert alpha.actions["outsider"].owner_agency == alpha.other_agency


def test_update_moves_to_in_progress_and_records_the_change(alpha):
    action = alpha.actions["mine"]
    update = services.action_post_update(
        actor=alpha.owner_user, action=action, text="Started", status=ActionStatus.IN_PROGRESS
    )
    action.refresh_from_db()
    assert action.status == ActionStatus.IN_PROGRESS
    assert (update.status_from, update.status_to) == (ActionStatus.OPEN, ActionStatus.IN_PROGRESS)


def test_update_cannot_close_an_action(alpha):
    action = alpha.actions["mine"]
    update = services.action_post_update(
        actor=alpha.owner_user, action=action, text="Done, I think", status=ActionStatus.CLOSED
    )
    action.refresh_from_db()
    assert action.status == ActionStatus.OPEN
    assert update.status_to == ""


def test_empty_update_is_refused(alpha):
    with pytest.raises(ValidationError) as error:
        services.action_post_update(actor=alpha.owner_user, action=alpha.actions["mine"], text="   ")
    assert error.value.message_dict["text"] == [services.UPDATE_EMPTY]


def test_close_needs_an_impact_statement(alpha):
    action = alpha.actions["mine"]
    with pytest.raises(ValidationError) as error:
        services.action_close(actor=alpha.owner_user, action=action, impact="  ")
    assert error.value.message_dict["impact"] == [services.CLOSE_NEEDS_IMPACT]
    action.refresh_from_db()
    assert action.status == ActionStatus.OPEN


@pytest.mark.parametrize(
    "source",
    [
        ActionSource.REVIEW_RECOMMENDATION,
        ActionSource.AUDIT_FINDING,
        ActionSource.INSPECTION_RECOMMENDATION,
    ],
)
def test_close_needs_evidence_for_reviews_audits_and_inspections(alpha, source):
    extra = {}
    if source == ActionSource.REVIEW_RECOMMENDATION:
        extra["review_recommendation"] = review_recommendation(alpha)
    if source == ActionSource.INSPECTION_RECOMMENDATION:
        extra["inspection_finding"] = inspection_finding(alpha)
    action = make_action(alpha, source=source, **extra)
    with pytest.raises(ValidationError) as error:
        services.action_close(actor=alpha.owner_user, action=action, impact="Fewer children wait")
    assert error.value.message_dict["evidence"] == [services.CLOSE_NEEDS_EVIDENCE]
    assert not action.can_close
    services.action_add_evidence(actor=alpha.owner_user, action=action, kind="text", text="Audit report")
    services.action_close(actor=alpha.owner_user, action=action, impact="Fewer children wait")
    action.refresh_from_db()
    assert action.status == ActionStatus.CLOSED
    assert action.closed_by == alpha.owner_user
    assert action.impact == "Fewer children wait"


def inspection_finding(world) -> InspectionFinding:
    inspection = Inspection.objects.create(
        partnership=world.partnership, kind=InspectionKind.JTAI, title="A JTAI", start_date=TODAY
    )
    return InspectionFinding.objects.create(
        partnership=world.partnership,
        inspection=inspection,
        kind=FindingKind.RECOMMENDATION,
        number=1,
        text="Share safety plans",
    )


def review_recommendation(world) -> Recommendation:
    review = Review.objects.create(
        partnership=world.partnership, kind=ReviewKind.LOCAL_LEARNING, reference="LLR-1", title="A review"
    )
    return Recommendation.objects.create(
        partnership=world.partnership, review=review, number=1, text="Share safety plans"
    )


def test_review_action_must_name_its_recommendation(alpha, beta):
    with pytest.raises(ValidationError) as error:
        make_action(alpha, source=ActionSource.REVIEW_RECOMMENDATION)
    assert "An action from a review must name its recommendation" in str(error.value)
    with pytest.raises(ValidationError) as error:
        make_action(
            alpha,
            source=ActionSource.REVIEW_RECOMMENDATION,
            review_recommendation=review_recommendation(beta),
        )
    assert error.value.message_dict["review_recommendation"] == [services.RECOMMENDATION_FOREIGN]
    assert not Action.objects.filter(partnership=alpha.partnership, number__gt=3).exists()


def test_deleted_evidence_does_not_count(alpha):
    action = make_action(alpha, source=ActionSource.AUDIT_FINDING)
    evidence = services.action_add_evidence(
        actor=alpha.owner_user, action=action, kind="link", link="https://a.org/x"
    )
    ActionEvidence.objects.filter(pk=evidence.pk).update(is_deleted=True)
    with pytest.raises(ValidationError):
        services.action_close(actor=SETUP, action=action, impact="Changed")


def test_closed_action_cannot_be_closed_again_or_updated(alpha):
    action = alpha.actions["mine"]
    services.action_close(actor=SETUP, action=action, impact="Changed")
    with pytest.raises(ValidationError, match=services.ALREADY_CLOSED):
        services.action_close(actor=SETUP, action=action, impact="Again")
    with pytest.raises(ValidationError, match=services.ALREADY_CLOSED):
        services.action_post_update(actor=SETUP, action=action, text="More")


def test_reopen_needs_a_reason_and_a_closed_action(alpha):
    action = alpha.actions["mine"]
    with pytest.raises(ValidationError, match=services.NOT_CLOSED):
        services.action_reopen(actor=alpha.chair_user, action=action, reason="Why not")
    services.action_close(actor=SETUP, action=action, impact="Changed")
    with pytest.raises(ValidationError) as error:
        services.action_reopen(actor=alpha.chair_user, action=action, reason=" ")
    assert "reason" in error.value.message_dict
    services.action_reopen(actor=alpha.chair_user, action=action, reason="The audit found gaps")
    action.refresh_from_db()
    assert action.status == ActionStatus.OPEN
    assert action.closed_at is None and action.closed_by is None
    assert action.impact == "Changed"  # kept, with the history
    assert [u.status_to for u in action.updates.all()] == [ActionStatus.OPEN, ActionStatus.CLOSED]


def test_soft_delete_hides_the_action_everywhere(alpha):
    action = alpha.actions["mine"]
    services.action_soft_delete(actor=SETUP, action=action)
    user = alpha.owner_user
    assert action not in selectors.action_list(user, alpha.partnership)
    assert selectors.action_get(user, alpha.partnership, str(action.uuid)) is None
    assert action not in selectors.my_actions(user, include_closed=True)
    action.refresh_from_db()
    assert action.is_deleted and action.deleted_at is not None


@pytest.mark.parametrize(
    ("kind", "values"),
    [("file", {}), ("link", {"link": "  "}), ("text", {"text": ""})],
)
def test_evidence_of_each_kind_must_be_given(alpha, kind, values):
    with pytest.raises(ValidationError) as error:
        services.action_add_evidence(
            actor=alpha.owner_user, action=alpha.actions["mine"], kind=kind, **values
        )
    assert error.value.message_dict[kind] == [services.EVIDENCE_EMPTY[kind]]


def test_evidence_file_is_stored_under_a_safe_name(alpha):
    upload = SimpleUploadedFile("../../Board report.pdf", PDF, content_type="application/pdf")
    evidence = services.action_add_evidence(
        actor=alpha.owner_user, action=alpha.actions["mine"], kind="file", file=upload
    )
    assert evidence.file.name.endswith(f"{evidence.uuid}.pdf")
    assert ".." not in evidence.file.name
    assert evidence.original_name == "Board report.pdf"  # shown to people, never used as a path
    assert evidence.file.read() == PDF


@pytest.mark.parametrize(
    ("name", "shown"),
    [("minutes.html", "minutes.pdf"), ("REPORT.PDF", "REPORT.PDF"), ("noextension", "noextension.pdf")],
)
def test_evidence_name_ends_with_its_real_type(alpha, name, shown):
    evidence = services.action_add_evidence(
        actor=alpha.owner_user, action=alpha.actions["mine"], kind="file", file=SimpleUploadedFile(name, PDF)
    )
    assert evidence.original_name == shown


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("report.pdf", b"MZ\x90\x00" + b"\x00" * 100, "must be a PDF, Word (DOCX)"),
        ("empty.pdf", b"", "is empty"),
        ("huge.pdf", b"%PDF-" + b"0" * MAX_DOCUMENT_BYTES, "must be smaller than 20 MB"),
        ("macros.docx", ooxml(macros=True), "contains macros"),
    ],
)
def test_bad_evidence_files_are_refused_and_nothing_saved(alpha, name, content, message):
    upload = SimpleUploadedFile(name, content)
    with pytest.raises(ValidationError) as error:
        services.action_add_evidence(
            actor=alpha.owner_user, action=alpha.actions["mine"], kind="file", file=upload
        )
    assert message in error.value.message_dict["file"][0]
    assert not ActionEvidence.objects.exists()


def test_settings_update_and_reminder_thresholds(alpha):
    assert selectors.settings_for(alpha.partnership).escalate_days_overdue == 14  # the default
    services.action_settings_update(
        actor=SETUP, partnership=alpha.partnership, remind_days_before=3, escalate_days_overdue=28
    )
    found = selectors.settings_for(alpha.partnership)
    assert (found.remind_days_before, found.escalate_days_overdue) == (3, 28)


def test_overdue_for_board_uses_the_escalation_threshold(alpha):
    late = make_action(alpha, "Very late", due_date=TODAY - timedelta(days=20))
    make_action(alpha, "A little late", due_date=TODAY - timedelta(days=3))
    closed = make_action(alpha, "Late but done", due_date=TODAY - timedelta(days=30))
    services.action_close(actor=SETUP, action=closed, impact="Done")
    board = selectors.overdue_for_board(alpha.chair_user, alpha.partnership)
    assert [a.title for a in board] == [late.title]


def test_action_search_filters_by_agency_and_owner(alpha):
    user = member(alpha.partnership, "business_team", mfa=False)
    by_agency = selectors.action_search(user, alpha.partnership, agency_id=alpha.other_agency.pk)
    assert list(by_agency) == [alpha.actions["outsider"]]
    by_owner = selectors.action_search(user, alpha.partnership, owner_uuid=alpha.colleague.uuid)
    assert list(by_owner) == [alpha.actions["colleague"]]
    by_group = selectors.action_search(user, alpha.partnership, group_uuid=alpha.group.uuid)
    assert list(by_group) == [alpha.actions["mine"]]


def test_people_without_accounts_can_own_actions(alpha):
    person = PersonFactory(partnership=alpha.partnership, agency=alpha.agency, user=None)
    assert make_action(alpha, owner=person).owner.user is None


def test_a_due_date_in_the_past_is_refused_and_nothing_saved(alpha):
    before = Action.objects.count()
    with pytest.raises(ValidationError) as error:
        services.action_create(
            actor=SETUP,
            partnership=alpha.partnership,
            title="Too late already",
            owner=alpha.owner,
            due_date=TODAY - timedelta(days=1),
            source=ActionSource.ESCALATION,
        )
    assert error.value.message_dict["due_date"] == [services.DUE_DATE_PAST]
    assert Action.objects.count() == before
    # Due today is fine; so is a due date that was ahead on the day a past action was agreed.
    assert make_action(alpha, "Due today", due_date=TODAY, today=TODAY).due_date == TODAY
    agreed = make_action(
        alpha, "Agreed last month", due_date=TODAY - timedelta(days=3), today=TODAY - timedelta(days=30)
    )
    assert agreed.is_overdue


# Changing and withdrawing ---------------------------------------------------------------------


def change(world, action, **overrides):
    values = {
        "title": action.title,
        "description": action.description,
        "owner": action.owner,
        "owner_agency": action.owner_agency,
        "due_date": action.due_date,
        "reason": "Agreed at the Board",
    }
    values.update(overrides)
    return services.action_change(actor=SETUP, action=action, **values)


def test_change_records_what_changed_from_what_to_what_and_the_actor(alpha):
    from auditlog.models import LogEntry

    bt = member(alpha.partnership, "business_team", mfa=False)
    action = alpha.actions["mine"]
    old_due = action.due_date
    new_due = old_due + timedelta(days=14)
    update = services.action_change(
        actor=bt,
        action=action,
        title="Audit the front door twice",
        description="",
        owner=alpha.colleague,
        owner_agency=alpha.other_agency,
        due_date=new_due,
        reason="  The auditors asked for a second sample  ",
    )
    action.refresh_from_db()
    assert (action.title, action.owner, action.owner_agency, action.due_date) == (
        "Audit the front door twice",
        alpha.colleague,
        alpha.other_agency,
        new_due,
    )
    assert update.text == "The auditors asked for a second sample"
    assert update.author == bt
    assert [c["field"] for c in update.changes] == ["Title", "Owner", "Owner's agency", "Due date"]
    assert update.changes[1] == {"field": "Owner", "from": alpha.owner.name, "to": alpha.colleague.name}
    assert update.changes[3]["to"] == f"{new_due.day} {new_due:%B %Y}"
    assert (update.due_date_from, update.due_date_to) == (old_due, new_due) and update.is_extension
    entry = LogEntry.objects.filter(object_pk=str(action.pk), content_type__model="action").latest("pk")
    assert entry.actor == bt
    assert set(entry.changes_dict) >= {"title", "owner", "owner_agency", "due_date"}


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"reason": "  "}, "reason", services.CHANGE_NEEDS_REASON),
        ({"title": " "}, "title", services.TITLE_EMPTY),
        ({"due_date": TODAY - timedelta(days=1)}, "due_date", services.DUE_DATE_PAST),
    ],
)
def test_change_refuses_bad_input_and_saves_nothing(alpha, overrides, field, message):
    action = alpha.actions["mine"]
    before = (action.title, action.due_date)
    with pytest.raises(ValidationError) as error:
        change(alpha, action, **{"description": "New words", **overrides})
    assert error.value.message_dict[field] == [message]
    action.refresh_from_db()
    assert (action.title, action.due_date, action.description) == (*before, "")
    assert not action.updates.exists()


def test_change_refuses_another_partnerships_owner_or_agency_and_no_change(alpha, beta):
    action = alpha.actions["mine"]
    with pytest.raises(ValidationError) as error:
        change(alpha, action, owner=beta.owner, owner_agency=beta.agency)
    assert error.value.message_dict["owner"] == [services.OWNER_FOREIGN]
    assert error.value.message_dict["owner_agency"] == [services.AGENCY_FOREIGN]
    with pytest.raises(ValidationError, match=services.CHANGE_NOTHING):
        change(alpha, action)
    assert not action.updates.exists()


def test_an_overdue_actions_other_details_can_change_but_not_to_a_past_due_date(alpha):
    late = make_action(alpha, "Late", due_date=TODAY - timedelta(days=5))
    change(alpha, late, owner=alpha.colleague)  # its past due date is left as it was
    with pytest.raises(ValidationError) as error:
        change(alpha, late, due_date=TODAY - timedelta(days=1))
    assert error.value.message_dict["due_date"] == [services.DUE_DATE_PAST]
    change(alpha, late, due_date=TODAY)
    late.refresh_from_db()
    assert late.due_date == TODAY and late.owner == alpha.colleague


def test_extensions_are_counted_for_the_boards_overdue_list(alpha):
    action = make_action(
        alpha, "Slipping", due_date=TODAY - timedelta(days=40), today=TODAY - timedelta(days=60)
    )
    # Two extensions and one move earlier, all recorded in the past through the service's today.
    for days, agreed in ((-30, -39), (-33, -35), (-20, -34)):
        change(alpha, action, due_date=TODAY + timedelta(days=days), today=TODAY + timedelta(days=agreed))
        action.refresh_from_db()
    board = selectors.overdue_for_board(member(alpha.partnership, "lsp", mfa=False), alpha.partnership)
    assert [(a.title, a.extensions) for a in board] == [("Slipping", 2)]


def test_withdraw_keeps_the_record_and_leaves_open_lists_and_counts(alpha):
    user = member(alpha.partnership, "business_team", mfa=False)
    late = make_action(alpha, "No longer needed", due_date=TODAY - timedelta(days=30))
    with pytest.raises(ValidationError) as error:
        services.action_withdraw(actor=user, action=late, reason=" ")
    assert error.value.message_dict["reason"] == [services.WITHDRAW_NEEDS_REASON]
    services.action_withdraw(actor=user, action=late, reason="Replaced by A1")
    late.refresh_from_db()
    assert late.status == ActionStatus.WITHDRAWN and not late.is_open and not late.is_overdue
    [update] = late.updates.all()
    assert (update.status_from, update.status_to, update.text) == ("open", "withdrawn", "Replaced by A1")
    assert late not in selectors.action_list(user, alpha.partnership, status="open")
    assert late not in selectors.action_list(user, alpha.partnership, status="overdue")
    assert late not in selectors.overdue_for_board(user, alpha.partnership)
    assert late in selectors.action_list(user, alpha.partnership, status="withdrawn")
    assert late in selectors.action_list(user, alpha.partnership)  # kept in the full list
    assert late not in selectors.open_actions_for_group(alpha.group)
    # A withdrawn action is not changed, updated, closed, withdrawn again or reopened.
    for call in (
        lambda: change(alpha, late, title="New"),
        lambda: services.action_post_update(actor=user, action=late, text="More"),
        lambda: services.action_close(actor=user, action=late, impact="Done"),
        lambda: services.action_withdraw(actor=user, action=late, reason="Again"),
        lambda: services.action_reopen(actor=user, action=late, reason="Back"),
    ):
        with pytest.raises(ValidationError):
            call()
    assert late.updates.count() == 1


def test_withdrawn_actions_get_no_reminders(alpha):
    action = make_action(alpha, "Withdrawn early", due_date=TODAY - timedelta(days=1))
    services.action_withdraw(actor=SETUP, action=action, reason="Superseded")
    counts = services.action_send_reminders(actor=SETUP)
    assert counts["overdue"] == 0
