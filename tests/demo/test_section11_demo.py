"""The demo's Section 11 self-assessment: Hounslow's 2023-24 cycle of twenty agencies."""

from masa.actions.models import Action, ActionSource, ActionStatus
from masa.assurance.models import Section11Cycle, StandardsKind, StandardsSet
from masa.assurance.selectors_section11 import cycle_results
from masa.demo.section11_data import DEADLINE
from masa.demo.section11_loader import load_section11_demo


def test_hounslow_has_a_section_11_cycle_of_twenty_agencies(demo):
    cycle = Section11Cycle.objects.get(partnership__slug="hounslow")
    assert cycle.standards_set.kind == StandardsKind.SECTION_11
    assert cycle.opens_on.year == 2023 and DEADLINE.year == 2023
    results = cycle_results(cycle)
    assert results.rate.asked == 20
    assert results.rate.returned == 19 and results.rate.late == 3
    assert [r.agency.name for r in results.rate.not_returned] == [
        "Community Inclusion & Partnership, London Borough of Hounslow"
    ]
    assert all(len(row.cells) == 8 and None not in row.cells for row in results.rows)
    feltham = next(r for r in results.rows if r.section11_return.agency.name == "HMYOI Feltham")
    assert feltham.section11_return.is_late and feltham.average < 2.5
    # The schools' set is there for the business team, unused and so still editable.
    schools = StandardsSet.objects.get(partnership__slug="hounslow", kind=StandardsKind.SECTION_175)
    assert schools.standards.count() == 8 and not schools.cycles.exists()


def test_improvement_actions_are_in_the_tracker(demo):
    actions = Action.objects.filter(partnership__slug="hounslow", source=ActionSource.SECTION11_IMPROVEMENT)
    assert actions.count() == 4
    assert actions.filter(status=ActionStatus.CLOSED).count() == 2
    assert all(a.section11_improvement.section11_return.is_submitted for a in actions)


def test_loading_again_changes_nothing(demo):
    load_section11_demo()
    assert Section11Cycle.objects.filter(partnership__slug="hounslow").count() == 1
    assert StandardsSet.objects.filter(partnership__slug="hounslow").count() == 2


def test_feltham_challenge_session_agreed_a_lower_rating(demo):
    cycle = Section11Cycle.objects.get(partnership__slug="hounslow")
    feltham = cycle.returns.get(agency__name="HMYOI Feltham")
    assert feltham.challenged_on is not None and "agency staff" in feltham.challenge_summary
    moderated = feltham.ratings.exclude(moderated_rating=None).get()
    assert (moderated.standard.number, moderated.rating, moderated.moderated_rating) == (6, 3, 2)
    results = cycle_results(cycle)
    row = next(r for r in results.rows if r.section11_return == feltham)
    assert row.cells[5] == 2  # the agreed rating, not the agency's own


def test_ealing_and_hillingdon_have_smaller_cycles_of_their_own_agencies(demo):
    for slug, asked, returned, late in (("ealing", 7, 7, 1), ("hillingdon", 6, 5, 1)):
        cycle = Section11Cycle.objects.get(partnership__slug=slug)
        rate = cycle_results(cycle).rate
        assert (rate.asked, rate.returned, rate.late) == (asked, returned, late), slug
        action = Action.objects.get(partnership__slug=slug, source=ActionSource.SECTION11_IMPROVEMENT)
        assert action.owner.partnership.slug == slug
    hillingdon = Section11Cycle.objects.get(partnership__slug="hillingdon")
    assert [r.agency.name for r in cycle_results(hillingdon).rate.not_returned] == [
        "Border Force (Heathrow Airport)"
    ]
