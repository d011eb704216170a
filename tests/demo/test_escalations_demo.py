"""The demo's professional escalations: Hounslow's twelve of 2023-24, resolved at each of the
three stages, pseudonymised, with one follow-up action in the tracker; Ealing and Hillingdon
have none; loading again adds nothing."""

from decimal import Decimal

from masa.actions.models import ActionSource, ActionStatus
from masa.demo.escalations_loader import load_escalations_demo
from masa.escalations import selectors
from masa.escalations.models import Escalation
from masa.incidents.pseudonyms import reference_problem
from masa.partnership.models import Partnership


def test_hounslow_escalations_of_2023_24(demo):
    hounslow = Partnership.objects.get(slug="hounslow")
    summary = selectors.summary(hounslow, 2023)
    assert (summary.raised, summary.resolved, summary.open) == (12, 12, 0)
    assert [n for _, _, n in summary.by_stage] == [6, 4, 2]
    assert summary.median_days == Decimal("17.5")
    assert summary.by_agency[0] == ("London Borough of Hounslow", 11)
    assert dict(summary.by_theme)["Neglect"] == 4
    assert [f.year for f in selectors.trend(hounslow)] == ["2023-24"]
    assert not Escalation.objects.filter(partnership__slug__in=["ealing", "hillingdon"]).exists()


def test_no_raiser_is_named_and_references_are_pseudonymised(demo):
    for e in Escalation.objects.filter(partnership__slug="hounslow"):
        assert e.raised_by is None and e.raised_by_role
        assert e.child_reference == "" or reference_problem(e.child_reference) is None


def test_one_follow_up_action_in_the_tracker(demo):
    e = Escalation.objects.get(partnership__slug="hounslow", action__isnull=False)
    assert e.stage == 3
    assert e.action.source == ActionSource.ESCALATION and e.action.status == ActionStatus.CLOSED


def test_loading_again_adds_nothing(demo):
    before = Escalation.objects.count()
    load_escalations_demo()
    assert Escalation.objects.count() == before
