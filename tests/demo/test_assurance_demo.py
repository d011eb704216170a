"""The demo's inspections register: Hounslow's three inspections as the yearly report 2023-24 gives them."""

from masa.actions.models import ActionSource, ActionStatus
from masa.assurance.models import FindingKind, Inspection, InspectionFinding, InspectionKind
from masa.demo.assurance_loader import load_assurance_demo


def _register(slug: str) -> dict[str, Inspection]:
    return {i.kind: i for i in Inspection.objects.filter(partnership__slug=slug)}


def test_hounslow_inspections_carry_the_reports_judgements(demo):
    register = _register("hounslow")
    assert set(register) == {InspectionKind.OFSTED_ILACS, InspectionKind.HMICFRS, InspectionKind.HMIP}

    ilacs = register[InspectionKind.OFSTED_ILACS]
    assert (ilacs.start_date.year, ilacs.start_date.month) == (2023, 10)
    assert ilacs.overall_judgement == "Good"
    assert {j.area: j.judgement for j in ilacs.judgements.all()}["Leadership"] == "Outstanding"
    assert ilacs.inspected_body.name == "London Borough of Hounslow"

    hmip = register[InspectionKind.HMIP]
    assert (hmip.start_date.year, hmip.start_date.month) == (2024, 3)
    assert hmip.inspected_body.name == "HMYOI Feltham"
    judgements = {j.area: j.judgement for j in hmip.judgements.all()}
    assert judgements["Safety"].startswith("Level 1") and "level 3" in judgements["Safety"]
    assert judgements["Purposeful activity"] == "Level 1"
    # "no urgent actions were identified": no cause of concern, no recommendation.
    assert not hmip.findings.exclude(kind=FindingKind.AREA_FOR_IMPROVEMENT).exists()


def test_hmicfrs_causes_of_concern_are_tracker_actions(demo):
    hmicfrs = _register("hounslow")[InspectionKind.HMICFRS]
    assert (hmicfrs.start_date.year, hmicfrs.start_date.month) == (2023, 10)
    causes = list(hmicfrs.findings.order_by("number"))
    assert [f.kind for f in causes] == [FindingKind.CAUSE_OF_CONCERN] * 3
    assert causes[0].text.startswith("A failure to adequately identify and assess risks")
    assert causes[1].text.startswith("Not carrying out sufficiently effective investigations")
    assert "victim-blaming language" in causes[2].text
    assert "8 further recommendations" in hmicfrs.summary
    actions = [f.actions.get() for f in causes]
    assert {a.source for a in actions} == {ActionSource.INSPECTION_RECOMMENDATION}
    assert [a.status for a in actions] == [ActionStatus.CLOSED, ActionStatus.IN_PROGRESS, ActionStatus.OPEN]
    assert actions[0].evidence.exists() and "48 hours" in actions[0].impact
    assert {a.group.name for a in actions} == {"Adolescent Safeguarding Group"}
    assert actions[0].owner.job_title.startswith("Detective Superintendent for Public Protection")


def test_ealing_and_hillingdon_have_one_inspection_each_with_an_owned_action(demo):
    for slug in ("ealing", "hillingdon"):
        [inspection] = _register(slug).values()
        [finding] = inspection.findings.all()
        assert finding.actions.get().owner.partnership.slug == slug


def test_loading_again_changes_nothing(demo):
    before = (Inspection.objects.count(), InspectionFinding.objects.count())
    load_assurance_demo()
    assert (Inspection.objects.count(), InspectionFinding.objects.count()) == before
