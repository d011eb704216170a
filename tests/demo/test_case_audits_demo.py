"""The demo's multi-agency audits: Hounslow's child sexual abuse audit of 2020 and neglect audit
of December 2023 from its yearly report, Ealing's complete audit and Hillingdon's open one."""

from masa.actions.models import Action, ActionSource, ActionStatus
from masa.case_audits import selectors
from masa.case_audits.models import AgencyReturn, Audit, AuditFinding, AuditStatus, AuditTool, FindingKind
from masa.demo.case_audits_loader import load_case_audits_demo
from masa.incidents.pseudonyms import looks_like_name


def test_hounslow_neglect_audit_of_december_2023(demo):
    audit = Audit.objects.get(partnership__slug="hounslow", topic="Neglect")
    assert audit.status == AuditStatus.COMPLETE
    assert (audit.moderation_on.year, audit.moderation_on.month) == (2023, 12)
    results = selectors.audit_results(audit)
    assert len(results.rows) == 7 and results.moderated == 42
    assert results.asked == 28 and results.submitted == 28 and results.late == 1
    assert {a.name for a in results.agencies} >= {
        "London Borough of Hounslow",
        "Metropolitan Police Service West Area Basic Command Unit",
    }
    texts = [f.text for f in results.strengths]
    assert "Better understanding of risk and impact of neglect." in texts and len(texts) == 7
    developments = results.developments
    assert len(developments) == 6
    assert developments[0].text.startswith("More Health input and engagement with families")
    for finding in developments:
        assert finding.action.source == ActionSource.AUDIT_FINDING
        assert finding.action.due_date.year == 2024
        assert finding.action.owner.partnership.slug == "hounslow"


def test_every_case_reference_is_pseudonymised(demo):
    for reference in AgencyReturn.objects.values_list("case__reference", flat=True):
        assert reference.startswith("Child ") and not looks_like_name(reference)


def test_scores_over_time_have_two_points_for_hounslow(demo):
    from masa.partnership.models import Partnership

    scores = selectors.scores_over_time(Partnership.objects.get(slug="hounslow"))
    assert [s.audit.topic for s in scores] == ["Child sexual abuse", "Neglect"]
    csa, neglect = scores
    assert csa.audit.completed_on.year == 2020
    assert csa.share < 50 < neglect.share


def test_csa_audit_led_to_the_strategy_and_training(demo):
    audit = Audit.objects.get(partnership__slug="hounslow", topic="Child sexual abuse")
    actions = Action.objects.filter(audit_finding__audit=audit)
    assert actions.count() == 2 and set(actions.values_list("status", flat=True)) == {ActionStatus.CLOSED}
    assert AuditFinding.objects.filter(audit=audit, kind=FindingKind.LEARNING).exists()


def test_ealing_and_hillingdon_each_have_one_audit(demo):
    ealing = Audit.objects.get(partnership__slug="ealing")
    assert ealing.status == AuditStatus.COMPLETE and ealing.group.name.startswith("Quality Assurance")
    hillingdon = Audit.objects.get(partnership__slug="hillingdon")
    assert hillingdon.status == AuditStatus.AGENCIES_COMPLETING
    parts = AgencyReturn.objects.filter(case__audit=hillingdon)
    assert parts.count() == 9 and parts.filter(status="submitted").count() == 3


def test_loading_again_changes_nothing(demo):
    before = (Audit.objects.count(), AuditTool.objects.count(), Action.objects.count())
    load_case_audits_demo()
    assert (Audit.objects.count(), AuditTool.objects.count(), Action.objects.count()) == before
