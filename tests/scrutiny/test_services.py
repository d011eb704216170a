from datetime import date

import pytest
from auditlog.models import LogEntry
from django.core.exceptions import ValidationError

from masa.actions.models import ActionSource
from masa.scrutiny import services
from masa.scrutiny.models import ActivityKind, ActivityStatus, ResponseKind, StatementSignOff
from masa.scrutiny.selectors import sign_off_summary, statement_get
from tests.scrutiny.conftest import TODAY


def _errors(exc: pytest.ExceptionInfo) -> dict:
    return exc.value.message_dict


def test_plan_year_must_be_unique_and_given(alpha):
    with pytest.raises(ValidationError) as exc:
        services.plan_save(actor=alpha.scrutineer, partnership=alpha.partnership, year=2024)
    assert _errors(exc)["year"] == ["There is already one for the reporting year 2024-25"]
    with pytest.raises(ValidationError) as exc:
        services.plan_save(actor=alpha.scrutineer, partnership=alpha.partnership, year=None)
    assert "year" in _errors(exc)


def test_activity_validation(alpha):
    with pytest.raises(ValidationError) as exc:
        services.activity_save(
            actor=alpha.scrutineer,
            plan=alpha.plan,
            kind="gossip",
            title=" ",
            planned_on=None,
            status=ActivityStatus.DONE,
            today=TODAY,
        )
    errors = _errors(exc)
    assert set(errors) == {"kind", "title", "planned_on", "done_on"}
    assert errors["done_on"] == ["Enter the date the activity was done"]
    with pytest.raises(ValidationError) as exc:
        services.activity_save(
            actor=alpha.scrutineer,
            plan=alpha.plan,
            kind=ActivityKind.CHILDREN,
            title="Youth Council",
            planned_on=date(2025, 2, 1),
            status=ActivityStatus.DONE,
            done_on=date(2025, 2, 1),
            today=TODAY,
        )
    assert _errors(exc)["done_on"] == ["The date the activity was done must be today or in the past"]
    assert alpha.plan.activities.count() == 1


def test_findings_are_numbered_within_the_plan(alpha):
    second = services.finding_save(actor=alpha.scrutineer, activity=alpha.activity, text="Second")
    assert (alpha.finding.number, second.number) == (1, 2)
    with pytest.raises(ValidationError) as exc:
        services.finding_save(actor=alpha.scrutineer, activity=alpha.activity, text="  ")
    assert _errors(exc)["text"] == ["Enter what the scrutineer found"]


def test_accepted_finding_becomes_a_tracker_action(alpha):
    finding = services.response_save(
        actor=alpha.business_team,
        finding=alpha.finding,
        response=ResponseKind.ACCEPTED,
        response_text="We will hold a challenge session",
        owner=alpha.owner,
        due_date=date(2025, 6, 30),
        today=TODAY,
    )
    assert finding.action is not None
    assert finding.action.source == ActionSource.SCRUTINY_FINDING
    assert finding.action.owner == alpha.owner
    assert finding.action.scrutiny_finding == finding
    assert finding.responded_by == alpha.business_team


def test_accepted_without_owner_saves_nothing(alpha, beta):
    with pytest.raises(ValidationError) as exc:
        services.response_save(
            actor=alpha.business_team,
            finding=alpha.finding,
            response=ResponseKind.PARTLY_ACCEPTED,
            response_text="In part",
            owner=beta.owner,
            due_date=None,
        )
    errors = _errors(exc)
    assert errors["owner"] == ["Select a person of this partnership"]
    assert errors["due_date"] == ["Enter the date the action is due"]
    alpha.finding.refresh_from_db()
    assert alpha.finding.response == "" and alpha.finding.action is None


def test_not_accepted_needs_words_and_makes_no_action(alpha):
    with pytest.raises(ValidationError) as exc:
        services.response_save(
            actor=alpha.business_team,
            finding=alpha.finding,
            response=ResponseKind.NOT_ACCEPTED,
            response_text="",
        )
    assert _errors(exc)["response_text"] == ["Enter the partnership's response"]
    finding = services.response_save(
        actor=alpha.business_team,
        finding=alpha.finding,
        response=ResponseKind.NOT_ACCEPTED,
        response_text="Challenge is already routine",
    )
    assert finding.action is None and finding.response == ResponseKind.NOT_ACCEPTED


def test_comment_publishing(alpha):
    comment = services.comment_save(
        actor=alpha.scrutineer,
        partnership=alpha.partnership,
        year=2024,
        text="Final",
        publish=True,
        comment=alpha.comment,
    )
    assert comment.is_published and comment.published_at is not None
    with pytest.raises(ValidationError) as exc:
        services.comment_save(actor=alpha.scrutineer, partnership=alpha.partnership, year=2024, text="")
    assert set(_errors(exc)) == {"year", "text"}


def test_each_lsp_signs_off_and_the_count_shows(alpha):
    for lsp in alpha.lsps[:2]:
        services.statement_sign_off(actor=lsp, statement=alpha.statement, signed_on=date(2024, 9, 1))
    statement = statement_get(alpha.lsps[0], alpha.partnership, alpha.statement.uuid)
    assert sign_off_summary(statement) == "signed by 2 of 3 lead safeguarding partners"
    first = statement.sign_offs.get(user=alpha.lsps[0])
    assert (first.name, first.role, first.signed_on) == ("Lead 1 alpha", "Chief Executive", date(2024, 9, 1))
    assert statement.sign_offs.get(user=alpha.lsps[1]).role == "Lead safeguarding partner"
    with pytest.raises(ValidationError, match="already signed off"):
        services.statement_sign_off(
            actor=alpha.lsps[0], statement=alpha.statement, signed_on=date(2024, 9, 2)
        )


@pytest.mark.parametrize("who", ["business_team", "dsp", "scrutineer", "other_lsp"])
def test_sign_off_by_anyone_but_an_lsp_of_the_partnership_is_refused(alpha, beta, who):
    actor = beta.lsps[0] if who == "other_lsp" else getattr(alpha, who)
    with pytest.raises(ValidationError) as exc:
        services.statement_sign_off(actor=actor, statement=alpha.statement, signed_on=date(2024, 9, 1))
    assert exc.value.messages == [
        "Only a lead safeguarding partner of Alpha Partnership can sign off its statement of assurance"
    ]
    assert not StatementSignOff.objects.filter(statement=alpha.statement).exists()


def test_sign_off_date_checked(alpha):
    with pytest.raises(ValidationError) as exc:
        services.statement_sign_off(
            actor=alpha.lsps[0], statement=alpha.statement, signed_on=date(2030, 1, 1), today=TODAY
        )
    assert _errors(exc)["signed_on"] == ["The date of the sign-off must be today or in the past"]


def test_changing_signed_text_needs_a_reason_and_clears_every_sign_off(alpha):
    for lsp in alpha.lsps:
        services.statement_sign_off(actor=lsp, statement=alpha.statement, signed_on=date(2024, 9, 1))
    with pytest.raises(ValidationError) as exc:
        services.statement_save(
            actor=alpha.business_team,
            partnership=alpha.partnership,
            year=2023,
            text="New words",
            statement=alpha.statement,
        )
    assert "reason" in _errors(exc)
    assert alpha.statement.sign_offs.count() == 3
    # The same text again keeps the sign-offs.
    services.statement_save(
        actor=alpha.business_team,
        partnership=alpha.partnership,
        year=2023,
        text=alpha.statement.text,
        statement=alpha.statement,
    )
    assert alpha.statement.sign_offs.count() == 3
    statement = services.statement_save(
        actor=alpha.business_team,
        partnership=alpha.partnership,
        year=2023,
        text="New words",
        reason="The Panel's figures were corrected",
        statement=alpha.statement,
    )
    assert statement.text == "New words" and statement.sign_offs.count() == 0
    removed = LogEntry.objects.filter(content_type__model="statementsignoff", action=LogEntry.Action.DELETE)
    assert removed.count() == 3
    assert all(e.additional_data["reason"] == "The Panel's figures were corrected" for e in removed)


def test_changing_the_year_of_a_signed_statement_also_clears_the_sign_offs(alpha):
    services.statement_sign_off(actor=alpha.lsps[0], statement=alpha.statement, signed_on=date(2024, 9, 1))
    with pytest.raises(ValidationError) as exc:
        services.statement_save(
            actor=alpha.business_team,
            partnership=alpha.partnership,
            year=2022,
            text=alpha.statement.text,
            statement=alpha.statement,
        )
    assert "reason" in _errors(exc)
    services.statement_save(
        actor=alpha.business_team,
        partnership=alpha.partnership,
        year=2022,
        text=alpha.statement.text,
        reason="It was the 2022-23 statement",
        statement=alpha.statement,
    )
    assert alpha.statement.sign_offs.count() == 0
