"""The inspections register's services: inspections, judgements, findings and their tracker actions."""

from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError

from masa.actions.models import EVIDENCE_REQUIRED_SOURCES, Action, ActionSource, ActionStatus
from masa.actions.services import CLOSE_NEEDS_EVIDENCE, action_add_evidence, action_close
from masa.assurance import selectors, services
from masa.assurance.models import FindingKind, Inspection, InspectionFinding, InspectionKind
from tests.assurance.conftest import TODAY
from tests.factories import SETUP


def test_a_recommendation_becomes_a_tracker_action_that_needs_evidence(alpha):
    action = alpha.action
    assert action.source == ActionSource.INSPECTION_RECOMMENDATION
    assert ActionSource.INSPECTION_RECOMMENDATION in EVIDENCE_REQUIRED_SOURCES
    assert action.inspection_finding == alpha.finding
    assert action.owner == alpha.owner and action.owner_agency == alpha.agency
    assert action.group == alpha.group and action.due_date == TODAY + timedelta(days=60)
    assert action.title.startswith("Recommendation: Improve the timeliness")
    with pytest.raises(ValidationError) as error:
        action_close(actor=alpha.owner_user, action=action, impact="Interviews within 72 hours")
    assert error.value.message_dict["evidence"] == [CLOSE_NEEDS_EVIDENCE]


def test_a_cause_of_concern_becomes_an_action_too(alpha):
    finding = services.finding_save(
        actor=SETUP,
        inspection=alpha.inspection,
        kind=FindingKind.CAUSE_OF_CONCERN,
        text="Missing children are not risk-assessed",
        owner=alpha.owner,
        due_date=TODAY + timedelta(days=30),
    )
    assert finding.number == 2
    assert finding.actions.get().source == ActionSource.INSPECTION_RECOMMENDATION


@pytest.mark.parametrize("kind", [FindingKind.RECOMMENDATION, FindingKind.CAUSE_OF_CONCERN])
def test_a_recommendation_without_an_owner_is_refused_and_nothing_is_saved(alpha, kind):
    findings, actions = InspectionFinding.objects.count(), Action.objects.count()
    with pytest.raises(ValidationError) as error:
        services.finding_save(
            actor=SETUP,
            inspection=alpha.inspection,
            kind=kind,
            text="Strengthen supervision",
            due_date=TODAY + timedelta(days=30),
        )
    label = FindingKind(kind).label.lower()
    assert error.value.message_dict["owner"] == [services.OWNER_NEEDED.format(kind=label)]
    assert (InspectionFinding.objects.count(), Action.objects.count()) == (findings, actions)


def test_a_recommendation_needs_a_due_date_and_an_owner_of_this_partnership(alpha, beta):
    with pytest.raises(ValidationError) as error:
        services.finding_save(
            actor=SETUP,
            inspection=alpha.inspection,
            kind=FindingKind.RECOMMENDATION,
            text="X",
            owner=beta.owner,
        )
    assert error.value.message_dict == {"owner": [services.OWNER_FOREIGN], "due_date": [services.DUE_NEEDED]}


def test_a_past_due_date_is_refused_and_the_finding_is_not_kept(alpha):
    findings = InspectionFinding.objects.count()
    with pytest.raises(ValidationError) as error:
        services.finding_save(
            actor=SETUP,
            inspection=alpha.inspection,
            kind=FindingKind.RECOMMENDATION,
            text="Y",
            owner=alpha.owner,
            due_date=TODAY - timedelta(days=1),
        )
    assert "due_date" in error.value.message_dict
    assert InspectionFinding.objects.count() == findings


def test_an_area_for_improvement_gets_an_action_only_with_an_owner(alpha):
    plain = services.finding_save(
        actor=SETUP, inspection=alpha.inspection, kind=FindingKind.AREA_FOR_IMPROVEMENT, text="Plans"
    )
    assert not plain.actions.exists()
    owned = services.finding_save(
        actor=SETUP,
        inspection=alpha.inspection,
        kind=FindingKind.AREA_FOR_IMPROVEMENT,
        text="Supervision",
        owner=alpha.owner,
        due_date=TODAY + timedelta(days=10),
    )
    assert owned.actions.count() == 1


def test_changing_a_finding_keeps_its_one_action(alpha):
    services.finding_save(
        actor=SETUP,
        inspection=alpha.inspection,
        finding=alpha.finding,
        kind=FindingKind.RECOMMENDATION,
        text="Improve return home interviews",
    )
    alpha.finding.refresh_from_db()
    assert alpha.finding.text == "Improve return home interviews"
    assert alpha.finding.actions.count() == 1


def test_inspection_dates_and_agency_are_checked(alpha, beta):
    with pytest.raises(ValidationError) as error:
        services.inspection_save(
            actor=SETUP,
            partnership=alpha.partnership,
            kind="nonsense",
            title=" ",
            start_date=date(2024, 3, 4),
            end_date=date(2024, 3, 1),
            published_date=date(2024, 2, 1),
            inspected_body=beta.agency,
        )
    assert error.value.message_dict == {
        "kind": [services.KIND_NEEDED],
        "title": [services.TITLE_NEEDED],
        "end_date": [services.END_BEFORE_START],
        "published_date": [services.PUBLISHED_BEFORE_START],
        "inspected_body": [services.AGENCY_FOREIGN],
    }


def test_judgements_are_kept_in_order(alpha):
    second = services.judgement_save(
        actor=SETUP, inspection=alpha.inspection, area="Help and protection", judgement="Good"
    )
    assert second.order == alpha.judgement.order + 1
    with pytest.raises(ValidationError) as error:
        services.judgement_save(actor=SETUP, inspection=alpha.inspection, area="", judgement=" ")
    assert error.value.message_dict == {
        "area": [services.AREA_NEEDED],
        "judgement": [services.JUDGEMENT_NEEDED],
    }


def test_progress_counts_closed_open_and_overdue_actions(alpha):
    action_add_evidence(actor=alpha.owner_user, action=alpha.action, kind="text", text="Audit")
    action_close(actor=alpha.owner_user, action=alpha.action, impact="Interviews within 72 hours")
    for n, due in enumerate((TODAY + timedelta(days=5), TODAY - timedelta(days=3))):
        services.finding_save(
            actor=SETUP,
            inspection=alpha.inspection,
            kind=FindingKind.RECOMMENDATION,
            text=f"R{n}",
            owner=alpha.owner,
            due_date=due,
            today=due - timedelta(days=10),
        )
    findings = selectors.inspection_findings(alpha.owner_user, alpha.inspection)
    progress = selectors.findings_progress(findings, TODAY)
    assert (progress.closed, progress.open, progress.overdue, progress.total) == (1, 1, 1, 3)
    assert Action.objects.get(pk=alpha.action.pk).status == ActionStatus.CLOSED


def test_the_register_filters_by_kind_and_financial_year(alpha):
    services.inspection_save(
        actor=SETUP,
        partnership=alpha.partnership,
        kind=InspectionKind.HMIP,
        title="HMIP inspection",
        start_date=date(2024, 3, 4),
    )
    services.inspection_save(
        actor=SETUP,
        partnership=alpha.partnership,
        kind=InspectionKind.JTAI,
        title="JTAI",
        start_date=date(2024, 5, 13),
    )
    titles = lambda **f: [i.title for i in selectors.inspection_list(alpha.partnership, **f)]  # noqa: E731
    assert titles() == ["JTAI", "HMIP inspection", "Ofsted ILACS inspection"]
    assert titles(year=2023) == ["HMIP inspection", "Ofsted ILACS inspection"]
    assert titles(kind=InspectionKind.JTAI) == ["JTAI"]
    assert selectors.inspection_years(alpha.partnership) == [2024, 2023]
    assert Inspection.objects.get(title="HMIP inspection").year_label == "2023 to 2024"
