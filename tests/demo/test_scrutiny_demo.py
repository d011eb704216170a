"""The demo's independent scrutiny and statement of assurance: Hounslow's, from the yearly report."""

from datetime import date

import pytest

from masa.actions.models import Action, ActionSource, ActionStatus
from masa.demo.scrutiny_loader import load_scrutiny_demo
from masa.scrutiny.models import (
    ActivityStatus,
    AssuranceStatement,
    ResponseKind,
    ScrutineerComment,
    ScrutinyFinding,
    ScrutinyPlan,
)
from masa.scrutiny.selectors import sign_off_summary

pytestmark = pytest.mark.usefixtures("_demo_for_module")


def test_the_2023_24_statement_is_the_reports_and_signed_by_the_three_lsps(demo):
    statement = AssuranceStatement.objects.get(partnership__slug="hounslow", year=2023)
    assert statement.text.startswith("There are solid and mature partnership relationships")
    assert "unable to provide positive assurance about the circumstances within Feltham" in statement.text
    assert sign_off_summary(statement) == "signed by 3 of 3 lead safeguarding partners"
    assert sorted(s.name for s in statement.sign_offs.all()) == [
        "Gareth Quillan",
        "Helena Marchetti-Byrne",
        "Marguerite Oduya",
    ]
    assert {s.signed_on for s in statement.sign_offs.all()} == {date(2024, 9, 30)}


def test_the_scrutineers_comment_quotes_the_report_and_is_published(demo):
    comment = ScrutineerComment.objects.get(partnership__slug="hounslow", year=2023)
    assert comment.is_published
    assert comment.text.startswith("Having undertaken the independent review of the effectiveness")
    assert comment.text.endswith("at the heart of developing arrangements.")


def test_the_2024_25_plan_and_its_first_finding_accepted_with_an_action(demo):
    plan = ScrutinyPlan.objects.get(partnership__slug="hounslow")
    assert plan.year_label == "2024-25"
    assert "appointed in November 2023 and started in February 2024" in plan.summary
    activities = list(plan.activities.all())
    assert len(activities) == 4
    assert [a.status for a in activities].count(ActivityStatus.DONE) == 1
    [finding] = ScrutinyFinding.objects.filter(partnership__slug="hounslow")
    assert "64%" in finding.text and finding.response == ResponseKind.ACCEPTED
    action = finding.action
    assert action.source == ActionSource.SCRUTINY_FINDING and action.status == ActionStatus.CLOSED
    assert action.owner.name == "Nadia Forsythe-Kaur"
    assert finding.responded_by.full_name == "Anjali Brightwater"


def test_ealing_and_hillingdon_have_none(demo):
    assert not ScrutinyPlan.objects.exclude(partnership__slug="hounslow").exists()
    assert not AssuranceStatement.objects.exclude(partnership__slug="hounslow").exists()


def test_loading_again_changes_nothing(demo):
    before = (ScrutinyPlan.objects.count(), AssuranceStatement.objects.count(), Action.objects.count())
    load_scrutiny_demo()
    assert (
        ScrutinyPlan.objects.count(),
        AssuranceStatement.objects.count(),
        Action.objects.count(),
    ) == before
