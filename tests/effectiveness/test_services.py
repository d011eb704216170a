"""The effectiveness review's services and figures: what they save and refuse, what publishing freezes."""

from datetime import date, timedelta

import pytest
from auditlog.models import LogEntry
from django.core.exceptions import ValidationError
from django.utils import timezone

from masa.actions.models import Action, ActionSource
from masa.effectiveness import selectors, services
from masa.effectiveness.models import EffectivenessReview, FindingKind, ResponseKind, ReviewStatus
from masa.effectiveness.rules_pure import expected_meetings, percent
from tests.effectiveness.conftest import END, START
from tests.factories import SETUP

TODAY = timezone.localdate()


def errors_of(excinfo) -> dict:
    return excinfo.value.message_dict


def test_expected_meetings_in_proportion_to_the_period():
    assert expected_meetings("subgroup", 4, START, END) == 4
    assert expected_meetings("subgroup", 4, date(2023, 4, 1), date(2023, 9, 30)) == 2
    # The Board meets at least quarterly and the lead partners twice a year, whatever the record says.
    assert expected_meetings("board", 1, START, END) == 4
    assert expected_meetings("lsp", 0, START, END) == 2
    assert percent(1, 3) == 33.3 and percent(0, 0) is None


def test_the_figures_masa_holds_for_the_period(alpha):
    figures = selectors.live_figures(alpha.partnership, start=START, end=END, today=TODAY)
    attendance = {row["agency"]: row for row in figures["attendance"]}
    # Police present at all three Board meetings; the council present, apologies, deputy.
    assert attendance[alpha.police.name] == {
        "agency": alpha.police.name,
        "attended": 3,
        "expected": 3,
        "rate": 100.0,
    }
    assert attendance[alpha.council.name]["attended"] == 2 and attendance[alpha.council.name]["rate"] == 66.7
    cadence = {row["group"]: row for row in figures["cadence"]}
    # The cancelled meeting and the one after the period do not count.
    assert (cadence[alpha.board.name]["held"], cadence[alpha.board.name]["expected"]) == (3, 4)
    assert cadence[alpha.board.name]["met"] is False and cadence[alpha.board.name]["statutory"] is True
    assert (cadence[alpha.subgroup.name]["held"], cadence[alpha.subgroup.name]["met"]) == (2, True)
    actions = figures["actions"]
    assert (actions["due"], actions["completed"], actions["completed_on_time"]) == (4, 2, 1)
    assert (actions["open"], actions["overdue"], actions["withdrawn"]) == (1, 1, 1)
    assert actions["completed_rate"] == 66.7 and actions["on_time_rate"] == 33.3
    clocks = {row["label"]: row for row in figures["clocks"]}
    assert clocks["Notify the Panel"]["due"] == 1 and clocks["Notify the Panel"]["met_on_time"] == 1
    assert clocks["Notify the Panel"]["limit"] == "5 working days"
    assert clocks["Rapid review"]["met_late"] == 1 and clocks["Rapid review"]["on_time_rate"] == 0.0


def test_figures_of_another_period_leave_this_years_records_out(alpha):
    figures = selectors.live_figures(
        alpha.partnership, start=date(2022, 4, 1), end=date(2023, 3, 31), today=TODAY
    )
    assert figures["attendance"] == [] and figures["clocks"] == []
    assert figures["actions"]["due"] == 0 and figures["actions"]["completed_rate"] is None


def test_a_period_ending_before_it_starts_is_refused_and_nothing_saved(alpha):
    before = EffectivenessReview.objects.count()
    with pytest.raises(ValidationError) as excinfo:
        services.review_save(
            actor=SETUP,
            partnership=alpha.partnership,
            title="  ",
            period_start=date(2024, 4, 1),
            period_end=date(2024, 3, 31),
        )
    assert errors_of(excinfo) == {
        "title": ["Enter the title of the review"],
        "period_end": ["The date the period ends must be on or after the date it starts"],
    }
    assert EffectivenessReview.objects.count() == before


def test_self_evaluation_needs_a_rating_and_narrative_and_is_one_per_principle(alpha):
    with pytest.raises(ValidationError) as excinfo:
        services.assessment_save(
            actor=SETUP, review=alpha.review, principle=alpha.principles[0], rating=None, narrative=" "
        )
    assert set(errors_of(excinfo)) == {"rating", "narrative"}
    services.assessment_save(
        actor=SETUP, review=alpha.review, principle=alpha.principles[0], rating=2, narrative="First go"
    )
    services.assessment_save(
        actor=SETUP, review=alpha.review, principle=alpha.principles[0], rating=3, narrative="Second go"
    )
    rows = selectors.assessments(alpha.review)
    assert [p.title for p, _ in rows] == ["Empowerment", "Prevention", "Partnership"]
    assert rows[0][1].rating == 3 and rows[0][1].narrative == "Second go" and rows[1][1] is None


def test_a_principle_of_another_partnership_is_refused(alpha, beta):
    with pytest.raises(ValidationError) as excinfo:
        services.finding_save(
            actor=SETUP,
            review=alpha.review,
            kind=FindingKind.STRENGTH,
            text="x",
            principle=beta.principles[0],
        )
    assert errors_of(excinfo) == {"principle": ["Select a principle of this partnership"]}


def test_a_response_needs_its_text(alpha):
    with pytest.raises(ValidationError) as excinfo:
        services.response_save(
            actor=SETUP, finding=alpha.strength, response=ResponseKind.ACCEPTED, response_text="   "
        )
    assert errors_of(excinfo) == {"response_text": ["Enter the partnership's response"]}
    alpha.strength.refresh_from_db()
    assert alpha.strength.response == ""


def test_an_accepted_recommendation_needs_an_owner_and_due_date_and_nothing_is_half_saved(alpha):
    actions_before = Action.objects.count()
    with pytest.raises(ValidationError) as excinfo:
        services.response_save(
            actor=SETUP,
            finding=alpha.recommendation,
            response=ResponseKind.ACCEPTED,
            response_text="We agree",
        )
    assert set(errors_of(excinfo)) == {"owner", "due_date"}
    with pytest.raises(ValidationError) as excinfo:
        services.response_save(
            actor=SETUP,
            finding=alpha.recommendation,
            response=ResponseKind.ACCEPTED,
            response_text="We agree",
            owner=alpha.owner,
            due_date=TODAY - timedelta(days=1),
        )
    assert "due_date" in errors_of(excinfo)
    alpha.recommendation.refresh_from_db()
    assert alpha.recommendation.response == "" and Action.objects.count() == actions_before


def test_an_owner_of_another_partnership_is_refused(alpha, beta):
    with pytest.raises(ValidationError) as excinfo:
        services.response_save(
            actor=SETUP,
            finding=alpha.recommendation,
            response=ResponseKind.PARTLY_ACCEPTED,
            response_text="In part",
            owner=beta.owner,
            due_date=TODAY + timedelta(days=30),
        )
    assert errors_of(excinfo) == {"owner": ["Select a person of this partnership"]}


def test_accepting_a_recommendation_creates_the_tracker_action(alpha):
    finding = services.response_save(
        actor=alpha.lsp,
        finding=alpha.recommendation,
        response=ResponseKind.ACCEPTED,
        response_text="The partnership will refresh its quality assurance framework",
        owner=alpha.owner,
        due_date=TODAY + timedelta(days=90),
        group=alpha.board,
    )
    action = finding.action
    assert action.source == ActionSource.EFFECTIVENESS_FINDING and action.owner == alpha.owner
    assert action.group == alpha.board and action.effectiveness_finding == finding
    assert finding.responded_by == alpha.lsp and finding.responded_at is not None
    # A second response changes the words, not the action.
    again = services.response_save(
        actor=SETUP, finding=finding, response=ResponseKind.PARTLY_ACCEPTED, response_text="In part"
    )
    assert again.action_id == action.pk and Action.objects.filter(source="effectiveness_finding").count() == 1


def test_a_recommendation_not_accepted_needs_no_action(alpha):
    finding = services.response_save(
        actor=SETUP,
        finding=alpha.recommendation,
        response=ResponseKind.NOT_ACCEPTED,
        response_text="Already covered by the Board's plan",
    )
    assert finding.action is None and finding.response == "not_accepted"


def test_publishing_needs_a_response_to_every_recommendation(alpha):
    with pytest.raises(ValidationError) as excinfo:
        services.review_publish(actor=SETUP, review=alpha.review)
    assert excinfo.value.messages == [
        "Record the partnership's response to recommendation 2 before publishing"
    ]
    alpha.review.refresh_from_db()
    assert alpha.review.status == ReviewStatus.DRAFT


def test_publishing_freezes_the_figures_and_locks_the_review_until_reopened(alpha):
    services.response_save(
        actor=SETUP, finding=alpha.recommendation, response=ResponseKind.NOT_ACCEPTED, response_text="No"
    )
    review = services.review_publish(actor=alpha.business_team, review=alpha.review, today=TODAY)
    assert review.status == ReviewStatus.PUBLISHED and review.published_by == alpha.business_team
    frozen = review.figures
    assert frozen["actions"]["due"] == 4
    # Another action due in the period after publishing changes the live figures, not the published ones.
    Action.objects.filter(title="Next year").update(due_date=date(2024, 3, 1))
    assert selectors.live_figures(alpha.partnership, start=START, end=END, today=TODAY)["actions"]["due"] == 5
    assert selectors.review_figures(review, today=TODAY)["actions"]["due"] == 4
    for change in (
        lambda: services.review_save(
            actor=SETUP,
            partnership=alpha.partnership,
            review=review,
            title="New",
            period_start=START,
            period_end=END,
        ),
        lambda: services.finding_save(actor=SETUP, review=review, kind=FindingKind.STRENGTH, text="More"),
        lambda: services.assessment_save(
            actor=SETUP, review=review, principle=alpha.principles[0], rating=4, narrative="x"
        ),
        lambda: services.response_save(
            actor=SETUP, finding=alpha.strength, response=ResponseKind.ACCEPTED, response_text="Yes"
        ),
        lambda: services.review_publish(actor=SETUP, review=review),
    ):
        with pytest.raises(ValidationError) as excinfo:
            change()
        assert excinfo.value.messages == [services.PUBLISHED]
    with pytest.raises(ValidationError) as excinfo:
        services.review_reopen(actor=SETUP, review=review, reason=" ")
    assert errors_of(excinfo) == {"reason": ["Enter why the review is being reopened"]}
    reopened = services.review_reopen(
        actor=alpha.business_team, review=review, reason="The reviewer sent a correction"
    )
    assert reopened.status == ReviewStatus.DRAFT and reopened.figures == {}
    assert selectors.review_figures(reopened, today=TODAY)["actions"]["due"] == 5
    services.review_save(
        actor=SETUP,
        partnership=alpha.partnership,
        review=reopened,
        title="Corrected",
        period_start=START,
        period_end=END,
    )
    # The history is kept: publishing and reopening are in the audit log.
    statuses = [
        e.changes_dict.get("status")
        for e in LogEntry.objects.get_for_object(reopened).order_by("timestamp")
        if "status" in e.changes_dict
    ]
    assert statuses[-2:] == [["draft", "published"], ["published", "draft"]]


def test_reopening_a_draft_is_refused(alpha):
    with pytest.raises(ValidationError) as excinfo:
        services.review_reopen(actor=SETUP, review=alpha.review, reason="Why")
    assert excinfo.value.messages == ["The review is a draft, so there is nothing to reopen"]


def test_scope_drafts_for_senior_roles_published_for_every_member(alpha, beta):
    assert list(selectors.review_list(alpha.lsp, alpha.partnership)) == [alpha.review]
    assert list(selectors.review_list(alpha.scrutineer, alpha.partnership)) == [alpha.review]
    assert list(selectors.review_list(alpha.member_user, alpha.partnership)) == []
    assert list(selectors.review_list(alpha.practitioner, alpha.partnership)) == []
    assert list(selectors.review_list(beta.business_team, alpha.partnership)) == []
    services.response_save(
        actor=SETUP, finding=alpha.recommendation, response=ResponseKind.NOT_ACCEPTED, response_text="No"
    )
    services.review_publish(actor=SETUP, review=alpha.review)
    assert list(selectors.review_list(alpha.practitioner, alpha.partnership)) == [alpha.review]
    assert selectors.review_get(beta.business_team, alpha.partnership, alpha.review.uuid) is None
    reviewed = selectors.review_get(alpha.member_user, alpha.partnership, alpha.review.uuid)
    assert reviewed.finding_count == 2 and selectors.responses_by_kind(reviewed) == {
        "accepted": 0,
        "partly_accepted": 0,
        "not_accepted": 1,
        "awaiting": 0,
    }
