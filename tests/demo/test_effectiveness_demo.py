"""The demo's effectiveness review: Hounslow's review of 2023 as the yearly report gives it."""

from datetime import date

import pytest

from masa.actions.models import Action, ActionSource, ActionStatus
from masa.demo.effectiveness_loader import load_effectiveness_demo
from masa.effectiveness.models import EffectivenessReview, FindingKind, ResponseKind, ReviewStatus

pytestmark = pytest.mark.usefixtures("_demo_for_module")


def _review() -> EffectivenessReview:
    return EffectivenessReview.objects.get(partnership__slug="hounslow")


def test_hounslow_review_is_published_with_the_reports_findings(demo):
    review = _review()
    assert review.title == "Partnership Effectiveness Review 2023"
    assert review.status == ReviewStatus.PUBLISHED and review.reviewer == "Independent reviewer"
    assert "ahead of the revision of Working Together 2023" in review.summary
    # The yearly report's expenditure line "HSCP Effectiveness Review & Partnership Development Day".
    assert "£11,875" in review.summary
    findings = list(review.findings.order_by("number"))
    assert [f.kind for f in findings].count(FindingKind.STRENGTH) == 2
    recommendations = [f for f in findings if f.kind == FindingKind.RECOMMENDATION]
    assert [f.text for f in recommendations] == [
        "Improve quality assurance activity.",
        "Improve leadership visibility.",
        "Improve meeting purposefulness and impact.",
    ]
    assert {f.response for f in recommendations} == {ResponseKind.ACCEPTED}


def test_each_recommendation_has_a_tracker_action_owned_by_a_demo_person_due_in_2024(demo):
    review = _review()
    actions = [f.action for f in review.findings.filter(kind=FindingKind.RECOMMENDATION).order_by("number")]
    assert all(a is not None for a in actions)
    assert {a.source for a in actions} == {ActionSource.EFFECTIVENESS_FINDING}
    assert {a.due_date.year for a in actions} == {2024}
    assert [a.owner.job_title for a in actions][0] == "Planning and Performance Officer"
    assert [a.owner.name for a in actions][2] == "Anjali Brightwater"
    assert {a.status for a in actions} == {ActionStatus.CLOSED}
    assert all(a.closed_at.date() == date(2024, 12, 31) for a in actions)


def test_self_evaluation_covers_the_six_principles_and_the_figures_are_frozen(demo):
    review = _review()
    assert sorted(a.principle.title for a in review.assessments.all()) == [
        "Accountability",
        "Empowerment",
        "Partnership",
        "Prevention",
        "Proportionality",
        "Protection",
    ]
    figures = review.figures
    assert figures["as_at"] == "2023-10-31"
    assert set(figures) == {"as_at", "attendance", "cadence", "actions", "clocks"}
    assert any(row["group"] == "HSCP Board" for row in figures["cadence"])


def test_ealing_and_hillingdon_each_have_a_smaller_draft_awaiting_a_response(demo):
    for slug in ("ealing", "hillingdon"):
        review = EffectivenessReview.objects.get(partnership__slug=slug)
        assert review.status == ReviewStatus.DRAFT and review.figures == {}
        assert review.reviewer.endswith("Independent Scrutineer")
        assert review.assessments.count() == 2
        [recommendation] = review.findings.filter(kind=FindingKind.RECOMMENDATION)
        assert recommendation.response == "" and recommendation.action is None


def test_loading_again_changes_nothing(demo):
    before = (EffectivenessReview.objects.count(), Action.objects.count())
    load_effectiveness_demo()
    assert (EffectivenessReview.objects.count(), Action.objects.count()) == before
